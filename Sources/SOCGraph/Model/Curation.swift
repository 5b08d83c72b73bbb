/// A reviewed row of Graph/curation/: something (a CIP program, a technology, an occupation) that signals a field.
public struct CurationLink: Hashable, Sendable {
    /// The program, technology or occupation node.
    public let subject: NodeIndex
    /// The field node.
    public let field: NodeIndex
    public let rationale: String
    /// File and line the row came from, for evidence trails.
    public let file: String
    public let line: Int
}

/// The three curation tables of Graph/curation/, each optional; empty when absent or not loaded.
public struct Curation: Hashable, Sendable {
    /// `cip-fields.tsv`: CIP programs that signal a field.
    public internal(set) var cipFields: [CurationLink] = []
    /// `technology-fields.tsv`: technologies that signal a field.
    public internal(set) var technologyFields: [CurationLink] = []
    /// `occupation-fields.tsv`: direct occupation-to-field links.
    public internal(set) var occupationFields: [CurationLink] = []

    public init() {}

    /// The rows of one table.
    public func links(_ table: CurationTable) -> [CurationLink] {
        switch table {
        case .programs: return cipFields
        case .technologies: return technologyFields
        case .occupations: return occupationFields
        }
    }
}

/// One of the three reviewed tables of Graph/curation/: its file and key column.
public enum CurationTable: String, CaseIterable, Sendable {
    case programs = "cip-fields.tsv"
    case technologies = "technology-fields.tsv"
    case occupations = "occupation-fields.tsv"

    /// The folder of the tables inside the graph directory.
    public static let folder = "curation"

    /// `curation/cip-fields.tsv`: the name used in diagnostics, relative to the graph directory.
    public var path: String { Self.folder + "/" + rawValue }

    public var keyColumn: String {
        switch self {
        case .programs: return "cip"
        case .technologies: return "technology"
        case .occupations: return "code"
        }
    }

    public var header: [String] { [keyColumn, "field", "rationale"] }
}
