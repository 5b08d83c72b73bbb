/// The position of a node in `KnowledgeGraph.nodes`. Stable for one loaded graph only: persist `Node.id`, not this.
public typealias NodeIndex = Int

/// What a node of the knowledge graph stands for.
///
/// The cases are in the order nodes are stored: `KnowledgeGraph.nodes` is sorted by kind, then by id bytewise.
public enum NodeKind: String, CaseIterable, Codable, Sendable, Comparable {
    /// SOC 2018 major group, `15-0000`.
    case major
    /// SOC 2018 minor group, `15-1200` (or `29-1000`).
    case minor
    /// SOC 2018 broad occupation, `15-1250`.
    case broad
    /// SOC 2018 detailed occupation, `15-1252`.
    case detailed
    /// O*NET-SOC specialty under a detailed occupation, `15-2051.01`.
    case specialty
    /// One of the 8 BLS entry-education categories; id is the `EducationLevel` raw value (`bachelor`).
    case educationLevel = "education-level"
    /// O*NET Job Zone, as Job Zone Reference lists them (O*NET 30: 1-2, coded 2, then 3, 4, 5); id `job-zone-4`.
    case jobZone = "job-zone"
    /// CIP 2020 family (`11`), series (`11.01`) or program (`11.0102`).
    case program
    /// National-interest field: a Critical and Emerging Technologies category; id is its slug.
    case field
    /// A designation an occupation can carry (`stem`, `schedule-a-group-1`).
    case designation
    /// An O*NET Technology Skills example; id is its name.
    case technology
    /// An ISCO-08 unit group (or a minor group the BLS crosswalk pairs directly); id `isco:2512`.
    case isco

    /// True for the four SOC hierarchy levels and O*NET specialties.
    public var isOccupational: Bool { rank <= NodeKind.specialty.rank }
    /// True for the major, minor and broad SOC groups.
    public var isSOCGroup: Bool { self == .major || self == .minor || self == .broad }

    /// Position in `allCases`; the storage order of nodes.
    public var rank: Int {
        switch self {
        case .major: return 0
        case .minor: return 1
        case .broad: return 2
        case .detailed: return 3
        case .specialty: return 4
        case .educationLevel: return 5
        case .jobZone: return 6
        case .program: return 7
        case .field: return 8
        case .designation: return 9
        case .technology: return 10
        case .isco: return 11
        }
    }

    /// How the kind reads in a sentence ("detailed occupation", "CIP program").
    public var displayName: String {
        switch self {
        case .major: return "major group"
        case .minor: return "minor group"
        case .broad: return "broad occupation"
        case .detailed: return "detailed occupation"
        case .specialty: return "O*NET specialty"
        case .educationLevel: return "education level"
        case .jobZone: return "job zone"
        case .program: return "CIP program"
        case .field: return "national-interest field"
        case .designation: return "designation"
        case .technology: return "technology"
        case .isco: return "ISCO-08 group"
        }
    }

    public static func < (lhs: NodeKind, rhs: NodeKind) -> Bool { lhs.rank < rhs.rank }
    public static func == (lhs: NodeKind, rhs: NodeKind) -> Bool { lhs.rank == rhs.rank }
    public func hash(into hasher: inout Hasher) { hasher.combine(rank) }
}

/// One node: its id (the code or slug users type), kind and title as published.
public struct Node: Hashable, Sendable {
    /// Unique across the whole graph: `15-2051`, `15-2051.01`, `11.0102`, `artificial-intelligence`, `bachelor`,
    /// `job-zone-4`, `stem`, or a technology name.
    public let id: String
    public let kind: NodeKind
    /// The title exactly as published (SOC, O*NET, CIP, CET list); for technologies, the example name.
    public let title: String

    public init(id: String, kind: NodeKind, title: String) {
        self.id = id
        self.kind = kind
        self.title = title
    }
}
