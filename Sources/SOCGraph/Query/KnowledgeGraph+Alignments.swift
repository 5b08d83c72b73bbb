/// Typed views of the aligns-with edges and the curation tables behind them.
extension KnowledgeGraph {
    /// The fields a detailed occupation aligns with (a specialty: those of its detailed code), strongest first,
    /// ties by field id. O(d log d) for d alignments.
    public func alignments(of occupation: NodeIndex) -> [FieldAlignment] {
        let code = self[occupation].kind == .specialty ? (parent(of: occupation) ?? occupation) : occupation
        return edges(.alignsWith, .outgoing, of: code).compactMap(Self.alignment)
            .sorted { $0.strength != $1.strength ? $0.strength > $1.strength : self[$0.field].id < self[$1.field].id }
    }

    /// The detailed occupations aligned with a field, strongest first, ties by code. O(d log d).
    public func occupations(alignedWith field: NodeIndex) -> [FieldAlignment] {
        edges(.alignsWith, .incoming, of: field).compactMap(Self.alignment).sorted {
            $0.strength != $1.strength ? $0.strength > $1.strength : self[$0.occupation].id < self[$1.occupation].id
        }
    }

    /// The alignment of one occupation (a specialty: its detailed code) with one field; nil when no edge links
    /// them. O(d).
    public func alignment(of occupation: NodeIndex, with field: NodeIndex) -> FieldAlignment? {
        let code = self[occupation].kind == .specialty ? (parent(of: occupation) ?? occupation) : occupation
        return edges(.alignsWith, .outgoing, of: code).lazy.compactMap(Self.alignment).first { $0.field == field }
    }

    private static func alignment(_ edge: Edge) -> FieldAlignment? {
        if case let .alignment(alignment) = edge.attributes { return alignment }
        return nil
    }

    /// The curation rows of each table that signal `field`, in file order. Needs `curation`. O(curation rows).
    public func curatedLinks(for field: NodeIndex) -> [CurationTable: [CurationLink]] {
        var result: [CurationTable: [CurationLink]] = [:]
        for table in CurationTable.allCases { result[table] = curation.links(table).filter { $0.field == field } }
        return result
    }

    /// The curated paths from an occupation to a field computed from the loaded graph: programs crosswalked to it
    /// and technologies O*NET lists for it that the curation tables tie to the field, and a direct link. It finds
    /// paths that make no edge because their strength rounds below 0.01. Needs `curation`. O(degree + curation).
    public func curatedPaths(from occupation: NodeIndex, to field: NodeIndex) -> [Evidence] {
        let links = curatedLinks(for: field)
        var paths: [Evidence] = []
        let curatedPrograms = Dictionary((links[.programs] ?? []).map { ($0.subject, $0) },
                                         uniquingKeysWith: { a, _ in a })
        for program in programs(preparingFor: occupation) {
            guard let link = curatedPrograms[program] else { continue }
            paths.append(Evidence(kind: .program, via: program, hot: nil, rationale: link.rationale,
                                  curationFile: link.file, curationLine: link.line))
        }
        let curatedTechnologies = Dictionary((links[.technologies] ?? []).map { ($0.subject, $0) },
                                             uniquingKeysWith: { a, _ in a })
        for (technology, use) in technologies(of: occupation) {
            guard let link = curatedTechnologies[technology] else { continue }
            paths.append(Evidence(kind: .technology, via: technology, hot: use.hot, rationale: link.rationale,
                                  curationFile: link.file, curationLine: link.line))
        }
        if let link = (links[.occupations] ?? []).first(where: { $0.subject == occupation }) {
            paths.append(Evidence(kind: .direct, via: nil, hot: nil, rationale: link.rationale,
                                  curationFile: link.file, curationLine: link.line))
        }
        return paths
    }

    // MARK: Fields from user input

    /// Resolves user input that must name a national-interest field: its id, its name (ignoring case), or the
    /// start of exactly one id (`quantum`).
    ///
    /// - Throws: `SOCGraphError.unknownNode` naming the closest fields (`ai` suggests artificial-intelligence).
    /// - Complexity: O(fields · length²).
    public func resolveField(_ input: String) throws -> NodeIndex {
        try Self.checkLength(of: input)
        let text = input.trimmed
        if let node = try? resolve(text, as: [.field]) { return node }
        let slug = CodeShape.slug(text)
        let prefixed = nodes(ofKind: .field).filter { !slug.isEmpty && self[$0].id.hasPrefix(slug) }
        if prefixed.count == 1 { return prefixed[0] }
        throw SOCGraphError.unknownNode(input, kind: NodeKind.field.displayName,
                                        suggestions: fieldSuggestions(for: text))
    }

    /// The fields closest to `text`, best first, each as "id": ids starting with it or with a word starting with
    /// it, names whose initials it spells (`ai`, `pnt`), ids or words within a few edits, names sharing words.
    public func fieldSuggestions(for text: String, limit: Int = 3) -> [String] {
        let slug = CodeShape.slug(text)
        guard !slug.isEmpty else { return [] }
        let letters = slug.replacing("-", with: "")
        var scored: [(score: Int, node: NodeIndex)] = []
        for field in nodes(ofKind: .field) {
            let id = self[field].id
            let words = id.split(separator: "-").map(String.init)
            let initials = String(words.filter { !["and", "of", "the"].contains($0) }.compactMap(\.first))
            let threshold = slug.count <= 3 ? 1 : slug.count < 9 ? 2 : 3
            let closest = ([id] + words.filter { $0.count >= 4 }).map { FindSuggestions.distance(slug, $0) }.min()
                ?? Int.max
            let mistypedStart = slug.count >= 5 && FindSuggestions.distance(slug, String(id.prefix(slug.count))) <= 1
            let shared = Self.words(text).intersection(Self.words(self[field].title)).count
            let score: Int
            if id.hasPrefix(slug) || words.contains(where: { $0.hasPrefix(slug) }) && slug.count >= 3 {
                score = 0
            } else if letters.count >= 2, initials.hasPrefix(letters) {
                score = 1
            } else if closest <= threshold {
                score = 2 + closest
            } else if mistypedStart {
                score = 3
            } else if shared > 0 {
                score = 10 - min(shared, 5)
            } else {
                continue
            }
            scored.append((score, field))
        }
        return scored.sorted { ($0.score, $0.node) < ($1.score, $1.node) }.prefix(limit).map { self[$0.node].id }
    }
}
