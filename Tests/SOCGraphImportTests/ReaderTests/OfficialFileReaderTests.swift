import Foundation
import SOCGraph
import SOCGraphImport
import Testing

/// The readers on the official files themselves (found through `SOCGRAPH_SOURCES`).
@Suite(.enabled(if: OfficialSources.shouldTest, "official source files not found; set SOCGRAPH_SOURCES"))
struct OfficialFileReaderTests {
    @Test func socDefinitionsHeaderAndDetailedRows() throws {
        let url = try OfficialSources.file("bls-soc-2018/soc_2018_definitions.xlsx")
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
        let url = try OfficialSources.file("nces-cip-2020/CIPCode2020.csv")
        let csv = try CSVFile(url: url)
        #expect(csv.header.first == "CIPFamily")
        #expect(csv.rows.count == 2_848)
        let code = try csv.column("CIPCode")
        #expect(csv.rows.first?.fields[code] == "01")
        #expect(csv.rows.contains { $0.fields[code] == "11.0102" })
        #expect(!csv.rows.contains { $0.fields[code].hasPrefix("=") || $0.fields[code].contains("\"") })
        let definition = try csv.column("CIPDefinition")
        let security = try #require(csv.rows.first { $0.fields[code] == "43" })
        #expect(security.line == 1518)
        #expect(security.fields[definition].contains("titled \"Security and Protective Services\" in the Canadian CIP."))
        #expect(csv.repairs.contains { $0.line == 1518 })
    }

    @Test func employmentProjectionsSheets() throws {
        let url = try OfficialSources.file("bls-ep-2024-34/occupation.xlsx")
        let workbook = try XLSXWorkbook(url: url)
        #expect(workbook.sheetNames.contains("Table 1.2"))
        #expect(workbook.sheetNames.first == "Index")
        let code = "2024 National Employment Matrix code"
        let share = "Employment distribution, percent, 2034"
        let wage = "Median annual wage, dollars, 2024[1]"
        let table = try XLSXTable(
            sheet: workbook.sheet(named: "Table 1.2"), requiredColumns: [code, "Occupation type", share, wage])
        #expect(table.headerRow == 2)
        let lineItems = table.dataRows.filter { table.optionalString($0, "Occupation type") == "Line item" }
        #expect(lineItems.count == 832)
        let management = try #require(table.dataRows.first { table.optionalString($0, code) == "11-0000" })
        #expect(management[table.column(share)] == "8.1999999999999993")
        #expect(try table.number(management, share, places: 1) == 8.2)
        let chiefs = try #require(lineItems.first)
        #expect(try table.string(chiefs, code) == "11-1011")
        #expect(try table.integer(chiefs, wage) == 206_420)
        let education = "Typical education needed for entry"
        let expected = SOCGraphError.sourceProblem(
            "bad number 'Bachelor's degree' in occupation.xlsx, sheet 'Table 1.2', row 6, column '\(education)' (M)")
        #expect(throws: expected) { try table.number(chiefs, education, places: nil) }
    }

    @Test func onetOccupationData() throws {
        let url = try OfficialSources.file("onet-30.2/Occupation Data.xlsx")
        let workbook = try XLSXWorkbook(url: url)
        let table = try XLSXTable(
            sheet: workbook.sheet(at: 0), requiredColumns: ["O*NET-SOC Code", "Title", "Description"])
        #expect(table.headerRow == 1)
        #expect(table.dataRows.count == 1_016)
        let codes = try table.dataRows.map { try table.string($0, "O*NET-SOC Code") }
        #expect(Set(codes).count == 1_016)
        #expect(codes.contains("15-2051.00"))
    }

    @Test func stemOccupationsCSV() throws {
        let url = try OfficialSources.file("onet-stem-occupations/All_STEM_Occupations.csv")
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

    /// The committed curation tables, `Graph/curation/`.
    static var curation: URL { packageRoot.appendingPathComponent("Graph/curation") }

    /// The package root: three levels above this file (Tests/SOCGraphImportTests/ReaderTests/).
    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
    }

    /// Whether tests on the official files run: always when `CI` is set (a missing file then fails), else only
    /// when the folder exists (the tests are skipped otherwise).
    static var shouldTest: Bool {
        ProcessInfo.processInfo.environment["CI"] != nil
            || FileManager.default.fileExists(atPath: directory.path)
    }

    /// The URL of an official file; a missing file fails the test.
    static func file(_ relativePath: String) throws -> URL {
        let url = directory.appendingPathComponent(relativePath)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw SOCGraphError.sourceProblem(
                "\(url.lastPathComponent): missing file (looked for \(url.path)); set SOCGRAPH_SOURCES to the "
                    + "folder of official source files")
        }
        return url
    }
}
