import ArgumentParser
import SOCGraph

extension PathScope: ExpressibleByArgument {}

/// `socgraph path FROM TO [--via structure|all]`: the shortest explained path between two nodes.
struct PathCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "path",
        abstract: "Show the shortest path between two nodes, link by link.",
        discussion: """
            FROM and TO are any nodes: SOC codes and groups, O*NET specialties, CIP codes, field ids, education \
            levels (bachelor), job zones (job-zone-4), designations (stem), technology names. Links are followed \
            in either direction; among equally short paths, related occupations are preferred, then the \
            hierarchy, then programs and fields.
            --via structure (default) follows the SOC and CIP hierarchy, O*NET related occupations, CIP programs \
            and field alignments, and reaches an education level, job zone, designation or technology only when \
            it is FROM or TO: hundreds of occupations share each of those, so a path through one says nothing. \
            --via all follows every link.
            Exit status: 1 when there is no path, 2 when FROM or TO names no node (with suggestions).
            """
    )

    @Argument(help: "Where the path starts: a code, id or exact title.")
    var from: String

    @Argument(help: "Where the path ends: a code, id or exact title.")
    var to: String

    @Option(name: .long, help: "Links to follow: structure (default) or all.")
    var via: PathScope = .structure

    @OptionGroup var graphOptions: GraphOptions
    @OptionGroup var formatOptions: FormatOptions

    /// The shortest path; no path is an error (exit 1).
    func path() throws -> (graph: KnowledgeGraph, path: GraphPath) {
        let graph = try graphOptions.load(noting: [from, to])
        let start = try graph.resolve(from)
        let goal = try graph.resolve(to)
        guard let path = graph.shortestPath(from: start, to: goal, scope: via) else {
            throw SOCGraphError.nothingFound(
                "no path from \(graph.label(start)) to \(graph.label(goal))"
                    + (via == .structure ? " through hierarchy, related occupations, programs and fields; try --via all"
                        : ": they are not connected"))
        }
        return (graph, path)
    }

    func run() throws {
        let (graph, path) = try path()
        switch formatOptions.format {
        case .table:
            try Terminal.write(PathOutput.table(path, scope: via, graph: graph, width: Terminal.width,
                                                style: .current))
        case .json: try Terminal.write(try PathOutput.json(PathReport(graph: graph, path: path, scope: via)))
        case .tsv: try Terminal.write(PathOutput.tsv(path, graph: graph))
        }
    }
}

extension PathCommand: BatchRunnable {
    func runJSON(context: BatchContext) throws -> PathReport {
        let (graph, path) = try path()
        return PathReport(graph: graph, path: path, scope: via)
    }
}
