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
        case docx

        init(fileURL url: URL) throws {
            switch url.pathExtension.lowercased() {
            case "md", "markdown": self = .markdown
            case "html", "htm": self = .html
            case "docx": self = .docx
            default:
                throw SOCGraphError.invalidInput(
                    "cannot tell the memo format of '\(url.lastPathComponent)': give a file name ending in .md, .html "
                        + "or .docx")
            }
        }
    }

    /// The client's label as a file name part: its ASCII letters and digits, lowercased ("A.B." → "ab"), else
    /// "client".
    static func clientLabel(_ client: String) -> String {
        let label = client.lowercased().unicodeScalars
            .filter { CharacterSet.alphanumerics.contains($0) && $0.isASCII }.map(String.init).joined()
        return label.isEmpty ? "client" : label
    }

    /// Writes the case memo for the assessment `report` to `out` (default `Output/memo-<client>.md`): Markdown
    /// with the diagram as PNG and SVG beside it, one self-contained HTML page, or a Word document. Returns the
    /// files written, the memo first.
    static func writeCaseMemo(_ report: FitReport, graph: KnowledgeGraph, out: String?) throws -> [URL] {
        let path: OutputPath
        if let out {
            path = OutputArgument.path(out)
        } else {
            let url = DiagramWriter.defaultURL(command: "memo", codes: [clientLabel(report.client.client)], format: .svg)
                .deletingPathExtension().appendingPathExtension("md")
            try DiagramOutput.createDefaultDirectory(for: url)
            path = OutputPath(url: url)
        }
        let kind = try Kind(fileURL: path.url)
        let document = try CaseMemo.document(report, graph: graph)
        switch kind {
        case .html:
            try DiagramWriter.write([(Data(document.html().utf8), path)])
            return [path.url]
        case .docx:
            try DiagramWriter.write([(try DOCXWriter.render(document), path)])
            return [path.url]
        case .markdown:
            let png = path.replacingExtension(with: "png"), svg = path.replacingExtension(with: "svg")
            var files: [(Data, OutputPath)] = []
            for case let .diagram(pngData, svgData, _) in document.blocks {
                files += [(pngData, png), (svgData, svg)]
            }
            let text = document.markdown(pngFile: String(decoding: png.fileName, as: UTF8.self),
                                         svgFile: String(decoding: svg.fileName, as: UTF8.self))
            try DiagramWriter.write(files + [(Data(text.utf8), path)])
            return [path.url] + files.map(\.1.url)
        }
    }

    /// Writes the memo comparing `codes` (as typed) to `out` (default `Output/memo-<codes>.md`); returns the
    /// files written, the memo first.
    static func writeMemo(codes: [String], graph: KnowledgeGraph, out: String?, includePrograms: Bool,
                          text: OccupationText?) throws -> [URL] {
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
        if kind == .docx {
            throw SOCGraphError.invalidInput(
                "a .docx memo is the case memo: give --profile PROFILE, or write this comparison as .md or .html")
        }
        let memo = try Memo(graph: graph, candidates: nodes,
                            options: ComparisonSubgraph.Options(includePrograms: includePrograms), text: text)
        let svg = try GraphvizRenderer().render(memo.diagram, format: .svg)
        switch kind {
        case .html:
            try DiagramWriter.write([(Data(MemoHTML.render(memo, svg: svg).utf8), path)])
            return [path.url]
        case .markdown, .docx:
            let diagram = path.replacingExtension(with: "svg")
            let text = MemoMarkdown.render(memo, diagramFileBytes: diagram.fileName)
            try DiagramWriter.write([(svg, diagram), (Data(text.utf8), path)])
            return [path.url, diagram.url]
        }
    }
}
