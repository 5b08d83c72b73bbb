import ArgumentParser
import SOCGraph
import SOCGraphRender

/// `--format graphml|json|neo4j` takes the names of the formats.
extension ExportFormat: ExpressibleByArgument {}

/// `socgraph export --format graphml|json|neo4j --out DIR`: the whole graph for other tools.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the whole graph as GraphML, node-link JSON or Neo4j import CSV.",
        discussion: """
            Every node with its kind and properties, every edge with its kind and properties (alignment grades, \
            strengths and evidence included), and the sources and credits of the data. graphml writes \
            DIR/socgraph.graphml (Gephi, yEd, networkx); json writes DIR/socgraph.json (networkx node_link_graph); \
            neo4j writes one CSV file per node kind and per edge kind for 'neo4j-admin database import full', and \
            a README.md with the import command. DIR is created if missing; the files are written all or nothing. \
            Prints the files written, then the counts of nodes and edges by kind (as 'check' does).
            """
    )

    @Option(name: .long, help: "What to write: one GraphML file, one node-link JSON file, or Neo4j import CSV files.")
    var format: ExportFormat

    @Option(name: .long, help: ArgumentHelp("The directory to write into (created if missing).", valueName: "dir"),
            completion: .directory)
    var out: String

    @OptionGroup var graphOptions: GraphOptions

    func validate() throws {
        if out.isEmpty { throw ValidationError("--out is empty: give the directory to write into") }
    }

    func run() throws {
        let graph = try graphOptions.load()
        let urls = try GraphExportWriter.write(graph, format: format, to: OutputArgument.path(out),
                                               generator: SOCGraphCommand.version)
        try Terminal.write(urls.map { DiagramOutput.displayPath($0).terminalSafe + "\n" }.joined()
                           + graph.sizeSummary + "\n")
    }
}
