import Foundation

/// Where a graph lives on disk, and the way to load it and its search index: from the cache (`GraphCache`) when it
/// was made from the files as they are now, else by reading and validating every row of Graph/, which refreshes
/// the cache.
public struct GraphStore: Sendable {
    /// The Graph/ directory.
    public let directory: URL
    let cache: GraphCache

    /// The store of the graph in `directory`; `environment` supplies `SOCGRAPH_NO_CACHE`, `XDG_CACHE_HOME` and
    /// `HOME` (see `GraphCache`).
    public init(directory: URL, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.directory = directory
        cache = GraphCache(directory: directory, environment: environment)
    }

    /// The graph. Throws `SOCGraphError.damagedGraph` with every problem found (file and line), sorted; never
    /// returns a partial graph.
    public func load() throws -> KnowledgeGraph {
        let fingerprint = cache.fingerprint()
        if let fingerprint, var reader = cache.read(.graph, fingerprint: fingerprint) {
            do {
                return try KnowledgeGraph(cache: &reader)
            } catch {
                // A part that does not decode is no cache: load the files and write it again.
            }
        }
        let graph = try loadFromFiles()
        if let fingerprint, cache.fingerprint() == fingerprint {
            cache.write(fingerprint: fingerprint, graph: graph.cacheBytes(), index: [])
        }
        return graph
    }

    /// Reads and validates every Graph/ file, without the cache: what `socgraph check` uses. Throws like `load()`.
    /// O(rows + edges · log edges).
    public func loadFromFiles() throws -> KnowledgeGraph {
        try GraphBuilder(directory: directory).build()
    }

    /// The search index of the graph (with the definitions and tasks of Graph/text/ when present) and the sources
    /// it cites: from the cache, else built from the graph `load()` gives and added to the cache.
    public func loadSearchIndex() throws -> (index: SearchIndex, sources: [DataSource]) {
        try loadSearchIndex(graph: load)
    }

    /// The -ing and -ed words the search index keeps apart from their base (`SearchIndex.separateForms`), for `find`,
    /// from the start of the cache's index part; nil when the cache has none (then `loadSearchIndex(graph:)` builds
    /// the index and caches it).
    public func cachedSeparateForms() -> Set<String>? {
        guard let fingerprint = cache.fingerprint(), var reader = cache.read(.index, fingerprint: fingerprint) else {
            return nil
        }
        return try? SearchIndex.readSeparateForms(cache: &reader)
    }

    /// `loadSearchIndex()` with the graph, when it must be built, from `graph` (one already loaded, say).
    public func loadSearchIndex(graph: () throws -> KnowledgeGraph) throws -> (index: SearchIndex, sources: [DataSource]) {
        let fingerprint = cache.fingerprint()
        if let fingerprint, var reader = cache.read(.index, fingerprint: fingerprint) {
            do {
                return try SearchIndex.read(cache: &reader)
            } catch {
                // As in `load()`.
            }
        }
        let graph = try graph()
        let index = SearchIndex(graph: graph, text: try loadText(for: graph))
        if let fingerprint, cache.fingerprint() == fingerprint {
            cache.write(fingerprint: fingerprint, graph: graph.cacheBytes(), index: index.cacheBytes(sources: graph.sources))
        }
        return (index, graph.sources)
    }
}
