import SOCGraph

/// `diff --format table|tsv`: the change report between two graphs. JSON is `GraphDiff` itself.
enum DiffOutput {
    // MARK: Values, written the same way in the table and the TSV

    /// How a Job Zone reads: its name in its graph (`4`, `1-2`).
    static func zone(_ zone: String) -> String { zone }

    /// How an alignment's compared state reads: its grade and strength (`core 0.83`).
    static func alignment(_ state: AlignmentState) -> String {
        (state.grade.map { $0 + " " } ?? "") + Format.strength(state.strength)
    }

    /// The heading of an aspect in the table.
    static func label(_ aspect: GraphDiff.Aspect) -> String {
        switch aspect {
        case .title: return "SOC title"
        case .entryEducation: return "Typical entry education"
        case .jobZone: return "O*NET Job Zone"
        case .related: return "Related occupations"
        case .alignments: return "National-interest alignments"
        case .designations: return "STEM and Schedule A"
        case .wages: return "OEWS annual median wage"
        }
    }

    /// `O*NET 29.3 → O*NET 30.2`; a vintage only one graph cites as `added: X` or `dropped: X`.
    static func vintage(_ change: VintageChange) -> String {
        switch (change.old, change.new) {
        case let (old?, new?): return "\(old) → \(new)"
        case let (nil, new?): return "added: \(new)"
        case let (old?, nil): return "dropped: \(old)"
        case (nil, nil): return ""
        }
    }

    // MARK: Table

    static func table(_ diff: GraphDiff, width: Int = 80, style: TextStyle = .plain) -> String {
        var out = wrapped("Changes from \(diff.old.graph) to \(diff.new.graph)", width: width, style: style, bold: true)
        let unchanged = diff.new.vintages.filter(diff.old.vintages.contains)
        if diff.vintageChanges.isEmpty {
            out += wrapped("Data: the same vintages in both graphs", width: width)
        } else {
            out += wrapped("Data: " + diff.vintageChanges.map(vintage).joined(separator: "; "), width: width)
        }
        if !unchanged.isEmpty {
            out += wrapped("Unchanged: " + unchanged.joined(separator: " · "), width: width, style: style, dim: true)
        }
        out += "\n" + summary(diff, width: width, style: style)
        if diff.isEmpty { out += "\nNo differences.\n" }
        for change in diff.changes { out += "\n" + occupation(change, width: width, style: style) }
        for (side, codes) in [("old", diff.onlyInOld), ("new", diff.onlyInNew)] where !codes.isEmpty {
            out += "\n" + wrapped("Only in the \(side) graph", width: width, style: style, bold: true)
            out += codes.map { indented(TextTable.wrap("\($0.code)  \($0.title)", width: width - 2)) }.joined()
        }
        return out + "\n" + SourcesFooter.render(diff.sources, width: width, style: style)
    }

    private static func summary(_ diff: GraphDiff, width: Int, style: TextStyle) -> String {
        let s = diff.summary
        var table = TextTable(columns: [TextTable.Column("", wraps: true), TextTable.Column("", alignment: .right)])
        table.showsHeader = false
        table.rows = [["Detailed codes compared", Format.grouped(s.compared)],
                      ["Codes with changes", Format.grouped(s.changed)]]
        table.rows += GraphDiff.Aspect.allCases.map { ["  " + label($0), Format.grouped(s.aspects[$0.rawValue] ?? 0)] }
        table.rows += [["Only in the old graph", Format.grouped(s.onlyInOld)],
                       ["Only in the new graph", Format.grouped(s.onlyInNew)]]
        return style.bold("Summary") + "\n" + indented(table.render(width: width - 2, style: style))
    }

    /// One code's block: a row per changed value, then the related occupations, alignments and designations
    /// added or removed, each under its heading.
    private static func occupation(_ change: OccupationChange, width: Int, style: TextStyle) -> String {
        let c = change.changes
        var values: [[String]] = []
        if let title = c.title { values.append([label(.title), arrow(title) { $0 }]) }
        if let education = c.entryEducation { values.append([label(.entryEducation), arrow(education) { $0.blsTitle }]) }
        if let jobZone = c.jobZone { values.append([label(.jobZone), arrow(jobZone, Self.zone)]) }
        if let wages = c.wages { values.append([label(.wages), arrow(wages, dollars)]) }
        var out = wrapped("\(change.code)  \(change.title)", width: width, style: style, bold: true)
        if !values.isEmpty {
            out += indented(list([TextTable.Column(""), TextTable.Column("", wraps: true, minimumWidth: 20)], values,
                                 width: width - 2, style: style))
        }
        if let related = c.related {
            out += indented([label(.related)])
            let rows = related.added.map { ["added", $0.code, $0.title] } + related.removed.map { ["removed", $0.code, $0.title] }
            out += indented(list([TextTable.Column(""), TextTable.Column(""), TextTable.Column("", wraps: true)], rows,
                                 width: width - 4, style: style), by: 4)
        }
        if let alignments = c.alignments {
            out += indented([label(.alignments)])
            var table = TextTable(columns: [TextTable.Column("field", wraps: true, minimumWidth: 20),
                                            TextTable.Column("change"), TextTable.Column("grade, strength")])
            table.rows = alignments.map { change in
                [change.field, change.change.rawValue,
                 (change.old.map(alignment) ?? "—") + " → " + (change.new.map(alignment) ?? "—")]
            }
            out += indented(table.render(width: width - 4, style: style), by: 4)
        }
        if let designations = c.designations {
            out += indented([label(.designations)])
            let rows = designations.added.map { ["added", $0.title] } + designations.removed.map { ["removed", $0.title] }
            out += indented(list([TextTable.Column(""), TextTable.Column("", wraps: true)], rows, width: width - 4,
                                 style: style), by: 4)
        }
        return out
    }

    /// `rows` as a table without a header.
    private static func list(_ columns: [TextTable.Column], _ rows: [[String]], width: Int, style: TextStyle) -> String {
        var table = TextTable(columns: columns)
        table.showsHeader = false
        table.rows = rows
        return table.render(width: width, style: style)
    }

    /// `old → new`, a value absent from a graph as `—`.
    private static func arrow<Value>(_ change: ValueChange<Value>, _ text: (Value) -> String) -> String {
        (change.old.map(text) ?? "—") + " → " + (change.new.map(text) ?? "—")
    }

    /// `$120,230`; a top-coded median `≥$239,200`.
    private static func dollars(_ wages: WageState) -> String {
        guard let median = wages.annualMedian else { return "not published" }
        return (wages.topCoded ? "≥" : "") + Format.dollars(median)
    }

    private static func wrapped(_ text: String, width: Int, style: TextStyle = .plain, bold: Bool = false,
                                dim: Bool = false) -> String {
        TextTable.wrap(text, width: width).map { (bold ? style.bold($0) : dim ? style.dim($0) : $0) + "\n" }.joined()
    }

    private static func indented(_ lines: [String]) -> String { lines.map { "  \($0)\n" }.joined() }

    private static func indented(_ text: String, by spaces: Int = 2) -> String {
        let pad = String(repeating: " ", count: spaces)
        return text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map { pad + $0 + "\n" }.joined()
    }

    // MARK: TSV

    static let tsvHeader = ["code", "title", "aspect", "item", "item_title", "change", "old", "new"]

    /// One row per change: first the vintages only one graph cites (aspect `vintage`, no code), then per code each changed
    /// value, related occupation, alignment and designation, then the codes only one graph has (aspect `code`,
    /// change `onlyInOld` or `onlyInNew`).
    static func tsv(_ diff: GraphDiff) -> String {
        var rows = diff.vintageChanges.map { change in
            ["", "", "vintage", "", "", change.old == nil ? "added" : change.new == nil ? "removed" : "changed",
             change.old ?? "", change.new ?? ""]
        }
        for change in diff.changes {
            let c = change.changes
            func row(_ aspect: GraphDiff.Aspect, _ item: String = "", _ itemTitle: String = "",
                     _ kind: String = "changed", _ old: String = "", _ new: String = "") {
                rows.append([change.code, change.title, aspect.rawValue, item, itemTitle, kind, old, new])
            }
            if let title = c.title { row(.title, "", "", "changed", title.old ?? "", title.new ?? "") }
            if let education = c.entryEducation {
                row(.entryEducation, "", "", "changed", education.old?.rawValue ?? "", education.new?.rawValue ?? "")
            }
            if let jobZone = c.jobZone {
                row(.jobZone, "", "", "changed", jobZone.old.map(Self.zone) ?? "", jobZone.new.map(Self.zone) ?? "")
            }
            for related in c.related?.added ?? [] { row(.related, related.code, related.title, "added") }
            for related in c.related?.removed ?? [] { row(.related, related.code, related.title, "removed") }
            for a in c.alignments ?? [] {
                row(.alignments, a.field, a.name, a.change.rawValue, a.old.map(alignment) ?? "", a.new.map(alignment) ?? "")
            }
            for d in c.designations?.added ?? [] { row(.designations, d.id, d.title, "added") }
            for d in c.designations?.removed ?? [] { row(.designations, d.id, d.title, "removed") }
            if let wages = c.wages {
                func figure(_ w: WageState?) -> String {
                    w?.annualMedian.map { String($0) + (w?.topCoded == true ? "+" : "") } ?? ""
                }
                row(.wages, "annualMedian", "", "changed", figure(wages.old), figure(wages.new))
            }
        }
        for (kind, codes) in [("onlyInOld", diff.onlyInOld), ("onlyInNew", diff.onlyInNew)] {
            rows += codes.map { [$0.code, $0.title, "code", "", "", kind, "", ""] }
        }
        return TSVOutput.render(header: tsvHeader, rows: rows)
    }
}
