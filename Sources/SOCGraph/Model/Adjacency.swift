/// Compressed adjacency lists (CSR) of one edge kind in one direction: for node `n`, the positions in
/// `KnowledgeGraph.edges` of its edges are `positions[offsets[n] ..< offsets[n + 1]]`.
struct Adjacency: Sendable {
    private let offsets: [Int]
    private let positions: [Int]

    /// Builds the lists by a stable counting sort: each list keeps the order of `edgePositions`. `endpoint` gives
    /// the node (below `nodeCount`) each edge is listed under. O(nodes + edges).
    init(nodeCount: Int, edgePositions: Range<Int>, endpoint: (Int) -> NodeIndex) {
        var offsets = [Int](repeating: 0, count: nodeCount + 1)
        for position in edgePositions { offsets[endpoint(position) + 1] += 1 }
        for node in 0..<nodeCount { offsets[node + 1] += offsets[node] }
        var next = offsets
        var positions = [Int](repeating: 0, count: edgePositions.count)
        for position in edgePositions {
            let node = endpoint(position)
            positions[next[node]] = position
            next[node] += 1
        }
        self.offsets = offsets
        self.positions = positions
    }

    /// The edge positions of `node`, in fixed order. O(1) to obtain, O(degree) to walk.
    func edges(of node: NodeIndex) -> ArraySlice<Int> {
        positions[offsets[node]..<offsets[node + 1]]
    }

    func degree(of node: NodeIndex) -> Int { offsets[node + 1] - offsets[node] }
}

/// Which end of an edge a traversal starts from.
public enum EdgeDirection: Sendable {
    /// Edges whose `from` is the node (a detailed code's parent, an occupation's related occupations).
    case outgoing
    /// Edges whose `to` is the node (a group's children, the programs preparing for an occupation).
    case incoming
}
