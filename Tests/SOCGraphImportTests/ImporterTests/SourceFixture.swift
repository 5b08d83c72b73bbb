import Foundation
import SOCGraph
@testable import SOCGraphImport
import Testing

/// A small source directory built by a test: official files written at their documented paths, xlsx workbooks
/// from rows of text (inline strings, numbers as numbers). Removed by `remove()`.
struct SourceFixture {
    let base: XLSXFixture
    var root: URL { base.folder }
    var directory: SourceDirectory { SourceDirectory(root: root) }

    init() throws {
        base = try XLSXFixture()
    }

    func remove() { base.remove() }

    /// Writes `file` as a workbook with `sheets`; a cell that parses as a number is written as a number cell.
    func xlsx(_ file: OfficialFile, _ sheets: [(name: String, rows: [[String?]])]) throws {
        try makeFolder(for: file)
        let url = directory.url(of: file)
        if FileManager.default.fileExists(atPath: url.path) { try FileManager.default.removeItem(at: url) }
        var targets: [String: (type: String, target: String)] = [:]
        var parts: [String: String] = [:]
        for (index, sheet) in sheets.enumerated() {
            targets["rId\(index + 1)"] = ("worksheet", "worksheets/sheet\(index + 1).xml")
            parts["xl/worksheets/sheet\(index + 1).xml"] = XLSXFixture.worksheet(Self.rowsXML(sheet.rows))
        }
        parts.merge(
            XLSXFixture.workbookParts(
                sheets: sheets.enumerated().map { (Self.escape($0.element.name), "rId\($0.offset + 1)") },
                targets: targets),
            uniquingKeysWith: { first, _ in first })
        try base.zip(file.path, parts)
    }

    /// Writes a text file (CSV, TSV) at `file`'s path.
    func text(_ file: OfficialFile, _ text: String) throws {
        try makeFolder(for: file)
        try base.file(file.path, text)
    }

    private func makeFolder(for file: OfficialFile) throws {
        try FileManager.default.createDirectory(
            at: directory.url(of: file).deletingLastPathComponent(), withIntermediateDirectories: true)
    }

    static func rowsXML(_ rows: [[String?]]) -> String {
        rows.enumerated().map { rowIndex, cells in
            let number = rowIndex + 1
            let cellXML = cells.enumerated().compactMap { column, value -> String? in
                guard let value else { return nil }
                let reference = XLSXRow.columnName(column) + String(number)
                if Double(value) != nil, value.first != "0" || value == "0" || value.hasPrefix("0.") {
                    return "<c r=\"\(reference)\"><v>\(value)</v></c>"
                }
                return "<c r=\"\(reference)\" t=\"inlineStr\"><is><t>\(escape(value))</t></is></c>"
            }.joined()
            return "<row r=\"\(number)\">\(cellXML)</row>"
        }.joined()
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}

/// The message of the `sourceProblem` that `body` throws; records an issue for anything else.
func sourceProblem(_ body: () throws -> Void, sourceLocation: SourceLocation = #_sourceLocation) -> String {
    do {
        try body()
    } catch let SOCGraphError.sourceProblem(message) {
        return message
    } catch {
        Issue.record("expected a sourceProblem, got \(error)", sourceLocation: sourceLocation)
        return ""
    }
    Issue.record("expected an error, none was thrown", sourceLocation: sourceLocation)
    return ""
}
