import SOCGraph

/// `why --format table|tsv`: the evidence paths from an occupation to a field and the strength computation.
enum WhyOutput {
    static func table(_ r: WhyReport, width: Int = 80, style: TextStyle = .plain) -> String {
        var out = TextTable.wrap("\(r.code)  \(r.title)", width: width).map { style.bold($0) + "\n" }.joined()
        out += paragraph("→ \(r.field)  \(r.fieldName)", width: width, indent: 4, first: 2)
        out += TextTable.wrap("aligns-with: national-interest field"
                              + (r.fieldNumber.map { " \($0)" } ?? "") + " of the " + r.frameworkName,
                              width: width - 2).map { style.dim("  " + $0) + "\n" }.joined()
        out += "\n" + TextTable.wrap("Grade: \(r.grade) (\(r.gradeMeaning))", width: width)
            .map { style.bold($0) + "\n" }.joined()
        out += paragraph(r.gradeReason, width: width, indent: 2)
        if !r.specialties.isEmpty {
            let listed = r.specialties.map { "\($0.code) \($0.title) (\($0.grade))" }.joined(separator: "; ")
            out += paragraph((r.catchAll ? "Catch-all code: cite a specialty graded on its own instead: "
                                         : "Specialties graded on their own: ") + listed
                             + " (socgraph why \(r.specialties[0].code) \(r.field))", width: width, indent: 2)
        } else if r.catchAll {
            out += paragraph("Catch-all code (\"All Other\"): graded for its typical incumbent.", width: width, indent: 2)
        }
        out += "\n" + strength(r, width: width, style: style)
        let groups: [(kind: String, heading: String)] = [
            ("program", "Programs (NCES CIP 2020–SOC 2018 crosswalk; curation/cip-fields.tsv)"),
            ("technology", "Technologies (O*NET 30.2 Technology Skills; curation/technology-fields.tsv)"),
            ("title", "Titles naming the field's work (SOC, Direct Match and O*NET titles; curation/title-terms.tsv)"),
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
        case "title":
            return "\(code) titled \u{201C}\(path.via ?? "")\u{201D} (names \u{201C}\(path.term ?? "")\u{201D}) → \(field)"
        default:
            return "\(code) → \(field) (direct, \(path.grade ?? ""))"
        }
    }

    /// The strength, the three parts of the rule with what each counts, and their combination.
    private static func strength(_ r: WhyReport, width: Int, style: TextStyle) -> String {
        let c = r.computation
        var program = "\(c.programs) of \(c.programTotal) crosswalked program\(c.programTotal == 1 ? "" : "s") "
            + "signal the field"
        if c.programs == 1 { program += " (one program: halved)" }
        var technology = c.technologies == 0 ? "no signalling technology"
            : "\(c.technologies) signalling (\(c.hotTechnologies) hot) = \(c.technologies + c.hotTechnologies) of "
                + "\(c.technologyPoints) technology points: min(1, 2·share)"
        if c.technologies == 1 { technology += ", halved (one technology)" }
        let title = c.titles == 0 ? "no title names the field's work"
            : "\(c.titles) of \(c.titleTotal) distinct titles name the field's work: min(1, 1.5·share)"
        var table = TextTable(columns: [
            TextTable.Column(""), TextTable.Column("", wraps: true, minimumWidth: 20),
            TextTable.Column("", alignment: .right),
        ])
        table.showsHeader = false
        table.rows = [
            ["p", program, Format.number(c.programPart)],
            ["t", technology, Format.number(c.technologyPart)],
            ["n", title, Format.number(c.titlePart)],
        ]
        let combination = "1 − (1 − ½·\(Format.number(c.programPart)))(1 − \(Format.number(c.technologyPart)))"
            + "(1 − \(Format.number(c.titlePart))) = \(Format.number(c.value)) → " + AlignmentStrength.text(r.strength)
            + "; evidence alone: " + (c.evidenceGrade ?? "no grade")
            + (c.direct.map { "; curated direct link: \($0)" } ?? "")
            + (c.specialtyGrade.map { "; specialty: \($0)" } ?? "")
        return TextTable.wrap("Strength \(AlignmentStrength.text(r.strength)) = 1 − (1 − ½·p)(1 − t)(1 − n) "
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

    static let tsvHeader = ["code", "field", "framework", "grade", "strength", "kind", "via", "via_title", "hot",
                            "rationale", "curation"]

    static func tsv(_ r: WhyReport) -> String {
        TSVOutput.render(header: tsvHeader, rows: r.paths.map { path in
            [r.code, r.field, r.framework, r.grade, AlignmentStrength.text(r.strength), path.kind, path.via ?? "",
             path.viaTitle ?? "", path.hot.map { $0 ? "yes" : "no" } ?? "", path.rationale, path.curation]
        })
    }
}
