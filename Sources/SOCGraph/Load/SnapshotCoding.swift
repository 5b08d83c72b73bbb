/// Appends the values of a graph snapshot (`GraphSnapshot`) to a byte buffer, little-endian, keeping each distinct
/// string once in a string table that the values refer to by position.
struct SnapshotWriter {
    /// The values written so far, after the string table in the file.
    let body: ByteBuffer
    /// The UTF-8 of every distinct string written, in order of first use, one after another.
    let stringBytes = ByteBuffer(capacity: 1 << 16)
    /// Where each string of `stringBytes` ends.
    private(set) var stringEnds: [UInt32] = []
    /// The position of each string written, by its UTF-8 (the id index hashes bytes, far cheaper than `String`'s
    /// Unicode-aware hashing).
    private var stringPositions = IDIndex()
    /// The last string written and its position: consecutive values often repeat (an occupation's O*NET code on
    /// each of its related edges).
    private var lastString: (value: String, position: UInt32)?

    /// The string position that stands for nil.
    static let noString = UInt32.max
    /// The node position that stands for nil.
    static let noNode = UInt32.max

    init(capacity: Int, strings: Int = 0) {
        body = ByteBuffer(capacity: capacity)
        stringPositions = IDIndex(capacity: strings)
        stringEnds.reserveCapacity(strings)
    }

    @inline(__always)
    mutating func integer<T: FixedWidthInteger>(_ value: T) { body.append(value) }

    /// An `Int` of the model: zigzag LEB128, so that the small numbers of the graph take a byte or two.
    mutating func int(_ value: Int) {
        let signed = Int64(value)
        var bits = UInt64(bitPattern: signed << 1 ^ signed >> 63)
        while bits >= 0x80 {
            body.append(UInt8(truncatingIfNeeded: bits) | 0x80)
            bits >>= 7
        }
        body.append(UInt8(bits))
    }

    /// A count or a node, edge or string position: four bytes.
    mutating func position(_ value: Int) { integer(UInt32(truncatingIfNeeded: value)) }

    mutating func double(_ value: Double) { integer(value.bitPattern) }

    mutating func bool(_ value: Bool) { integer(UInt8(value ? 1 : 0)) }

    /// 0 false, 1 true, 2 nil.
    mutating func optionalBool(_ value: Bool?) { integer(UInt8(value.map { $0 ? 1 : 0 } ?? 2)) }

    /// A presence byte, then the value when present.
    mutating func optionalInt(_ value: Int?) {
        bool(value != nil)
        if let value { int(value) }
    }

    mutating func optionalDouble(_ value: Double?) {
        bool(value != nil)
        if let value { double(value) }
    }

    /// The position of `value` in the string table (added on first use).
    mutating func string(_ value: String) { integer(stringPosition(value)) }

    mutating func optionalString(_ value: String?) {
        integer(value.map { stringPosition($0) } ?? Self.noString)
    }

    /// A node position, or `noNode` for nil.
    mutating func optionalNode(_ value: NodeIndex?) { integer(value.map { UInt32($0) } ?? Self.noNode) }

    /// The position of `value` in `cases` (an enumeration's `allCases`), one byte.
    mutating func choice<T: Equatable>(_ value: T, in cases: [T]) {
        integer(UInt8(cases.firstIndex(of: value) ?? 0))
    }

    /// A count, then each element written by `write`.
    mutating func list<C: Collection>(_ elements: C, _ write: (C.Element, inout SnapshotWriter) -> Void) {
        position(elements.count)
        for element in elements { write(element, &self) }
    }

    /// A count, then the elements as they are.
    mutating func integers<T: FixedWidthInteger>(_ values: [T]) {
        position(values.count)
        #if _endian(little)
        values.withUnsafeBytes { body.append($0) }
        #else
        for value in values { integer(value) }
        #endif
    }

    /// The position of `value` in the string table, added on first use.
    mutating func stringPosition(_ value: String) -> UInt32 {
        if let last = lastString, last.value == value { return last.position }
        let next = stringEnds.count
        if let known = stringPositions.insert(value, next) {
            lastString = (value, UInt32(known))
            return UInt32(known)
        }
        var value = value
        value.withUTF8 { stringBytes.append(UnsafeRawBufferPointer($0)) }
        stringEnds.append(UInt32(stringBytes.count))
        lastString = (value, UInt32(next))
        return UInt32(next)
    }
}

/// A growable run of bytes written in place, for `SnapshotWriter`: appending a value is a capacity check and a
/// store, where appending to a `[UInt8]` goes through a collection copy per value.
final class ByteBuffer {
    private(set) var base: UnsafeMutableRawPointer
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 64)
        base = UnsafeMutableRawPointer.allocate(byteCount: self.capacity, alignment: 8)
    }

    deinit { base.deallocate() }

    var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: count) }

    @inline(__always)
    func append<T: FixedWidthInteger>(_ value: T) {
        let size = MemoryLayout<T>.size
        if count + size > capacity { grow(to: count + size) }
        base.storeBytes(of: value.littleEndian, toByteOffset: count, as: T.self)
        count += size
    }

    func append(_ bytes: UnsafeRawBufferPointer) {
        guard let source = bytes.baseAddress, bytes.count > 0 else { return }
        if count + bytes.count > capacity { grow(to: count + bytes.count) }
        (base + count).copyMemory(from: source, byteCount: bytes.count)
        count += bytes.count
    }

    private func grow(to needed: Int) {
        var size = capacity * 2
        while size < needed { size *= 2 }
        let larger = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 8)
        larger.copyMemory(from: base, byteCount: count)
        base.deallocate()
        base = larger
        capacity = size
    }
}

/// Reads the values of a graph snapshot from bytes it does not own, checking every read against the end: a count
/// or position that runs past the bytes or points outside its table throws `GraphSnapshot.Damage`, never traps.
struct SnapshotReader {
    private let base: UnsafeRawPointer
    private let end: Int
    private(set) var offset: Int
    /// The string table (`readStrings()`), lent by the caller for the life of the reads that use it: strings are
    /// copied out of it without retaining the table itself.
    var strings = UnsafeBufferPointer<String>(start: nil, count: 0)
    /// The number of nodes, once known: every node position read is checked against it.
    var nodeCount = 0

    init(_ bytes: UnsafeRawBufferPointer, from offset: Int) {
        // An empty buffer may have no address; nothing can be read from it, so any address will do.
        base = bytes.baseAddress ?? UnsafeRawPointer(bitPattern: 8)!
        end = bytes.count
        self.offset = min(offset, bytes.count)
    }

    var isAtEnd: Bool { offset == end }

    /// The offset of the next `size` bytes, which the read consumes.
    @inline(__always)
    private mutating func advance(_ size: Int) throws(GraphSnapshot.Damage) -> Int {
        guard size >= 0, size <= end &- offset else { throw .truncated }
        defer { offset &+= size }
        return offset
    }

    @inline(__always)
    mutating func integer<T: FixedWidthInteger>(_ type: T.Type) throws(GraphSnapshot.Damage) -> T {
        let at = try advance(MemoryLayout<T>.size)
        return T(littleEndian: base.loadUnaligned(fromByteOffset: at, as: T.self))
    }

    /// An `Int` written by `SnapshotWriter.int(_:)`.
    @inline(__always)
    mutating func int() throws(GraphSnapshot.Damage) -> Int {
        var bits: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard offset < end else { throw .truncated }
            let byte = base.load(fromByteOffset: offset, as: UInt8.self)
            offset &+= 1
            guard shift < 64 else { throw .inconsistent("an integer of more than 64 bits") }
            bits |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { break }
            shift += 7
        }
        return Int(truncatingIfNeeded: Int64(bitPattern: bits >> 1 ^ (0 &- (bits & 1))))
    }

    mutating func double() throws(GraphSnapshot.Damage) -> Double {
        Double(bitPattern: try integer(UInt64.self))
    }

    mutating func bool() throws(GraphSnapshot.Damage) -> Bool {
        switch try integer(UInt8.self) {
        case 0: return false
        case 1: return true
        default: throw .inconsistent("a flag that is neither 0 nor 1")
        }
    }

    mutating func optionalBool() throws(GraphSnapshot.Damage) -> Bool? {
        switch try integer(UInt8.self) {
        case 0: return false
        case 1: return true
        case 2: return nil
        default: throw .inconsistent("an optional flag that is not 0, 1 or 2")
        }
    }

    mutating func optionalInt() throws(GraphSnapshot.Damage) -> Int? {
        try bool() ? try int() : nil
    }

    mutating func optionalDouble() throws(GraphSnapshot.Damage) -> Double? {
        try bool() ? try double() : nil
    }

    /// A count of elements that take at least `elementSize` bytes each: no more than the bytes left can hold, so
    /// that a damaged count cannot ask for a huge allocation.
    mutating func count(elementSize: Int = 1) throws(GraphSnapshot.Damage) -> Int {
        let count = Int(try integer(UInt32.self))
        guard count <= (end &- offset) / max(elementSize, 1) else { throw .truncated }
        return count
    }

    /// A node position, checked against `nodeCount`.
    @inline(__always)
    mutating func node() throws(GraphSnapshot.Damage) -> NodeIndex {
        try node(Int(try integer(UInt32.self)))
    }

    /// `position` as a node, checked against `nodeCount`.
    @inline(__always)
    func node(_ position: Int) throws(GraphSnapshot.Damage) -> NodeIndex {
        guard position < nodeCount else { throw .inconsistent("node \(position) of \(nodeCount)") }
        return position
    }

    mutating func optionalNode() throws(GraphSnapshot.Damage) -> NodeIndex? {
        let position = try integer(UInt32.self)
        return position == SnapshotWriter.noNode ? nil : try node(Int(position))
    }

    /// The string at a position read from the bytes.
    @inline(__always)
    mutating func string() throws(GraphSnapshot.Damage) -> String {
        try string(at: try integer(UInt32.self))
    }

    @inline(__always)
    func string(at position: UInt32) throws(GraphSnapshot.Damage) -> String {
        guard Int(position) < strings.count else { throw .inconsistent("string \(position) of \(strings.count)") }
        return strings[Int(position)]
    }

    mutating func optionalString() throws(GraphSnapshot.Damage) -> String? {
        let position = try integer(UInt32.self)
        return position == SnapshotWriter.noString ? nil : try string(at: position)
    }

    /// An enumeration case by its position in `cases` (one byte).
    @inline(__always)
    mutating func choice<T>(in cases: [T]) throws(GraphSnapshot.Damage) -> T {
        let position = Int(try integer(UInt8.self))
        guard position < cases.count else { throw .inconsistent("\(T.self) case \(position)") }
        return cases[position]
    }

    /// The next `size` bytes, which the read consumes.
    mutating func bytes(_ size: Int) throws(GraphSnapshot.Damage) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: base + (try advance(size)), count: size)
    }

    /// `count` integers as stored, copied in one go.
    mutating func integers<T: FixedWidthInteger>(_ count: Int, as type: T.Type) throws(GraphSnapshot.Damage) -> [T] {
        let size = MemoryLayout<T>.size
        guard count >= 0, count <= (end &- offset) / size else { throw .truncated }
        let start = base + (try advance(count * size))
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            if count > 0, let destination = buffer.baseAddress {
                #if _endian(little)
                UnsafeMutableRawPointer(destination).copyMemory(from: start, byteCount: count * size)
                #else
                for i in 0..<count {
                    destination[i] = T(littleEndian: start.loadUnaligned(fromByteOffset: i * size, as: T.self))
                }
                #endif
            }
            initialized = count
        }
    }

    /// A count, then that many integers (`SnapshotWriter.integers(_:)`).
    mutating func integers<T: FixedWidthInteger>(as type: T.Type) throws(GraphSnapshot.Damage) -> [T] {
        try integers(try count(elementSize: MemoryLayout<T>.size), as: type)
    }

    /// Reads the string table (`SnapshotWriter.strings`): a count, the end of each string, the byte count and the
    /// bytes. Each string is made once here; reads lent the table (`strings`) copy it.
    mutating func readStrings() throws(GraphSnapshot.Damage) -> [String] {
        let ends = try integers(as: UInt32.self)
        let byteCount = Int(try integer(UInt32.self))
        let start = base + (try advance(byteCount))
        var table: [String] = []
        table.reserveCapacity(ends.count)
        var from = 0
        for end in ends {
            let to = Int(end)
            guard to >= from, to <= byteCount else { throw .inconsistent("string table offsets") }
            table.append(String(decoding: UnsafeRawBufferPointer(start: start + from, count: to - from), as: UTF8.self))
            from = to
        }
        return table
    }
}
