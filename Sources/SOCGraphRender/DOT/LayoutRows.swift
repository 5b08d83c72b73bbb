/// The ranks a diagram is laid out in.
///
/// Top-down (comparisons): the SOC hierarchy with the candidates side by side; below every SOC group and
/// candidate, the national-interest fields (those of several candidates in a row above those of one), a row of
/// education levels, a row of job zones and designations (when drawn as nodes rather than rows of the
/// candidates), a row of programs and technologies; then the other occupations (related to several candidates).
/// The facts of the candidates sit right under them; a row wider than `rowWidth` is split into rows stacked under
/// each other, so the diagram stays within an A4 page's width.
///
/// Left-to-right (neighbourhoods): one column per `DiagramNode.layer`; a column grows down, never across.
struct LayoutRows {
    /// Node kinds of each row under the SOC part, in order.
    static let attributeKinds: [[DiagramNode.Kind]] = [
        [.field],
        [.educationLevel],
        [.jobZone, .designation],
        [.program, .technology],
    ]
    /// The widest row, in inches, before it is split: an A4 page less its margins and the frames'.
    static let rowWidth = 7.2

    let direction: Diagram.Direction
    /// The candidates, split to fit.
    let candidateRows: [[String]]
    /// The non-empty rows under the SOC part, each in node order, split to fit.
    let attributeRows: [[String]]
    /// The occupations that are not candidates, split to fit: the bottom rows.
    let otherRows: [[String]]
    /// SOC groups and candidates with none of them drawn below: the first attribute row hangs below these.
    let socBottom: [String]
    /// Left-to-right: the nodes of each layer, by layer.
    let layers: [[String]]

    init(_ diagram: Diagram) {
        direction = diagram.direction
        let nodes = diagram.nodes.sorted(by: DOTBuilder.nodeOrder)
        layers = Dictionary(grouping: nodes.filter { $0.layer != nil }, by: { $0.layer! })
            .sorted { $0.key < $1.key }.map { $0.value.map(\.id) }
        guard direction == .topDown else {
            candidateRows = []
            attributeRows = []
            otherRows = []
            socBottom = []
            return
        }
        let free = nodes.filter { $0.layer == nil }
        candidateRows = Self.split(free.filter { $0.kind == .candidate })
        // Fields shared by several candidates get a row of their own above those of one candidate: the edges to
        // the lower row then pass beside the upper one, not through it, and the page stays narrow.
        var degree: [String: Int] = [:]
        for edge in diagram.edges where edge.kind.family == .alignsWith { degree[edge.to, default: 0] += 1 }
        attributeRows = Self.attributeKinds.flatMap { kinds in
            let members = free.filter { kinds.contains($0.kind) }
            guard kinds == [.field] else { return Self.split(members) }
            let shared = members.filter { degree[$0.id, default: 0] > 1 }
            return Self.split(shared) + Self.split(members.filter { degree[$0.id, default: 0] <= 1 })
        }
        otherRows = Self.split(free.filter { $0.kind == .occupation })
        let soc = Set(nodes.filter { $0.kind.isSOC && $0.kind != .occupation }.map(\.id))
        var hasSOCBelow = Set<String>()
        for edge in diagram.edges where edge.kind == .parent {
            let reversed = DiagramStyle.edge(edge.kind.family).reversed
            let (upper, lower) = reversed ? (edge.to, edge.from) : (edge.from, edge.to)
            if soc.contains(lower) { hasSOCBelow.insert(upper) }
        }
        socBottom = nodes.filter { soc.contains($0.id) && !hasSOCBelow.contains($0.id) }.map(\.id)
    }

    /// The same-rank group of each node held on one rank with others (its row or layer number).
    var rankGroups: [String: Int] {
        let groups = direction == .leftToRight ? layers : candidateRows + attributeRows + otherRows
        var result: [String: Int] = [:]
        for (number, group) in groups.enumerated() where group.count > 1 {
            for id in group { result[id] = number }
        }
        return result
    }

    /// `nodes` in rows no wider than `rowWidth`, in order.
    static func split(_ nodes: [DiagramNode]) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var width = 0.0
        for node in nodes {
            let nodeWidth = estimatedWidth(node)
            if !row.isEmpty, width + nodeWidth > rowWidth {
                rows.append(row)
                row = []
                width = 0
            }
            row.append(node.id)
            width += nodeWidth + 0.25
        }
        if !row.isEmpty { rows.append(row) }
        return rows
    }

    /// About how wide Graphviz draws `node`, in inches: its longest label line (or row) at the text size, plus
    /// margins.
    static func estimatedWidth(_ node: DiagramNode) -> Double {
        let lines = [node.heading ?? ""]
            + DOTSyntax.wrap(node.title, width: DiagramStyle.wrapWidth(node.kind), maxLines: DiagramStyle.maxTitleLines)
        let text = Double(lines.map(\.count).max() ?? 0) * Double(DiagramStyle.fontSize)
        let labels = Double(node.rows.map(\.label.count).max() ?? 0) * Double(DiagramStyle.detailFontSize)
        let valueLines = node.rows.flatMap { row in
            DOTSyntax.wrap(row.value, width: row.width ?? DiagramStyle.rowValueWidth, maxLines: DiagramStyle.maxRowLines)
        }
        let values = Double(valueLines.map(\.count).max() ?? 0) * Double(DiagramStyle.fontSize)
        // Helvetica averages about half an em a character.
        return max(text, labels + values) * 0.5 / 72 + 0.3
    }

    /// The rank constraints: same-rank groups and invisible edges stacking the rows.
    func write(to out: DOTWriter) {
        if direction == .leftToRight {
            guard !layers.isEmpty else { return }
            out.blank()
            for layer in layers where layer.count > 1 {
                out.line("{ rank=same; " + layer.map(DOTSyntax.id).joined(separator: "; ") + " }")
            }
            return
        }
        let rows = candidateRows + attributeRows + otherRows
        guard rows.count > 1 || rows.contains(where: { $0.count > 1 }) else { return }
        out.blank()
        for row in rows where row.count > 1 {
            out.line("{ rank=same; " + row.map(DOTSyntax.id).joined(separator: "; ") + " }")
        }
        func stack(_ upper: [String], _ lower: [String]) {
            for id in upper {
                out.line(DOTSyntax.id(id) + " -> " + DOTSyntax.id(lower[0]) + " [style=invis, weight=0]")
            }
        }
        for (upper, lower) in zip(candidateRows, candidateRows.dropFirst()) { stack([upper[0]], lower) }
        let below = attributeRows + otherRows
        if let first = below.first { stack(socBottom, first) }
        for (upper, lower) in zip(below, below.dropFirst()) { stack([upper[0]], lower) }
    }
}

extension DiagramNode.Kind {
    /// Occupations and SOC groups, drawn in the upper part of a diagram.
    var isSOC: Bool {
        switch self {
        case .candidate, .occupation, .majorGroup, .minorGroup, .broadGroup: return true
        case .educationLevel, .jobZone, .field, .program, .designation, .technology: return false
        }
    }
}
