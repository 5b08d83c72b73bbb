import Foundation
import Testing
@testable import SOCGraph

/// The binary form of the search index: what is written reads back as the same index, and a damaged file is
/// refused with a reason, never a crash.
@Suite("Search index file")
struct SearchIndexFileTests {
    static let queries = [
        "machine learning engineer", "data scientist", "registered nurse", "team leader", "IT manager",
        "senior software developer", "head of finance", "labour organisation", "C++ developer", ".NET developer",
        "physical therapist", "Café Manager", "OR RN", "computer research scientist", "nurse", "analyst",
        "design and train deep learning models for computer vision, deploy machine learning pipelines in production, "
            + "analyse large data sets with statistics and write research papers",
    ]

    static let shippedGraph = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Graph")

    static let sources = [
        DataSource(source: "onet-titles", publisher: "O*NET", title: "Alternate Titles", vintage: "O*NET 29.3",
                   url: "https://www.onetcenter.org", file: "onet/Alternate Titles.txt", sha256: "ab12"),
    ]

    /// Every query gives the same results from both indexes (a query that fails must fail the same way).
    func expectSameResults(_ decoded: SearchIndex, _ original: SearchIndex,
                           sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(decoded.count == original.count, sourceLocation: sourceLocation)
        for query in Self.queries {
            let expected = Result { try original.search(query, limit: 25) }
            let actual = Result { try decoded.search(query, limit: 25) }
            switch (expected, actual) {
            case let (.success(a), .success(b)): #expect(a == b, "\(query)", sourceLocation: sourceLocation)
            case let (.failure(a), .failure(b)): #expect("\(a)" == "\(b)", "\(query)", sourceLocation: sourceLocation)
            default: Issue.record("\(query): \(expected) against \(actual)", sourceLocation: sourceLocation)
            }
        }
    }

    func file(_ index: SearchIndex = SearchCorpus.index) -> SearchIndexFile {
        SearchIndexFile(fingerprint: "inputs v1", sources: Self.sources, index: index)
    }

    @Test func roundTripOfTheCorpus() throws {
        let bytes = file().encoded()
        let decoded = try SearchIndexFile(decoding: bytes, expecting: "inputs v1")
        #expect(decoded.fingerprint == "inputs v1")
        #expect(decoded.sources == Self.sources)
        expectSameResults(decoded.index, SearchCorpus.index)
        // Encoding is deterministic, and a decoded index encodes to the same bytes.
        #expect(decoded.encoded() == bytes)
        #expect(file(SearchIndex(documents: SearchCorpus.documents)).encoded() == bytes)
    }

    @Test func roundTripOfTheFixtureGraph() throws {
        let index = SearchIndex(graph: Fixture.graph)
        let decoded = try SearchIndexFile(decoding: file(index).encoded())
        expectSameResults(decoded.index, index)
        #expect(try decoded.index.search("data scientist").hits.first?.code == "15-2051")
    }

    @Test func roundTripOfTheShippedGraph() throws {
        let store = GraphStore(directory: Self.shippedGraph)
        let graph = try store.load(KnowledgeGraph.searchSections)
        let index = SearchIndex(graph: graph, text: try store.loadText(for: graph))
        let decoded = try SearchIndexFile(decoding: file(index).encoded())
        #expect(decoded.index.count == graph.occupationCodes.count)
        expectSameResults(decoded.index, index)
        #expect(try decoded.index.search("machine learning engineer").hits.first?.code == "15-2051")
    }

    @Test func anotherFingerprintIsRefusedFirst() {
        #expect(throws: SearchIndexFile.Damage.otherFingerprint) {
            try SearchIndexFile(decoding: file().encoded(), expecting: "inputs v2")
        }
    }

    @Test func everyTruncationIsRefused() {
        let bytes = file().encoded()
        // Every length up to the data, then a spread of lengths through the sections.
        let lengths = Array(0..<SearchIndexFile.dataStart + 16) + Array(stride(from: 0, to: bytes.count, by: 97))
        for length in lengths {
            #expect(throws: SearchIndexFile.Damage.self, "length \(length)") {
                try SearchIndexFile(decoding: bytes.prefix(length))
            }
        }
        #expect(throws: SearchIndexFile.Damage.wrongLength) { try SearchIndexFile(decoding: bytes + [0]) }
    }

    @Test func garbageIsRefused() {
        var generator = SplitMix64(seed: 42)
        for length in [0, 7, 8, 31, 32, 500, 5_000, 50_000] {
            let garbage = Data((0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) })
            #expect(throws: SearchIndexFile.Damage.self) { try SearchIndexFile(decoding: garbage) }
            // Garbage behind a valid magic and version, with the length field right.
            var disguised = Data(SearchIndexFile.magic)
            disguised.append(contentsOf: withUnsafeBytes(of: SearchIndexFile.formatVersion.littleEndian, Array.init))
            disguised.append(garbage)
            #expect(throws: SearchIndexFile.Damage.self) { try SearchIndexFile(decoding: disguised) }
        }
    }

    @Test func otherVersionAndMagicAreRefused() {
        var bytes = file().encoded()
        bytes[8] &+= 1
        #expect(throws: SearchIndexFile.Damage.otherVersion(SearchIndexFile.formatVersion + 1)) {
            try SearchIndexFile(decoding: bytes)
        }
        bytes = file().encoded()
        bytes[0] = UInt8(ascii: "X")
        #expect(throws: SearchIndexFile.Damage.notAnIndex) { try SearchIndexFile(decoding: bytes) }
    }

    @Test func aFlippedByteAnywhereIsRefused() {
        let bytes = file().encoded()
        for offset in Array(0..<SearchIndexFile.dataStart) + Array(stride(from: SearchIndexFile.dataStart, to: bytes.count, by: 61)) {
            var damaged = bytes
            damaged[offset] ^= 0x10
            #expect(throws: SearchIndexFile.Damage.self, "offset \(offset)") { try SearchIndexFile(decoding: damaged) }
        }
    }

    @Test func sectionsOutOfTheFileAreRefused() {
        let bytes = file().encoded()
        for section in SearchIndexFile.Section.allCases {
            let entry = SearchIndexFile.headerSize + 16 * section.rawValue
            for (field, value) in [(0, UInt64(bytes.count + 8)), (0, UInt64.max), (8, UInt64(bytes.count)),
                                   (8, UInt64.max), (0, 3)] {
                var damaged = bytes
                damaged.replaceSubrange(entry + field..<entry + field + 8,
                                        with: withUnsafeBytes(of: value.littleEndian, Array.init))
                #expect(throws: SearchIndexFile.Damage.self, "\(section) \(field) \(value)") {
                    try SearchIndexFile(decoding: damaged)
                }
            }
        }
    }

    /// Values out of range in a file whose checksum is right (as a faulty writer would produce): each is found by
    /// the consistency check before any query could follow it.
    @Test func offsetsAndIdsOutOfRangeAreRefusedEvenWithTheRightChecksum() throws {
        let good = file().encoded()
        let patches: [(SearchIndexFile.Section, Int32)] = [
            (.documentCodes, 1_000_000), (.documentTitles, -1), (.documentEntryStarts, 1_000_000),
            (.documentTitleEnds, -5), (.entryTexts, 1_000_000), (.entryTermStarts, 1_000_000),
            (.entryTerms, 1_000_000), (.entryTerms, -1), (.postingStarts, 1_000_000),
            (.postingDocuments, Int32(SearchCorpus.index.count)), (.stringEnds, 1_000_000), (.termEnds, -1),
            (.sourceEnds, 1_000_000),
        ]
        for (section, value) in patches {
            var damaged = good
            let offset = Self.sectionRange(section, in: good).lowerBound + 4  // the second value of the section
            damaged.replaceSubrange(offset..<offset + 4, with: withUnsafeBytes(of: value.littleEndian, Array.init))
            Self.resealChecksum(&damaged)
            #expect(throws: SearchIndexFile.Damage.self, "\(section) = \(value)") {
                try SearchIndexFile(decoding: damaged)
            }
        }
        var badField = good
        badField[Self.sectionRange(.entryFlags, in: good).lowerBound] = 0x7F
        Self.resealChecksum(&badField)
        #expect(throws: SearchIndexFile.Damage.inconsistent("entry fields")) { try SearchIndexFile(decoding: badField) }
        var ragged = good
        let entry = SearchIndexFile.headerSize + 16 * SearchIndexFile.Section.postingDocuments.rawValue + 8
        let length = ragged[entry..<entry + 8].withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(as: UInt64.self)) }
        ragged.replaceSubrange(entry..<entry + 8, with: withUnsafeBytes(of: (length - 1).littleEndian, Array.init))
        #expect(throws: SearchIndexFile.Damage.checksumMismatch) { try SearchIndexFile(decoding: ragged) }
        Self.resealChecksum(&ragged)
        #expect(throws: SearchIndexFile.Damage.inconsistent("section postingDocuments is not whole values")) {
            try SearchIndexFile(decoding: ragged)
        }
        // The untouched file still reads.
        #expect(try SearchIndexFile(decoding: good).index.count == SearchCorpus.index.count)
    }

    static func sectionRange(_ section: SearchIndexFile.Section, in bytes: Data) -> Range<Int> {
        let entry = SearchIndexFile.headerSize + 16 * section.rawValue
        return bytes.withUnsafeBytes { raw in
            let offset = Int(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: entry, as: UInt64.self)))
            let length = Int(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: entry + 8, as: UInt64.self)))
            return offset..<offset + length
        }
    }

    static func resealChecksum(_ bytes: inout Data) {
        let checksum = bytes.withUnsafeBytes { SearchIndexFile.checksum(of: $0) }
        bytes.replaceSubrange(24..<32, with: withUnsafeBytes(of: checksum.littleEndian, Array.init))
    }
}

/// A small deterministic random number generator, so that the garbage of a failing test can be reproduced.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
