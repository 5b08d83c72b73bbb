import Foundation
import Testing
@testable import SOCGraph

@Suite("TSV reading")
struct TSVTests {
    let header = ["code", "title"]

    func parse(_ text: String) -> (TSVTable?, [Diagnostic]) {
        TSVTable.parseCollecting(Data(text.utf8), file: "t.tsv", expecting: header)
    }

    @Test func readsRowsWithLineNumbersAndEscapes() throws {
        let (table, problems) = parse("code\ttitle\n11-1011\tChief\\tExecutives\n15-2051\tData Scientists\n")
        #expect(problems == [])
        let rows = try #require(table).rows
        #expect(rows.map(\.line) == [2, 3])
        #expect(rows[0][1] == "Chief\tExecutives")
        #expect(rows[1].fields == ["15-2051", "Data Scientists"])
    }

    @Test func collectsEveryProblemWithItsLine() {
        let text = "code\ttitle\n15-2051\tData\n11-1011\tChief\n11-1011\tChief\n13-0000\n14-0000\tbad \\q escape\n15-0000\tNo newline"
        let (table, problems) = parse(text)
        #expect(problems.map(\.line) == [3, 4, 5, 6, 7])
        #expect(problems[0].message.contains("out of order"))
        #expect(problems[1].message.contains("duplicate row"))
        #expect(problems[2].message.contains("1 columns, expected 2"))
        #expect(problems[3].message == "bad backslash escape")
        #expect(problems[4].message.contains("does not end with a newline"))
        #expect(table?.rows.map(\.line) == [2, 3, 4, 7])
    }

    @Test func rejectsWrongHeaderEmptyFileAndBadUTF8() {
        #expect(parse("id\ttitle\n").1.first?.line == 1)
        #expect(parse("").1.first?.message.contains("header row missing") == true)
        var bytes = Array("code\ttitle\n15-2051\tok\n15-2052\t".utf8)
        bytes += [0xC3, 0x28, 0x0A]
        let (table, problems) = TSVTable.parseCollecting(Data(bytes), file: "t.tsv", expecting: header)
        #expect(table == nil)
        #expect(problems == [Diagnostic(file: "t.tsv", line: 3, message: "not valid UTF-8 text")])
        #expect(throws: SOCGraphError.self) { try TSVTable.parse(Data(bytes), file: "t.tsv", expecting: header) }
    }

    @Test func keepsNonASCIITextExact() throws {
        let (table, problems) = parse("code\ttitle\n11-1011\tCaf\u{E9} Owners\u{2019}\n")
        #expect(problems == [])
        #expect(try #require(table).rows[0][1] == "Caf\u{E9} Owners\u{2019}")
    }

    @Test func renderAndReadRoundTrip() throws {
        let rows = [["15-2051", "Data\tScientists\\"], ["11-1011", "Chief\nExecutives"]]
        let text = TSV.render(header: header, rows: rows)
        let (table, problems) = parse(text)
        #expect(problems == [])
        #expect(try #require(table).rows.map(\.fields) == rows.sorted { $0[0] < $1[0] })
    }

    @Test func escapingWorksOnBytes() {
        for field in ["plain", "tab\there", "a\\b", "line\nbreak\r\n", "\\\u{301}", "\\", "Caf\u{E9}\t"] {
            let escaped = TSV.escape(field)
            #expect(!escaped.utf8.contains(0x09) && !escaped.utf8.contains(0x0A) && !escaped.utf8.contains(0x0D))
            #expect(TSV.unescape(Substring(escaped)) == field)
        }
        #expect(TSV.unescape("bad \\q escape") == nil)
        #expect(TSV.unescape("dangling \\") == nil)
    }
}
