import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The bytes of a search index in the cache-file format (`SearchIndexFile`), owned for the life of the index: a
/// cache file read into memory, or the encoding of an index just built. Immutable once made.
final class SearchIndexStorage: @unchecked Sendable {
    let base: UnsafeRawPointer
    let count: Int
    private let buffer: UnsafeMutableRawBufferPointer
    private let mapped: Bool

    /// Storage of `count` bytes filled by `fill`, which returns how many it wrote; nil when it could not fill
    /// them all.
    init?(count: Int, fill: (UnsafeMutableRawBufferPointer) -> Int) {
        let size = max(count, 1)
        #if os(Linux)
        // Pages mapped in one call rather than faulted in one by one as a file is read into them: a few
        // megabytes of page faults would cost more than reading and checking the file.
        let pages = mmap(nil, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0)
        if let pages, pages != MAP_FAILED {
            buffer = UnsafeMutableRawBufferPointer(start: pages, count: size)
            mapped = true
        } else {
            buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: size, alignment: 8)
            mapped = false
        }
        #else
        buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: size, alignment: 8)
        mapped = false
        #endif
        base = UnsafeRawPointer(buffer.baseAddress!)
        self.count = count
        guard fill(UnsafeMutableRawBufferPointer(rebasing: buffer[0..<count])) == count else { return nil }
    }

    convenience init(copying bytes: some Collection<UInt8>) {
        self.init(count: bytes.count) { buffer in
            buffer.copyBytes(from: bytes)
            return bytes.count
        }!
    }

    deinit {
        #if os(Linux)
        if mapped {
            munmap(buffer.baseAddress, buffer.count)
            return
        }
        #endif
        buffer.deallocate()
    }

    var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: count) }
}

/// A read-only array of little-endian integers inside a `SearchIndexStorage` (which its owner keeps alive).
/// Positions are checked; values are whatever the bytes say, so the file's consistency is checked on reading.
struct Column<Element: FixedWidthInteger>: RandomAccessCollection, @unchecked Sendable {
    let base: UnsafeRawPointer
    let count: Int

    var startIndex: Int { 0 }
    var endIndex: Int { count }

    @inline(__always)
    subscript(position: Int) -> Element {
        precondition(position >= 0 && position < count, "column position out of range")
        return Element(littleEndian: base.loadUnaligned(
            fromByteOffset: position &* MemoryLayout<Element>.size, as: Element.self))
    }

    /// The elements in `range`, as a column of their own.
    subscript(range: Range<Int>) -> Column {
        precondition(range.lowerBound >= 0 && range.upperBound <= count, "column range out of range")
        return Column(base: base + range.lowerBound * MemoryLayout<Element>.size, count: range.count)
    }

    /// Reads the elements in order without checking each position (the range is checked once, on creation).
    struct Iterator: IteratorProtocol {
        let base: UnsafeRawPointer
        let end: Int
        var offset = 0

        mutating func next() -> Element? {
            guard offset < end else { return nil }
            defer { offset &+= MemoryLayout<Element>.size }
            return Element(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: Element.self))
        }
    }

    func makeIterator() -> Iterator { Iterator(base: base, end: byteCount) }

    var byteCount: Int { count * MemoryLayout<Element>.size }
    var rawBytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: byteCount) }
}

/// A list of strings inside a `SearchIndexStorage`: their UTF-8 bytes one after another, and where each ends.
struct StringColumn: Sendable {
    let bytes: Column<UInt8>
    /// `ends[i]` is where string `i` ends (it starts where string `i − 1` ends, or at 0). Non-decreasing, the last
    /// at most `bytes.count`: checked when the index is read.
    let ends: Column<Int32>

    var count: Int { ends.count }

    func range(_ i: Int) -> Range<Int> {
        (i == 0 ? 0 : Int(ends[i - 1]))..<Int(ends[i])
    }

    subscript(i: Int) -> String {
        String(decoding: bytes[range(i)].rawBytes, as: UTF8.self)
    }

    /// Whether every end is within the bytes and none goes backwards. O(n).
    var isConsistent: Bool {
        var previous: Int32 = 0
        var ok = true
        for end in ends {
            ok = ok && end >= previous
            previous = end
        }
        return ok && Int(previous) <= bytes.count
    }

    /// The position of `string` in a list sorted by `String`'s order, or nil. O(log n) decodes.
    func sortedIndex(of string: String) -> Int? {
        var low = 0
        var high = count
        while low < high {
            let middle = (low + high) / 2
            let candidate = self[middle]
            if candidate == string { return middle }
            if candidate < string { low = middle + 1 } else { high = middle }
        }
        return nil
    }
}
