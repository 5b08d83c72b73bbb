import Foundation
import SOCGraph
@testable import SOCGraphImport
import Testing

/// The readers of the official files on small broken copies built by the tests: every problem is one clear
/// message naming the file, the sheet, the row (or line) and the column.
@Suite struct SourceProblemTests {
    static let socHeader: [String?] = ["SOC Group", "SOC Code", "SOC Title", "SOC Definition"]
    static let socRows: [[String?]] = [
        ["U.S. Bureau of Labor Statistics"], [],
        socHeader,
        ["Major", "15-0000", "Computer and Mathematical Occupations"],
        ["Minor", "15-1200", "Computer Occupations"],
        ["Broad", "15-1250", "Software and Web Developers, Programmers, and Testers"],
        ["Detailed", "15-1252", "Software Developers", "Research, design, and develop software."],
        ["Detailed", "15-1253", "Software Quality Assurance Analysts and Testers", "Develop and execute tests."],
    ]

    static let epColumns = EmploymentProjectionsSource.Column.all
    static func epRow(_ code: String, employment: String = "1693.8", education: String = "Bachelor's degree",
                      wage: String = "133080") -> [String?] {
        [code, "Line item", employment, "1961.4000000000001", "267.7", "15.8", "115.2", wage, education, "None", "None"]
    }

    func withFixture(_ body: (SourceFixture) throws -> Void) throws {
        let fixture = try SourceFixture()
        defer { fixture.remove() }
        try body(fixture)
    }

    @Test func missingFileNamesThePathAndWhereToGetIt() throws {
        try withFixture { fixture in
            let message = sourceProblem {
                _ = try Importer(sourceDirectory: fixture.root,
                                 curationDirectory: fixture.root.appendingPathComponent("curation")).build()
            }
            #expect(message.hasPrefix("missing official file 'bls-soc-2018/soc_2018_definitions.xlsx' in "))
            #expect(message.contains("download it from https://www.bls.gov/soc/2018/soc_2018_definitions.xlsx"))
        }
    }

    @Test func missingSourceFolderIsBadInput() throws {
        try withFixture { fixture in
            let folder = fixture.root.appendingPathComponent("nowhere")
            #expect(throws: SOCGraphError.invalidInput(
                "no folder \(folder.path): give --from the folder of official source files")) {
                _ = try Importer(sourceDirectory: folder, curationDirectory: folder.appendingPathComponent("curation")).build()
            }
        }
    }

    @Test func socStructureWithParentsFromThePublishedOrder() throws {
        try withFixture { fixture in
            try fixture.xlsx(SOCStructureSource.file, [("2018 SOC", Self.socRows)])
            let soc = try SOCStructureSource.read(from: fixture.directory)
            #expect(soc.groups.map(\.code) == ["15-0000", "15-1200", "15-1250", "15-1252", "15-1253"])
            #expect(soc.groups.map(\.parent) == [nil, "15-0000", "15-1200", "15-1250", "15-1250"])
            #expect(soc.groups[3].definition == "Research, design, and develop software.")
            #expect(soc.groups[2].definition == nil)
            #expect(soc.patternExceptions.isEmpty)
        }
    }

    @Test func socMissingColumn() throws {
        try withFixture { fixture in
            var rows = Self.socRows
            rows[2] = ["SOC Group", "SOC Code", "SOC Name", "SOC Definition"]
            try fixture.xlsx(SOCStructureSource.file, [("2018 SOC", rows)])
            let message = sourceProblem { _ = try SOCStructureSource.read(from: fixture.directory) }
            #expect(message.hasPrefix("soc_2018_definitions.xlsx, sheet '2018 SOC': missing column(s) 'SOC Title'"))
            #expect(message.contains("row 3"))
        }
    }

    @Test func socCodeOutOfPlaceAndBadLevelAreAllReported() throws {
        try withFixture { fixture in
            var rows = Self.socRows
            rows.append(["Detailed", "15-2051", "Data Scientists", "Develop and implement methods."])
            rows.append(["Broad", "15-2050", "Data Scientists"])
            rows.append(["Occupation", "15-2099", "Mathematical Science Occupations, All Other"])
            try fixture.xlsx(SOCStructureSource.file, [("2018 SOC", rows)])
            let message = sourceProblem { _ = try SOCStructureSource.read(from: fixture.directory) }
            #expect(message == "3 problems: "
                + "unknown level 'Occupation' in soc_2018_definitions.xlsx, sheet '2018 SOC', row 11, column 'SOC Group' "
                + "(A); expected Major, Minor, Broad or Detailed; "
                + "soc_2018_definitions.xlsx, sheet '2018 SOC', row 9, column 'SOC Code' (B): '15-2051' follows "
                + "'15-1250' but its code points to '15-2050'; is the file sorted?; "
                + "soc_2018_definitions.xlsx, sheet '2018 SOC', row 10, column 'SOC Code' (B): '15-2050' follows "
                + "'15-1200' but its code points to no existing group; is the file sorted?")
        }
    }

    @Test func projectionsBadNumber() throws {
        try withFixture { fixture in
            let rows: [[String?]] = [["Table 1.2 Occupational projections"], Self.epColumns,
                                     Self.epRow("15-1252", employment: "1,69x")]
            try fixture.xlsx(EmploymentProjectionsSource.file, [("Table 1.1", [["x"]]), ("Table 1.2", rows)])
            let message = sourceProblem { _ = try EmploymentProjectionsSource.read(from: fixture.directory) }
            #expect(message == "bad number '1,69x' in occupation.xlsx, sheet 'Table 1.2', row 3, column 'Employment, 2024' (C)")
        }
    }

    @Test func projectionsWrongSheet() throws {
        try withFixture { fixture in
            try fixture.xlsx(EmploymentProjectionsSource.file,
                             [("Table 1.1", [Self.epColumns, Self.epRow("15-1252")])])
            let message = sourceProblem { _ = try EmploymentProjectionsSource.read(from: fixture.directory) }
            #expect(message.hasPrefix("occupation.xlsx: no sheet 'Table 1.2'; the workbook has 'Table 1.1'"))
        }
    }

    @Test func projectionsUnknownEducationAndTopCodedWage() throws {
        try withFixture { fixture in
            let rows: [[String?]] = [Self.epColumns, Self.epRow("29-1211", wage: ">=$239,200"),
                                     Self.epRow("15-1252", education: "Apprenticeship degree")]
            try fixture.xlsx(EmploymentProjectionsSource.file, [("Table 1.2", rows)])
            let message = sourceProblem { _ = try EmploymentProjectionsSource.read(from: fixture.directory) }
            #expect(message == "unknown education level 'Apprenticeship degree' in occupation.xlsx, sheet 'Table 1.2', "
                + "row 3, column 'Typical education needed for entry' (I)")

            try fixture.xlsx(EmploymentProjectionsSource.file, [("Table 1.2", Array(rows.prefix(2)))])
            let item = try #require(EmploymentProjectionsSource.read(from: fixture.directory).items.first)
            #expect(item.medianWage == .atLeast(239_200))
            #expect(item.medianWage?.graphText == ">=239200")
            #expect(item.employment2034 == 1961.4)
        }
    }

    @Test func jobZoneWithUnknownONetCode() throws {
        try withFixture { fixture in
            try fixture.xlsx(JobZonesSource.referenceFile, [("Job Zone Reference", [
                ["Job Zone", "Name"], ["4", "Job Zone Four: Considerable Preparation Needed"],
                ["5", "Job Zone Five: Extensive Preparation Needed"],
            ])])
            try fixture.xlsx(JobZonesSource.file, [("Job Zones", [
                ["O*NET-SOC Code", "Title", "Job Zone"], ["15-1252.00", "Software Developers", "4"],
                ["15-9999.00", "Unknown", "4"], ["15-2051.00", "Data Scientists", "6"],
            ])])
            let message = sourceProblem {
                _ = try JobZonesSource.read(from: fixture.directory, onetCodes: ["15-1252.00", "15-2051.00"])
            }
            #expect(message.hasPrefix("2 problems: unknown O*NET-SOC code '15-9999.00' in Job Zones.xlsx, "
                + "sheet 'Job Zones', row 3, column 'O*NET-SOC Code' (A) (not in Occupation Data.xlsx); "
                + "job zone '6' in Job Zones.xlsx, sheet 'Job Zones', row 4, column 'Job Zone' (C) is not one of "))
        }
    }

    @Test func wagesBadNumberAndUnknownFootnote() throws {
        try withFixture { fixture in
            try fixture.text(OEWSSource.footnotesFile, "CODE\tTEXT\n4\tWages reported as annual.\n")
            let header = ["OCC_CODE", "OCC_TITLE", "DISPLAY_LEVEL", "Employment", "Annual mean wage",
                          "Annual 10th percentile wage", "Annual 25th percentile wage", "Annual median wage",
                          "Annual 75th percentile wage", "Annual 90th percentile wage", "Hourly median wage",
                          "Annual median footnote"]
            let lines = [
                header,
                ["15-1252", "Software Developers", "3", "1687890", "148100", "82460", "105210", "135980", "171980",
                 "214670", "65.38", ""],
                ["15-2051", "Data Scientists", "3", "262440", "126800", "67240", "85660", "120,230", "158880",
                 "199130", "57.80", ""],
                ["25-1011", "Business Teachers", "3", "82150", "114720", "47180", "64150", "99080", "141710",
                 "209470", "-", "7"],
            ]
            try fixture.text(OEWSSource.file, lines.map { $0.joined(separator: "\t") }.joined(separator: "\n") + "\n")
            let message = sourceProblem { _ = try OEWSSource.read(from: fixture.directory) }
            #expect(message == "2 problems: bad number '120,230' in oews-national-may2025.tsv, line 3, column "
                + "'Annual median wage'; unknown footnote code '7' in oews-national-may2025.tsv, line 4, column "
                + "'Annual median footnote' (not in footnotes.tsv)")
        }
    }

    @Test func cipCodesFromExcelFormulaCellsAndBadCode() throws {
        try withFixture { fixture in
            let csv = """
                "CIPFamily","CIPCode","Action","TextChange","CIPTitle"
                ="11",="11","No substantive changes",no,"COMPUTER AND INFORMATION SCIENCES AND SUPPORT SERVICES."
                ="11",="11.01","No substantive changes",no,"Computer and Information Sciences, General."
                ="11",="11.0102","No substantive changes",no,"Artificial Intelligence."
                ="11",="11.0199","Moved from",no,"Old Code."
                ="11",="11.01x2","New",no,"Broken."

                """
            try fixture.text(CIPSource.file, csv)
            let message = sourceProblem { _ = try CIPSource.read(from: fixture.directory) }
            #expect(message == "'11.01x2' is not a CIP code in CIPCode2020.csv, line 6, column 'CIPCode'")

            try fixture.text(CIPSource.file, csv.replacingOccurrences(of: "11.01x2", with: "11.0103"))
            let cip = try CIPSource.read(from: fixture.directory)
            #expect(cip.programs.map(\.cip) == ["11", "11.01", "11.0102", "11.0103"])
            #expect(cip.programs[2].title == "Artificial Intelligence.")
            #expect(cip.programs[2].parent == "11.01")
            #expect(cip.retiredCodes == ["11.0199"])
        }
    }

    @Test func crosswalkUnknownCodeAndNoMatchRows() throws {
        try withFixture { fixture in
            try fixture.xlsx(CIPCrosswalkSource.file, [("File Guide", [["File Name"]]), ("CIP-SOC", [
                ["CIP2020Code", "CIP2020Title", "SOC2018Code", "SOC2018Title"],
                ["11.0102", "Artificial Intelligence.", "15-1221", "Computer and Information Research Scientists"],
                ["99.9999", "NO MATCH", "13-1074", "Farm Labor Contractors"],
                ["01.0508", "Taxidermy/Taxidermist.", "99-9999", "NO MATCH"],
            ])])
            let crosswalk = try CIPCrosswalkSource.read(
                from: fixture.directory, programs: ["11.0102"], socDetailed: ["15-1221", "13-1074"])
            #expect(crosswalk.pairs == [.init(cip: "11.0102", code: "15-1221")])
            #expect(crosswalk.noMatchRows == 2)
            let message = sourceProblem {
                _ = try CIPCrosswalkSource.read(from: fixture.directory, programs: ["11.0102"], socDetailed: [])
            }
            #expect(message == "'15-1221' is not a SOC 2018 detailed code in CIP2020_SOC2018_Crosswalk.xlsx, "
                + "sheet 'CIP-SOC', row 2, column 'SOC2018Code' (C)")
        }
    }
}
