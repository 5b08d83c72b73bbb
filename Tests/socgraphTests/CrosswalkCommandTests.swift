import Foundation
import Testing

/// SOC 2010 codes, ISCO-08 groups, ESCO titles and O*NET 30's Job Zone 1-2 as a user meets them, on the shipped
/// graph.
@Suite("Codes of other classifications")
struct CrosswalkCommandTests {
    let shipped = ["--graph", ShippedGraphTests.directory.path]
    func requireGraph() -> Bool { ShippedGraphTests().requireGraph() }

    @Test func soc2010CodeMappingToOneCodeIsTakenWithANote() throws {
        guard requireGraph() else { return }
        for input in ["15-1131", "15-1131.00", "151131", "soc2010:15-1131"] {
            let result = try CLI.run(["show", input, "--format", "json"] + shipped)
            #expect(result.status == 0, "\(result.stderr)")
            #expect((try result.json() as? [String: Any])?["code"] as? String == "15-1251")
            #expect(result.stderr == "socgraph: note: SOC 2010 15-1131 Computer Programmers → SOC 2018 15-1251 "
                    + "Computer Programmers (BLS SOC 2010 to 2018 crosswalk)\n")
        }
    }

    @Test func splitSOC2010CodeListsEveryCodeAndGuessesNone() throws {
        guard requireGraph() else { return }
        for command in [["show", "15-1132"], ["compare", "15-1132", "15-2051"], ["related", "15-1132.00"]] {
            try CLI.run(command + shipped).expectOneLineError(status: 2, containing: [
                "SOC 2010 15-1132 Software Developers, Applications was split in SOC 2018",
                "15-1252 Software Developers", "15-1253 Software Quality Assurance Analysts and Testers",
                "socgraph compare 15-1252 15-1253",
            ])
        }
    }

    @Test func codeOfBothClassificationsIsReadAsSOC2018AndTheClashExplained() throws {
        guard requireGraph() else { return }
        let result = try CLI.run(["show", "15-2099", "--format", "json"] + shipped)
        #expect(result.status == 0)
        #expect((try result.json() as? [String: Any])?["code"] as? String == "15-2099")
        #expect(result.stderr.contains("15-2099 is read as SOC 2018 15-2099 Mathematical Science Occupations, All Other"))
        #expect(result.stderr.contains("15-2051 Data Scientists"))
        #expect(result.stderr.contains("write soc2010:15-2099"))
        try CLI.run(["show", "soc2010:15-2099"] + shipped)
            .expectOneLineError(status: 2, containing: ["was split in SOC 2018", "15-2051 Data Scientists"])
        let same = try CLI.run(["show", "15-2051"] + shipped)
        #expect(same.stderr == "", "a code with one meaning gets no note")
    }

    @Test func iscoGroupShowsComparesFindsAndPaths() throws {
        guard requireGraph() else { return }
        let show = try CLI.run(["show", "isco:2512", "--format", "json"] + shipped)
        #expect(show.status == 0, "\(show.stderr)")
        let object = try #require(try show.json() as? [String: Any])
        let candidates = try #require(object["candidates"] as? [[String: Any]])
        #expect(candidates.map { $0["code"] as? String } == ["15-1252", "15-1253"])
        let via = try #require(candidates[0]["via"] as? [[String: Any]])
        #expect(via.map { $0["soc2010"] as? String } == ["15-1132", "15-1133"])
        #expect(via.allSatisfy { $0["partial"] as? Bool == true })
        #expect(object["credit"] as? String == "This product uses the ESCO classification of the European Union.")
        let table = try CLI.run(["show", "isco:2512"] + shipped)
        table.expectTable()
        #expect(table.stdout.contains("ESCO v1.2"))
        #expect(table.stdout.contains("This product uses the ESCO classification of the European Union."))
        let compare = try CLI.run(["compare", "isco:2512", "--format", "json"] + shipped)
        #expect(compare.status == 0, "\(compare.stderr)")
        #expect((try compare.json() as? [String: Any])?["codes"] as? [String] == ["15-1252", "15-1253"])
        let find = try CLI.run(["find", "isco:2512", "--format", "tsv"] + shipped)
        #expect(find.rows.dropFirst().map { String($0[0]) } == ["15-1252", "15-1253"])
        let path = try CLI.run(["path", "isco:2512", "15-1252"] + shipped)
        #expect(path.status == 0, "\(path.stderr)")
        #expect(path.stdout.contains("isco:2512"))
    }

    @Test func escoTitleReachesItsCandidatesAndSaysSo() throws {
        guard requireGraph() else { return }
        let result = try CLI.run(["search", "software developer", "--format", "json", "--limit", "3"] + shipped)
        let hits = try #require(try result.json() as? [[String: Any]])
        #expect(hits.first?["code"] as? String == "15-1252")
        // An ESCO title SOC and O*NET do not use reaches its ISCO group's SOC candidates, shown as the reason.
        let esco = try CLI.run(["search", "IoT developer", "--format", "json"] + shipped)
        let escoHits = try #require(try esco.json() as? [[String: Any]])
        let reasons = escoHits.flatMap { $0["matches"] as? [String] ?? [] }
        #expect(reasons.contains("ESCO: IoT developer (ISCO 2512)"), "\(reasons)")
    }

    @Test func jobZoneOneTwoIsOneLevel() throws {
        guard requireGraph() else { return }
        let merged = try CLI.run(["find", "zone<=1-2", "--format", "tsv"] + shipped)
        let coded = try CLI.run(["find", "zone<=2", "--format", "tsv"] + shipped)
        #expect(merged.status == 0)
        #expect(merged.stdout == coded.stdout)
        try CLI.run(["find", "zone>=1"] + shipped).expectOneLineError(status: 2, containing: [
            "no Job Zone 1", "zones 1-2 are one level", "did you mean 'zone>=1-2'",
        ])
        let show = try CLI.run(["show", "47-2061"] + shipped)
        #expect(show.stdout.contains("O*NET Job Zone 1-2"))
        let version = try CLI.run(["--version"] + [])
        #expect(version.stdout.contains("O*NET 30.2 under CC BY 4.0"))
        #expect(version.stdout.contains("This product uses the ESCO classification of the European Union."))
    }
}
