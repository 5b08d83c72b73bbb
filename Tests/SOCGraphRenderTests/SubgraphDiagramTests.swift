import Foundation
import SOCGraph
import Testing
@testable import SOCGraphRender
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Graphs the diagram tests read: the fixture slice and the shipped Graph/.
enum TestGraphs {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The fixture graph of the core tests.
    static let fixture: KnowledgeGraph = {
        do {
            return try GraphStore(directory: packageRoot.appendingPathComponent("Tests/SOCGraphTests/Fixtures/graph"))
                .load()
        } catch {
            fatalError("the fixture graph does not load: \(error)")
        }
    }()

    /// The package's Graph/; nil (an issue on CI) when it has not been imported.
    static func shipped() throws -> KnowledgeGraph? {
        let directory = packageRoot.appendingPathComponent("Graph")
        guard FileManager.default.fileExists(atPath: directory.appendingPathComponent("soc.tsv").path) else {
            if ProcessInfo.processInfo.environment["CI"] != nil {
                Issue.record("Graph/soc.tsv is missing: run 'make graph' before testing on CI")
            }
            return nil
        }
        return try shippedGraph.get()
    }

    private static let shippedGraph = Result {
        try GraphStore(directory: packageRoot.appendingPathComponent("Graph")).load()
    }

    static func nodes(_ graph: KnowledgeGraph, _ ids: [String]) throws -> [NodeIndex] {
        try ids.map { id in try #require(graph.node(id: id), "no node \(id)") }
    }
}

@Suite("Subgraph extraction and diagrams from the graph")
struct SubgraphDiagramTests {
    let graph = TestGraphs.fixture

    @Test("comparison of the fixture (with programs) matches its golden DOT")
    func comparisonGolden() throws {
        let nodes = try TestGraphs.nodes(graph, ["15-1221", "15-2041", "15-1252"])
        let diagram = try DiagramFactory.comparison(
            of: nodes, in: graph, options: ComparisonSubgraph.Options(includePrograms: true))
        try Golden.check(DOTBuilder().build(diagram), against: "fixture-comparison.dot")
    }

    @Test("neighbourhood of the fixture matches its golden DOT")
    func neighbourhoodGolden() throws {
        let centre = try TestGraphs.nodes(graph, ["15-2041"])[0]
        let diagram = try DiagramFactory.neighbourhood(
            of: centre, depth: 2, tiers: Set(RelatedTier.allCases), in: graph)
        try Golden.check(DOTBuilder().build(diagram), against: "fixture-neighbourhood.dot")
    }

    @Test("comparison: groups, facts, shared related occupations, direct links, shared programs")
    func comparisonContent() throws {
        let nodes = try TestGraphs.nodes(graph, ["15-1221", "15-2041", "15-1252", "15-1221"])
        let comparison = try ComparisonSubgraph(
            graph: graph, candidates: nodes, options: ComparisonSubgraph.Options(includePrograms: true))
        let ids = { (list: [NodeIndex]) in list.map { graph[$0].id } }
        #expect(ids(comparison.candidates) == ["15-1221", "15-2041", "15-1252"])
        #expect(comparison.sharedRelated.map { graph[$0.occupation].id } == ["15-2051"])
        #expect(ids(comparison.sharedRelated[0].links.map(\.candidate)) == ["15-1221", "15-2041"])
        #expect(comparison.directLinks.map { "\(graph[$0.candidate].id)->\(graph[$0.occupation].id)" }
            == ["15-1221->15-1252", "15-2041->15-1221"])
        #expect(comparison.programsShared)
        for program in comparison.programs {
            let prepared = Set(graph.occupations(preparedBy: program)).intersection(comparison.candidates)
            #expect(prepared.count >= 2, "\(graph[program].id)")
        }
        let members = Set(comparison.subgraph.members.map { graph[$0.node].id })
        for id in ["15-0000", "15-1200", "15-1220", "15-2000", "15-2040", "15-1250", "master", "bachelor", "stem",
                   "job-zone-5"] {
            #expect(members.contains(id), "\(id)")
        }
        #expect(comparison.subgraph.role(of: nodes[0]) == .focus)
        #expect(comparison.subgraph.role(of: graph.node(id: "15-2051")!) == .related(depth: 1))
        #expect(comparison.subgraph.focus.count == 3)
    }

    @Test("neighbourhood: breadth first by tier, depths, a pair related both ways drawn once")
    func neighbourhoodContent() throws {
        let centre = try TestGraphs.nodes(graph, ["15-2051"])[0]
        let short = try Neighbourhood(graph: graph, centre: centre, depth: 2)
        #expect(short.occupations.map { "\(graph[$0.occupation].id)@\($0.depth)" } == ["15-2051@0", "15-2041@1"])
        let all = try Neighbourhood(graph: graph, centre: centre, depth: 2, tiers: Set(RelatedTier.allCases))
        #expect(all.occupations.map { "\(graph[$0.occupation].id)@\($0.depth)" }
            == ["15-2051@0", "15-2041@1", "15-1221@1", "15-1252@1", "15-1253@2"])
        let related = all.subgraph.links.filter { if case .related = $0.kind { return true } else { return false } }
            .map { "\(graph[$0.from].id)->\(graph[$0.to].id)" }
        // 15-2051 and 15-2041 list each other: drawn once, from the centre. 15-1253 (depth 2) is not expanded.
        #expect(related.contains("15-2051->15-2041"))
        #expect(!related.contains("15-2041->15-2051"))
        #expect(related.contains("15-1252->15-1253"))
        #expect(!related.contains("15-1253->15-1252"))
        let zero = try Neighbourhood(graph: graph, centre: centre, depth: 0)
        #expect(zero.occupations.count == 1)
    }

    @Test("requests over the size limit fail with the deepest depth that fits")
    func sizeLimits() throws {
        let centre = try TestGraphs.nodes(graph, ["15-2051"])[0]
        #expect(throws: SOCGraphError.invalidInput(
            "the neighbourhood of 15-2051 to depth 2 would draw more than 9 nodes (12 by depth 1), too many for a "
                + "readable diagram: use --depth 0 or less, or fewer tiers")) {
            _ = try DiagramFactory.neighbourhood(
                of: centre, depth: 2, tiers: Set(RelatedTier.allCases), in: graph,
                limits: DiagramLimits(maxNodes: 9, maxEdges: 300))
        }
        let nodes = try TestGraphs.nodes(graph, ["15-2051", "15-1252", "15-1221"])
        #expect {
            _ = try DiagramFactory.comparison(of: nodes, in: graph, limits: DiagramLimits(maxNodes: 10, maxEdges: 300))
        } throws: { error in
            guard case let .invalidInput(message) = error as? SOCGraphError else { return false }
            return message.hasPrefix("comparing 3 codes would draw ") && message.hasSuffix(": compare fewer codes")
        }
    }

    @Test("only detailed occupations can be drawn, with the code to use instead")
    func kindsRejected() throws {
        let specialty = try TestGraphs.nodes(graph, ["15-2051.01"])[0]
        #expect(throws: SOCGraphError.invalidInput(
            "15-2051.01 is an O*NET specialty; diagrams show SOC detailed occupations: use 15-2051")) {
            _ = try ComparisonSubgraph(graph: graph, candidates: [specialty])
        }
        let group = try TestGraphs.nodes(graph, ["15-2000"])[0]
        #expect {
            _ = try Neighbourhood(graph: graph, centre: group, depth: 1)
        } throws: { error in
            "\(error)".hasPrefix("15-2000 is a SOC minor group; diagrams show detailed occupations, such as 15-2041")
        }
        #expect(throws: SOCGraphError.invalidInput("give at least one SOC code to compare")) {
            _ = try ComparisonSubgraph(graph: graph, candidates: [])
        }
    }

    @Test("links map to edge kinds; alignments keep their grade or its absence")
    func linkKinds() {
        #expect(DiagramFactory.kind(.alignsWith(grade: .core)) == .alignsWith(grade: .core))
        #expect(DiagramFactory.kind(.alignsWith(grade: .substantial)) == .alignsWith(grade: .substantial))
        #expect(DiagramFactory.kind(.alignsWith(grade: nil)) == .alignsWith(grade: nil))
        #expect(DiagramFactory.kind(.alignsWith(grade: .core)) != .alignsWith(grade: .substantial))
        #expect(DiagramFactory.kind(.related(.primaryLong, index: 3)) == .related(.primaryLong))
        #expect(DiagramFactory.kind(.sharedRelated(.supplemental, index: 12)) == .sharedRelated)
    }

    @Test("the footer cites every manifest vintage, O*NET with its licence")
    func footer() throws {
        let sources = DiagramFactory.sources(of: graph)
        #expect(sources.count == graph.sources.citations.count)
        #expect(sources.contains { $0.hasPrefix("O*NET 30.2 (") && $0.contains("CC BY 4.0") && $0.contains("modified") })
        #expect(sources.contains { $0.hasPrefix("SOC 2018 (") })
    }
}

@Suite("Diagrams of the shipped graph")
struct ShippedDiagramTests {
    static let aiRole = ["15-2051", "15-1252", "15-1221"]

    @Test("the AI-role comparison renders to well-formed SVG with every code and the sources footer")
    func aiComparisonSVG() throws {
        guard let graph = try TestGraphs.shipped() else { return }
        let diagram = try DiagramFactory.comparison(of: TestGraphs.nodes(graph, Self.aiRole), in: graph)
        let rendering = try GraphvizRenderer().renderReportingWarnings(dot: DOTBuilder().build(diagram), format: .svg)
        #expect(rendering.warnings == [])
        let text = try SVGText(rendering.data)
        for code in Self.aiRole { #expect(text.content.contains(code), "\(code)") }
        for vintage in ["SOC 2018", "O*NET 30.2", "CC BY 4.0", "OEWS May 2025", "NCES CIP 2020", "CET list Feb 2024"] {
            #expect(text.content.contains(vintage), "\(vintage)")
        }
        #expect(text.content.contains("Legend"))
        #expect(text.content.contains("Bachelor"))
    }

    @Test("PNG and PDF of the AI-role comparison start with their magic bytes")
    func binaryFormats() throws {
        guard let graph = try TestGraphs.shipped() else { return }
        let diagram = try DiagramFactory.comparison(of: TestGraphs.nodes(graph, Self.aiRole), in: graph)
        let png = try GraphvizRenderer().render(diagram, format: .png)
        #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        let pdf = try GraphvizRenderer().render(diagram, format: .pdf)
        #expect(pdf.starts(with: Data("%PDF".utf8)))
    }

    @Test("a depth-2 neighbourhood fits the limits; depth 5 is refused with a depth that fits")
    func neighbourhoodLimits() throws {
        guard let graph = try TestGraphs.shipped() else { return }
        let centre = try TestGraphs.nodes(graph, ["15-2051"])[0]
        let diagram = try DiagramFactory.neighbourhood(of: centre, depth: 2, in: graph)
        #expect(diagram.direction == .leftToRight)
        _ = try SVGText(GraphvizRenderer().render(diagram, format: .svg))
        #expect {
            _ = try DiagramFactory.neighbourhood(of: centre, depth: 5, in: graph)
        } throws: { error in
            "\(error)".contains("too many for a readable diagram: use --depth 2 or less")
        }
    }
}

@Suite("Memos")
struct MemoTests {
    let graph = TestGraphs.fixture

    func memo() throws -> Memo {
        try Memo(graph: graph, candidates: TestGraphs.nodes(graph, ["15-2051", "15-1252", "15-1221"]))
    }

    @Test("the table has one cell per candidate in every row, and the facts of the reports")
    func table() throws {
        let memo = try memo()
        #expect(memo.candidates.map(\.code) == ["15-2051", "15-1252", "15-1221"])
        #expect(memo.rows.allSatisfy { $0.cells.count == 3 })
        let education = try #require(memo.rows.first { $0.label.hasPrefix("Typical entry education") })
        #expect(education.cells == ["Bachelor's degree", "Bachelor's degree", "Master's degree"])
        let zone = try #require(memo.rows.first { $0.label == "O*NET Job Zone" })
        #expect(zone.cells[0] == "4")
        #expect(memo.onetVintage == "O*NET 30.2")
        #expect(memo.relations.contains { $0.hasPrefix("O*NET lists 15-1252 Software Developers as related to 15-2051") })
    }

    @Test("Markdown: table, image link beside, evidence, profession check, escaped sources with the O*NET credit")
    func markdown() throws {
        let text = MemoMarkdown.render(try memo(), diagramFile: "ai role (draft).svg")
        #expect(text.hasPrefix("## SOC code comparison: 15-2051, 15-1252 and 15-1221\n"))
        #expect(text.contains("| | 15-2051 | 15-1252 | 15-1221 |\n|---|---|---|---|\n"))
        #expect(text.contains("](ai%20role%20%28draft%29.svg)"))
        #expect(text.contains("  - Artificial Intelligence (CET 2024, core)\n    - direct curated link (core): CET 2024 Artificial Intelligence: machine learning; builds and evaluates predictive and machine learning models\n"
                              + "    - program 11.0102 Artificial Intelligence"))
        #expect(text.contains("  - Artificial intelligence, machine learning, autonomy, and related advances (CHIPS 10387, core)"))
        // Incidental alignments are not listed: 15-2051 is incidental in data storage, 15-1221 substantial.
        let evidence = try #require(text.range(of: "- **15-2051 Data Scientists**:"))
        let next = try #require(text.range(of: "- **15-1252 Software Developers**:", range: evidence.upperBound..<text.endIndex))
        #expect(!text[evidence.upperBound..<next.lowerBound].contains("Data storage, data management"))
        #expect(text[next.lowerBound...].contains("Data storage, data management, distributed ledger technologies, and "
                                                   + "cybersecurity, including biometrics (CHIPS 10387, substantial)"))
        #expect(text.contains("### Profession check"))
        #expect(text.contains("O\\*NET 30.2"))
        #expect(!text.contains(" O*NET"), "an unescaped asterisk would start emphasis")
        #expect(text.contains("Used under the CC BY 4.0 license"))
        #expect(text.contains("<https://www.onetcenter.org/database.html>"))
        #expect(MemoMarkdown.escape("a|b *c* _d_ [e](f) <g> \\ #1\nx") == "a\\|b \\*c\\* \\_d\\_ \\[e\\](f) \\<g\\> \\\\ \\#1 x")
    }

    @Test("HTML: well-formed XML with the SVG inline and every text escaped")
    func html() throws {
        let memo = try memo()
        let svg = try GraphvizRenderer().render(memo.diagram, format: .svg)
        let html = MemoHTML.render(memo, svg: svg)
        let parser = XMLParser(data: Data(html.utf8))
        #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "") at line \(parser.lineNumber)")
        #expect(html.contains("<svg"))
        #expect(!html.contains("<?xml"))
        #expect(html.contains("<cite>O*NET 30.2 Occupation Data</cite>"))
        #expect(html.contains("Used under the CC BY 4.0 license"))
        #expect(MemoHTML.escape("<b>Fish & \"Chips\"</b> it's\u{0}") == "&lt;b&gt;Fish &amp; &quot;Chips&quot;&lt;/b&gt; it&#39;s")
    }
}
