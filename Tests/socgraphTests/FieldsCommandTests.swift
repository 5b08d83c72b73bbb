import Foundation
import Testing

@Suite("socgraph fields")
struct FieldsCommandTests {
    let graph = ["--graph", CLI.fixture.path]

    @Test func listTable() throws {
        let result = try CLI.run(["fields"] + graph)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.allSatisfy { $0.count <= 80 }, "a line is wider than 80 columns")
        // Every id is printed whole, so it can be copied.
        #expect(result.stdout.contains("\n   highly-automated-autonomous-and-uncrewed-systems-and-robotics\n"))
        #expect(lines.contains { $0.hasPrefix(" 6 Artificial Intelligence") && $0.hasSuffix("4   3   13") })
        let ids = lines.filter { $0.hasPrefix("   ") && !$0.dropFirst(3).contains(" ") }
        #expect(ids.count == 18)
        #expect(result.stdout.contains("Sources:"))
    }

    @Test func listJSONAndTSV() throws {
        let json = try CLI.run(["fields", "--format", "json"] + graph)
        #expect(json.status == 0, "\(json.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let fields = try #require(object["fields"] as? [[String: Any]])
        #expect(fields.count == 18)
        #expect(fields.compactMap { $0["number"] as? Int } == Array(1...18))
        let ai = try #require(fields.first { $0["id"] as? String == "artificial-intelligence" })
        #expect(ai["occupations"] as? Int == 4)
        #expect(ai["programs"] as? Int == 3)
        #expect(ai["technologies"] as? Int == 13)
        #expect((object["sources"] as? [Any])?.isEmpty == false)

        let tsv = try CLI.run(["fields", "--format", "tsv"] + graph)
        let rows = tsv.stdout.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
        #expect(rows.first == ["number", "id", "name", "occupations", "programs", "technologies", "direct_links"])
        #expect(rows.count == 19)
        #expect(rows.contains(["16", "quantum-information-and-enabling-technologies",
                               "Quantum Information and Enabling Technologies", "1", "0", "0", "1"]))
    }

    @Test func occupationsOfAField() throws {
        let result = try CLI.run(["fields", "artificial-intelligence"] + graph)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first == "artificial-intelligence  Artificial Intelligence")
        #expect(lines.allSatisfy { $0.count <= 80 })
        let codes = lines.compactMap { line in line.split(separator: " ").first.map(String.init) }
            .filter { $0.count == 7 && $0.dropFirst(2).first == "-" && $0.first != "-" }
        #expect(codes == ["15-1221", "15-2051", "15-1252", "15-2041"])
        #expect(result.stdout.contains("0.83      2/15       5 (2)"))
        #expect(result.stdout.contains("Sources:"))

        let limited = try CLI.run(["fields", "artificial", "--limit", "2", "--format", "json"] + graph)
        #expect(limited.status == 0, "\(limited.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(limited.stdout.utf8)) as? [String: Any])
        #expect(object["total"] as? Int == 4)
        let occupations = try #require(object["occupations"] as? [[String: Any]])
        #expect(occupations.compactMap { $0["code"] as? String } == ["15-1221", "15-2051"])
        #expect(occupations.first?["strength"] as? Double == 0.83)
        #expect(occupations.first?["programTotal"] as? Int == 15)

        let tsv = try CLI.run(["fields", "quantum", "--format", "tsv"] + graph)
        #expect(tsv.stdout == "field\tcode\ttitle\tstrength\tprograms\tprogram_total\ttechnologies\thot_technologies\t"
                + "direct\nquantum-information-and-enabling-technologies\t15-1221\tComputer and Information Research "
                + "Scientists\t0.90\t0\t15\t0\t0\tyes\n")
    }

    @Test func fieldWithoutOccupationsExitsOne() throws {
        let result = try CLI.run(["fields", "hypersonics"] + graph)
        #expect(result.status == 1)
        #expect(result.stdout == "")
        #expect(result.stderr.hasPrefix("socgraph: error: no occupation aligns with hypersonics"))
    }

    @Test func badInputExitsTwo() throws {
        let unknown = try CLI.run(["fields", "quantom"] + graph)
        #expect(unknown.status == 2)
        #expect(unknown.stderr == "socgraph: error: unknown national-interest field 'quantom'; did you mean "
                + "quantum-information-and-enabling-technologies?\n")
        let several = try CLI.run(["fields", "advanced"] + graph)
        #expect(several.status == 2)
        #expect(several.stderr.contains("advanced-computing"))
        let limit = try CLI.run(["fields", "artificial-intelligence", "--limit", "0"] + graph)
        #expect(limit.status == 2)
        #expect(limit.stderr.contains("--limit 0 is out of range"))
        let format = try CLI.run(["fields", "--format", "xml"] + graph)
        #expect(format.status == 2)
    }
}
