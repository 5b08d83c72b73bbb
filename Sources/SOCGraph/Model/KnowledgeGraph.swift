import Foundation

/// The loaded knowledge graph: immutable, `Sendable`, integer-indexed.
///
/// Nodes are stored sorted by kind, then id bytewise, so that each kind is a contiguous range and iterating a
/// range is in id order. Edges are stored once; each edge kind has outgoing and incoming adjacency lists in a
/// fixed order: by the other end's position, except `related`, listed by O*NET index (1 = most related) first.
/// Get one from `GraphStore.load()`.
public struct KnowledgeGraph: Sendable {
    /// Every node; a `NodeIndex` is a position in this array.
    public let nodes: [Node]
    /// Every edge, sorted by kind, then `from`, then order key, then `to`.
    public let edges: [Edge]
    /// The official inputs, as listed in manifest.tsv, in its order.
    public let sources: [DataSource]
    /// The 12 O*NET Required Level of Education categories, by number.
    public let educationCategories: [EducationCategory]
    /// Titles for search, grouped by node in node order.
    public let titles: [TitleEntry]
    /// The curation tables (empty when the files are absent).
    public let curation: Curation
    /// The BLS SOC 2010 → 2018 crosswalk, in Graph/soc-2010.tsv order.
    public let soc2010Links: [SOC2010Link]
    /// ESCO occupation titles with their ISCO-08 group, in Graph/esco.tsv order.
    public let escoTitles: [ESCOTitle]

    /// The O*NET titles of `.00` codes and their detailed occupations (kept for the cache; see `Parts`).
    let onetTitles: [(node: NodeIndex, title: String)]
    let index: [String: NodeIndex]
    /// Occupational nodes by the look-up key of their titles (`titleKey`), in preference order.
    let exactTitles: [String: [NodeIndex]]
    let outgoing: [EdgeKind: Adjacency]
    let incoming: [EdgeKind: Adjacency]
    let kindRanges: [NodeKind: Range<NodeIndex>]
    let facts: [NodeIndex: OccupationFacts]
    let programFacts: [NodeIndex: Program]
    let fieldFacts: [NodeIndex: FieldFacts]
    let commodities: [NodeIndex: Commodity]
    let titleRanges: [NodeIndex: Range<Int>]
    /// Positions in `soc2010Links` by SOC 2010 code.
    let soc2010Index: [String: [Int]]

    // MARK: Nodes

    /// The node at `index`. O(1).
    public subscript(_ index: NodeIndex) -> Node { nodes[index] }

    /// The node with id `id` exactly as stored (`15-2051`, `15-2051.01`, `11.0102`, a field slug); nil if unknown.
    /// Use `resolve(_:)` for user input. O(1).
    public func node(id: String) -> NodeIndex? { index[id] }

    /// The contiguous, id-ordered range of nodes of `kind`. O(1).
    public func nodes(ofKind kind: NodeKind) -> Range<NodeIndex> { kindRanges[kind] ?? 0..<0 }

    /// The node of Job Zone `zone` (as coded: 2 is "Job Zone 1-2" since O*NET 30). O(1).
    public func node(forJobZone zone: Int) -> NodeIndex? { index[KnowledgeGraph.jobZoneID(zone)] }

    /// How Job Zone `zone` is named: `1-2` for zone 2 of O*NET 30 (zones 1 and 2 merged), else the number.
    /// From the job zone's node, whose title comes from Job Zone Reference. O(1).
    public func jobZoneLabel(_ zone: Int) -> String {
        guard let node = node(forJobZone: zone) else { return String(zone) }
        let title = self[node].title
        return title.hasPrefix("Job Zone ") ? String(title.dropFirst(9)) : title
    }

    /// The SOC 2018 codes the BLS crosswalk maps SOC 2010 code `code` to, in file order; empty for a code it
    /// does not list. O(result).
    public func soc2010Links(for code: String) -> [SOC2010Link] {
        (soc2010Index[code] ?? []).map { soc2010Links[$0] }
    }

    /// The node id of ISCO-08 group `code`: `isco:2512`.
    public static func iscoID(_ code: String) -> String { "isco:" + code }

    /// The node id of Job Zone `zone`: `job-zone-4`.
    public static func jobZoneID(_ zone: Int) -> String { "job-zone-\(zone)" }

    // MARK: Edges

    /// The edges of `kind` leaving (`outgoing`) or entering (`incoming`) `node`, in fixed order. O(degree).
    public func edges(_ kind: EdgeKind, _ direction: EdgeDirection = .outgoing, of node: NodeIndex) -> [Edge] {
        guard let adjacency = (direction == .outgoing ? outgoing : incoming)[kind] else { return [] }
        return adjacency.edges(of: node).map { edges[$0] }
    }

    /// The nodes at the other end of `node`'s edges of `kind`, in fixed order. O(degree).
    public func neighbours(_ kind: EdgeKind, _ direction: EdgeDirection = .outgoing, of node: NodeIndex) -> [NodeIndex] {
        guard let adjacency = (direction == .outgoing ? outgoing : incoming)[kind] else { return [] }
        return adjacency.edges(of: node).map { direction == .outgoing ? edges[$0].to : edges[$0].from }
    }

    /// The number of edges of `kind` at `node` in `direction`. O(1).
    public func degree(_ kind: EdgeKind, _ direction: EdgeDirection = .outgoing, of node: NodeIndex) -> Int {
        (direction == .outgoing ? outgoing : incoming)[kind]?.degree(of: node) ?? 0
    }

    /// The number of edges of each kind (kinds with none are left out).
    public var edgeCounts: [EdgeKind: Int] {
        var counts: [EdgeKind: Int] = [:]
        for edge in edges { counts[edge.kind, default: 0] += 1 }
        return counts
    }
}

/// The UNSPSC commodity an O*NET technology example belongs to.
public struct Commodity: Hashable, Sendable {
    public let code: String
    public let title: String
}
