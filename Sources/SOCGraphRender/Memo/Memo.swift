import Foundation
import SOCGraph

/// A memo section comparing candidate SOC codes, ready to paste into a case-strategy memo: a side-by-side
/// table, the comparison diagram, the alignment evidence, the USCIS profession check and full citations.
///
/// Pure content; `MemoMarkdown` and `MemoHTML` write it out.
public struct Memo: Sendable {
    /// One row of the side-by-side table: what it shows and one cell per candidate.
    public struct Row: Hashable, Sendable {
        public let label: String
        public let cells: [String]
    }

    /// A national-interest field a candidate aligns with, and the evidence recorded for it.
    public struct FieldEvidence: Hashable, Sendable {
        public let field: String
        /// `core` or `substantial`, or nil when the graph records no grade.
        public let grade: String?
        /// How the field's framework is cited: `CET 2024`, `CHIPS 10387`.
        public let framework: String
        public let evidence: [String]
    }

    /// What the memo says about one candidate beyond the table.
    public struct Candidate: Hashable, Sendable {
        public let code: String
        public let title: String
        public let fields: [FieldEvidence]
        public let profession: ProfessionCheck
        /// The definition and tasks, when the text layer was given.
        public let words: CodeWords?
    }

    /// How many tasks of each candidate the memo quotes.
    public static let quotedTasks = 5
    /// Whether the text layer was given (else the memo says in one line how to get it).
    public let hasText: Bool

    public let title: String
    public let candidates: [Candidate]
    public let rows: [Row]
    /// Related-occupation links among the candidates and occupations related to several, in sentences.
    public let relations: [String]
    public let diagram: Diagram
    /// One per data vintage of the graph's manifest.
    public let sources: [SourceCitation]
    /// The O*NET release the graph uses (`O*NET 29.3`), for the CC BY 4.0 credit; nil when none is listed.
    public let onetVintage: String?

    /// The memo for `candidates` (SOC detailed occupations), with the comparison diagram within `limits`.
    ///
    /// Throws as `DiagramFactory.comparison(of:in:options:limits:)`.
    public init(
        graph: KnowledgeGraph, candidates: [NodeIndex],
        options: ComparisonSubgraph.Options = ComparisonSubgraph.Options(), limits: DiagramLimits = DiagramLimits(),
        text: OccupationText? = nil
    ) throws {
        let comparison = try ComparisonSubgraph(graph: graph, candidates: candidates, options: options)
        try comparison.subgraph.checkSize(
            maxNodes: limits.maxNodes, maxLinks: limits.maxEdges,
            request: "comparing \(comparison.candidates.count) codes", advice: "compare fewer codes")
        diagram = DiagramFactory.diagram(comparison, in: graph)
        let nodes = comparison.candidates
        let reports = nodes.map { OccupationReport(graph: graph, node: $0) }
        // One code is a profile, not a comparison.
        title = reports.count == 1 ? "SOC code profile: \(reports[0].code) \(reports[0].title)"
            : "SOC code comparison: " + DiagramFactory.listing(reports.map(\.code))
        hasText = text != nil
        self.candidates = zip(nodes, reports).map { node, report in
            Candidate(
                code: report.code, title: report.title,
                fields: graph.fieldLinks(of: node).map { link in
                    FieldEvidence(
                        field: graph[link.field].title, grade: link.grade?.name,
                        framework: link.framework?.label ?? "", evidence: link.evidence)
                },
                profession: report.profession, words: text.map { CodeWords(text: $0, code: report.code) })
        }
        rows = Self.rows(reports, candidates: self.candidates)
        relations = Self.relations(comparison, in: graph)
        sources = graph.sources.citations
        onetVintage = sources.first { $0.vintage.hasPrefix("O*NET") && $0.publisher.contains("CC BY") }?.vintage
    }

    // MARK: - Table

    static func rows(_ reports: [OccupationReport], candidates: [Candidate]) -> [Row] {
        func row(_ label: String, _ cell: (OccupationReport) -> String) -> Row {
            Row(label: label, cells: reports.map(cell))
        }
        func group(_ level: String) -> (OccupationReport) -> String {
            { report in report.hierarchy.first { $0.level == level }.map { "\($0.code) \($0.title)" } ?? "—" }
        }
        let epVintage = reports.lazy.compactMap { $0.projections?.vintage }.first ?? "BLS Employment Projections"
        let oewsVintage = reports.lazy.compactMap { $0.wages?.vintage }.first ?? "OEWS"
        return [
            row("SOC title") { $0.title },
            row("Major group") { group("major")($0) },
            row("Minor group") { group("minor")($0) },
            row("Broad occupation") { group("broad")($0) },
            row("Typical entry education (BLS \(epVintage))") { $0.education.typicalEntryTitle ?? "not published" },
            row("Work experience / on-the-job training (BLS)") { report in
                guard report.education.typicalEntry != nil else { return "—" }
                return "\(report.education.workExperience ?? "—") / \(report.education.training ?? "—")"
            },
            row("O*NET Job Zone") { $0.education.jobZoneLabel ?? "not rated" },
            row("O*NET respondents: bachelor's degree or more required") { report in
                let shares = report.education.distribution
                guard !shares.isEmpty else { return "not surveyed" }
                let share = shares.filter { (EducationLevel(rawValue: $0.level) ?? .none) >= .bachelor }
                    .reduce(0) { $0 + $1.percent }
                return "\(Int(share.rounded()))%"
            },
            row("Profession (bachelor's degree or higher for entry)") { report in
                let answer = report.profession.bachelorOrHigher.map { $0 ? "Yes" : "No" } ?? "Unknown"
                let count = report.profession.warnings.count
                return count == 0 ? answer : "\(answer) (\(count) caution\(count == 1 ? "" : "s"), below)"
            },
            row("Designations") { report in
                report.designations.isEmpty ? "none" : report.designations.map(\.title).joined(separator: "; ")
            },
            Row(label: "National-interest fields (graded core or substantial)", cells: candidates.map { candidate in
                candidate.fields.isEmpty ? "none graded core or substantial"
                    : candidate.fields.map { $0.field + " (\($0.framework)" + ($0.grade.map { ", \($0)" } ?? "") + ")" }
                        .joined(separator: "; ")
            }),
            row("Employment (\(oewsVintage))") { report in
                report.wages?.employment.map(Format.grouped) ?? "not published"
            },
            row("Median annual wage (\(oewsVintage))") { report in
                guard let wages = report.wages, let median = wages.annualMedian else { return "not published" }
                return Format.dollars(median) + (wages.topCoded ? " or more (top-coded)" : "")
            },
            row("Employment change 2024–34 (BLS EP)") { report in
                guard let change = report.projections?.changePercent else { return "not published" }
                return Format.signedPercent(change)
            },
            row("Openings a year (BLS EP)") { report in
                report.projections?.openingsAnnual.map { Format.grouped(Int(($0 * 1000).rounded())) }
                    ?? "not published"
            },
            row("CIP programs (NCES crosswalk)") { report in
                let stem = report.programs.filter { $0.stem == true }.count
                return report.programs.isEmpty ? "none" : "\(report.programs.count) (\(stem) DHS STEM)"
            },
        ]
    }

    static func relations(_ comparison: ComparisonSubgraph, in graph: KnowledgeGraph) -> [String] {
        var lines = comparison.directLinks.map { item in
            "O*NET lists \(graph.label(item.occupation)) as related to \(graph.label(item.candidate)) "
                + "(\(item.link.tier.rawValue), index \(item.link.index))."
        }
        for shared in comparison.sharedRelated {
            let codes = shared.links.map { graph[$0.candidate].id }
            lines.append("\(graph.label(shared.occupation)) is related to \(DiagramFactory.listing(codes)).")
        }
        return lines
    }
}
