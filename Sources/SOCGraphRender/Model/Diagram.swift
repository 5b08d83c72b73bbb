import SOCGraph

/// A diagram to draw: nodes, edges, the SOC major groups that frame them, a title and the sources cited.
///
/// Pure data; `DOTBuilder` turns it into DOT and `GraphvizRenderer` into SVG, PNG or PDF.
public struct Diagram: Hashable, Sendable {
    /// Which way the diagram grows from its focus.
    public enum Direction: Hashable, Sendable {
        /// Groups above occupations, facts below them: candidates side by side (comparisons).
        case topDown
        /// Groups left of the focus, then one column per `DiagramNode.layer` (neighbourhoods): as wide as the
        /// walk is deep, however many occupations each step reaches.
        case leftToRight
    }

    public var title: String
    public var subtitle: String
    public var nodes: [DiagramNode]
    public var edges: [DiagramEdge]
    /// The frames nodes are drawn in (one per SOC major group), referred to by `DiagramNode.cluster`.
    public var clusters: [DiagramCluster]
    /// Citations printed in the footer, one per source with its vintage.
    public var sources: [String]
    public var direction: Direction

    public init(
        title: String, subtitle: String = "", nodes: [DiagramNode], edges: [DiagramEdge],
        clusters: [DiagramCluster] = [], sources: [String] = Diagram.standardSources, direction: Direction = .topDown
    ) {
        self.direction = direction
        self.title = title
        self.subtitle = subtitle
        self.nodes = nodes
        self.edges = edges
        self.clusters = clusters
        self.sources = sources
    }

    /// The sources socgraph's graph is built from, cited without releases: the footer of a diagram made without a
    /// graph manifest (the releases come only from a manifest).
    public static let standardSources = [
        "SOC 2018 (BLS)",
        "O*NET database (USDOL/ETA, CC BY 4.0)",
        "BLS Employment Projections",
        "OEWS (BLS)",
        "NCES CIP 2020",
        "Critical and Emerging Technologies List (NSTC)",
    ]

    /// Checks the diagram is within `limits` and consistent: unique node ids, edges between known nodes,
    /// known clusters.
    ///
    /// Throws `SOCGraphError.invalidInput` naming the first problem. O(nodes + edges).
    public func validate(limits: DiagramLimits = DiagramLimits()) throws {
        try limits.check(self)
        let clusterKeys = Set(clusters.map(\.key))
        if clusterKeys.count != clusters.count {
            throw SOCGraphError.invalidInput("the diagram defines a cluster twice")
        }
        var ids = Set<String>()
        for node in nodes {
            if node.id.isEmpty {
                throw SOCGraphError.invalidInput("a diagram node has an empty id (titled '\(node.title)')")
            }
            if node.id.hasPrefix(DOTBuilder.reservedPrefix) {
                throw SOCGraphError.invalidInput(
                    "diagram node id '\(node.id)' starts with '\(DOTBuilder.reservedPrefix)', which the legend uses")
            }
            if !ids.insert(node.id).inserted {
                throw SOCGraphError.invalidInput("the diagram has two nodes with id '\(node.id)'")
            }
            if let cluster = node.cluster, !clusterKeys.contains(cluster) {
                throw SOCGraphError.invalidInput(
                    "diagram node '\(node.id)' is in cluster '\(cluster)', which the diagram does not define")
            }
        }
        var seen = Set<DiagramEdge>()
        for edge in edges {
            for end in [edge.from, edge.to] where !ids.contains(end) {
                throw SOCGraphError.invalidInput(
                    "diagram edge \(edge.from) -> \(edge.to) names '\(end)', which is not a node of the diagram")
            }
            if !seen.insert(edge).inserted {
                throw SOCGraphError.invalidInput("the diagram has the edge \(edge.from) -> \(edge.to) twice")
            }
        }
    }
}

/// A frame drawn around the nodes of one SOC major group, labelled with its code and title.
public struct DiagramCluster: Hashable, Sendable {
    /// What `DiagramNode.cluster` refers to; usually the major group code (`15-0000`).
    public var key: String
    /// The code shown in the label (`15-0000`).
    public var code: String
    public var title: String

    public init(key: String, code: String, title: String) {
        self.key = key
        self.code = code
        self.title = title
    }

    /// A cluster for a SOC major group, keyed by its code.
    public init(majorGroup code: String, title: String) {
        self.init(key: code, code: code, title: title)
    }
}

/// The largest diagram socgraph draws; beyond this a layout is slow and unreadable on a page.
public struct DiagramLimits: Hashable, Sendable {
    public var maxNodes: Int
    public var maxEdges: Int

    public init(maxNodes: Int = 120, maxEdges: Int = 300) {
        self.maxNodes = maxNodes
        self.maxEdges = maxEdges
    }

    /// Throws `SOCGraphError.invalidInput` when the diagram has more nodes or edges than allowed.
    public func check(_ diagram: Diagram) throws {
        if diagram.nodes.count > maxNodes {
            throw SOCGraphError.invalidInput(
                "the diagram would have \(diagram.nodes.count) nodes (limit \(maxNodes)): "
                    + "reduce --depth or compare fewer codes")
        }
        if diagram.edges.count > maxEdges {
            throw SOCGraphError.invalidInput(
                "the diagram would have \(diagram.edges.count) edges (limit \(maxEdges)): "
                    + "reduce --depth or compare fewer codes")
        }
    }
}
