import Foundation
import SOCGraph
@testable import SOCGraphImport
import Testing

/// The O*NET 30.2 files and the SOC 2010, ISCO-08 and ESCO files against the committed Graph/, every row, read with
/// plain readers (the sheet reader, a hand split of the TSV, the CSV reader) rather than the importer's readers.
@Suite("Crosswalks, ESCO and O*NET 30.2 in the shipped graph",
       .enabled(if: OfficialSources.shouldTest, "official source files not found; set SOCGRAPH_SOURCES"))
struct CrosswalkGraphTests {
    let shipped = ShippedGraphTests()

    @Test func onet302Counts() throws {
        let occupations = try shipped.sheet("onet-30.2/Occupation Data.xlsx", columns: ["O*NET-SOC Code", "Title"])
        #expect(occupations.dataRows.filter { !$0.isEmpty }.count == 1_016)
        #expect(try shipped.graphFile("onet-occupations.tsv", ["onet_code", "code", "title"]).count == 1_016)
        let zones = try shipped.graphFile("job-zones.tsv", ["onet_code", "code", "job_zone"])
        #expect(zones.count == 923)
        #expect(Set(zones.map { $0[2] }) == ["2", "3", "4", "5"], "O*NET 30.2 codes Job Zone 1-2 as 2")
        let names = try shipped.graphFile("job-zone-names.tsv", ["job_zone", "label", "name"])
        #expect(names.map { [$0[0], $0[1]] } == [["2", "1-2"], ["3", "3"], ["4", "4"], ["5", "5"]])
        #expect(names[0][2] == "Job Zone 1-2: Very Little to Some Preparation Needed")
        let related = try shipped.sheet("onet-30.2/Related Occupations.xlsx", columns: ["O*NET-SOC Code"])
        #expect(related.dataRows.filter { !$0.isEmpty }.count == 18_460)
    }

    @Test func everyAlternateAndReportedTitle() throws {
        let titles = try shipped.graphFile("titles.tsv", ["code", "title", "source"])
        let graph = Set(titles.filter { $0[2] == "onet-alternate" || $0[2] == "onet-reported" }
            .map { [$0[0], $0[1], $0[2]] })
        let alternate = try shipped.sheet("onet-30.2/Alternate Titles.xlsx",
                                          columns: ["O*NET-SOC Code", "Alternate Title", "Short Title"])
        var rows = 0
        for row in alternate.dataRows where !row.isEmpty {
            rows += 1
            let code = String(try alternate.string(row, "O*NET-SOC Code").prefix(7))
            #expect(graph.contains([code, try alternate.string(row, "Alternate Title"), "onet-alternate"]))
            if let short = alternate.optionalString(row, "Short Title") {
                #expect(graph.contains([code, short, "onet-alternate"]))
            }
        }
        #expect(rows == 57_543)
        let reported = try shipped.sheet("onet-30.2/Sample of Reported Titles.xlsx",
                                         columns: ["O*NET-SOC Code", "Reported Job Title"])
        for row in reported.dataRows where !row.isEmpty {
            let code = String(try reported.string(row, "O*NET-SOC Code").prefix(7))
            #expect(graph.contains([code, try reported.string(row, "Reported Job Title"), "onet-reported"]))
        }
    }

    @Test func everySOC2010Pair() throws {
        let table = try shipped.sheet("bls-crosswalks/soc_2010_to_2018_crosswalk.xlsx",
                                      columns: ["2010 SOC Code", "2010 SOC Title", "2018 SOC Code", "2018 SOC Title"])
        var expected: Set<[String]> = []
        for row in table.dataRows where !row.isEmpty {
            let oldTitle = try table.string(row, "2010 SOC Title"), newTitle = try table.string(row, "2018 SOC Title")
            expected.insert([
                try table.string(row, "2010 SOC Code"),
                oldTitle.hasSuffix(" (#)") ? String(oldTitle.dropLast(4)) : oldTitle,
                try table.string(row, "2018 SOC Code"),
                oldTitle.hasSuffix(" (#)") ? "yes" : "no", newTitle.hasSuffix(" (##)") ? "yes" : "no",
            ])
        }
        let rows = try shipped.graphFile("soc-2010.tsv", ["soc2010", "soc2010_title", "code", "split", "merged"])
        #expect(rows.count == 900)
        #expect(Set(rows) == expected)
        #expect(rows.filter { $0[0] == "15-1131" }.map { $0[2] } == ["15-1251"])
        #expect(rows.filter { $0[0] == "15-1132" }.map { [$0[2], $0[3]] } == [["15-1252", "yes"], ["15-1253", "yes"]])
    }

    @Test func everyISCOPairAndGroup() throws {
        let text = try String(contentsOf: OfficialSources.file("bls-crosswalks/isco08-soc2010.tsv"), encoding: .utf8)
        let lines = text.split(separator: "\n").dropFirst().map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
        let expected = Set(lines.map { fields in
            [fields[0].trimmingCharacters(in: .whitespaces), fields[3].trimmingCharacters(in: .whitespaces),
             fields[2] == "*" ? "yes" : "no"]
        })
        let rows = try shipped.graphFile("isco-soc2010.tsv", ["isco", "soc2010", "partial"])
        #expect(rows.count == 1_125)
        #expect(Set(rows) == expected)
        let groups = try shipped.graphFile("isco-groups.tsv", ["isco", "title", "title_source"])
        #expect(Set(groups.map { $0[0] }) == Set(rows.map { $0[0] }))
        #expect(groups.contains(["2512", "Software developers", "esco"]))
    }

    @Test func everyESCOLabel() throws {
        let csv = try CSVFile(url: OfficialSources.file("esco-1.2/occupations_en.csv"))
        let code = try csv.column("code"), isco = try csv.column("iscoGroup")
        let preferred = try csv.column("preferredLabel"), alternatives = try csv.column("altLabels")
        let rows = Set(try shipped.graphFile("esco.tsv", ["esco_code", "isco", "label", "label_type"])
            .map { [$0[0], $0[1], $0[2]] })
        #expect(csv.rows.count == 3_039)
        for row in csv.rows {
            let labels = [row.fields[preferred]] + row.fields[alternatives].split(separator: "\n").map(String.init)
            for label in labels {
                let tidy = label.split(whereSeparator: \.isWhitespace).joined(separator: " ")
                guard !tidy.isEmpty else { continue }
                #expect(rows.contains([row.fields[code], row.fields[isco], tidy]), "\(row.fields[code]) \(tidy)")
            }
        }
    }

    /// No prose from the sources in Graph/: no description column is written, and no ESCO description or SOC
    /// definition sentence appears in a committed file.
    @Test func noProseCommitted() throws {
        let csv = try CSVFile(url: OfficialSources.file("esco-1.2/occupations_en.csv"))
        let description = try csv.column("description")
        let samples = csv.rows.prefix(50).map { String($0.fields[description].prefix(60)) }.filter { $0.count == 60 }
        let committed = try FileManager.default.contentsOfDirectory(atPath: ShippedGraphTests.graph.path)
            .filter { $0.hasSuffix(".tsv") }
            .map { try String(contentsOf: ShippedGraphTests.graph.appendingPathComponent($0), encoding: .utf8) }
        #expect(!samples.isEmpty)
        for sample in samples { #expect(!committed.contains { $0.contains(sample) }, "\(sample)") }
    }
}
