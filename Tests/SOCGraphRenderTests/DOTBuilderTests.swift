import Foundation
import SOCGraph
import Testing
@testable import SOCGraphRender

@Suite("DOT text")
struct DOTBuilderTests {
    @Test("comparison diagram matches its golden DOT")
    func comparisonGolden() throws {
        try Golden.check(DOTBuilder().build(Fixtures.comparison), against: "comparison.dot")
    }

    @Test("neighbourhood diagram matches its golden DOT")
    func neighbourhoodGolden() throws {
        try Golden.check(DOTBuilder().build(Fixtures.neighbourhood), against: "neighbourhood.dot")
    }

    @Test("the order of nodes and edges does not change the DOT text")
    func orderIndependent() throws {
        var shuffled = Fixtures.comparison
        var generator = SplitMix(seed: 7)
        shuffled.nodes.shuffle(using: &generator)
        shuffled.edges.shuffle(using: &generator)
        shuffled.clusters.reverse()
        #expect(shuffled.nodes != Fixtures.comparison.nodes)
        #expect(try DOTBuilder().build(shuffled) == DOTBuilder().build(Fixtures.comparison))
    }

    @Test("occupations linked only as related to several candidates become rows of one table; others stay nodes")
    func sharedRelatedTable() throws {
        let diagram = Diagram(
            title: "Comparing A and B",
            nodes: [
                DiagramNode(id: "11-1011", kind: .candidate, heading: "11-1011", title: "Chief Executives"),
                DiagramNode(id: "11-1021", kind: .candidate, heading: "11-1021",
                            title: "General and Operations Managers"),
                DiagramNode(id: "11-3021", kind: .occupation, heading: "11-3021",
                            title: "Computer & Information Systems Managers"),
                DiagramNode(id: "11-2021", kind: .occupation, heading: "11-2021", title: "Marketing Managers"),
                DiagramNode(id: "11-9199", kind: .occupation, heading: "11-9199", title: "Managers, All Other"),
                DiagramNode(id: "11-1000", kind: .minorGroup, heading: "11-1000", title: "Top Executives"),
            ],
            edges: [
                DiagramEdge(from: "11-1011", to: "11-3021", kind: .sharedRelated),
                DiagramEdge(from: "11-1021", to: "11-3021", kind: .sharedRelated),
                DiagramEdge(from: "11-1021", to: "11-2021", kind: .sharedRelated),
                DiagramEdge(from: "11-1011", to: "11-9199", kind: .sharedRelated),
                DiagramEdge(from: "11-9199", to: "11-1000", kind: .parent),
            ])
        let dot = try DOTBuilder().build(diagram)
        let table = try #require(dot.split(separator: "\n").first { $0.contains("\"legend:shared-related\" [") })
        let rows = table.components(separatedBy: "<TR>").dropFirst().map { $0 }
        #expect(rows.count == 3, "a header and one row per tabled occupation")
        #expect(rows[0].contains("<B>11-1011</B>") && rows[0].contains("<B>11-1021</B>"), "one column per candidate")
        #expect(rows[1].contains("<B>11-3021</B>") && rows[1].contains("Computer &amp; Information Systems Managers"))
        #expect(rows[1].components(separatedBy: "\u{25CF}").count == 3, "related to both candidates: two marks")
        #expect(rows[2].contains("<B>11-2021</B>"))
        #expect(rows[2].components(separatedBy: "<TD>").dropFirst(1).first?.hasPrefix(" ") == true,
                "no mark under 11-1011")
        #expect(!dot.contains("\"11-3021\" ["), "a tabled occupation is not also a node")
        #expect(!dot.contains("-> \"11-3021\""))
        #expect(dot.contains("\"11-9199\" ["), "an occupation with another link stays a node")
        #expect(dot.contains("\"11-1011\" -> \"11-9199\""))
        #expect(dot.contains("legend:node:occupation") && dot.contains("legend:edge:shared-related"),
                "the legend still explains the occupation left as a node")
        let svg = try GraphvizRenderer().render(dot: dot, format: .svg)
        #expect(String(decoding: svg, as: UTF8.self).contains("Marketing Managers"))
    }

    @Test("every colour is #rrggbb")
    func colours() throws {
        let dot = try DOTBuilder().build(Fixtures.neighbourhood)
        let colours = dot.matches(of: /#[0-9A-Za-z]+/).map { String($0.output) }
        #expect(!colours.isEmpty)
        for colour in colours {
            #expect(colour.wholeMatch(of: /#[0-9a-f]{6}/) != nil, "colour \(colour)")
        }
    }

    @Test("the legend explains exactly the node kinds and edge styles used")
    func legendMatchesContent() throws {
        let dot = try DOTBuilder().build(Fixtures.comparison)
        let used: Set<DiagramNode.Kind> = [.candidate, .occupation, .broadGroup, .minorGroup, .educationLevel,
                                           .jobZone, .field]
        for kind in DiagramNode.Kind.allCases {
            #expect(dot.contains("\"legend:node:\(kind.rawValue)\"") == used.contains(kind), "\(kind)")
        }
        for key in ["parent", "entry-education", "job-zone", "aligns-with", "shared-related", "related-primary-short"] {
            #expect(dot.contains("ID=\"legend:edge:\(key)\""), "\(key)")
        }
        for key in ["related-primary-long", "related-supplemental", "prepares-for", "designated", "uses"] {
            #expect(!dot.contains("\"legend:edge:\(key)\""), "\(key)")
        }
        // The legend is part of the footer label, not nodes and edges of the layout.
        #expect(!dot.contains("cluster:legend"))
        #expect(!dot.contains("\"legend:node:candidate\" ["))
        #expect(!dot.contains("legend:alert"), "no alert row, no alert in the legend")
    }

    @Test("rows are a table of escaped facts on their node; an alert row and its node's border are red")
    func rows() throws {
        let candidate = DiagramNode(
            id: "15-1232", kind: .candidate, heading: "15-1232", title: "Computer User Support Specialists",
            rows: [DiagramNode.Row("BLS entry", "Some college, no degree"),
                   DiagramNode.Row("Job Zone", "3 <b>&</b> \"x\""),
                   DiagramNode.Row("Profession", "\u{2717} no: entry below a bachelor\u{2019}s degree", alert: true)])
        let other = DiagramNode(id: "15-1252", kind: .candidate, heading: "15-1252", title: "Software Developers",
                                rows: [DiagramNode.Row("Profession", "yes")])
        let dot = try DOTBuilder().build(Diagram(title: "Rows", nodes: [candidate, other], edges: []))
        let line = try #require(dot.split(separator: "\n").first { $0.contains("\"15-1232\" [") })
        #expect(line.contains("label=<<TABLE "), "a node with rows is a table")
        #expect(line.contains("Some college, no"))
        #expect(line.contains("3 &lt;b&gt;&amp;&lt;/b&gt; &quot;x&quot;"), "row values are escaped")
        #expect(!line.contains("<b>"))
        #expect(line.contains("BGCOLOR=\"\(DiagramStyle.alertFill)\""))
        #expect(line.contains("color=\"\(DiagramStyle.alertBorder)\""), "the node of a failed check has a red border")
        let passing = try #require(dot.split(separator: "\n").first { $0.contains("\"15-1252\" [") })
        #expect(!passing.contains(DiagramStyle.alertFill) && passing.contains("color=\"#8f4a00\""))
        #expect(dot.contains("ID=\"legend:alert\"") && dot.contains("Fails the profession check"))
        let rendering = try GraphvizRenderer().renderReportingWarnings(dot: dot, format: .svg)
        #expect(rendering.warnings == [])
        #expect(String(decoding: rendering.data, as: UTF8.self).contains("Some college, no"))
    }

    @Test("grades label their edges, tiers only their line style; candidates are emphasised")
    func edgeLabels() throws {
        let dot = try DOTBuilder().build(Fixtures.comparison)
        #expect(dot.contains("\"15-1252\" -> \"artificial-intelligence\" [color=\"#009e73\", fontcolor=\"#006b4e\", label=<substantial>, penwidth=\"2\"]"))
        // A core alignment is drawn heavier than a substantial one.
        #expect(dot.contains("\"15-2051\" -> \"artificial-intelligence\" [color=\"#009e73\", fontcolor=\"#006b4e\", label=<core>, penwidth=\"3.5\"]"))
        #expect(dot.contains("\"15-2051\" -> \"15-1221\" [color=\"#c27c00\", penwidth=\"1.2\"]"))
        #expect(dot.contains("\"15-1221\" [color=\"#8f4a00\", fillcolor=\"#f1ca73\""))
        #expect(dot.contains("penwidth=\"2.5\", shape=box, tooltip=\"15-1221 Computer and Information Research Scientists\""))
    }

    @Test("size limits give a clear error naming the count and the limit")
    func limits() throws {
        let nodes = (0..<340).map { DiagramNode(id: "n\($0)", kind: .occupation, title: "Occupation \($0)") }
        let big = Diagram(title: "Too big", nodes: nodes, edges: [])
        #expect(throws: SOCGraphError.invalidInput(
            "the diagram would have 340 nodes (limit 120): reduce --depth or compare fewer codes")) {
            try DOTBuilder().build(big)
        }
        let edges = (1..<60).flatMap { i in (0..<6).map { DiagramEdge(from: "n\(i)", to: "n\($0)", kind: .parent) } }
        let dense = Diagram(title: "Dense", nodes: Array(nodes.prefix(60)), edges: edges)
        #expect(throws: SOCGraphError.invalidInput(
            "the diagram would have 354 edges (limit 300): reduce --depth or compare fewer codes")) {
            try DOTBuilder().build(dense)
        }
        #expect(throws: Never.self) { try DOTBuilder(limits: DiagramLimits(maxNodes: 400, maxEdges: 400)).build(big) }
    }

    @Test("inconsistent diagrams are rejected with the node at fault")
    func validation() {
        let a = DiagramNode(id: "15-1252", kind: .candidate, title: "Software Developers")
        func message(_ diagram: Diagram) -> String {
            do { try diagram.validate(); return "" } catch { return "\(error)" }
        }
        #expect(message(Diagram(title: "", nodes: [a, a], edges: [])) == "the diagram has two nodes with id '15-1252'")
        #expect(message(Diagram(title: "", nodes: [a], edges: [DiagramEdge(from: "15-1252", to: "x", kind: .parent)]))
            == "diagram edge 15-1252 -> x names 'x', which is not a node of the diagram")
        let b = DiagramNode(id: "f", kind: .field, title: "AI")
        // An alignment carries a grade, or none: both are valid between known nodes.
        #expect(message(Diagram(title: "", nodes: [a, b],
                                edges: [DiagramEdge(from: "15-1252", to: "f", kind: .alignsWith(grade: .core))])) == "")
        #expect(message(Diagram(title: "", nodes: [a, b],
                                edges: [DiagramEdge(from: "15-1252", to: "f", kind: .alignsWith(grade: nil))])) == "")
        #expect(message(Diagram(title: "", nodes: [a, b],
                                edges: [DiagramEdge(from: "15-1252", to: "g", kind: .alignsWith(grade: .core))]))
            == "diagram edge 15-1252 -> g names 'g', which is not a node of the diagram")
        var clustered = a
        clustered.cluster = "15-0000"
        #expect(message(Diagram(title: "", nodes: [clustered], edges: []))
            == "diagram node '15-1252' is in cluster '15-0000', which the diagram does not define")
        #expect(message(Diagram(title: "", nodes: [DiagramNode(id: "legend:x", kind: .field, title: "x")], edges: []))
            .contains("which the legend uses"))
    }
}

@Suite("DOT escaping and wrapping")
struct DOTSyntaxTests {
    @Test("IDs are bare only when plain identifiers that are not keywords")
    func identifiers() {
        #expect(DOTSyntax.id("box") == "box")
        #expect(DOTSyntax.id("_a1") == "_a1")
        #expect(DOTSyntax.id("15-1252") == "\"15-1252\"")
        #expect(DOTSyntax.id("1abc") == "\"1abc\"")
        #expect(DOTSyntax.id("Node") == "\"Node\"")
        #expect(DOTSyntax.id("subgraph") == "\"subgraph\"")
        #expect(DOTSyntax.id("") == "\"\"")
        #expect(DOTSyntax.id("é") == "\"é\"")
    }

    @Test("quoted strings escape backslash before quote and turn line breaks into \\n")
    func quoting() {
        #expect(DOTSyntax.quote(#"a "b" c"#) == #""a \"b\" c""#)
        #expect(DOTSyntax.quote(#"back\slash\"#) == #""back\\slash\\""#)
        #expect(DOTSyntax.quote(#"\""#) == #""\\\"""#)
        #expect(DOTSyntax.quote("one\ntwo\r\nthree\rfour") == #""one\ntwo\nthree\nfour""#)
        #expect(DOTSyntax.quote("tab\there\u{0}\u{7}") == #""tab here""#)
        #expect(DOTSyntax.quote("Worker’s ‘plan’ & <b>") == "\"Worker’s ‘plan’ & <b>\"")
    }

    @Test("HTML-like text escapes & < > \" '")
    func html() {
        #expect(DOTSyntax.html(#"<script>alert("x & y's")</script>"#)
            == "&lt;script&gt;alert(&quot;x &amp; y&#39;s&quot;)&lt;/script&gt;")
        #expect(DOTSyntax.html("Master’s degree") == "Master’s degree")
        #expect(DOTSyntax.html("a\nb\u{1}c\u{FFFE}") == "a bc")
        #expect(DOTSyntax.html("مهندس البرمجيات") == "مهندس البرمجيات")
    }

    @Test("titles wrap at about 28 characters at spaces, long words cut, long titles end with …")
    func wrapping() {
        #expect(DOTSyntax.wrap("Computer and Information Research Scientists", width: 28, maxLines: 6)
            == ["Computer and Information", "Research Scientists"])
        #expect(DOTSyntax.wrap("Software Developers", width: 28, maxLines: 6) == ["Software Developers"])
        #expect(DOTSyntax.wrap("Heating, Air Conditioning, Ventilation and Refrigeration Maintenance "
                               + "Technology/Technician (HAC, HACR, HVAC, HVACR).", width: 28, maxLines: 6)
            == ["Heating, Air Conditioning,", "Ventilation and", "Refrigeration Maintenance",
                "Technology/Technician (HAC,", "HACR, HVAC, HVACR)."])
        #expect(DOTSyntax.wrap("Computer/Information/Technology/Administration", width: 28, maxLines: 6)
            == ["Computer/Information/", "Technology/Administration"])
        #expect(DOTSyntax.wrap(String(repeating: "x", count: 60), width: 28, maxLines: 6)
            == [String(repeating: "x", count: 27) + "-", String(repeating: "x", count: 27) + "-", "xxxxxx"])
        let long = DOTSyntax.wrap(String(repeating: "word ", count: 100), width: 28, maxLines: 6)
        #expect(long.count == 6)
        #expect(long.last?.hasSuffix("…") == true)
        #expect(long.allSatisfy { $0.count <= 28 })
        #expect(DOTSyntax.wrap("", width: 28, maxLines: 6) == [])
    }
}

/// A seeded generator so shuffles are reproducible.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
