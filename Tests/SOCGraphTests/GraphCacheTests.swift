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
        #expect(again.cacheBytes(sources: []) == bytes)
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
        let index = SearchIndex(graph: Fixture.graph)
        let bytes = index.cacheBytes(sources: [])
        var generator = SeededGenerator(state: 0x1DE5)
        for end in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 400)) {
            var reader = try? CacheReader(bytes, 0..<end)
            if reader != nil { #expect(throws: CacheReader.Damage.self) { try SearchIndex.read(cache: &reader!) } }
        }
        // Two bytes swapped keep the part's sum, so the file's check lets them through to the reader: whatever it
        // accepts must answer without trapping, down to every term's titles.
        for _ in 0..<300 {
            var damaged = bytes
            damaged.swapAt(Int.random(in: 0..<bytes.count, using: &generator),
                           Int.random(in: 0..<bytes.count, using: &generator))
            guard var reader = try? CacheReader(damaged, damaged.indices),
                  let (again, _) = try? SearchIndex.read(cache: &reader) else { continue }
            for query in ["data scientist", "software engineer building compilers", "Nurse"] {
                _ = try? again.search(query)
            }
            for t in 0..<again.postings.count { _ = again.headedTitles([t]) }
        }
    }

    /// The index of the fixture graph with one part replaced, written and read back.
    func readBack(_ index: SearchIndex, entries: [SearchIndex.Entry]? = nil, entryTerms: Runs<Int32>? = nil,
                  postings: Runs<SearchIndex.Posting>? = nil, titlesWithTerm: Runs<Int32>? = nil) throws {
        let changed = SearchIndex(documents: index.documents, entries: entries ?? index.entries,
                                  entryTerms: entryTerms ?? index.entryTerms, texts: index.texts,
                                  termIDs: index.termIDs, separateForms: index.separateForms,
                                  postings: postings ?? index.postings,
                                  titlesWithTerm: titlesWithTerm ?? index.titlesWithTerm, headTerms: index.headTerms,
                                  developmentTerms: index.developmentTerms)
        let bytes = changed.cacheBytes(sources: [])
        var reader = try CacheReader(bytes, bytes.indices)
        _ = try SearchIndex.read(cache: &reader)
    }

    @Test func eachPositionOfTheIndexIsChecked() throws {
        let index = SearchIndex(graph: Fixture.graph)
        try readBack(index)  // unchanged: read back
        let terms = index.postings.count
        let titleEnd = index.documents[0].titleEntries.upperBound
        #expect(titleEnd < index.documents[0].entries.upperBound, "the first occupation has more than titles")
        func entry(_ e: SearchIndex.Entry, text: Int32? = nil, head: Int?? = nil, share: Double? = nil) -> SearchIndex.Entry {
            SearchIndex.Entry(field: e.field, inDemand: e.inDemand, text: text ?? e.text, head: head ?? e.head,
                              share: share ?? e.share, reported: e.reported)
        }
        func withEntry(_ changed: SearchIndex.Entry) -> [SearchIndex.Entry] {
            var entries = index.entries
            entries[0] = changed
            return entries
        }
        func replacing<T>(_ runs: Runs<T>, at position: Int, with value: T) -> Runs<T> {
            var values = runs.values
            values[position] = value
            return Runs(values: values, starts: runs.starts)!
        }
        let first = index.entries[0]
        for bad in [entry(first, text: Int32(index.texts.count)), entry(first, text: -1), entry(first, head: .some(terms)),
                    entry(first, share: 0), entry(first, share: .nan)] {
            #expect(throws: CacheReader.Damage.self) { try readBack(index, entries: withEntry(bad)) }
        }
        #expect(throws: CacheReader.Damage.self) {
            try readBack(index, entryTerms: replacing(index.entryTerms, at: 0, with: Int32(terms)))
        }
        #expect(throws: CacheReader.Damage.self) {
            try readBack(index, postings: replacing(index.postings, at: 0, with: SearchIndex.Posting(
                document: index.documents.count, frequency: 1)))
        }
        // The titles holding a term: a position past the entries, an entry that is not a title, and two titles out
        // of order.
        let t = try #require((0..<terms).first { Set(index.titlesWithTerm[$0]).count > 1 })
        let run = index.titlesWithTerm[t]
        for value in [Int32(index.entries.count), Int32(titleEnd)] {
            #expect(throws: CacheReader.Damage.self) {
                try readBack(index, titlesWithTerm: replacing(index.titlesWithTerm, at: run.startIndex, with: value))
            }
        }
        // A text that is not a title yet holds the term, in order after the term's other titles.
        let (u, text) = try #require((0..<terms).lazy.compactMap { u -> (Int, Int)? in
            let titles = index.titlesWithTerm[u]
            guard let last = titles.last else { return nil }
            let after = titles.dropLast().last.map { Int($0) + 1 } ?? 0
            return (after..<index.entries.count).first { e in
                Int32(e) != last && !index.documents.contains { $0.titleEntries.contains(e) }
                    && index.terms(of: e).contains(Int32(u))
            }.map { (u, $0) }
        }.first)
        #expect(throws: CacheReader.Damage.self) {
            try readBack(index, titlesWithTerm: replacing(index.titlesWithTerm, at: index.titlesWithTerm[u].endIndex - 1,
                                                          with: Int32(text)))
        }
        var swapped = index.titlesWithTerm.values
        swapped.swapAt(run.startIndex, run.endIndex - 1)
        #expect(throws: CacheReader.Damage.self) {
            try readBack(index, titlesWithTerm: Runs(values: swapped, starts: index.titlesWithTerm.starts)!)
        }
    }

    @Test func runsAreCheckedWhenMade() {
        #expect(Runs(values: [1, 2, 3], starts: [0, 1, 3])?[1] == [2, 3])
        #expect(Runs(values: [Int32](), starts: [0])?.count == 0)
        #expect(Runs(values: [1, 2, 3], starts: []) == nil)
        #expect(Runs(values: [1, 2, 3], starts: [1, 3]) == nil)
        #expect(Runs(values: [1, 2, 3], starts: [0, 2, 1, 3]) == nil)
        #expect(Runs(values: [1, 2, 3], starts: [0, 2]) == nil)
        #expect(Runs(values: [1, 2, 3], starts: [0, 4]) == nil)
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
