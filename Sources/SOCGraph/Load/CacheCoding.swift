import Foundation

/// Writes one part of the cache file (`GraphCache`): whole numbers as LEB128 varints (zigzag for signed), a
/// `Double` as its 8-byte bit pattern, a `Bool` or an optional's presence as one byte, and every string as its
/// position in the part's string table, so that a repeated string (an O*NET code, a technology name) is stored
/// and decoded once. A column (`int32s`, `doubles`, `uint8s`: a long list of numbers) is its count, then each
/// number in a fixed width, little-endian. `finish()` puts the table first: its count, then each string's byte
/// length and UTF-8.
struct CacheWriter {
    private var body: [UInt8] = []
    private var strings: [String] = []
    /// Keyed by bytes: `String` equality would merge canonically equivalent spellings that the graph keeps apart.
    private var positions: [[UInt8]: Int] = [:]

    mutating func int(_ value: Int) { unsigned(UInt64(bitPattern: Int64(value) << 1 ^ Int64(value) >> 63)) }

    mutating func unsigned(_ value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            body.append(UInt8(rest & 0x7F) | 0x80)
            rest >>= 7
        }
        body.append(UInt8(rest))
    }

    mutating func double(_ value: Double) { littleEndian(value.bitPattern, bytes: 8) }

    /// The low `count` bytes of `value`, least significant first.
    private mutating func littleEndian(_ value: UInt64, bytes count: Int) {
        var bits = value
        for _ in 0..<count {
            body.append(UInt8(bits & 0xFF))
            bits >>= 8
        }
    }

    mutating func bool(_ value: Bool) { body.append(value ? 1 : 0) }

    mutating func string(_ value: String) {
        let key = Array(value.utf8)
        if let position = positions[key] { return int(position) }
        positions[key] = strings.count
        int(strings.count)
        strings.append(value)
    }

    /// A case of an enumeration, as its position in `allCases`.
    mutating func choice<T: CaseIterable & Equatable>(_ value: T) where T.AllCases == [T] {
        int(T.allCases.firstIndex(of: value) ?? 0)
    }

    mutating func optional<T>(_ value: T?, _ write: (inout CacheWriter, T) -> Void) {
        bool(value != nil)
        if let value { write(&self, value) }
    }

    mutating func array<T>(_ values: some Collection<T>, _ write: (inout CacheWriter, T) -> Void) {
        int(values.count)
        for value in values { write(&self, value) }
    }

    /// A column of whole numbers, as its count and then four bytes each, little-endian: read back as one block,
    /// where a varint each costs a call (the search index has several million).
    mutating func int32s(_ values: [Int32]) {
        int(values.count)
        body.reserveCapacity(body.count + 4 * values.count)
        for value in values { littleEndian(UInt64(UInt32(bitPattern: value)), bytes: 4) }
    }

    /// A column of `Double`s, as its count and then each one's 8-byte bit pattern.
    mutating func doubles(_ values: [Double]) {
        int(values.count)
        for value in values { double(value) }
    }

    /// A column of bytes, as its count and then the bytes.
    mutating func uint8s(_ values: [UInt8]) {
        int(values.count)
        body += values
    }

    /// The part: the string table, then what was written.
    func finish() -> [UInt8] {
        var table = CacheWriter()
        table.int(strings.count)
        for string in strings {
            table.int(string.utf8.count)
            table.body += string.utf8
        }
        return table.body + body
    }
}

/// Reads a part written by `CacheWriter`, checking as it goes: a value that runs past the end, a string position
/// outside the table or a case outside `allCases` throws `CacheReader.Damage`, never traps.
struct CacheReader {
    struct Damage: Error {}

    private let bytes: [UInt8]
    private var position: Int
    private let end: Int
    private var strings: [String] = []

    /// A reader of `bytes[range]`, which holds a part; reads its string table.
    init(_ bytes: [UInt8], _ range: Range<Int>) throws {
        self.bytes = bytes
        self.position = range.lowerBound
        end = range.upperBound
        let count = try count()
        strings.reserveCapacity(count)
        for _ in 0..<count {
            let length = try self.count()
            strings.append(String(decoding: bytes[position..<(position + length)], as: UTF8.self))
            position += length
        }
    }

    var isAtEnd: Bool { position == end }

    mutating func unsigned() throws -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard position < end, shift < 64 else { throw Damage() }
            let byte = bytes[position]
            position += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
    }

    mutating func int() throws -> Int {
        let raw = try unsigned()
        return Int(Int64(bitPattern: raw >> 1) ^ -Int64(bitPattern: raw & 1))
    }

    /// A count or length: no larger than the bytes left, as every counted item takes at least one byte.
    mutating func count() throws -> Int {
        let value = try int()
        guard value >= 0, value <= end - position else { throw Damage() }
        return value
    }

    /// A position below `limit` (a node index, say).
    mutating func index(below limit: Int) throws -> Int {
        let value = try int()
        guard value >= 0, value < limit else { throw Damage() }
        return value
    }

    mutating func double() throws -> Double {
        guard end - position >= 8 else { throw Damage() }
        var bits: UInt64 = 0
        for offset in (0..<8).reversed() { bits = bits << 8 | UInt64(bytes[position + offset]) }
        position += 8
        return Double(bitPattern: bits)
    }

    mutating func bool() throws -> Bool {
        switch try unsigned() {
        case 0: return false
        case 1: return true
        default: throw Damage()
        }
    }

    mutating func string() throws -> String { strings[try index(below: strings.count)] }

    /// A column written by `CacheWriter.int32s`.
    mutating func int32s() throws -> [Int32] { try column(of: Int32.self) }

    /// A column written by `CacheWriter.doubles`.
    mutating func doubles() throws -> [Double] { try column(of: UInt64.self).map(Double.init(bitPattern:)) }

    /// A column of little-endian integers, copied as one block: a search reads several million numbers at
    /// start-up, and decoding them one by one took 122 of a description search's 405 million instructions.
    private mutating func column<T: FixedWidthInteger>(of type: T.Type) throws -> [T] {
        let width = MemoryLayout<T>.size
        let count = try count()
        guard count <= (end - position) / width else { throw Damage() }
        let block = position..<(position + width * count)
        position = block.upperBound
        var values = [T](repeating: 0, count: count)
        values.withUnsafeMutableBytes { target in bytes[block].withUnsafeBytes { target.copyMemory(from: $0) } }
        if T(littleEndian: 1) != 1 {
            for i in values.indices { values[i] = T(littleEndian: values[i]) }
        }
        return values
    }

    /// A column written by `CacheWriter.uint8s`.
    mutating func uint8s() throws -> [UInt8] {
        let count = try count()
        defer { position += count }
        return Array(bytes[position..<(position + count)])
    }

    mutating func choice<T: CaseIterable>() throws -> T where T.AllCases == [T] {
        let cases = T.allCases
        return cases[try index(below: cases.count)]
    }

    mutating func optional<T>(_ read: (inout CacheReader) throws -> T) throws -> T? {
        try bool() ? try read(&self) : nil
    }

    mutating func array<T>(_ read: (inout CacheReader) throws -> T) throws -> [T] {
        let count = try count()
        var values: [T] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try read(&self)) }
        return values
    }
}
