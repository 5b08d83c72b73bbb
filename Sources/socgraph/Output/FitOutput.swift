import SOCGraph

/// `fit` as a table for reading and as TSV rows.
enum FitOutput {
    static func table(_ report: FitReport, limit: Int, width: Int = 80, style: TextStyle = .plain) -> String {
        let client = report.client
        var out = TextTable.wrap("Fit for \(client.client): \(client.title)", width: width)
            .map { style.bold($0) + "\n" }.joined()
        out += TextTable.wrap("\(client.degree.blsTitle) in \(client.degreeField); "
                              + "\(FitQualification.years(client.yearsExperience)) of experience; "
                              + "\(client.duties.count) duties", width: width).map { style.dim($0) + "\n" }.joined()
        if !report.endeavorFields.isEmpty {
            out += TextTable.wrap("Endeavor names: " + report.endeavorFields.map {
                "\($0.name) (\($0.framework): \($0.terms.joined(separator: ", ")))"
            }.joined(separator: "; "), width: width).map { $0 + "\n" }.joined()
        }
        let shown = Array(report.candidates.prefix(limit))
        var table = TextTable(columns: [
            TextTable.Column("#", alignment: .right), TextTable.Column("CODE"), TextTable.Column("TITLE", wraps: true),
            TextTable.Column("SCORE", alignment: .right), TextTable.Column("DUTIES"), TextTable.Column("ENTRY", wraps: true),
            TextTable.Column("FIELDS", wraps: true),
        ])
        for (index, candidate) in shown.enumerated() {
            let duties: String = candidate.coverageText.map { $0.replacingOccurrences(of: " duties", with: "") } ?? "—"
            let fields: [String] = ["core", "substantial"].compactMap { grade -> String? in
                let graded = candidate.alignments.filter { $0.grade == grade }
                guard !graded.isEmpty else { return nil }
                let named = graded.filter { !$0.endeavorFields.isEmpty }.count
                return "\(graded.count) \(grade)" + (named > 0 ? " (\(named)*)" : "")
            }
            let row: [String] = [String(index + 1), candidate.code, candidate.title,
                                 FitCandidate.decimal(candidate.score), duties,
                                 candidate.qualification.typicalEntry ?? "—",
                                 fields.isEmpty ? "—" : fields.joined(separator: "; ")]
            table.rows.append(row)
        }
        out += "\n" + table.render(width: width, style: style)
        out += TextTable.wrap("DUTIES: duties the code's tasks cover. FIELDS: core and substantial alignments; (n*): "
                              + "n of them the endeavor names", width: width).map { style.dim($0) + "\n" }.joined()

        if let recommendation = report.recommendation {
            out += heading("Recommendation: \(recommendation.code)  \(recommendation.title)", width: width, style: style)
            out += bullets(recommendation.reasons, width: width)
            if !recommendation.alternatives.isEmpty {
                out += heading("Alternatives considered", width: width, style: style)
                out += bullets(recommendation.alternatives.prefix(limit - 1).map {
                    "\($0.code) \($0.title): " + $0.reasons.joined(separator: "; ")
                }, width: width)
            }
        }
        if report.recommendation == nil, let withheld = report.withheld {
            out += heading("No recommendation", width: width, style: style)
            out += bullets([withheld], width: width, warning: true, style: style)
        }
        for candidate in shown {
            out += heading("\(candidate.code)  \(candidate.title)", width: width, style: style)
            out += bullets(["found by: " + candidate.foundByText,
                            "qualification: " + candidate.qualification.framing]
                           + candidate.qualification.profession.warnings.map { "profession check: " + $0 }, width: width)
            if !candidate.duties.isEmpty {
                var duties = TextTable(columns: [
                    TextTable.Column("DUTY", wraps: true), TextTable.Column("CLOSEST TASK OR CLAUSE", wraps: true),
                    TextTable.Column("SCORE", alignment: .right),
                ])
                duties.rows = candidate.duties.map { match in
                    [match.duty, match.clause.map { "\($0) [\(match.kind ?? "")]" } ?? "nothing close",
                     FitCandidate.decimal(match.score) + (match.covered ? "" : " gap")]
                }
                out += duties.render(width: width, style: style)
            }
            if !candidate.alignments.isEmpty {
                out += bullets(candidate.alignments.map { alignment in
                    "\(alignment.name) (\(alignment.framework), \(alignment.grade))"
                        + (alignment.endeavorFields.isEmpty ? "" : ", named by the endeavor")
                        + (alignment.evidence.first.map { ": e.g. \($0)" } ?? "")
                }, width: width)
            }
            if !candidate.risks.isEmpty {
                out += bullets(candidate.risks.map { "risk: " + $0 }, width: width, warning: true, style: style)
            }
        }
        for note in report.otherNotes {
            out += "\n" + TextTable.wrap("Note: " + note, width: width).map { style.dim($0) + "\n" }.joined()
        }
        out += "\n" + TextTable.wrap("A research aid for the attorney's judgment, not legal advice.", width: width)
            .map { style.dim($0) + "\n" }.joined()
        return out + SourcesFooter.render(report.sources, width: width, style: style)
    }

    static let tsvHeader = ["rank", "code", "title", "score", "coverage", "covered", "duties", "gaps", "typical_entry",
                            "job_zone", "advanced_degree_framing", "profession", "alignments", "risks", "recommended"]

    static func tsv(_ report: FitReport, limit: Int) -> String {
        var rows: [[String]] = []
        for (index, c) in report.candidates.prefix(limit).enumerated() {
            let coverage: String = c.coverage.map(FitCandidate.decimal) ?? ""
            let profession: String = c.qualification.profession.bachelorOrHigher.map { $0 ? "yes" : "no" } ?? ""
            let alignments: String = c.alignments.map { "\($0.field):\($0.grade)" }.joined(separator: " ")
            var row: [String] = [String(index + 1), c.code, c.title, FitCandidate.decimal(c.score), coverage]
            row += [String(c.duties.filter(\.covered).count), String(c.duties.count), c.gaps.joined(separator: " | ")]
            row += [c.qualification.typicalEntry ?? "", c.qualification.jobZone ?? ""]
            row += [c.qualification.supportsAdvancedDegreeFraming ? "yes" : "no", profession, alignments]
            row += [c.risks.joined(separator: " | "), report.recommendation?.code == c.code ? "yes" : "no"]
            rows.append(row)
        }
        return TSVOutput.render(header: tsvHeader, rows: rows)
    }

    private static func heading(_ text: String, width: Int, style: TextStyle) -> String {
        "\n" + TextTable.wrap(text, width: width).map { style.bold($0) + "\n" }.joined()
    }

    private static func bullets(_ lines: [String], width: Int, warning: Bool = false, style: TextStyle = .plain)
        -> String
    {
        lines.map { line in
            TextTable.wrap(line, width: width - 2).enumerated().map { index, piece in
                let text = (index == 0 ? "- " : "  ") + piece
                return (warning ? style.warning(text) : text) + "\n"
            }.joined()
        }.joined()
    }
}
