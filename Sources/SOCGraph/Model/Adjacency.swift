/// Compressed adjacency lists (CSR) of one edge kind in one direction: for node `n`, the positions in
/// `KnowledgeGraph.edges` of its edges are `edges[offsets[n] ..< offsets[n + 1]]`.
struct Adjacency: Sendable, Equatable {
    private let offsets: [Int32]
    private let positions: [Int32]

    /// Builds the lists by a stable counting sort: each list keeps the order of `edgePositions`. `endpoint` gives
    /// the node (below `nodeCount`) each edge is listed under. O(nodes + edges).
    init(nodeCount: Int, edgePositions: Range<Int>, endpoint: (Int) -> NodeIndex) {
        var offsets = [Int32](repeating: 0, count: nodeCount + 1)
        var positions = [Int32](repeating: 0, count: edgePositions.count)
        offsets.withUnsafeMutableBufferPointer { offsets in
            positions.withUnsafeMutableBufferPointer { positions in
                // Count each node's edges, turn the counts into where each list ends, then place the edges from
                // the last, moving each list's end down to its start: the offsets without a second array.
                for position in edgePositions { offsets[endpoint(position)] += 1 }
                var end: Int32 = 0
                for node in 0..<nodeCount {
                    end += offsets[node]
                    offsets[node] = end
                }
                offsets[nodeCount] = end
                for position in edgePositions.reversed() {
                    let node = endpoint(position)
                    offsets[node] -= 1
                    positions[Int(offsets[node])] = Int32(position)
                }
            }
        }
        self.offsets = offsets
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
