import Foundation
import SOCGraph
@testable import SOCGraphImport
import Testing

/// Writing an import reproduces its files byte for byte, whatever the output directory held before. (That two
/// imports agree is `ShippedGraphTests.committedGraphIsWhatTheImporterWrites`: the committed Graph/ is an earlier one.)
@Suite(.enabled(if: OfficialSources.shouldTest, "official source files not found; set SOCGRAPH_SOURCES"))
struct DeterminismTests {
    @Test func writtenImportIsByteIdenticalOverStaleFiles() throws {
        let fixture = try XLSXFixture()
        defer { fixture.remove() }
        let first = fixture.folder.appendingPathComponent("first")
        let second = fixture.folder.appendingPathComponent("second/Graph")
        try FileManager.default.createDirectory(
            at: second.appendingPathComponent("curation"), withIntermediateDirectories: true)
        try Data("stale\n".utf8).write(to: second.appendingPathComponent("soc.tsv"))
        try Data("# README\n".utf8).write(to: second.appendingPathComponent("README.md"))

        let result = try FreshImport.result.get()
        try GraphWriter.write(result.files, to: first)
        try GraphWriter.write(result.files, to: second)

        #expect(result.files.map(\.path).contains("text/tasks.tsv"))
        for file in result.files {
            let a = try Data(contentsOf: first.appendingPathComponent(file.path))
            let b = try Data(contentsOf: second.appendingPathComponent(file.path))
            #expect(a == b, "\(file.path) differs between two writes")
            #expect(a == Data(file.text.utf8))
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: second.path).sorted()
        #expect(names == (result.files.map { $0.path.split(separator: "/")[0] }.map(String.init)
            + ["README.md", "curation"]).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }.sorted())
    }
}
