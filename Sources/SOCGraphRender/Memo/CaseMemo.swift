import Foundation
import SOCGraph

/// The case-strategy memo for one client (`socgraph memo --profile PROFILE`): the client and endeavor, the
/// recommended code and why, the candidates side by side, duty coverage, alignment evidence with its rationale,
/// risks, the codes' own words (with the text layer), the comparison diagram, citations with each code's public
/// pages, the data vintages, and the notice that it is a research aid, not legal advice.
public enum CaseMemo {
    /// How many candidates the memo sets side by side (the recommended one first).
    public static let sideBySide = 4
    /// How many tasks of each candidate it quotes.
    public static let quotedTasks = 5

    public static let notice = "This memo is a research aid for the attorney's judgment, not legal advice. It "
        + "describes occupations from public data; the choice of SOC code and the petition's arguments remain the "
        + "attorney's."

    /// The memo for `report` (an assessment of `graph`); the diagram compares the candidates set side by side.
    public static func document(_ report: FitReport, graph: KnowledgeGraph,
                                renderer: GraphvizRenderer = GraphvizRenderer()) throws -> MemoDocument {
        let client = report.client
        var document = MemoDocument(title: "SOC code strategy for \(client.client): \(client.title)")
        document.heading(1, document.title)
        document.note(notice)

        document.heading(2, "Client and proposed endeavor")
        document.table(header: ["", ""], rows: [
            ["Client", client.client],
            ["Job title", client.title],
            ["Highest degree", "\(client.degree.blsTitle), \(client.degreeField)"],
            ["Experience", FitQualification.years(client.yearsExperience) + " of progressive experience"],
            ["Advanced degree (EB-2)", client.holdsAdvancedDegree
                ? "yes: a master's or higher, or a bachelor's plus five years of progressive experience"
                : "no: neither a master's nor a bachelor's plus five years of progressive experience"],
            ["Codes the attorney gave", client.candidates.isEmpty ? "none" : client.candidates.joined(separator: ", ")],
        ], labelled: true)
        document.paragraph([MemoDocument.Run("Proposed endeavor:", bold: true), MemoDocument.Run(" " + client.endeavor)])
        if !report.endeavorFields.isEmpty {
            document.paragraph("The endeavor names these national-interest fields: " + report.endeavorFields.map {
                "\($0.name) (\($0.framework); the words \($0.terms.map { "“\($0)”" }.joined(separator: ", ")))"
            }.joined(separator: "; ") + ".")
        }
        document.paragraph([MemoDocument.Run("Duties as the client describes them:", bold: true)])
        document.bullets(client.duties)

        let shown = Array(report.candidates.prefix(sideBySide))
        if let recommendation = report.recommendation {
            document.heading(2, "Recommendation: \(recommendation.code) \(recommendation.title)")
            document.bullets(recommendation.reasons)
            if !recommendation.alternatives.isEmpty {
                document.heading(3, "Alternatives considered, and why not")
                document.bullets(recommendation.alternatives.map {
                    "\($0.code) \($0.title): " + $0.reasons.joined(separator: "; ") + "."
                })
            }
        } else if let withheld = report.withheld {
            document.heading(2, "No recommendation")
            document.paragraph(withheld.prefix(1).uppercased() + withheld.dropFirst() + ".")
        }
        if !report.otherNotes.isEmpty {
            document.heading(3, "Notes on the assessment")
            document.bullets(report.otherNotes)
        }

        document.heading(2, "The candidates side by side")
        document.table(header: [""] + shown.map(\.code), rows: sideBySideRows(shown), labelled: true)

        document.heading(2, "Duty coverage")
        if shown.contains(where: { $0.coverage != nil }) {
            document.paragraph("Each duty against each candidate's closest O*NET task, detailed work activity or SOC "
                               + "definition clause (score 0–1; covered at \(FitCandidate.decimal(DutyMatcher.covered)) "
                               + "or more).")
            document.table(header: ["Duty"] + shown.map(\.code), rows: client.duties.enumerated().map { index, duty in
                [duty] + shown.map { candidate in
                    guard index < candidate.duties.count else { return "—" }
                    let match = candidate.duties[index]
                    return FitCandidate.decimal(match.score) + (match.covered ? " covered" : " gap")
                }
            }, labelled: true)
            for candidate in shown.prefix(1) {
                document.heading(3, "\(candidate.code) \(candidate.title): the closest task for each duty")
                document.table(header: ["Duty", "Closest task or clause", "Score"], rows: candidate.duties.map { match in
                    [match.duty, match.clause.map { "\($0) (\(match.kind ?? ""), \(match.source ?? ""))" }
                        ?? "nothing close", FitCandidate.decimal(match.score) + (match.covered ? "" : ", a gap")]
                })
                if !candidate.gaps.isEmpty {
                    document.paragraph("Duties nothing in \(candidate.code) covers (an officer may notice them): "
                                       + candidate.gaps.map { "“\($0)”" }.joined(separator: "; ") + ".")
                }
            }
        } else {
            document.paragraph("Duties were not held against tasks: " + OccupationText.howToGet + ".")
        }

        document.heading(2, "National-interest alignment")
        for candidate in shown {
            document.heading(3, "\(candidate.code) \(candidate.title)")
            guard !candidate.alignments.isEmpty else {
                document.paragraph("No alignment graded core or substantial is recorded for this code.")
                continue
            }
            document.bullets(candidate.alignments.map { alignment in
                "\(alignment.name) (\(alignment.framework), \(alignment.grade))"
                    + (alignment.endeavorFields.isEmpty ? "" : "; the endeavor names this field")
                    + (alignment.evidence.isEmpty ? "" : ". Evidence: " + alignment.evidence.joined(separator: "; "))
            })
        }

        document.heading(2, "Risks")
        for candidate in shown {
            document.paragraph([MemoDocument.Run("\(candidate.code) \(candidate.title):", bold: true),
                                MemoDocument.Run(candidate.risks.isEmpty ? " none found." : "")])
            document.bullets(candidate.risks.map { $0 + "." } + candidate.qualification.profession.warnings.filter {
                !$0.contains("Job Zone")
            }.map { "Profession check: " + $0 + "." })
        }

        if shown.count >= 2 {
            let nodes = try shown.map { try graph.resolve($0.code, as: [.detailed]) }
            let comparison = try ComparisonSubgraph(graph: graph, candidates: nodes)
            let diagram = DiagramFactory.diagram(comparison, in: graph)
            document.heading(2, "Diagram")
            document.blocks.append(.diagram(png: try renderer.render(diagram, format: .png),
                                            svg: try renderer.render(diagram, format: .svg), caption: diagram.title))
        }

        document.heading(2, "The codes' own words")
        if shown.contains(where: { $0.text != nil }) {
            for candidate in shown {
                guard let words = candidate.text else { continue }
                document.heading(3, "\(candidate.code) \(candidate.title)")
                document.paragraph([MemoDocument.Run("SOC 2018 definition: ", bold: true),
                                    MemoDocument.Run(words.definition ?? "none published.")])
                document.paragraph([MemoDocument.Run("O*NET tasks (\(min(quotedTasks, words.tasks.count)) of "
                                                     + "\(words.tasks.count), the occupation's own first, core first):",
                                                     bold: true)])
                document.bullets(words.tasks.prefix(quotedTasks).map {
                    $0.text + " (\($0.onetCode)" + ($0.type.isEmpty ? "" : ", \($0.type.lowercased())") + ")"
                })
            }
        } else {
            document.paragraph("The SOC definitions and O*NET tasks are not quoted: " + OccupationText.howToGet + ".")
        }

        document.heading(2, "Sources")
        document.paragraph("Each candidate's public pages:")
        document.blocks.append(.bullets(shown.map { candidate in
            [MemoDocument.Run("\(candidate.code) \(candidate.title): "),
             MemoDocument.Run("O*NET OnLine", url: candidate.onetURL), MemoDocument.Run("; "),
             MemoDocument.Run("BLS Occupational Employment and Wages", url: candidate.blsURL)]
        }))
        document.paragraph("Data (publisher, title, vintage):")
        document.blocks.append(.bullets(report.sources.map { citation in
            [MemoDocument.Run("\(citation.publisher). \(citation.titles.joined(separator: "; ")) (\(citation.vintage)).")]
                + citation.urls.prefix(1).map { [MemoDocument.Run(" "), MemoDocument.Run($0, url: $0)] }.joined()
        }))
        if let onet = report.sources.first(where: { $0.vintage.hasPrefix("O*NET") && $0.publisher.contains("CC BY") }) {
            document.note(MemoCredit.onet(vintage: onet.vintage))
        }
        if report.sources.contains(where: \.isESCO) { document.note(DataSource.escoCredit) }
        document.note(notice)
        return document
    }

    static func sideBySideRows(_ candidates: [FitCandidate]) -> [[String]] {
        func row(_ label: String, _ cell: (FitCandidate) -> String) -> [String] { [label] + candidates.map(cell) }
        return [
            row("SOC title") { $0.title },
            row("Fit score (ranking only)") { FitCandidate.decimal($0.score) },
            row("Found by") { $0.foundByText },
            row("Duties covered") { $0.coverageText ?? "not assessed (no text layer)" },
            row("BLS typical entry education") { $0.qualification.typicalEntry ?? "not published" },
            row("O*NET Job Zone") { $0.qualification.jobZone ?? "not rated" },
            row("O*NET respondents: master's or more required") { c in
                c.qualification.mastersOrHigherPercent.map { "\(Int($0))%" } ?? "not surveyed"
            },
            row("Profession check (bachelor's or more for entry)") { c in
                c.qualification.profession.bachelorOrHigher.map { $0 ? "passes" : "fails" } ?? "unknown"
            },
            row("Advanced-degree framing") { $0.qualification.supportsAdvancedDegreeFraming ? "supported" : "not supported" },
            row("Client's degree field among its CIP programs") { $0.qualification.degreeProgram ?? "no" },
            row("Core and substantial alignments (CET 2024; CHIPS focus areas counted)") { c in
                guard !c.alignments.isEmpty else { return "none" }
                let cet = c.alignments.filter { $0.framework == Framework.cet.label }
                let others = c.alignments.count - cet.count
                return (cet.map { "\($0.name) (\($0.grade))" } + (others > 0 ? ["\(others) CHIPS focus area\(others == 1 ? "" : "s")"] : []))
                    .joined(separator: "; ")
            },
            row("Risks") { c in c.risks.isEmpty ? "none found" : "\(c.risks.count)" },
        ]
    }
}
