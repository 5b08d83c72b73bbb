import Foundation
import SOCGraph

/// A tab-separated official file (OEWS extract, DHS code list, CET categories): a header row, then one record per
/// line; no quoting. A byte order mark, `\r` line ends and blank lines are tolerated.
public struct SourceTSV: Sendable {
    public let file: String
    public let header: [String]
    /// The records after the header; `line` is the 1-based line number in the file.
    public let rows: [(line: Int, fields: [String])]

    public init(text: String, file: String) throws {
        self.file = file
        var body = Substring(text)
        if body.first == "\u{FEFF}" { body = body.dropFirst() }
        var records: [(line: Int, fields: [String])] = []
        for (offset, rawLine) in body.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.last == "\r" ? rawLine.dropLast() : rawLine
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
            records.append((offset + 1, line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)))
        }
        guard let first = records.first else {
            throw SOCGraphError.sourceProblem("\(file): empty file; expected a header row")
        }
        header = first.fields.map { $0.trimmingCharacters(in: .whitespaces) }
        rows = Array(records.dropFirst())
        for row in rows where row.fields.count != header.count {
            throw SOCGraphError.sourceProblem(
                "\(file), line \(row.line): \(row.fields.count) field(s) where the header has \(header.count)")
        }
    }

    /// The index of a header column; the error lists the header.
    public func column(_ name: String) throws -> Int {
        if let index = header.firstIndex(of: name) { return index }
        throw SOCGraphError.sourceProblem(
            "\(file): missing column '\(name)'; the header has " + header.map { "'\($0)'" }.joined(separator: ", "))
    }

    /// `footnotes.tsv, line 4, column 'CODE'`.
    public func location(line: Int, column: String) -> String {
        "\(file), line \(line), column '\(column)'"
    }
}
