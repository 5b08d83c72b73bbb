import Foundation
import Testing
@testable import SOCGraph

/// The binary snapshot of a loaded graph: it reproduces the TSV-loaded graph exactly, and a damaged one throws
/// (never traps, never yields another graph).
@Suite("Graph snapshots")
struct GraphSnapshotTests {
    static let shippedGraph = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Graph")

    /// The stored properties in which two graphs differ, by name; empty when they are the same graph.
    static func differences(_ a: KnowledgeGraph, _ b: KnowledgeGraph) -> [String] {
        var names: [String] = []
        func check(_ name: String, _ same: Bool) { if !same { names.append(name) } }
        check("sections", a.sections == b.sections)
        check("nodes", a.nodes == b.nodes)
        check("edges", a.edges == b.edges)
        check("sources", a.sources == b.sources)
        check("educationCategories", a.educationCategories == b.educationCategories)
        check("titles", a.titles == b.titles)
        check("curation", a.curation == b.curation)
        check("index", a.index == b.index)
        check("exactTitles", a.exactTitles == b.exactTitles)
        check("outgoing", a.outgoing == b.outgoing)
        check("incoming", a.incoming == b.incoming)
        check("kindRanges", a.kindRanges == b.kindRanges)
        check("facts", a.facts == b.facts)
        check("programFacts", a.programFacts == b.programFacts)
        check("fieldNumbers", a.fieldNumbers == b.fieldNumbers)
        check("commodities", a.commodities == b.commodities)
        check("titleRanges", a.titleRanges == b.titleRanges)
        return names
    }

    static func roundTrip(_ graph: KnowledgeGraph) throws -> KnowledgeGraph {
        let bytes = GraphSnapshot.encode(graph, fingerprint: "test")
        return try bytes.withUnsafeBytes { try GraphSnapshot.decode($0, expecting: "test", sections: graph.sections) }
    }

    static let sectionSets: [(String, Set<GraphSection>)] = [
        ("report", GraphSection.report), ("all", GraphSection.all), ("hierarchy", [.hierarchy]),
        ("related", [.related]), ("search", KnowledgeGraph.searchSections),
    ]

    @Test(arguments: [("fixture", false), ("shipped", true)], sectionSets)
    func aSnapshotReproducesTheLoadedGraph(graph: (name: String, shipped: Bool),
                                           sections: (name: String, set: Set<GraphSection>)) throws {
        let directory = graph.shipped ? Self.shippedGraph : Fixture.directory
        let loaded = try GraphStore(directory: directory).loadFromFiles(sections.set)
        let decoded = try Self.roundTrip(loaded)
        #expect(Self.differences(loaded, decoded) == [])
        #expect(loaded.nodes.count > 0 && loaded.edges.count > 0)
        if sections.set.contains(.titles) { #expect(!decoded.titleRanges.isEmpty) }
        // The same graph always gives the same bytes.
        #expect(GraphSnapshot.encode(decoded, fingerprint: "test") == GraphSnapshot.encode(loaded, fingerprint: "test"))
        // What queries see, as a spot check on top of the stored properties.
        let code = try #require(decoded.node(id: "15-2051"))
        #expect(decoded.edges(.related, of: code) == loaded.edges(.related, of: code))
        #expect(decoded.nodes(withExactTitle: "Data Scientists") == loaded.nodes(withExactTitle: "Data Scientists"))
    }

    // MARK: Damage

    /// The fixture's snapshot of every section, made once.
    static let fixtureSnapshot: [UInt8] = {
        do {
            return GraphSnapshot.encode(try GraphStore(directory: Fixture.directory).loadFromFiles(GraphSection.all),
                                        fingerprint: "test")
        } catch {
            return []
        }
    }()

    static func decode(_ bytes: [UInt8]) throws -> KnowledgeGraph {
        try bytes.withUnsafeBytes { try GraphSnapshot.decode($0, expecting: "test") }
    }

    /// `bytes` with their length and checksum fields made right again, so that the reader's own checks are what
    /// a change meets.
    static func resealed(_ bytes: [UInt8]) -> [UInt8] {
        var file = bytes
        guard file.count >= GraphSnapshot.headerSize else { return file }
        withUnsafeBytes(of: UInt64(file.count).littleEndian) { file.replaceSubrange(16..<24, with: $0) }
        let sum = file.withUnsafeBytes { GraphSnapshot.checksum(of: $0) }
        withUnsafeBytes(of: sum.littleEndian) { file.replaceSubrange(24..<32, with: $0) }
        return file
    }

    @Test func theHeaderIsChecked() throws {
        let bytes = Self.fixtureSnapshot
        #expect(bytes.count > 1_000)
        #expect(throws: GraphSnapshot.Damage.truncated) { try Self.decode([]) }
        #expect(throws: GraphSnapshot.Damage.truncated) { try Self.decode(Array(bytes.prefix(20))) }
        #expect(throws: GraphSnapshot.Damage.wrongLength) { try Self.decode(Array(bytes.dropLast())) }
        #expect(throws: GraphSnapshot.Damage.notASnapshot) { try Self.decode(Array(repeating: 0, count: 64)) }
        var otherVersion = bytes
        otherVersion[8] &+= 1
        #expect(throws: GraphSnapshot.Damage.otherVersion(GraphSnapshot.formatVersion + 1)) {
            try Self.decode(otherVersion)
        }
        #expect(throws: GraphSnapshot.Damage.otherFingerprint) {
            try bytes.withUnsafeBytes { try GraphSnapshot.decode($0, expecting: "another") }
        }
        #expect(throws: GraphSnapshot.Damage.otherSections) {
            try bytes.withUnsafeBytes { try GraphSnapshot.decode($0, sections: GraphSection.report) }
        }
        var flipped = bytes
        flipped[bytes.count / 2] ^= 0x10
        #expect(throws: GraphSnapshot.Damage.checksumMismatch) { try Self.decode(flipped) }
        #expect(Self.differences(try Self.decode(bytes), Fixture.graph) == [])
    }

    @Test func everyTruncationThrows() throws {
        let bytes = Self.fixtureSnapshot
        // Cut after the header: at every byte of the fingerprint and the start of the string table, then at some
        // 500 places spread over the rest, with length and checksum made to match the cut.
        let cuts = Array(GraphSnapshot.headerSize..<GraphSnapshot.headerSize + 300)
            + Array(stride(from: GraphSnapshot.headerSize + 300, to: bytes.count, by: max(1, bytes.count / 500)))
            + Array(bytes.count - 64..<bytes.count)
        for length in cuts {
            #expect(throws: GraphSnapshot.Damage.self) { try Self.decode(Self.resealed(Array(bytes.prefix(length)))) }
        }
        #expect(throws: GraphSnapshot.Damage.self) { try Self.decode(Self.resealed(bytes + [0])) }
    }

    @Test func changedBytesThrowOrGiveAGraphButNeverTrap() throws {
        let bytes = Self.fixtureSnapshot
        var generator = SplitMix64(seed: 2_024)
        var thrown = 0
        for _ in 0..<2_000 {
            var damaged = bytes
            for _ in 0..<Int.random(in: 1...3, using: &generator) {
                let position = Int.random(in: GraphSnapshot.headerSize..<bytes.count, using: &generator)
                damaged[position] = UInt8.random(in: 0...255, using: &generator)
            }
            do {
                let graph = try Self.decode(Self.resealed(damaged))
                // A change the reader cannot tell (a title's letter, a count of programs) still makes a graph that
                // queries can walk without trapping.
                for node in graph.nodes.indices.prefix(50) {
                    _ = graph.edges(.parent, of: node)
                    _ = graph.neighbours(.related, .incoming, of: node)
                }
            } catch {
                thrown += 1
            }
        }
        #expect(thrown > 100)
    }
}
