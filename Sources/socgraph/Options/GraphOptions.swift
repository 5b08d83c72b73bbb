import ArgumentParser
import Foundation
import SOCGraph

/// `--graph DIR`: which Graph/ directory to read.
struct GraphOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The Graph/ directory to read (default: $SOCGRAPH_GRAPH, else the graph installed with socgraph, "
            + "else the Graph/ it was built from).",
        valueName: "dir"), completion: .directory)
    var graph: String?

    /// `--graph`, else `$SOCGRAPH_GRAPH`, else `../share/socgraph/Graph` next to an installed executable, else the
    /// Graph/ of the source tree this executable was built from. An installed copy reads the graph installed with
    /// it even on the machine that built it; a build under .build/ has no such graph and reads the source tree's.
    var directory: URL {
        if let graph { return URL(fileURLWithPath: graph) }
        if let env = ProcessInfo.processInfo.environment["SOCGRAPH_GRAPH"], !env.isEmpty {
            return URL(fileURLWithPath: env)
        }
        if let installed = Self.installedGraph { return installed }
        return Self.sourceTreeGraph
    }

    /// `../share/socgraph/Graph` beside the running executable (symbolic links resolved), when it exists.
    static var installedGraph: URL? {
        guard let executable = Executable.path else { return nil }
        let installed = URL(fileURLWithPath: executable).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("share/socgraph/Graph")
        return FileManager.default.fileExists(atPath: installed.path) ? installed : nil
    }

    /// Graph/ of the package this file was compiled in (Sources/socgraph/Options/ is three levels down).
    static var sourceTreeGraph: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Graph")
    }

    /// Loads the graph; a damaged graph throws `SOCGraphError.damagedGraph` (exit 3). Loaded once per process
    /// (see `LoadedGraphs`).
    func load() throws -> KnowledgeGraph {
        try LoadedGraphs.shared.graph(directory: directory)
    }

    /// Loads the graph and prints a `socgraph: note:` line for each of `codes` read through the SOC 2010
    /// crosswalk, or valid in SOC 2010 and SOC 2018 with different meanings (`KnowledgeGraph.resolutionNotes`).
    func load(noting codes: [String]) throws -> KnowledgeGraph {
        let graph = try load()
        for note in codes.flatMap(graph.resolutionNotes) { Terminal.note(note) }
        return graph
    }

    /// The search index of the graph (with the definitions and tasks of Graph/text/ when present) and the sources
    /// it cites; loaded once per process.
    func searchIndex() throws -> (index: SearchIndex, sources: [DataSource]) {
        try LoadedGraphs.shared.searchIndex(directory: directory)
    }

    /// The words the search index keeps apart from their base, for the title words of `find` and `related --where`:
    /// from the loaded search index, else the start of the cache's (`GraphStore.cachedSeparateForms()`), else from
    /// the index, built and kept like `searchIndex()`'s.
    func separateForms() throws -> Set<String> {
        try LoadedGraphs.shared.separateForms(directory: directory)
    }

    /// The definitions and tasks of Graph/text/, nil when the folder is absent; loaded once per process.
    func text() throws -> OccupationText? {
        try LoadedGraphs.shared.text(directory: directory)
    }
}

/// The graphs and search indexes this process has loaded, by directory, so that the commands of a `batch` share
/// them. Kept until exit, which also spares a one-shot command the cost of freeing them.
final class LoadedGraphs: @unchecked Sendable {
    static let shared = LoadedGraphs()

    private let lock = NSLock()
    private var graphs: [String: KnowledgeGraph] = [:]
    private var indexes: [String: (index: SearchIndex, sources: [DataSource])] = [:]
    private var texts: [String: OccupationText?] = [:]

    func text(directory: URL) throws -> OccupationText? {
        let key = directory.standardizedFileURL.path
        lock.lock()
        defer { lock.unlock() }
        if let found = texts[key] { return found }
        let found = try GraphStore(directory: directory).loadText(for: try lockedGraph(directory: directory))
        texts[key] = .some(found)
        return found
    }

    func graph(directory: URL) throws -> KnowledgeGraph {
        lock.lock()
        defer { lock.unlock() }
        return try lockedGraph(directory: directory)
    }

    func searchIndex(directory: URL) throws -> (index: SearchIndex, sources: [DataSource]) {
        let key = directory.standardizedFileURL.path
        lock.lock()
        defer { lock.unlock() }
        if let found = indexes[key] { return found }
        let found = try GraphStore(directory: directory).loadSearchIndex { try lockedGraph(directory: directory) }
        indexes[key] = found
        return found
    }

    func separateForms(directory: URL) throws -> Set<String> {
        let key = directory.standardizedFileURL.path
        lock.lock()
        defer { lock.unlock() }
        if let found = indexes[key] { return found.index.separateForms }
        let store = GraphStore(directory: directory)
        if let forms = store.cachedSeparateForms() { return forms }
        let found = try store.loadSearchIndex { try lockedGraph(directory: directory) }
        indexes[key] = found
        return found.index.separateForms
    }

    /// `graph(directory:)` with the lock held.
    private func lockedGraph(directory: URL) throws -> KnowledgeGraph {
        let key = directory.standardizedFileURL.path
        if let graph = graphs[key] { return graph }
        let graph = try GraphStore(directory: directory).load()
        graphs[key] = graph
        return graph
    }
}
