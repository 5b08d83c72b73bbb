import Foundation
import Testing
@testable import SOCGraph

/// The byte-level readers the loader uses instead of making Strings: they must agree with the String-based
/// definitions they replace.
@Suite("Reading fields as bytes")
struct TSVBytesTests {
    func withBytes<R>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        Array(text.utf8).withUnsafeBufferPointer(body)
    }

    /// The loader's previous definitions: plain decimal notation, then the standard library's conversion.
    func referenceInt(_ text: String) -> Int? {
        GraphBuilder.isDecimal(text, fraction: false) ? Int(text) : nil
    }

    func referenceDouble(_ text: String) -> Double? {
        guard GraphBuilder.isDecimal(text, fraction: true), let value = Double(text), value.isFinite else { return nil }
        return value
    }

    @Test func numbersMatchTheStandardLibrary() {
        let samples = [
            "0", "-0", "7", "-3", "00012", "239200", "9223372036854775807", "-9223372036854775808",
            "9223372036854775808", "99999999999999999999", "", "-", "+5", "1e5", "0x10", " 5", "5 ", "1,2", "nan",
            "inf", "7.", ".5", "1.5", "-0.0", "0.00", "12.345678901234567890", "3.14159265358979323846", "0.1",
            "100.5", "123456789012.25", "9007199254740993", "999999999999999", "0.000000000000001", "1.2.3", "--1",
        ]
        for text in samples {
            #expect(withBytes(text, DecimalText.int) == referenceInt(text), "\(text)")
            let value = withBytes(text, DecimalText.decimal), reference = referenceDouble(text)
            #expect(value?.bitPattern == reference?.bitPattern, "\(text)")
        }
    }

    @Test func decimalsMatchTheStandardLibraryBitForBit() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let digits = Int.random(in: 1...17, using: &generator)
            var text = Bool.random(using: &generator) ? "-" : ""
            let point = Int.random(in: 0...digits, using: &generator)
            for position in 0..<digits {
                if position == point && position > 0 { text += "." }
                text += String(Int.random(in: 0...9, using: &generator))
            }
            let value = withBytes(text, DecimalText.decimal)
            #expect(value?.bitPattern == referenceDouble(text)?.bitPattern, "\(text)")
        }
    }

    @Test func indexFindsIdsByBytesAndByString() {
        var index = IDIndex(capacity: 4)
        let ids = (0..<5_000).map { "\(10 + $0 % 90)-\(String(format: "%04d", $0))" } + ["", "a", "ab", "abc",
            "artificial-intelligence", "15-2051.01", "Caf\u{E9}"]
        for (value, id) in ids.enumerated() { #expect(index.insert(id, value) == nil) }
        #expect(index.count == ids.count)
        for (value, id) in ids.enumerated() {
            #expect(index[id] == value)
            #expect(withBytes(id) { index.find($0) } == value)
            #expect(index.insert(id, -1) == value)
        }
        for missing in ["15-2052.9", "10-00000", "b", "abcd", "artificial-intelligencf", "Cafe"] {
            #expect(index[missing] == nil)
        }
    }

    @Test func rowFieldsCompareOnBytes() throws {
        let text = "code\ttitle\tflag\n15-2051\tData\\tScientists\tyes\n15-2051\tData Scientists.00\tno\n"
        let (table, problems) = TSVTable.parseCollecting(Data(text.utf8), file: "t.tsv",
                                                         expecting: ["code", "title", "flag"])
        #expect(problems.map(\.line) == [3])
        let rows = try #require(table).rows
        #expect(rows[0][1] == "Data\tScientists")
        #expect(rows[0].byteCount(1) == 15)
        #expect(rows[0].field(2, is: "yes") && !rows[0].field(2, is: "ye") && !rows[1].field(2, is: "yes"))
        #expect(rows[1].field(1, hasSuffix: ".00") && !rows[0].field(1, hasSuffix: ".00"))
        #expect(rows[1].hasSameFields(1, asRowAt: rows[0].first))
        #expect(!rows[1].hasSameFields(2, asRowAt: rows[0].first))
        let tiers = RawValueTable(RelatedTier.self)
        #expect(tiers.value(TSVTable.Row(line: 2, fields: ["primary-long"]), 0) == .primaryLong)
        #expect(tiers.value(TSVTable.Row(line: 2, fields: ["primary"]), 0) == nil)
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
