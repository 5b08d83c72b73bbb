import Foundation
import SOCGraph

/// The search indexes this process has, by graph directory: each is read from the cache file of
/// `SearchIndexStore` (or built from the graph and saved there) once, so a process running several searches
/// (`batch`) reads it once.
final class SearchIndexCache: @unchecked Sendable {
    static let shared = SearchIndexCache()

    private let lock = NSLock()
    private var files: [String: SearchIndexFile] = [:]

    /// The index of the graph in `directory` (with the definitions and tasks of Graph/text/ when present) and the
    /// sources it cites. A graph that must be loaded is loaded through `GraphCache`, so that it is shared with
    /// the other commands of a batch.
    func index(directory: URL) throws -> SearchIndexFile {
        let key = directory.standardizedFileURL.path
        lock.lock()
        defer { lock.unlock() }
        if let cached = files[key] { return cached }
        let file = try SearchIndexStore(directory: directory).load {
            let graph = try GraphCache.shared.graph(directory: directory, sections: KnowledgeGraph.searchSections)
            let text = try GraphStore(directory: directory).loadText(for: graph)
            return (SearchIndex(graph: graph, text: text), graph.sources)
        }
        files[key] = file
        return file
    }
}

extension GraphOptions {
    /// The search index of the graph and the sources it cites (read or built once per process).
    func searchIndex() throws -> (index: SearchIndex, sources: [DataSource]) {
        let file = try SearchIndexCache.shared.index(directory: directory)
        return (file.index, file.sources)
    }
}
