import Foundation
import Testing

/// The Graph/ of the package, once the importer has written it. Skipped while it is absent, except on CI (env CI
/// set), where its absence is a failure.
@Suite("The shipped graph")
struct ShippedGraphTests {
    static let directory = CLI.packageRoot.appendingPathComponent("Graph")
    static var present: Bool { FileManager.default.fileExists(atPath: directory.appendingPathComponent("soc.tsv").path) }

    func requireGraph() -> Bool {
        if Self.present { return true }
        if ProcessInfo.processInfo.environment["CI"] != nil {
            Issue.record("Graph/soc.tsv is missing: run 'make graph' before testing on CI")
        }
        return false
    }

    func show(_ code: String) throws -> [String: Any] {
        let result = try CLI.run(["show", code, "--format", "json", "--graph", Self.directory.path])
        #expect(result.status == 0, "\(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    @Test func checkPasses() throws {
        guard requireGraph() else { return }
        let result = try CLI.run(["check", "--graph", Self.directory.path])
        #expect(result.status == 0, "\(result.stdout.prefix(2000))")
        #expect(result.stdout.contains("867 detailed"))
    }

    @Test func dataScientists() throws {
        guard requireGraph() else { return }
        let object = try show("15-2051")
        let hierarchy = try #require(object["hierarchy"] as? [[String: Any]])
        #expect(hierarchy.compactMap { $0["code"] as? String } == ["15-0000", "15-2000", "15-2050"])
        let education = try #require(object["education"] as? [String: Any])
        #expect(education["typicalEntry"] as? String == "bachelor")
        #expect(education["jobZone"] as? Int == 4)
        #expect((object["related"] as? [Any])?.isEmpty == false)
        let wages = try #require(object["wages"] as? [String: Any])
        #expect(wages["annualMedian"] as? Int != nil)
        #expect((object["programs"] as? [Any])?.isEmpty == false)
        let profession = try #require(object["profession"] as? [String: Any])
        #expect(profession["bachelorOrHigher"] as? Bool == true)
    }

    @Test func researchScientistsAndSoftwareDevelopers() throws {
        guard requireGraph() else { return }
        let researchers = try #require(try show("15-1221")["education"] as? [String: Any])
        #expect(researchers["typicalEntry"] as? String == "master")
        #expect(researchers["jobZone"] as? Int == 5)
        let developers = try #require(try show("15-1252")["wages"] as? [String: Any])
        #expect(developers["annualMedian"] as? Int == 135980)
    }

    @Test func showHasFieldsAndDesignations() throws {
        guard requireGraph() else { return }
        let object = try show("15-1221")
        let fields = try #require(object["fields"] as? [[String: Any]])
        #expect(!fields.isEmpty)
        #expect(fields.contains { $0["id"] as? String == "artificial-intelligence" && $0["grade"] as? String == "core" })
        #expect(fields.contains {
            $0["id"] as? String == "artificial-intelligence-machine-learning-autonomy-and-related-advances"
                && $0["framework"] as? String == "chips-2022"
        })
        let evidence = try #require(fields.first { $0["id"] as? String == "artificial-intelligence" }?["evidence"]
            as? [String])
        #expect(evidence.contains("program 11.0102 Artificial Intelligence"))
        #expect(evidence.contains("technology TensorFlow (hot)"))
        let designations = try #require(object["designations"] as? [[String: Any]])
        #expect(designations.compactMap { $0["id"] as? String } == ["stem"])
        let table = try CLI.run(["show", "15-1221", "--graph", Self.directory.path])
        #expect(table.stdout.contains("core Artificial Intelligence (CET 2024): programs 2/15,"))
        #expect(table.stdout.contains("Designations  STEM occupation"))
        let tsv = try CLI.run(["show", "15-1221", "--format", "tsv", "--graph", Self.directory.path])
        #expect(tsv.stdout.contains("fields\tartificial-intelligence\tArtificial Intelligence\tcet-2024; grade core; "
                                    + "strength "))
        #expect(tsv.stdout.contains("designations\tstem\t"))
    }

    @Test func whyResearchScientistsAndAI() throws {
        guard requireGraph() else { return }
        let result = try CLI.run(["why", "15-1221", "artificial-intelligence", "--format", "json", "--graph",
                                  Self.directory.path])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let paths = try #require(object["paths"] as? [[String: Any]])
        #expect(paths.contains { $0["kind"] as? String == "program" && $0["via"] as? String == "11.0102" })
        #expect(paths.contains { $0["kind"] as? String == "technology" })
        let table = try CLI.run(["why", "15-1221", "artificial-intelligence", "--graph", Self.directory.path])
        #expect(table.stdout.split(separator: "\n").allSatisfy { $0.count <= 80 })
    }

    @Test func whyNursesAndSemiconductorsFindsNothing() throws {
        guard requireGraph() else { return }
        let result = try CLI.run(["why", "29-1141", "semiconductors-and-microelectronics", "--graph",
                                  Self.directory.path])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("socgraph: error: no evidence links 29-1141 Registered Nurses to "
                                        + "semiconductors-and-microelectronics"))
    }

    @Test func fieldsOfTheShippedGraph() throws {
        guard requireGraph() else { return }
        let ai = try CLI.run(["fields", "artificial-intelligence", "--limit", "10", "--format", "tsv", "--graph",
                              Self.directory.path])
        #expect(ai.status == 0, "\(ai.stderr)")
        let rows = ai.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: "\t") }
        let codes = rows.map { $0[2] }
        #expect((2...10).contains(codes.count))
        #expect(codes.contains("15-1221") && codes.contains("15-2051"))
        // Listed at the default grade: substantial or core only.
        #expect(rows.allSatisfy { $0[4] == "core" || $0[4] == "substantial" })
        let list = try CLI.run(["fields", "--format", "json", "--graph", Self.directory.path])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [String: Any])
        let fields = try #require(object["fields"] as? [[String: Any]])
        #expect(fields.count == 28)
        for field in fields {
            let id = try #require(field["id"] as? String)
            #expect((field["core"] as? Int ?? 0) + (field["substantial"] as? Int ?? 0) > 0,
                    "\(id) has no occupation graded core or substantial")
            let one = try CLI.run(["fields", id, "--format", "tsv", "--graph", Self.directory.path])
            #expect(one.status == 0, "fields \(id): \(one.stderr)")
        }
        let table = try CLI.run(["fields", "--graph", Self.directory.path])
        #expect(table.stdout.split(separator: "\n").allSatisfy { $0.count <= 80 })
    }
}
