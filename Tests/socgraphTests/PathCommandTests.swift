import Foundation
import Testing

@Suite("socgraph path")
struct PathCommandTests {
    let graph = ["--graph", CLI.fixture.path]

    @Test func tableExplainsEachLink() throws {
        let result = try CLI.run(["path", "15-2051", "15-1253"] + graph)
        result.expectTable()
        #expect(result.lines.prefix(2).joined(separator: " ")
                == "Path from 15-2051 Data Scientists to 15-1253 Software Quality Assurance Analysts and Testers: 2 links")
        #expect(result.stdout.contains("1. 15-2051 Data Scientists —is related to (O*NET supplemental, index 12)→"))
        #expect(result.stdout.contains("Links followed: SOC and CIP hierarchy"))
    }

    @Test func json() throws {
        let result = try CLI.run(["path", "15-2051.01", "11", "--format", "json"] + graph)
        #expect(result.status == 0)
        let object = try #require(try result.json() as? [String: Any])
        let nodes = try #require(object["nodes"] as? [[String: Any]])
        #expect(nodes.compactMap { $0["id"] as? String } == ["15-2051.01", "15-2051", "11.0102", "11.01", "11"])
        #expect(nodes.compactMap { $0["kind"] as? String } == ["specialty", "detailed", "program", "program", "program"])
        #expect(nodes.allSatisfy { $0["title"] is String })
        let edges = try #require(object["edges"] as? [[String: Any]])
        #expect(edges.count == 4)
        #expect(edges[1]["from"] as? String == "11.0102")
        #expect(edges[1]["to"] as? String == "15-2051")
        #expect(edges[1]["kind"] as? String == "prepares-for")
        #expect(object["length"] as? Int == 4)
        #expect(object["via"] as? String == "structure")
        #expect((object["sources"] as? [Any])?.isEmpty == false)
    }

    @Test func tsv() throws {
        let result = try CLI.run(["path", "29-1123", "stem", "--format", "tsv"] + graph)
        #expect(result.status == 0)
        #expect(result.rows == [
            ["step", "from", "fromTitle", "link", "to", "toTitle", "kind"],
            ["1", "29-1123", "Physical Therapists", "is designated", "stem",
             "STEM occupation (O*NET OnLine STEM occupations)", "designated"],
        ])
    }

    @Test func technologyNamesInAnyCase() throws {
        let result = try CLI.run(["path", "python", "15-1252", "--format", "tsv"] + graph)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.rows.dropFirst().map { [String($0[1]), String($0[4])] } == [["Python", "15-1252"]])
    }

    @Test func hubsOnlyWithViaAll() throws {
        let structure = try CLI.run(["path", "15-2051", "29-1141", "--format", "json"] + graph)
        #expect(structure.status == 0)
        let kinds = try #require((try structure.json() as? [String: Any])?["edges"] as? [[String: Any]])
            .compactMap { $0["kind"] as? String }
        #expect(!kinds.contains("entry-education") && !kinds.contains("job-zone") && !kinds.contains("uses"))
        let all = try CLI.run(["path", "15-2051", "29-1141", "--via", "all", "--format", "tsv"] + graph)
        #expect(all.status == 0)
        #expect(all.rows.dropFirst().map { String($0[4]) } == ["bachelor", "29-1141"])
    }

    @Test func unknownNodeExitsTwoWithSuggestions() throws {
        try CLI.run(["path", "15-2059", "29-1141"] + graph)
            .expectOneLineError(status: 2, containing: ["unknown code '15-2059'", "did you mean"])
        try CLI.run(["path", "15-2051", "Data Scientistz"] + graph)
            .expectOneLineError(status: 2, containing: ["unknown code 'Data Scientistz'", "15-2051 Data Scientists"])
    }

    @Test func noPathExitsOne() throws {
        let field = "advanced-gas-turbine-engine-technologies"
        try CLI.run(["path", "15-2051", field] + graph)
            .expectOneLineError(status: 1, containing: ["no path from 15-2051 Data Scientists", "--via all"])
        try CLI.run(["path", "15-2051", field, "--via", "all", "--format", "json"] + graph)
            .expectOneLineError(status: 1, containing: ["not connected"])
    }

    @Test func badScopeExitsTwo() throws {
        try CLI.run(["path", "15-2051", "15-1252", "--via", "everything"] + graph)
            .expectOneLineError(status: 2, containing: ["everything"])
    }
}
