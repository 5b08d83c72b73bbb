import Foundation
import SOCGraph

/// One Graph/ file produced by the importer: its path inside the graph directory, header and rows. The text is
/// rendered by `TSV.render` (rows sorted bytewise, duplicates removed), so equal inputs give equal bytes.
public struct GraphTable: Sendable, Equatable {
    /// Relative to the graph directory: `soc.tsv`, `text/tasks.tsv`.
    public let path: String
    public let header: [String]
    public let rows: [[String]]

    /// The file's exact contents.
    public var text: String { TSV.render(header: header, rows: rows) }

    /// The number of distinct rows written.
    public var rowCount: Int { Set(rows).count }
}
