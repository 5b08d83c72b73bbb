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
        #expect(lines.first == "National-interest fields: Critical and Emerging Technologies List Update (NSTC,")
        #expect(result.stdout.contains("\nNational-interest fields: CHIPS and Science Act of 2022, sec. 10387 key\n"))
        // Every CET id is printed whole, so it can be copied.
        #expect(result.stdout.contains("\n   highly-automated-autonomous-and-uncrewed-systems-and-robotics\n"))
        // Core, substantial and incidental detailed occupations.
        #expect(lines.contains { $0.hasPrefix(" 6 Artificial Intelligence") && $0.hasSuffix("1   2   0") })
        #expect(lines.contains { $0.hasPrefix(" 1 Advanced Computing") && $0.hasSuffix("1   2   1") })
        #expect(result.stdout.contains("   includes quantum-information-and-enabling-technologies\n"))
        #expect(result.stdout.contains("CORE, SUB, INC: detailed occupations graded core"))
        #expect(result.stdout.contains("Sources:"))
    }

    @Test func listJSONAndTSV() throws {
        let json = try CLI.run(["fields", "--format", "json"] + graph)
        #expect(json.status == 0, "\(json.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let fields = try #require(object["fields"] as? [[String: Any]])
        #expect(fields.count == 28)
        #expect(fields.compactMap { $0["number"] as? Int } == Array(1...18) + Array(1...10))
        #expect(fields.compactMap { $0["framework"] as? String }
                == Array(repeating: "cet-2024", count: 18) + Array(repeating: "chips-2022", count: 10))
        let ai = try #require(fields.first { $0["id"] as? String == "artificial-intelligence" })
        #expect(Set(ai.keys) == ["framework", "number", "id", "name", "core", "substantial", "incidental", "programs",
                                 "technologies", "titleTerms", "directLinks", "includes"])
        #expect(ai["core"] as? Int == 1)
        #expect(ai["substantial"] as? Int == 2)
        #expect(ai["incidental"] as? Int == 0)
        #expect(ai["programs"] as? Int == 3)
        #expect(ai["technologies"] as? Int == 13)
        #expect(ai["titleTerms"] as? Int == 7)
        let quantum = try #require(fields.first { $0["id"] as? String == "quantum-information-science-and-technology" })
        #expect(quantum["includes"] as? [String] == ["quantum-information-and-enabling-technologies"])
        #expect((object["sources"] as? [Any])?.isEmpty == false)

        let tsv = try CLI.run(["fields", "--format", "tsv"] + graph)
        let rows = tsv.stdout.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
        #expect(rows.first == ["framework", "number", "id", "name", "core", "substantial", "incidental", "programs",
                               "technologies", "title_terms", "direct_links", "includes"])
        #expect(rows.count == 29)
        #expect(rows.contains(["cet-2024", "16", "quantum-information-and-enabling-technologies",
                               "Quantum Information and Enabling Technologies", "0", "1", "0", "0", "0", "0", "1", ""]))
        #expect(rows.contains(["chips-2022", "3", "quantum-information-science-and-technology",
                               "Quantum information science and technology", "0", "1", "0", "0", "0", "0", "1",
                               "quantum-information-and-enabling-technologies"]))
    }

    @Test func occupationsOfAField() throws {
        let result = try CLI.run(["fields", "artificial-intelligence"] + graph)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first == "artificial-intelligence  Artificial Intelligence")
        #expect(lines.allSatisfy { $0.count <= 80 })
        #expect(result.stdout.contains("Critical and Emerging Technologies List Update (NSTC, Feb 2024), category 6 · 3\n"
                                       + "occupations and specialties graded substantial or above"))
        let codes = lines.compactMap { line in line.split(separator: " ").first.map(String.init) }
            .filter { $0.count == 7 && $0.dropFirst(2).first == "-" && $0.first != "-" }
        #expect(codes == ["15-2051", "15-1221", "15-1252"])
        #expect(result.stdout.contains("15-2051  Data Scientists                core*         0.17  3/35  10 (2)       4"))
        #expect(result.stdout.contains("substantial   0.43  2/15   5 (2)       7"))
        #expect(result.stdout.contains("Sources:"))

        let limited = try CLI.run(["fields", "artificial-intelligence", "--limit", "2", "--format", "json"] + graph)
        #expect(limited.status == 0, "\(limited.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(limited.stdout.utf8)) as? [String: Any])
        #expect(object["total"] as? Int == 3)
        #expect(object["minimumGrade"] as? String == "substantial")
        #expect(object["framework"] as? String == "cet-2024")
        let occupations = try #require(object["occupations"] as? [[String: Any]])
        #expect(occupations.compactMap { $0["code"] as? String } == ["15-2051", "15-1221"])
        #expect(occupations.compactMap { $0["grade"] as? String } == ["core", "substantial"])
        #expect(occupations.first?["strength"] as? Double == 0.17)
        #expect(occupations.first?["programTotal"] as? Int == 35)
        #expect(occupations.first?["direct"] as? String == "core")
        #expect(occupations.last?["direct"] is NSNull)

        let tsv = try CLI.run(["fields", "quantum-information-and", "--format", "tsv"] + graph)
        #expect(tsv.stdout == "field\tframework\tcode\ttitle\tgrade\tstrength\tcatch_all\tspecialty\tprograms\t"
                + "program_total\ttechnologies\thot_technologies\ttitles\tdirect\n"
                + "quantum-information-and-enabling-technologies\tcet-2024\t15-1221\tComputer and Information "
                + "Research Scientists\tsubstantial\t0.00\tno\t\t0\t15\t0\t0\t0\tsubstantial\n")
    }

    @Test func gradeOptionSetsTheLowestGradeListed() throws {
        let core = try CLI.run(["fields", "advanced-computing", "--grade", "core", "--format", "tsv"] + graph)
        #expect(core.status == 0, "\(core.stderr)")
        #expect(core.stdout.split(separator: "\n").dropFirst().map { String($0.split(separator: "\t")[2]) } == ["15-1221"])
        let incidental = try CLI.run(["fields", "advanced-computing", "--grade", "incidental", "--format", "tsv"] + graph)
        #expect(incidental.stdout.split(separator: "\n").dropFirst().map { String($0.split(separator: "\t")[2]) }
                == ["15-1221", "15-1252", "15-2051", "15-1253"])
        // A field with only incidental alignments: nothing at the default grade (exit 1), and how to list them.
        let biotech = try CLI.run(["fields", "biotechnologies"] + graph)
        #expect(biotech.status == 1)
        #expect(biotech.stdout == "")
        #expect(biotech.stderr == "socgraph: error: no occupation aligns with biotechnologies at grade substantial or "
                + "above (1 incidental: add --grade incidental)\n")
        let listed = try CLI.run(["fields", "biotechnologies", "--grade", "incidental", "--format", "tsv"] + graph)
        #expect(listed.status == 0)
        #expect(listed.stdout.contains("\tcet-2024\t15-2041.01\tBiostatisticians\tincidental\t0.11\tno\t"))
        // Specialties graded on their own are listed; a code whose specialty is graded names it.
        let storage = try CLI.run(["fields", "data-storage", "--grade", "incidental", "--format", "tsv"] + graph)
        let rows = storage.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
        #expect(rows.map { "\($0[2]) \($0[4]) \($0[7])" } == [
            "15-2051.02 core ", "15-1221 substantial ", "15-2051 incidental 15-2051.02",
        ])
        let table = try CLI.run(["fields", "data-storage", "--grade", "incidental"] + graph)
        #expect(table.stdout.contains("15-2051     Data Scientists [specialty   incidental"))
        let bad = try CLI.run(["fields", "advanced-computing", "--grade", "high"] + graph)
        #expect(bad.status == 2)
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
                + "quantum-information-and-enabling-technologies, quantum-information-science-and-technology?\n")
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
