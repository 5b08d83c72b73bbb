import Foundation
import Testing

/// `socgraph diff` on the Graph/ of the package: against itself, against the fixture, and against the graph built
/// from O*NET 29.3 as committed, which a later Graph/ built from O*NET 30.2 replaces.
@Suite("socgraph diff on the shipped graph")
struct DiffShippedGraphTests {
    /// The last commit whose Graph/ was built from O*NET 29.3.
    static let onet29Commit = "24122b7339e8614a291a0805bca0ed786544ecc6"

    static let graph = ShippedGraphTests.directory.path

    /// True when Graph/ is there; without it, an issue on CI (env CI set) and a skip elsewhere.
    func requireGraph() -> Bool { ShippedGraphTests().requireGraph() }

    func json(_ result: HardenedResult) throws -> [String: Any] {
        #expect(result.status == 0, "\(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    @Test func sameGraphHasNoDifferences() throws {
        guard requireGraph() else { return }
        let result = try HardenedCLI.run(["diff", Self.graph, Self.graph])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("\nData: the same vintages in both graphs\n"))
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.contains { $0.hasPrefix("  Detailed codes compared ") && $0.hasSuffix(" 867") })
        #expect(lines.contains { $0.hasPrefix("  Codes with changes ") && $0.hasSuffix(" 0") })
        #expect(result.stdout.contains("\nNo differences.\n"))
    }

    @Test func codesOnlyOneGraphHas() throws {
        guard requireGraph() else { return }
        let result = try HardenedCLI.run(["diff", Self.graph, CLI.fixture.path, "--format", "tsv"])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = result.stdout.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
        #expect(rows.filter { $0.count == 8 && $0[2] == "code" && $0[5] == "onlyInOld" }.count == 860)
        #expect(!rows.contains { $0.count == 8 && $0[5] == "onlyInNew" })
        #expect(result.stdout.contains("\n11-1011\tChief Executives\tcode\t\t\tonlyInOld\t\t\n"))
    }

    /// Graph/ as of `commit`, extracted into a temporary directory (the caller removes it); nil outside a git
    /// checkout holding that commit, which is an issue on CI.
    func committedGraph(_ commit: String) throws -> URL? {
        let target = FileManager.default.temporaryDirectory.appendingPathComponent("socgraph-diff-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: false)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "git -C \"$1\" cat-file -e \"$2^{commit}\" 2>/dev/null "
                             + "&& git -C \"$1\" archive \"$2\" Graph | tar -x -C \"$3\"",
                             "sh", CLI.packageRoot.path, commit, target.path]
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        if process.terminationStatus == 0 { return target.appendingPathComponent("Graph") }
        try? FileManager.default.removeItem(at: target)
        if ProcessInfo.processInfo.environment["CI"] != nil {
            Issue.record("cannot extract Graph/ of commit \(commit): the tests need a git checkout with that commit")
        }
        return nil
    }

    /// A graph written before alignment grades (the O*NET 29.3 release) cannot be compared: one line says so and
    /// how to re-import it, exit status 3.
    @Test func againstTheCommittedONet29Graph() throws {
        guard requireGraph(), let old = try committedGraph(Self.onet29Commit) else { return }
        defer { try? FileManager.default.removeItem(at: old.deletingLastPathComponent()) }
        let result = try HardenedCLI.run(["diff", old.path, Self.graph, "--format", "json"])
        #expect(result.status == 3)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("fields.tsv:1: written by a socgraph from before alignment grades"))
        #expect(result.stderr.contains("socgraph import --from SOURCES --out DIR"))
        #expect(result.stderr.split(separator: "\n").count == 1)
    }
}
