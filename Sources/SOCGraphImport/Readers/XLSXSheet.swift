import Foundation
import SOCGraph

/// One worksheet of an .xlsx workbook: the rows present in its XML, in order, with cell values as text.
///
/// Values: shared and inline strings as their text, formula results (`t="str"`) as their cached text, booleans as
/// `TRUE`/`FALSE`, errors as Excel shows them (`#N/A`), numbers and dates as the raw `<v>` text (`8.1999999999999993`).
public struct XLSXSheet: Sendable {
    /// The workbook's file name, for messages.
    public let file: String
    /// The sheet's name as shown on its tab.
    public let name: String
    /// The rows present in the XML, in order; rows Excel left out (entirely empty) are absent.
    public let rows: [XLSXRow]

    /// Parses a worksheet part (`xl/worksheets/sheetN.xml`).
    init(file: String, name: String, xml: Data, sharedStrings: [String]) throws {
        self.file = file
        self.name = name
        let reader = SheetReader(file: file, sheet: name, sharedStrings: sharedStrings)
        try reader.parse(xml, where: "\(file), sheet '\(name)'")
        self.rows = reader.rows
    }
}

/// One row of a worksheet.
public struct XLSXRow: Sendable, Equatable {
    /// The Excel row number, 1-based (from the row's `r` attribute, else one past the previous row).
    public let number: Int
    /// The cell values; index 0 is column A; nil is an empty or absent cell.
    public let cells: [String?]

    /// The value in `column` (0 = A); nil when out of range or empty.
    public subscript(column: Int) -> String? {
        cells.indices.contains(column) ? cells[column] : nil
    }

    /// Whether every cell is empty or blank.
    public var isEmpty: Bool {
        cells.allSatisfy { $0?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ?? true }
    }

    /// The Excel column name of a 0-based column index: 0 -> A, 25 -> Z, 26 -> AA.
    public static func columnName(_ index: Int) -> String {
        var n = index + 1
        var letters: [Character] = []
        while n > 0 {
            let remainder = (n - 1) % 26
            letters.append(Character(Unicode.Scalar(UInt8(65 + remainder))))
            n = (n - 1) / 26
        }
        return String(letters.reversed())
    }
}

/// Reads a worksheet part into rows.
private final class SheetReader: XMLPartReader {
    let file: String
    let sheet: String
    let sharedStrings: [String]

    /// Excel's limit: column XFD.
    static let maximumColumns = 16_384

    private(set) var rows: [XLSXRow] = []
    private var rowNumber = 0
    private var cells: [String?] = []
    private var column = -1
    private var cellType = "n"
    private var cellReference: String?
    private var inCell = false
    private var inInlineString = false
    private var phoneticDepth = 0

    init(file: String, sheet: String, sharedStrings: [String]) {
        self.file = file
        self.sheet = sheet
        self.sharedStrings = sharedStrings
    }

    override func start(_ name: String, _ attributes: [String: String]) {
        switch name {
        case "c":
            if let r = attributes["r"] {
                guard let index = Self.columnIndex(of: r), index < Self.maximumColumns else {
                    fail(problem("bad cell reference '\(r)' in row \(rowNumber)"))
                    return
                }
                column = index
                cellReference = r
            } else {
                column += 1
                cellReference = nil
            }
            cellType = attributes["t"] ?? "n"
            text = ""
            inCell = true
        case "v":
            collectingText = inCell
        case "row":
            if let r = attributes["r"] {
                guard let number = Int(r), number > rowNumber else {
                    fail(problem("row number '\(r)' after row \(rowNumber)"))
                    return
                }
                rowNumber = number
            } else {
                rowNumber += 1
            }
            cells = []
            column = -1
        case "is":
            inInlineString = inCell
            phoneticDepth = 0
        case "rPh":
            phoneticDepth += 1
        case "t":
            collectingText = inInlineString && phoneticDepth == 0
        default:
            break
        }
    }

    override func end(_ name: String) {
        switch name {
        case "v", "t":
            collectingText = false
        case "c":
            inCell = false
            let value: String?
            do {
                value = try cellValue()
            } catch {
                fail(error as? SOCGraphError ?? problem("\(error)"))
                return
            }
            guard let value else { return }
            if column >= cells.count {
                cells.append(contentsOf: repeatElement(nil, count: column - cells.count + 1))
            }
            cells[column] = value
        case "row":
            while let last = cells.last, last == nil { cells.removeLast() }
            rows.append(XLSXRow(number: rowNumber, cells: cells))
        case "rPh":
            phoneticDepth -= 1
        case "is":
            inInlineString = false
        default:
            break
        }
    }

    private func cellValue() throws -> String? {
        let value: String
        switch cellType {
        case "s":
            guard !text.isEmpty else { return nil }
            guard let index = Int(text) ?? Int(text.trimmingCharacters(in: .whitespaces)),
                sharedStrings.indices.contains(index)
            else {
                throw problem("cell \(reference) refers to shared string '\(text)', which the workbook lacks")
            }
            value = sharedStrings[index]
        case "inlineStr":
            value = text.decodingOOXMLEscapes
        case "b":
            switch text {
            case "1": value = "TRUE"
            case "0": value = "FALSE"
            case "": return nil
            default: throw problem("cell \(reference) has boolean value '\(text)'")
            }
        default:
            value = text
        }
        return value.isEmpty ? nil : value
    }

    /// The current cell's reference, as written or as implied by its position.
    private var reference: String {
        cellReference ?? XLSXRow.columnName(column) + String(rowNumber)
    }

    private func problem(_ message: String) -> SOCGraphError {
        .sourceProblem("\(file), sheet '\(sheet)': \(message); is the workbook damaged?")
    }

    /// The 0-based column of a cell reference such as `AB12`; nil when it does not start with one to three letters.
    static func columnIndex(of reference: String) -> Int? {
        var index = 0
        var letters = 0
        for byte in reference.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): index = index * 26 + Int(byte - UInt8(ascii: "A")) + 1
            case UInt8(ascii: "a")...UInt8(ascii: "z"): index = index * 26 + Int(byte - UInt8(ascii: "a")) + 1
            default:
                return letters > 0 ? index - 1 : nil
            }
            letters += 1
            if letters > 3 { return nil }
        }
        return letters > 0 ? index - 1 : nil
    }
}
