import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import SOCGraph

/// The formats of `socgraph export`.
public enum ExportFormat: String, CaseIterable, Sendable {
    /// One GraphML document, `socgraph.graphml` (Gephi, yEd, networkx).
    case graphml
    /// One node-link JSON document, `socgraph.json` (networkx `node_link_graph`, scripts).
    case json
    /// CSV files for `neo4j-admin database import`, with a README.md.
    case neo4j
}

/// Writes the whole graph in one of the export formats into a directory.
public enum GraphExportWriter {
    /// The files of `export` in `format`, by name.
    public static func files(_ export: GraphExport, format: ExportFormat) throws -> [(name: String, text: String)] {
        switch format {
        case .graphml: return [("socgraph.graphml", GraphMLWriter.document(export))]
        case .json: return [("socgraph.json", NodeLinkJSONWriter.document(export))]
        case .neo4j: return try Neo4jCSVWriter.files(export)
        }
    }

    /// Writes `graph` in `format` into `directory`, creating it (and its parents) if missing; the files are written
    /// all or nothing, each through a temporary file renamed into place. Returns their paths, in order.
    ///
    /// Throws `SOCGraphError.outputFailed` naming the path and the reason.
    public static func write(_ graph: KnowledgeGraph, format: ExportFormat, to directory: OutputPath,
                             generator: String) throws -> [URL] {
        let files = try files(GraphExport(graph: graph, generator: generator), format: format)
        try createDirectory(directory.bytes)
        let paths = files.map { file in
            OutputPath(url: directory.url.appendingPathComponent(file.name),
                       bytes: OutputPath.withoutTrailingSlashes(directory.bytes) + Array(("/" + file.name).utf8))
        }
        try OutputFiles.write(zip(files, paths).map { (Data($0.text.utf8), $1) })
        return paths.map(\.url)
    }

    /// `mkdir -p` on the bytes of `path`; an existing directory (or a link to one) is fine, anything else in its
    /// place is refused.
    private static func createDirectory(_ path: [UInt8]) throws {
        let shown = OutputPath.text(path)
        var status = stat()
        if OutputPath.withCPath(path, { stat($0, &status) }) == 0 {
            guard status.st_mode & S_IFMT == S_IFDIR else {
                throw SOCGraphError.outputFailed("cannot export to '\(shown)': it is not a directory; give a "
                    + "directory (created if missing) as --out")
            }
            return
        }
        let parent = OutputPath.directory(of: path)
        if parent != OutputPath.withoutTrailingSlashes(path) { try createDirectory(parent) }
        guard OutputPath.withCPath(path, { mkdir($0, 0o777) }) == 0 || errno == EEXIST else {
            throw SOCGraphError.outputFailed("cannot create the directory '\(shown)': "
                + "\(String(cString: strerror(errno))); choose another --out")
        }
    }
}
