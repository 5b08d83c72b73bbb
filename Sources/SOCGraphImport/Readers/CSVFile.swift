import Foundation
import SOCGraph

/// A comma-separated file as RFC 4180 defines it: fields optionally in double quotes, with embedded commas,
/// doubled quotes (`""`) and line breaks inside quotes. Excel formula cells written as `="01.0101"` (quoted or
/// not) are unwrapped to their text (`01.0101`). A UTF-8 byte order mark is dropped; blank lines are skipped.
/// Lenient in one documented way: see `repairs`.
public struct CSVFile: Sendable {
    /// The file name used in messages.
    public let file: String
    /// The first record: the column names.
    public let header: [String]
    /// The records after the header; `line` is the 1-based physical line where the record starts.
    public let rows: [(line: Int, fields: [String])]
    /// Departures from RFC 4180 read leniently, each with its line: a quote inside a quoted field that is not
    /// doubled and not followed by a comma or line end is kept as a literal quote (NCES's CIPCode2020.csv has
    /// such quotes). The importer should report them.
    public let repairs: [Diagnostic]

    /// Reads the UTF-8 file at `url`; a missing file or a malformed record is a `sourceProblem`.
    public init(url: URL) throws {
        let file = url.lastPathComponent
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue
        else {
            throw SOCGraphError.sourceProblem("\(file): missing file (looked for \(url.path))")
        }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw SOCGraphError.sourceProblem("\(file): cannot read the file (\(error.localizedDescription))")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw SOCGraphError.sourceProblem("\(file): not UTF-8 text; download the original file again")
        }
        try self.init(text: text, file: file)
    }

    /// Parses `text`; `file` names it in messages.
    public init(text: String, file: String) throws {
        self.file = file
        var parser = CSVParser(file: file)
        var records = try parser.parse(text)
        repairs = parser.repairs
        guard !records.isEmpty else {
            throw SOCGraphError.sourceProblem("\(file): empty file; expected a header row")
        }
        let header = records.removeFirst().fields
        self.header = header
        for record in records where record.fields.count != header.count {
            throw SOCGraphError.sourceProblem(
                "\(file), line \(record.line): \(record.fields.count) field(s) where the header has "
                    + "\(header.count); is a quote missing?")
        }
        rows = records
    }

    /// The index of a header column (exact match after trimming); the error lists the header.
    public func column(_ name: String) throws -> Int {
        if let index = header.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == name }) {
            return index
        }
        throw SOCGraphError.sourceProblem(
            "\(file): missing column '\(name)'; the header has "
                + header.map { "'\($0)'" }.joined(separator: ", "))
    }
}

/// The byte-level RFC 4180 state machine behind `CSVFile`.
private struct CSVParser {
    let file: String

    init(file: String) {
        self.file = file
    }

    private static let quote = UInt8(ascii: "\"")
    private static let comma = UInt8(ascii: ",")
    private static let newline = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")
    private static let equals = UInt8(ascii: "=")

    /// Departures from RFC 4180 that were read leniently, one per occurrence.
    var repairs: [Diagnostic] = []

    mutating func parse(_ text: String) throws -> [(line: Int, fields: [String])] {
        var bytes = Array(text.utf8)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        var records: [(line: Int, fields: [String])] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var line = 1
        var recordLine = 1
        var index = 0
        var recordHasContent = false

        func finishField() {
            fields.append(Self.unwrapFormula(String(decoding: field, as: UTF8.self)))
            field.removeAll(keepingCapacity: true)
        }
        func finishRecord() {
            if recordHasContent {
                finishField()
                records.append((recordLine, fields))
            }
            fields = []
            field.removeAll(keepingCapacity: true)
            recordHasContent = false
        }

        while index < bytes.count {
            let byte = bytes[index]
            let atFieldStart = field.isEmpty
            if atFieldStart && (byte == Self.quote
                || (byte == Self.equals && index + 1 < bytes.count && bytes[index + 1] == Self.quote))
            {
                // A quoted field, or an Excel formula cell ="…" whose value is the quoted text.
                if !recordHasContent { recordLine = line }
                recordHasContent = true
                let quoteLine = line
                index += byte == Self.equals ? 2 : 1
                var closed = false
                while index < bytes.count {
                    let inner = bytes[index]
                    if inner == Self.quote {
                        let next = index + 1 < bytes.count ? bytes[index + 1] : nil
                        if next == Self.quote {
                            field.append(Self.quote)
                            index += 2
                            continue
                        }
                        if let next, next != Self.comma, next != Self.newline, next != Self.carriageReturn {
                            // A quote that neither doubles nor ends the field: taken literally, and reported.
                            repairs.append(
                                Diagnostic(
                                    file: file, line: line,
                                    message: "a quote inside a quoted field is not doubled; read as a literal quote"))
                            field.append(Self.quote)
                            index += 1
                            continue
                        }
                        index += 1
                        closed = true
                        break
                    }
                    if inner == Self.newline { line += 1 }
                    field.append(inner)
                    index += 1
                }
                guard closed else {
                    throw SOCGraphError.sourceProblem(
                        "\(file), line \(quoteLine): unterminated quoted field; a closing \" is missing")
                }
                continue
            }
            switch byte {
            case Self.comma:
                if !recordHasContent { recordLine = line }
                recordHasContent = true
                finishField()
            case Self.newline, Self.carriageReturn:
                finishRecord()
                if byte == Self.carriageReturn && index + 1 < bytes.count && bytes[index + 1] == Self.newline {
                    index += 1
                }
                line += 1
            case Self.quote:
                throw SOCGraphError.sourceProblem(
                    "\(file), line \(line): a quote inside an unquoted field; quote the field and double the quote")
            default:
                if !recordHasContent { recordLine = line }
                recordHasContent = true
                field.append(byte)
            }
            index += 1
        }
        finishRecord()
        return records
    }

    /// `="01.0101"` (a quoted field holding an Excel formula string) -> `01.0101`.
    static func unwrapFormula(_ value: String) -> String {
        guard value.hasPrefix("=\""), value.hasSuffix("\""), value.count >= 3 else { return value }
        let inner = value.dropFirst(2).dropLast()
        guard !inner.contains("\"") || inner.replacingOccurrences(of: "\"\"", with: "").contains("\"") == false
        else { return value }
        return inner.replacingOccurrences(of: "\"\"", with: "\"")
    }
}
