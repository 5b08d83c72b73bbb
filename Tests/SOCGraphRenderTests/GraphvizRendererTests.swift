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
        #expect(text.content.contains("substantial"))
        #expect(text.content.contains("core"))
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
            DiagramEdge(from: nodes[1].id, to: nodes[2].id, kind: .alignsWith(grade: .substantial), label: nasty[0]),
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

    @Test("renders from many tasks at once without crashing, every SVG the bytes of one render alone")
    func concurrentRenders() async throws {
        let dot = try DOTBuilder().build(Fixtures.comparison)
        let renderer = self.renderer
        let alone = try renderer.render(dot: dot, format: .svg)
        let outputs = try await withThrowingTaskGroup(of: (OutputFormat, Data).self) { group in
            for index in 0..<12 {
                group.addTask {
                    let format: OutputFormat = [.svg, .png, .pdf][index % 3]
                    return (format, try renderer.render(dot: dot, format: format))
                }
            }
            var all: [(OutputFormat, Data)] = []
            for try await output in group { all.append(output) }
            return all
        }
        #expect(outputs.count == 12)
        #expect(outputs.filter { $0.0 == .svg }.allSatisfy { $0.1 == alone })
        #expect(outputs.filter { $0.0 == .png }.allSatisfy { $0.1.starts(with: [0x89, 0x50, 0x4E, 0x47]) })
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

@Suite("Renders independent of what the process rendered before")
struct RenderHistoryTests {
    /// Clusters, an anonymous subgraph and an anonymous root graph: cgraph orders clusters by object ID and names an
    /// anonymous graph by one, so these bytes move if IDs depend on earlier renders.
    static func filler(_ size: Int) -> String {
        "digraph { subgraph cluster_b { label=b; b0 -> b1 } subgraph cluster_a { label=a; a0 -> a1 } "
            + "{ rank=same; c0; c1 } a1 -> c0; b1 -> c1; c0 -> n0; " + (0..<size).map { "n\($0) -> n\($0 + 1); " }.joined() + "}"
    }

    @Test("the same DOT gives the same SVG bytes however many other diagrams (SVG, PNG, PDF) came before")
    func sameBytesWhateverCameBefore() throws {
        let comparison = try DOTBuilder().build(Fixtures.comparison)
        let neighbourhood = try DOTBuilder().build(Fixtures.neighbourhood)
        let renderer = GraphvizRenderer()
        let first = try renderer.render(dot: comparison, format: .svg)
        let firstFiller = try renderer.render(dot: Self.filler(12), format: .svg)
        var others: [Data] = []
        for size in [1, 40, 3, 200] {
            _ = try renderer.render(dot: Self.filler(size), format: .svg)
            _ = try renderer.render(dot: neighbourhood, format: size % 2 == 0 ? .png : .pdf)
            others.append(try renderer.render(dot: neighbourhood, format: .svg))
        }
        #expect(try renderer.render(dot: comparison, format: .svg) == first)
        #expect(try renderer.render(dot: Self.filler(12), format: .svg) == firstFiller)
        #expect(Set(others).count == 1)
    }
}
