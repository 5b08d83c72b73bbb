/// The legend of a diagram: a sample of every node kind and every edge style the diagram uses, and only those.
///
/// One small table set in the footer, above the sources: a swatch in each node kind's colours, a few characters
/// of each edge kind's line in its colour and weight. In the graph's label it takes no place in the layout (the
/// legend drawn as sample nodes and edges took a quarter of a page and constrained the ranks).
struct DiagramLegend {
    let nodeKinds: [DiagramNode.Kind]
    let edgeFamilies: [DiagramEdge.Family]
    /// True when a node is drawn inside a SOC major-group frame, which the legend then shows too.
    let hasFrames: Bool
    /// True when a node carries an alert row (a failed profession check).
    let hasAlert: Bool
    /// Columns of samples: three of the longest texts at 9 pt fill the width of an A4 page.
    static let columns = 3

    init(diagram: Diagram) {
        let keys = Set(diagram.clusters.map(\.key))
        hasFrames = diagram.nodes.contains { $0.cluster.map(keys.contains) ?? false }
        hasAlert = diagram.nodes.contains(where: \.hasAlert)
        nodeKinds = Set(diagram.nodes.map(\.kind)).sorted()
        edgeFamilies = Set(diagram.edges.map(\.kind.family)).sorted()
    }

    var isEmpty: Bool { nodeKinds.isEmpty && edgeFamilies.isEmpty && !hasFrames }

    /// One sample: its cell (a swatch or a line) and what it means.
    private struct Item {
        var id: String
        var sample: String
        var text: String
    }

    private var items: [Item] {
        let prefix = DOTBuilder.reservedPrefix
        var items = nodeKinds.map { kind in
            let style = DiagramStyle.node(kind)
            return Item(id: prefix + "node:" + kind.rawValue, sample: swatch(fill: style.fill, border: style.border),
                        text: style.legend)
        }
        if hasFrames {
            items.append(Item(id: prefix + "frame", sample: swatch(fill: DiagramStyle.clusterFill,
                                                                   border: DiagramStyle.clusterBorder),
                              text: "Frame: SOC major group"))
        }
        if hasAlert {
            items.append(Item(id: prefix + "alert", sample: swatch(fill: DiagramStyle.alertFill,
                                                                   border: DiagramStyle.alertBorder),
                              text: "Fails the profession check"))
        }
        for family in edgeFamilies {
            let style = DiagramStyle.edge(family)
            items.append(Item(id: prefix + "edge:" + family.legendKey,
                              sample: "<FONT COLOR=\"\(style.color)\">" + DOTSyntax.html(Self.line(style.line)) + "</FONT>",
                              text: style.legend))
        }
        return items
    }

    /// The legend as an HTML-like table: a heading, then the samples in `columns` columns, filled down first so
    /// that node kinds and line styles read as lists.
    var markup: String {
        let items = self.items
        let rowCount = (items.count + Self.columns - 1) / Self.columns
        var out = "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"1\">"
            + "<TR><TD ALIGN=\"LEFT\" COLSPAN=\"\(2 * Self.columns)\"><B>Legend</B></TD></TR>"
        for row in 0..<rowCount {
            out += "<TR>"
            for column in 0..<Self.columns {
                let index = column * rowCount + row
                guard index < items.count else { out += "<TD></TD><TD></TD>"; continue }
                let item = items[index]
                out += "<TD ID=\"\(DOTSyntax.html(item.id))\">" + item.sample + "</TD>"
                    + "<TD ALIGN=\"LEFT\">" + DOTSyntax.html(item.text) + "  </TD>"
            }
            out += "</TR>"
        }
        return out + "</TABLE>"
    }

    /// A small box in a node kind's colours.
    private func swatch(fill: String, border: String) -> String {
        "<TABLE BORDER=\"1\" CELLBORDER=\"0\" CELLPADDING=\"0\" CELLSPACING=\"0\" COLOR=\"\(border)\" "
            + "BGCOLOR=\"\(fill)\"><TR><TD WIDTH=\"16\" HEIGHT=\"8\" FIXEDSIZE=\"TRUE\"></TD></TR></TABLE>"
    }

    /// An edge's line style in characters (heavy box-drawing ones: a light line is a hairline at 9 pt): solid,
    /// dashed (heavy double dash) or dotted (bullet operators).
    static func line(_ style: String) -> String {
        switch style {
        case "dashed": return String(repeating: "\u{254D}", count: 3)
        case "dotted": return String(repeating: "\u{2219}", count: 5)
        default: return String(repeating: "\u{2501}", count: 3)
        }
    }
}

extension DiagramEdge.Family {
    /// A name for the legend's sample ids.
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
