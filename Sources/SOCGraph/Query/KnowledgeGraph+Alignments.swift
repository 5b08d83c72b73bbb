/// Typed views of the aligns-with edges and the curation tables behind them.
extension KnowledgeGraph {
    /// Grade first, then strength, then field or code id.
    func ranks(_ a: FieldAlignment, before b: FieldAlignment, by id: (FieldAlignment) -> NodeIndex) -> Bool {
        if a.grade != b.grade { return a.grade > b.grade }
        if a.strength != b.strength { return a.strength > b.strength }
        return self[id(a)].id.utf8.lexicographicallyPrecedes(self[id(b)].id.utf8)
    }

    /// The fields an occupation aligns with at `minimum` grade or above, best first (grade, strength, field id).
    /// A specialty has its own alignments and, for the other fields, those of its detailed code. O(d log d).
    public func alignments(of occupation: NodeIndex, minimum: AlignmentGrade = .incidental) -> [FieldAlignment] {
        var own = edges(.alignsWith, .outgoing, of: occupation).compactMap(Self.alignment)
        if self[occupation].kind == .specialty, let code = parent(of: occupation) {
            let fields = Set(own.map(\.field))
            own += edges(.alignsWith, .outgoing, of: code).compactMap(Self.alignment).filter { !fields.contains($0.field) }
        }
        return own.filter { $0.grade >= minimum }.sorted { ranks($0, before: $1, by: \.field) }
    }

    /// The occupations aligned with a field at `minimum` grade or above, best first (grade, strength, code): detailed
    /// codes, and with `specialties` the O*NET specialties graded on their own. O(d log d).
    public func occupations(alignedWith field: NodeIndex, minimum: AlignmentGrade = .incidental,
                            specialties: Bool = false) -> [FieldAlignment] {
        edges(.alignsWith, .incoming, of: field).compactMap(Self.alignment)
            .filter { $0.grade >= minimum && (specialties || self[$0.occupation].kind == .detailed) }
            .sorted { ranks($0, before: $1, by: \.occupation) }
    }

    /// The alignment of one occupation with one field (a specialty without its own: its detailed code's); nil when
    /// no edge links them. O(d).
    public func alignment(of occupation: NodeIndex, with field: NodeIndex) -> FieldAlignment? {
        let own = edges(.alignsWith, .outgoing, of: occupation).lazy.compactMap(Self.alignment).first { $0.field == field }
        if let own { return own }
        guard self[occupation].kind == .specialty, let code = parent(of: occupation) else { return nil }
        return edges(.alignsWith, .outgoing, of: code).lazy.compactMap(Self.alignment).first { $0.field == field }
    }

    private static func alignment(_ edge: Edge) -> FieldAlignment? {
        if case let .alignment(alignment) = edge.attributes { return alignment }
        return nil
    }

    /// The curation rows of each table that signal `field` (a focus area: with those of the categories it
    /// includes), in file order. Needs `curation`. O(curation rows).
    public func curatedLinks(for field: NodeIndex) -> [CurationTable: [CurationLink]] {
        var result: [CurationTable: [CurationLink]] = [:]
        for table in CurationTable.allCases where table != .inclusions {
            result[table] = curation.links(table, signalling: field)
        }
        result[.inclusions] = curation.links(.inclusions).filter { $0.field == field }
        return result
    }

    /// The curated paths from an occupation to a field computed from the loaded graph: programs crosswalked to it,
    /// technologies O*NET lists for it and titles of it that the curation tables tie to the field, and a direct
    /// link. It finds paths too thin to make an edge. Needs `curation`. O(degree + titles + curation).
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
        let terms = links[.titles] ?? []
        var seen: Set<String> = []
        for entry in titles(of: occupation) where seen.insert(TitleTerms.words(entry.title)).inserted {
            guard let link = terms.first(where: { TitleTerms.contains(entry.title, term: $0.term ?? "") }) else { continue }
            paths.append(Evidence(kind: .title, via: nil, title: entry.title, term: link.term, hot: nil,
                                  rationale: link.rationale, curationFile: link.file, curationLine: link.line))
        }
        if let link = (links[.occupations] ?? []).first(where: { $0.subject == occupation }) {
            paths.append(Evidence(kind: .direct, via: nil, hot: nil, grade: link.grade, rationale: link.rationale,
                                  curationFile: link.file, curationLine: link.line))
        }
        return paths
    }

    // MARK: Fields from user input

    /// Resolves user input that must name a national-interest field: its id, its name (ignoring case), or the
    /// start of exactly one id (`semiconductors`).
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
