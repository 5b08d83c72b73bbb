/// Compressed adjacency lists (CSR) of one edge kind in one direction: for node `n`, the positions in
/// `KnowledgeGraph.edges` of its edges are `edges[offsets[n] ..< offsets[n + 1]]`.
struct Adjacency: Sendable {
    private let offsets: [Int32]
    private let positions: [Int32]

    /// Builds the lists by a stable counting sort: each list keeps the order of `edgePositions`. O(nodes + edges).
    init(nodeCount: Int, edgePositions: [Int], endpoint: (Int) -> NodeIndex) {
        var counts = [Int32](repeating: 0, count: nodeCount + 1)
        for position in edgePositions { counts[endpoint(position) + 1] += 1 }
        for node in 0..<nodeCount { counts[node + 1] += counts[node] }
        var next = counts
        var positions = [Int32](repeating: 0, count: edgePositions.count)
        for position in edgePositions {
            let node = endpoint(position)
            positions[Int(next[node])] = Int32(position)
            next[node] += 1
        }
        self.offsets = counts
        self.positions = positions
    }

    /// The edge positions of `node`, in fixed order. O(1) to obtain, O(degree) to walk.
    func edges(of node: NodeIndex) -> LazyMapSequence<ArraySlice<Int32>, Int> {
        positions[Int(offsets[node])..<Int(offsets[node + 1])].lazy.map { Int($0) }
    }

    func degree(of node: NodeIndex) -> Int { Int(offsets[node + 1] - offsets[node]) }
}

/// Which end of an edge a traversal starts from.
public enum EdgeDirection: Sendable {
    /// Edges whose `from` is the node (a detailed code's parent, an occupation's related occupations).
    case outgoing
    /// Edges whose `to` is the node (a group's children, the programs preparing for an occupation).
    case incoming
}
