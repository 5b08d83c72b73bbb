import Foundation
import SOCGraph

/// The search indexes this process has built, by graph directory: the index costs about a tenth of a second to
/// build, so a process running several searches (`batch`) builds it once.
final class SearchIndexCache: @unchecked Sendable {
    static let shared = SearchIndexCache()

    private let lock = NSLock()
    private var indexes: [String: SearchIndex] = [:]

    /// The index of the graph in `directory`, with the definitions and tasks of Graph/text/ when present.
    func index(directory: URL, graph: KnowledgeGraph) throws -> SearchIndex {
        let key = directory.standardizedFileURL.path
        lock.lock()
        defer { lock.unlock() }
        if let cached = indexes[key] { return cached }
        let text = try GraphStore(directory: directory).loadText(for: graph)
        let index = SearchIndex(graph: graph, text: text)
        indexes[key] = index
        return index
    }
}

extension GraphOptions {
    /// The graph with the search sections loaded, and its search index (built once per process).
    func searchIndex() throws -> (graph: KnowledgeGraph, index: SearchIndex) {
        let graph = try load(KnowledgeGraph.searchSections)
        return (graph, try SearchIndexCache.shared.index(directory: directory, graph: graph))
    }
}
