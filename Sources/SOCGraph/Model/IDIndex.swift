/// A hash index from node ids to node positions, queried with a `String` or with the UTF-8 bytes of an id (as the
/// loader reads them from a TSV field, without making a `String`). Open addressing with linear probing; the table
/// is kept at most half full. O(length of the id) per look-up.
struct IDIndex: Sendable {
    /// The ids' bytes, one after another; entry `e` is `keyBytes[keyBounds[e].start ..< keyBounds[e].end]`.
    private(set) var keyBytes: [UInt8] = []
    private(set) var keyBounds: [(start: Int32, end: Int32)] = []
    private(set) var values: [Int32] = []
    /// Entry number + 1 per slot; 0 is an empty slot.
    private(set) var slots: [Int32]
    private var mask: Int

    init(capacity: Int = 8) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [Int32](repeating: 0, count: size)
        mask = size - 1
        keyBounds.reserveCapacity(capacity)
        values.reserveCapacity(capacity)
        keyBytes.reserveCapacity(capacity * 10)
    }

    /// An index from the parts of another (`GraphSnapshot`), or nil when they could make a look-up trap or never
    /// end: a table whose size is not a power of two or is more than half full, a slot naming no entry, an id
    /// outside the bytes, or a value outside `0 ..< valueLimit`. O(entries + slots).
    init?(keyBytes: [UInt8], keyBounds: [(start: Int32, end: Int32)], values: [Int32], slots: [Int32],
          valueLimit: Int) {
        let entries = values.count
        guard slots.count >= 16, slots.count & (slots.count - 1) == 0, keyBounds.count == entries,
              entries * 2 <= slots.count else { return nil }
        var bad = false
        for (start, end) in keyBounds { bad = bad || start < 0 || start > end || Int(end) > keyBytes.count }
        for value in values { bad = bad || value < 0 || Int(value) >= valueLimit }
        for slot in slots { bad = bad || slot < 0 || Int(slot) > entries }
        guard !bad else { return nil }
        self.keyBytes = keyBytes
        self.keyBounds = keyBounds
        self.values = values
        self.slots = slots
        self.mask = slots.count - 1
    }

    var count: Int { values.count }

    /// The value of `id`, or nil.
    subscript(_ id: String) -> Int? {
        var id = id
        return id.withUTF8 { find($0) }
    }

    /// The value of the id spelled by `bytes`, or nil.
    func find(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        keyBytes.withUnsafeBufferPointer { keys in
            var slot = Self.hash(bytes) & mask
            while true {
                let entry = Int(slots[slot])
                if entry == 0 { return nil }
                let (start, end) = keyBounds[entry - 1]
                if Int(end - start) == bytes.count,
                   bytes.isEmpty || Self.equal(keys.baseAddress! + Int(start), bytes.baseAddress!, bytes.count) {
                    return Int(values[entry - 1])
                }
                slot = (slot + 1) & mask
            }
        }
    }

    /// Adds `id` with `value`; if `id` is already present, leaves it and returns its value.
    @discardableResult
    mutating func insert(_ id: String, _ value: Int) -> Int? {
        var id = id
        return id.withUTF8 { insert(bytes: $0, value) }
    }

    /// Adds the id spelled by `bytes` with `value`; if it is already present, leaves it and returns its value.
    @discardableResult
    mutating func insert(bytes: UnsafeBufferPointer<UInt8>, _ value: Int) -> Int? {
        if let existing = find(bytes) { return existing }
        if (values.count + 1) * 2 > slots.count { grow() }
        let start = Int32(keyBytes.count)
        keyBytes.append(contentsOf: bytes)
        keyBounds.append((start, Int32(keyBytes.count)))
        values.append(Int32(value))
        place(entry: values.count - 1, hash: Self.hash(bytes))
        return nil
    }

    private mutating func place(entry: Int, hash: Int) {
        var slot = hash & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(entry + 1)
    }

    private mutating func grow() {
        slots = [Int32](repeating: 0, count: slots.count * 2)
        mask = slots.count - 1
        let hashes = keyBytes.withUnsafeBufferPointer { keys in
            keyBounds.map { Self.hash(UnsafeBufferPointer(rebasing: keys[Int($0.start)..<Int($0.end)])) }
        }
        for (entry, hash) in hashes.enumerated() { place(entry: entry, hash: hash) }
    }

    /// A hash of the bytes, read eight at a time (short ids in two overlapping reads), finished with the
    /// MurmurHash3 64-bit finalizer so that every input bit reaches the low bits used to pick a slot.
    @inline(__always)
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var hash: UInt64 = 0x243F_6A88_85A3_08D3 &+ UInt64(bytes.count)
        @inline(__always) func mix(_ word: UInt64) {
            hash = (hash ^ word) &* 0x9E37_79B9_7F4A_7C15
            hash = hash << 31 | hash >> 33
        }
        if let base = bytes.baseAddress.map(UnsafeRawPointer.init) {
            let count = bytes.count
            if count >= 8 {
                var index = 0
                while index + 8 < count {
                    mix(base.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                    index += 8
                }
                mix(base.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self))
            } else if count >= 4 {
                mix(UInt64(base.loadUnaligned(as: UInt32.self))
                    | UInt64(base.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)) << 32)
            } else if count > 0 {
                mix(UInt64(bytes[0]) | UInt64(bytes[count >> 1]) << 8 | UInt64(bytes[count - 1]) << 16)
            }
        }
        hash ^= hash >> 33
        hash = hash &* 0xFF51_AFD7_ED55_8CCD
        hash ^= hash >> 33
        hash = hash &* 0xC4CE_B9FE_1A85_EC53
        hash ^= hash >> 33
        return Int(truncatingIfNeeded: hash)
    }

    /// True when the `count` bytes at `a` and `b` are equal.
    @inline(__always)
    static func equal(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ count: Int) -> Bool {
        let x = UnsafeRawPointer(a), y = UnsafeRawPointer(b)
        if count >= 8 {
            var index = 0
            while index + 8 < count {
                if x.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                    != y.loadUnaligned(fromByteOffset: index, as: UInt64.self) { return false }
                index += 8
            }
            return x.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
                == y.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
        }
        if count >= 4 {
            return x.loadUnaligned(as: UInt32.self) == y.loadUnaligned(as: UInt32.self)
                && x.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)
                == y.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)
        }
        var index = 0
        while index < count {
            if a[index] != b[index] { return false }
            index += 1
        }
        return true
    }
}

extension IDIndex: Equatable {
    /// Equal parts, hence equal look-ups.
    static func == (lhs: IDIndex, rhs: IDIndex) -> Bool {
        lhs.keyBytes == rhs.keyBytes && lhs.values == rhs.values && lhs.slots == rhs.slots
            && lhs.keyBounds.elementsEqual(rhs.keyBounds) { $0.start == $1.start && $0.end == $1.end }
    }
}
