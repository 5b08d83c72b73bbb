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
        var bytes = Array(field.utf8)
        let count = bytes.withUnsafeMutableBufferPointer { unescape(in: $0.baseAddress!, count: $0.count) }
        guard let count else { return nil }
        return String(decoding: bytes[..<count], as: UTF8.self)
    }

    /// Unescapes `count` bytes in place; returns the new length, or nil for a dangling or unknown escape.
    static func unescape(in bytes: UnsafeMutablePointer<UInt8>, count: Int) -> Int? {
        var read = 0, write = 0
        while read < count {
            var byte = bytes[read]
            if byte == 0x5C {
                read += 1
                guard read < count else { return nil }
                switch bytes[read] {
                case 0x5C: byte = 0x5C
                case UInt8(ascii: "t"): byte = 0x09
                case UInt8(ascii: "n"): byte = 0x0A
                case UInt8(ascii: "r"): byte = 0x0D
                default: return nil
                }
            }
            bytes[write] = byte
            read += 1
            write += 1
        }
        return write
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
///
/// The file's bytes are kept in one buffer (unescaped in place) with where every field starts; a field becomes a
/// `String` only when asked for, so that the loader can check codes and numbers on the bytes.
public struct TSVTable: Sendable {
    /// One data row with its 1-based line number in the file (the header is line 1).
    public struct Row: Sendable {
        public let line: Int
        let storage: TSVStorage
        /// Position in `storage.starts` of the row's first field.
        let first: Int

        public init(line: Int, fields: [String]) {
            self.line = line
            self.storage = TSVStorage(fields: fields)
            self.first = 0
        }

        init(line: Int, storage: TSVStorage, first: Int) {
            self.line = line
            self.storage = storage
            self.first = first
        }

        /// The fields as an array.
        public var fields: [String] { (0..<storage.width).map { self[$0] } }
        /// Field `index` (0-based), unescaped.
        public subscript(_ index: Int) -> String {
            withBytes(index) { String(decoding: $0, as: UTF8.self) }
        }
    }

    /// The rows of a table, in file order.
    public struct Rows: RandomAccessCollection, Sendable {
        let storage: TSVStorage
        let lines: [Int32]
        public var startIndex: Int { 0 }
        public var endIndex: Int { lines.count }
        public subscript(position: Int) -> Row {
            Row(line: Int(lines[position]), storage: storage, first: position * (storage.width + 1))
        }
    }

    public let file: String
    public let header: [String]
    public let rows: Rows

    init(file: String, header: [String], storage: TSVStorage, lines: [Int32]) {
        self.file = file
        self.header = header
        self.rows = Rows(storage: storage, lines: lines)
    }

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
        let url = directory.appendingPathComponent(name)
        guard var parser = TSVParser(contentsOfFile: url.path, file: name, header: header) else {
            return (nil, [Diagnostic(
                file: name, line: 0,
                message: "missing or unreadable (re-create it with 'socgraph import --from DIR' or 'make graph')")])
        }
        return parser.parse()
    }

    /// Parses TSV bytes, collecting every problem: bad UTF-8, wrong header, missing final newline, wrong column
    /// count, bad escape, and rows out of bytewise order or repeated. Rows with a wrong column count or a bad
    /// escape are left out of the table; rows out of order are kept. O(bytes), working on the raw bytes.
    public static func parseCollecting(_ data: Data, file: String,
                                       expecting header: [String]) -> (TSVTable?, [Diagnostic]) {
        var parser = TSVParser(data: data, file: file, header: header)
        return parser.parse()
    }
}

/// The bytes of a parsed table and where its fields start, shared by its rows. Immutable once built.
final class TSVStorage: @unchecked Sendable {
    /// The file's bytes, fields unescaped in place.
    let bytes: UnsafeMutablePointer<UInt8>
    let byteCount: Int
    /// True when `bytes` is a private memory mapping of the file (unmapped on release), else allocated.
    let isMapped: Bool
    /// Fields per row.
    let width: Int
    /// `width + 1` offsets per row: where each field starts, then one past the end of the row. Field `i` of the
    /// row whose offsets start at `r` is `bytes[starts[r + i] ..< starts[r + i + 1] - 1]` (a separator follows
    /// every field; the fields of a row with escapes are unescaped and packed again). Four bytes per field;
    /// allocated by the reader and freed with the storage.
    let starts: UnsafeMutablePointer<Int32>

    init(bytes: UnsafeMutablePointer<UInt8>, byteCount: Int, isMapped: Bool = false, width: Int,
         starts: UnsafeMutablePointer<Int32>) {
        self.bytes = bytes
        self.byteCount = byteCount
        self.isMapped = isMapped
        self.width = width
        self.starts = starts
    }

    /// Storage holding one row of `fields`.
    convenience init(fields: [String]) {
        let total = fields.reduce(0) { $0 + $1.utf8.count + 1 }
        let bytes = UnsafeMutablePointer<UInt8>.allocate(capacity: max(total, 1))
        let starts = UnsafeMutablePointer<Int32>.allocate(capacity: fields.count + 1)
        var position = 0
        for (index, field) in fields.enumerated() {
            starts[index] = Int32(position)
            for byte in field.utf8 {
                bytes[position] = byte
                position += 1
            }
            bytes[position] = 0x09
            position += 1
        }
        starts[fields.count] = Int32(position)
        self.init(bytes: bytes, byteCount: total, width: fields.count, starts: starts)
    }

    deinit {
        TSVParser.release(bytes, count: byteCount, isMapped: isMapped)
        starts.deallocate()
    }
}
