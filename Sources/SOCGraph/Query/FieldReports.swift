/// What `fields` says without a field: the 18 national-interest fields with how much of the graph reaches them.
public struct FieldListReport: Encodable, Hashable, Sendable {
    /// One field with its counts.
    public struct Entry: Encodable, Hashable, Sendable {
        public let number: Int?
        public let id: String
        public let name: String
        /// Detailed occupations with an aligns-with edge to the field.
        public let occupations: Int
        /// Rows of curation/cip-fields.tsv for the field.
        public let programs: Int
        /// Rows of curation/technology-fields.tsv for the field.
        public let technologies: Int
        /// Rows of curation/occupation-fields.tsv for the field.
        public let directLinks: Int
    }

    /// By CET list number.
    public let fields: [Entry]
    public let sources: [SourceCitation]

    /// Needs `alignments` and `curation` loaded. O(fields · curation rows + edges).
    public init(graph: KnowledgeGraph) {
        fields = graph.nodes(ofKind: .field).map { field in
            let links = graph.curatedLinks(for: field)
            return Entry(number: graph.fieldNumber(field), id: graph[field].id, name: graph[field].title,
                         occupations: graph.degree(.alignsWith, .incoming, of: field),
                         programs: links[.programs]?.count ?? 0, technologies: links[.technologies]?.count ?? 0,
                         directLinks: links[.occupations]?.count ?? 0)
        }.sorted { ($0.number ?? Int.max, $0.id) < ($1.number ?? Int.max, $1.id) }
        sources = graph.sources.citations
    }
}

/// What `fields FIELD` says: the occupations aligned with one field, strongest first.
public struct FieldOccupationsReport: Encodable, Hashable, Sendable {
    /// One aligned occupation with the counts behind its strength.
    public struct Entry: Encodable, Hashable, Sendable {
        public let code: String
        public let title: String
        public let strength: Double
        public let programs: Int
        public let programTotal: Int
        public let technologies: Int
        public let hotTechnologies: Int
        public let direct: Bool
    }

    public let id: String
    public let name: String
    public let number: Int?
    /// How many occupations align with the field in all (`occupations` may be cut by a limit).
    public let total: Int
    /// Strongest first, ties by code.
    public let occupations: [Entry]
    public let sources: [SourceCitation]

    /// Needs `alignments` loaded. `limit` keeps the strongest; nil keeps all. O(d log d).
    ///
    /// - Throws: `SOCGraphError.nothingFound` when no occupation aligns with the field.
    public init(graph: KnowledgeGraph, field: NodeIndex, limit: Int? = nil) throws {
        let aligned = graph.occupations(alignedWith: field)
        guard !aligned.isEmpty else {
            throw SOCGraphError.nothingFound("no occupation aligns with \(graph[field].id): no curated program, "
                                             + "technology or direct link reaches it (see Graph/curation/)")
        }
        id = graph[field].id
        name = graph[field].title
        number = graph.fieldNumber(field)
        total = aligned.count
        occupations = aligned.prefix(limit ?? aligned.count).map { a in
            Entry(code: graph[a.occupation].id, title: graph[a.occupation].title, strength: a.strength,
                  programs: a.programs, programTotal: a.programTotal, technologies: a.technologies,
                  hotTechnologies: a.hotTechnologies, direct: a.direct)
        }
        sources = graph.sources.citations
    }
}
