import SOCGraph

/// Turns subgraphs extracted from the knowledge graph (`ComparisonSubgraph`, `Neighbourhood`) into `Diagram`s:
/// node kinds and labels, SOC major groups as frames, titles, and the sources cited in the footer.
public enum DiagramFactory {
    /// The comparison diagram of `candidates` (SOC detailed occupations).
    ///
    /// Throws `SOCGraphError.invalidInput` when a candidate is not a detailed occupation, or when the diagram
    /// would exceed `limits` (the message says to compare fewer codes).
    public static func comparison(
        of candidates: [NodeIndex], in graph: KnowledgeGraph,
        options: ComparisonSubgraph.Options = ComparisonSubgraph.Options(), limits: DiagramLimits = DiagramLimits()
    ) throws -> Diagram {
        let comparison = try ComparisonSubgraph(graph: graph, candidates: candidates, options: options)
        try comparison.subgraph.checkSize(
            maxNodes: limits.maxNodes, maxLinks: limits.maxEdges,
            request: "comparing \(comparison.candidates.count) codes",
            advice: "compare fewer codes" + (options.includePrograms ? " or leave out the programs" : ""))
        return diagram(comparison, in: graph)
    }

    /// The neighbourhood diagram of `centre` (a SOC detailed occupation) to `depth` links through `tiers`.
    ///
    /// Throws `SOCGraphError.invalidInput` for a centre that is not a detailed occupation, a depth out of range,
    /// or a diagram over `limits` (the message names the deepest walk that fits).
    public static func neighbourhood(
        of centre: NodeIndex, depth: Int, tiers: Set<RelatedTier> = [.primaryShort], in graph: KnowledgeGraph,
        limits: DiagramLimits = DiagramLimits()
    ) throws -> Diagram {
        let neighbourhood = try Neighbourhood(
            graph: graph, centre: centre, depth: depth, tiers: tiers, maxNodes: limits.maxNodes)
        try neighbourhood.subgraph.checkSize(
            maxNodes: limits.maxNodes, maxLinks: limits.maxEdges,
            request: "the neighbourhood of \(graph[centre].id) to depth \(depth)",
            advice: "use a smaller --depth" + (tiers.count > 1 ? " or fewer tiers" : ""))
        return diagram(neighbourhood, in: graph)
    }

    /// How a subtitle names the rows of a candidate.
    static let rowsPhrase = "BLS typical entry education, O*NET Job Zone, designations and the USCIS profession "
        + "check (BLS entry of a bachelor\u{2019}s degree or more)"

    /// How a subtitle names the fields drawn: only core and substantial alignments are.
    static func fieldsPhrase(_ hasFields: Bool) -> String {
        hasFields ? "national-interest fields (graded core or substantial)"
            : "national-interest fields (none graded core or substantial)"
    }

    // MARK: - Subgraphs to diagrams

    /// The diagram of an extracted comparison, without a size check.
    public static func diagram(_ comparison: ComparisonSubgraph, in graph: KnowledgeGraph) -> Diagram {
        let codes = comparison.candidates.map { graph[$0].id }
        let hasFields = comparison.subgraph.members.contains { graph[$0.node].kind == .field }
        var parts = ["SOC 2018 groups", "on each candidate, its " + Self.rowsPhrase, Self.fieldsPhrase(hasFields)]
        let shared = comparison.sharedRelated.count, sharedTotal = comparison.sharedRelatedTotal
        if shared > 0 {
            parts.append("occupations O*NET relates to several candidates"
                + (sharedTotal > shared ? " (the \(shared) most shared of \(sharedTotal))" : ""))
        }
        if !comparison.programs.isEmpty {
            parts.append(comparison.programsShared
                ? "CIP programs crosswalked to several candidates" : "a few CIP programs for each candidate")
        }
        return diagram(
            comparison.subgraph, in: graph, layout: .comparison, title: "Comparing " + listing(codes),
            subtitle: sentence(parts, separator: "; "))
    }

    /// The most occupations a neighbourhood diagram draws in a column after the first (a step of the walk beyond
    /// the occupations related to the centre, which are all drawn): more run off an A4 page.
    /// `socgraph related CODE --depth N` lists them all.
    public static let maxColumnOccupations = 10

    /// The diagram of an extracted neighbourhood, without a size check; a column after the first with more than
    /// `maxColumnOccupations` keeps those linked from the most occupations drawn in the column before, and the
    /// subtitle says how many it leaves out. The centre's fields are rows of the centre.
    public static func diagram(_ neighbourhood: Neighbourhood, in graph: KnowledgeGraph) -> Diagram {
        let centre = graph[neighbourhood.centre]
        let tiers = neighbourhood.tiers.sorted().map(\.rawValue)
        let reached = neighbourhood.occupations.count - 1
        let (dropped, omissions) = columnOverflow(neighbourhood)
        var walk = neighbourhood.depth == 0
            ? "No related occupations (depth 0)"
            : "\(reached) related occupation\(reached == 1 ? "" : "s") (O*NET, \(listing(tiers)) links), "
                + "one column per step"
        if !omissions.isEmpty {
            walk += "; drawn: " + listing(omissions.map { depth, drawn, total in "\(drawn) of \(total) at depth \(depth)" })
                + ", those related to the most occupations of the column before (socgraph related \(centre.id) "
                + "--depth \(neighbourhood.depth) lists them all)"
        }
        var diagram = diagram(
            neighbourhood.subgraph, in: graph, layout: .neighbourhood,
            title: "Neighbourhood of \(centre.id) \(centre.title)",
            subtitle: walk + ". On \(centre.id): " + Self.rowsPhrase + "; its "
                + Self.fieldsPhrase(neighbourhood.subgraph.members.contains { graph[$0.node].kind == .field }) + ".")
        let droppedIDs = Set(dropped.map { graph[$0].id })
        diagram.nodes.removeAll { droppedIDs.contains($0.id) }
        diagram.edges.removeAll { droppedIDs.contains($0.from) || droppedIDs.contains($0.to) }
        let framed = Set(diagram.nodes.compactMap(\.cluster))
        diagram.clusters.removeAll { !framed.contains($0.key) }
        foldFields(into: centre.id, of: &diagram)
        return diagram
    }

    /// The fields the centre aligns with as its last rows (`CET 2024 | Artificial Intelligence (core)`), best grade
    /// first: in a neighbourhood only the centre links to them, and a node each cost the first column a node's
    /// height for one edge.
    static func foldFields(into centre: String, of diagram: inout Diagram) {
        let fields = Dictionary(uniqueKeysWithValues: diagram.nodes.filter { $0.kind == .field }.map { ($0.id, $0) })
        var rows: [(grade: Int, row: DiagramNode.Row)] = []
        for edge in diagram.edges where edge.from == centre {
            guard case let .alignsWith(grade) = edge.kind, let field = fields[edge.to] else { continue }
            rows.append((grade?.rawValue ?? 0, DiagramNode.Row(
                field.heading ?? "Field", field.title + (grade.map { " (\($0.name))" } ?? ""), width: 30)))
        }
        rows.sort { $0.grade != $1.grade ? $0.grade > $1.grade : $0.row.value < $1.row.value }
        diagram.nodes.removeAll { fields[$0.id] != nil }
        diagram.edges.removeAll { fields[$0.to] != nil }
        if let index = diagram.nodes.firstIndex(where: { $0.id == centre }) {
            diagram.nodes[index].rows += rows.map(\.row)
        }
    }

    /// The occupations left out of columns after the first over `maxColumnOccupations`, and for each such column
    /// its depth, how many are drawn and how many were reached. A column keeps those linked from the most
    /// occupations kept in the column before, then the most related (lowest O*NET index), then in the order reached.
    /// O(related links × log).
    static func columnOverflow(_ neighbourhood: Neighbourhood)
        -> (dropped: Set<NodeIndex>, omissions: [(depth: Int, drawn: Int, total: Int)])
    {
        var kept: Set<NodeIndex> = [neighbourhood.centre]
        var dropped = Set<NodeIndex>()
        var omissions: [(depth: Int, drawn: Int, total: Int)] = []
        guard neighbourhood.depth > 0 else { return (dropped, omissions) }
        for depth in 1...neighbourhood.depth {
            let column = neighbourhood.occupations.filter { $0.depth == depth }.map(\.occupation)
            var links: [NodeIndex: Int] = [:], bestIndex: [NodeIndex: Int] = [:]
            for link in neighbourhood.subgraph.links where kept.contains(link.from) {
                guard case let .related(_, index) = link.kind else { continue }
                links[link.to, default: 0] += 1
                bestIndex[link.to] = min(bestIndex[link.to] ?? index, index)
            }
            let linked = column.enumerated().filter { links[$0.element] != nil }.sorted { a, b in
                let (la, lb) = (links[a.element]!, links[b.element]!)
                if la != lb { return la > lb }
                let (ia, ib) = (bestIndex[a.element]!, bestIndex[b.element]!)
                return ia != ib ? ia < ib : a.offset < b.offset
            }.map(\.element)
            let keep = Set(depth == 1 ? linked : Array(linked.prefix(maxColumnOccupations)))
            kept.formUnion(keep)
            let left = column.filter { !keep.contains($0) }
            dropped.formUnion(left)
            if !left.isEmpty { omissions.append((depth, keep.count, column.count)) }
        }
        return (dropped, omissions)
    }

    /// How a subgraph is arranged.
    enum Layout {
        /// Top down; frames only around the candidates and their groups.
        case comparison
        /// Left to right, one column per depth, the centre's groups in its column (its fields become rows); the
        /// centre's major group framed with the related occupations in it (a frame for every group stacked the
        /// columns into bands several pages long).
        case neighbourhood
    }

    /// Maps members to nodes (major groups become frames), links to edges.
    static func diagram(
        _ subgraph: Subgraph, in graph: KnowledgeGraph, layout: Layout, title: String, subtitle: String
    ) -> Diagram {
        var framed = Set<NodeIndex>()
        // The major groups of the candidates (of the centre), whose minor groups are drawn, are frames.
        for member in subgraph.members where graph[member.node].kind == .major {
            if graph.children(of: member.node).contains(where: { subgraph.role(of: $0) != nil }) {
                framed.insert(member.node)
            }
        }
        let clusters = framed.sorted().map { DiagramCluster(majorGroup: graph[$0].id, title: graph[$0].title) }
        var nodes: [DiagramNode] = []
        for member in subgraph.members where graph[member.node].kind != .major && !isRow(graph[member.node].kind) {
            var node = node(member, in: graph, framed: framed)
            if layout == .comparison, graph[member.node].kind == .detailed, member.role != .focus {
                node.cluster = nil
            }
            if layout == .neighbourhood {
                switch member.role {
                case .focus: node.layer = 0
                case let .related(depth): node.layer = depth
                case .context: node.layer = graph[member.node].kind.isSOCGroup ? 0 : 1
                }
            }
            nodes.append(node)
        }
        var edges: [DiagramEdge] = []
        for link in subgraph.links where graph[link.to].kind != .major && graph[link.from].kind != .major
            && !isRow(graph[link.to].kind)
        {
            edges.append(DiagramEdge(from: graph[link.from].id, to: graph[link.to].id, kind: kind(link.kind)))
        }
        return Diagram(
            title: title, subtitle: subtitle, nodes: nodes, edges: edges, clusters: clusters,
            sources: sources(of: graph), direction: layout == .comparison ? .topDown : .leftToRight)
    }

    static func node(_ member: Subgraph.Member, in graph: KnowledgeGraph, framed: Set<NodeIndex>) -> DiagramNode {
        let item = graph[member.node]
        let cluster = item.kind.isOccupational
            ? graph.ancestors(of: member.node).first.flatMap { framed.contains($0) ? graph[$0].id : nil } : nil
        switch item.kind {
        case .detailed, .specialty:
            let focus = member.role == .focus
            return DiagramNode(
                id: item.id, kind: focus ? .candidate : .occupation, heading: item.id, title: item.title,
                rows: focus ? rows(of: member.node, in: graph) : [], cluster: cluster)
        case .minor:
            return DiagramNode(id: item.id, kind: .minorGroup, heading: item.id, title: item.title, cluster: cluster)
        case .broad:
            return DiagramNode(id: item.id, kind: .broadGroup, heading: item.id, title: item.title, cluster: cluster)
        case .major:
            return DiagramNode(id: item.id, kind: .majorGroup, heading: item.id, title: item.title)
        case .educationLevel:
            return DiagramNode(id: item.id, kind: .educationLevel, title: item.title)
        case .jobZone:
            return DiagramNode(id: item.id, kind: .jobZone, title: item.title)
        case .field:
            return DiagramNode(id: item.id, kind: .field, heading: graph.framework(of: member.node)?.label,
                               title: item.title)
        case .program:
            let stem = graph.program(member.node)?.stem == true
            return DiagramNode(
                id: item.id, kind: .program, heading: "CIP " + item.id, title: item.title,
                details: stem ? ["DHS STEM"] : [])
        case .designation:
            return DiagramNode(id: item.id, kind: .designation, title: item.title)
        case .technology:
            return DiagramNode(id: "technology:" + item.id, kind: .technology, title: item.title)
        case .isco:
            return DiagramNode(id: item.id, kind: .broadGroup, heading: "ISCO-08 " + item.id.dropFirst(5),
                               title: item.title)
        }
    }

    /// Education levels, job zones and designations: drawn as rows of the occupation they describe, not as nodes
    /// with long edges.
    static func isRow(_ kind: NodeKind) -> Bool {
        kind == .educationLevel || kind == .jobZone || kind == .designation
    }

    /// The facts of a candidate as rows: BLS typical entry education, O*NET Job Zone, designations, and the USCIS
    /// profession check (an alert when BLS entry is below a bachelor's degree or not published).
    static func rows(of occupation: NodeIndex, in graph: KnowledgeGraph) -> [DiagramNode.Row] {
        let report = OccupationReport(graph: graph, node: occupation)
        let designations = report.designations.map { designation in
            designation.title.components(separatedBy: " (").first ?? designation.title
        }
        let profession = report.profession
        let warnings = profession.warnings.count
        let check: DiagramNode.Row
        switch profession.bachelorOrHigher {
        case true?:
            check = DiagramNode.Row(
                "Profession", "yes" + (warnings == 0 ? "" : ", \(warnings) warning\(warnings == 1 ? "" : "s")"))
        case false?:
            check = DiagramNode.Row("Profession", "\u{2717} no: entry below a bachelor\u{2019}s degree", alert: true)
        case nil:
            check = DiagramNode.Row("Profession", "\u{2717} unknown: BLS gives no entry education", alert: true)
        }
        return [
            DiagramNode.Row("BLS entry", report.education.typicalEntryTitle ?? "not published"),
            DiagramNode.Row("Job Zone", report.education.jobZoneLabel ?? "not rated"),
            DiagramNode.Row("Designated", designations.isEmpty ? "none" : designations.joined(separator: "; ")),
            check,
        ]
    }

    static func kind(_ kind: Subgraph.LinkKind) -> DiagramEdge.Kind {
        switch kind {
        case .parent: return .parent
        case .entryEducation: return .entryEducation
        case .jobZone: return .jobZone
        case let .related(tier, _): return .related(tier)
        case .sharedRelated: return .sharedRelated
        case let .alignsWith(grade): return .alignsWith(grade: grade)
        case .preparesFor: return .preparesFor
        case .designated: return .designated
        }
    }

    // MARK: - Words

    /// The footer citations, one per data vintage of the graph's manifest, each with its publisher; the O*NET
    /// one with its licence and the notice that socgraph modified the data.
    public static func sources(of graph: KnowledgeGraph) -> [String] {
        let citations = graph.sources.citations
        guard !citations.isEmpty else { return Diagram.standardSources }
        return citations.map { citation in
            if citation.publisher.contains("CC BY") {
                return "\(citation.vintage) (\(citation.publisher); modified by socgraph, not endorsed by USDOL/ETA)"
            }
            let publishers = citation.publisher.split(separator: "; ").map { publisher in
                String(publisher.prefix { $0 != "," })
            }
            var seen = Set<String>()
            return "\(citation.vintage) (\(publishers.filter { seen.insert($0).inserted }.joined(separator: "; ")))"
        }
    }

    /// `a`, `a and b`, `a, b and c`.
    static func listing(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + items.last!
    }

    /// The parts as one sentence, first letter capitalised, ending in a full stop; listed (`a, b and c`) unless a
    /// `separator` is given (for parts that hold commas of their own).
    static func sentence(_ parts: [String], separator: String? = nil) -> String {
        let text = separator.map { parts.joined(separator: $0) } ?? listing(parts)
        return text.prefix(1).uppercased() + text.dropFirst() + "."
    }
}
