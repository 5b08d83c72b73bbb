import Foundation
import Testing

/// `search`, `related`, `path` and `find` on the Graph/ of the package (skipped while it is absent, except on CI).
extension ShippedGraphTests {
    var shipped: [String] { ["--graph", Self.directory.path] }

    func firstCodes(_ query: String, count: Int = 3) throws -> [String] {
        let result = try CLI.run(["search", query, "--format", "json", "--limit", String(count)] + shipped)
        #expect(result.status == 0, "\(result.stderr)")
        let hits = try #require(try result.json() as? [[String: Any]])
        return hits.compactMap { $0["code"] as? String }
    }

    @Test("show finds a technology no alignment evidence names (the report graph holds only those it names)")
    func showTechnologyOutsideTheEvidence() throws {
        guard requireGraph() else { return }
        let result = try CLI.run(["show", "Microsoft Excel", "--format", "json"] + shipped)
        #expect(result.status == 0, "\(result.stderr)")
        let report = try #require(try result.json() as? [String: Any])
        #expect(report["kind"] as? String == "technology")
        let unknown = try CLI.run(["show", "Microsoft Exel"] + shipped)
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("unknown code 'Microsoft Exel'"))
    }

    @Test func searchMachineLearningEngineer() throws {
        guard requireGraph() else { return }
        let codes = try firstCodes("machine learning engineer")
        #expect(["15-2051", "15-1221", "15-1252"].contains(codes.first ?? ""), "\(codes)")
    }

    @Test func searchRegisteredNurse() throws {
        guard requireGraph() else { return }
        #expect(try firstCodes("registered nurse").first == "29-1141")
    }

    @Test func searchTeamLeaderSaysTheTitleIsGenericAndFindsManagersOrSupervisorsFirst() throws {
        guard requireGraph() else { return }
        let result = try CLI.run(["search", "Team Leader", "--format", "tsv", "--limit", "5"] + shipped)
        #expect(result.status == 0)
        let titles = result.rows.dropFirst().map { String($0[2]) }
        #expect(titles.prefix(2).allSatisfy { $0.contains("Managers") || $0.contains("Supervisors") }, "\(titles)")
        #expect(result.stderr.contains("says what rank or role the job has, not what the work is about"))
    }

    @Test func searchStrategyManagerIsFlaggedGenericWithManagementCandidates() throws {
        guard requireGraph() else { return }
        let result = try CLI.run(["search", "Strategy Manager", "--format", "tsv", "--limit", "6"] + shipped)
        let codes = result.rows.dropFirst().map { String($0[1]) }
        #expect(codes.prefix(3).allSatisfy { $0.hasPrefix("11-") || $0.hasPrefix("13-") }, "\(codes)")
        #expect(result.stderr.contains("add the duties or the field"))
    }

    @Test func relatedDepthTwoIsNonEmptyAndDeterministic() throws {
        guard requireGraph() else { return }
        let arguments = ["related", "15-2051", "--depth", "2", "--format", "json"] + shipped
        let first = try CLI.run(arguments)
        #expect(first.status == 0, "\(first.stderr)")
        let steps = try #require(try first.json() as? [[String: Any]])
        #expect(steps.count > 10)
        #expect(steps.contains { $0["depth"] as? Int == 2 })
        #expect(try CLI.run(arguments).stdout == first.stdout)
        // By depth, then index, then code.
        let keys = steps.compactMap { step -> (Int, Int, String)? in
            guard let depth = step["depth"] as? Int, let index = step["index"] as? Int,
                  let code = step["code"] as? String else { return nil }
            return (depth, index, code)
        }
        #expect(keys.count == steps.count)
        #expect(zip(keys, keys.dropFirst()).allSatisfy { $0 < $1 })
    }

    @Test func pathFromDataScientistsToRegisteredNurses() throws {
        guard requireGraph() else { return }
        let result = try CLI.run(["path", "15-2051", "29-1141", "--format", "json"] + shipped)
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try result.json() as? [String: Any])
        let nodes = try #require(object["nodes"] as? [[String: Any]])
        #expect(nodes.first?["id"] as? String == "15-2051")
        #expect(nodes.last?["id"] as? String == "29-1141")
        #expect((object["edges"] as? [Any])?.count == nodes.count - 1)
        let table = try CLI.run(["path", "15-2051", "29-1141"] + shipped)
        table.expectTable()
    }

    @Test func findResearchLevelComputingOccupations() throws {
        guard requireGraph() else { return }
        let result = try CLI.run(["find", "education>=master zone>=5 major:15", "--format", "tsv"] + shipped)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.rows.dropFirst().map { String($0[0]) }.contains("15-1221"))
        let table = try CLI.run(["find", "education>=master zone>=5 major:15"] + shipped)
        table.expectTable()
    }

    /// A title word of `find` is read as search reads it: "accounting" is no "account" (Sales and Advertising
    /// Managers' "Account Manager" titles), and `related --where` reads it so too.
    @Test func findKeepsAnIngWordApartFromItsBase() throws {
        guard requireGraph() else { return }
        let result = try CLI.run(["find", "accounting", "--format", "tsv"] + shipped)
        #expect(result.status == 0, "\(result.stderr)")
        let codes = result.rows.dropFirst().map { String($0[0]) }
        #expect(codes.contains("13-2011") && codes.contains("43-3031") && !codes.contains("11-2011")
                    && !codes.contains("11-2022"), "\(codes)")
        let related = try CLI.run(["related", "13-2011", "--depth", "2", "--where", "accounting", "--format", "tsv"]
                                  + shipped)
        let steps = related.rows.dropFirst().map { String($0[1]) }
        #expect(steps.contains("43-3031") && !steps.contains("43-3011") && !steps.contains("43-4141"), "\(steps)")
    }
}
