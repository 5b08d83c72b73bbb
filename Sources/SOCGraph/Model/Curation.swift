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
}
