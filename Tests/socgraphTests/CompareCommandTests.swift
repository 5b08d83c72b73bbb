import Foundation
import Testing

@Suite("socgraph compare")
struct CompareCommandTests {
    let graph = ["--graph", CLI.fixture.path]
    let three = ["compare", "15-2051", "15-1252", "15-1221"]

    @Test func tableShowsTheCodesSideBySideWithinEightyColumns() throws {
        let result = try CLI.run(three + graph)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr == "")
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.allSatisfy { $0.count <= 80 }, "a line is wider than 80 columns")
        #expect(lines.first == "Comparison of 15-2051, 15-1252, 15-1221")
        let header = try #require(lines.first { $0.hasPrefix(" ") && $0.contains("15-2051") })
        #expect(header.split(separator: " ") == ["15-2051", "15-1252", "15-1221"])
        let education = try #require(lines.first { $0.hasPrefix("Entry education") })
        // The columns are in the order given: the master's degree is the third.
        let cells = education.dropFirst("Entry education".count).split(separator: "  ", omittingEmptySubsequences: true)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(cells == ["Bachelor's degree", "Bachelor's degree", "Master's degree"])
        #expect(result.stdout.contains("- typical entry education: 15-1221 Master's degree; 15-2051, 15-1252"))
        #expect(result.stdout.contains("Where they differ"))
        #expect(result.stdout.contains("- STEM occupation: all"))
        #expect(result.stdout.contains("not surveyed"))
        #expect(result.stdout.contains("11.0102  Artificial Intelligence."))
        #expect(result.stdout.contains("Sources:"))
        #expect(result.stdout.contains("OEWS May 2025"))
        #expect(result.stdout.contains("O*NET 30.2 (CC BY 4.0)"))
        #expect(!result.stdout.contains("\u{1B}["), "colour codes on a pipe")
    }

    @Test func moreCodesThanFitSwitchToBlocksAndStayWithinTheWidth() throws {
        let codes = ["15-2051", "15-1252", "15-1221", "29-1141", "15-2041"]
        let result = try CLI.run(["compare"] + codes + graph)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.split(separator: "\n").allSatisfy { $0.count <= 80 })
        for code in codes { #expect(result.stdout.contains("\n\(code)  ")) }
        let narrow = try CLI.run(three + graph, environment: ["COLUMNS": "50"])
        #expect(narrow.status == 0)
        #expect(narrow.stdout.split(separator: "\n").allSatisfy { $0.count <= 50 })
        #expect(narrow.stdout.split(separator: "\n").contains { $0.hasPrefix("15-1221 ") && $0.contains("Computer and") })
        let wide = try CLI.run(["compare"] + codes + graph, environment: ["COLUMNS": "120"])
        #expect(wide.stdout.split(separator: "\n").allSatisfy { $0.count <= 120 })
        #expect(wide.stdout.contains { $0 == "-" })
        #expect(wide.stdout.split(separator: "\n").contains { line in codes.allSatisfy { line.contains($0) } })
    }

    @Test func json() throws {
        let result = try CLI.run(three + ["--format", "json"] + graph)
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["codes"] as? [String] == ["15-2051", "15-1252", "15-1221"])
        let occupations = try #require(object["occupations"] as? [[String: Any]])
        let entries = occupations.compactMap { ($0["education"] as? [String: Any])?["typicalEntry"] as? String }
        #expect(entries == ["bachelor", "bachelor", "master"])
        #expect(occupations.allSatisfy { $0["profession"] != nil && $0["mastersOrHigher"] != nil })
        let differences = try #require(object["differences"] as? [[String: Any]])
        let education = try #require(differences.first { $0["attribute"] as? String == "typicalEntry" })
        #expect(education["same"] as? Bool == false)
        #expect((education["text"] as? String)?.contains("15-1221 Master's degree") == true)
        let sources = try #require(object["sources"] as? [[String: Any]])
        #expect(sources.contains { $0["vintage"] as? String == "OEWS May 2025" })
        #expect(object["shared"] is [String: Any])
    }

    @Test func tsvHasOneRowPerAttributeCodeAndValue() throws {
        let result = try CLI.run(three + ["--format", "tsv"] + graph)
        #expect(result.status == 0)
        let rows = result.stdout.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
        #expect(rows.first == ["attribute", "code", "value", "text"])
        #expect(rows.allSatisfy { $0.count == 4 })
        let education = rows.filter { $0[0] == "typicalEntry" }.map { "\($0[1])=\($0[2])" }
        #expect(education == ["15-2051=bachelor", "15-1252=bachelor", "15-1221=master"])
        #expect(rows.contains { $0[0] == "jobZone" && $0[1] == "15-1221" && $0[2] == "5" })
        #expect(rows.contains { $0[0] == "sharedProgram" && $0[2] == "11.0102" })
        #expect(rows.contains { $0[0] == "difference" && $0[2] == "differs" && $0[3].hasPrefix("typical entry") })
        #expect(rows.contains { $0[0] == "source" && $0[2] == "OEWS May 2025" })
    }

    @Test func badInputExitsTwoWithOneLine() throws {
        let cases: [([String], String)] = [
            (["compare", "15-2051"], "at least 2"),
            (["compare", "15-2051", "152051"], "given twice"),
            (["compare", "15-2051", "15-2052"], "unknown"),
            (["compare", "15-2051", "15-2000"], "minor group"),
            (["compare"], "Missing expected argument"),
        ]
        for (arguments, text) in cases {
            let result = try CLI.run(arguments + graph)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stdout == "")
            #expect(result.stderr.hasPrefix("socgraph: error: "), "\(arguments)")
            #expect(result.stderr.contains(text), "\(arguments): \(result.stderr)")
            #expect(result.stderr.filter { $0 == "\n" }.count == 1)
        }
        let unknown = try CLI.run(["compare", "15-2051", "15-2052"] + graph)
        #expect(unknown.stderr.contains("did you mean"))
    }
}
