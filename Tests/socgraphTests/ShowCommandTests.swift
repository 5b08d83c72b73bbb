import Foundation
import Testing

@Suite("socgraph show")
struct ShowCommandTests {
    let graph = ["--graph", CLI.fixture.path]

    @Test func tableFitsEightyColumnsAndNamesItsSources() throws {
        let result = try CLI.run(["show", "15-2051"] + graph)
        #expect(result.status == 0)
        #expect(result.stderr == "")
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first == "15-2051  Data Scientists")
        #expect(lines.allSatisfy { $0.count <= 80 }, "a line is wider than 80 columns")
        #expect(result.stdout.contains("15-2050  Data Scientists (broad)"))
        #expect(result.stdout.contains("Bachelor's degree (BLS typical entry, rank 6 of 8)"))
        #expect(result.stdout.contains("O*NET Job Zone 4"))
        #expect(result.stdout.contains("15-2041  Statisticians"))
        #expect(result.stdout.contains("11.0102  Artificial Intelligence."))
        #expect(result.stdout.contains("Sources:"))
        #expect(result.stdout.contains("O*NET 30.2 (CC BY 4.0)"))
        #expect(result.stdout.contains("OEWS May 2025"))
        #expect(!result.stdout.contains("\u{1B}["), "colour codes on a pipe")
    }

    @Test func longTitlesWrapInNarrowTerminals() throws {
        let result = try CLI.run(["show", "15-1221"] + graph, environment: ["COLUMNS": "50"])
        #expect(result.status == 0)
        #expect(result.stdout.split(separator: "\n").allSatisfy { $0.count <= 50 })
    }

    @Test func json() throws {
        let result = try CLI.run(["show", "152051", "--format", "json"] + graph)
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["code"] as? String == "15-2051")
        let hierarchy = try #require(object["hierarchy"] as? [[String: Any]])
        #expect(hierarchy.compactMap { $0["code"] as? String } == ["15-0000", "15-2000", "15-2050"])
        let education = try #require(object["education"] as? [String: Any])
        #expect(education["typicalEntry"] as? String == "bachelor")
        #expect(education["jobZone"] as? Int == 4)
        let profession = try #require(object["profession"] as? [String: Any])
        #expect(profession["bachelorOrHigher"] as? Bool == true)
        #expect((object["sources"] as? [Any])?.isEmpty == false)
        // Keys are sorted, so the output is stable byte for byte.
        let again = try CLI.run(["show", "15-2051.00", "--format", "json"] + graph)
        #expect(again.stdout == result.stdout)
        #expect(result.stdout.range(of: "\"code\"")!.lowerBound < result.stdout.range(of: "\"title\"")!.lowerBound)
    }

    @Test func tsv() throws {
        let result = try CLI.run(["show", "Data Scientists", "--format", "tsv"] + graph)
        #expect(result.status == 0)
        let rows = result.stdout.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
        #expect(rows.first == ["section", "key", "value", "detail"])
        #expect(rows.allSatisfy { $0.count == 4 })
        #expect(rows.contains(["node", "code", "15-2051", ""]))
        #expect(rows.contains(["related", "15-2041", "Statisticians", "primary-short 1"]))
        #expect(rows.contains(["wages", "annualMedian", "120230", "OEWS May 2025"]))
    }

    @Test func groupsProgramsAndFields() throws {
        let group = try CLI.run(["show", "15-2000"] + graph)
        #expect(group.status == 0)
        #expect(group.stdout.contains("15-2051  Data Scientists"))
        let program = try CLI.run(["show", "11.0102", "--format", "json"] + graph)
        #expect(program.status == 0)
        #expect(program.stdout.contains("\"cip\" : \"11.0102\""))
        let field = try CLI.run(["show", "artificial-intelligence"] + graph)
        #expect(field.status == 0)
        #expect(field.stdout.contains("Critical and Emerging Technologies List, category 6"))
    }

    @Test func unknownCodeExitsTwoWithSuggestion() throws {
        let result = try CLI.run(["show", "15-2059"] + graph)
        #expect(result.status == 2)
        #expect(result.stdout == "")
        #expect(result.stderr.hasPrefix("socgraph: error: unknown code '15-2059'"))
        #expect(result.stderr.contains("15-2051 Data Scientists"))
        #expect(result.stderr.filter { $0 == "\n" }.count == 1)
    }

    @Test func malformedCodeExitsTwo() throws {
        let result = try CLI.run(["show", "15-205"] + graph)
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("socgraph: error: malformed code '15-205'"))
        #expect(result.stderr.filter { $0 == "\n" }.count == 1)
    }

    @Test func usageErrorsExitTwoOnOneLine() throws {
        for arguments in [["show"] + graph, ["show", "15-2051", "--format", "xml"] + graph, ["frobnicate"]] {
            let result = try CLI.run(arguments)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stderr.hasPrefix("socgraph: error: "), "\(arguments)")
            #expect(result.stderr.filter { $0 == "\n" }.count == 1, "\(arguments): \(result.stderr)")
        }
    }

    @Test func helpAndVersionSucceed() throws {
        let help = try CLI.run(["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("show"))
        #expect(help.stdout.contains("check"))
        let version = try CLI.run(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.contains("O*NET 30.2"))
    }

    @Test func graphDirectoryFromTheEnvironment() throws {
        let result = try CLI.run(["show", "15-1252", "--format", "json"], environment: ["SOCGRAPH_GRAPH": CLI.fixture.path])
        #expect(result.status == 0)
        #expect(result.stdout.contains("\"annualMedian\" : 135980"))
        let missing = try CLI.run(["show", "15-1252", "--graph", "/nonexistent/graph"])
        #expect(missing.status == 3)
        #expect(missing.stderr.contains("graph directory not found"))
    }
}
