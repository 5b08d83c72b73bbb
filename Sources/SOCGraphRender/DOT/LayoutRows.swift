/// The rows a diagram is laid out in, top to bottom: the SOC hierarchy with the candidates side by side on
/// one row, then, below every SOC node, a row of national-interest fields (short alignment edges, their
/// strengths legible), a row of education levels, job zones and designations, a row of programs and
/// technologies.
///
/// Keeping the non-SOC nodes below the major-group clusters (rather than beside them) keeps diagrams narrow
/// enough for an A4 page.
struct LayoutRows {
    /// Node kinds of each row under the SOC part, in order.
    static let attributeKinds: [[DiagramNode.Kind]] = [
        [.field],
        [.educationLevel, .jobZone, .designation],
        [.program, .technology],
    ]

    let candidates: [String]
    /// The non-empty rows under the SOC part, each in node order.
    let attributeRows: [[String]]
    /// SOC nodes with no SOC node drawn below them: the first attribute row hangs below these.
    let socBottom: [String]

    init(_ diagram: Diagram) {
        let nodes = diagram.nodes.sorted(by: DOTBuilder.nodeOrder)
        candidates = nodes.filter { $0.kind == .candidate }.map(\.id)
        attributeRows = Self.attributeKinds.map { kinds in nodes.filter { kinds.contains($0.kind) }.map(\.id) }
            .filter { !$0.isEmpty }
        let soc = Set(nodes.filter { $0.kind.isSOC }.map(\.id))
        var hasSOCBelow = Set<String>()
        for edge in diagram.edges {
            let reversed = DiagramStyle.edge(edge.kind.family).reversed
            let (upper, lower) = reversed ? (edge.to, edge.from) : (edge.from, edge.to)
            if soc.contains(lower) { hasSOCBelow.insert(upper) }
        }
        socBottom = nodes.filter { $0.kind.isSOC && !hasSOCBelow.contains($0.id) }.map(\.id)
    }

    /// The nodes the legend hangs below: the first node of the last row (rows are ranked together),
    /// else the bottom of the SOC part.
    var bottom: [String] {
        attributeRows.last.map { [$0[0]] } ?? socBottom
    }

    /// The rank constraints: same-rank groups and invisible edges stacking the rows.
    func write(to out: DOTWriter) {
        guard candidates.count > 1 || !attributeRows.isEmpty else { return }
        out.blank()
        for row in [candidates] + attributeRows where row.count > 1 {
            out.line("{ rank=same; " + row.map(DOTSyntax.id).joined(separator: "; ") + " }")
        }
        if let first = attributeRows.first {
            for id in socBottom {
                out.line(DOTSyntax.id(id) + " -> " + DOTSyntax.id(first[0]) + " [style=invis, weight=0]")
            }
        }
        for (upper, lower) in zip(attributeRows, attributeRows.dropFirst()) {
            out.line(DOTSyntax.id(upper[0]) + " -> " + DOTSyntax.id(lower[0]) + " [style=invis, weight=0]")
        }
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
