import Foundation
import Testing
@testable import SOCGraph

/// The graph cache (`GraphCache`): a graph and an index read back from it are the ones written, a damaged part is
/// never taken (and never traps), and the file goes where it should, or nowhere.
@Suite("Graph cache")
struct GraphCacheTests {
    /// A copy of the fixture graph and a home folder of its own, both removed by `remove()`.
    struct Sandbox {
        let graph: URL
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("socgraph-home-\(UUID().uuidString)")

        init() throws {
            graph = try Fixture.copy()
            try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        }

        func remove() {
            try? FileManager.default.removeItem(at: graph)
            try? FileManager.default.removeItem(at: home)
        }

        func store(_ environment: [String: String] = [:]) -> GraphStore {
            GraphStore(directory: graph, environment: ["HOME": home.path].merging(environment) { $1 })
        }

        var graphCache: URL { graph.appendingPathComponent(".cache/graph.cache") }
    }

    @Test func theGraphReadBackIsTheGraphWritten() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let loaded = try sandbox.store().load()
        #expect(FileManager.default.fileExists(atPath: sandbox.graphCache.path))
        let cached = try sandbox.store().load()
        #expect(cached.cacheBytes() == loaded.cacheBytes())
        #expect(cached.edges.count == loaded.edges.count && cached.titles.count == loaded.titles.count)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        for code in ["15-2051", "Data Scientists", "15-2051.01", "artificial-intelligence", "11.0102"] {
            let a = try loaded.resolve(code), b = try cached.resolve(code)
            #expect(a == b)
            #expect(try encoder.encode(NodeReport(graph: loaded, node: a)) == encoder.encode(NodeReport(graph: cached, node: b)))
        }
    }

    @Test func theShippedGraphSurvivesTheRoundTrip() throws {
        let loaded = try #require(try ShippedAlignmentTests.loaded.get())
        var reader = try CacheReader(loaded.cacheBytes(), 0..<loaded.cacheBytes().count)
        let again = try KnowledgeGraph(cache: &reader)
        #expect(again.cacheBytes() == loaded.cacheBytes())
        #expect(again.nodes(withExactTitle: "software developers") == loaded.nodes(withExactTitle: "software developers"))
        for node in [try loaded.resolve("15-1252"), try loaded.resolve("11.0701")] {
            for kind in EdgeKind.allCases {
                #expect(again.edges(kind, .incoming, of: node) == loaded.edges(kind, .incoming, of: node))
                #expect(again.edges(kind, .outgoing, of: node) == loaded.edges(kind, .outgoing, of: node))
            }
        }
    }

    @Test func theIndexKeepsWhichTitlesIncumbentsReport() throws {
        let index = SearchIndex(documents: [
            SearchDocument(code: "15-1242", title: "Database Administrators",
                           alternateTitles: ["Database Engineer", "Database Coordinator"],
                           reportedTitles: ["Database Engineer"]),
        ])
        let bytes = index.cacheBytes(sources: [])
        var reader = try CacheReader(bytes, 0..<bytes.count)
        let (again, _) = try SearchIndex.read(cache: &reader)
        #expect(index.entries.indices.filter { index.entries[$0].reported }.map(index.text(of:)) == ["Database Engineer"])
        #expect(again.entries.map(\.reported) == index.entries.map(\.reported))
        #expect(try again.search("Database Engineer").hits.first?.matches.first == "reported: Database Engineer")
    }

    @Test func theIndexReadBackRanksTheSame() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let (built, sources) = try sandbox.store().loadSearchIndex()
        let (cached, cachedSources) = try sandbox.store().loadSearchIndex { throw SOCGraphError.invalidInput("built") }
        #expect(cachedSources == sources)
        for query in ["data scientist", "registered nurse", "machine learning engineer python", "IT Manager"] {
            #expect(try cached.search(query, limit: 20) == built.search(query, limit: 20))
        }
        // The graph part is still there beside the index.
        #expect(try sandbox.store().load().cacheBytes() == Fixture.graph.cacheBytes())
    }

    @Test func aDamagedPartThrowsAndNeverTraps() throws {
        let bytes = Fixture.graph.cacheBytes()
        var generator = SeededGenerator(state: 0x5EED)
        for end in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 400)) {
            var reader = try? CacheReader(bytes, 0..<end)
            if reader != nil { #expect(throws: CacheReader.Damage.self) { try KnowledgeGraph(cache: &reader!) } }
        }
        for _ in 0..<400 {
            var damaged = bytes
            damaged[Int.random(in: 0..<bytes.count, using: &generator)] ^= UInt8.random(in: 1...255, using: &generator)
            guard var reader = try? CacheReader(damaged, damaged.indices) else { continue }
            _ = try? KnowledgeGraph(cache: &reader)  // either outcome, as long as it returns
        }
    }

    @Test func aDamagedIndexThrowsAndNeverTraps() throws {
        let bytes = SearchIndex(graph: Fixture.graph).cacheBytes(sources: [])
        var generator = SeededGenerator(state: 0x1DE5)
        for end in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 400)) {
            var reader = try? CacheReader(bytes, 0..<end)
            if reader != nil { #expect(throws: CacheReader.Damage.self) { try SearchIndex.read(cache: &reader!) } }
        }
        for _ in 0..<400 {
            var damaged = bytes
            damaged[Int.random(in: 0..<bytes.count, using: &generator)] ^= UInt8.random(in: 1...255, using: &generator)
            guard var reader = try? CacheReader(damaged, damaged.indices),
                  let (index, _) = try? SearchIndex.read(cache: &reader) else { continue }
            // Whatever was read must answer, right or wrong, without trapping.
            for query in ["data scientist", "software engineer building compilers", "Nurse"] {
                _ = try? index.search(query)
            }
        }
    }

    @Test func theCacheIsOffWithTheVariableAndNeverWrittenByAFileLoad() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        _ = try sandbox.store(["SOCGRAPH_NO_CACHE": "1"]).load()
        _ = try sandbox.store(["SOCGRAPH_NO_CACHE": "1"]).loadSearchIndex()
        _ = try sandbox.store().loadFromFiles()
        #expect(!FileManager.default.fileExists(atPath: sandbox.graph.appendingPathComponent(".cache").path))
        #expect(!FileManager.default.fileExists(atPath: sandbox.home.appendingPathComponent(".cache").path))
    }

    @Test func aGraphThatCannotHoldTheCacheUsesTheUserFolder() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try Data("not a folder".utf8).write(to: sandbox.graph.appendingPathComponent(".cache"))
        let loaded = try sandbox.store().load()
        let folder = sandbox.home.appendingPathComponent(".cache/socgraph")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(files.count == 1 && files[0].hasPrefix("graph-") && files[0].hasSuffix(".cache"))
        #expect(try sandbox.store().load().cacheBytes() == loaded.cacheBytes())
        let xdg = sandbox.home.appendingPathComponent("xdg")
        _ = try sandbox.store(["XDG_CACHE_HOME": xdg.path]).load()
        #expect(try FileManager.default.contentsOfDirectory(atPath: xdg.appendingPathComponent("socgraph").path) == files)
    }
}
