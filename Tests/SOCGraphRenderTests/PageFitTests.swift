import Foundation
import SOCGraph
import Testing
@testable import SOCGraphRender

/// The diagrams a memo pastes: the AI-role comparison fits an A4 page at 150 dpi with no text under 9 pt, measured
/// on what Graphviz drew (the PNG's pixels, the SVG's scale and font sizes), not on what the DOT asked for.
@Suite("Diagrams on an A4 page")
struct PageFitTests {
    /// A4 portrait at 150 dpi: 8.27 × 11.69 in.
    static let a4 = (width: 1240, height: 1754)
    static let minimumPoints = 9.0

    /// What Graphviz drew: the PNG in pixels, the SVG in points with its scale, and the smallest text in it.
    struct Measure {
        var pngWidth: Int
        var pngHeight: Int
        var svgWidth: Double
        var svgHeight: Double
        /// The scale Graphviz applied to the layout (below 1 when a `size` shrank it).
        var scale: Double
        /// The smallest font size in the SVG, in points, times `scale`.
        var smallestFont: Double

        init(dot: String) throws {
            let renderer = GraphvizRenderer()
            let png = try renderer.render(dot: dot, format: .png)
            #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
            let header = Array(png[16..<24])
            pngWidth = header[0..<4].reduce(0) { $0 << 8 | Int($1) }
            pngHeight = header[4..<8].reduce(0) { $0 << 8 | Int($1) }
            let svg = String(decoding: try renderer.render(dot: dot, format: .svg), as: UTF8.self)
            let size = try #require(svg.firstMatch(of: /<svg width="([0-9.]+)pt" height="([0-9.]+)pt"/))
            svgWidth = Double(size.1)!
            svgHeight = Double(size.2)!
            let transform = try #require(svg.firstMatch(of: /class="graph" transform="scale\(([0-9.]+) ([0-9.]+)\)/))
            scale = min(Double(transform.1)!, Double(transform.2)!)
            let fonts = svg.matches(of: /font-size="([0-9.]+)"/).map { Double($0.1)! }
            smallestFont = (fonts.min() ?? 0) * scale
        }
    }

    @Test("the AI-role comparison PNG is A4 portrait or smaller at 150 dpi, drawn at its natural size, no text under 9 pt")
    func comparisonFitsA4() throws {
        guard let graph = try TestGraphs.shipped() else { return }
        #expect(GraphvizRenderer().pngResolution == 150)
        let diagram = try DiagramFactory.comparison(
            of: TestGraphs.nodes(graph, ShippedDiagramTests.aiRole), in: graph)
        let dot = try DOTBuilder().build(diagram)
        let measure = try Measure(dot: dot)
        #expect(measure.pngWidth <= Self.a4.width && measure.pngHeight <= Self.a4.height,
                "\(measure.pngWidth) × \(measure.pngHeight) px, A4 at 150 dpi is \(Self.a4.width) × \(Self.a4.height)")
        #expect(measure.scale == 1, "Graphviz scaled the layout by \(measure.scale)")
        // The PNG is the layout at 150 dpi: points × 150 / 72, to a pixel or two of rounding.
        #expect(abs(Double(measure.pngWidth) - measure.svgWidth * 150 / 72) <= 2)
        #expect(abs(Double(measure.pngHeight) - measure.svgHeight * 150 / 72) <= 2)
        #expect(measure.smallestFont >= Self.minimumPoints, "smallest text \(measure.smallestFont) pt")
        // Every size the DOT asks for, too: none below 9 pt.
        let asked = dot.matches(of: /(?:fontsize="|POINT-SIZE=")([0-9.]+)"/).map { Double($0.1)! }
        #expect(!asked.isEmpty && asked.allSatisfy { $0 >= Self.minimumPoints }, "\(asked.min() ?? 0) pt asked for")
    }

    @Test("the measure sees a shrink: the same DOT squeezed onto a small page has text under 9 pt")
    func measureCanFail() throws {
        guard let graph = try TestGraphs.shipped() else { return }
        let diagram = try DiagramFactory.comparison(
            of: TestGraphs.nodes(graph, ShippedDiagramTests.aiRole), in: graph)
        let dot = try DOTBuilder().build(diagram)
            .replacingOccurrences(of: "graph [bgcolor=", with: "graph [size=\"4,5!\", bgcolor=")
        let measure = try Measure(dot: dot)
        #expect(measure.scale < 1)
        #expect(measure.smallestFont < Self.minimumPoints)
    }

    @Test("candidates carry their education, Job Zone, designations and profession check as rows, not nodes")
    func comparisonRows() throws {
        guard let graph = try TestGraphs.shipped() else { return }
        let diagram = try DiagramFactory.comparison(
            of: TestGraphs.nodes(graph, ShippedDiagramTests.aiRole + ["15-1232"]), in: graph)
        #expect(!diagram.nodes.contains { [.educationLevel, .jobZone, .designation].contains($0.kind) })
        #expect(!diagram.edges.contains { [.entryEducation, .jobZone, .designated].contains($0.kind) })
        let rows = Dictionary(uniqueKeysWithValues: diagram.nodes.filter { $0.kind == .candidate }.map { ($0.id, $0.rows) })
        #expect(rows["15-1221"]?.map(\.label) == ["BLS entry", "Job Zone", "Designated", "Profession"])
        #expect(rows["15-1221"]?.first?.value == "Master's degree")
        #expect(rows["15-2051"]?.last == DiagramNode.Row("Profession", "yes"))
        // Computer User Support Specialists: BLS entry is some college, below a bachelor's degree.
        #expect(rows["15-1232"]?.last?.alert == true)
        #expect(rows.filter { $0.value.contains(where: \.alert) }.keys.sorted() == ["15-1232"])
    }

    @Test("the depth-2 neighbourhood draws every related occupation, at most ten a column beyond, fields as rows")
    func neighbourhoodBounded() throws {
        guard let graph = try TestGraphs.shipped() else { return }
        let centre = try TestGraphs.nodes(graph, ["15-2051"])[0]
        let diagram = try DiagramFactory.neighbourhood(of: centre, depth: 2, in: graph)
        let walk = try Neighbourhood(graph: graph, centre: centre, depth: 2)
        let reached = (1...2).map { depth in walk.occupations.filter { $0.depth == depth }.count }
        let drawn = (1...2).map { depth in diagram.nodes.filter { $0.kind == .occupation && $0.layer == depth }.count }
        #expect(drawn[0] == reached[0], "every occupation O*NET relates to the centre is drawn")
        #expect(reached[1] > DiagramFactory.maxColumnOccupations && drawn[1] == DiagramFactory.maxColumnOccupations)
        #expect(diagram.subtitle.contains("drawn: 10 of \(reached[1]) at depth 2"), "\(diagram.subtitle)")
        #expect(diagram.subtitle.contains("socgraph related 15-2051 --depth 2 lists them all"))
        // Every occupation drawn is linked from one drawn.
        let ids = Set(diagram.nodes.map(\.id))
        for node in diagram.nodes where node.kind == .occupation {
            #expect(diagram.edges.contains { $0.to == node.id && ids.contains($0.from) }, "\(node.id)")
        }
        // The fields are rows of the centre, best grade first, not nodes.
        #expect(!diagram.nodes.contains { $0.kind == .field })
        let rows = try #require(diagram.nodes.first { $0.id == "15-2051" }?.rows)
        #expect(rows.suffix(2).map(\.value) == ["Artificial Intelligence (core)", "Advanced Computing (substantial)"])
        #expect(rows.suffix(2).allSatisfy { $0.label == "CET 2024" })
        let measure = try Measure(dot: DOTBuilder().build(diagram))
        #expect(measure.scale == 1 && measure.smallestFont >= Self.minimumPoints)
    }
}
