import Foundation
import SOCGraph
@testable import SOCGraphImport
import Testing

/// The committed curation tables with wrong rows added, checked against the official files (the importer checks
/// them before it writes anything): every problem is reported, with its file and line.
@Suite(.enabled(if: OfficialSources.shouldTest, "official source files not found; set SOCGRAPH_SOURCES"))
struct CurationImportTests {
    @Test func everyCurationProblemIsReported() throws {
        let fixture = try XLSXFixture()
        defer { fixture.remove() }
        let curation = fixture.folder.appendingPathComponent("Graph/curation")
        try FileManager.default.createDirectory(at: curation, withIntermediateDirectories: true)
        for table in CurationTables.Table.allCases {
            var text = try String(contentsOf: OfficialSources.curation.appendingPathComponent(table.rawValue),
                                  encoding: .utf8)
            if table == .programs { text += "99.9999\tartificial-intelligence\tCET 2024 AI: a wrong row\n" }
            if table == .technologies { text += "zzz unknown tool\tquantum-computing\tCET 2024 Quantum: wrong\n" }
            try Data(text.utf8).write(to: curation.appendingPathComponent(table.rawValue))
        }
        let programLines = try String(contentsOf: curation.appendingPathComponent("cip-fields.tsv"), encoding: .utf8)
            .split(separator: "\n").count
        let technologyLines = try String(contentsOf: curation.appendingPathComponent("technology-fields.tsv"),
                                         encoding: .utf8).split(separator: "\n").count
        let data = try FreshImport.result.get().data
        let diagnostics = curationProblems {
            _ = try CurationTables.read(from: curation, vocabulary: CurationTables.Vocabulary(data))
        }
        #expect(diagnostics.map(\.file) == ["curation/cip-fields.tsv", "curation/technology-fields.tsv",
                                            "curation/technology-fields.tsv"])
        #expect(diagnostics.map(\.line) == [programLines, technologyLines, technologyLines])
        #expect(diagnostics[0].message.hasPrefix("unknown CIP code '99.9999'"))
        #expect(diagnostics.contains { $0.message.hasPrefix("unknown field 'quantum-computing'") })
        #expect(diagnostics.contains { $0.message.hasPrefix("unknown technology 'zzz unknown tool'") })
    }
}
