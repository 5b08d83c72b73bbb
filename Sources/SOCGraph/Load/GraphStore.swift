import Foundation

/// Where a graph lives on disk, and the one way to load it.
///
/// `load(_:)` reads only the sections asked for (plus the hierarchy and manifest), so a command pays only for
/// what it shows: `show` skips the large titles and technology files. It keeps a snapshot of each graph it builds
/// in the cache folders (`CacheFolders`: `Graph/.cache/`, else the user's cache folder), so that the next run
/// with the same sections and unchanged files reads the snapshot instead of the TSV files. The result is immutable
/// and `Sendable`.
public struct GraphStore: Sendable {
    /// The Graph/ directory.
    public let directory: URL
    /// Where snapshots are kept; `folders.isDisabled` when `SOCGRAPH_NO_CACHE` is set.
    public let folders: CacheFolders

    /// The store of the graph in `directory`; `environment` supplies `XDG_CACHE_HOME`, `HOME` and
    /// `SOCGRAPH_NO_CACHE` (see `CacheFolders`).
    public init(directory: URL, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.directory = directory
        self.folders = CacheFolders(graph: directory, environment: environment)
    }

    init(directory: URL, folders: CacheFolders) {
        self.directory = directory
        self.folders = folders
    }

    /// Loads `sections` and their prerequisites: from the snapshot of an earlier load when one matches the files,
    /// else by reading and validating every row of the files (then a snapshot is written for the next run; a
    /// cache that cannot be written is skipped).
    ///
    /// Throws `SOCGraphError.damagedGraph` with every problem found (file and line), sorted; never returns a
    /// partial graph. O(snapshot size) from a snapshot, else O(rows of the files read + edges · log edges).
    public func load(_ sections: Set<GraphSection> = GraphSection.all) throws -> KnowledgeGraph {
        try GraphSnapshotStore(folders: folders, sections: sections).load { try loadFromFiles(sections) }
    }

    /// Loads `sections` and their prerequisites from the TSV files, validating every row read, without reading or
    /// writing any snapshot: what `socgraph check` uses. Throws like `load(_:)`.
    public func loadFromFiles(_ sections: Set<GraphSection> = GraphSection.all) throws -> KnowledgeGraph {
        try GraphBuilder(directory: directory, sections: sections).build()
    }
}
