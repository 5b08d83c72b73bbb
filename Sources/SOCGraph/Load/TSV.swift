import Foundation

/// The Graph/ file format: UTF-8, tab-separated, one header row, `\n` line ends, rows sorted bytewise.
///
/// A field never contains a raw tab, newline or carriage return: they are written as `\t`, `\n`, `\r`,
/// and a backslash as `\\`. An empty field is an absent value.
public enum TSV {
    /// Escapes one field for writing.
    public static func escape(_ field: String) -> String {
        guard field.contains(where: { $0 == "\\" || $0 == "\t" || $0 == "\n" || $0 == "\r" }) else { return field }
        var out = ""
        out.reserveCapacity(field.count + 4)
        for ch in field {
            switch ch {
            case "\\": out += "\\\\"
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\r\n": out += "\\r\\n"
            default: out.append(ch)
            }
        }
        return out
    }

    /// Reverses `escape`; returns nil for a dangling or unknown escape.
    public static func unescape(_ field: Substring) -> String? {
        guard field.contains("\\") else { return String(field) }
        var out = ""
        var iterator = field.makeIterator()
        while let ch = iterator.next() {
            guard ch == "\\" else { out.append(ch); continue }
            switch iterator.next() {
            case "\\": out.append("\\")
            case "t": out.append("\t")
            case "n": out.append("\n")
            case "r": out.append("\r")
            default: return nil
            }
        }
        return out
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
        /// The row's fields, a slice of one buffer shared by the whole table (no allocation per row).
        public let values: ArraySlice<String>
        public init(line: Int, fields: [String]) {
            self.line = line
            self.values = fields[...]
        }
        init(line: Int, values: ArraySlice<String>) {
            self.line = line
            self.values = values
        }
        /// The fields as an array (allocates; prefer the subscript).
        public var fields: [String] { Array(values) }
        public subscript(_ index: Int) -> String { values[values.startIndex + index] }
    }

    public let file: String
    public let header: [String]
    public let rows: [Row]

    /// Reads and validates `name` inside `directory`. Problems (missing file, bad UTF-8, wrong header,
    /// wrong column count, bad escape) throw `SOCGraphError.damagedGraph` with every diagnostic found.
    public static func read(_ name: String, in directory: URL, expecting header: [String]) throws -> TSVTable {
        let url = directory.appendingPathComponent(name)
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw SOCGraphError.damagedGraph([Diagnostic(
                file: name, line: 0,
                message: "missing or unreadable (re-create it with 'socgraph import --from DIR' or 'make graph')")])
        }
        return try parse(data, file: name, expecting: header)
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
        let url = directory.appendingPathComponent(name)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            return (nil, [Diagnostic(
                file: name, line: 0,
                message: "missing or unreadable (re-create it with 'socgraph import --from DIR' or 'make graph')")])
        }
        return parseCollecting(data, file: name, expecting: header)
    }

    /// Parses TSV bytes, collecting every problem: bad UTF-8, wrong header, missing final newline, wrong column
    /// count, bad escape, and rows out of bytewise order or repeated. Rows with a wrong column count or a bad
    /// escape are left out of the table; rows out of order are kept. O(bytes), working on the raw bytes.
    public static func parseCollecting(_ data: Data, file: String,
                                       expecting header: [String]) -> (TSVTable?, [Diagnostic]) {
        // ASCII needs no validation; anything else must be valid UTF-8.
        let ascii = data.withUnsafeBytes { bytes in !bytes.contains(where: { $0 >= 0x80 }) }
        guard ascii || String(data: data, encoding: .utf8) != nil else {
            return (nil, [Diagnostic(
                file: file, line: TSVTable.firstInvalidUTF8Line(data), message: "not valid UTF-8 text")])
        }
        return data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> (TSVTable?, [Diagnostic]) in
            parse(bytes: bytes, file: file, header: header)
        }
    }

    private static func parse(bytes: UnsafeRawBufferPointer, file: String,
                              header: [String]) -> (TSVTable?, [Diagnostic]) {
        let newline = UInt8(ascii: "\n"), tab = UInt8(ascii: "\t"), backslash = UInt8(ascii: "\\")
        var diagnostics: [Diagnostic] = []
        // Line boundaries: [start, end) without the newline.
        var lines: [Range<Int>] = []
        var start = 0
        for position in 0..<bytes.count where bytes[position] == newline {
            lines.append(start..<position)
            start = position + 1
        }
        if start < bytes.count {
            lines.append(start..<bytes.count)
            diagnostics.append(Diagnostic(file: file, line: lines.count,
                                          message: "file does not end with a newline (truncated?)"))
        }
        guard let first = lines.first else {
            return (nil, [Diagnostic(file: file, line: 0, message: "empty file: header row missing")])
        }
        func string(_ range: Range<Int>) -> String {
            String(decoding: UnsafeRawBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        }
        let found = string(first).split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        if found != header {
            return (nil, [Diagnostic(
                file: file, line: 1,
                message: "header is '\(found.joined(separator: " | "))', expected '\(header.joined(separator: " | "))'")])
        }
        var storage: [String] = []
        storage.reserveCapacity(lines.count * header.count)
        var rowStarts: [(line: Int, start: Int)] = []
        rowStarts.reserveCapacity(lines.count)
        var fieldRanges: [Range<Int>] = []
        fieldRanges.reserveCapacity(header.count + 1)
        for offset in 1..<lines.count {
            let line = lines[offset]
            let lineNumber = offset + 1
            if offset > 1 {
                let previous = lines[offset - 1]
                let common = min(previous.count, line.count)
                var order = common == 0 ? 0 : memcmp(bytes.baseAddress! + previous.lowerBound,
                                                     bytes.baseAddress! + line.lowerBound, common)
                if order == 0 { order = previous.count == line.count ? 0 : (previous.count < line.count ? -1 : 1) }
                if order == 0 {
                    diagnostics.append(Diagnostic(file: file, line: lineNumber,
                                                  message: "duplicate row (same as line \(lineNumber - 1))"))
                } else if order > 0 {
                    diagnostics.append(Diagnostic(file: file, line: lineNumber,
                                                  message: "row out of order: it sorts before line \(lineNumber - 1)"))
                }
            }
            fieldRanges.removeAll(keepingCapacity: true)
            var fieldStart = line.lowerBound
            var hasEscape = false
            for position in line where bytes[position] == tab || bytes[position] == backslash {
                if bytes[position] == tab {
                    fieldRanges.append(fieldStart..<position)
                    fieldStart = position + 1
                } else {
                    hasEscape = true
                }
            }
            fieldRanges.append(fieldStart..<line.upperBound)
            if fieldRanges.count != header.count {
                diagnostics.append(Diagnostic(
                    file: file, line: lineNumber,
                    message: "\(fieldRanges.count) columns, expected \(header.count) (\(header.joined(separator: ", ")))"))
                continue
            }
            let start = storage.count
            var bad = false
            for range in fieldRanges {
                let text = string(range)
                if !hasEscape {
                    storage.append(text)
                } else if let value = TSV.unescape(Substring(text)) {
                    storage.append(value)
                } else {
                    bad = true
                }
            }
            if bad {
                storage.removeSubrange(start...)
                diagnostics.append(Diagnostic(file: file, line: lineNumber, message: "bad backslash escape"))
                continue
            }
            rowStarts.append((lineNumber, start))
        }
        let width = header.count
        let rows = rowStarts.map { Row(line: $0.line, values: storage[$0.start..<($0.start + width)]) }
        return (TSVTable(file: file, header: header, rows: rows), diagnostics.sorted())
    }

    private static func firstInvalidUTF8Line(_ data: Data) -> Int {
        var line = 1
        var start = data.startIndex
        while start < data.endIndex {
            let end = data[start...].firstIndex(of: 0x0A) ?? data.endIndex
            if String(data: data[start..<end], encoding: .utf8) == nil { return line }
            line += 1
            start = end < data.endIndex ? data.index(after: end) : end
        }
        return 0
    }
}
