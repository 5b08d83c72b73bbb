import ArgumentParser
import Foundation
import SOCGraph

/// `--graph DIR`: which Graph/ directory to read.
struct GraphOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The Graph/ directory to read (default: $SOCGRAPH_GRAPH, else the Graph/ socgraph was built from).",
        valueName: "dir"), completion: .directory)
    var graph: String?

    /// `--graph`, else `$SOCGRAPH_GRAPH`, else the Graph/ of the source tree this executable was built from,
    /// else `../share/socgraph/Graph` next to an installed executable.
    var directory: URL {
        if let graph { return URL(fileURLWithPath: graph) }
        if let env = ProcessInfo.processInfo.environment["SOCGRAPH_GRAPH"], !env.isEmpty {
            return URL(fileURLWithPath: env)
        }
        let built = Self.sourceTreeGraph
        if FileManager.default.fileExists(atPath: built.path) { return built }
        if let executable = Executable.path {
            let installed = URL(fileURLWithPath: executable).deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("share/socgraph/Graph")
            if FileManager.default.fileExists(atPath: installed.path) { return installed }
        }
        return built
    }

    /// Graph/ of the package this file was compiled in (Sources/socgraph/Options/ is three levels down).
    static var sourceTreeGraph: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Graph")
    }

    /// Loads the graph; a damaged graph throws `SOCGraphError.damagedGraph` (exit 3). Loaded once per process
    /// (see `GraphCache`).
    func load() throws -> KnowledgeGraph {
        try GraphCache.shared.graph(directory: directory)
    }

    /// The search index of the graph (with the definitions and tasks of Graph/text/ when present) and the sources
    /// it cites; built once per process.
    func searchIndex() throws -> (index: SearchIndex, sources: [DataSource]) {
        let graph = try load()
        return (try GraphCache.shared.searchIndex(directory: directory, graph: graph), graph.sources)
    }
}

/// The graphs this process has loaded and the search indexes built from them, by directory, so that the commands
/// of a `batch` share them. Kept until exit, which also spares a one-shot command the cost of freeing them.
final class GraphCache: @unchecked Sendable {
    static let shared = GraphCache()

    private let lock = NSLock()
    private var graphs: [String: KnowledgeGraph] = [:]
    private var indexes: [String: SearchIndex] = [:]

    func graph(directory: URL) throws -> KnowledgeGraph {
        let key = directory.standardizedFileURL.path
        lock.lock()
        defer { lock.unlock() }
        if let graph = graphs[key] { return graph }
        let graph = try GraphStore(directory: directory).load()
        graphs[key] = graph
        return graph
    }

    /// The index of `graph`, which was loaded from `directory`.
    func searchIndex(directory: URL, graph: KnowledgeGraph) throws -> SearchIndex {
        let key = directory.standardizedFileURL.path
        lock.lock()
        defer { lock.unlock() }
        if let index = indexes[key] { return index }
        let index = SearchIndex(graph: graph, text: try GraphStore(directory: directory).loadText(for: graph))
        indexes[key] = index
        return index
    }
}
