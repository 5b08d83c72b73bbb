import Foundation

/// A search index as kept in the cache (`SearchIndexStore`): the index, the graph sources it cites and the
/// fingerprint of the inputs it was built from, in a small binary format that the index uses as it lies in memory:
/// reading it back is one read and a check, with nothing to decode.
///
/// Layout, every integer little-endian:
///
///     magic            8 bytes, "SOCGSIDX"
///     version          UInt32 (`formatVersion`)
///     section count    UInt32
///     file length      UInt64
///     checksum         UInt64 of every other byte of the file (`checksum(of:)`)
///     section table    per section: offset UInt64 (from the start of the file), length UInt64
///     sections         in `Section` order, each starting at a multiple of 8
///
/// The sections are the fingerprint (UTF-8), the sources (a string table, seven fields per manifest row) and the
/// columns of `SearchIndex`: Int32 arrays, the entry flags (bytes), the posting frequencies (Float bit patterns)
/// and two string tables (bytes, then Int32 ends). Terms are sorted, so a term is found by binary search.
///
/// Decoding checks the header, the fingerprint, the checksum, and then every count and offset before any is
/// used: a damaged file throws `SearchIndexFile.Damage`; it never crashes. O(file size).
public struct SearchIndexFile: Sendable {
    /// What the inputs were when the index was built (see `SearchIndexStore.fingerprint()`).
    public var fingerprint: String
    /// The rows of the graph's manifest.tsv, for the sources footer.
    public var sources: [DataSource]
    public var index: SearchIndex

    public init(fingerprint: String, sources: [DataSource], index: SearchIndex) {
        self.fingerprint = fingerprint
        self.sources = sources
        self.index = index
    }

    static let magic = Array("SOCGSIDX".utf8)
    /// Changes whenever the layout or the meaning of a column changes.
    public static let formatVersion: UInt32 = 1
    static let headerSize = 32
    static var dataStart: Int { headerSize + 16 * Section.allCases.count }
    /// Fields per source in the sources section.
    static let sourceFields = 7

    /// Why a file cannot be used; the store then rebuilds the index.
    public enum Damage: Error, Equatable, Sendable {
        case truncated
        case notAnIndex
        case otherVersion(UInt32)
        case wrongLength
        case otherFingerprint
        case checksumMismatch
        /// A section out of the file, of the wrong size, or with an offset or count out of range.
        case inconsistent(String)
    }

    enum Section: Int, CaseIterable {
        case fingerprint, sourceBytes, sourceEnds, stringBytes, stringEnds, termBytes, termEnds
        case documentCodes, documentTitles, documentEntryStarts, documentTitleEnds
        case entryFlags, entryTexts, entryTermStarts, entryTerms
        case postingStarts, postingDocuments, postingFrequencies
    }

    // MARK: Writing

    /// The file's bytes.
    public func encoded() -> Data {
        Data(Self.encode(fingerprint: fingerprint, sources: sources) { Array(index.rawBytes(of: $0)) })
    }

    /// A file of the given fingerprint and sources whose index sections hold `sections(part)`.
    static func encode(fingerprint: String, sources: [DataSource], sections: (Section) -> [UInt8]) -> [UInt8] {
        var sourceTable = StringTable()
        for source in sources {
            for field in [source.source, source.publisher, source.title, source.vintage, source.url, source.file,
                          source.sha256] {
                sourceTable.append(field)
            }
        }
        var body: [UInt8] = []
        var table: [(offset: Int, length: Int)] = []
        for part in Section.allCases {
            let bytes: [UInt8]
            switch part {
            case .fingerprint: bytes = Array(fingerprint.utf8)
            case .sourceBytes: bytes = sourceTable.bytes
            case .sourceEnds: bytes = SearchIndex.Columns.littleEndian(sourceTable.ends)
            default: bytes = sections(part)
            }
            while (dataStart + body.count) % 8 != 0 { body.append(0) }
            table.append((dataStart + body.count, bytes.count))
            body.append(contentsOf: bytes)
        }
        var header: [UInt8] = magic
        func put<T: FixedWidthInteger>(_ value: T) {
            withUnsafeBytes(of: value.littleEndian) { header.append(contentsOf: $0) }
        }
        put(formatVersion)
        put(UInt32(Section.allCases.count))
        put(UInt64(dataStart + body.count))
        put(UInt64(0))  // the checksum, filled in below
        for entry in table {
            put(UInt64(entry.offset))
            put(UInt64(entry.length))
        }
        var file = header + body
        let sum = file.withUnsafeBytes { checksum(of: $0) }
        withUnsafeBytes(of: sum.littleEndian) { file.replaceSubrange(24..<32, with: $0) }
        return file
    }

    // MARK: Reading

    /// Decodes `data`; with `fingerprint`, a file built from other inputs throws `.otherFingerprint` before the
    /// rest is read.
    public init(decoding data: Data, expecting fingerprint: String? = nil) throws(Damage) {
        try self.init(storage: SearchIndexStorage(copying: data), expecting: fingerprint)
    }

    /// Decodes the file in `storage`, which the index keeps.
    init(storage: SearchIndexStorage, expecting expected: String?) throws(Damage) {
        let raw = storage.bytes
        func integer<T: FixedWidthInteger>(at offset: Int, as type: T.Type) -> T {
            T(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: T.self))
        }
        guard raw.count >= Self.headerSize else { throw .truncated }
        guard raw.prefix(8).elementsEqual(Self.magic) else { throw .notAnIndex }
        let version = integer(at: 8, as: UInt32.self)
        guard version == Self.formatVersion else { throw .otherVersion(version) }
        guard integer(at: 12, as: UInt32.self) == Section.allCases.count, raw.count >= Self.dataStart else {
            throw .truncated
        }
        guard integer(at: 16, as: UInt64.self) == raw.count else { throw .wrongLength }
        var sections: [Range<Int>] = []
        for part in Section.allCases {
            let offset = integer(at: Self.headerSize + 16 * part.rawValue, as: UInt64.self)
            let length = integer(at: Self.headerSize + 16 * part.rawValue + 8, as: UInt64.self)
            guard offset >= Self.dataStart, offset <= raw.count, length <= UInt64(raw.count) - offset else {
                throw .inconsistent("section \(part) out of the file")
            }
            sections.append(Int(offset)..<Int(offset + length))
        }
        func bytes(_ part: Section) -> UnsafeRawBufferPointer {
            UnsafeRawBufferPointer(rebasing: raw[sections[part.rawValue]])
        }
        let fingerprint = String(decoding: bytes(.fingerprint), as: UTF8.self)
        if let expected, fingerprint != expected { throw .otherFingerprint }
        guard Self.checksum(of: raw) == integer(at: 24, as: UInt64.self) else { throw .checksumMismatch }

        func column<T: FixedWidthInteger>(_ part: Section, as type: T.Type = Int32.self) throws(Damage) -> Column<T> {
            let section = bytes(part)
            guard section.count % MemoryLayout<T>.size == 0 else {
                throw .inconsistent("section \(part) is not whole values")
            }
            return Column(base: section.baseAddress ?? storage.base, count: section.count / MemoryLayout<T>.size)
        }
        func strings(_ bytesPart: Section, _ endsPart: Section) throws(Damage) -> StringColumn {
            let table = StringColumn(bytes: try column(bytesPart, as: UInt8.self), ends: try column(endsPart))
            guard table.isConsistent else {
                throw .inconsistent("string table \(bytesPart) has offsets out of order or out of range")
            }
            return table
        }
        let sourceTable = try strings(.sourceBytes, .sourceEnds)
        guard sourceTable.count % Self.sourceFields == 0 else { throw .inconsistent("sources are not whole rows") }
        let sources = stride(from: 0, to: sourceTable.count, by: Self.sourceFields).map { row in
            DataSource(source: sourceTable[row], publisher: sourceTable[row + 1], title: sourceTable[row + 2],
                       vintage: sourceTable[row + 3], url: sourceTable[row + 4], file: sourceTable[row + 5],
                       sha256: sourceTable[row + 6])
        }
        let index = SearchIndex(
            storage: storage,
            documentCodes: try column(.documentCodes), documentTitles: try column(.documentTitles),
            documentEntryStarts: try column(.documentEntryStarts), documentTitleEnds: try column(.documentTitleEnds),
            entryFlags: try column(.entryFlags, as: UInt8.self), entryTexts: try column(.entryTexts),
            entryTermStarts: try column(.entryTermStarts), entryTerms: try column(.entryTerms),
            strings: try strings(.stringBytes, .stringEnds), terms: try strings(.termBytes, .termEnds),
            postingStarts: try column(.postingStarts), postingDocuments: try column(.postingDocuments),
            postingFrequencies: try column(.postingFrequencies, as: UInt32.self))
        if let problem = index.inconsistency { throw .inconsistent(problem) }
        self.init(fingerprint: fingerprint, sources: sources, index: index)
    }

    /// The checksum of a whole file: of its bytes before and after the checksum field.
    static func checksum(of file: UnsafeRawBufferPointer) -> UInt64 {
        checksum(UnsafeRawBufferPointer(rebasing: file[32...]),
                 seed: checksum(UnsafeRawBufferPointer(rebasing: file[..<24])))
    }

    /// A 64-bit checksum over `bytes` (four interleaved multiply-rotate lanes, as in xxHash64), to tell a damaged
    /// file from a good one. About half a millisecond for 5 MB.
    static func checksum(_ bytes: UnsafeRawBufferPointer, seed: UInt64 = 0) -> UInt64 {
        let prime1: UInt64 = 0x9E37_79B1_85EB_CA87
        let prime2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
        @inline(__always) func round(_ lane: UInt64, _ word: UInt64) -> UInt64 {
            let mixed = lane &+ word &* prime2
            return ((mixed << 31) | (mixed >> 33)) &* prime1
        }
        @inline(__always) func word(_ offset: Int) -> UInt64 {
            UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
        }
        var lanes: (UInt64, UInt64, UInt64, UInt64) = (seed &+ prime1 &+ prime2, seed &+ prime2, seed, seed &- prime1)
        var offset = 0
        while offset + 32 <= bytes.count {
            lanes.0 = round(lanes.0, word(offset))
            lanes.1 = round(lanes.1, word(offset + 8))
            lanes.2 = round(lanes.2, word(offset + 16))
            lanes.3 = round(lanes.3, word(offset + 24))
            offset += 32
        }
        var hash = round(round(round(round(UInt64(bytes.count), lanes.0), lanes.1), lanes.2), lanes.3)
        while offset < bytes.count {
            hash = round(hash, UInt64(bytes[offset]))
            offset += 1
        }
        hash ^= hash >> 33
        hash = hash &* prime2
        return hash ^ (hash >> 29)
    }
}

extension SearchIndex {
    init(
        storage: SearchIndexStorage, documentCodes: Column<Int32>, documentTitles: Column<Int32>,
        documentEntryStarts: Column<Int32>, documentTitleEnds: Column<Int32>, entryFlags: Column<UInt8>,
        entryTexts: Column<Int32>, entryTermStarts: Column<Int32>, entryTerms: Column<Int32>,
        strings: StringColumn, terms: StringColumn, postingStarts: Column<Int32>, postingDocuments: Column<Int32>,
        postingFrequencies: Column<UInt32>
    ) {
        self.storage = storage
        self.documentCodes = documentCodes
        self.documentTitles = documentTitles
        self.documentEntryStarts = documentEntryStarts
        self.documentTitleEnds = documentTitleEnds
        self.entryFlags = entryFlags
        self.entryTexts = entryTexts
        self.entryTermStarts = entryTermStarts
        self.entryTerms = entryTerms
        self.strings = strings
        self.terms = terms
        self.postingStarts = postingStarts
        self.postingDocuments = postingDocuments
        self.postingFrequencies = postingFrequencies
    }

    /// The bytes of one index section, as stored.
    func rawBytes(of section: SearchIndexFile.Section) -> UnsafeRawBufferPointer {
        switch section {
        case .fingerprint, .sourceBytes, .sourceEnds: return UnsafeRawBufferPointer(start: nil, count: 0)
        case .stringBytes: return strings.bytes.rawBytes
        case .stringEnds: return strings.ends.rawBytes
        case .termBytes: return terms.bytes.rawBytes
        case .termEnds: return terms.ends.rawBytes
        case .documentCodes: return documentCodes.rawBytes
        case .documentTitles: return documentTitles.rawBytes
        case .documentEntryStarts: return documentEntryStarts.rawBytes
        case .documentTitleEnds: return documentTitleEnds.rawBytes
        case .entryFlags: return entryFlags.rawBytes
        case .entryTexts: return entryTexts.rawBytes
        case .entryTermStarts: return entryTermStarts.rawBytes
        case .entryTerms: return entryTerms.rawBytes
        case .postingStarts: return postingStarts.rawBytes
        case .postingDocuments: return postingDocuments.rawBytes
        case .postingFrequencies: return postingFrequencies.rawBytes
        }
    }

    /// The first broken invariant of the columns (a count that does not match, an offset or id out of range), or
    /// nil when every position a query follows is valid. O(size of the index).
    var inconsistency: String? {
        let documents = documentCodes.count
        let entries = entryFlags.count
        guard documentTitles.count == documents, documentTitleEnds.count == documents else {
            return "document columns of different lengths"
        }
        guard documentEntryStarts.isBoundaries(of: documents, ending: entries) else { return "document entries" }
        for d in 0..<documents {
            guard documentEntryStarts[d] <= documentTitleEnds[d], documentTitleEnds[d] <= documentEntryStarts[d + 1]
            else { return "title entries of document \(d)" }
        }
        guard documentCodes.allBelow(strings.count), documentTitles.allBelow(strings.count) else {
            return "document strings"
        }
        guard entryTexts.count == entries, entryTexts.allBelow(strings.count) else { return "entry texts" }
        guard entryFlags.allSatisfy({ Int($0 & ~Self.hotFlag) < SearchField.byOrdinal.count }) else {
            return "entry fields"
        }
        guard entryTermStarts.isBoundaries(of: entries, ending: entryTerms.count) else { return "entry terms" }
        guard entryTerms.allBelow(terms.count) else { return "entry term ids" }
        guard postingStarts.isBoundaries(of: terms.count, ending: postingDocuments.count),
              postingFrequencies.count == postingDocuments.count
        else { return "postings" }
        guard postingDocuments.allBelow(documents) else { return "posting documents" }
        return nil
    }
}

extension Column where Element == Int32 {
    /// Whether every element is in `0..<limit`. O(n), without a branch per element.
    func allBelow(_ limit: Int) -> Bool {
        // A negative value read as unsigned is 2³¹ or more.
        let largest = reduceUnsigned(0) { Swift.max($0, $1) }
        return isEmpty || Int(largest) < limit
    }

    /// Whether these are the boundaries of `count` consecutive ranges covering `0..<end`: `count + 1` elements,
    /// the first 0, the last `end`, none smaller than the one before. O(n).
    func isBoundaries(of count: Int, ending end: Int) -> Bool {
        guard self.count == count + 1, self[0] == 0, Int(self[count]) == end else { return false }
        var descents = 0
        var previous: Int32 = 0
        forEachValue { value in
            descents &+= value < previous ? 1 : 0
            previous = value
        }
        return descents == 0
    }

    /// Calls `body` with every element in order, reading them in bulk.
    private func forEachValue(_ body: (Int32) -> Void) {
        #if _endian(little)
        if Int(bitPattern: base) % MemoryLayout<Int32>.alignment == 0 {
            UnsafeBufferPointer(start: base.bindMemory(to: Int32.self, capacity: count), count: count).forEach(body)
            return
        }
        #endif
        for position in 0..<count { body(self[position]) }
    }

    private func reduceUnsigned(_ initial: UInt32, _ combine: (UInt32, UInt32) -> UInt32) -> UInt32 {
        var result = initial
        forEachValue { result = combine(result, UInt32(bitPattern: $0)) }
        return result
    }
}
