import SOCGraph

/// `why --format table|tsv`: the evidence paths from an occupation to a field and the strength computation.
enum WhyOutput {
    static func table(_ r: WhyReport, width: Int = 80, style: TextStyle = .plain) -> String {
        var out = TextTable.wrap("\(r.code)  \(r.title)", width: width).map { style.bold($0) + "\n" }.joined()
        out += paragraph("→ \(r.field)  \(r.fieldName)", width: width, indent: 4, first: 2)
        out += TextTable.wrap("aligns-with: national-interest field"
                              + (r.fieldNumber.map { " \($0) of the Critical and Emerging Technologies List" } ?? ""),
                              width: width - 2).map { style.dim("  " + $0) + "\n" }.joined()
        out += "\n" + strength(r, width: width, style: style)
        let groups: [(kind: String, heading: String)] = [
            ("program", "Programs (NCES CIP 2020–SOC 2018 crosswalk; curation/cip-fields.tsv)"),
            ("technology", "Technologies (O*NET 29.3 Technology Skills; curation/technology-fields.tsv)"),
            ("direct", "Direct link (curation/occupation-fields.tsv)"),
        ]
        for group in groups {
            let paths = r.paths.filter { $0.kind == group.kind }
            guard !paths.isEmpty else { continue }
            out += "\n" + TextTable.wrap(group.heading, width: width).map { style.bold($0) + "\n" }.joined()
            for path in paths {
                out += paragraph(chain(path, code: r.code, field: r.field), width: width, indent: 4, first: 2)
                out += paragraph("rationale: " + path.rationale, width: width, indent: 6,
                                 first: 4, style: style, dim: true)
            }
        }
        return out + "\n" + SourcesFooter.render(r.sources, width: width, style: style)
    }

    /// `15-1221 ← prepares-for ← 11.0102 Artificial Intelligence → artificial-intelligence`.
    static func chain(_ path: EvidencePath, code: String, field: String) -> String {
        switch path.kind {
        case "program":
            return "\(code) ← prepares-for ← \(path.via ?? "") \(path.viaTitle ?? "") → \(field)"
        case "technology":
            return "\(code) → uses → \(path.via ?? "")\(path.hot == true ? " (hot)" : "") → \(field)"
        default:
            return "\(code) → \(field) (direct)"
        }
    }

    /// The strength, the three parts of the rule with what each counts, and their combination.
    private static func strength(_ r: WhyReport, width: Int, style: TextStyle) -> String {
        let c = r.computation
        let other = c.technologies - c.hotTechnologies
        var program = "\(c.programs) of \(c.programTotal) crosswalked program\(c.programTotal == 1 ? "" : "s") "
            + "signal the field"
        if c.programs == 1 { program += " (one program: halved)" }
        var technology = c.technologies == 0 ? "no signalling technology"
            : "\(c.technologies) signalling (\(c.hotTechnologies) hot): min(1, (2·\(c.hotTechnologies) + \(other)) / 6)"
        if c.technologies == 1 { technology += ", halved (one technology)" }
        var table = TextTable(columns: [
            TextTable.Column(""), TextTable.Column("", wraps: true, minimumWidth: 20),
            TextTable.Column("", alignment: .right),
        ])
        table.showsHeader = false
        table.rows = [
            ["p", program, Format.number(c.programPart)],
            ["t", technology, Format.number(c.technologyPart)],
            ["d", c.direct ? "curated direct link" : "no direct link", Format.number(c.directPart)],
        ]
        let combination = "1 − (1 − \(Format.number(c.programPart)))(1 − 0.8·\(Format.number(c.technologyPart)))"
            + "(1 − 0.9·\(Format.number(c.directPart))) = \(Format.number(c.value)) → "
            + AlignmentStrength.text(r.strength)
        return TextTable.wrap("Strength \(AlignmentStrength.text(r.strength)) = 1 − (1 − p)(1 − 0.8·t)(1 − 0.9·d) "
                              + "(Graph/README.md)", width: width).map { style.bold($0) + "\n" }.joined()
            + table.render(width: width - 2, style: style).split(separator: "\n").map { "  \($0)\n" }.joined()
            + paragraph(combination, width: width, indent: 4, first: 2)
    }

    /// `text` wrapped to `width`, the first line indented by `first` (default `indent`), the others by `indent`.
    private static func paragraph(_ text: String, width: Int, indent: Int, first: Int? = nil,
                                  style: TextStyle = .plain, dim: Bool = false) -> String {
        let firstIndent = first ?? indent
        let lines = TextTable.wrap(text, width: width - indent)
        return lines.enumerated().map { index, line in
            let padded = String(repeating: " ", count: index == 0 ? firstIndent : indent) + line
            return (dim ? style.dim(padded) : padded) + "\n"
        }.joined()
    }

    static let tsvHeader = ["code", "field", "strength", "kind", "via", "via_title", "hot", "rationale", "curation"]

    static func tsv(_ r: WhyReport) -> String {
        TSVOutput.render(header: tsvHeader, rows: r.paths.map { path in
            [r.code, r.field, AlignmentStrength.text(r.strength), path.kind, path.via ?? "", path.viaTitle ?? "",
             path.hot.map { $0 ? "yes" : "no" } ?? "", path.rationale, path.curation]
        })
    }
}
