import Foundation
import SOCGraph
import SOCGraphImport
import Testing

/// The .xlsx readers on small workbooks built in the test from their XML parts.
@Suite struct XLSXReaderTests {
    static let sharedStrings = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <sst xmlns="\(XLSXFixture.mainNamespace)" count="14" uniqueCount="13">\
        <si><t>Code</t></si><si><t>Title</t></si><si><t>Wage</t></si><si><t>Count</t></si>\
        <si><t>15-2051</t></si>\
        <si><r><rPr><b/></rPr><t>Data</t></r><r><t xml:space="preserve"> Scientists</t></r></si>\
        <si><t>漢字</t><rPh sb="0" eb="2"><t>カンジ</t></rPh><phoneticPr fontId="1"/></si>\
        <si><t>—</t></si>\
        <si><t xml:space="preserve">  Research &amp; Development’s  </t></si>\
        <si><t>Line_x000D_Break</t></si>\
        <si><t>abc</t></si>\
        <si><t>Table 1.2 Occupational data</t></si>\
        <si><t>15-1252</t></si></sst>
        """

    /// Sheet "Codes": a title row, the header in row 3, data rows 4, 5, 7 and 8 (row 6 absent).
    static let codesSheet = XLSXFixture.worksheet(
        """
        <row r="1" spans="1:4"><c r="A1" s="1" t="s"><v>11</v></c></row>\
        <row r="3"><c r="A3" t="s"><v>0</v></c><c r="B3" t="s"><v>1</v></c><c r="C3" t="s"><v>2</v></c>\
        <c r="D3" t="inlineStr"><is><t xml:space="preserve"> Count </t></is></c></row>\
        <row r="4" x14ac:dyDescent="0.2"><c r="A4" t="s"><v>4</v></c><c r="B4" t="s"><v>5</v></c>\
        <c r="C4" s="2"><v>8.1999999999999993</v></c><c r="D4"><v>12</v></c><c r="E4" t="s"><v>6</v></c></row>\
        <row r="5"><c r="A5" t="s"><v>12</v></c><c r="C5" t="s"><v>7</v></c></row>\
        <row r="7"><c r="A7" t="str"><f>"15-"&amp;"2099"</f><v>15-2099</v></c><c r="B7" t="s"><v>8</v></c>\
        <c r="C7"><v>1.5E-3</v></c><c r="D7" t="n"><v>3</v></c><c r="E7" t="b"><v>1</v></c>\
        <c r="F7" t="e"><v>#N/A</v></c></row>\
        <row r="8"><c r="A8" t="s"><v>9</v></c><c r="B8" s="3"/><c r="C8" t="s"><v>10</v></c>\
        <c r="D8"><v>2.5</v></c></row>
        """)

    /// Sheet "Wages & Notes": every element with a namespace prefix, inline strings with rich text and phonetics.
    static let notesSheet = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <x:worksheet xmlns:x="\(XLSXFixture.mainNamespace)"><x:sheetData>\
        <x:row r="2"><x:c r="B2" t="inlineStr"><x:is><x:r><x:t>Bold</x:t></x:r><x:r><x:t xml:space="preserve"> \
        &lt;tag&gt; &#233;</x:t></x:r><x:rPh><x:t>ignored</x:t></x:rPh></x:is></x:c>\
        <x:c r="AA2"><x:v>-0.5</x:v></x:c></x:row></x:sheetData></x:worksheet>
        """

    /// Sheet "Inline": rows and cells without `r` attributes (positions implied by order).
    static let inlineSheet = XLSXFixture.worksheet(
        """
        <row><c t="inlineStr"><is><t>a</t></is></c><c><v>1</v></c></row>\
        <row><c r="C2"><v>3</v></c><c><v>4</v></c></row>\
        <row r="5"><c t="inlineStr"><is><t></t></is></c><c><v>2</v></c></row><row/>
        """)

    static func sampleParts() -> [String: String] {
        var parts = XLSXFixture.workbookParts(
            sheets: [("Codes", "rId2"), ("Wages &amp; Notes", "rId1"), ("Inline", "rId3")],
            targets: [
                "rId1": ("worksheet", "worksheets/sheet2.xml"),
                "rId2": ("worksheet", "./worksheets/../worksheets/sheet1.xml"),
                "rId3": ("worksheet", "/xl/worksheets/data.xml"),
                "rId4": ("sharedStrings", "sharedStrings.xml"),
                "rId5": ("hyperlink", "https://www.bls.gov/soc/\" TargetMode=\"External"),
            ])
        parts["xl/sharedStrings.xml"] = sharedStrings
        parts["xl/worksheets/sheet1.xml"] = codesSheet
        parts["xl/worksheets/sheet2.xml"] = notesSheet
        parts["xl/worksheets/data.xml"] = inlineSheet
        return parts
    }

    /// The sample workbook and the fixture folder holding it (the caller removes it).
    static func sample() throws -> (XLSXWorkbook, XLSXFixture) {
        let fixture = try XLSXFixture()
        do {
            return (try XLSXWorkbook(url: fixture.zip("sample.xlsx", sampleParts())), fixture)
        } catch {
            fixture.remove()
            throw error
        }
    }

    /// The message of the `sourceProblem` that `body` throws.
    func problem(_ body: () throws -> Void) -> String {
        do {
            try body()
        } catch let error as SOCGraphError {
            guard case let .sourceProblem(message) = error else {
                Issue.record("expected a sourceProblem, got \(error)")
                return ""
            }
            return message
        } catch {
            Issue.record("expected a SOCGraphError, got \(error)")
            return ""
        }
        Issue.record("expected an error, none was thrown")
        return ""
    }

    @Test func sheetNamesFollowTheWorkbookNotTheFileNumbers() throws {
        let (workbook, fixture) = try Self.sample()
        defer { fixture.remove() }
        #expect(workbook.file == "sample.xlsx")
        #expect(workbook.sheetNames == ["Codes", "Wages & Notes", "Inline"])
        #expect(try workbook.sheet(at: 0).name == "Codes")
        #expect(try workbook.sheet(at: 0).rows.first?[0] == "Table 1.2 Occupational data")
        #expect(try workbook.sheet(named: "Wages & Notes").rows.first?.number == 2)
    }

    @Test func cellValuesOfEveryKind() throws {
        let (workbook, fixture) = try Self.sample()
        defer { fixture.remove() }
        let sheet = try workbook.sheet(named: "Codes")
        #expect(sheet.file == "sample.xlsx")
        #expect(sheet.rows.map(\.number) == [1, 3, 4, 5, 7, 8])
        let expected: [[String?]] = [
            ["Table 1.2 Occupational data"],
            ["Code", "Title", "Wage", " Count "],
            ["15-2051", "Data Scientists", "8.1999999999999993", "12", "漢字"],
            ["15-1252", nil, "—"],
            ["15-2099", "  Research & Development’s  ", "1.5E-3", "3", "TRUE", "#N/A"],
            ["Line\rBreak", nil, "abc", "2.5"],
        ]
        #expect(sheet.rows.map(\.cells) == expected)
        let row5 = sheet.rows[3]
        #expect(row5[1] == nil)
        #expect(row5[3] == nil)
        #expect(row5[99] == nil)
        #expect(row5[-1] == nil)
    }

    @Test func prefixedElementsInlineRichTextAndEntities() throws {
        let (workbook, fixture) = try Self.sample()
        defer { fixture.remove() }
        let sheet = try workbook.sheet(at: 1)
        #expect(sheet.rows.count == 1)
        let row = try #require(sheet.rows.first)
        #expect(row.number == 2)
        #expect(row.cells.count == 27)
        #expect(row[0] == nil)
        #expect(row[1] == "Bold <tag> é")
        #expect(row[26] == "-0.5")
    }

    @Test func rowsAndCellsWithoutReferencesAreSequential() throws {
        let (workbook, fixture) = try Self.sample()
        defer { fixture.remove() }
        let sheet = try workbook.sheet(named: "Inline")
        #expect(sheet.rows.map(\.number) == [1, 2, 5, 6])
        #expect(sheet.rows.map(\.cells) == [["a", "1"], [nil, nil, "3", "4"], [nil, "2"], []])
        #expect(sheet.rows[3].isEmpty)
        #expect(!sheet.rows[2].isEmpty)
    }

    @Test func tableFindsItsHeaderAndReadsValues() throws {
        let (workbook, fixture) = try Self.sample()
        defer { fixture.remove() }
        let table = try XLSXTable(
            sheet: workbook.sheet(named: "Codes"), requiredColumns: ["Code", "Title", "Wage", "Count"])
        #expect(table.headerRow == 3)
        #expect(table.dataRows.map(\.number) == [4, 5, 7, 8])
        #expect(table.column("Count") == 3)
        #expect(table.columnIfPresent("Median") == nil)
        let (row4, row5, row7) = (table.dataRows[0], table.dataRows[1], table.dataRows[2])
        #expect(try table.string(row4, "Title") == "Data Scientists")
        #expect(try table.string(row7, "Title") == "Research & Development’s")
        #expect(table.optionalString(row5, "Title") == nil)
        #expect(try table.number(row4, "Wage", places: 1) == 8.2)
        #expect(try table.number(row4, "Wage", places: nil) == 8.2)
        #expect(try table.number(row4, "Wage", places: 0) == 8)
        #expect(try table.number(row5, "Wage", places: 2) == nil)
        #expect(try table.number(row5, "Count", places: 2) == nil)
        #expect(try table.number(row7, "Wage", places: 4) == 0.0015)
        #expect(try table.number(row7, "Wage", places: 2) == 0)
        #expect(try table.integer(row4, "Count") == 12)
        #expect(try table.integer(row5, "Count") == nil)
        #expect(try table.integer(row7, "Count") == 3)
    }

    @Test func badNumberNamesFileSheetRowAndColumn() throws {
        let (workbook, fixture) = try Self.sample()
        defer { fixture.remove() }
        let table = try XLSXTable(sheet: workbook.sheet(named: "Codes"), requiredColumns: ["Code", "Wage"])
        let row8 = try #require(table.dataRows.last)
        let message = problem { _ = try table.number(row8, "Wage", places: 1) }
        #expect(message == "bad number 'abc' in sample.xlsx, sheet 'Codes', row 8, column 'Wage' (C)")
        let fraction = problem { _ = try table.integer(row8, "Count") }
        #expect(fraction.contains("'2.5'"))
        #expect(fraction.contains("sample.xlsx, sheet 'Codes', row 8, column 'Count'"))
    }

    @Test func emptyRequiredValueNamesFileSheetRowAndColumn() throws {
        let (workbook, fixture) = try Self.sample()
        defer { fixture.remove() }
        let table = try XLSXTable(sheet: workbook.sheet(named: "Codes"), requiredColumns: ["Code", "Title"])
        let message = problem { _ = try table.string(table.dataRows[3], "Title") }
        #expect(message == "empty value in sample.xlsx, sheet 'Codes', row 8, column 'Title' (B)")
    }

    @Test func columnOutsideTheHeaderIsAnErrorNotAnEmptyValue() throws {
        let (workbook, fixture) = try Self.sample()
        defer { fixture.remove() }
        let table = try XLSXTable(sheet: workbook.sheet(named: "Codes"), requiredColumns: ["Code"])
        let row = table.dataRows[0]
        #expect(table.optionalString(row, "Median") == nil)
        let expected = "sample.xlsx, sheet 'Codes': no column 'Median' in the header row 3"
        #expect(problem { _ = try table.string(row, "Median") } == expected)
        #expect(problem { _ = try table.number(row, "Median", places: 0) } == expected)
        #expect(problem { _ = try table.integer(row, "Median") } == expected)
        #expect(try table.integer(row, "Count") == 12)
    }

    @Test func missingColumnNamesFileSheetColumnAndHeaderRow() throws {
        let (workbook, fixture) = try Self.sample()
        defer { fixture.remove() }
        let sheet = try workbook.sheet(named: "Codes")
        let message = problem {
            _ = try XLSXTable(sheet: sheet, requiredColumns: ["Code", "Median wage", "Title", "Employment"])
        }
        #expect(message.hasPrefix("sample.xlsx, sheet 'Codes': missing column(s) 'Median wage', 'Employment';"))
        #expect(message.contains("row 3"))
        #expect(message.contains("'Code', 'Title', 'Wage', 'Count'"))
        let none = problem { _ = try XLSXTable(sheet: sheet, requiredColumns: ["SOC Group"]) }
        #expect(none.hasPrefix("sample.xlsx, sheet 'Codes': missing column(s) 'SOC Group';"))
        #expect(none.contains("row 1"))
    }

    @Test func wrongSheetNamesFileSheetAndTheAvailableSheets() throws {
        let (workbook, fixture) = try Self.sample()
        defer { fixture.remove() }
        let message = problem { _ = try workbook.sheet(named: "Table 1.2") }
        #expect(message.hasPrefix("sample.xlsx: no sheet 'Table 1.2'"))
        #expect(message.contains("'Codes', 'Wages & Notes', 'Inline'"))
        let byIndex = problem { _ = try workbook.sheet(at: 3) }
        #expect(byIndex.hasPrefix("sample.xlsx: no sheet number 4"))
    }

    @Test func missingFileAndNotAZip() throws {
        let fixture = try XLSXFixture()
        defer { fixture.remove() }
        let missing = problem { _ = try XLSXWorkbook(url: fixture.folder.appendingPathComponent("gone.xlsx")) }
        #expect(missing.hasPrefix("gone.xlsx: missing file"))
        let text = try fixture.file("occupation.xlsx", "<html>Access Denied</html>\n")
        let notZip = problem { _ = try XLSXWorkbook(url: text) }
        #expect(notZip.hasPrefix("occupation.xlsx: not an xlsx workbook (not a zip archive)"))
        let otherZip = try fixture.zip("other.xlsx", ["readme.txt": "hello"])
        let noWorkbook = problem { _ = try XLSXWorkbook(url: otherZip) }
        #expect(noWorkbook.hasPrefix("other.xlsx: not an xlsx workbook (no xl/workbook.xml)"))
    }

    @Test func damagedPartsNameFileAndSheet() throws {
        let fixture = try XLSXFixture()
        defer { fixture.remove() }
        var parts = Self.sampleParts()
        parts["xl/worksheets/sheet2.xml"] = "<worksheet><sheetData><row r=\"1\"><c r=\"A1\"><v>1</v></row>"
        parts["xl/worksheets/data.xml"] = XLSXFixture.worksheet(#"<row r="4"><c r="B4" t="s"><v>99</v></c></row>"#)
        let workbook = try XLSXWorkbook(url: fixture.zip("damaged.xlsx", parts))
        #expect(try workbook.sheet(named: "Codes").rows.count == 6)
        let malformed = problem { _ = try workbook.sheet(named: "Wages & Notes") }
        #expect(malformed.hasPrefix("damaged.xlsx, sheet 'Wages & Notes': malformed XML"))
        let badIndex = problem { _ = try workbook.sheet(named: "Inline") }
        #expect(badIndex.hasPrefix("damaged.xlsx, sheet 'Inline': cell B4 refers to shared string '99'"))

        parts = Self.sampleParts()
        parts["xl/worksheets/data.xml"] = nil
        let missingPart = try XLSXWorkbook(url: fixture.zip("nopart.xlsx", parts))
        let noPart = problem { _ = try missingPart.sheet(named: "Inline") }
        #expect(noPart.hasPrefix("nopart.xlsx: not an xlsx workbook (no part xl/worksheets/data.xml)"))
    }

    @Test func workbookWithoutSharedStrings() throws {
        let fixture = try XLSXFixture()
        defer { fixture.remove() }
        var parts = XLSXFixture.workbookParts(
            sheets: [("Only", "rId1")], targets: ["rId1": ("worksheet", "worksheets/sheet1.xml")])
        parts["_rels/.rels"] = nil
        parts["xl/worksheets/sheet1.xml"] = Self.inlineSheet
        let workbook = try XLSXWorkbook(url: fixture.zip("plain.xlsx", parts))
        #expect(workbook.sheetNames == ["Only"])
        #expect(try workbook.sheet(named: "Only").rows.count == 4)
    }

    @Test func columnNames() {
        #expect(XLSXRow.columnName(0) == "A")
        #expect(XLSXRow.columnName(25) == "Z")
        #expect(XLSXRow.columnName(26) == "AA")
        #expect(XLSXRow.columnName(16_383) == "XFD")
    }
}
