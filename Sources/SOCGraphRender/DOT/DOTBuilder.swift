import SOCGraph

/// Turns a `Diagram` into DOT text: deterministic (the same diagram gives the same bytes, whatever the order
/// of its nodes and edges), every string escaped, attributes sorted.
///
/// Layout: top to bottom; SOC groups above their members, each SOC major group framed as a cluster; a node's
/// facts as rows of a table on it; fields and programs (and education levels and job zones drawn as nodes) below
/// the occupations; the occupations related to several candidates as one table (`SharedRelatedTable`); in the footer,
/// a legend of the node and edge kinds used, then the sources. Nothing is scaled: sizes are the printed ones.
public struct DOTBuilder: Sendable {
    /// Node names and legend ids starting with this are the builder's own (the legend's samples, the shared-related
    /// table); diagram node ids may not use it.
    static let reservedPrefix = "legend:"

    public var limits: DiagramLimits

    public init(limits: DiagramLimits = DiagramLimits()) {
        self.limits = limits
    }

    /// The DOT text of `diagram`, after `Diagram.validate(limits:)`. O((nodes + edges) log(nodes + edges)).
    public func build(_ diagram: Diagram) throws -> String {
        try diagram.validate(limits: limits)
        let out = DOTWriter()
        out.line("digraph socgraph {")
        out.indent {
            let (drawn, table) = SharedRelatedTable.extract(from: diagram)
            out.line("graph " + DOTSyntax.attributeList(graphAttributes(diagram, legend: DiagramLegend(diagram: drawn))))
            out.line("node " + DOTSyntax.attributeList(nodeDefaults))
            out.line("edge " + DOTSyntax.attributeList(edgeDefaults))
            out.blank()
            var laidOut = drawn
            if let table { laidOut.nodes.append(table.placeholder) }
            let rows = LayoutRows(laidOut)
            writeBody(laidOut, rows: rows, table: table, to: out)
            rows.write(to: out)
        }
        out.line("}")
        return out.text
    }

    // MARK: - Graph, nodes, edges

    private func graphAttributes(_ diagram: Diagram, legend: DiagramLegend) -> [String: DOTSyntax.Value] {
        [
            "bgcolor": .text("#ffffff"),
            "fontcolor": .text(DiagramStyle.mutedTextColor),
            "fontname": .text(DiagramStyle.fontName),
            "fontsize": .text(String(DiagramStyle.detailFontSize)),
            "label": .html(footerLabel(diagram.sources, legend: legend)),
            "labeljust": .text("l"),
            "labelloc": .text("b"),
            "newrank": .text("true"),
            // Left to right, the gap between nodes of a column: small, so that a column of ten fits a page.
            "nodesep": .text(diagram.direction == .topDown ? "0.18" : "0.08"),
            "outputorder": .text("edgesfirst"),
            "pad": .text("0.15"),
            "rankdir": .text(diagram.direction == .topDown ? "TB" : "LR"),
            "ranksep": .text("0.3"),
        ]
    }

    private var nodeDefaults: [String: DOTSyntax.Value] {
        [
            "color": .text("#595959"),
            "fontcolor": .text(DiagramStyle.textColor),
            "fontname": .text(DiagramStyle.fontName),
            "fontsize": .text(String(DiagramStyle.fontSize)),
            "margin": .text("0.1,0.03"),
            "style": .text("filled"),
        ]
    }

    private var edgeDefaults: [String: DOTSyntax.Value] {
        [
            "arrowsize": .text("0.7"),
            "fontcolor": .text(DiagramStyle.mutedTextColor),
            "fontname": .text(DiagramStyle.fontName),
            "fontsize": .text(String(DiagramStyle.detailFontSize)),
        ]
    }

    /// The title frame holding every diagram node, the major-group clusters inside it, then the edges.
    private func writeBody(_ diagram: Diagram, rows: LayoutRows, table: SharedRelatedTable?, to out: DOTWriter) {
        let nodes = diagram.nodes.sorted(by: Self.nodeOrder)
        out.line("subgraph " + DOTSyntax.quote("cluster:diagram") + " {")
        out.indent {
            out.line("graph " + DOTSyntax.attributeList([
                "fontcolor": .text(DiagramStyle.textColor),
                "label": .html(titleLabel(diagram)),
                "labeljust": .text("l"),
                "labelloc": .text("t"),
                "margin": .text("4"),
                "peripheries": .text("0"),
            ]))
            for cluster in diagram.clusters.sorted(by: { $0.key < $1.key }) {
                let members = nodes.filter { $0.cluster == cluster.key }
                guard !members.isEmpty else { continue }
                out.line("subgraph " + DOTSyntax.quote("cluster:" + cluster.key) + " {")
                out.indent {
                    out.line("graph " + DOTSyntax.attributeList(clusterAttributes(cluster)))
                    for node in members { out.line(nodeStatement(node)) }
                }
                out.line("}")
            }
            for node in nodes where node.cluster == nil {
                if let table, node.id == SharedRelatedTable.id {
                    out.line(table.statement)
                } else {
                    out.line(nodeStatement(node))
                }
            }
        }
        out.line("}")
        out.blank()
        let rank = rows.rankGroups
        for edge in diagram.edges.sorted(by: Self.edgeOrder) {
            let flat = rank[edge.from].map { $0 == rank[edge.to] } ?? false
            out.line(edgeStatement(edge, flat: flat))
        }
    }

    private func clusterAttributes(_ cluster: DiagramCluster) -> [String: DOTSyntax.Value] {
        let title = DOTSyntax.wrap(cluster.title, width: 2 * DiagramStyle.wrapWidth, maxLines: 2)
            .map(DOTSyntax.html).joined(separator: "<BR/>")
        return [
            "color": .text(DiagramStyle.clusterBorder),
            "fillcolor": .text(DiagramStyle.clusterFill),
            "fontcolor": .text(DiagramStyle.textColor),
            "fontsize": .text(String(DiagramStyle.fontSize)),
            "label": .html("<B>" + DOTSyntax.html(cluster.code) + "</B> " + title),
            "labeljust": .text("l"),
            "labelloc": .text("t"),
            "margin": .text("6"),
            "style": .text("rounded,filled"),
        ]
    }

    func nodeStatement(_ node: DiagramNode) -> String {
        DOTSyntax.id(node.id) + " " + DOTSyntax.attributeList(Self.nodeAttributes(node))
    }

    static func nodeAttributes(_ node: DiagramNode) -> [String: DOTSyntax.Value] {
        let style = DiagramStyle.node(node.kind)
        var attributes: [String: DOTSyntax.Value] = [
            "color": .text(style.border),
            "fillcolor": .text(style.fill),
            "label": .html(nodeLabel(node)),
            "shape": .text(style.shape),
            "tooltip": .text([node.heading, node.title].compactMap { $0 }.joined(separator: " ")),
        ]
        if style.rounded { attributes["style"] = .text("filled,rounded") }
        if let margin = style.margin { attributes["margin"] = .text(margin) }
        if !node.rows.isEmpty { attributes["margin"] = .text("0.04,0.04") }
        if node.hasAlert { attributes["color"] = .text(DiagramStyle.alertBorder) }
        if style.penWidth != 1 { attributes["penwidth"] = .text(number(style.penWidth)) }
        return attributes
    }

    /// Bold heading, the title wrapped, then small muted detail lines; a node with rows is a table: heading and
    /// title, then one row per fact, label muted, an alert row in red.
    static func nodeLabel(_ node: DiagramNode) -> String {
        var lines: [String] = []
        if let heading = node.heading, !heading.isEmpty { lines.append("<B>" + DOTSyntax.html(heading) + "</B>") }
        lines += DOTSyntax.wrap(node.title, width: DiagramStyle.wrapWidth(node.kind), maxLines: DiagramStyle.maxTitleLines)
            .map(DOTSyntax.html)
        for detail in node.details {
            for line in DOTSyntax.wrap(detail, width: DiagramStyle.wrapWidth, maxLines: 2) {
                lines.append(
                    "<FONT POINT-SIZE=\"\(DiagramStyle.detailFontSize)\" COLOR=\"\(DiagramStyle.mutedTextColor)\">"
                        + DOTSyntax.html(line) + "</FONT>")
            }
        }
        guard !node.rows.isEmpty else { return lines.isEmpty ? " " : lines.joined(separator: "<BR/>") }
        var table = "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"2\">"
        if !lines.isEmpty { table += "<TR><TD COLSPAN=\"2\">" + lines.joined(separator: "<BR/>") + "</TD></TR>" }
        for row in node.rows { table += rowMarkup(row) }
        return table + "</TABLE>"
    }

    /// One fact row of a node table: the label small and muted, the value wrapped; an alert in red on pink, its
    /// label bold.
    private static func rowMarkup(_ row: DiagramNode.Row) -> String {
        let fill = row.alert ? DiagramStyle.alertFill : DiagramStyle.rowFill
        let cell = "<TD ALIGN=\"LEFT\" BALIGN=\"LEFT\" VALIGN=\"TOP\" BGCOLOR=\"\(fill)\">"
        var label = DOTSyntax.html(row.label)
        if row.alert { label = "<B>" + label + "</B>" }
        label = "<FONT POINT-SIZE=\"\(DiagramStyle.detailFontSize)\" COLOR=\""
            + (row.alert ? DiagramStyle.alertTextColor : DiagramStyle.mutedTextColor) + "\">" + label + "</FONT>"
        var value = DOTSyntax.wrap(row.value, width: row.width ?? DiagramStyle.rowValueWidth,
                                   maxLines: DiagramStyle.maxRowLines).map(DOTSyntax.html).joined(separator: "<BR/>")
        if row.alert { value = "<FONT COLOR=\"\(DiagramStyle.alertTextColor)\">" + value + "</FONT>" }
        return "<TR>" + cell + label + "</TD>" + cell + value + "</TD></TR>"
    }

    /// The statement of `edge`. A `flat` edge (both ends held on one rank) carries its text as an `xlabel`:
    /// Graphviz 2.42 corrupts its heap laying out labelled flat edges inside clusters.
    func edgeStatement(_ edge: DiagramEdge, flat: Bool = false) -> String {
        let style = DiagramStyle.edge(edge.kind.family)
        var attributes: [String: DOTSyntax.Value] = ["color": .text(style.color)]
        if style.line != "solid" { attributes["style"] = .text(style.line) }
        var penWidth = style.penWidth
        var labelLines: [String] = []
        switch edge.kind {
        case let .alignsWith(grade?):
            labelLines.append(grade.name)
            penWidth = DiagramStyle.alignmentPenWidth(grade)
        default: break
        }
        if let label = edge.label, !label.isEmpty {
            labelLines += DOTSyntax.wrap(label, width: DiagramStyle.wrapWidth, maxLines: 2)
        }
        if !labelLines.isEmpty {
            attributes[flat ? "xlabel" : "label"] = .html(labelLines.map(DOTSyntax.html).joined(separator: "<BR/>"))
            attributes["fontcolor"] = .text(style.labelColor)
        }
        attributes["penwidth"] = .text(Self.number(penWidth))
        if style.arrowhead == "none" {
            attributes["dir"] = .text("none")
        } else {
            if style.reversed { attributes["dir"] = .text("back") }
            if style.arrowhead != "normal" {
                attributes[style.reversed ? "arrowtail" : "arrowhead"] = .text(style.arrowhead)
            }
        }
        let (tail, head) = style.reversed ? (edge.to, edge.from) : (edge.from, edge.to)
        return DOTSyntax.id(tail) + " -> " + DOTSyntax.id(head) + " " + DOTSyntax.attributeList(attributes)
    }

    // MARK: - Title and footer

    private func titleLabel(_ diagram: Diagram) -> String {
        var label = "<FONT POINT-SIZE=\"\(DiagramStyle.titleFontSize)\"><B>"
            + DOTSyntax.wrap(diagram.title, width: 64, maxLines: 2).map(DOTSyntax.html).joined(separator: "<BR ALIGN=\"LEFT\"/>")
            + "</B></FONT><BR ALIGN=\"LEFT\"/>"
        let subtitle = DOTSyntax.wrap(diagram.subtitle, width: 110, maxLines: 6)
        if !subtitle.isEmpty {
            label += "<FONT COLOR=\"\(DiagramStyle.mutedTextColor)\">"
                + subtitle.map(DOTSyntax.html).joined(separator: "<BR ALIGN=\"LEFT\"/>")
                + "</FONT><BR ALIGN=\"LEFT\"/>"
        }
        return label
    }

    /// The legend, then the sources, left-aligned under the diagram.
    private func footerLabel(_ sources: [String], legend: DiagramLegend) -> String {
        var rows: [String] = []
        if !legend.isEmpty { rows.append(legend.markup) }
        if !sources.isEmpty {
            let text = "Sources: " + sources.joined(separator: "; ") + "."
            rows.append(DOTSyntax.wrap(text, width: 110, maxLines: 10).map(DOTSyntax.html)
                .joined(separator: "<BR/>"))
        }
        guard !rows.isEmpty else { return " " }
        return "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"2\">"
            + rows.map { "<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\">" + $0 + "</TD></TR>" }.joined() + "</TABLE>"
    }

    // MARK: - Order and layout helpers

    /// Nodes by kind, then education levels by rank, then id.
    static func nodeOrder(_ a: DiagramNode, _ b: DiagramNode) -> Bool {
        if a.kind != b.kind { return a.kind < b.kind }
        let rankA = EducationLevel(rawValue: a.id)?.rank ?? 0
        let rankB = EducationLevel(rawValue: b.id)?.rank ?? 0
        if rankA != rankB { return rankA < rankB }
        return a.id < b.id
    }

    static func edgeOrder(_ a: DiagramEdge, _ b: DiagramEdge) -> Bool {
        if a.kind.family != b.kind.family { return a.kind.family < b.kind.family }
        if a.from != b.from { return a.from < b.from }
        if a.to != b.to { return a.to < b.to }
        return (a.label ?? "") < (b.label ?? "")
    }

    /// An alignment strength as printed on its edge: two decimals, `0.62`.
    static func strength(_ value: Double) -> String {
        Format.fixed(value, places: 2)
    }

    /// A number without trailing zeros: `2.5`, `1`, `1.86`.
    static func number(_ value: Double) -> String {
        var text = Format.fixed(value, places: 2)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}

/// Accumulates DOT lines with two-space indentation.
final class DOTWriter {
    private(set) var text = ""
    private var depth = 0

    init() {
        text.reserveCapacity(1 << 15)
    }

    func line(_ content: String) {
        for _ in 0..<depth { text += "  " }
        text += content
        text += "\n"
    }

    func blank() { text += "\n" }

    func indent(_ body: () -> Void) {
        depth += 1
        body()
        depth -= 1
    }
}
