import Foundation
import SOCGraph
@testable import SOCGraphImport
import Testing

/// The committed Graph/ held against the official files, row by row: each test re-reads a source with the plain
/// xlsx/csv/tsv readers (not the importer's readers) and compares every row with the Graph/ file.
@Suite(.enabled(if: OfficialSources.shouldTest, "official source files not found; set SOCGRAPH_SOURCES"))
struct ShippedGraphTests {
    static var graph: URL { OfficialSources.packageRoot.appendingPathComponent("Graph") }

    /// Reads a committed Graph/ file with the loader's validated reader.
    func graphFile(_ name: String, _ header: [String]) throws -> [[String]] {
        try TSVTable.read(name, in: Self.graph, expecting: header).rows.map(\.fields)
    }

    func sheet(_ path: String, _ sheet: String? = nil, columns: [String]) throws -> XLSXTable {
        let workbook = try XLSXWorkbook(url: OfficialSources.file(path))
        return try XLSXTable(sheet: sheet.map { try workbook.sheet(named: $0) } ?? workbook.sheet(at: 0),
                             requiredColumns: columns)
    }

    @Test func committedGraphIsWhatTheImporterWrites() throws {
        let result = try FreshImport.result.get()
        let files = result.files.filter { !$0.path.hasPrefix("text/") }
        for file in files {
            let committed = try String(contentsOf: Self.graph.appendingPathComponent(file.path), encoding: .utf8)
            if committed != file.text {
                let old = committed.split(separator: "\n").map(String.init)
                let new = file.text.split(separator: "\n").map(String.init)
                let line = (0..<min(old.count, new.count)).first { old[$0] != new[$0] } ?? min(old.count, new.count)
                let committedLine = line < old.count ? old[line] : "", importedLine = line < new.count ? new[line] : ""
                let message = "Graph/\(file.path) is stale from line \(line + 1) (re-run 'make graph'): "
                    + "committed '\(committedLine)', import gives '\(importedLine)'"
                Issue.record("\(message)")
            }
        }
        let written = Set(files.map(\.path))
        let present = try FileManager.default.contentsOfDirectory(atPath: Self.graph.path).filter { $0.hasSuffix(".tsv") }
        #expect(Set(present) == written, "Graph/ holds TSV files the importer does not write")
    }

    @Test func socHierarchyEveryRow() throws {
        let table = try sheet("bls-soc-2018/soc_2018_definitions.xlsx",
                              columns: ["SOC Group", "SOC Code", "SOC Title"])
        #expect(table.headerRow == 8)
        var expected: Set<[String]> = []
        var latest: [String: String] = [:]
        let parentLevel = ["minor": "major", "broad": "minor", "detailed": "broad"]
        var counts: [String: Int] = [:]
        for row in table.dataRows {
            guard let code = table.optionalString(row, "SOC Code") else { continue }
            let level = try table.string(row, "SOC Group").lowercased()
            latest[level] = code
            counts[level, default: 0] += 1
            expected.insert([code, level, try table.string(row, "SOC Title"), parentLevel[level].flatMap { latest[$0] } ?? ""])
        }
        #expect(counts == ["major": 23, "minor": 98, "broad": 459, "detailed": 867])
        let rows = try graphFile("soc.tsv", ["code", "level", "title", "parent"])
        #expect(rows.count == 1_447)
        #expect(Set(rows) == expected)
        #expect(rows.contains(["33-3051", "detailed", "Police and Sheriff\u{2019}s Patrol Officers", "33-3050"]))
        #expect(rows.contains(["29-1221", "detailed", "Pediatricians, General", "29-1210"]))
    }

    @Test func entryEducationAndProjectionsForEveryEPLineItem() throws {
        typealias Column = EmploymentProjectionsSource.Column
        let table = try sheet("bls-ep-2024-34/occupation.xlsx", "Table 1.2", columns: Column.all)
        let items = table.dataRows.filter { table.optionalString($0, Column.type) == "Line item" }
        #expect(items.count == 832)
        let soc = Dictionary(uniqueKeysWithValues: try graphFile("soc.tsv", ["code", "level", "title", "parent"])
            .map { ($0[0], $0) })
        let education = try graphFile("entry-education.tsv",
                                      ["code", "education", "work_experience", "training", "ep_code"])
        let projections = try graphFile("projections.tsv",
                                        ["code", "ep_code", "employment_2024", "employment_2034", "change_numeric",
                                         "change_percent", "openings_annual", "median_wage_2024"])
        #expect(Set(education.map { $0[0] }).count == education.count, "one EP row per detailed code")
        let educationByEP = Dictionary(grouping: education) { $0[4] }
        let projectionByCode = Dictionary(uniqueKeysWithValues: projections.map { ($0[0], $0) })
        var detailedItems = 0
        for item in items {
            let code = try table.string(item, Column.code)
            let level = try #require(EducationLevel(blsTitle: table.string(item, Column.education)))
            let covered = educationByEP[code] ?? []
            if soc[code]?[1] == "detailed" {
                detailedItems += 1
                #expect(covered.map { $0[0] } == [code])
            } else {
                let broad = soc[code]?[1] == "broad" ? code : String(code.prefix(6)) + "0"
                #expect(!covered.isEmpty, "EP aggregate \(code) covers no detailed code")
                for row in covered { #expect(soc[row[0]]?[3] == broad, "\(row[0]) is not in broad group \(broad)") }
            }
            for row in covered {
                #expect(Array(row[1...3]) == [level.rawValue, try table.string(item, Column.experience),
                                              try table.string(item, Column.training)])
                let figures = try #require(projectionByCode[row[0]])
                #expect(figures[1] == code)
                for (offset, column) in [Column.employment2024, Column.employment2034, Column.changeNumeric,
                                         Column.changePercent, Column.openings].enumerated() {
                    let published = try #require(Double(try table.string(item, column)))
                    #expect(figures[2 + offset] == String(format: "%.1f", (published * 10).rounded() / 10))
                }
                let wage = try table.string(item, Column.wage)
                #expect(figures[7] == wage.replacingOccurrences(of: "$", with: "").replacingOccurrences(of: ",", with: "")
                    .replacingOccurrences(of: "—", with: ""))
            }
        }
        #expect(detailedItems == 820)
        let withoutEP = soc.values.filter { $0[1] == "detailed" && projectionByCode[$0[0]] == nil }.map { $0[0] }
        #expect(withoutEP.allSatisfy { $0.hasPrefix("55-") }, "only military occupations lack EP data")
        #expect(education.contains(["15-2051", "bachelor", "None", "None", "15-2051"]))
        #expect(education.contains { $0[0] == "15-1221" && $0[1] == "master" })
        #expect(education.contains { $0[0] == "13-1022" && $0[4] == "13-1020" })
    }

    @Test func jobZonesEveryRow() throws {
        let table = try sheet("onet-30.2/Job Zones.xlsx", columns: ["O*NET-SOC Code", "Job Zone"])
        let expected = try table.dataRows.map { row -> [String] in
            let code = try table.string(row, "O*NET-SOC Code")
            return [code, String(code.prefix(7)), try table.string(row, "Job Zone")]
        }
        #expect(expected.count == 923)
        let rows = try graphFile("job-zones.tsv", ["onet_code", "code", "job_zone"])
        #expect(Set(rows) == Set(expected))
        #expect(rows.contains(["15-1221.00", "15-1221", "5"]))
    }

    @Test func relatedPairsProjectedOntoSOC() throws {
        let table = try sheet("onet-30.2/Related Occupations.xlsx",
                              columns: ["O*NET-SOC Code", "Related O*NET-SOC Code", "Relatedness Tier", "Index"])
        #expect(table.dataRows.count == 18_460)
        var best: [String: (index: Int, tiers: [Int: String])] = [:]
        for row in table.dataRows {
            let from = try table.string(row, "O*NET-SOC Code").prefix(7)
            let to = try table.string(row, "Related O*NET-SOC Code").prefix(7)
            guard from != to else { continue }
            let index = try #require(try table.integer(row, "Index"))
            let key = "\(from) \(to)"
            var entry = best[key] ?? (index, [:])
            entry.index = min(entry.index, index)
            entry.tiers[index] = try table.string(row, "Relatedness Tier").lowercased()
            best[key] = entry
        }
        let rows = try graphFile("related.tsv", ["code", "related", "tier", "index", "onet_code", "related_onet_code"])
        #expect(rows.count == best.count)
        for row in rows {
            let entry = try #require(best["\(row[0]) \(row[1])"], "\(row[0]) → \(row[1]) is not an O*NET pair")
            #expect(row[3] == String(entry.index))
            #expect(row[2] == entry.tiers[entry.index])
            #expect(row[4].hasPrefix(row[0]) && row[5].hasPrefix(row[1]))
        }
        #expect(rows.contains { $0[0] == "15-2051" && $0[1] == "15-1221" })
    }

    @Test func wagesForEveryDetailedOEWSRow() throws {
        let tsv = try SourceTSV(
            text: String(contentsOf: OfficialSources.file("bls-oews-2025/oews-national-may2025.tsv"), encoding: .utf8),
            file: "oews-national-may2025.tsv")
        let columns = try ["OCC_CODE", "DISPLAY_LEVEL", "Employment", "Annual mean wage", "Annual 10th percentile wage",
                           "Annual 25th percentile wage", "Annual median wage", "Annual 75th percentile wage",
                           "Annual 90th percentile wage", "Hourly median wage"].map { try tsv.column($0) }
        let rows = try graphFile("wages.tsv", ["code", "oews_code", "employment", "annual_mean", "annual_p10",
                                               "annual_p25", "annual_median", "annual_p75", "annual_p90",
                                               "hourly_median", "footnotes"])
        let byOEWS = Dictionary(grouping: rows) { $0[1] }
        let detailed = tsv.rows.filter { $0.fields[columns[1]] == "3" }
        #expect(detailed.count == 830)
        for row in detailed {
            let code = row.fields[columns[0]]
            let covered = try #require(byOEWS[code], "no wages row takes its figures from \(code)")
            let figures = columns.dropFirst(2).map { row.fields[$0] == "-" ? "" : row.fields[$0] }
            for wage in covered { #expect(Array(wage[2...9]) == figures) }
            if covered.count > 1 || covered[0][0] != code { #expect(covered.allSatisfy { $0[0] != code }) }
        }
        #expect(rows.contains { $0[0] == "15-1252" && $0[6] == "135980" })
    }

    @Test func crosswalkPairsEveryRow() throws {
        let table = try sheet("nces-cip-2020/CIP2020_SOC2018_Crosswalk.xlsx", "CIP-SOC",
                              columns: ["CIP2020Code", "SOC2018Code"])
        let pairs = try table.dataRows.map { [try table.string($0, "CIP2020Code"), try table.string($0, "SOC2018Code")] }
        #expect(pairs.count == 6_097)
        let matched = pairs.filter { $0[0] != "99.9999" && $0[1] != "99-9999" }
        let rows = try graphFile("cip-soc.tsv", ["cip", "code"])
        #expect(Set(rows) == Set(matched))
        #expect(rows.count == matched.count)
        #expect(rows.contains(["11.0102", "15-1221"]))
    }

    @Test func cipTitlesExactAndSTEM() throws {
        let csv = try CSVFile(url: OfficialSources.file("nces-cip-2020/CIPCode2020.csv"))
        #expect(csv.rows.count == 2_848)
        let code = try csv.column("CIPCode"), title = try csv.column("CIPTitle"), action = try csv.column("Action")
        let current = csv.rows.filter { !["Moved from", "Deleted"].contains($0.fields[action]) }
        let rows = try graphFile("cip.tsv", ["cip", "level", "title", "parent", "stem", "stem_basis"])
        #expect(Set(rows.map { [$0[0], $0[2]] }) == Set(current.map { [$0.fields[code], $0.fields[title]] }))
        #expect(rows.contains(["01.00", "series", "Agriculture, General.", "01", "", ""]))
        let listed = try String(contentsOf: OfficialSources.file("dhs-stem-2024/stem-cip-codes.tsv"), encoding: .utf8)
            .split(separator: "\n").dropFirst().map(String.init)
        #expect(listed.count == 540)
        let listedSet = Set(listed)
        for row in rows where row[1] == "program" {
            let blanket = ["14", "26", "27", "40"].contains(String(row[0].prefix(2)))
            let stem = listedSet.contains(row[0]) || blanket
            #expect(row[4] == (stem ? "yes" : "no"), "\(row[0])")
            #expect(row[5] == (listedSet.contains(row[0]) ? "listed" : blanket ? "series-\(row[0].prefix(2))" : ""))
        }
        #expect(rows.contains { $0[0] == "11.0102" && $0[4] == "yes" && $0[5] == "listed" })
    }

    @Test func titlesFromEverySource() throws {
        let table = try sheet("bls-soc-2018/soc_2018_direct_match_title_file.xlsx",
                              columns: ["2018 SOC Code", "2018 SOC Direct Match Title", "Illustrative Example"])
        let titles = table.dataRows.filter { table.optionalString($0, "2018 SOC Code") != nil }
        #expect(titles.count == 6_539)
        #expect(Set(titles.compactMap { table.optionalString($0, "2018 SOC Code") }).count == 864)
        let rows = Set(try graphFile("titles.tsv", ["code", "title", "source"]))
        for row in titles {
            let illustrative = table.optionalString(row, "Illustrative Example")?.lowercased() == "x"
            #expect(rows.contains([try table.string(row, "2018 SOC Code"),
                                   try table.string(row, "2018 SOC Direct Match Title"),
                                   illustrative ? "direct-match-illustrative" : "direct-match"]))
        }
        #expect(rows.contains(["15-2051", "Data Scientists", "soc"]))
        #expect(rows.contains(["15-1252", "Software Developers", "onet"]))
        #expect(rows.contains(["11-1011", "Chief Sustainability Officers", "onet"]))
        #expect(rows.contains(["11-1011", "Aeronautics Commission Director", "onet-alternate"]))
    }

    @Test func fieldsDesignationsAndEducationCategories() throws {
        let fields = try graphFile("fields.tsv", ["id", "framework", "number", "name"])
        #expect(fields.count == 28)
        let cet = fields.filter { $0[1] == "cet-2024" }, chips = fields.filter { $0[1] == "chips-2022" }
        let cetNumbers: [Int] = cet.compactMap { Int($0[2]) }.sorted()
        let chipsNumbers: [Int] = chips.compactMap { Int($0[2]) }.sorted()
        #expect(cetNumbers == Array(1...18))
        #expect(chipsNumbers == Array(1...10))
        #expect(fields.contains(["artificial-intelligence", "cet-2024", "6", "Artificial Intelligence"]))
        #expect(fields.contains(["space-technologies-and-systems", "cet-2024", "18", "Space Technologies and Systems"]))
        #expect(fields.contains(["artificial-intelligence-machine-learning-autonomy-and-related-advances", "chips-2022",
                                 "1", "Artificial intelligence, machine learning, autonomy, and related advances"]))
        // A focus area's id stops before ", such as" or ", including".
        #expect(fields.contains { $0[0] == "advanced-energy-and-industrial-efficiency-technologies" && $0[2] == "9" })
        #expect(fields.allSatisfy { $0[0] == FieldID.id(name: $0[3], framework: Framework(rawValue: $0[1]) ?? .cet) })
        // Every focus area of the official list, in its order.
        let areas = try String(contentsOf: OfficialSources.file("chips-2022/key-technology-focus-areas.tsv"),
                               encoding: .utf8).split(separator: "\n").dropFirst().map { $0.split(separator: "\t") }
        #expect(areas.count == 10)
        for area in areas {
            #expect(chips.contains { $0[2] == area[0] && $0[3].lowercased() == area[1].lowercased() }, "\(area)")
        }

        let designations = try graphFile("designations.tsv", ["code", "designation", "basis"])
        let scheduleA = designations.filter { $0[1] == "schedule-a-group-1" }.map { $0[0] }
        #expect(scheduleA.sorted() == ["29-1123", "29-1141"])
        let stemCSV = try CSVFile(url: OfficialSources.file("onet-stem-occupations/All_STEM_Occupations.csv"))
        let stemCodes = Set(stemCSV.rows.map { String($0.fields[0].prefix(7)) })
        #expect(Set(designations.filter { $0[1] == "stem" }.map { $0[0] }) == stemCodes)
        #expect(designations.contains { $0[0] == "15-2051" && $0[1] == "stem" && $0[2].contains("15-2051.00 (") })

        let categories = try graphFile("education-categories.tsv", ["category", "title", "level"])
        let levels = Dictionary(uniqueKeysWithValues: categories.map { (Int($0[0]) ?? 0, $0[2]) })
        #expect(levels == [1: "none", 2: "high-school", 3: "postsecondary-nondegree", 4: "some-college",
                           5: "associate", 6: "bachelor", 7: "bachelor", 8: "master", 9: "master", 10: "doctoral",
                           11: "doctoral", 12: "doctoral"])
        let distribution = try graphFile("education-distribution.tsv", ["onet_code", "code", "category", "percent"])
        #expect(distribution.count == 10_536)
    }

    @Test func manifestPinsEveryInput() throws {
        let rows = try graphFile("manifest.tsv", Importer.manifestHeader)
        #expect(rows.count == 29)
        #expect(rows.contains { $0[0] == "chips-focus-areas" && $0[5] == "chips-2022/key-technology-focus-areas.tsv" })
        for row in rows {
            let data = try Data(contentsOf: OfficialSources.file(row[5]))
            #expect(row[6] == Importer.sha256(of: data), "\(row[5])")
            #expect(row[4].hasPrefix("https://"))
        }
        #expect(rows.contains { $0[5] == "dhs-stem-2024/stem-list.pdf" && $0[6].hasPrefix("b8346f30") && $0[6].hasSuffix("4336") })
    }
}

/// One in-memory import of the official files (with the text layer), shared by the tests of this process: reading
/// them is the slowest step of the suite.
enum FreshImport {
    static let result = Result<Importer.Result, any Error> {
        try Importer(sourceDirectory: OfficialSources.directory, curationDirectory: OfficialSources.curation,
                     withText: true).build()
    }
}
