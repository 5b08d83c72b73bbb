import SOCGraph

/// `path` output in the three formats. JSON is `PathReport` (`{from, to, via, length, nodes, edges, sources}`).
enum PathOutput {
    static func json(_ report: PathReport) throws -> String { try JSONOutput.render(report) }

    /// One row per link, in the path's direction.
    static func tsv(_ path: GraphPath, graph: KnowledgeGraph) -> String {
        TSVOutput.render(
            header: ["step", "from", "fromTitle", "link", "to", "toTitle", "kind"],
            rows: path.steps.enumerated().map { number, step in
                let from = path.nodes[number], to = path.nodes[number + 1]
                return [String(number + 1), graph[from].id, graph[from].title, graph.phrase(step), graph[to].id,
                        graph[to].title, step.edge.kind.rawValue]
            })
    }

    /// A heading, then one numbered sentence per link, wrapped with a hanging indent.
    static func table(_ path: GraphPath, scope: PathScope, graph: KnowledgeGraph, width: Int,
                      style: TextStyle) -> String {
        let first = path.nodes[0], last = path.nodes[path.nodes.count - 1]
        let count = path.steps.count
        let heading = "Path from \(graph.label(first)) to \(graph.label(last)): \(count) link\(count == 1 ? "" : "s")"
        var out = TextTable.wrap(heading, width: width).map { style.bold($0) + "\n" }.joined() + "\n"
        if path.steps.isEmpty { out += "The two ends are the same node.\n" }
        let indent = String(count).count + 2
        for (number, step) in path.steps.enumerated() {
            let label = String(number + 1) + "."
            let lines = TextTable.wrap(graph.sentence(step), width: width - indent)
            for (index, line) in lines.enumerated() {
                let prefix = index == 0 ? label + String(repeating: " ", count: indent - label.count)
                    : String(repeating: " ", count: indent)
                out += prefix + line + "\n"
            }
        }
        let scopeNote = scope == .structure
            ? "Links followed: SOC and CIP hierarchy, O*NET related occupations, CIP programs (NCES crosswalk) and "
                + "field alignments; never through a shared education level, job zone, designation or technology "
                + "(--via all follows every link)."
            : "Links followed: every kind, including shared education levels, job zones, designations and "
                + "technologies (--via structure leaves those hubs out)."
        out += "\n" + TextTable.wrap(scopeNote, width: width).map { style.dim($0) + "\n" }.joined()
        return out + "\n" + SourcesFooter.render(graph.sources.citations, width: width, style: style)
    }
}
