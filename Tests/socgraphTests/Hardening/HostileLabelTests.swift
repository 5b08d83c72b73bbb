import Foundation
import SOCGraphRender
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A fixture graph whose titles carry quotes, backslashes, markup, ampersands, apostrophes, right-to-left text,
/// control characters and a 400-character title, rendered through the binary: every diagram and memo is
/// well-formed, carries no live markup, and its DOT reads back into Graphviz.
@Suite("Hostile labels through the binary")
struct HostileLabelTests {
    static let hostile: [String: String] = [
        "15-2051": "Data \"Scientists\" \\ back\\slash <script>alert('x')</script> & Co’s <b>bold</b> ]]> <!-- x --> "
            + "{a|b} \\N \\G\tafter a tab\nafter a newline",
        "15-1252": "مطورو البرمجيات Software עברית \u{202E}desrever\u{202C} Developers’ 'quoted' ‘curly’",
        "15-1221": String(repeating: "Computer and Information Research Scientists ", count: 8).prefix(280)
            + String(repeating: "x", count: 120),
        "15-2050": "Data & <Scientists> \"broad\" \\l \\r \\\\ %s %n $(rm -rf /) `ls`",
        "15-0000": "<TABLE><TR><TD>cell</TD></TR></TABLE> &nbsp; &#0; &amp; <![CDATA[x]]>",
        "15-1253": "Control \u{1B}[31mred\u{1B}[0m \u{7}bell \u{0}nul \u{7F}del \u{85}nel \u{2028}separator",
    ]

    /// `text` escaped as a Graph/ TSV field.
    static func tsvField(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\t", with: "\\t")
            .replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\r", with: "\\r")
    }

    /// A fixture copy with the hostile titles in soc.tsv; `check` must pass on it, so that what follows tests
    /// rendering, not loading.
    static func hostileGraph() throws -> URL {
        let graph = try CLI.fixtureCopy()
        try DamagedGraphCLITests.edit("soc.tsv", in: graph) { lines in
            for index in lines.indices {
                var fields = lines[index].components(separatedBy: "\t")
                if let title = hostile[fields[0]] {
                    fields[2] = tsvField(title)
                    lines[index] = fields.joined(separator: "\t")
                }
            }
        }
        let check = try HardenedCLI.run(["check", "--graph", graph.path])
        #expect(check.status == 0, "\(check.stdout.prefix(1_000))")
        return graph
    }

    /// The character data of an XML document (SVG or the memo's XHTML), or nil when it does not parse.
    static func xmlText(_ data: Data) -> String? {
        final class Collector: NSObject, XMLParserDelegate {
            var text = ""
            func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
        }
        let parser = XMLParser(data: data)
        let collector = Collector()
        parser.delegate = collector
        return parser.parse() ? collector.text : nil
    }

    /// Markup an attacker would want live in a browser: a script or an event handler, in any case.
    static func expectNoLiveMarkup(_ text: String, _ label: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let lower = text.lowercased()
        #expect(!lower.contains("<script"), "\(label): raw <script", sourceLocation: sourceLocation)
        #expect(!lower.contains("<b>"), "\(label): raw <b>", sourceLocation: sourceLocation)
        #expect(!lower.contains("<table><tr>"), "\(label): raw title markup", sourceLocation: sourceLocation)
        #expect(!text.unicodeScalars.contains { $0.value < 0x09 || $0 == "\u{1B}" || $0 == "\u{7F}" },
                "\(label): control character", sourceLocation: sourceLocation)
    }

    @Test("compare --out SVG/DOT/PNG/PDF, render and memo --out HTML/MD: exit 0, well-formed, no live markup")
    func hostileTitles() throws {
        let graph = try Self.hostileGraph()
        defer { try? FileManager.default.removeItem(at: graph) }
        let g = ["--graph", graph.path]
        let codes = ["15-2051", "15-1252", "15-1221", "15-1253"]
        try withScratchDirectory { out in
            func run(_ arguments: [String]) throws {
                let result = try HardenedCLI.run(arguments + g)
                result.expectClean(statuses: [0])
            }
            for name in ["c.svg", "c.dot", "c.png", "c.pdf"] {
                try run(["compare"] + codes + ["--out", out.appendingPathComponent(name).path])
            }
            try run(["render", "15-2051", "--depth", "2", "--tier", "all", "--out", out.appendingPathComponent("n.svg").path])
            try run(["render", "15-1221", "--out", out.appendingPathComponent("n.dot").path])
            try run(["memo"] + codes + ["--out", out.appendingPathComponent("m.html").path])
            try run(["memo"] + codes + ["--out", out.appendingPathComponent("m.md").path])
            #expect(try contents(of: out) == ["c.dot", "c.pdf", "c.png", "c.svg", "m.html", "m.md", "m.svg", "n.dot", "n.svg"])

            for name in ["c.svg", "n.svg", "m.svg", "m.html"] {
                let data = try Data(contentsOf: out.appendingPathComponent(name))
                let text = try #require(Self.xmlText(data), "\(name) is not well-formed XML")
                Self.expectNoLiveMarkup(String(decoding: data, as: UTF8.self), name)
                // The titles are there as text, escaped, not dropped.
                #expect(text.contains("Scientists"), "\(name)")
                #expect(text.contains("مطورو"), "\(name)")
            }
            let html = try String(contentsOf: out.appendingPathComponent("m.html"), encoding: .utf8)
            #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))

            let markdown = try String(contentsOf: out.appendingPathComponent("m.md"), encoding: .utf8)
            // In Markdown every < from data is escaped (\<), so none starts a tag; the only bare ones open the
            // sources' autolinks.
            #expect(!markdown.contains { $0 == "\u{1B}" || $0 == "\u{0}" })
            let bare = markdown.components(separatedBy: "<").dropFirst().indices.filter { index in
                let parts = markdown.components(separatedBy: "<")
                return !parts[index - 1].hasSuffix("\\") && !parts[index].hasPrefix("https://")
            }
            #expect(bare.isEmpty, "\(bare.count) unescaped <")

            // The DOT files read back into Graphviz and lay out, with no warning.
            for name in ["c.dot", "n.dot"] {
                let dot = try String(contentsOf: out.appendingPathComponent(name), encoding: .utf8)
                #expect(dot.hasPrefix("digraph socgraph {"))
                #expect(!dot.unicodeScalars.contains { $0.value < 0x0A || $0 == "\u{1B}" })
                let rendering = try GraphvizRenderer().renderReportingWarnings(dot: dot, format: .svg)
                #expect(rendering.warnings.isEmpty, "\(name): \(rendering.warnings)")
                #expect(Self.xmlText(rendering.data) != nil)
            }
            #expect(try Data(contentsOf: out.appendingPathComponent("c.png")).starts(with: [0x89, 0x50, 0x4E, 0x47]))
            #expect(try Data(contentsOf: out.appendingPathComponent("c.pdf")).starts(with: Data("%PDF".utf8)))
        }

        // The terminal tables show the titles' control and bidirectional characters escaped; JSON keeps them.
        for arguments in [["compare"] + codes, ["show", "15-2051"], ["show", "15-1253"], ["search", "control red"],
                          ["related", "15-1252", "--depth", "2", "--tier", "all"], ["path", "15-1253", "15-2051"],
                          ["find", "major:15"], ["why", "15-2051", "artificial-intelligence"],
                          ["fields", "artificial-intelligence"]] {
            let table = try HardenedCLI.run(arguments + g)
            table.expectClean(statuses: [0])
            #expect(table.stdout.split(separator: "\n").allSatisfy { String($0).isOneSafeLine },
                    "\(arguments): \(table.stdout.debugDescription)")
        }
        let json = try HardenedCLI.run(["show", "15-2051", "--format", "json"] + g)
        json.expectClean(statuses: [0])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["title"] as? String == Self.hostile["15-2051"])
    }
}
