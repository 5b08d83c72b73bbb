import Foundation

/// Where a graph lives on disk, and the one way to load it: every file of Graph/ read and every row validated,
/// into an immutable, `Sendable` graph. Nothing is written.
public struct GraphStore: Sendable {
    /// The Graph/ directory.
    public let directory: URL

    public init(directory: URL) {
        self.directory = directory
    }

    /// Reads and validates every Graph/ file. Throws `SOCGraphError.damagedGraph` with every problem found (file
    /// and line), sorted; never returns a partial graph. O(rows + edges · log edges).
    public func load() throws -> KnowledgeGraph {
        try GraphBuilder(directory: directory).build()
    }
}
