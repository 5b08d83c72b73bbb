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

    /// The detailed codes of Job Zone 1 in `graph`'s job-zones.tsv: rated 1 on their `.00` row, else on their lowest
    /// specialty (the rule of Graph/README.md).
    static func zoneOneCodes(_ graph: URL) throws -> Set<String> {
        var own: [String: Int] = [:], lowest: [String: Int] = [:]
        let text = try String(contentsOf: graph.appendingPathComponent("job-zones.tsv"), encoding: .utf8)
        for line in text.split(separator: "\n").dropFirst() {
            let columns = line.split(separator: "\t").map(String.init)
            guard columns.count == 3, let zone = Int(columns[2]) else { continue }
            if columns[0] == columns[1] + ".00" { own[columns[1]] = zone }
            lowest[columns[1]] = min(lowest[columns[1]] ?? zone, zone)
        }
        return Set(lowest.keys.filter { (own[$0] ?? lowest[$0]) == 1 })
    }

    @Test func againstTheCommittedONet29Graph() throws {
        guard requireGraph(), let old = try committedGraph(Self.onet29Commit) else { return }
        defer { try? FileManager.default.removeItem(at: old.deletingLastPathComponent()) }
        let object = try json(try HardenedCLI.run(["diff", old.path, Self.graph, "--format", "json"]))
        #expect(((object["old"] as? [String: Any])?["vintages"] as? [String])?.contains("O*NET 29.3") == true)
        let summary = try #require(object["summary"] as? [String: Any])
        #expect(summary["compared"] as? Int == 867)
        #expect(summary["onlyInOld"] as? Int == 0)
        #expect(summary["onlyInNew"] as? Int == 0)
        let newVintages = try #require((object["new"] as? [String: Any])?["vintages"] as? [String])
        guard newVintages.contains("O*NET 30.2") else { return }
        // O*NET 30.2 merged Job Zones 1 and 2 (coded 2): every former zone-1 code is reported as 1 → 1-2.
        let vintageChanges = try #require(object["vintageChanges"] as? [[String: Any]])
        #expect(vintageChanges.contains { $0["old"] as? String == "O*NET 29.3" && $0["new"] as? String == "O*NET 30.2" })
        let formerZoneOne = try Self.zoneOneCodes(old)
        var zones: [String: [String: String]] = [:]
        for change in object["changes"] as? [[String: Any]] ?? [] {
            if let code = change["code"] as? String,
               let zone = (change["changes"] as? [String: Any])?["jobZone"] as? [String: String] { zones[code] = zone }
        }
        #expect(formerZoneOne.count >= 12)
        for code in formerZoneOne { #expect(zones[code] == ["old": "1", "new": "1-2"], "\(code)") }
        #expect(!zones.values.contains { $0["new"] == "1" })
    }
}
