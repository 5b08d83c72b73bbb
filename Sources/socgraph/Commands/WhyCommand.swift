import ArgumentParser
import SOCGraph

/// `socgraph why CODE FIELD`: the evidence paths from an occupation to a national-interest field.
struct WhyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "why",
        abstract: "Show the evidence linking an occupation to a national-interest field.",
        discussion: """
            Prints every path of the aligns-with edge (CIP programs crosswalked to the occupation, technologies \
            O*NET lists for it, curated direct links), each with the rationale of its curation row, and how the \
            strength follows from them. Exits 1 when no evidence links the two.
            """
    )

    @Argument(help: "The occupation: 15-1221, 151221, 15-1221.00 or an exact title.")
    var code: String

    @Argument(help: "The field id (artificial-intelligence), its name, or the start of one id (semiconductors).")
    var field: String

    @OptionGroup var graphOptions: GraphOptions
    @OptionGroup var formatOptions: FormatOptions

    func report() throws -> WhyReport {
        let graph = try graphOptions.load(noting: [code])
        let occupation = try graph.resolve(code, as: [.detailed, .specialty])
        return try WhyReport(graph: graph, occupation: occupation, field: try graph.resolveField(field))
    }

    func run() throws {
        let report = try report()
        switch formatOptions.format {
        case .json: try Terminal.write(try JSONOutput.render(report))
        case .tsv: try Terminal.write(WhyOutput.tsv(report))
        case .table: try Terminal.write(WhyOutput.table(report, width: Terminal.width, style: .current))
        }
    }
}
