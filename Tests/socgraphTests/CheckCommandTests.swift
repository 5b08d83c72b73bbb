import Foundation
import Testing

@Suite("socgraph check")
struct CheckCommandTests {
    @Test func soundGraphExitsZeroWithASummary() throws {
        let result = try CLI.run(["check", "--graph", CLI.fixture.path])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("ok: "))
        #expect(result.stdout.contains("7 detailed"))
        #expect(result.stdout.filter { $0 == "\n" }.count == 1)
        #expect(result.stderr == "")
    }

    @Test func damagedGraphListsEveryProblemAndExitsThree() throws {
        let directory = try CLI.fixtureCopy()
        defer { try? FileManager.default.removeItem(at: directory) }
        let related = directory.appendingPathComponent("related.tsv")
        var lines = try String(contentsOf: related, encoding: .utf8).components(separatedBy: "\n")
        lines[2] = lines[2].replacingOccurrences(of: "\t15-2051\t", with: "\t15-2059\t")
        lines[3] = "15-1252\ttruncated"
        try lines.joined(separator: "\n").write(to: related, atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(at: directory.appendingPathComponent("wages.tsv"))

        let result = try CLI.run(["check", "--graph", directory.path])
        #expect(result.status == 3)
        let problems = result.stdout.split(separator: "\n")
        #expect(problems.contains("related.tsv:3: related: unknown detailed occupation '15-2059'"))
        #expect(problems.contains { $0.hasPrefix("related.tsv:4: 2 columns, expected 6") })
        #expect(problems.contains { $0.hasPrefix("wages.tsv: missing; re-create it") })
        #expect(result.stderr.hasPrefix("socgraph: error: 3 problems"))
        #expect(result.stderr.filter { $0 == "\n" }.count == 1)

        let show = try CLI.run(["show", "15-2051", "--graph", directory.path])
        #expect(show.status == 3)
        #expect(show.stdout == "")
        // Files in load order: wages.tsv is read before related.tsv.
        #expect(show.stderr.hasPrefix("socgraph: error: damaged graph data (3 problems): wages.tsv: missing; re-create it"))
        #expect(show.stderr.filter { $0 == "\n" }.count == 1)
    }
}
