/// What `fields` says without a field: the national-interest fields of both frameworks with how much of the graph
/// reaches them.
public struct FieldListReport: Encodable, Hashable, Sendable {
    /// One field with its counts.
    public struct Entry: Encodable, Hashable, Sendable {
        /// `cet-2024` or `chips-2022`.
        public let framework: String
        public let number: Int?
        public let id: String
        public let name: String
        /// Detailed occupations graded core, substantial and incidental.
        public let core: Int
        public let substantial: Int
        public let incidental: Int
        /// Curation rows that signal the field (a focus area: with those of the categories it includes).
        public let programs: Int
        public let technologies: Int
        public let titleTerms: Int
        public let directLinks: Int
        /// For a focus area: the CET categories it includes.
        public let includes: [String]
    }

    /// CET categories by number, then CHIPS focus areas by number.
    public let fields: [Entry]
    public let sources: [SourceCitation]

    /// Needs `alignments` and `curation` loaded. O(fields · curation rows + edges).
    public init(graph: KnowledgeGraph) {
        fields = graph.nodes(ofKind: .field).map { field in
            let links = graph.curatedLinks(for: field)
            let grades = graph.occupations(alignedWith: field).map(\.grade)
            return Entry(framework: graph.framework(of: field)?.rawValue ?? "", number: graph.fieldNumber(field),
                         id: graph[field].id, name: graph[field].title,
                         core: grades.filter { $0 == .core }.count,
                         substantial: grades.filter { $0 == .substantial }.count,
                         incidental: grades.filter { $0 == .incidental }.count,
                         programs: links[.programs]?.count ?? 0, technologies: links[.technologies]?.count ?? 0,
                         titleTerms: links[.titles]?.count ?? 0, directLinks: links[.occupations]?.count ?? 0,
                         includes: (links[.inclusions] ?? []).map { graph[$0.subject].id })
        }.sorted { ($0.framework, $0.number ?? Int.max, $0.id) < ($1.framework, $1.number ?? Int.max, $1.id) }
        sources = graph.sources.citations
    }
}

/// What `fields FIELD` says: the occupations and O*NET specialties aligned with one field, best grade first.
public struct FieldOccupationsReport: Encodable, Hashable, Sendable {
    /// One aligned occupation or specialty with its grade and the counts behind its strength.
    public struct Entry: Encodable, Hashable, Sendable {
        public let code: String
        public let title: String
        /// `core`, `substantial` or `incidental`.
        public let grade: String
        /// The weight of the evidence behind the grade (0–1).
        public let strength: Double
        /// Which part of the rule decided the grade.
        public let gradeReason: String
        /// Whether the code is a catch-all ("All Other"), graded for its typical incumbent.
        public let catchAll: Bool
        /// For a catch-all or another code with specialties: the specialty that carries the field, if graded.
        @Nullable public var specialty: String?
        public let programs: Int
        public let programTotal: Int
        public let technologies: Int
        public let hotTechnologies: Int
        public let titles: Int
        /// The curated direct grade, if any.
        @Nullable public var direct: String?
    }

    public let id: String
    public let name: String
    public let framework: String
    public let number: Int?
    /// The lowest grade listed.
    public let minimumGrade: String
    /// How many occupations and specialties align with the field at that grade or above (`occupations` may be
    /// cut by a limit).
    public let total: Int
    /// Best first: grade, strength, code.
    public let occupations: [Entry]
    public let sources: [SourceCitation]

    /// Needs `alignments` loaded. `limit` keeps the best; nil keeps all. O(d log d).
    ///
    /// - Throws: `SOCGraphError.nothingFound` when nothing aligns with the field at `minimum`.
    public init(graph: KnowledgeGraph, field: NodeIndex, minimum: AlignmentGrade = .substantial,
                limit: Int? = nil) throws {
        let aligned = graph.occupations(alignedWith: field, minimum: minimum, specialties: true)
        guard !aligned.isEmpty else {
            let lower = graph.occupations(alignedWith: field, specialties: true).count
            throw SOCGraphError.nothingFound(
                "no occupation aligns with \(graph[field].id) at grade \(minimum.name) or above"
                    + (lower > 0 ? " (\(lower) incidental: add --grade incidental)"
                                 : ": no curated program, technology, title or direct link reaches it (see Graph/curation/)"))
        }
        id = graph[field].id
        name = graph[field].title
        framework = graph.framework(of: field)?.rawValue ?? ""
        number = graph.fieldNumber(field)
        minimumGrade = minimum.name
        total = aligned.count
        occupations = aligned.prefix(limit ?? aligned.count).map { a in
            Entry(code: graph[a.occupation].id, title: graph[a.occupation].title, grade: a.grade.name,
                  strength: a.strength, gradeReason: a.gradeReason, catchAll: a.catchAll,
                  specialty: a.specialty.map { graph[$0].id }, programs: a.programs, programTotal: a.programTotal,
                  technologies: a.technologies, hotTechnologies: a.hotTechnologies, titles: a.titles,
                  direct: a.direct?.name)
        }
        sources = graph.sources.citations
    }
}
