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
        public let fields: [String]
        public subscript(_ index: Int) -> String { fields[index] }
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
    /// escape are left out of the table; rows out of order are kept. O(bytes).
    public static func parseCollecting(_ data: Data, file: String,
                                       expecting header: [String]) -> (TSVTable?, [Diagnostic]) {
        guard let text = String(data: data, encoding: .utf8) else {
            return (nil, [Diagnostic(
                file: file, line: TSVTable.firstInvalidUTF8Line(data), message: "not valid UTF-8 text")])
        }
        var diagnostics: [Diagnostic] = []
        let newline = UInt8(ascii: "\n"), tab = UInt8(ascii: "\t")
        var lines = text.utf8.split(separator: newline, omittingEmptySubsequences: false)
        if let last = lines.last, last.isEmpty {
            lines.removeLast()
        } else if !text.isEmpty {
            diagnostics.append(Diagnostic(file: file, line: lines.count,
                                          message: "file does not end with a newline (truncated?)"))
        }
        guard let first = lines.first else {
            return (nil, [Diagnostic(file: file, line: 0, message: "empty file: header row missing")])
        }
        let found = first.split(separator: tab, omittingEmptySubsequences: false).map { String(Substring($0)) }
        if found != header {
            return (nil, [Diagnostic(
                file: file, line: 1,
                message: "header is '\(found.joined(separator: " | "))', expected '\(header.joined(separator: " | "))'")])
        }
        var rows: [Row] = []
        rows.reserveCapacity(lines.count)
        var previous: Substring.UTF8View? = nil
        for offset in 1..<lines.count {
            let line = lines[offset]
            let lineNumber = offset + 1
            if let previous {
                if previous.elementsEqual(line) {
                    diagnostics.append(Diagnostic(file: file, line: lineNumber,
                                                  message: "duplicate row (same as line \(lineNumber - 1))"))
                } else if !previous.lexicographicallyPrecedes(line) {
                    diagnostics.append(Diagnostic(file: file, line: lineNumber,
                                                  message: "row out of order: it sorts before line \(lineNumber - 1)"))
                }
            }
            previous = line
            let parts = line.split(separator: tab, omittingEmptySubsequences: false)
            if parts.count != header.count {
                diagnostics.append(Diagnostic(
                    file: file, line: lineNumber,
                    message: "\(parts.count) columns, expected \(header.count) (\(header.joined(separator: ", ")))"))
                continue
            }
            var fields: [String] = []
            fields.reserveCapacity(parts.count)
            var bad = false
            for part in parts {
                let field = Substring(part)
                if !part.contains(UInt8(ascii: "\\")) {
                    fields.append(String(field))
                } else if let value = TSV.unescape(field) {
                    fields.append(value)
                } else {
                    bad = true
                }
            }
            if bad {
                diagnostics.append(Diagnostic(file: file, line: lineNumber, message: "bad backslash escape"))
                continue
            }
            rows.append(Row(line: lineNumber, fields: fields))
        }
        return (TSVTable(file: file, header: header, rows: rows), diagnostics)
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
