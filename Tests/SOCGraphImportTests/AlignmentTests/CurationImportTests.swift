import Foundation
import SOCGraph
@testable import SOCGraphImport
import Testing

/// The import on the official files with a broken copy of the committed curation tables: it fails with every
/// curation problem and writes nothing.
@Suite(.enabled(if: OfficialSources.shouldTest, "official source files not found; set SOCGRAPH_SOURCES"))
struct CurationImportTests {
    @Test func curationProblemsFailTheImportAndNothingIsWritten() throws {
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
        let output = fixture.folder.appendingPathComponent("Graph")
        let diagnostics = curationProblems {
            try Importer(sourceDirectory: OfficialSources.directory, curationDirectory: curation).run(into: output)
        }
        #expect(diagnostics.map(\.file) == ["curation/cip-fields.tsv", "curation/technology-fields.tsv",
                                            "curation/technology-fields.tsv"])
        #expect(diagnostics.map(\.line) == [programLines, technologyLines, technologyLines])
        #expect(diagnostics[0].message.hasPrefix("unknown CIP code '99.9999'"))
        #expect(diagnostics.contains { $0.message.hasPrefix("unknown field 'quantum-computing'") })
        #expect(diagnostics.contains { $0.message.hasPrefix("unknown technology 'zzz unknown tool'") })
        #expect(try FileManager.default.contentsOfDirectory(atPath: output.path) == ["curation"])
    }
}
