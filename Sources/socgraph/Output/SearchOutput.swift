import SOCGraph

/// `search` output in the three formats.
///
/// JSON is the contract's bare list of `{code, title, score, matches}`; with `--envelope`
/// `{query, results, weak, weakReason, ignoredWords, readAs, unknownWords, sources}`. A weak ranking and the words
/// not in the graph are said in the table itself; in bare JSON and TSV, on stderr as one `socgraph: note: …` line,
/// so that stdout stays parseable.
enum SearchOutput {
    /// `--envelope` JSON.
    struct Envelope: Encodable {
        let query: String
        let results: [SearchHit]
        let weak: Bool
        @Nullable var weakReason: String?
        let ignoredWords: [String]
        @Nullable var readAs: String?
        let unknownWords: [String]
        let sources: [SourceCitation]
    }

    /// The note a weak ranking earns: "weak result: look further — …".
    static func weakNote(_ results: SearchResults) -> String? {
        guard results.weak else { return nil }
        return "weak result: look further" + (results.weakReason.map { " — \($0)" } ?? "")
    }

    /// The line naming the query words no text of the graph holds, or nil.
    static func unknownNote(_ results: SearchResults) -> String? {
        guard !results.unknownWords.isEmpty else { return nil }
        return "Not in the graph: " + results.unknownWords.joined(separator: ", ")
            + " (no title, technology or program holds " + (results.unknownWords.count == 1 ? "it" : "them")
            + "; the ranking rests on the other words)"
    }

    /// The one `socgraph: note:` line of bare JSON and TSV: the words not in the graph, then the weak note; nil
    /// when there is neither.
    static func stderrNote(_ results: SearchResults) -> String? {
        let notes = [unknownNote(results), weakNote(results)].compactMap { $0 }
        return notes.isEmpty ? nil : notes.joined(separator: "; ")
    }

    /// Scores as shown: three decimals, so that output does not depend on floating-point noise.
    static func rounded(_ results: SearchResults) -> [SearchHit] {
        results.hits.map { hit in
            var hit = hit
            hit.score = (hit.score * 1000).rounded() / 1000
            return hit
        }
    }

    /// The `--format json` value: the bare list of hits, or the envelope.
    static func value(_ results: SearchResults, sources: [SourceCitation], envelope: Bool) -> AnyEncodable {
        guard envelope else { return AnyEncodable(rounded(results)) }
        return AnyEncodable(Envelope(
            query: results.query, results: rounded(results), weak: results.weak, weakReason: results.weakReason,
            ignoredWords: results.ignoredWords, readAs: results.readAs, unknownWords: results.unknownWords,
            sources: sources))
    }

    static func json(_ results: SearchResults, sources: [SourceCitation], envelope: Bool) throws -> String {
        try JSONOutput.render(value(results, sources: sources, envelope: envelope))
    }

    static func tsv(_ results: SearchResults) -> String {
        TSVOutput.render(
            header: ["rank", "code", "title", "score", "matches"],
            rows: results.hits.enumerated().map { rank, hit in
                [String(rank + 1), hit.code, hit.title, score(hit.score), hit.matches.joined(separator: "; ")]
            })
    }

    static func table(_ results: SearchResults, sources: [SourceCitation], width: Int, style: TextStyle) -> String {
        var table = TextTable(columns: [
            TextTable.Column("#", alignment: .right), TextTable.Column("CODE"),
            TextTable.Column("TITLE", wraps: true, minimumWidth: 10), TextTable.Column("SCORE", alignment: .right),
            TextTable.Column("WHY", wraps: true, minimumWidth: 10),
        ])
        table.rows = results.hits.enumerated().map { rank, hit in
            [String(rank + 1), hit.code, hit.title, score(hit.score), hit.matches.prefix(2).joined(separator: "; ")]
        }
        var out = TextTable.wrap("Occupations for \"\(results.query)\"", width: width)
            .map { style.bold($0) + "\n" }.joined() + "\n"
        out += table.render(width: width, style: style)
        var notes: [String] = []
        if !results.ignoredWords.isEmpty {
            notes += TextTable.wrap("Ignored: " + results.ignoredWords.joined(separator: ", ")
                                        + " (levels, ranks, reach, terms and employer noise say nothing of the occupation)",
                                    width: width)
        }
        if let readAs = results.readAs { notes += TextTable.wrap("Read as: \(readAs)", width: width) }
        if let unknown = unknownNote(results) { notes += TextTable.wrap(unknown, width: width) }
        if let weak = weakNote(results) { notes += TextTable.wrap(weak, width: width).map(style.warning) }
        if !notes.isEmpty { out += "\n" + notes.map { $0 + "\n" }.joined() }
        return out + "\n" + SourcesFooter.render(sources, width: width, style: style)
    }

    static func score(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        return hundredths >= 100 ? "1.00" : "0." + (hundredths < 10 ? "0" : "") + String(hundredths)
    }
}
