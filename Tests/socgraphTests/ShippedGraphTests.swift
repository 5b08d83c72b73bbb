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
}
