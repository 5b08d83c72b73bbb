import SOCGraph

/// `find` output in the three formats. JSON is a bare list of `{code, title, education, jobZone, annualMedian,
/// topCoded}`; with `--envelope` `{query, results, sources}`.
enum FindOutput {
    /// `--envelope` JSON.
    struct Envelope: Encodable {
        let query: String
        let results: [OccupationListing]
        let sources: [SourceCitation]
    }

    /// The `--format json` value: the bare list of occupations, or the envelope.
    static func value(_ listings: [OccupationListing], query: FindQuery, sources: [SourceCitation],
                      envelope: Bool) -> AnyEncodable {
        guard envelope else { return AnyEncodable(listings) }
        return AnyEncodable(Envelope(query: query.source, results: listings, sources: sources))
    }

    static func json(_ listings: [OccupationListing], query: FindQuery, sources: [SourceCitation],
                     envelope: Bool) throws -> String {
        try JSONOutput.render(value(listings, query: query, sources: sources, envelope: envelope))
    }

    static func tsv(_ listings: [OccupationListing]) -> String {
        TSVOutput.render(
            header: ["code", "title", "education", "jobZone", "annualMedian", "topCoded"],
            rows: listings.map {
                [$0.code, $0.title, $0.education ?? "", $0.jobZone.map(String.init) ?? "",
                 $0.annualMedian.map(String.init) ?? "", $0.topCoded ? "yes" : "no"]
            })
    }

    /// One line per `field:` term: the field's name and framework and the grades it counts.
    static func fieldNotes(_ query: FindQuery, _ graph: KnowledgeGraph) -> [String] {
        var grade = "substantial or core (grade>=incidental widens it)"
        for term in query.expression.terms {
            if case let .grade(comparison, value) = term { grade = "grade \(comparison.rawValue) \(value.name)" }
        }
        return query.expression.terms.compactMap { term in
            guard case let .field(slug) = term, let field = try? graph.resolveField(slug) else { return nil }
            let framework = graph.framework(of: field).map { ", a \($0.fieldNoun) of the \($0.citation)" } ?? ""
            return "field:\(slug) is \(graph[field].title)\(framework); it counts occupations graded \(grade)."
        }
    }

    static func table(_ listings: [OccupationListing], query: FindQuery, fields: [String] = [],
                      sources: [SourceCitation], width: Int, style: TextStyle) -> String {
        let count = "\(listings.count) occupation\(listings.count == 1 ? "" : "s")"
        var out = TextTable.wrap("\(count) where \(query.source)", width: width)
            .map { style.bold($0) + "\n" }.joined() + "\n"
        var table = TextTable(columns: [
            TextTable.Column("CODE"), TextTable.Column("TITLE", wraps: true), TextTable.Column("EDUCATION"),
            TextTable.Column("ZONE", alignment: .right), TextTable.Column("MEDIAN WAGE", alignment: .right),
        ])
        table.rows = listings.map {
            [$0.code, $0.title, $0.education ?? "—", $0.jobZoneLabel ?? "—",
             wage($0)]
        }
        out += table.render(width: width, style: style)
        let note = "EDUCATION: BLS typical entry education; ZONE: O*NET Job Zone; MEDIAN WAGE: OEWS annual median "
            + "(+ = top-coded, at least that much)." + fields.map { " " + $0 }.joined()
        out += "\n" + TextTable.wrap(note, width: width).map { style.dim($0) + "\n" }.joined()
        return out + "\n" + SourcesFooter.render(sources, width: width, style: style)
    }

    /// `$120,230`, `$239,200+` when top-coded, `—` when not released.
    static func wage(_ listing: OccupationListing) -> String {
        listing.annualMedian.map { Format.dollars($0) + (listing.topCoded ? "+" : "") } ?? "—"
    }
}
