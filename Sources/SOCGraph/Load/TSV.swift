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
        guard let text = String(data: data, encoding: .utf8) else {
            throw SOCGraphError.damagedGraph([Diagnostic(
                file: file, line: TSVTable.firstInvalidUTF8Line(data), message: "not valid UTF-8 text")])
        }
        var diagnostics: [Diagnostic] = []
        var rows: [Row] = []
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" { lines.removeLast() } else if !text.isEmpty {
            diagnostics.append(Diagnostic(file: file, line: lines.count,
                                          message: "file does not end with a newline (truncated?)"))
        }
        guard let first = lines.first else {
            throw SOCGraphError.damagedGraph([Diagnostic(file: file, line: 0, message: "empty file: header row missing")])
        }
        let found = first.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        if found != header {
            throw SOCGraphError.damagedGraph([Diagnostic(
                file: file, line: 1,
                message: "header is '\(found.joined(separator: " | "))', expected '\(header.joined(separator: " | "))'")])
        }
        rows.reserveCapacity(lines.count)
        for (offset, line) in lines.enumerated().dropFirst() {
            let lineNumber = offset + 1
            let parts = line.split(separator: "\t", omittingEmptySubsequences: false)
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
                if let value = TSV.unescape(part) { fields.append(value) } else { bad = true }
            }
            if bad {
                diagnostics.append(Diagnostic(file: file, line: lineNumber, message: "bad backslash escape"))
                continue
            }
            rows.append(Row(line: lineNumber, fields: fields))
        }
        if !diagnostics.isEmpty { throw SOCGraphError.damagedGraph(diagnostics) }
        return TSVTable(file: file, header: header, rows: rows)
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
