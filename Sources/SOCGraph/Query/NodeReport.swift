/// What `show` says about any node: an occupation report, or the subset that fits a group, CIP code, field or
/// other node. Encodes as the wrapped report itself.
public enum NodeReport: Encodable, Hashable, Sendable {
    case occupation(OccupationReport)
    case group(GroupReport)
    case program(ProgramReport)
    case field(FieldReport)
    case isco(ISCOReport)
    case other(OtherNodeReport)

    /// The report of `node`. O(size of the node's neighbourhood).
    public init(graph: KnowledgeGraph, node: NodeIndex) {
        switch graph[node].kind {
        case .detailed, .specialty: self = .occupation(OccupationReport(graph: graph, node: node))
        case .major, .minor, .broad: self = .group(GroupReport(graph: graph, node: node))
        case .program: self = .program(ProgramReport(graph: graph, node: node))
        case .field: self = .field(FieldReport(graph: graph, node: node))
        case .isco: self = .isco(ISCOReport(graph: graph, node: node))
        default: self = .other(OtherNodeReport(graph: graph, node: node))
        }
    }

    public func encode(to encoder: Encoder) throws {
        switch self {
        case let .occupation(report): try report.encode(to: encoder)
        case let .group(report): try report.encode(to: encoder)
        case let .program(report): try report.encode(to: encoder)
        case let .field(report): try report.encode(to: encoder)
        case let .isco(report): try report.encode(to: encoder)
        case let .other(report): try report.encode(to: encoder)
        }
    }
}

/// A SOC major, minor or broad group: its place in the hierarchy and what it contains.
public struct GroupReport: Encodable, Hashable, Sendable {
    public let code: String
    public let title: String
    public let level: String
    public let hierarchy: [NodeReference]
    /// The groups or occupations one level down, in code order.
    public let children: [NodeReference]
    /// Every detailed occupation in the group, in code order.
    public let occupations: [NodeReference]
    public let sources: [SourceCitation]

    public init(graph: KnowledgeGraph, node: NodeIndex) {
        code = graph[node].id
        title = graph[node].title
        level = graph[node].kind.rawValue
        hierarchy = graph.ancestors(of: node).map { NodeReference(graph, $0) }
        children = graph.children(of: node).map { NodeReference(graph, $0) }
        occupations = graph.detailedOccupations(under: node).map { NodeReference(graph, $0) }
        sources = graph.sources.citations
    }
}

/// A CIP 2020 family, series or program: its STEM designation and the occupations it prepares for.
public struct ProgramReport: Encodable, Hashable, Sendable {
    public let cip: String
    public let title: String
    /// `family`, `series` or `program`.
    public let level: String
    /// DHS STEM designation (programs only; nil otherwise).
    @Nullable public var stem: Bool?
    /// `listed` or `series-NN`; nil when not STEM.
    @Nullable public var stemBasis: String?
    public let hierarchy: [NodeReference]
    public let children: [NodeReference]
    /// Detailed occupations the program prepares for (NCES crosswalk), in code order.
    public let occupations: [NodeReference]
    public let sources: [SourceCitation]

    public init(graph: KnowledgeGraph, node: NodeIndex) {
        let program = graph.program(node)
        cip = graph[node].id
        title = graph[node].title
        level = program?.level.rawValue ?? "program"
        stem = program?.stem
        stemBasis = program?.stemBasis
        hierarchy = graph.ancestors(of: node).map { NodeReference(graph, $0) }
        children = graph.children(of: node).map { NodeReference(graph, $0) }
        occupations = graph.occupations(preparedBy: node).map { NodeReference(graph, $0) }
        sources = graph.sources.citations
    }
}

/// A national-interest field and the detailed occupations graded core or substantial in it (see
/// `FieldOccupationsReport` for grades, specialties and incidental links).
public struct FieldReport: Encodable, Hashable, Sendable {
    public let id: String
    public let name: String
    /// `cet-2024` or `chips-2022`.
    public let framework: String
    /// Its number in its framework's list.
    @Nullable public var number: Int?
    /// Detailed occupations graded core or substantial, best first (grade, strength, code).
    public let occupations: [NodeReference]
    public let sources: [SourceCitation]

    public init(graph: KnowledgeGraph, node: NodeIndex) {
        id = graph[node].id
        name = graph[node].title
        framework = graph.framework(of: node)?.rawValue ?? ""
        number = graph.fieldNumber(node)
        occupations = graph.occupations(alignedWith: node, minimum: .substantial)
            .map { NodeReference(graph, $0.occupation) }
        sources = graph.sources.citations
    }
}

/// An education level, job zone, designation or technology: the detailed occupations linked to it.
public struct OtherNodeReport: Encodable, Hashable, Sendable {
    public let id: String
    public let title: String
    /// The node kind (`education-level`, `job-zone`, `designation`, `technology`).
    public let kind: String
    /// Detailed occupations with an edge to the node, in code order.
    public let occupations: [NodeReference]
    public let sources: [SourceCitation]

    public init(graph: KnowledgeGraph, node: NodeIndex) {
        id = graph[node].id
        title = graph[node].title
        kind = graph[node].kind.rawValue
        let edgeKind: EdgeKind? = switch graph[node].kind {
        case .educationLevel: .entryEducation
        case .jobZone: .jobZone
        case .designation: .designated
        case .technology: .uses
        default: nil
        }
        occupations = edgeKind.map { kind in
            graph.neighbours(kind, .incoming, of: node).filter { graph[$0].kind == .detailed }
                .map { NodeReference(graph, $0) }
        } ?? []
        sources = graph.sources.citations
    }
}
