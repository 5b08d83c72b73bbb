import SOCGraph

/// `compare --format table`: the attributes side by side (one column per code) when the codes fit the width,
/// else one block per code; then where the candidates differ and agree, what they share, the profession-check
/// warnings and the sources.
enum ComparisonTable {
    /// The narrowest a code column may be in the side-by-side layout.
    static let minimumColumnWidth = 16
    /// Lists of shared programs and related occupations longer than this are cut (JSON and TSV have them all).
    static let listLimit = 12

    /// How many tasks of each candidate the comparison lists.
    static let taskLimit = 5

    static func render(_ report: ComparisonReport, width: Int = 80, style: TextStyle = .plain) -> String {
        var out = TextTable.wrap("Comparison of " + report.codes.joined(separator: ", "), width: width)
            .map { style.bold($0) + "\n" }.joined()
        out += "\n" + (fitsSideBySide(report, width: width)
            ? sideBySide(report, width: width, style: style) : blocks(report, width: width, style: style))

        let differing = report.differences.filter { !$0.same }
        let agreeing = report.differences.filter(\.same)
        out += bullets("Where they differ", differing.map(\.text), width: width, style: style)
        out += bullets("Where they agree", agreeing.map(\.text), width: width, style: style)

        if !report.shared.programs.isEmpty {
            var table = TextTable(columns: [
                TextTable.Column("CIP"), TextTable.Column("TITLE", wraps: true),
                TextTable.Column("STEM"), TextTable.Column("FOR", wraps: true, minimumWidth: 7),
            ])
            table.rows = report.shared.programs.prefix(listLimit).map {
                [$0.cip, $0.title, $0.stem.map { $0 ? "yes" : "no" } ?? "", $0.codes.joined(separator: " ")]
            }
            out += heading("Programs preparing for more than one (NCES CIP–SOC crosswalk)", width: width, style: style)
                + table.render(width: width, style: style)
                + more(report.shared.programs.count, width: width, style: style)
        }
        if !report.shared.related.isEmpty {
            var table = TextTable(columns: [
                TextTable.Column("CODE"), TextTable.Column("TITLE", wraps: true),
                TextTable.Column("RELATED TO", wraps: true, minimumWidth: 7),
            ])
            table.rows = report.shared.related.prefix(listLimit).map {
                [$0.code, $0.title, $0.relatedTo.map(\.code).joined(separator: " ")]
            }
            out += heading("Occupations related to more than one (O*NET)", width: width, style: style)
                + table.render(width: width, style: style)
                + more(report.shared.related.count, width: width, style: style)
        }
        if !report.shared.candidateLinks.isEmpty {
            out += bullets("Related to each other (O*NET)", report.shared.candidateLinks.map {
                "\($0.from) lists \($0.to) (\($0.tier), index \($0.index))"
            }, width: width, style: style)
        }
        let warnings = report.occupations.flatMap { occupation in
            occupation.report.profession.warnings.map { "\(occupation.report.code): \($0)" }
        }
        if !warnings.isEmpty {
            out += bullets("Profession check warnings", warnings, width: width, style: style, warning: true)
        }
        if report.occupations.contains(where: { $0.report.text != nil }) {
            for occupation in report.occupations {
                out += heading("\(occupation.report.code)  \(occupation.report.title): its own words", width: width,
                               style: style)
                out += ReportTable.words(occupation.report.text, code: occupation.report.code, width: width,
                                         style: style, limit: taskLimit).dropFirst()
            }
        } else {
            out += ReportTable.words(nil, code: "", width: width, style: style)
        }
        return out + "\n" + SourcesFooter.render(report.sources, width: width, style: style)
    }

    /// Whether one column per code leaves every code column at least `minimumColumnWidth` wide.
    static func fitsSideBySide(_ report: ComparisonReport, width: Int) -> Bool {
        let count = report.codes.count
        let available = width - labelWidth(report) - 2 * count
        return available / count >= minimumColumnWidth
    }

    private static func labelWidth(_ report: ComparisonReport) -> Int {
        report.attributes.map(\.label.count).max() ?? 0
    }

    private static func sideBySide(_ report: ComparisonReport, width: Int, style: TextStyle) -> String {
        var table = TextTable(columns: [TextTable.Column("")] + report.codes.map {
            TextTable.Column($0, wraps: true, minimumWidth: minimumColumnWidth)
        })
        table.rows = report.attributes.map { attribute in [attribute.label] + attribute.values.map(\.text) }
        return table.render(width: width, style: style)
    }

    private static func blocks(_ report: ComparisonReport, width: Int, style: TextStyle) -> String {
        var out: [String] = []
        for (position, code) in report.codes.enumerated() {
            var table = TextTable(columns: [TextTable.Column(""), TextTable.Column("", wraps: true)])
            table.showsHeader = false
            table.rows = report.attributes.filter { $0.key != "title" }.map { [$0.label, $0[position].text] }
            let title = report.occupations[position].report.title
            out.append(TextTable.wrap("\(code)  \(title)", width: width).map { style.bold($0) + "\n" }.joined()
                       + table.render(width: width, style: style))
        }
        return out.joined(separator: "\n")
    }

    /// A heading, then one item per line as `- text`, wrapped with a hanging indent.
    private static func bullets(_ title: String, _ items: [String], width: Int, style: TextStyle,
                                warning: Bool = false) -> String {
        guard !items.isEmpty else { return "" }
        return heading(title, width: width, style: style) + items.map { item in
            TextTable.wrap(item, width: width - 2).enumerated().map { index, line in
                let text = (index == 0 ? "- " : "  ") + line
                return (warning ? style.warning(text) : text) + "\n"
            }.joined()
        }.joined()
    }

    private static func more(_ count: Int, width: Int, style: TextStyle) -> String {
        guard count > listLimit else { return "" }
        return TextTable.wrap("… and \(count - listLimit) more (--format json or tsv lists them all)", width: width)
            .map { style.dim($0) + "\n" }.joined()
    }

    private static func heading(_ text: String, width: Int, style: TextStyle) -> String {
        "\n" + TextTable.wrap(text, width: width).map { style.bold($0) + "\n" }.joined()
    }
}
