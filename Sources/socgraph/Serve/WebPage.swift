import Foundation
import SOCGraph
import SOCGraphRender

/// The HTML of the web explorer: one layout, every text escaped (`MemoHTML.escape`, the rule of the memos and
/// diagrams), no script, nothing fetched from another address. Command output is shown as the command line prints
/// it (in a `<pre>` block, with its codes made links), so a page says exactly what `socgraph` says.
enum WebPage {
    /// The text as HTML character data or an attribute value.
    static func escape(_ text: String) -> String { MemoHTML.escape(text) }

    /// A whole page: the navigation, `notes` (the command line's `note:` lines) as a warning box, then `body`.
    static func document(title: String, notes: [String] = [], hasChanges: Bool, body: String) -> String {
        var nav = [("/", "Search"), ("/compare", "Compare"), ("/fields", "Fields"), ("/case", "Client case")]
        if hasChanges { nav.append(("/diff", "Changes")) }
        nav.append(("/api", "API"))
        let links = nav.map { "<a href=\"\($0.0)\">\(escape($0.1))</a>" }.joined(separator: "\n")
        let noteBox = notes.isEmpty ? ""
            : "<div class=\"notes\" role=\"note\">" + notes.map { "<p>" + escape($0) + "</p>" }.joined() + "</div>\n"
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8"/>
            <meta name="viewport" content="width=device-width, initial-scale=1"/>
            <title>\(escape(title)) · socgraph</title>
            <style>
            \(styleSheet)
            </style>
            </head>
            <body>
            <header><strong>socgraph</strong>
            <nav>
            \(links)
            </nav></header>
            <main>
            \(noteBox)\(body)
            </main>
            <footer>\(escape(footer))</footer>
            </body>
            </html>

            """
    }

    static let footer = "A research aid for the attorney's judgment, not legal advice. O*NET data by the National "
        + "Center for O*NET Development for USDOL/ETA, used under CC BY 4.0 (modified; not endorsed by USDOL/ETA). "
        + "This product uses the ESCO classification of the European Union."

    /// The page of a failed request: its status and the one-line message, never a trace.
    static func error(_ error: WebError, hasChanges: Bool) -> String {
        document(title: "Error \(error.status)", hasChanges: hasChanges, body: """
            <h1>\(escape(reason(error.status)))</h1>
            <p class="error">\(escape(error.message))</p>
            <p><a href="/">Back to search</a></p>
            """)
    }

    /// The reason phrase of the statuses the explorer answers with.
    static func reason(_ status: Int) -> String {
        switch status {
        case 400: return "Bad request"
        case 404: return "Not found"
        case 405: return "Method not allowed"
        case 413: return "Request too large"
        case 414: return "Address too long"
        case 502: return "Download failed"
        default: return status >= 500 ? "Server error" : "Request failed"
        }
    }

    /// Command-line output as a `<pre>` block: each line escaped, SOC, O*NET and CIP codes as links to their pages.
    static func preformatted(_ text: String) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { linked(escape(String($0))) }
        return "<pre>" + lines.joined(separator: "\n") + "</pre>\n"
    }

    /// SOC codes (15-2051), O*NET codes (15-2051.01) and CIP codes (11.0102) in escaped text, as links to `/code/`.
    static func linked(_ escaped: String) -> String {
        escaped.replacing(codePattern) { match in
            let code = String(match.output)
            return "<a href=\"/code/\(code)\">\(code)</a>"
        }
    }

    nonisolated(unsafe) private static let codePattern = /\b(?:\d{2}-\d{4}(?:\.\d{2})?|\d{2}\.\d{4})\b/

    /// A link to the page of `code`.
    static func codeLink(_ code: String, _ label: String? = nil) -> String {
        "<a href=\"/code/\(percent(code))\">" + escape(label ?? code) + "</a>"
    }

    /// `text` percent-encoded for one path segment or query value.
    static func percent(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics.intersection(CharacterSet(charactersIn: Unicode.Scalar(0)...Unicode.Scalar(127)))
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }

    /// The search form, holding `query`.
    static func searchForm(_ query: String = "", limit: Int = 10) -> String {
        """
        <form method="get" action="/search" class="search">
        <label for="q">Job title or description of duties</label>
        <textarea id="q" name="q" rows="3" maxlength="\(WebForm.valueLimit)" required>\(escape(query))</textarea>
        <label for="limit">Results</label> <input id="limit" name="limit" type="number" min="1" max="50" value="\(limit)"/>
        <button type="submit">Search</button>
        </form>

        """
    }

    /// The comparison form, holding `codes`.
    static func compareForm(_ codes: [String] = []) -> String {
        """
        <form method="get" action="/compare" class="search">
        <label for="codes">SOC codes to compare (2 to 8, separated by spaces)</label>
        <input id="codes" name="codes" type="text" maxlength="200" value="\(escape(codes.joined(separator: " ")))" \
        placeholder="15-2051 15-1252 15-1221" required/>
        <button type="submit">Compare</button>
        </form>

        """
    }

    static let styleSheet = """
        body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0; color: #1b1b1b; }
        header { background: #1f3a5f; color: #fff; padding: 0.6rem 1.2rem; display: flex; gap: 2rem; align-items: baseline; }
        header nav a { color: #fff; margin-right: 1.2rem; text-decoration: none; }
        header nav a:hover { text-decoration: underline; }
        main { padding: 1rem 1.2rem; max-width: 80rem; }
        footer { font-size: 0.8rem; color: #555; padding: 1rem 1.2rem; border-top: 1px solid #ddd; }
        h1 { font-size: 1.5rem; margin: 0.4rem 0 0.8rem; }
        h2 { font-size: 1.2rem; margin-top: 1.6rem; }
        pre { background: #f6f8fa; padding: 0.8rem; overflow-x: auto; font-size: 0.85rem; line-height: 1.35; }
        table.hits { border-collapse: collapse; width: 100%; }
        table.hits th, table.hits td { border-bottom: 1px solid #ddd; padding: 0.35rem 0.5rem; text-align: left; vertical-align: top; }
        table.hits td.score { text-align: right; font-variant-numeric: tabular-nums; }
        table.hits td.code { white-space: nowrap; }
        input[type=number] { width: 6rem; }
        form.search button, form.case button { justify-self: start; padding: 0.3rem 1.2rem; }
        .notes { background: #fff4ce; border-left: 4px solid #c98a00; padding: 0.2rem 0.8rem; margin-bottom: 1rem; }
        .weak { background: #fff4ce; border-left: 4px solid #c98a00; padding: 0.5rem 0.8rem; }
        .error { background: #fde7e9; border-left: 4px solid #b00020; padding: 0.5rem 0.8rem; }
        form.search, form.case { display: grid; gap: 0.4rem; max-width: 48rem; margin-bottom: 1rem; }
        form.case textarea, form.search textarea { font: inherit; }
        form.inline { display: inline; }
        figure { margin: 1rem 0; overflow-x: auto; }
        figure svg { max-width: 100%; height: auto; }
        .downloads a, .downloads button { margin-right: 1rem; }
        .muted { color: #555; font-size: 0.9rem; }
        """
}
