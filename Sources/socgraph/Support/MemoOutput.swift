import Foundation
import SOCGraph
import SOCGraphRender

/// Writing memos for `memo`: Markdown with the diagram as an SVG file beside it (same base name), or one
/// self-contained HTML file with the SVG inline. Everything is rendered before anything is written, and the files
/// are written all or nothing: a failure leaves every existing file as it was.
enum MemoOutput {
    /// The memo formats, from the extension of `--out`.
    enum Kind {
        case markdown
        case html

        init(fileURL url: URL) throws {
            switch url.pathExtension.lowercased() {
            case "md", "markdown": self = .markdown
            case "html", "htm": self = .html
            default:
                throw SOCGraphError.invalidInput(
                    "cannot tell the memo format of '\(url.lastPathComponent)': give a file name ending in .md or .html")
            }
        }
    }

    /// Writes the memo comparing `codes` (as typed) to `out` (default `Output/memo-<codes>.md`); returns the
    /// files written, the memo first.
    static func writeMemo(codes: [String], graph: KnowledgeGraph, out: String?, includePrograms: Bool) throws -> [URL] {
        let nodes = try ComparisonReport.candidates(graph: graph, inputs: codes)
        let path: OutputPath
        if let out {
            path = OutputArgument.path(out)
        } else {
            let url = DiagramWriter.defaultURL(command: "memo", codes: nodes.map { graph[$0].id }, format: .svg)
                .deletingPathExtension().appendingPathExtension("md")
            try DiagramOutput.createDefaultDirectory(for: url)
            path = OutputPath(url: url)
        }
        let kind = try Kind(fileURL: path.url)
        let memo = try Memo(graph: graph, candidates: nodes,
                            options: ComparisonSubgraph.Options(includePrograms: includePrograms))
        let svg = try GraphvizRenderer().render(memo.diagram, format: .svg)
        switch kind {
        case .html:
            try DiagramWriter.write([(Data(MemoHTML.render(memo, svg: svg).utf8), path)])
            return [path.url]
        case .markdown:
            let diagram = path.replacingExtension(with: "svg")
            let text = MemoMarkdown.render(memo, diagramFileBytes: diagram.fileName)
            try DiagramWriter.write([(svg, diagram), (Data(text.utf8), path)])
            return [path.url, diagram.url]
        }
    }
}
