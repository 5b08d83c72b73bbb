import Foundation

/// A memo as a sequence of blocks, independent of its file format: `MemoDocument.markdown`, `.html` and
/// `DOCXWriter` write the same blocks as Markdown, one self-contained HTML page, or a Word document.
public struct MemoDocument: Sendable {
    /// A piece of text, optionally a link or in bold.
    public struct Run: Sendable, Hashable {
        public let text: String
        public let url: String?
        public let bold: Bool

        public init(_ text: String, url: String? = nil, bold: Bool = false) {
            self.text = text
            self.url = url
            self.bold = bold
        }
    }

    public enum Block: Sendable {
        /// Level 1 is the title; 2 and 3 are sections.
        case heading(Int, String)
        case paragraph([Run])
        /// Small print: notices, credits.
        case note(String)
        case bullets([[Run]])
        /// A header row (left out where every cell is empty, except in Markdown, which needs one) and body rows;
        /// the first column is a row label when `labelled`.
        case table(header: [String], rows: [[String]], labelled: Bool)
        /// The diagram, as PNG and SVG, with a caption.
        case diagram(png: Data, svg: Data, caption: String)
    }

    public let title: String
    public var blocks: [Block]

    public init(title: String, blocks: [Block] = []) {
        self.title = title
        self.blocks = blocks
    }

    public mutating func heading(_ level: Int, _ text: String) { blocks.append(.heading(level, text)) }
    public mutating func paragraph(_ text: String) { blocks.append(.paragraph([Run(text)])) }
    public mutating func paragraph(_ runs: [Run]) { blocks.append(.paragraph(runs)) }
    public mutating func note(_ text: String) { blocks.append(.note(text)) }
    public mutating func bullets(_ items: [String]) {
        if !items.isEmpty { blocks.append(.bullets(items.map { [Run($0)] })) }
    }
    public mutating func table(header: [String], rows: [[String]], labelled: Bool = false) {
        if !rows.isEmpty { blocks.append(.table(header: header, rows: rows, labelled: labelled)) }
    }

    // MARK: - Markdown

    /// Markdown (CommonMark with GitHub tables); the diagram as `pngFile`, linked, with `svgFile` beside it.
    public func markdown(pngFile: String, svgFile: String) -> String {
        let e = MemoMarkdown.escape
        func runs(_ runs: [Run]) -> String {
            runs.map { run in
                let text = run.bold ? "**" + e(run.text) + "**" : e(run.text)
                guard let url = run.url else { return text }
                return "[" + text + "](<" + url.filter { !$0.isWhitespace && $0 != ">" && $0 != "<" } + ">)"
            }.joined()
        }
        var out = ""
        for block in blocks {
            switch block {
            case let .heading(level, text):
                out += String(repeating: "#", count: level) + " " + e(text) + "\n\n"
            case let .paragraph(items):
                out += runs(items) + "\n\n"
            case let .note(text):
                out += "*" + e(text) + "*\n\n"
            case let .bullets(items):
                out += items.map { "- " + runs($0) + "\n" }.joined() + "\n"
            case let .table(header, rows, _):
                out += "|" + header.map { " " + e($0) + " |" }.joined() + "\n"
                out += "|" + String(repeating: "---|", count: header.count) + "\n"
                for row in rows { out += "|" + row.map { " " + e($0) + " |" }.joined() + "\n" }
                out += "\n"
            case let .diagram(_, _, caption):
                out += "![" + e(caption) + "](" + MemoMarkdown.linkTarget(pngFile) + ")\n\n"
                out += "The same diagram as SVG: [" + e(svgFile) + "](" + MemoMarkdown.linkTarget(svgFile) + ")\n\n"
            }
        }
        return out
    }

    // MARK: - HTML

    /// One self-contained HTML page (well-formed XML): the diagram inline as SVG, and as a PNG data URI for
    /// pasting into a word processor. Every text is escaped.
    public func html() -> String {
        let e = MemoHTML.escape
        func runs(_ runs: [Run]) -> String {
            runs.map { run in
                var text = e(run.text)
                if run.bold { text = "<strong>" + text + "</strong>" }
                if let url = run.url, url.hasPrefix("https://") || url.hasPrefix("http://") {
                    text = "<a href=\"" + e(url) + "\">" + text + "</a>"
                }
                return text
            }.joined()
        }
        var out = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8"/>
            <title>\(e(title))</title>
            <style>
            \(MemoHTML.styleSheet)
            figure img { max-width: 100%; height: auto; }
            .note { font-size: 9pt; color: #444; }
            </style>
            </head>
            <body>
            <article class="socgraph-memo">

            """
        for block in blocks {
            switch block {
            case let .heading(level, text):
                out += "<h\(level)>" + e(text) + "</h\(level)>\n"
            case let .paragraph(items):
                out += "<p>" + runs(items) + "</p>\n"
            case let .note(text):
                out += "<p class=\"note\">" + e(text) + "</p>\n"
            case let .bullets(items):
                out += "<ul>\n" + items.map { "<li>" + runs($0) + "</li>\n" }.joined() + "</ul>\n"
            case let .table(header, rows, labelled):
                out += "<table>\n" + (header.contains(where: { !$0.isEmpty })
                    ? "<thead><tr>" + header.map { "<th>" + e($0) + "</th>" }.joined() + "</tr></thead>\n" : "")
                    + "<tbody>\n"
                for row in rows {
                    out += "<tr>" + row.enumerated().map { index, cell in
                        labelled && index == 0 ? "<th>" + e(cell) + "</th>" : "<td>" + e(cell) + "</td>"
                    }.joined() + "</tr>\n"
                }
                out += "</tbody>\n</table>\n"
            case let .diagram(png, svg, caption):
                out += "<figure>\n" + MemoHTML.inlineSVG(svg) + "\n<figcaption>" + e(caption) + "</figcaption>\n</figure>\n"
                out += "<details><summary>The diagram as a PNG picture (to copy into a document)</summary>\n"
                    + "<figure><img alt=\"" + e(caption) + "\" src=\"data:image/png;base64,"
                    + png.base64EncodedString() + "\"/></figure>\n</details>\n"
            }
        }
        return out + "</article>\n</body>\n</html>\n"
    }
}
