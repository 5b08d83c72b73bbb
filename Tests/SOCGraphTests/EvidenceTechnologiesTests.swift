import Foundation
import Testing
@testable import SOCGraph

/// `show` and `compare` load the report sections, whose alignments need only the technologies their evidence
/// names; every other technology comes with `technologies`.
@Suite("Technologies named by alignment evidence")
struct EvidenceTechnologiesTests {
    /// The technology names of the technology paths in alignment-evidence.tsv, read as plain text.
    func namedInEvidence(_ directory: URL) throws -> Set<String> {
        let text = try String(contentsOf: directory.appendingPathComponent("alignment-evidence.tsv"), encoding: .utf8)
        var names = Set<String>()
        for line in text.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            if fields.count > 3, fields[2] == "technology" { names.insert(String(fields[3])) }
        }
        return names
    }

    @Test("the report sections hold exactly the technologies the evidence names, with the same alignments",
          arguments: [true, false])
    func reportTechnologies(shipped: Bool) throws {
        let directory = shipped ? GraphSnapshotTests.shippedGraph : Fixture.directory
        let store = GraphStore(directory: directory)
        let report = try store.loadFromFiles(GraphSection.report)
        let everything = try store.loadFromFiles(GraphSection.report.union([.technologies]))
        #expect(report.sections.contains(.evidenceTechnologies) && !report.sections.contains(.technologies))
        let loaded = Set(report.nodes(ofKind: .technology).map { report[$0].id })
        let named = try namedInEvidence(directory)
        #expect(!named.isEmpty)
        #expect(loaded == named)
        #expect(everything.nodes(ofKind: .technology).count > loaded.count)
        for code in ["15-1221", "15-2051", "17-2061"] {
            guard let a = report.node(id: code), let b = everything.node(id: code) else { continue }
            let reportFields = report.alignments(of: a).map { [report[$0.field].id, String($0.strength)] }
            let fullFields = everything.alignments(of: b).map { [everything[$0.field].id, String($0.strength)] }
            #expect(reportFields == fullFields, "\(code)")
            let reportPaths = report.alignments(of: a).flatMap { $0.evidence.compactMap { $0.via.map { report[$0].id } } }
            let fullPaths = everything.alignments(of: b).flatMap {
                $0.evidence.compactMap { $0.via.map { everything[$0].id } }
            }
            #expect(reportPaths == fullPaths, "\(code)")
        }
    }
}
