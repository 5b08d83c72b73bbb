import Foundation
import Testing

@Suite("socgraph related")
struct RelatedCommandTests {
    let graph = ["--graph", CLI.fixture.path]

    @Test func table() throws {
        let result = try CLI.run(["related", "15-2051", "--depth", "3"] + graph)
        result.expectTable()
        #expect(result.lines.first?.hasPrefix("Related occupations of 15-2051 Data Scientists") == true)
        let rows = result.lines.filter { $0.range(of: #"^\s+\d  \d\d-\d{4}"#, options: .regularExpression) != nil }
        #expect(rows.count == 4)
        #expect(rows[0].contains("15-2041  Statisticians"))
        #expect(rows[3].contains("15-1253"))
        #expect(rows[3].hasSuffix("15-1252"))
        #expect(result.stdout.contains("4 occupations."))
    }

    @Test func json() throws {
        let result = try CLI.run(["related", "152051", "--depth", "2", "--format", "json"] + graph)
        #expect(result.status == 0)
        let steps = try #require(try result.json() as? [[String: Any]])
        #expect(steps.compactMap { $0["code"] as? String } == ["15-2041", "15-1221", "15-1252"])
        #expect(Set(steps[0].keys) == ["code", "title", "depth", "tier", "index", "via"])
        #expect(steps[2]["depth"] as? Int == 2)
        #expect(steps[2]["via"] as? String == "15-1221")
        #expect(steps[2]["tier"] as? String == "primary-short")
        #expect(steps[2]["index"] as? Int == 4)
    }

    @Test func envelopeNamesTheStartAndSources() throws {
        let result = try CLI.run(["related", "15-2051", "--tier", "all", "--format", "json", "--envelope"] + graph)
        #expect(result.status == 0)
        let object = try #require(try result.json() as? [String: Any])
        #expect(object["code"] as? String == "15-2051")
        #expect(object["tier"] as? String == "all")
        #expect((object["results"] as? [[String: Any]])?.count == 3)
        #expect((object["sources"] as? [Any])?.isEmpty == false)
    }

    @Test func tsv() throws {
        let result = try CLI.run(["related", "Data Scientists", "--tier", "all", "--format", "tsv"] + graph)
        #expect(result.status == 0)
        #expect(result.rows == [
            ["depth", "code", "title", "tier", "index", "via"],
            ["1", "15-2041", "Statisticians", "primary-short", "1", "15-2051"],
            ["1", "15-1221", "Computer and Information Research Scientists", "primary-long", "9", "15-2051"],
            ["1", "15-1252", "Software Developers", "supplemental", "12", "15-2051"],
        ])
    }

    @Test func whereFiltersTheResults() throws {
        let result = try CLI.run(["related", "15-2051", "--depth", "3", "--where", "education:bachelor",
                                  "--format", "tsv"] + graph)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.rows.dropFirst().map { String($0[1]) } == ["15-1252", "15-1253"])
        let none = try CLI.run(["related", "15-2051", "--where", "major:29"] + graph)
        none.expectOneLineError(status: 1, containing: ["no occupation related to 15-2051", "major:29"])
    }

    @Test func nothingRelatedExitsOne() throws {
        let result = try CLI.run(["related", "29-1141"] + graph)
        result.expectOneLineError(status: 1, containing: ["no occupation related to 29-1141", "--tier all"])
    }

    @Test func badInputExitsTwo() throws {
        try CLI.run(["related", "15-2059"] + graph)
            .expectOneLineError(status: 2, containing: ["unknown code '15-2059'", "15-2051 Data Scientists"])
        try CLI.run(["related", "15-2000"] + graph)
            .expectOneLineError(status: 2, containing: ["is a minor group, not an occupation"])
        for depth in ["0", "6"] {
            try CLI.run(["related", "15-2051", "--depth", depth] + graph)
                .expectOneLineError(status: 2, containing: ["--depth \(depth) is out of range", "from 1 to 5"])
        }
        try CLI.run(["related", "15-2051", "--tier", "secondary"] + graph)
            .expectOneLineError(status: 2, containing: ["secondary"])
        try CLI.run(["related", "15-2051", "--where", "zone>=9"] + graph)
            .expectOneLineError(status: 2, containing: ["no Job Zone 9 in this graph", "1-2, 3, 4, 5", "column"])
    }
}
