/// A reviewed row of Graph/curation/: something (a CIP program, a technology, a title term, an occupation, a field
/// of the other framework) that signals a field.
public struct CurationLink: Hashable, Sendable {
    /// The program, technology, occupation or specialty node; for a field inclusion the included field; for a
    /// title term the field itself (the term is in `term`).
    public let subject: NodeIndex
    /// For a title term: the term, lower-case words.
    public let term: String?
    /// The field node.
    public let field: NodeIndex
    /// For a direct occupation link: its grade (core or substantial).
    public let grade: AlignmentGrade?
    public let rationale: String
    /// File and line the row came from, for evidence trails.
    public let file: String
    public let line: Int

    public init(subject: NodeIndex, term: String? = nil, field: NodeIndex, grade: AlignmentGrade? = nil,
                rationale: String, file: String, line: Int) {
        (self.subject, self.term, self.field, self.grade) = (subject, term, field, grade)
        (self.rationale, self.file, self.line) = (rationale, file, line)
    }
}

/// The curation tables of Graph/curation/, each empty when absent or not loaded.
public struct Curation: Hashable, Sendable {
    var tables: [CurationTable: [CurationLink]] = [:]

    public init() {}

    /// The rows of one table, in file order.
    public func links(_ table: CurationTable) -> [CurationLink] { tables[table] ?? [] }

    mutating func append(_ link: CurationLink, to table: CurationTable) { tables[table, default: []].append(link) }

    /// The rows of `table` that signal `field`: its own rows, then those of each field it includes
    /// (field-includes.tsv), each keeping its own file and line.
    public func links(_ table: CurationTable, signalling field: NodeIndex) -> [CurationLink] {
        let included = links(.inclusions).filter { $0.field == field }.map(\.subject)
        return links(table).filter { $0.field == field || included.contains($0.field) }
    }
}

/// One of the reviewed tables of Graph/curation/: its file and columns.
public enum CurationTable: String, CaseIterable, Sendable {
    case programs = "cip-fields.tsv"
    case technologies = "technology-fields.tsv"
    case titles = "title-terms.tsv"
    case occupations = "occupation-fields.tsv"
    case inclusions = "field-includes.tsv"

    /// The folder of the tables inside the graph directory.
    public static let folder = "curation"

    /// `curation/cip-fields.tsv`: the name used in diagnostics, relative to the graph directory.
    public var path: String { Self.folder + "/" + rawValue }

    public var keyColumn: String {
        switch self {
        case .programs: return "cip"
        case .technologies: return "technology"
        case .titles: return "term"
        case .occupations: return "code"
        case .inclusions: return "field"
        }
    }

    /// The second column: the field signalled, or for an inclusion the field included.
    public var fieldColumn: String { self == .inclusions ? "includes" : "field" }

    public var header: [String] {
        self == .occupations ? [keyColumn, fieldColumn, "grade", "rationale"] : [keyColumn, fieldColumn, "rationale"]
    }

    /// The column of the rationale.
    public var rationaleColumn: Int { header.count - 1 }

    /// Whether `field` and `includes` swap roles: an inclusion row's key is the field that receives the links.
    public var isInclusion: Bool { self == .inclusions }
}
