import SOCGraph

/// `related` output in the three formats. JSON is the contract's bare list of `{code, title, depth, tier, index,
/// via}`; with `--envelope` `{code, title, depth, tier, where, results, sources}`.
enum RelatedOutput {
    /// `--envelope` JSON.
    struct Envelope: Encodable {
        let code: String
        let title: String
        let depth: Int
        let tier: String
        @Nullable var `where`: String?
        let results: [RelatedStep]
        let sources: [SourceCitation]
    }

    /// The `--format json` value: the bare list of steps, or the envelope.
    static func value(_ walk: RelatedWalk, steps: [RelatedStep], query: FindQuery?, graph: KnowledgeGraph,
                      envelope: Bool) -> AnyEncodable {
        guard envelope else { return AnyEncodable(steps) }
        return AnyEncodable(Envelope(
            code: graph[walk.start].id, title: graph[walk.start].title, depth: walk.depth, tier: walk.tiers.rawValue,
            where: query?.source, results: steps, sources: graph.sources.citations))
    }

    static func json(_ walk: RelatedWalk, steps: [RelatedStep], query: FindQuery?, graph: KnowledgeGraph,
                     envelope: Bool) throws -> String {
        try JSONOutput.render(value(walk, steps: steps, query: query, graph: graph, envelope: envelope))
    }

    static func tsv(_ steps: [RelatedStep]) -> String {
        TSVOutput.render(header: ["depth", "code", "title", "tier", "index", "via"], rows: steps.map {
            [String($0.depth), $0.code, $0.title, $0.tier.rawValue, String($0.index), $0.via]
        })
    }

    static func table(_ walk: RelatedWalk, steps: [RelatedStep], query: FindQuery?, graph: KnowledgeGraph,
                      width: Int, style: TextStyle) -> String {
        let tiers = walk.tiers == .primary ? "primary-short and primary-long links" : "links of every tier"
        var heading = "Related occupations of \(graph.label(walk.start)) (O*NET, \(tiers), depth \(walk.depth))"
        if let query { heading += " where \(query.source)" }
        var out = TextTable.wrap(heading, width: width).map { style.bold($0) + "\n" }.joined() + "\n"
        var table = TextTable(columns: [
            TextTable.Column("DEPTH", alignment: .right), TextTable.Column("CODE"),
            TextTable.Column("TITLE", wraps: true), TextTable.Column("TIER"),
            TextTable.Column("INDEX", alignment: .right), TextTable.Column("VIA"),
        ])
        table.rows = steps.map {
            [String($0.depth), $0.code, $0.title, $0.tier.rawValue, String($0.index), $0.via]
        }
        out += table.render(width: width, style: style)
        let note = "\(steps.count) occupation\(steps.count == 1 ? "" : "s"). INDEX is O*NET's rank of the link "
            + "(1 = most related); VIA is the occupation that lists it."
        out += "\n" + TextTable.wrap(note, width: width).map { style.dim($0) + "\n" }.joined()
        return out + "\n" + SourcesFooter.render(graph.sources.citations, width: width, style: style)
    }
}
