/// Field parsers: each records a problem naming the column and returns nil (or false) on bad input.
extension GraphBuilder {
    func int(_ text: String, column: String, _ table: TSVTable, _ row: TSVTable.Row,
             range: ClosedRange<Int>? = nil) -> Int? {
        guard Self.isDecimal(text, fraction: false), let value = Int(text) else {
            problem(table.file, row.line, "\(column): '\(text)' is not a whole number")
            return nil
        }
        if let range, !range.contains(value) {
            problem(table.file, row.line, "\(column): \(value) is out of range \(range.lowerBound)–\(range.upperBound)")
            return nil
        }
        return value
    }

    func optionalInt(_ text: String, column: String, _ table: TSVTable, _ row: TSVTable.Row) -> Int? {
        text.isEmpty ? nil : int(text, column: column, table, row)
    }

    func double(_ text: String, column: String, _ table: TSVTable, _ row: TSVTable.Row,
                range: ClosedRange<Double>? = nil) -> Double? {
        guard Self.isDecimal(text, fraction: true), let value = Double(text), value.isFinite else {
            problem(table.file, row.line, "\(column): '\(text)' is not a number")
            return nil
        }
        if let range, !range.contains(value) {
            problem(table.file, row.line, "\(column): \(text) is out of range \(range.lowerBound)–\(range.upperBound)")
            return nil
        }
        return value
    }

    func optionalDouble(_ text: String, column: String, _ table: TSVTable, _ row: TSVTable.Row) -> Double? {
        text.isEmpty ? nil : double(text, column: column, table, row)
    }

    /// Plain decimal notation: an optional minus, digits, and (with `fraction`) at most one point followed by
    /// digits. No plus sign, exponent, spaces, `nan` or `inf`.
    static func isDecimal(_ text: String, fraction: Bool) -> Bool {
        var digits = 0, sawPoint = false, afterPoint = 0
        for (offset, byte) in text.utf8.enumerated() {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if sawPoint { afterPoint += 1 } else { digits += 1 }
            case UInt8(ascii: "-") where offset == 0: continue
            case UInt8(ascii: ".") where fraction && !sawPoint: sawPoint = true
            default: return false
            }
        }
        return digits > 0 && (!sawPoint || afterPoint > 0)
    }

    func flag(_ text: String, column: String, _ table: TSVTable, _ row: TSVTable.Row) -> Bool? {
        switch text {
        case "yes": return true
        case "no": return false
        default:
            problem(table.file, row.line, "\(column): '\(text)' is not 'yes' or 'no'")
            return nil
        }
    }

    func nonEmpty(_ text: String, column: String, _ table: TSVTable, _ row: TSVTable.Row) -> Bool {
        if text.isEmpty { problem(table.file, row.line, "\(column) is empty") }
        return !text.isEmpty
    }
}
