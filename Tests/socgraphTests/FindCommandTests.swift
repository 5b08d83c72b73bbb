import Foundation
import Testing

@Suite("socgraph find")
struct FindCommandTests {
    let graph = ["--graph", CLI.fixture.path]

    @Test func table() throws {
        let result = try CLI.run(["find", "education>=master"] + graph)
        result.expectTable()
        #expect(result.lines.first == "3 occupations where education>=master")
        #expect(result.stdout.contains("CODE     TITLE"))
        #expect(result.stdout.contains("MEDIAN WAGE"))
        let row = try #require(result.lines.first { $0.hasPrefix("15-1221") })
        #expect(row.contains("master"))
        #expect(row.contains("5"))
        #expect(row.hasSuffix("$140,300"))
    }

    @Test("a field: term names its field, framework and the grades it counts; grade>= changes them")
    func fieldNote() throws {
        let plain = try CLI.run(["find", "field:artificial-intelligence"] + graph)
        plain.expectTable()
        let text = plain.stdout.replacingOccurrences(of: "\n", with: " ")
        #expect(text.contains("field:artificial-intelligence is Artificial Intelligence, a category of the Critical and"))
        #expect(text.contains("it counts occupations graded substantial or core"))
        let core = try CLI.run(["find", "field:artificial-intelligence grade>=core"] + graph)
        #expect(core.stdout.replacingOccurrences(of: "\n", with: " ").contains("counts occupations graded grade >= core"))
        let lonely = try CLI.run(["find", "grade>=core"] + graph)
        #expect(lonely.status == 2)
        #expect(lonely.stderr.contains("qualifies field: terms"))
    }

    @Test func json() throws {
        let result = try CLI.run(["find", "major:15 stem:yes wage>=120000", "--format", "json"] + graph)
        #expect(result.status == 0)
        let rows = try #require(try result.json() as? [[String: Any]])
        #expect(rows.compactMap { $0["code"] as? String } == ["15-1221", "15-1252", "15-2051"])
        #expect(Set(rows[0].keys) == ["code", "title", "education", "jobZone", "jobZoneLabel", "annualMedian", "topCoded"])
        #expect(rows[2]["annualMedian"] as? Int == 120230)
        #expect(rows[2]["education"] as? String == "bachelor")
    }

    @Test func envelope() throws {
        let result = try CLI.run(["find", "nurses", "--format", "json", "--envelope"] + graph)
        #expect(result.status == 0)
        let object = try #require(try result.json() as? [String: Any])
        #expect(object["query"] as? String == "nurses")
        #expect((object["results"] as? [[String: Any]])?.first?["code"] as? String == "29-1141")
        #expect((object["sources"] as? [Any])?.isEmpty == false)
    }

    @Test func tsv() throws {
        let result = try CLI.run(["find", "zone>=5 -major:15", "--format", "tsv"] + graph)
        #expect(result.status == 0)
        #expect(result.rows == [
            ["code", "title", "education", "jobZone", "annualMedian", "topCoded"],
            ["29-1123", "Physical Therapists", "doctoral", "5", "102760", "no"],
        ])
    }

    @Test func nothingMatchesExitsOne() throws {
        for format in ["table", "json", "tsv"] {
            try CLI.run(["find", "zone<2", "--format", format] + graph)
                .expectOneLineError(status: 1, containing: ["no occupation matches 'zone<2'"])
        }
    }

    @Test func malformedQueryExitsTwoNamingTheColumn() throws {
        try CLI.run(["find", "education>=mastr"] + graph)
            .expectOneLineError(status: 2, containing: ["unknown education level 'mastr'", "column 12", "'master'"])
        try CLI.run(["find", "major:15 (zone>=4"] + graph)
            .expectOneLineError(status: 2, containing: ["column"])
        try CLI.run(["find", ""] + graph).expectOneLineError(status: 2, containing: ["empty query"])
        try CLI.run(["find", "field:quantum-gravity"] + graph)
            .expectOneLineError(status: 2, containing: ["unknown field 'quantum-gravity'"])
    }
}
