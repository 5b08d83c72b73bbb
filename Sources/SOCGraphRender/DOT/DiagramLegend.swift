/// The legend of a diagram: a sample of every node kind and every edge style the diagram uses, and only those.
///
/// Drawn as a cluster hung below the diagram: node samples in rows of four, then edge samples (a short line
/// of the real style, then what it means) in rows of two. Left to right, where ranks are columns, the samples
/// are stacked in the column of the diagram's first layer, each edge sample reaching into the next column.
struct DiagramLegend {
    let nodeKinds: [DiagramNode.Kind]
    let edgeFamilies: [DiagramEdge.Family]
    static let nodesPerRow = 4
    static let edgesPerRow = 2

    let direction: Diagram.Direction
    /// True when a node is drawn inside a SOC major-group frame, which the legend then shows too.
    let hasFrames: Bool

    init(diagram: Diagram) {
        direction = diagram.direction
        let keys = Set(diagram.clusters.map(\.key))
        hasFrames = diagram.nodes.contains { $0.cluster.map(keys.contains) ?? false }
        nodeKinds = Set(diagram.nodes.map(\.kind)).sorted()
        edgeFamilies = Set(diagram.edges.map(\.kind.family)).sorted()
    }

    var isEmpty: Bool { nodeKinds.isEmpty && edgeFamilies.isEmpty && !hasFrames }

    /// Writes the legend cluster and the invisible edges from `sinks` that keep it below the diagram.
    func write(to out: DOTWriter, below sinks: [String]) {
        let prefix = DOTBuilder.reservedPrefix
        var rows: [[String]] = []
        out.line("subgraph " + DOTSyntax.quote("cluster:" + prefix + "legend") + " {")
        out.indent {
            out.line("graph " + DOTSyntax.attributeList([
                "color": .text(DiagramStyle.clusterBorder),
                "fontcolor": .text(DiagramStyle.textColor),
                "fontsize": .text(String(DiagramStyle.fontSize)),
                "label": .html("<B>Legend</B>"),
                "labeljust": .text("l"),
                "labelloc": .text("t"),
                "margin": .text("10"),
                "style": .text("rounded"),
            ]))
            for chunk in (nodeKinds.map(Optional.some) + (hasFrames ? [nil] : [])).chunked(Self.nodesPerRow) {
                var row: [String] = []
                for case let kind? in chunk {
                    let id = prefix + "node:" + kind.rawValue
                    var attributes = DOTBuilder.nodeAttributes(
                        DiagramNode(id: id, kind: kind, title: DiagramStyle.node(kind).legend))
                    attributes["label"] = .html(DOTSyntax.html(DiagramStyle.node(kind).legend))
                    attributes["tooltip"] = nil
                    attributes["fontsize"] = .text(String(DiagramStyle.detailFontSize + 1))
                    attributes["height"] = .text("0.3")
                    out.line(DOTSyntax.id(id) + " " + DOTSyntax.attributeList(attributes))
                    row.append(id)
                }
                if chunk.contains(where: { $0 == nil }) {
                    let id = prefix + "frame"
                    out.line(DOTSyntax.id(id) + " " + DOTSyntax.attributeList([
                        "color": .text(DiagramStyle.clusterBorder),
                        "fillcolor": .text(DiagramStyle.clusterFill),
                        "fontsize": .text(String(DiagramStyle.detailFontSize + 1)),
                        "height": .text("0.3"),
                        "label": .html("Frame: SOC major group"),
                        "shape": .text("box"),
                        "style": .text("filled,rounded"),
                    ]))
                    row.append(id)
                }
                rows.append(row)
            }
            for chunk in edgeFamilies.chunked(Self.edgesPerRow) {
                var row: [String] = []
                for family in chunk {
                    let style = DiagramStyle.edge(family)
                    let name = prefix + "edge:" + family.legendKey
                    out.line(DOTSyntax.id(name + ":from") + " " + DOTSyntax.attributeList([
                        "height": .text("0.2"), "label": .text(""), "shape": .text("point"), "style": .text("invis"),
                        "width": .text("0.01"),
                    ]))
                    out.line(DOTSyntax.id(name + ":to") + " " + DOTSyntax.attributeList([
                        "fontsize": .text(String(DiagramStyle.detailFontSize + 1)),
                        "height": .text("0.2"),
                        "label": .text(style.legend),
                        "margin": .text("0.04,0.02"),
                        "shape": .text("plaintext"),
                        "style": .text(""),
                    ]))
                    var attributes: [String: DOTSyntax.Value] = [
                        "arrowhead": .text(style.arrowhead),
                        "color": .text(style.color),
                        "minlen": .text(direction == .topDown ? "4" : "1"),
                        "penwidth": .text(DOTBuilder.number(style.penWidth)),
                    ]
                    if style.line != "solid" { attributes["style"] = .text(style.line) }
                    out.line(DOTSyntax.id(name + ":from") + " -> " + DOTSyntax.id(name + ":to") + " "
                        + DOTSyntax.attributeList(attributes))
                    row += [name + ":from", name + ":to"]
                }
                rows.append(row)
            }
            if direction == .topDown {
                for row in rows where row.count > 1 {
                    out.line("{ rank=same; " + row.map(DOTSyntax.id).joined(separator: "; ") + " }")
                }
            }
            // Keep the items of a row in order and the rows one under another.
            for row in rows where direction == .topDown {
                for (left, right) in zip(row, row.dropFirst()) where !(left.hasSuffix(":from") && right.hasSuffix(":to")) {
                    out.line(DOTSyntax.id(left) + " -> " + DOTSyntax.id(right) + " [style=invis]")
                }
            }
            if direction == .topDown {
                for (upper, lower) in zip(rows, rows.dropFirst()) {
                    out.line(DOTSyntax.id(upper[0]) + " -> " + DOTSyntax.id(lower[0]) + " [style=invis]")
                }
            }
        }
        out.line("}")
        if direction == .leftToRight {
            if let anchor = sinks.first {
                let column = rows.joined().filter { !$0.hasSuffix(":to") }
                out.line("{ rank=same; " + ([anchor] + column).map(DOTSyntax.id).joined(separator: "; ") + " }")
            }
        } else if let top = rows.first?.first {
            for sink in sinks {
                out.line(DOTSyntax.id(sink) + " -> " + DOTSyntax.id(top) + " [style=invis, weight=0]")
            }
        }
    }
}

extension DiagramEdge.Family {
    /// A name for the legend's node ids.
    var legendKey: String {
        switch self {
        case .parent: return "parent"
        case .entryEducation: return "entry-education"
        case .jobZone: return "job-zone"
        case let .related(tier): return "related-" + tier.rawValue
        case .sharedRelated: return "shared-related"
        case .alignsWith: return "aligns-with"
        case .preparesFor: return "prepares-for"
        case .designated: return "designated"
        case .uses: return "uses"
        }
    }
}

extension Array {
    fileprivate func chunked(_ size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}
