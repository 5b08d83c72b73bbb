import Foundation
import Testing
@testable import SOCGraph

/// The stand-ins for Foundation's text functions that the query program uses (it links only FoundationEssentials)
/// give Foundation's own answers, checked against Foundation itself on every Unicode scalar.
@Suite("Foundation parity of the text helpers")
struct FoundationParityTests {
    /// Every Unicode scalar, as a one-scalar string.
    static let scalars: [Unicode.Scalar] = (0...0x10FFFF).compactMap(Unicode.Scalar.init)

    /// The scalars a folding can treat specially: combining marks, spacing marks and the marks Foundation counts.
    static let marks: [Unicode.Scalar] = scalars.filter {
        $0.properties.isGraphemeExtend || $0.properties.generalCategory == .spacingMark
            || SearchText.isCombiningMark($0)
    }

    static func folded(_ text: String) -> String {
        text.folding(options: [.diacriticInsensitive, .widthInsensitive], locale: nil)
    }

    @Test("search folding: every scalar alone, and after letters of several scripts")
    func searchFolding() {
        var mismatches: [String] = []
        func check(_ text: String) {
            let expected = Self.folded(text), actual = SearchText.folded(text)
            if !expected.unicodeScalars.elementsEqual(actual.unicodeScalars), mismatches.count < 20 {
                mismatches.append("\(text.debugDescription): \(expected.debugDescription) ≠ \(actual.debugDescription)")
            }
        }
        for scalar in Self.scalars { check(String(scalar)) }
        for base in ["a", "é", "ｅ", "Ω", "ж", "中", "ア", "ｱ", "￨", "\u{05D0}", "\u{0915}", "\u{0622}", "\u{0301}"] {
            for mark in Self.marks { check(base + String(mark)) }
        }
        for base in ["e", "中", "ｱ", "\u{0622}", "\u{05D0}"] {
            for mark in Self.marks.prefix(600) {
                check(base + "\u{0301}" + String(mark))
                check(base + String(mark) + "\u{05B0}")
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.joined(separator: "\n"))")
        #expect(SearchText.terms("Café Manager") == SearchText.terms("Cafe\u{301} Ｍａｎａｇｅｒ"))
    }

    @Test("trimming: the white space and line break sets")
    func trimming() {
        let mismatches = Self.scalars.filter { scalar in
            let text = "\(scalar) x\(scalar)y \(scalar)"
            return text.trimmed != text.trimmingCharacters(in: .whitespacesAndNewlines)
                || text.trimmedSpaces != text.trimmingCharacters(in: .whitespaces)
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(20).map { String($0.value, radix: 16) })")
        #expect("\u{200B} a\r\n".trimmed == "a" && "\t a \n".trimmedSpaces == "a \n")
        #expect("   ".trimmed.isEmpty && "".trimmedSpaces.isEmpty)
    }

    @Test("line feeds, including the one of CR LF")
    func lineFeeds() {
        for text in ["a\nb", "a\r\nb", "\n", "no break", "\r\n\r\n", "line one\nline two\n", "é\nü"] {
            #expect(text.replacingLineFeeds(with: " ") == text.replacingOccurrences(of: "\n", with: " "))
        }
    }

    @Test("fixed decimals round as printf does")
    func fixedDecimals() {
        var values: [Double] = [0, -0.0, 0.005, 0.015, 0.125, 0.375, 1, 2.5, 0.62, 1e15, -3.14159, 123456.785,
                                .nan, .infinity, -.infinity, .leastNonzeroMagnitude, 1e300]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 { values.append(Double.random(in: -1_000...1_000, using: &generator)) }
        for value in values {
            for places in [0, 1, 2, 3] {
                #expect(Format.fixed(value, places: places) == String(format: "%.\(places)f", value), "\(value)")
            }
        }
    }
}
