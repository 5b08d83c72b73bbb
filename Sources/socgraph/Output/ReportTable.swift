import SOCGraph

/// `show --format table`: a titled block of labelled facts, then lists as aligned tables, then the sources.
enum ReportTable {
    static func render(_ report: NodeReport, width: Int = 80, style: TextStyle = .plain) -> String {
        switch report {
        case let .occupation(r): return occupation(r, width: width, style: style)
        case let .group(r):
            return block(title: "\(r.code)  \(r.title)", subtitle: "SOC \(r.level) group", facts: [
                ("Hierarchy", r.hierarchy.map(reference)),
            ], width: width, style: style)
                + list("Contains", r.children, width: width, style: style)
                + (r.level == "broad" ? "" : list("Detailed occupations", r.occupations, width: width, style: style))
                + "\n" + SourcesFooter.render(r.sources, width: width, style: style)
        case let .program(r):
            let stem = r.stem.map { $0 ? "STEM (DHS STEM Designated Degree Program List: \(r.stemBasis ?? "listed"))"
                : "not on the DHS STEM Designated Degree Program List" }
            return block(title: "\(r.cip)  \(r.title)", subtitle: "CIP 2020 \(r.level)", facts: [
                ("Hierarchy", r.hierarchy.map(reference)),
                ("STEM", stem.map { [$0] } ?? []),
            ], width: width, style: style)
                + list("Contains", r.children, width: width, style: style)
                + list("Prepares for (NCES CIP–SOC crosswalk)", r.occupations, width: width, style: style)
                + "\n" + SourcesFooter.render(r.sources, width: width, style: style)
        case let .field(r):
            let number = r.number.map { "Critical and Emerging Technologies List, category \($0)" } ?? ""
            return block(title: "\(r.id)  \(r.name)", subtitle: number, facts: [
                ("Occupations", r.occupations.isEmpty ? ["no aligned occupations"] : []),
            ], width: width, style: style)
                + list("Aligned occupations", r.occupations, width: width, style: style)
                + "\n" + SourcesFooter.render(r.sources, width: width, style: style)
        case let .isco(r):
            let candidates = r.candidates.map { candidate in
                "\(candidate.code)  \(candidate.title) — via SOC 2010 " + candidate.via.map { step in
                    "\(step.soc2010) \(step.soc2010Title)"
                        + (step.partial ? " (partial match)" : "") + (step.split ? " (split in SOC 2018)" : "")
                }.joined(separator: "; ")
            }
            return block(title: "isco:\(r.isco)  \(r.title)", subtitle: "ISCO-08 group", facts: [
                ("SOC 2018", candidates.isEmpty ? ["no SOC 2018 code through the BLS crosswalks"] : candidates),
                ("ESCO", r.escoOccupations.isEmpty ? [] : [
                    "\(r.escoOccupations.count) occupations: " + r.escoOccupations.prefix(12).joined(separator: "; ")
                        + (r.escoOccupations.count > 12 ? "; …" : ""),
                ]),
            ], width: width, style: style)
                + "\n" + (r.candidates.count > 1 ? "compare them: socgraph compare isco:\(r.isco)\n\n" : "")
                + SourcesFooter.render(r.sources, width: width, style: style)
        case let .other(r):
            return block(title: "\(r.id)  \(r.title)", subtitle: r.kind, facts: [], width: width, style: style)
                + list("Detailed occupations", r.occupations, width: width, style: style)
                + "\n" + SourcesFooter.render(r.sources, width: width, style: style)
        }
    }

    private static func occupation(_ r: OccupationReport, width: Int, style: TextStyle) -> String {
        let e = r.education
        var education: [String] = []
        if let title = e.typicalEntryTitle, let rank = e.typicalEntryRank {
            education.append("\(title) (BLS typical entry, rank \(rank) of 8"
                             + (e.epCode.map { $0 == r.code || r.level == "specialty" ? "" : "; EP line item \($0)" } ?? "")
                             + ")")
            education.append("Work experience: \(e.workExperience ?? "—") · Training: \(e.training ?? "—")")
        } else {
            education.append("BLS typical entry education not published")
        }
        education.append(e.jobZoneLabel.map { "O*NET Job Zone \($0)" } ?? "O*NET Job Zone not rated")
        let shares = e.distribution.filter { $0.percent >= 1 }.sorted { $0.percent > $1.percent }
            .map { "\(shortTitle($0.title)) \(Int($0.percent.rounded()))%" }
        education.append(shares.isEmpty ? "O*NET required level of education: not surveyed"
                         : "O*NET required level: " + shares.joined(separator: " · "))

        let profession: [String] = [
            (r.profession.bachelorOrHigher.map { $0 ? "Yes: bachelor's degree or higher" : "No: below a bachelor's degree" }
                ?? "Unknown"),
            r.profession.basis,
        ] + r.profession.warnings.map { style.warning("! " + $0) }

        var wages: [String] = []
        if let w = r.wages {
            var parts: [String] = []
            if let value = w.employment { parts.append("employment \(Format.grouped(value))") }
            if let value = w.annualMedian { parts.append("median \(Format.dollars(value))") }
            if let value = w.annualP10 { parts.append("10th pct \(Format.dollars(value))") }
            if let value = w.annualP90 { parts.append("90th pct \(Format.dollars(value))") }
            wages.append((parts.isEmpty ? "not released" : parts.joined(separator: " · "))
                         + (w.topCoded ? " (top-coded: at least $239,200)" : "")
                         + (w.oewsCode == r.code || r.level == "specialty" ? "" : " (OEWS \(w.oewsCode))")
                         + (w.vintage.map { " — \($0)" } ?? ""))
        } else {
            wages.append("no OEWS estimate")
        }
        var projections: [String] = []
        if let p = r.projections {
            var text = ""
            if let a = p.employment2024, let b = p.employment2034 {
                text = "\(Format.number(a))k jobs in 2024 → \(Format.number(b))k in 2034"
                if let change = p.changePercent { text += " (\(change >= 0 ? "+" : "")\(Format.number(change))%)" }
            }
            if let openings = p.openingsAnnual {
                text += (text.isEmpty ? "" : " · ") + "\(Format.number(openings))k openings a year"
            }
            projections.append((text.isEmpty ? "not published" : text) + (p.vintage.map { " — \($0)" } ?? ""))
        } else {
            projections.append("no projection")
        }
        let designations = r.designations.map(\.title)
        let fields = r.fields.isEmpty ? ["none: no curated program, technology or direct link reaches it"]
            : r.fields.map(fieldLine) + ["evidence: socgraph why \(r.code) FIELD"]

        var out = block(title: "\(r.code)  \(r.title)",
                        subtitle: r.level == "specialty"
                            ? "O*NET specialty; education, wages, related occupations and programs are those of "
                                + (r.hierarchy.last?.code ?? "its SOC code")
                            : "SOC detailed occupation", facts: [
            ("Hierarchy", r.hierarchy.map(reference)),
            ("Specialties", r.specialties.map(reference)),
            ("Education", education),
            ("Profession", profession),
            ("Designations", designations.isEmpty ? ["none"] : designations),
            ("Fields", fields),
            ("Wages", wages),
            ("Projections", projections),
        ], width: width, style: style)
        if !r.related.isEmpty {
            var table = TextTable(columns: [
                TextTable.Column("CODE"), TextTable.Column("TITLE", wraps: true),
                TextTable.Column("TIER"), TextTable.Column("INDEX", alignment: .right),
            ])
            table.rows = r.related.map { [$0.code, $0.title, $0.tier, String($0.index)] }
            out += heading("Related occupations (O*NET)", width: width, style: style)
                + table.render(width: width, style: style)
        }
        if !r.programs.isEmpty {
            var table = TextTable(columns: [
                TextTable.Column("CIP"), TextTable.Column("TITLE", wraps: true), TextTable.Column("STEM"),
            ])
            table.rows = r.programs.map { [$0.cip, $0.title, $0.stem.map { $0 ? "yes" : "no" } ?? ""] }
            out += heading("Programs (NCES CIP 2020 crosswalk; STEM per DHS list)", width: width, style: style)
                + table.render(width: width, style: style)
        }
        out += words(r.text, code: r.code, width: width, style: style)
        return out + "\n" + SourcesFooter.render(r.sources, width: width, style: style)
    }

    /// How many tasks a table lists before it says how many more there are.
    static let taskLimit = 12

    /// The definition and the tasks (core first, numbered, `taskLimit` at most), or the one line that says how to
    /// get them. Shared by `show` and `compare`.
    static func words(_ words: CodeWords?, code: String, width: Int, style: TextStyle, limit: Int = taskLimit)
        -> String
    {
        guard let words else { return "\n" + TextTable.wrap("Definition and tasks: " + OccupationText.howToGet,
                                                           width: width).map { style.dim($0) + "\n" }.joined() }
        var out = heading("Definition (SOC 2018, \(words.definitionCode))", width: width, style: style)
        out += TextTable.wrap(words.definition ?? "no SOC definition for this code", width: width)
            .map { $0 + "\n" }.joined()
        out += heading("Tasks (O*NET; \(words.coreCount) core of \(words.tasks.count); the occupation's own first, core first)", width: width,
                       style: style)
        if words.tasks.isEmpty { return out + "O*NET lists no tasks for \(code)\n" }
        var table = TextTable(columns: [
            TextTable.Column("#", alignment: .right), TextTable.Column("TASK", wraps: true), TextTable.Column("TYPE"),
            TextTable.Column("O*NET"),
        ])
        table.rows = words.tasks.prefix(limit).enumerated().map { index, task in
            [String(index + 1), task.text, task.type.isEmpty ? "—" : task.type.lowercased(), task.onetCode]
        }
        out += table.render(width: width, style: style)
        if words.tasks.count > limit {
            out += style.dim("… \(words.tasks.count - limit) more tasks: socgraph show \(code) --format json lists them all") + "\n"
        }
        return out
    }

    /// The heading, then a two-column block of labelled facts (labels bold on a terminal); empty facts are skipped.
    private static func block(title: String, subtitle: String, facts: [(String, [String])], width: Int,
                              style: TextStyle) -> String {
        var out = TextTable.wrap(title, width: width).map { style.bold($0) + "\n" }.joined()
        if !subtitle.isEmpty { out += TextTable.wrap(subtitle, width: width).map { style.dim($0) + "\n" }.joined() }
        var table = TextTable(columns: [TextTable.Column("", minimumWidth: 12), TextTable.Column("", wraps: true)])
        table.showsHeader = false
        for (label, lines) in facts where !lines.isEmpty {
            for (index, line) in lines.enumerated() { table.rows.append([index == 0 ? label : "", line]) }
        }
        if !table.rows.isEmpty { out += "\n" + table.render(width: width, style: style) }
        return out
    }

    private static func list(_ heading: String, _ items: [NodeReference], width: Int, style: TextStyle) -> String {
        guard !items.isEmpty else { return "" }
        var table = TextTable(columns: [TextTable.Column("CODE"), TextTable.Column("TITLE", wraps: true)])
        table.rows = items.map { [$0.code, $0.title] }
        return self.heading(heading, width: width, style: style) + table.render(width: width, style: style)
    }

    /// A blank line, then `text` in bold, wrapped to `width`.
    private static func heading(_ text: String, width: Int, style: TextStyle) -> String {
        "\n" + TextTable.wrap(text, width: width).map { style.bold($0) + "\n" }.joined()
    }

    /// `0.83 Artificial Intelligence: programs 2/15, technologies 5 (2 hot); e.g. program 11.0102 …`.
    private static func fieldLine(_ field: FieldSummary) -> String {
        var counts: [String] = []
        if field.programs > 0 { counts.append("programs \(field.programs)/\(field.programTotal)") }
        if field.technologies > 0 {
            counts.append("technologies \(field.technologies)"
                          + (field.hotTechnologies > 0 ? " (\(field.hotTechnologies) hot)" : ""))
        }
        if field.titles > 0 { counts.append("titles \(field.titles)") }
        if let direct = field.direct { counts.append("direct link (\(direct))") }
        return "\(field.grade) \(field.name) (\(field.frameworkLabel)): \(counts.joined(separator: ", "))"
            + (field.evidence.first.map { "; e.g. \($0)" } ?? "")
    }

    private static func reference(_ item: NodeReference) -> String { "\(item.code)  \(item.title) (\(item.level))" }

    /// The O*NET category title up to its first " - " or "(": "Post-Secondary Certificate".
    private static func shortTitle(_ title: String) -> String {
        var text = title
        if let range = text.firstRange(of: " - ") { text = String(text[..<range.lowerBound]) }
        if let range = text.firstRange(of: " (") { text = String(text[..<range.lowerBound]) }
        return text
    }
}
