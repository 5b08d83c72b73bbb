import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The byte-level reader behind `TSVTable.parseCollecting`: one pass over the file, eight bytes at a time,
/// stopping only at tabs, newlines, backslashes and non-ASCII bytes. Fields are recorded by their offsets and
/// unescaped in place; no `String` is made except for the header and for messages.
struct TSVParser {
    private let file: String
    private let header: [String]
    /// The file's bytes; handed to the table's storage on success.
    private let bytes: UnsafeMutablePointer<UInt8>
    private let count: Int
    /// True when `bytes` maps the file (see `init(contentsOfFile:file:header:)`).
    private var isMapped = false
    private var diagnostics: [Diagnostic] = []
    /// Field starts and row ends, as in `TSVStorage.starts`: `startCount` of `startCapacity` used.
    private var starts: UnsafeMutablePointer<Int32>
    private var startCount = 0
    private var startCapacity = 64
    private var lines: [Int32] = []

    // The line being read.
    private var lineNumber = 0
    private var lineStart = 0
    private var fieldStart = 0
    private var rowFirst = 0
    private var hasEscape = false
    private var nonASCII = false
    /// The previous data line as read (before unescaping): in place, or copied when it was unescaped.
    private var previous: (start: Int, count: Int)?
    private var previousCopy: [UInt8] = []

    init(data: Data, file: String, header: [String]) {
        self.file = file
        self.header = header
        count = data.count
        bytes = .allocate(capacity: max(count, 1))
        data.copyBytes(to: bytes, count: count)
        starts = .allocate(capacity: startCapacity)
    }

    /// A parser of the file at `path`; nil if the file cannot be read.
    ///
    /// A regular file is mapped privately rather than read: the kernel then maps the cached pages sixteen at a
    /// time instead of faulting in a copy page by page, and a page is copied only if a row on it is unescaped.
    /// The importer replaces Graph/ files by renaming, so a mapped file is never truncated under the reader.
    init?(contentsOfFile path: String, file: String, header: [String]) {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
        self.file = file
        self.header = header
        let size = Int(status.st_size)
        if size > 0, let mapped = mmap(nil, size, PROT_READ | PROT_WRITE, MAP_PRIVATE, descriptor, 0),
           mapped != UnsafeMutableRawPointer(bitPattern: -1) {
            self.count = size
            self.bytes = mapped.assumingMemoryBound(to: UInt8.self)
            self.isMapped = true
            self.starts = .allocate(capacity: startCapacity)
            return
        }
        // Not mappable: read to the end (one byte spare to see it), growing the buffer if the file grew.
        var capacity = max(size, 0) + 1
        var buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        var count = 0
        while true {
            if count == capacity {
                let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2 + 4096)
                larger.moveInitialize(from: buffer, count: count)
                buffer.deallocate()
                buffer = larger
                capacity = capacity * 2 + 4096
            }
            let read = read(descriptor, buffer + count, capacity - count)
            if read == 0 { break }
            if read < 0 {
                if errno == EINTR { continue }
                buffer.deallocate()
                return nil
            }
            count += read
        }
        self.count = count
        self.bytes = buffer
        self.starts = .allocate(capacity: startCapacity)
    }

    /// Frees the bytes of a parser or of a table's storage.
    static func release(_ bytes: UnsafeMutablePointer<UInt8>, count: Int, isMapped: Bool) {
        if isMapped { munmap(bytes, count) } else { bytes.deallocate() }
    }

    mutating func parse() -> (TSVTable?, [Diagnostic]) {
        guard count > 0 else { return fail(Diagnostic(file: file, line: 0, message: "empty file: header row missing")) }
        guard count < Int(Int32.max) else {
            return fail(Diagnostic(file: file, line: 0, message: "file too large (over 2 GB)"))
        }
        reserveStarts(count / 5 + 64)
        lines.reserveCapacity(count / 32)
        var position = 0
        while position < count {
            // The last word may run past the end of the file: read what is left into a zeroed word.
            var word: UInt64 = 0
            if position + 8 <= count {
                word = UnsafeRawPointer(bytes + position).loadUnaligned(as: UInt64.self)
            } else {
                withUnsafeMutableBytes(of: &word) {
                    $0.copyMemory(from: UnsafeRawBufferPointer(start: bytes + position, count: count - position))
                }
            }
            var special = Self.specialBytes(word)
            while special != 0 {
                let at = position + special.trailingZeroBitCount >> 3
                special &= special &- 1
                switch bytes[at] {
                case 0x09:
                    if startCount == startCapacity { reserveStarts(2 * startCapacity) }
                    starts[startCount] = Int32(fieldStart)
                    startCount += 1
                    fieldStart = at + 1
                case 0x0A:
                    if let failure = endLine(at: at) { return failure }
                case 0x5C: hasEscape = true
                case 0x80...: nonASCII = true
                default: break  // 0x08 or 0x0B, found with tabs and newlines
                }
            }
            position += 8
        }
        if lineStart < count {
            diagnostics.append(Diagnostic(file: file, line: lineNumber + 1,
                                          message: "file does not end with a newline (truncated?)"))
            if let failure = endLine(at: count) { return failure }
        }
        let storage = TSVStorage(bytes: bytes, byteCount: count, isMapped: isMapped, width: header.count, starts: starts)
        return (TSVTable(file: file, header: header, storage: storage, lines: lines), diagnostics.sorted())
    }

    /// Finishes the line ending at `lineEnd` (its newline, or the end of the file): checks it and keeps its row.
    /// Returns the result to give up with when the whole file is unusable.
    private mutating func endLine(at lineEnd: Int) -> (TSVTable?, [Diagnostic])? {
        lineNumber += 1
        if startCount + 2 > startCapacity { reserveStarts(2 * startCapacity) }
        starts[startCount] = Int32(fieldStart)
        starts[startCount + 1] = Int32(lineEnd + 1)
        startCount += 2
        let start = lineStart, escaped = hasEscape, first = rowFirst
        defer {
            lineStart = lineEnd + 1
            fieldStart = lineStart
            rowFirst = startCount
            hasEscape = false
            nonASCII = false
        }
        if nonASCII, !Self.isValidUTF8(bytes + start, lineEnd - start) {
            return fail(Diagnostic(file: file, line: lineNumber, message: "not valid UTF-8 text"))
        }
        if lineNumber == 1 {
            let found = (0..<startCount - 1).map { string(starts[$0], starts[$0 + 1] - 1) }
            startCount = 0
            if found != header {
                // A file that is not UTF-8 reports that first, as the whole file is unusable.
                if let bad = firstInvalidUTF8Line(after: lineEnd) {
                    return fail(Diagnostic(file: file, line: bad, message: "not valid UTF-8 text"))
                }
                return fail(Diagnostic(
                    file: file, line: 1,
                    message: "header is '\(found.joined(separator: " | "))', expected '\(header.joined(separator: " | "))'"))
            }
            return nil
        }
        let lineCount = lineEnd - start
        if let previous {
            let order = previousCopy.isEmpty
                ? Self.compare(bytes + previous.start, previous.count, bytes + start, lineCount)
                : previousCopy.withUnsafeBufferPointer {
                    Self.compare($0.baseAddress!, $0.count, bytes + start, lineCount)
                }
            if order == 0 {
                diagnostics.append(Diagnostic(file: file, line: lineNumber,
                                              message: "duplicate row (same as line \(lineNumber - 1))"))
            } else if order > 0 {
                diagnostics.append(Diagnostic(file: file, line: lineNumber,
                                              message: "row out of order: it sorts before line \(lineNumber - 1)"))
            }
        }
        previous = (start, lineCount)
        if !previousCopy.isEmpty { previousCopy.removeAll(keepingCapacity: true) }
        let fields = startCount - first - 1
        if fields != header.count {
            startCount = first
            diagnostics.append(Diagnostic(
                file: file, line: lineNumber,
                message: "\(fields) columns, expected \(header.count) (\(header.joined(separator: ", ")))"))
            return nil
        }
        if escaped {
            previousCopy.append(contentsOf: UnsafeBufferPointer(start: bytes + start, count: lineCount))
            // Unescape each field and pack the row's fields again, one separator apart, from the row's start (an
            // unescaped field is never longer, so writing never overtakes reading).
            var write = start
            for field in first..<startCount - 1 {
                let fieldStart = Int(starts[field]), fieldEnd = Int(starts[field + 1]) - 1
                guard let length = TSV.unescape(in: bytes + fieldStart, count: fieldEnd - fieldStart) else {
                    startCount = first
                    diagnostics.append(Diagnostic(file: file, line: lineNumber, message: "bad backslash escape"))
                    return nil
                }
                for offset in 0..<length { bytes[write + offset] = bytes[fieldStart + offset] }
                starts[field] = Int32(write)
                write += length + 1
            }
            starts[startCount - 1] = Int32(write)
        }
        lines.append(Int32(lineNumber))
        return nil
    }

    /// Makes room for `capacity` entries in `starts`.
    private mutating func reserveStarts(_ capacity: Int) {
        guard capacity > startCapacity else { return }
        let larger = UnsafeMutablePointer<Int32>.allocate(capacity: capacity)
        larger.moveInitialize(from: starts, count: startCount)
        starts.deallocate()
        starts = larger
        startCapacity = capacity
    }

    private func fail(_ diagnostic: Diagnostic) -> (TSVTable?, [Diagnostic]) {
        starts.deallocate()
        Self.release(bytes, count: count, isMapped: isMapped)
        return (nil, [diagnostic])
    }

    private func string(_ start: Int32, _ end: Int32) -> String {
        String(decoding: UnsafeBufferPointer(start: bytes + Int(start), count: Int(end - start)), as: UTF8.self)
    }

    /// The line number of the first line after `position` (a newline or the end) that is not valid UTF-8.
    private func firstInvalidUTF8Line(after position: Int) -> Int? {
        var line = 2
        var start = position + 1
        while start < count {
            var end = start
            while end < count, bytes[end] != 0x0A { end += 1 }
            if !Self.isValidUTF8(bytes + start, end - start) { return line }
            line += 1
            start = end + 1
        }
        return nil
    }

    /// 0x80 in each byte of `word` that is 0x08–0x0B (tab and newline among them), a backslash or non-ASCII,
    /// and 0 elsewhere.
    @inline(__always)
    private static func specialBytes(_ word: UInt64) -> UInt64 {
        let lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        // Exact per byte (no carry between bytes): the high bit of a byte of the result is set iff the byte is 0.
        @inline(__always) func zeroBytes(_ x: UInt64) -> UInt64 { ~(((x & lows) &+ lows) | x | lows) }
        return zeroBytes((word & 0xFCFC_FCFC_FCFC_FCFC) ^ 0x0808_0808_0808_0808)
            | zeroBytes(word ^ 0x5C5C_5C5C_5C5C_5C5C) | (word & ~lows)
    }

    /// Bytewise comparison: negative, zero or positive.
    static func compare(_ a: UnsafePointer<UInt8>, _ aCount: Int, _ b: UnsafePointer<UInt8>, _ bCount: Int) -> Int {
        let common = min(aCount, bCount)
        var index = 0
        while index + 8 <= common {
            let x = UnsafeRawPointer(a + index).loadUnaligned(as: UInt64.self)
            let y = UnsafeRawPointer(b + index).loadUnaligned(as: UInt64.self)
            if x != y { return x.bigEndian < y.bigEndian ? -1 : 1 }
            index += 8
        }
        while index < common {
            if a[index] != b[index] { return a[index] < b[index] ? -1 : 1 }
            index += 1
        }
        return aCount == bCount ? 0 : (aCount < bCount ? -1 : 1)
    }

    static func isValidUTF8(_ start: UnsafePointer<UInt8>, _ count: Int) -> Bool {
        String(validating: UnsafeBufferPointer(start: start, count: count), as: UTF8.self) != nil
    }
}
