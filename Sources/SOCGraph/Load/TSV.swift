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
        /// The fields, unescaped: a slice of the table's fields, or of its own.
        private let values: ArraySlice<String>

        public init(line: Int, fields: [String]) {
            self.line = line
            self.values = fields[...]
        }

        init(line: Int, values: ArraySlice<String>) {
            self.line = line
            self.values = values
        }

        public var fields: [String] { Array(values) }

        /// Field `index` (0-based), unescaped.
        public subscript(_ index: Int) -> String { values[values.startIndex + index] }
    }

    /// The rows of a table, in file order.
    public struct Rows: RandomAccessCollection, Sendable {
        /// Every row's fields one after another, `width` per row.
        let fields: [String]
        let width: Int
        let lines: [Int]

        public var startIndex: Int { 0 }
        public var endIndex: Int { lines.count }
        public subscript(position: Int) -> Row {
            Row(line: lines[position], values: fields[(position * width)..<((position + 1) * width)])
        }
    }

    public let file: String
    public let header: [String]
    public let rows: Rows

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
            data = try Data(contentsOf: directory.appendingPathComponent(name))
        } catch {
            return (nil, [Diagnostic(
                file: name, line: 0,
                message: "missing or unreadable (re-create it with 'socgraph import --from DIR' or 'make graph')")])
        }
        return parseCollecting(data, file: name, expecting: header)
    }

    /// Parses TSV bytes, collecting every problem: bad UTF-8, wrong header, missing final newline, wrong column
    /// count, bad escape, and rows out of bytewise order or repeated. Rows with a wrong column count or a bad
    /// escape are left out of the table; rows out of order are kept. A file that is not UTF-8 or has the wrong
    /// header reports only that, as nothing else in it can be trusted. O(bytes).
    public static func parseCollecting(_ data: Data, file: String,
                                       expecting header: [String]) -> (TSVTable?, [Diagnostic]) {
        guard !data.isEmpty else {
            return (nil, [Diagnostic(file: file, line: 0, message: "empty file: header row missing")])
        }
        var reader = Reader(bytes: [UInt8](data), file: file, header: header)
        return reader.read()
    }
}

/// The line-by-line reader behind `TSVTable.parseCollecting`: one pass over the bytes, splitting lines at
/// newlines and fields at tabs, each field made a `String` once.
private struct Reader {
    let bytes: [UInt8]
    let file: String
    let header: [String]
    var diagnostics: [Diagnostic] = []
    var fields: [String] = []
    var lines: [Int] = []
    /// The fields of the line being read, reused from line to line.
    var ranges: [Range<Int>] = []

    init(bytes: [UInt8], file: String, header: [String]) {
        self.bytes = bytes
        self.file = file
        self.header = header
    }

    mutating func read() -> (TSVTable?, [Diagnostic]) {
        let bytes = self.bytes
        // Room for every row of a typical file; pages never touched cost nothing.
        fields.reserveCapacity(bytes.count / 8)
        lines.reserveCapacity(bytes.count / 16)
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
            if number == 1 {
                if let failure = checkHeader(line) { return failure }
                continue
            }
            checkOrder(line, after: previous, number: number)
            addRow(line, number: number)
            previous = line
        }
        let table = TSVTable(file: file, header: header,
                             rows: TSVTable.Rows(fields: fields, width: header.count, lines: lines))
        return (table, diagnostics.sorted())
    }

    /// Nil when the header is the expected one; else what to give up with: the first line that is not UTF-8 if
    /// any, else the header found.
    func checkHeader(_ line: Range<Int>) -> (TSVTable?, [Diagnostic])? {
        let found = bytes[line].split(separator: 0x09, omittingEmptySubsequences: false)
            .map { String(decoding: $0, as: UTF8.self) }
        guard found != header else { return nil }
        let rest = bytes[line.upperBound...].split(separator: 0x0A, omittingEmptySubsequences: false)
        if let bad = rest.dropFirst().firstIndex(where: { String(validating: $0, as: UTF8.self) == nil }) {
            return (nil, [Diagnostic(file: file, line: bad + 1, message: "not valid UTF-8 text")])
        }
        return (nil, [Diagnostic(
            file: file, line: 1,
            message: "header is '\(found.joined(separator: " | "))', expected '\(header.joined(separator: " | "))'")])
    }

    /// Reports a line equal to or sorting before the previous one, comparing bytes.
    mutating func checkOrder(_ line: Range<Int>, after previous: Range<Int>?, number: Int) {
        guard var a = previous?.lowerBound, let end = previous?.upperBound else { return }
        var b = line.lowerBound
        while a < end, b < line.upperBound, bytes[a] == bytes[b] {
            a += 1
            b += 1
        }
        if a == end && b == line.upperBound {
            diagnostics.append(Diagnostic(file: file, line: number, message: "duplicate row (same as line \(number - 1))"))
        } else if b == line.upperBound || (a < end && bytes[a] > bytes[b]) {
            diagnostics.append(Diagnostic(file: file, line: number,
                                          message: "row out of order: it sorts before line \(number - 1)"))
        }
    }

    /// Keeps the row of `line` when it has one field per column and sound escapes; else reports it.
    mutating func addRow(_ line: Range<Int>, number: Int) {
        ranges.removeAll(keepingCapacity: true)
        var start = line.lowerBound
        while let tab = bytes[start..<line.upperBound].firstIndex(of: 0x09) {
            ranges.append(start..<tab)
            start = tab + 1
        }
        ranges.append(start..<line.upperBound)
        guard ranges.count == header.count else {
            diagnostics.append(Diagnostic(
                file: file, line: number,
                message: "\(ranges.count) columns, expected \(header.count) (\(header.joined(separator: ", ")))"))
            return
        }
        let first = fields.count
        for range in ranges {
            guard bytes[range].contains(0x5C) else {
                fields.append(String(decoding: bytes[range], as: UTF8.self))
                continue
            }
            guard let unescaped = TSV.unescaped(bytes[range]) else {
                fields.removeSubrange(first...)
                diagnostics.append(Diagnostic(file: file, line: number, message: "bad backslash escape"))
                return
            }
            fields.append(String(decoding: unescaped, as: UTF8.self))
        }
        lines.append(number)
    }
}
