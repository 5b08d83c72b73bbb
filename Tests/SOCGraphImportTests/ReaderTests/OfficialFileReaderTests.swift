import Foundation
import SOCGraph
import SOCGraphImport
import Testing

/// The readers on the official files themselves (found through `SOCGRAPH_SOURCES`).
@Suite struct OfficialFileReaderTests {
    @Test func socDefinitionsHeaderAndDetailedRows() throws {
        guard let url = try OfficialSources.file("bls-soc-2018/soc_2018_definitions.xlsx") else { return }
        let workbook = try XLSXWorkbook(url: url)
        #expect(workbook.sheetNames == ["2018 SOC"])
        let table = try XLSXTable(
            sheet: workbook.sheet(named: "2018 SOC"),
            requiredColumns: ["SOC Group", "SOC Code", "SOC Title", "SOC Definition"])
        #expect(table.headerRow == 8)
        let coded = table.dataRows.filter { table.optionalString($0, "SOC Code") != nil }
        #expect(coded.count == 1_447)
        let groups = Dictionary(grouping: coded) { table.optionalString($0, "SOC Group") ?? "" }.mapValues(\.count)
        #expect(groups == ["Major": 23, "Minor": 98, "Broad": 459, "Detailed": 867])
        let first = try #require(coded.first)
        #expect(try table.string(first, "SOC Code") == "11-0000")
        #expect(try table.string(first, "SOC Title") == "Management Occupations")
    }

    @Test func cipCodesCSV() throws {
        guard let url = try OfficialSources.file("nces-cip-2020/CIPCode2020.csv") else { return }
        let csv = try CSVFile(url: url)
        #expect(csv.header.first == "CIPFamily")
        #expect(csv.rows.count == 2_848)
        let code = try csv.column("CIPCode")
        #expect(csv.rows.first?.fields[code] == "01")
        #expect(csv.rows.contains { $0.fields[code] == "11.0102" })
        #expect(!csv.rows.contains { $0.fields[code].hasPrefix("=") || $0.fields[code].contains("\"") })
    }

    @Test func employmentProjectionsSheets() throws {
        guard let url = try OfficialSources.file("bls-ep-2024-34/occupation.xlsx") else { return }
        let workbook = try XLSXWorkbook(url: url)
        #expect(workbook.sheetNames.contains("Table 1.2"))
        #expect(workbook.sheetNames.first == "Index")
        let sheet = try workbook.sheet(named: "Table 1.2")
        #expect(sheet.rows.count > 832)
    }

    @Test func stemOccupationsCSV() throws {
        guard let url = try OfficialSources.file("onet-stem-occupations/All_STEM_Occupations.csv") else { return }
        let csv = try CSVFile(url: url)
        #expect(csv.header == ["Code", "Occupation", "Occupation Types"])
        #expect(csv.rows.count == 287)
    }
}

/// Locates the official source files: `$SOCGRAPH_SOURCES`, else `../shared/data` relative to the package root.
enum OfficialSources {
    static var directory: URL {
        if let path = ProcessInfo.processInfo.environment["SOCGRAPH_SOURCES"], !path.isEmpty {
            return URL(fileURLWithPath: path, relativeTo: packageRoot).standardizedFileURL
        }
        return packageRoot.appendingPathComponent("../shared/data").standardizedFileURL
    }

    /// The package root: three levels above this file (Tests/SOCGraphImportTests/ReaderTests/).
    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
    }

    /// The URL of an official file, or nil (the test is skipped) when it is absent and `CI` is not set; when `CI`
    /// is set an absent file fails the test.
    static func file(_ relativePath: String) throws -> URL? {
        let url = directory.appendingPathComponent(relativePath)
        if FileManager.default.fileExists(atPath: url.path) { return url }
        if ProcessInfo.processInfo.environment["CI"] != nil {
            Issue.record("official file \(relativePath) is missing from \(directory.path); set SOCGRAPH_SOURCES")
            throw SOCGraphError.sourceProblem("\(relativePath): missing file")
        }
        return nil
    }
}
