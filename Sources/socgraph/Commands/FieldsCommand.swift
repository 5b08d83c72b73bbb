import ArgumentParser
import SOCGraph

/// `socgraph fields [FIELD]`: the national-interest fields, or the occupations aligned with one.
struct FieldsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fields",
        abstract: "List the national-interest fields, or the occupations aligned with one.",
        discussion: """
            Without FIELD: the 18 categories of the Critical and Emerging Technologies List with the number of \
            aligned occupations and of curated programs and technologies. With FIELD: its aligned occupations, \
            strongest first. Exits 1 when no occupation aligns with FIELD.
            """
    )

    @Argument(help: "A field id (artificial-intelligence), its name, or the start of one id (quantum).")
    var field: String?

    @Option(name: .long, parsing: .unconditional, help: "Show at most N occupations (with FIELD).")
    var limit: Int?

    @OptionGroup var graphOptions: GraphOptions
    @OptionGroup var formatOptions: FormatOptions

    func validate() throws {
        if let limit, limit < 1 { throw ValidationError("--limit \(limit) is out of range: give a number of at least 1") }
    }

    func run() throws {
        let graph = try graphOptions.load()
        guard let field else {
            let report = FieldListReport(graph: graph)
            switch formatOptions.format {
            case .json: try Terminal.write(try JSONOutput.render(report))
            case .tsv: try Terminal.write(FieldsOutput.tsv(report))
            case .table: try Terminal.write(FieldsOutput.table(report, width: Terminal.width, style: .current))
            }
            return
        }
        let report = try FieldOccupationsReport(graph: graph, field: try graph.resolveField(field), limit: limit)
        switch formatOptions.format {
        case .json: try Terminal.write(try JSONOutput.render(report))
        case .tsv: try Terminal.write(FieldsOutput.tsv(report))
        case .table: try Terminal.write(FieldsOutput.table(report, width: Terminal.width, style: .current))
        }
    }
}
