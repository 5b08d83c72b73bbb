/// What `path` says: the nodes and links of a shortest path, each link explained.
///
/// JSON keys: `from`, `to`, `via` (the `PathScope`), `length` (links), `nodes` (list of `{id,title,kind}`),
/// `edges` (list of `{from,to,kind,text}`: `from` and `to` are the link's own direction, which may run against
/// the path's; `text` reads it in the path's direction), `sources`.
public struct PathReport: Encodable, Hashable, Sendable {
    public struct PathNode: Encodable, Hashable, Sendable {
        public let id: String
        public let title: String
        /// The `NodeKind` raw value: `detailed`, `program`, `job-zone`, …
        public let kind: String
    }

    public struct PathEdge: Encodable, Hashable, Sendable {
        public let from: String
        public let to: String
        /// The `EdgeKind` raw value: `related`, `parent`, `prepares-for`, …
        public let kind: String
        /// The link as a sentence in the path's direction (`KnowledgeGraph.sentence(_:)`).
        public let text: String
    }

    public let from: String
    public let to: String
    public let via: String
    public let length: Int
    public let nodes: [PathNode]
    public let edges: [PathEdge]
    public let sources: [SourceCitation]

    /// The report of `path` found with `scope`. O(length of the path).
    public init(graph: KnowledgeGraph, path: GraphPath, scope: PathScope) {
        from = graph[path.nodes[0]].id
        to = graph[path.nodes[path.nodes.count - 1]].id
        via = scope.rawValue
        length = path.steps.count
        nodes = path.nodes.map {
            PathNode(id: graph[$0].id, title: graph[$0].title, kind: graph[$0].kind.rawValue)
        }
        edges = path.steps.map { step in
            PathEdge(from: graph[step.edge.from].id, to: graph[step.edge.to].id, kind: step.edge.kind.rawValue,
                     text: graph.sentence(step))
        }
        sources = graph.sources.citations
    }
}
