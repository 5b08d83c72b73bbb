/// A part of the knowledge graph chosen to be drawn: nodes, each with its role, and the links between them.
///
/// Neutral about drawing: it says what a diagram shows, SOCGraphRender decides how. Members are in node order
/// (kind, then id) and links sorted, so the same request always gives the same subgraph.
public struct Subgraph: Hashable, Sendable {

    /// Why a node is in the subgraph.
    public enum Role: Hashable, Sendable, Comparable {
        /// An occupation the subgraph is about: a compared candidate, the centre of a neighbourhood.
        case focus
        /// An occupation reached through related-occupation links, `depth` links away from the nearest focus.
        case related(depth: Int)
        /// A SOC group, education level, job zone, field, program or designation describing the occupations.
        case context

        /// Focus first, then nearer related occupations, then context.
        public static func < (lhs: Role, rhs: Role) -> Bool {
            switch (lhs, rhs) {
            case (.focus, .focus), (.context, _): return false
            case (.focus, _), (.related, .context): return true
            case let (.related(a), .related(b)): return a < b
            case (.related, .focus): return false
            }
        }
    }

    /// One node of the subgraph.
    public struct Member: Hashable, Sendable {
        public let node: NodeIndex
        public let role: Role
    }

    /// What a link says. Directions follow the knowledge graph's edges (see `EdgeKind`).
    public enum LinkKind: Hashable, Sendable {
        /// Member to its SOC group (an occupation may be linked straight to its major group when the groups
        /// between are not drawn).
        case parent
        /// Occupation to its BLS typical entry education.
        case entryEducation
        /// Occupation to its O*NET Job Zone.
        case jobZone
        /// Occupation to an O*NET related occupation: the tier and index (1 = most related) of the link.
        case related(RelatedTier, index: Int)
        /// Focus occupation to an occupation O*NET relates to several focus occupations; tier and index of
        /// this focus occupation's link.
        case sharedRelated(RelatedTier, index: Int)
        /// Occupation to a national-interest field; the grade when the graph records one.
        case alignsWith(grade: AlignmentGrade?)
        /// CIP program to an occupation it prepares for (NCES CIP–SOC crosswalk).
        case preparesFor
        /// Occupation to a designation (STEM occupation, Schedule A Group I).
        case designated

        /// Rank of the kind in link order.
        var order: Int {
            switch self {
            case .parent: return 0
            case .entryEducation: return 1
            case .jobZone: return 2
            case .related: return 3
            case .sharedRelated: return 4
            case .alignsWith: return 5
            case .preparesFor: return 6
            case .designated: return 7
            }
        }
    }

    /// One link between two members.
    public struct Link: Hashable, Sendable {
        public let from: NodeIndex
        public let to: NodeIndex
        public let kind: LinkKind
    }

    /// Every node, in node order.
    public let members: [Member]
    /// Every link, by kind, then `from`, then `to`.
    public let links: [Link]

    /// The focus occupations, in node order.
    public var focus: [NodeIndex] { members.filter { $0.role == .focus }.map(\.node) }

    /// The role of `node`, nil when it is not a member. O(log members).
    public func role(of node: NodeIndex) -> Role? {
        var low = 0, high = members.count
        while low < high {
            let middle = (low + high) / 2
            if members[middle].node < node { low = middle + 1 } else { high = middle }
        }
        return low < members.count && members[low].node == node ? members[low].role : nil
    }

    /// Throws `SOCGraphError.invalidInput` when the subgraph has more than `maxNodes` members or `maxLinks`
    /// links: a diagram that big is unreadable on a page. `request` names what was asked ("comparing 9 codes"),
    /// `advice` how to ask for less ("compare fewer codes").
    public func checkSize(maxNodes: Int, maxLinks: Int, request: String, advice: String) throws {
        if members.count > maxNodes {
            throw SOCGraphError.invalidInput(
                "\(request) would draw \(members.count) nodes, more than the \(maxNodes) a readable diagram holds: "
                    + advice)
        }
        if links.count > maxLinks {
            throw SOCGraphError.invalidInput(
                "\(request) would draw \(links.count) links, more than the \(maxLinks) a readable diagram holds: "
                    + advice)
        }
    }
}

/// Collects members and links while a subgraph is extracted: a node added twice keeps its strongest role,
/// a link added twice is kept once.
struct SubgraphBuilder {
    private var roles: [NodeIndex: Subgraph.Role] = [:]
    private var links = Set<Subgraph.Link>()

    var nodeCount: Int { roles.count }

    func contains(_ node: NodeIndex) -> Bool { roles[node] != nil }

    mutating func add(_ node: NodeIndex, _ role: Subgraph.Role) {
        if let existing = roles[node], existing <= role { return }
        roles[node] = role
    }

    mutating func link(_ from: NodeIndex, _ to: NodeIndex, _ kind: Subgraph.LinkKind) {
        links.insert(Subgraph.Link(from: from, to: to, kind: kind))
    }

    /// `node`'s SOC groups of the given kinds (`.broad`, `.minor`, `.major`), each linked to the nearest one
    /// below it (or to `node`). O(depth of the hierarchy).
    mutating func addGroups(of node: NodeIndex, in graph: KnowledgeGraph, kinds: Set<NodeKind>) {
        var child = node
        for group in graph.ancestors(of: node).reversed() where kinds.contains(graph[group].kind) {
            add(group, .context)
            link(child, group, .parent)
            child = group
        }
    }

    /// `occupation`'s entry education, job zone, designations and national-interest fields (those of at least
    /// `Subgraph.minimumFieldStrength`). O(degree).
    mutating func addAttributes(of occupation: NodeIndex, in graph: KnowledgeGraph) {
        for level in graph.neighbours(.entryEducation, of: occupation) {
            add(level, .context)
            link(occupation, level, .entryEducation)
        }
        for zone in graph.neighbours(.jobZone, of: occupation) {
            add(zone, .context)
            link(occupation, zone, .jobZone)
        }
        for designation in graph.neighbours(.designated, of: occupation) {
            add(designation, .context)
            link(occupation, designation, .designated)
        }
        // Core and substantial alignments only (fieldLinks); `why` shows incidental ones. A CHIPS focus area that
        // would repeat a CET category it includes, drawn at the same grade or better, is left out: memos list it.
        let links = graph.fieldLinks(of: occupation)
        let grades = Dictionary(links.map { ($0.field, $0.grade) }, uniquingKeysWith: { a, _ in a })
        let included = graph.curation.links(.inclusions)
        for field in links where !included.contains(where: { inclusion in
            inclusion.field == field.field && (grades[inclusion.subject] ?? nil).map { $0 >= (field.grade ?? .core) } == true
        }) {
            add(field.field, .context)
            link(occupation, field.field, .alignsWith(grade: field.grade))
        }
    }

    func build() -> Subgraph {
        let members = roles.map { Subgraph.Member(node: $0.key, role: $0.value) }.sorted { $0.node < $1.node }
        let links = links.sorted { a, b in
            if a.kind.order != b.kind.order { return a.kind.order < b.kind.order }
            if a.from != b.from { return a.from < b.from }
            return a.to < b.to
        }
        return Subgraph(members: members, links: links)
    }
}
