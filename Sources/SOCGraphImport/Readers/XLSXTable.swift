import Foundation
import SOCGraph

/// A worksheet viewed as a table: the header row is found by the column names the reader requires, and values
/// are read by column name with errors that name file, sheet, row and column.
public struct XLSXTable: Sendable {
    /// The workbook's file name, for messages.
    public let file: String
    /// The sheet's name, for messages.
    public let sheet: String
    /// The Excel row number of the header row.
    public let headerRow: Int
    /// The rows after the header row, in order (as present in the XML; entirely empty rows may be among them).
    public let dataRows: [XLSXRow]
    /// Every column name of the header row (trimmed) with its index; the first occurrence wins.
    private let columns: [String: Int]
    private let requiredColumns: [String]

    /// Finds the first row containing every name in `requiredColumns` (trimmed, exact match). The error names
    /// the missing column(s) and the row that came closest.
    public init(sheet: XLSXSheet, requiredColumns: [String]) throws {
        file = sheet.file
        self.sheet = sheet.name
        self.requiredColumns = requiredColumns
        var best: (row: XLSXRow, names: [String: Int], found: Int)?
        for row in sheet.rows {
            var names: [String: Int] = [:]
            for (index, cell) in row.cells.enumerated() {
                guard let name = cell?.trimmingCharacters(in: .whitespacesAndNewlines), !name.isEmpty else { continue }
                if names[name] == nil { names[name] = index }
            }
            let found = requiredColumns.filter { names[$0] != nil }.count
            if found == requiredColumns.count {
                headerRow = row.number
                columns = names
                dataRows = sheet.rows.filter { $0.number > row.number }
                return
            }
            if found > (best?.found ?? 0) || (best == nil && !row.isEmpty) { best = (row, names, found) }
        }
        let wanted = requiredColumns.map { "'\($0)'" }.joined(separator: ", ")
        guard let best else {
            throw SOCGraphError.sourceProblem(
                "\(file), sheet '\(sheet.name)': no header row with column(s) \(wanted); the sheet is empty")
        }
        let missing = requiredColumns.filter { best.names[$0] == nil }.map { "'\($0)'" }.joined(separator: ", ")
        let seen = best.row.cells.compactMap { $0?.trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { !$0.isEmpty }.map { "'\($0)'" }.joined(separator: ", ")
        throw SOCGraphError.sourceProblem(
            "\(file), sheet '\(sheet.name)': missing column(s) \(missing); the header row it looked at, row "
                + "\(best.row.number), has \(seen); is this the right sheet and edition of the file?")
    }

    /// The index of a column of the header row. Asking for a name that is neither required nor in the header
    /// is a programming error.
    public func column(_ name: String) -> Int {
        guard let index = columns[name] else {
            preconditionFailure("column '\(name)' is not among the required columns \(requiredColumns)")
        }
        return index
    }

    /// The index of a column of the header row, nil when the header lacks it (for optional columns).
    public func columnIfPresent(_ name: String) -> Int? {
        columns[name]
    }

    /// Required non-empty text, trimmed. A column the header lacks is an error too.
    public func string(_ row: XLSXRow, _ column: String) throws -> String {
        guard let value = try text(row, column) else {
            throw SOCGraphError.sourceProblem("empty value in \(location(row, column))")
        }
        return value
    }

    /// Text trimmed of surrounding white space; nil when empty, blank or the column is absent.
    public func optionalString(_ row: XLSXRow, _ column: String) -> String? {
        guard let index = columns[column], let raw = row[index] else { return nil }
        let value = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        return value.isEmpty ? nil : value
    }

    /// A number, nil when the cell is empty or a dash (`—`, `–`, `-`); an error when the header lacks the column. Float noise is removed: rounded to
    /// `places` decimals when given (8.1999999999999993 -> 8.2 with 1), else to 15 significant digits.
    public func number(_ row: XLSXRow, _ column: String, places: Int?) throws -> Double? {
        guard let text = try text(row, column), !Self.notAvailable.contains(text) else { return nil }
        guard let value = Self.parseNumber(text) else {
            throw SOCGraphError.sourceProblem("bad number '\(text)' in \(location(row, column))")
        }
        return Self.round(value, places: places)
    }

    /// A whole number, nil when the cell is empty or a dash; a fraction is an error.
    public func integer(_ row: XLSXRow, _ column: String) throws -> Int? {
        guard let value = try number(row, column, places: nil) else { return nil }
        guard value == value.rounded(), abs(value) < 9e15 else {
            throw SOCGraphError.sourceProblem(
                "bad whole number '\(optionalString(row, column) ?? "")' in \(location(row, column))")
        }
        return Int(value)
    }

    /// The trimmed text of a cell, nil when empty or blank; a column the header lacks is an error.
    private func text(_ row: XLSXRow, _ column: String) throws -> String? {
        guard columns[column] != nil else {
            throw SOCGraphError.sourceProblem(
                "\(file), sheet '\(sheet)': no column '\(column)' in the header row \(headerRow)")
        }
        return optionalString(row, column)
    }

    /// `occupation.xlsx, sheet 'Table 1.2', row 12, column 'Median wage'` (with the column letter when known).
    public func location(_ row: XLSXRow, _ column: String) -> String {
        let letter = columns[column].map { " (\(XLSXRow.columnName($0)))" } ?? ""
        return "\(file), sheet '\(sheet)', row \(row.number), column '\(column)'\(letter)"
    }

    static let notAvailable: Set<String> = ["—", "–", "-"]

    /// Decimal numbers as Excel writes them (`12`, `-0.5`, `8.1999999999999993`, `1.5E-3`); no hex, inf or nan.
    static func parseNumber(_ text: String) -> Double? {
        let allowed = text.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "+"),
                UInt8(ascii: "e"), UInt8(ascii: "E"):
                return true
            default:
                return false
            }
        }
        guard allowed, let value = Double(text), value.isFinite else { return nil }
        return value
    }

    static func round(_ value: Double, places: Int?) -> Double {
        let clean = Double(String(format: "%.15g", value)) ?? value
        guard let places else { return clean }
        let scale = pow(10, Double(places))
        return (clean * scale).rounded() / scale
    }
}
