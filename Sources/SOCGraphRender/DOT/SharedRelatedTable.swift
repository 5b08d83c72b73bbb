/// The occupations O*NET relates to several candidates, drawn as one table: a row per occupation (code and
/// title), a column per candidate, a mark where O*NET relates the two.
///
/// Drawn as nodes, each with a line from every candidate it is related to, they made the busiest part of a
/// comparison: a dozen long curves crossing the facts to the bottom rows, hard to follow and most of the layout's
/// work. The table says the same, reads at a glance, and needs no lines. Only top-down diagrams (comparisons)
/// draw one; an occupation with any other kind of link stays a node.
struct SharedRelatedTable {
    /// The table's node name; reserved like the legend's.
    static let id = DOTBuilder.reservedPrefix + "shared-related"

    /// The columns, in node order.
    let candidates: [DiagramNode]
    /// The rows: most candidates first, then by code.
    let occupations: [DiagramNode]
    /// Candidate id and occupation id of each shared-related link.
    let links: Set<[String]>

    /// `diagram` without the occupations the table lists and their shared-related links, and the table; nil
    /// when the diagram has no such occupations.
    static func extract(from diagram: Diagram) -> (diagram: Diagram, table: SharedRelatedTable?) {
        guard diagram.direction == .topDown else { return (diagram, nil) }
        var onlyShared: [String: Bool] = [:]
        for edge in diagram.edges {
            for end in [edge.from, edge.to] {
                onlyShared[end] = (onlyShared[end] ?? true) && edge.kind == .sharedRelated
            }
        }
        let tabled = Set(diagram.nodes.filter { $0.kind == .occupation && onlyShared[$0.id] == true }.map(\.id))
        guard !tabled.isEmpty else { return (diagram, nil) }
        let links = Set(diagram.edges.filter { tabled.contains($0.to) }.map { [$0.from, $0.to] })
        let linked = Set(links.map { $0[0] })
        let marks = Dictionary(grouping: links, by: { $0[1] }).mapValues(\.count)
        let table = SharedRelatedTable(
            candidates: diagram.nodes.filter { linked.contains($0.id) }.sorted(by: DOTBuilder.nodeOrder),
            occupations: diagram.nodes.filter { tabled.contains($0.id) }.sorted {
                marks[$0.id, default: 0] != marks[$1.id, default: 0]
                    ? marks[$0.id, default: 0] > marks[$1.id, default: 0] : $0.id < $1.id
            },
            links: links)
        var rest = diagram
        rest.nodes.removeAll { tabled.contains($0.id) }
        rest.edges.removeAll { tabled.contains($0.to) || tabled.contains($0.from) }
        return (rest, table)
    }

    /// The node that holds the table's place in the layout: an occupation, as wide as the table's widest row.
    var placeholder: DiagramNode {
        let widest = occupations.map { ($0.heading ?? "") + " " + $0.title }.max { $0.count < $1.count } ?? ""
        return DiagramNode(id: Self.id, kind: .occupation, title: widest + String(repeating: " ", count: 4 * candidates.count))
    }

    /// The node statement of the table.
    var statement: String {
        let style = DiagramStyle.node(.occupation)
        let header = DiagramStyle.edge(.sharedRelated)
        let cell = "<TD ALIGN=\"LEFT\" BALIGN=\"LEFT\">"
        var rows = ["<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\" BGCOLOR=\"\(style.fill)\"><B>Related to several candidates</B>"
            + " (O*NET)</TD>"
            + candidates.map { "<TD BGCOLOR=\"\(style.fill)\"><B>" + DOTSyntax.html($0.heading ?? $0.id) + "</B></TD>" }
            .joined() + "</TR>"]
        for occupation in occupations {
            let title = DOTSyntax.wrap(occupation.title, width: 2 * DiagramStyle.wrapWidth, maxLines: 2)
                .map(DOTSyntax.html).joined(separator: "<BR/>")
            rows.append("<TR>" + cell + "<B>" + DOTSyntax.html(occupation.heading ?? occupation.id) + "</B></TD>"
                + cell + title + "</TD>"
                + candidates.map { links.contains([$0.id, occupation.id]) ? "<TD>\u{25CF}</TD>" : "<TD> </TD>" }
                .joined() + "</TR>")
        }
        let label = "<TABLE BORDER=\"0\" CELLBORDER=\"1\" CELLSPACING=\"0\" CELLPADDING=\"2\" COLOR=\"\(header.color)\" "
            + "BGCOLOR=\"#ffffff\">" + rows.joined() + "</TABLE>"
        return DOTSyntax.id(Self.id) + " " + DOTSyntax.attributeList([
            "label": .html(label),
            "shape": .text("plain"),
            "style": .text(""),
            "tooltip": .text("Occupations O*NET relates to several candidates"),
        ])
    }
}
