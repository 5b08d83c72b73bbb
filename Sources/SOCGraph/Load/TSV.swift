import Foundation

/// The Graph/ file format: UTF-8, tab-separated, one header row, `\n` line ends, rows sorted bytewise.
///
/// A field never contains a raw tab, newline or carriage return: they are written as `\t`, `\n`, `\r`,
/// and a backslash as `\\`. An empty field is an absent value. Escaping works on bytes: every backslash is
/// escaped, whatever follows it.
public enum TSV {
    /// Escapes one field for writing.
    public static func escape(_ field: String) -> String {
        guard field.utf8.contains(where: { $0 == 0x5C || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) else { return field }
        var out: [UInt8] = []
        out.reserveCapacity(field.utf8.count + 4)
        for byte in field.utf8 {
            switch byte {
            case 0x5C: out += [0x5C, 0x5C]
            case 0x09: out += [0x5C, UInt8(ascii: "t")]
            case 0x0A: out += [0x5C, UInt8(ascii: "n")]
            case 0x0D: out += [0x5C, UInt8(ascii: "r")]
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Reverses `escape`; returns nil for a dangling or unknown escape.
    public static func unescape(_ field: Substring) -> String? {
        guard field.utf8.contains(0x5C) else { return String(field) }
        return unescaped(field.utf8).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The bytes of an escaped field with its escapes resolved; nil for a dangling or unknown escape.
    static func unescaped(_ bytes: some Collection<UInt8>) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var escaping = false
        for byte in bytes {
            guard escaping else {
                if byte == 0x5C { escaping = true } else { out.append(byte) }
                continue
            }
            switch byte {
            case 0x5C: out.append(0x5C)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            default: return nil
            }
            escaping = false
        }
        return escaping ? nil : out
    }

    /// Renders a table: the header, then the rows sorted bytewise by their escaped text, with duplicates removed.
    public static func render(header: [String], rows: [[String]]) -> String {
        let lines = Set(rows.map { $0.map(escape).joined(separator: "\t") })
        let sorted = lines.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        var text = header.joined(separator: "\t") + "\n"
        for line in sorted { text += line + "\n" }
        return text
    }
}

/// A Graph/ TSV file read into memory, with its header checked and every row's column count checked.
public struct TSVTable: Sendable {
    /// One data row with its 1-based line number in the file (the header is line 1).
    public struct Row: Sendable {
        public let line: Int
        public let fields: [String]

        public init(line: Int, fields: [String]) {
            self.line = line
            self.fields = fields
        }

        /// Field `index` (0-based), unescaped.
        public subscript(_ index: Int) -> String { fields[index] }
    }

    public let file: String
    public let header: [String]
    public let rows: [Row]

    /// Reads and validates `name` inside `directory`. Problems (missing file, bad UTF-8, wrong header,
    /// wrong column count, bad escape) throw `SOCGraphError.damagedGraph` with every diagnostic found.
    public static func read(_ name: String, in directory: URL, expecting header: [String]) throws -> TSVTable {
        let (table, diagnostics) = readCollecting(name, in: directory, expecting: header)
        guard let table, diagnostics.isEmpty else { throw SOCGraphError.damagedGraph(diagnostics) }
        return table
    }

    /// Parses TSV bytes; see `read`.
    public static func parse(_ data: Data, file: String, expecting header: [String]) throws -> TSVTable {
        let (table, diagnostics) = parseCollecting(data, file: file, expecting: header)
        guard let table, diagnostics.isEmpty else { throw SOCGraphError.damagedGraph(diagnostics) }
        return table
    }

    /// Reads `name` inside `directory` like `read`, but never throws: returns the rows that are well formed
    /// together with every problem found, so that a caller can go on checking the rest of the graph.
    /// The table is nil only when the file is missing, unreadable, not UTF-8, empty, or has the wrong header.
    public static func readCollecting(_ name: String, in directory: URL,
                                      expecting header: [String]) -> (TSVTable?, [Diagnostic]) {
        let data: Data
        do {
            data = try RegularFile.read(directory.appendingPathComponent(name).path, limit: sizeLimit)
        } catch {
            return (nil, [Diagnostic(
                file: name, line: 0,
                message: "\(error); re-create it with 'socgraph import --from DIR' or 'make graph'")])
        }
        return parseCollecting(data, file: name, expecting: header)
    }

    /// The largest Graph/ file read, 64 MiB: twenty times the largest the importer writes, and small enough that
    /// a stray huge file is refused at once instead of exhausting memory.
    public static let sizeLimit = 64 << 20

    /// Parses TSV bytes, collecting every problem: bad UTF-8, wrong header, missing final newline, wrong column
    /// count, bad escape, and rows out of bytewise order or repeated. Rows with a wrong column count or a bad
    /// escape are left out of the table; rows out of order are kept. A file that is not UTF-8 or has the wrong
    /// header reports only that, as nothing else in it can be trusted. O(bytes).
    public static func parseCollecting(_ data: Data, file: String,
                                       expecting header: [String]) -> (TSVTable?, [Diagnostic]) {
        guard !data.isEmpty else {
            return (nil, [Diagnostic(file: file, line: 0, message: "empty file: header row missing")])
        }
        var reader = TSVReader(bytes: [UInt8](data), file: file, header: header)
        return reader.read()
    }
}

/// The line-by-line reader behind `TSVTable.parseCollecting`: lines split at newlines, fields at tabs, each field
/// made a `String` once.
private struct TSVReader {
    let bytes: [UInt8]
    let file: String
    let header: [String]
    var diagnostics: [Diagnostic] = []
    var rows: [TSVTable.Row] = []

    mutating func read() -> (TSVTable?, [Diagnostic]) {
        if String(validating: bytes, as: UTF8.self) == nil {
            let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
            let bad = lines.firstIndex { String(validating: $0, as: UTF8.self) == nil } ?? 0
            return (nil, [Diagnostic(file: file, line: bad + 1, message: "not valid UTF-8 text")])
        }
        var number = 0, lineStart = 0
        var previous: Range<Int>?
        while lineStart < bytes.count {
            number += 1
            let newline = bytes[lineStart...].firstIndex(of: 0x0A)
            if newline == nil {
                diagnostics.append(Diagnostic(file: file, line: number,
                                              message: "file does not end with a newline (truncated?)"))
            }
            let line = lineStart..<(newline ?? bytes.count)
            lineStart = line.upperBound + 1
            let fields = split(line)
            if number == 1 {
                let found = fields.map { String(decoding: bytes[$0], as: UTF8.self) }
                guard found == header else {
                    return (nil, [Diagnostic(file: file, line: 1, message: "header is '\(found.joined(separator: " | "))', "
                                             + "expected '\(header.joined(separator: " | "))'")])
                }
                continue
            }
            if let previous { checkOrder(line, after: previous, number: number) }
            previous = line
            guard fields.count == header.count else {
                diagnostics.append(Diagnostic(
                    file: file, line: number,
                    message: "\(fields.count) columns, expected \(header.count) (\(header.joined(separator: ", ")))"))
                continue
            }
            let values = fields.compactMap { field in
                bytes[field].contains(0x5C) ? TSV.unescaped(bytes[field]).map { String(decoding: $0, as: UTF8.self) }
                    : String(decoding: bytes[field], as: UTF8.self)
            }
            guard values.count == fields.count else {
                diagnostics.append(Diagnostic(file: file, line: number, message: "bad backslash escape"))
                continue
            }
            rows.append(TSVTable.Row(line: number, fields: values))
        }
        return (TSVTable(file: file, header: header, rows: rows), diagnostics.sorted())
    }

    /// The ranges of the tab-separated fields of `line`.
    func split(_ line: Range<Int>) -> [Range<Int>] {
        var fields: [Range<Int>] = []
        var start = line.lowerBound
        while let tab = bytes[start..<line.upperBound].firstIndex(of: 0x09) {
            fields.append(start..<tab)
            start = tab + 1
        }
        fields.append(start..<line.upperBound)
        return fields
    }

    /// Reports a line equal to or sorting before the previous one, comparing bytes.
    mutating func checkOrder(_ line: Range<Int>, after previous: Range<Int>, number: Int) {
        guard !bytes[previous].lexicographicallyPrecedes(bytes[line]) else { return }
        let message = bytes[previous].elementsEqual(bytes[line]) ? "duplicate row (same as line \(number - 1))"
            : "row out of order: it sorts before line \(number - 1)"
        diagnostics.append(Diagnostic(file: file, line: number, message: message))
    }
}
