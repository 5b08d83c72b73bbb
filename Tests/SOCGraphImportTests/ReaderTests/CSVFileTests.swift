import Foundation
import SOCGraph
import SOCGraphImport
import Testing

/// The RFC 4180 reader on small texts written in the test.
@Suite struct CSVFileTests {
    /// The message of the `sourceProblem` that `body` throws.
    func problem(_ body: () throws -> Void) -> String {
        do {
            try body()
        } catch SOCGraphError.sourceProblem(let message) {
            return message
        } catch {
            Issue.record("expected a sourceProblem, got \(error)")
            return ""
        }
        Issue.record("expected an error, none was thrown")
        return ""
    }

    @Test func quotedFieldsFormulasAndLineNumbers() throws {
        let text = "\u{FEFF}\"CIPFamily\",\"CIPCode\",CIPTitle,Note\r\n"
            + "=\"01\",=\"01.0101\",\"Agriculture, General.\",\"He said \"\"yes\"\"\"\r\n"
            + "\"=\"\"11\"\"\",\"=\"\"11.0102\"\"\",\"Artificial Intelligence.\",\"two\r\nlines\"\r\n"
            + "\r\n"
            + "=\"14\",14.0101,Engineering,\r\n"
            + "\"=\",= 1,\"\",\"a = \"\"b\"\"\"\r\n"
        let csv = try CSVFile(text: text, file: "CIPCode2020.csv")
        #expect(csv.file == "CIPCode2020.csv")
        #expect(csv.header == ["CIPFamily", "CIPCode", "CIPTitle", "Note"])
        #expect(csv.rows.map(\.line) == [2, 3, 6, 7])
        #expect(csv.rows[0].fields == ["01", "01.0101", "Agriculture, General.", "He said \"yes\""])
        #expect(csv.rows[1].fields == ["11", "11.0102", "Artificial Intelligence.", "two\r\nlines"])
        #expect(csv.rows[2].fields == ["14", "14.0101", "Engineering", ""])
        #expect(csv.rows[3].fields == ["=", "= 1", "", "a = \"b\""])
        #expect(csv.repairs.isEmpty)
        #expect(try csv.column("CIPCode") == 1)
    }

    @Test func bareLineFeedsAndNoFinalNewline() throws {
        let csv = try CSVFile(text: "Code,Occupation\n15-2011.00,Actuaries\n29-1291.00,\"Acupuncturists\"", file: "a.csv")
        #expect(csv.rows.map(\.line) == [2, 3])
        #expect(csv.rows.map(\.fields) == [["15-2011.00", "Actuaries"], ["29-1291.00", "Acupuncturists"]])
    }

    @Test func undoubledQuoteInsideQuotedFieldIsKeptAndReported() throws {
        let text = "Code,Definition,Examples\n"
            + "=\"43\",\"Note: this series is titled \"Security and Protective Services\" in the Canadian CIP.\",\"\"\n"
        let csv = try CSVFile(text: text, file: "CIPCode2020.csv")
        #expect(csv.rows.first?.fields[1]
            == "Note: this series is titled \"Security and Protective Services\" in the Canadian CIP.")
        #expect(csv.repairs.count == 2)
        #expect(csv.repairs.first?.file == "CIPCode2020.csv")
        #expect(csv.repairs.first?.line == 2)
    }

    @Test func unterminatedQuoteNamesFileAndLine() {
        let text = "a,b\n1,2\n3,\"open\nstill open\n"
        let message = problem { _ = try CSVFile(text: text, file: "broken.csv") }
        #expect(message.hasPrefix("broken.csv, line 3: unterminated quoted field"))
    }

    @Test func wrongFieldCountNamesFileAndLine() {
        let text = "a,b,c\n1,2,3\n\"x\ny\",2,3\n4,5\n"
        let message = problem { _ = try CSVFile(text: text, file: "short.csv") }
        #expect(message.hasPrefix("short.csv, line 5: 2 field(s) where the header has 3"))
    }

    @Test func quoteInsideUnquotedFieldNamesFileAndLine() {
        let message = problem { _ = try CSVFile(text: "a,b\n1,2\n3,4 \"inch\"\n", file: "inch.csv") }
        #expect(message.hasPrefix("inch.csv, line 3: a quote inside an unquoted field"))
    }

    @Test func emptyFileMissingColumnAndMissingFile() throws {
        #expect(problem { _ = try CSVFile(text: "\n\n", file: "empty.csv") }.hasPrefix("empty.csv: empty file"))
        let csv = try CSVFile(text: "Code,Occupation\n", file: "stem.csv")
        #expect(csv.rows.isEmpty)
        let column = problem { _ = try csv.column("Occupation Types") }
        #expect(column == "stem.csv: missing column 'Occupation Types'; the header has 'Code', 'Occupation'")
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("socgraph-no-such-\(UUID()).csv")
        #expect(problem { _ = try CSVFile(url: url) }.hasPrefix("\(url.lastPathComponent): missing file"))
    }

    @Test func readsFromAFile() throws {
        let fixture = try XLSXFixture()
        defer { fixture.remove() }
        let url = try fixture.file("All_STEM_Occupations.csv", "Code,Occupation\n15-2011.00,\"Actuaries, Chief\"\n")
        let csv = try CSVFile(url: url)
        #expect(csv.file == "All_STEM_Occupations.csv")
        #expect(csv.rows.first?.fields == ["15-2011.00", "Actuaries, Chief"])
    }
}
