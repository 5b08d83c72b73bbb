import Foundation
import SOCGraph
import SOCGraphRender

/// Writing diagrams for commands: where (`--out`, else `Output/` with a name made from the codes), in which
/// format (the extension of `--out`, else `--render`, else SVG), atomically.
///
/// Failures leave any existing file at the destination untouched: a request over the size limit or a bad format
/// throws `SOCGraphError.invalidInput` (exit 2), a write or render failure `SOCGraphError.outputFailed` (exit 4).
enum DiagramOutput {
    /// Renders the comparison diagram of `codes` (as the user typed them) and writes it; returns where.
    /// `compare CODE… --out FILE` calls this. In a batch, the write waits for the line's turn.
    static func writeComparisonDiagram(
        codes: [String], graph: KnowledgeGraph, out: String?, format: OutputFormat?,
        includePrograms: Bool = false, context: BatchContext = .oneShot
    ) throws -> URL {
        let (diagram, ids) = try comparison(codes: codes, graph: graph, includePrograms: includePrograms)
        let (path, chosen) = try destination(out: out, format: format, command: "compare", codes: ids)
        try write(diagram, to: path, format: chosen, context: context)
        return path.url
    }

    /// The comparison diagram of `codes` (as the user typed them), and the candidates' ids in the diagram's order.
    static func comparison(codes: [String], graph: KnowledgeGraph, includePrograms: Bool) throws
        -> (diagram: Diagram, ids: [String])
    {
        let nodes = try ComparisonReport.candidates(graph: graph, inputs: codes)
        let diagram = try DiagramFactory.comparison(
            of: nodes, in: graph, options: ComparisonSubgraph.Options(includePrograms: includePrograms))
        return (diagram, nodes.map { graph[$0].id })
    }

    /// Renders the neighbourhood diagram of `code` to `depth` and writes it; returns where.
    static func writeNeighbourhoodDiagram(
        code: String, depth: Int, tiers: Set<RelatedTier>, graph: KnowledgeGraph, out: String?,
        format: OutputFormat?, context: BatchContext = .oneShot
    ) throws -> URL {
        let centre = try graph.resolve(code)
        let diagram = try DiagramFactory.neighbourhood(of: centre, depth: depth, tiers: tiers, in: graph)
        let (path, chosen) = try destination(
            out: out, format: format, command: "neighbourhood", codes: [graph[centre].id])
        try write(diagram, to: path, format: chosen, context: context)
        return path.url
    }

    /// Renders `diagram` in `format` and writes it to `path` atomically. In a batch the render runs beside other
    /// lines (the same DOT gives the same bytes whatever else runs); the write waits for the line's turn.
    static func write(
        _ diagram: Diagram, to path: OutputPath, format: OutputFormat, context: BatchContext = .oneShot
    ) throws {
        let data = try GraphvizRenderer().render(dot: try DOTBuilder().build(diagram), format: format)
        try context.inOrder {
            try DiagramWriter.write([(data, path)])
        }
    }

    /// The file and format of an output: `--out` with its extension's format (`--render` must agree), or
    /// `--render`'s when the name does not say (`/dev/stdout`); else `Output/<command>-<codes>.<format>` in the
    /// working directory, the directory created when missing.
    static func destination(
        out: String?, format: OutputFormat?, command: String, codes: [String]
    ) throws -> (OutputPath, OutputFormat) {
        if let out {
            let path = OutputArgument.path(out)
            let url = path.url
            if let format, OutputFormat(name: url.pathExtension) == nil { return (path, format) }
            let fromName = try OutputFormat(fileURL: url)
            if let format, format != fromName {
                throw SOCGraphError.invalidInput(
                    "--render \(format.rawValue) does not match --out '\(url.lastPathComponent)': "
                        + "name the file with .\(format.fileExtension) or leave out --render")
            }
            return (path, fromName)
        }
        let chosen = format ?? .svg
        let url = DiagramWriter.defaultURL(command: command, codes: codes, format: chosen)
        try createDefaultDirectory(for: url)
        return (OutputPath(url: url), chosen)
    }

    /// Creates `Output/` when a default destination needs it.
    static func createDefaultDirectory(for url: URL) throws {
        let directory = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw SOCGraphError.outputFailed(
                "cannot create '\(directory.path)' for the output: \(SystemError.reason(of: error) ?? "\(error)"); give --out")
        }
    }

    /// `url`'s path relative to the working directory when it is inside it (`Output/x.svg`), else absolute.
    static func displayPath(_ url: URL) -> String {
        let path = url.standardizedFileURL.path
        let base = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL.path
        let prefix = base.hasSuffix("/") ? base : base + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }
}
