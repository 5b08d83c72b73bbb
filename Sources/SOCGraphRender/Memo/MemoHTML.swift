import Foundation
import SOCGraph

/// A memo as one self-contained HTML document (well-formed XML too): the table, the diagram's SVG inline,
/// the evidence, the profession check and the sources, with a small print-friendly style sheet.
public enum MemoHTML {
    /// The HTML of `memo` with `svg` (as Graphviz renders it) inline. Every text is escaped.
    public static func render(_ memo: Memo, svg: Data) -> String {
        var out = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8"/>
            <title>\(escape(memo.title))</title>
            <style>
            \(styleSheet)
            </style>
            </head>
            <body>
            <section class="socgraph-memo">

            """
        out += "<h2>" + escape(memo.title) + "</h2>\n"
        out += "<p>Candidate codes: "
            + memo.candidates.map { escape("\($0.code) \($0.title)") }.joined(separator: "; ") + ".</p>\n"

        out += "<h3>Side by side</h3>\n<table>\n<thead><tr><th></th>"
            + memo.candidates.map { "<th>" + escape($0.code) + "</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for row in memo.rows {
            out += "<tr><th>" + escape(row.label) + "</th>" + row.cells.map { "<td>" + escape($0) + "</td>" }.joined()
                + "</tr>\n"
        }
        out += "</tbody>\n</table>\n"
        if !memo.relations.isEmpty {
            out += "<p>Related occupations (O*NET):</p>\n<ul>\n"
                + memo.relations.map { "<li>" + escape($0) + "</li>\n" }.joined() + "</ul>\n"
        }

        out += "<h3>Diagram</h3>\n<figure>\n" + inlineSVG(svg) + "\n<figcaption>" + escape(memo.diagram.title)
            + "</figcaption>\n</figure>\n"

        out += "<h3>Alignment with national-interest fields</h3>\n<ul>\n"
        for candidate in memo.candidates {
            let name = "<strong>" + escape("\(candidate.code) \(candidate.title)") + "</strong>"
            guard !candidate.fields.isEmpty else {
                out += "<li>" + name + ": no alignment with a national-interest field is recorded in this graph.</li>\n"
                continue
            }
            out += "<li>" + name + ":\n<ul>\n"
            for field in candidate.fields {
                out += "<li>" + escape(field.field) + " (" + escape(field.framework + (field.grade.map { ", " + $0 } ?? "")) + ")"
                    + (field.evidence.isEmpty ? ": no evidence recorded" : "")
                if !field.evidence.isEmpty {
                    out += "\n<ul>\n" + field.evidence.map { "<li>" + escape($0) + "</li>\n" }.joined() + "</ul>\n"
                }
                out += "</li>\n"
            }
            out += "</ul>\n</li>\n"
        }
        out += "</ul>\n"

        out += "<h3>Profession check (8 CFR 204.5(k)(2))</h3>\n<ul>\n"
        for candidate in memo.candidates {
            let check = candidate.profession
            let answer = check.bachelorOrHigher.map { $0 ? "yes" : "no" } ?? "unknown"
            out += "<li><strong>" + escape("\(candidate.code) \(candidate.title)") + "</strong>: bachelor&#8217;s "
                + "degree or higher for entry: " + answer + ". " + escape(check.basis) + "."
            if !check.warnings.isEmpty {
                out += "\n<ul>\n" + check.warnings.map { "<li class=\"caution\">Caution: " + escape($0) + ".</li>\n" }
                    .joined() + "</ul>\n"
            }
            out += "</li>\n"
        }
        out += "</ul>\n"

        out += "<h3>The codes&#8217; own words</h3>\n"
        if memo.hasText {
            for candidate in memo.candidates {
                guard let words = candidate.words else { continue }
                out += "<p><strong>" + escape("\(candidate.code) \(candidate.title)") + "</strong>. SOC 2018 definition: "
                    + escape(words.definition ?? "none published") + "</p>\n"
                out += "<p>" + escape("O*NET tasks (\(min(Memo.quotedTasks, words.tasks.count)) of \(words.tasks.count), "
                                      + "the occupation's own first, core first):") + "</p>\n<ul>\n"
                for task in words.tasks.prefix(Memo.quotedTasks) {
                    out += "<li>" + escape(task.text + " (\(task.onetCode)" + (task.type.isEmpty ? "" : ", \(task.type.lowercased())") + ")") + "</li>\n"
                }
                out += "</ul>\n"
            }
        } else {
            out += "<p>" + escape("Not quoted: " + OccupationText.howToGet + ".") + "</p>\n"
        }

        out += "<h3>Sources</h3>\n<ol class=\"sources\">\n"
        for citation in memo.sources {
            out += "<li>" + escape(citation.publisher) + ". "
                + citation.titles.map { "<cite>" + escape($0) + "</cite>" }.joined(separator: "; ")
                + " (" + escape(citation.vintage) + ")."
                + citation.urls.map { " <a href=\"" + escape($0) + "\">" + escape($0) + "</a>" }.joined() + "</li>\n"
        }
        out += "</ol>\n"
        if let onet = memo.onetVintage {
            out += "<p class=\"sources\">" + escape(MemoCredit.onet(vintage: onet)) + "</p>\n"
        }
        out += "</section>\n</body>\n</html>\n"
        return out
    }

    /// The style sheet of every HTML memo (the comparison section and the case memo): print-friendly, small.
    static let styleSheet = """
        body { font-family: Helvetica, Arial, sans-serif; font-size: 11pt; color: #1a1a1a; max-width: 60em; margin: 2em auto; }
        table { border-collapse: collapse; margin: 1em 0; }
        th, td { border: 1px solid #b3b3b3; padding: 0.3em 0.5em; text-align: left; vertical-align: top; }
        thead th { background: #f1ca73; }
        tbody th { background: #f7f7f7; font-weight: normal; }
        figure { margin: 1em 0; }
        figure svg { max-width: 100%; height: auto; }
        .caution { color: #8f4a00; }
        .sources { font-size: 9pt; }
        """

    /// `text` as HTML character data or attribute value: `& < > " '` as entities, control characters dropped,
    /// line breaks and tabs as spaces (the same rule as DOT's HTML-like labels).
    public static func escape(_ text: String) -> String { DOTSyntax.html(text) }

    /// The `<svg …>…</svg>` element of a Graphviz SVG file, without the XML declaration, DOCTYPE and comments
    /// before it.
    public static func inlineSVG(_ svg: Data) -> String {
        let text = String(decoding: svg, as: UTF8.self)
        guard let start = text.firstRange(of: "<svg") else { return "" }
        return text[start.lowerBound...].trimmed
    }
}
