import Foundation
import SOCGraph
import Testing
@testable import SOCGraphRender
#if canImport(FoundationXML)
import FoundationXML
#endif

@Suite("Rendering with libgvc")
struct GraphvizRendererTests {
    let renderer = GraphvizRenderer()

    @Test("SVG of the comparison is well-formed XML with every candidate code and the sources footer")
    func comparisonSVG() throws {
        let rendering = try renderer.renderReportingWarnings(dot: DOTBuilder().build(Fixtures.comparison), format: .svg)
        #expect(rendering.warnings == [])
        let text = try SVGText(rendering.data)
        for code in ["15-1221", "15-1252", "15-2051"] {
            #expect(text.content.contains(code), "\(code)")
        }
        for source in Diagram.standardSources {
            #expect(text.content.contains(source), "\(source)")
        }
        #expect(text.content.contains("Master’s degree"))
        #expect(text.content.contains("0.62"))
    }

    @Test("the neighbourhood renders without warnings")
    func neighbourhoodSVG() throws {
        let rendering = try renderer.renderReportingWarnings(
            dot: DOTBuilder().build(Fixtures.neighbourhood), format: .svg)
        #expect(rendering.warnings == [])
        #expect(try SVGText(rendering.data).content.contains("Data Science, General"))
    }

    @Test("PNG starts with the PNG signature, PDF with %PDF, DOT is the text itself")
    func binaryFormats() throws {
        let dot = try DOTBuilder().build(Fixtures.comparison)
        let png = try renderer.render(dot: dot, format: .png)
        #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        let pdf = try renderer.render(dot: dot, format: .pdf)
        #expect(pdf.starts(with: Data("%PDF".utf8)))
        #expect(try renderer.render(dot: dot, format: .dot) == Data(dot.utf8))
    }

    @Test("hostile labels: the DOT parses, the SVG is well-formed and carries no markup from the labels")
    func hostileLabels() throws {
        let script = "<script>alert('x')</script>"
        let nasty = [
            #"Quote " and backslash \ and \" and trailing \"#,
            script,
            "Fish & Chips <b>bold</b> Worker’s 'plan' \"quoted\"",
            "مهندس البرمجيات \u{202E}evil\u{202C} עברית",
            String(repeating: "Antidisestablishmentarianism ", count: 18),
            "line one\nline two\r\nline three\ttab \u{0}nul",
        ]
        let nodes = nasty.enumerated().map { index, title in
            DiagramNode(id: index == 0 ? #"id "with" \quotes\"# : "n\(index)", kind: index == 1 ? .candidate : .occupation,
                        heading: title.prefix(40).description, title: title, details: [title], cluster: "c")
        }
        let edges = [
            DiagramEdge(from: nodes[1].id, to: nodes[0].id, kind: .related(.primaryLong), label: script),
            DiagramEdge(from: nodes[1].id, to: nodes[2].id, kind: .alignsWith(strength: 0.5), label: nasty[0]),
        ]
        let diagram = Diagram(
            title: nasty[2], subtitle: nasty[3], nodes: nodes, edges: edges,
            clusters: [DiagramCluster(key: "c", code: #"\"&"#, title: script)], sources: nasty)
        let dot = try DOTBuilder().build(diagram)
        #expect(dot.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
        let rendering = try renderer.renderReportingWarnings(dot: dot, format: .svg)
        #expect(rendering.warnings == [])
        let svg = String(decoding: rendering.data, as: UTF8.self)
        #expect(!svg.lowercased().contains("<script"))
        #expect(!svg.contains("<b>"))
        let text = try SVGText(rendering.data)
        #expect(text.content.contains(script))
        #expect(text.content.contains("Worker’s 'plan' \"quoted\""))
        #expect(text.content.contains("مهندس البرمجيات"))
        #expect(text.titles.contains(#"id "with" \\quotes\\"#) || text.titles.contains(#"id "with" \quotes\"#))
    }

    @Test("a Graphviz syntax error becomes a Swift error with Graphviz's text, and nothing reaches stderr")
    func syntaxError() throws {
        let captured = try StandardError.capture {
            #expect {
                try renderer.render(dot: "digraph { a -> ; }", format: .svg)
            } throws: { error in
                guard case let .outputFailed(message) = error as? SOCGraphError else { return false }
                return message.hasPrefix("graphviz: cannot read the DOT text: ") && message.contains("syntax error")
            }
        }
        #expect(!captured.contains("syntax error"), "Graphviz wrote to stderr: \(captured)")
        // The parser recovers: the next render works.
        #expect(try renderer.render(dot: "digraph { a -> b }", format: .svg).count > 100)
    }

    @Test("empty DOT text is an error, not a crash")
    func emptyInput() {
        #expect(throws: SOCGraphError.outputFailed("graphviz: the DOT text holds no graph")) {
            try renderer.render(dot: "", format: .svg)
        }
    }

    @Test("warnings are captured, not printed")
    func warningsCaptured() throws {
        let captured = try StandardError.capture {
            let rendering = try renderer.renderReportingWarnings(
                dot: ##"digraph { a [color="#eef"] }"##, format: .svg)
            #expect(rendering.warnings.contains { $0.contains("#eef") }, "\(rendering.warnings)")
        }
        #expect(!captured.contains("#eef"))
    }

    /// Graphviz emits clusters in the order of its subgraph ids, which are addresses of interned names,
    /// so SVG element order can vary between renders in one process; and its spline router (2.42) can route an
    /// edge slightly differently from one render to the next. Nodes and every text stay where they are.
    @Test("renders from many tasks at once without crashing, nodes and texts placed the same")
    func concurrentRenders() async throws {
        let dot = try DOTBuilder().build(Fixtures.comparison)
        let renderer = self.renderer
        let outputs = try await withThrowingTaskGroup(of: Data.self) { group in
            for index in 0..<12 {
                group.addTask {
                    let format: OutputFormat = index % 3 == 2 ? .png : .svg
                    let data = try renderer.render(dot: dot, format: format)
                    return format == .svg ? Data(String(decoding: data, as: UTF8.self).split(separator: "\n")
                        .filter { $0.hasPrefix("<text") || $0.hasPrefix("<ellipse") }.sorted()
                        .joined(separator: "\n").utf8) : Data()
                }
            }
            var all: [Data] = []
            for try await data in group where !data.isEmpty { all.append(data) }
            return all
        }
        #expect(outputs.count == 8)
        #expect(Set(outputs).count == 1)
    }
}

/// The text content of an SVG document, parsed with XMLParser (which fails on malformed XML).
struct SVGText {
    /// The `<text>` elements' contents joined by spaces.
    var content = ""
    /// The `<title>` elements' contents (Graphviz writes node names there).
    var titles: [String] = []

    init(_ data: Data) throws {
        let delegate = Collector()
        let parser = XMLParser(data: data)
        parser.delegate = delegate
        guard parser.parse() else {
            throw SOCGraphError.outputFailed(
                "malformed SVG: \(parser.parserError.map { "\($0)" } ?? "unknown") at line \(parser.lineNumber)")
        }
        content = delegate.texts.joined(separator: " ")
        titles = delegate.titles
    }

    private final class Collector: NSObject, XMLParserDelegate {
        var texts: [String] = []
        var titles: [String] = []
        private var element = ""
        private var buffer = ""

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                    qualifiedName: String?, attributes: [String: String] = [:]) {
            element = name
            buffer = ""
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { buffer += string }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if name == "text" { texts.append(buffer) }
            if name == "title" { titles.append(buffer) }
            buffer = ""
        }
    }
}

/// Captures what the process writes to file descriptor 2 while `body` runs.
enum StandardError {
    static func capture(_ body: () throws -> Void) throws -> String {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("stderr-\(UUID().uuidString)")
        guard FileManager.default.createFile(atPath: file.path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown)
        }
        defer { try? FileManager.default.removeItem(at: file) }
        let handle = try FileHandle(forWritingTo: file)
        fflush(nil)
        let saved = dup(2)
        dup2(handle.fileDescriptor, 2)
        defer {
            fflush(nil)
            dup2(saved, 2)
            close(saved)
            try? handle.close()
        }
        try body()
        fflush(nil)
        return (try? String(contentsOf: file, encoding: .utf8)) ?? ""
    }
}

@Suite("Text measurements reused across renders")
struct TextMeasureCacheTests {
    /// Every text of the SVG with its position, and every ellipse (node outlines): what measurements decide.
    /// Edge routes are left out: Graphviz 2.42 orders some of its internal sets by the addresses of interned
    /// names, so an edge may take another (equally valid) route in a process that has rendered before.
    func placedTexts(_ data: Data) -> [Substring] {
        String(decoding: data, as: UTF8.self).split(separator: "\n")
            .filter { $0.hasPrefix("<text") || $0.hasPrefix("<ellipse") }.sorted()
    }

    @Test("an SVG laid out with reused measurements places every text as one laid out with fresh measurements")
    func sameDrawing() throws {
        let dot = try DOTBuilder().build(Fixtures.comparison)
        let fresh = try GraphvizRenderer(reusesTextMeasurements: false).render(dot: dot, format: .svg)
        let first = try GraphvizRenderer().render(dot: dot, format: .svg)
        let hitsBefore = TextMeasureCache.hits
        let second = try GraphvizRenderer().render(dot: dot, format: .svg)
        let hitsAfter = TextMeasureCache.hits
        #expect(placedTexts(fresh).count > 50)
        #expect(placedTexts(first) == placedTexts(fresh))
        #expect(placedTexts(second) == placedTexts(fresh))
        #expect(hitsAfter > hitsBefore, "the second render answers its labels from the table")
    }

    @Test("PNG and PDF measure afresh (cairo draws pango's layouts) and still render")
    func cairoFormats() throws {
        let dot = try DOTBuilder().build(Fixtures.comparison)
        _ = try GraphvizRenderer().render(dot: dot, format: .svg)
        let png = try GraphvizRenderer().render(dot: dot, format: .png)
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        let pdf = try GraphvizRenderer().render(dot: dot, format: .pdf)
        #expect(pdf.starts(with: Array("%PDF".utf8)))
    }
}

@Suite("Graphviz engines side by side")
struct GraphvizEngineTests {
    func render(_ dot: String, on engine: GraphvizEngine) throws -> Data {
        try engine.run { use in
            try GraphvizRenderer.render(dot: dot, format: .svg, dpi: 72, reusesMeasurements: true, use: use).data
        }
    }

    #if os(Linux)
    @Test("an isolated copy of Graphviz writes the same SVG bytes as the copy the program is linked with")
    func isolatedCopyWritesTheSameBytes() throws {
        let isolated = try GraphvizSession.isolatedEngineForTesting().get()
        #expect(isolated.isolated)
        // Named: an anonymous graph is titled by a counter each copy of cgraph keeps for the life of the process.
        let filler = "digraph filler { rankdir=LR; " + (0..<30).map { "n\($0) -> n\($0 + 1); " }.joined() + "}"
        let fixtures = [try DOTBuilder().build(Fixtures.comparison), try DOTBuilder().build(Fixtures.neighbourhood)]
        for dot in fixtures + [filler] {
            let linked = try render(dot, on: GraphvizSession.linkedEngine)
            let apart = try render(dot, on: isolated)
            #expect(apart == linked)
            #expect(try SVGText(apart).content.isEmpty == false)
        }
    }

    @Test("an isolated copy reports Graphviz's errors as the linked one does")
    func isolatedCopyReportsErrors() throws {
        let isolated = try GraphvizSession.isolatedEngineForTesting().get()
        #expect {
            try render("digraph { a -> ; }", on: isolated)
        } throws: { error in
            guard case let GraphvizError.failed(message) = error else { return false }
            return message.contains("cannot read the DOT text") && message.contains("syntax error")
        }
        // The engine is still usable after the error.
        #expect(try render("digraph { a -> b }", on: isolated).count > 100)
    }

    @Test("concurrent SVG renders use another copy of Graphviz and give the bytes of one render at a time")
    func concurrentRendersUseAnotherCopy() async throws {
        let dot = try DOTBuilder().build(Fixtures.comparison)
        let alone = try render(dot, on: GraphvizSession.linkedEngine)
        let outputs = try await withThrowingTaskGroup(of: Data.self) { group in
            for _ in 0..<16 {
                group.addTask { try GraphvizRenderer().render(dot: dot, format: .svg) }
            }
            var all: [Data] = []
            for try await data in group { all.append(data) }
            return all
        }
        #expect(outputs.allSatisfy { $0 == alone })
        // With the linked engine held, an SVG render goes to an isolated copy (loaded for it if need be). Every text
        // of this DOT is in the measurement table by now, so the isolated copy never waits for the linked one.
        let engines = ProcessInfo.processInfo.environment["SOCGRAPH_GRAPHVIZ_ENGINES"]
        if ProcessInfo.processInfo.activeProcessorCount > 1, engines == nil {
            let beside = try GraphvizSession.run(anyEngine: false) { _ in
                try GraphvizRenderer().render(dot: dot, format: .svg)
            }
            #expect(beside == alone)
            #expect(GraphvizSession.isolatedEngines >= 1)
        }
    }
    #endif
}

@Suite("Renders independent of what the process rendered before")
struct RenderHistoryTests {
    @Test("the same DOT gives the same SVG bytes, first thing in a process or after other diagrams")
    func sameBytesWhateverCameBefore() throws {
        let comparison = try DOTBuilder().build(Fixtures.comparison)
        let neighbourhood = try DOTBuilder().build(Fixtures.neighbourhood)
        let renderer = GraphvizRenderer()
        let first = try renderer.render(dot: comparison, format: .svg)
        var others: [Data] = []
        for size in [1, 40, 3, 200] {
            let filler = "digraph { " + (0..<size).map { "n\($0) -> n\($0 + 1); " }.joined() + "}"
            others.append(try renderer.render(dot: filler, format: .svg))
            others.append(try renderer.render(dot: neighbourhood, format: .svg))
        }
        let again = try renderer.render(dot: comparison, format: .svg)
        #expect(again == first)
        #expect(others[1] == others[3] && others[3] == others[5] && others[5] == others[7])
    }
}
