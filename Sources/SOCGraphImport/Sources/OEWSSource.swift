import Foundation
import SOCGraph

/// Reads the OEWS May 2025 national estimates (tab-separated extract of the BLS `oe` series) and the footnote codes.
///
/// Only detailed-level rows (`DISPLAY_LEVEL` 3) are kept: SOC detailed codes and OEWS aggregates such as `13-1020`.
/// Figures stay as published text after checking that they are numbers; `-` (not released) becomes empty.
public struct OEWSSource: Sendable {
    public static let file = OfficialFile.oewsNational
    public static let footnotesFile = OfficialFile.oewsFootnotes
    static let detailedLevel = "3"

    /// The figures written to `wages.tsv`, by source column.
    static let figureColumns: [(column: String, wholeNumber: Bool)] = [
        ("Employment", true), ("Annual mean wage", true), ("Annual 10th percentile wage", true),
        ("Annual 25th percentile wage", true), ("Annual median wage", true), ("Annual 75th percentile wage", true),
        ("Annual 90th percentile wage", true), ("Hourly median wage", false),
    ]

    public struct Estimate: Sendable, Equatable {
        /// A SOC detailed code or an OEWS aggregate.
        public let oewsCode: String
        /// In the order of `figureColumns`; empty = not released.
        public let figures: [String]
        /// The distinct footnote codes of the row, ascending.
        public let footnotes: [String]

        public var annualMedian: String { figures[4] }
    }

    public let estimates: [Estimate]
    /// Footnote code → text.
    public let footnoteTexts: [String: String]

    public static func read(from directory: SourceDirectory) throws -> OEWSSource {
        var problems = SourceProblems()
        let notes = try directory.tsv(footnotesFile)
        let noteCode = try notes.column("CODE"), noteText = try notes.column("TEXT")
        var footnoteTexts: [String: String] = [:]
        for row in notes.rows {
            let code = row.fields[noteCode].trimmingCharacters(in: .whitespaces)
            if code.isEmpty || Int(code) == nil {
                problems.record("footnote code '\(code)' is not a number in \(notes.location(line: row.line, column: "CODE"))")
            }
            footnoteTexts[code] = row.fields[noteText]
        }
        try problems.throwIfAny()

        let tsv = try directory.tsv(file)
        let code = try tsv.column("OCC_CODE"), level = try tsv.column("DISPLAY_LEVEL")
        let figures = try figureColumns.map { (name: $0.column, index: try tsv.column($0.column), whole: $0.wholeNumber) }
        let footnoteColumns = tsv.header.enumerated().filter { $0.element.hasSuffix("footnote") }
        if footnoteColumns.isEmpty { problems.record("\(tsv.file): no footnote columns (names ending in 'footnote')") }
        var estimates: [Estimate] = []
        var seen: Set<String> = []
        for row in tsv.rows {
            try problems.attempt {
                let occupation = row.fields[code]
                guard CodeFormat.isSOC(occupation) else {
                    throw SOCGraphError.sourceProblem(
                        "'\(occupation)' is not a SOC-shaped code in \(tsv.location(line: row.line, column: "OCC_CODE"))")
                }
                guard row.fields[level] == detailedLevel else { return }
                guard seen.insert(occupation).inserted else {
                    throw SOCGraphError.sourceProblem(
                        "repeated code '\(occupation)' in \(tsv.location(line: row.line, column: "OCC_CODE"))")
                }
                let values = try figures.map { figure -> String in
                    let text = row.fields[figure.index].trimmingCharacters(in: .whitespaces)
                    if text == "-" { return "" }
                    guard Self.isDecimal(text, wholeNumber: figure.whole) else {
                        throw SOCGraphError.sourceProblem(
                            "bad number '\(text)' in \(tsv.location(line: row.line, column: figure.name))")
                    }
                    return text
                }
                var codes: Set<String> = []
                for column in footnoteColumns {
                    let text = row.fields[column.offset].trimmingCharacters(in: .whitespaces)
                    guard !text.isEmpty else { continue }
                    guard footnoteTexts[text] != nil else {
                        throw SOCGraphError.sourceProblem(
                            "unknown footnote code '\(text)' in \(tsv.location(line: row.line, column: column.element)) "
                                + "(not in \(notes.file))")
                    }
                    codes.insert(text)
                }
                estimates.append(Estimate(
                    oewsCode: occupation, figures: values,
                    footnotes: codes.sorted { (Int($0) ?? 0, $0) < (Int($1) ?? 0, $1) }))
            }
        }
        if estimates.isEmpty && problems.isEmpty { problems.record("\(tsv.file): no rows with DISPLAY_LEVEL \(detailedLevel)") }
        try problems.throwIfAny()
        return OEWSSource(estimates: estimates, footnoteTexts: footnoteTexts)
    }

    /// `1687890` (whole) or `65.38`: ASCII digits with at most one decimal point, no sign.
    static func isDecimal(_ text: String, wholeNumber: Bool) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...(wholeNumber ? 1 : 2)).contains(parts.count) else { return false }
        return parts.allSatisfy { !$0.isEmpty && $0.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") } }
    }
}
