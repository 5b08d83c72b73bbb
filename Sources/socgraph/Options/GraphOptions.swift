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

    /// Loads the sections a command needs; a damaged graph throws `SOCGraphError.damagedGraph` (exit 3).
    /// Graphs are kept for the life of the process (see `GraphCache`).
    func load(_ sections: Set<GraphSection>) throws -> KnowledgeGraph {
        try GraphCache.shared.graph(directory: directory, sections: sections)
    }
}

/// The graphs this process has loaded, by directory: a command run after another (as in `batch`) reuses a graph
/// that already holds the sections it needs. Graphs are never released before exit, which also spares a
/// one-shot command the cost of freeing them.
final class GraphCache: @unchecked Sendable {
    static let shared = GraphCache()

    private let lock = NSLock()
    private var graphs: [String: KnowledgeGraph] = [:]

    func graph(directory: URL, sections: Set<GraphSection>) throws -> KnowledgeGraph {
        let key = directory.standardizedFileURL.path
        lock.lock()
        defer { lock.unlock() }
        if let cached = graphs[key], cached.sections.isSuperset(of: GraphSection.closure(of: sections)) {
            return cached
        }
        let wanted = sections.union(graphs[key]?.sections ?? [])
        let graph = try GraphStore(directory: directory).load(wanted)
        graphs[key] = graph
        return graph
    }
}
