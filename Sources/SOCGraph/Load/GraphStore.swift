#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Where a graph lives on disk, and the one way to load it.
///
/// `load(_:)` reads only the sections asked for (plus the hierarchy and manifest), so a command pays only for
/// what it shows: `show` skips the large titles and technology files. The result is immutable and `Sendable`.
public struct GraphStore: Sendable {
    /// The Graph/ directory.
    public let directory: URL

    public init(directory: URL) {
        self.directory = directory
    }

    /// Loads `sections` and their prerequisites, validating every row read.
    ///
    /// Throws `SOCGraphError.damagedGraph` with every problem found (file and line), sorted; never returns a
    /// partial graph. O(rows of the files read + edges · log edges).
    public func load(_ sections: Set<GraphSection> = GraphSection.all) throws -> KnowledgeGraph {
        try GraphBuilder(directory: directory, sections: sections).build()
    }
}
