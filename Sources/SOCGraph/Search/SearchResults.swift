/// One ranked occupation for a search.
public struct SearchHit: Sendable, Equatable, Codable {
    /// SOC detailed code.
    public var code: String
    /// SOC title.
    public var title: String
    /// 0–1; see `SearchIndex` for how it is computed. Near 1 for an exact title, low for a weak match.
    public var score: Double
    /// Why it matched, most telling first: `title: Data Scientists`, `alternate: Machine Learning Engineer`,
    /// `reported: Data Scientist` (an alternate title O*NET's Sample of Reported Titles lists too),
    /// `technology: TensorFlow`, `program: …`, `definition`, `tasks: 2`, `terms: machin, learn` (stems),
    /// `expansion: leader → supervisor`, `spelling: labour → labor`; before the titles, a field term of the query
    /// (`field: deep learning → Artificial Intelligence, a core field (curation/title-terms.tsv)`); first, for a hit
    /// ranked as a related occupation of the first hit, `related: 17-2061 Computer Hardware Engineers (O*NET Related
    /// Occupations, #1)`, or as one at the query's level of a hit that matched a title at another level, which it
    /// names (`related: 17-3026 … (O*NET Related Occupations, #1), which matched "Additive Manufacturing
    /// Technician"; …`).
    public var matches: [String]
    /// For a hit ranked as a related occupation of the first hit (`SearchIndex.relatedShare`), the first hit's code;
    /// for one ranked first at the query's level, the code of the hit that matched at another level (see
    /// <doc:SearchMethod>, step 8); nil (and absent from JSON) for a hit ranked by what it matched.
    public var relatedTo: String? = nil

    /// The lines of `matches` that name a title the query matched (`title:`, `direct-match:`, `onet:`,
    /// `alternate:`, `reported:`, `ESCO:`), not the technologies, programs, terms or ranking rules.
    public var titleMatches: [String] {
        matches.filter { line in Self.titleLabels.contains { line.hasPrefix($0 + ": ") } }
    }

    static let titleLabels = [SearchField.title, .directMatch, .onet, .alternate].map(\.rawValue)
        + ["reported", SearchIndex.escoLabel]

    /// The label of the line that says a hit ranks where it does as a related occupation of another hit, the first
    /// (`SearchIndex.relatedShare`) or one that matched at another level: `related: 17-2061 Computer Hardware
    /// Engineers (O*NET Related Occupations, #1)`.
    public static let relatedLabel = "related"

    /// Whether the hit ranks where it does as a related occupation of another hit, not by what it matched.
    public var isRelated: Bool { relatedTo != nil }
}

/// The answer to a search: ranked hits, and whether the ranking is weak enough that the user should look further.
public struct SearchResults: Sendable, Equatable, Codable {
    public var query: String
    public var hits: [SearchHit]
    /// True when nothing matched, the best score is below `SearchIndex.weakScore`, the first two hits are within
    /// `SearchIndex.tieMargin` of each other, the title is of role words only ("Team Leader"), a title's first hit
    /// matches it only loosely (its best title match below `SearchIndex.relatedTitleMatch`), or `unknownWords` are at
    /// least `SearchIndex.unknownShare` of the query's words.
    public var weak: Bool
    /// One sentence saying why the results are weak, or nil.
    public var weakReason: String?
    /// Query words left out: levels, ranks before the head and employer noise (`sr`, `ii`, `principal`,
    /// `external`; see `JobTitle`).
    public var ignoredWords: [String]
    /// The query as searched, when normalisation changed more than case and dropped words: abbreviations spelled
    /// out, a bare head read last (`SDE` → `software development engineer`), a typing error in a head word
    /// corrected (`systems analyst (spelling corrected: ananlyst → analyst)`); nil otherwise.
    public var readAs: String?
    /// Query words no text of the graph holds (no title, technology, program or field term of
    /// `curation/title-terms.tsv`, and no definition or task when the text layer is present), as read: the ranking
    /// rests on the other words (`["llm"]` of "LLM Engineer").
    public var unknownWords: [String] = []

    /// Whether a hit says it matched an ESCO title: the output then cites ESCO and the crosswalks that take its
    /// ISCO-08 groups to SOC 2018, with ESCO's reuse notice.
    public var matchedESCO: Bool {
        hits.contains { $0.matches.contains { $0.hasPrefix(SearchIndex.escoLabel + ": ") } }
    }
}
