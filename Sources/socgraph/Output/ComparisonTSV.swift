import SOCGraph

/// `compare --format tsv`: one row per (attribute, code, value), then the same shape for what the table lists
/// below its columns: `field`, `professionWarning`, `sharedProgram`, `sharedRelated`, `relatedCandidate`,
/// `difference` (code empty; value `differs` or `same`) and `source` (code empty).
enum ComparisonTSV {
    static let header = ["attribute", "code", "value", "text"]

    static func render(_ report: ComparisonReport) -> String {
        var rows: [[String]] = []
        for attribute in report.attributes {
            for item in attribute.values { rows.append([attribute.key, item.code, item.value ?? "", item.text]) }
        }
        for occupation in report.occupations.map(\.report) {
            for field in occupation.fields {
                rows.append(["field", occupation.code, field.id, "\(field.name) (\(Format.strength(field.strength)))"])
            }
            for warning in occupation.profession.warnings {
                rows.append(["professionWarning", occupation.code, "", warning])
            }
        }
        for program in report.shared.programs {
            for code in program.codes { rows.append(["sharedProgram", code, program.cip, program.title]) }
        }
        for related in report.shared.related {
            for link in related.relatedTo {
                rows.append(["sharedRelated", link.code, related.code, "\(related.title) (\(link.tier) \(link.index))"])
            }
        }
        for link in report.shared.candidateLinks {
            rows.append(["relatedCandidate", link.from, link.to, "\(link.tier) \(link.index)"])
        }
        for difference in report.differences {
            rows.append(["difference", "", difference.same ? "same" : "differs", difference.text])
        }
        for citation in report.sources {
            rows.append(["source", "", citation.vintage, citation.publisher])
        }
        return TSVOutput.render(header: header, rows: rows)
    }
}
