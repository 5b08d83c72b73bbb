import Foundation
import Testing
@testable import SOCGraph

/// The search index cache: used when it matches the graph, rebuilt silently when it is stale or damaged, kept
/// elsewhere or nowhere when the graph directory is not writable.
@Suite("Search index cache")
struct SearchIndexStoreTests {
    typealias Sandbox = CacheSandbox

    func expectFixtureResults(_ file: SearchIndexFile, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let reference = SearchIndex(graph: Fixture.graph)
        for query in ["data scientist", "registered nurse", "physical therapist", "machine learning engineer"] {
            #expect(try file.index.search(query) == reference.search(query), "\(query)", sourceLocation: sourceLocation)
        }
        #expect(file.sources == Fixture.graph.sources, sourceLocation: sourceLocation)
    }

    @Test func theFirstLoadBuildsAndWritesTheNextReads() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let first = try sandbox.load()
        #expect(first.built)
        #expect(FileManager.default.fileExists(atPath: sandbox.graphCache.path))
        let second = try sandbox.load()
        #expect(!second.built)
        try expectFixtureResults(second.file)
        #expect(second.file.fingerprint == sandbox.store.fingerprint())
        // Nothing was written to the user cache folder while the graph directory was writable.
        #expect(try FileManager.default.contentsOfDirectory(atPath: sandbox.home.path).isEmpty)
    }

    @Test func theFingerprintNamesEveryInputAndTheEngine() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let fingerprint = try #require(sandbox.store.fingerprint())
        for file in ["manifest.tsv", "soc.tsv", "onet-occupations.tsv", "cip.tsv", "cip-soc.tsv", "titles.tsv",
                     "technologies.tsv", "uses.tsv"] {
            #expect(fingerprint.contains("\n\(file) "), "\(file)")
        }
        #expect(fingerprint.contains("\ntext/definitions.tsv absent"))
        #expect(fingerprint.contains("format \(SearchIndexFile.formatVersion)"))
        #expect(fingerprint.contains("k1=\(SearchIndex.k1)"))
        #expect(fingerprint.contains("title=\(SearchField.title.weight)/"))
        // A missing input gives no fingerprint: the load then reports it.
        try FileManager.default.removeItem(at: sandbox.graph.appendingPathComponent("uses.tsv"))
        #expect(sandbox.store.fingerprint() == nil)
    }

    @Test(arguments: ["truncated", "garbage", "empty", "other version", "offsets out of range", "directory"])
    func aDamagedCacheIsRebuiltSilently(damage: String) throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        _ = try sandbox.load()
        let url = sandbox.graphCache
        var bytes = try Data(contentsOf: url)
        switch damage {
        case "truncated": bytes = bytes.prefix(bytes.count / 2)
        case "garbage":
            var generator = SplitMix64(seed: 7)
            bytes = Data((0..<bytes.count).map { _ in UInt8.random(in: 0...255, using: &generator) })
        case "empty": bytes = Data()
        case "other version": bytes[8] &+= 1
        case "offsets out of range":
            let entry = SearchIndexFile.headerSize + 16 * SearchIndexFile.Section.postingDocuments.rawValue
            bytes.replaceSubrange(entry..<entry + 8, with: withUnsafeBytes(of: UInt64.max.littleEndian, Array.init))
        default: break
        }
        if damage == "directory" {
            try FileManager.default.removeItem(at: url)
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        } else {
            try bytes.write(to: url)
        }
        let reloaded = try sandbox.load()
        #expect(reloaded.built)
        try expectFixtureResults(reloaded.file)
        if damage != "directory" {
            // Rewritten: the next load reads it.
            #expect(try !sandbox.load().built)
        }
    }

    @Test func aChangedInputInvalidatesTheCache() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        _ = try sandbox.load()
        #expect(try sandbox.load().file.index.search("zeppelin navigator").hits.isEmpty)
        try Fixture.edit("titles.tsv", in: sandbox.graph) { lines in
            // After the last title of 15-2051, to keep the file sorted.
            let last = lines.lastIndex { $0.hasPrefix("15-2051\t") } ?? 0
            lines.insert("15-2051\tZeppelin Navigator\tonet-alternate", at: last + 1)
        }
        let reloaded = try sandbox.load()
        #expect(reloaded.built)
        #expect(try reloaded.file.index.search("zeppelin navigator").hits.first?.code == "15-2051")
    }

    @Test func aTouchedInputInvalidatesTheCache() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        _ = try sandbox.load()
        // Same bytes, new modification time.
        let url = sandbox.graph.appendingPathComponent("cip.tsv")
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -3600)],
                                              ofItemAtPath: url.path)
        #expect(try sandbox.load().built)
        #expect(try !sandbox.load().built)
    }

    @Test func addingTheTextFilesInvalidatesTheCache() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        _ = try sandbox.load()
        let text = sandbox.graph.appendingPathComponent("text")
        try FileManager.default.createDirectory(at: text, withIntermediateDirectories: true)
        try "code\tdefinition\n15-2051\tBuild models of zeppelin traffic.\n"
            .write(to: text.appendingPathComponent("definitions.tsv"), atomically: true, encoding: .utf8)
        let reloaded = try sandbox.load()
        #expect(reloaded.built)
        #expect(try reloaded.file.index.search("zeppelin").hits.first?.code == "15-2051")
        #expect(try !sandbox.load().built)
    }

    @Test func aReadOnlyGraphKeepsItsCacheInTheUserCacheFolder() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.blockGraphCache()
        #expect(try sandbox.load().built)
        let written = try sandbox.userCacheFiles()
        #expect(written.count == 1)
        #expect(written.first?.hasPrefix("search-index-") == true)
        let second = try sandbox.load()
        #expect(!second.built)
        try expectFixtureResults(second.file)
        // XDG_CACHE_HOME wins over HOME.
        let xdg = sandbox.home.appendingPathComponent("xdg")
        let store = SearchIndexStore(directory: sandbox.graph,
                                     environment: ["HOME": sandbox.home.path, "XDG_CACHE_HOME": xdg.path])
        #expect(store.locations.last?.deletingLastPathComponent().path == xdg.appendingPathComponent("socgraph").path)
        #expect(store.locations.last?.lastPathComponent == written.first)
    }

    @Test func withNothingWritableTheIndexIsBuiltEachTime() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.blockGraphCache()
        let blocked = sandbox.home.appendingPathComponent("file")
        try Data("not a folder".utf8).write(to: blocked)
        let store = SearchIndexStore(directory: sandbox.graph, environment: ["HOME": blocked.path])
        #expect(store.locations.count == 2)
        for _ in 0..<2 {
            var built = false
            let file = try store.load {
                built = true
                let loaded = try sandbox.storeWithoutSnapshots.load(KnowledgeGraph.searchSections)
                return (SearchIndex(graph: loaded), loaded.sources)
            }
            #expect(built)
            try expectFixtureResults(file)
        }
        #expect(store.save(SearchIndexFile(fingerprint: "x", sources: [], index: SearchCorpus.index)) == nil)
        // Without HOME or XDG_CACHE_HOME, only the graph directory is tried.
        #expect(SearchIndexStore(directory: sandbox.graph, environment: [:]).locations.count == 1)
    }

    @Test func aDamagedGraphIsReportedEvenWithACache() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        _ = try sandbox.load()
        try Fixture.edit("uses.tsv", in: sandbox.graph) { lines in lines[1] = "15-2051\tno such technology" }
        let error = try #require(throws: SOCGraphError.self) { try sandbox.load() }
        #expect(error.exitStatus == 3)
        #expect("\(error)".contains("uses.tsv"))
    }

    @Test func theDefaultLoadReadsTheGraphAndItsText() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let file = try sandbox.store.load()
        try expectFixtureResults(file)
        #expect(FileManager.default.fileExists(atPath: sandbox.graphCache.path))
    }
}

extension CacheSandbox {
    var store: SearchIndexStore { SearchIndexStore(directory: graph, environment: environment) }
    var graphCache: URL { graph.appendingPathComponent(".cache/search-index.bin") }
    /// The graph store with graph snapshots off: what these tests count in the cache folders is the search index.
    var storeWithoutSnapshots: GraphStore {
        GraphStore(directory: graph, environment: [CacheFolders.disablingVariable: "1"])
    }

    /// Loads through the store; `built` says whether the index had to be built from the graph.
    func load() throws -> (file: SearchIndexFile, built: Bool) {
        var built = false
        let file = try store.load {
            built = true
            let graphStore = storeWithoutSnapshots
            let loaded = try graphStore.load(KnowledgeGraph.searchSections)
            return (SearchIndex(graph: loaded, text: try graphStore.loadText(for: loaded)), loaded.sources)
        }
        return (file, built)
    }
}
