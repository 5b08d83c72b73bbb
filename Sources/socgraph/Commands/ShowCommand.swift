import ArgumentParser
import SOCGraph

/// `socgraph show CODE`: one node with its hierarchy, education, fields, related occupations, wages and programs.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show one occupation, group, CIP program or field.",
        discussion: """
            CODE is a SOC code (15-2051, 152051, 15-2051.00), an O*NET specialty (15-2051.01), a group (15-2000), \
            a CIP code (11.0102), a field id (artificial-intelligence) or an exact occupation title.
            """
    )

    @Argument(help: "The code, id or exact title to show.")
    var code: String

    @OptionGroup var graphOptions: GraphOptions
    @OptionGroup var formatOptions: FormatOptions

    /// What `show` reports, in every format.
    func report() throws -> NodeReport {
        let graph = try graphOptions.load(noting: [code])
        let report = NodeReport(graph: graph, node: try graph.resolve(code))
        guard case var .occupation(occupation) = report, let text = try graphOptions.text() else { return report }
        occupation.text = CodeWords(text: text, code: occupation.code)
        return .occupation(occupation)
    }

    func run() throws {
        let report = try report()
        switch formatOptions.format {
        case .json: try Terminal.write(try JSONOutput.render(report))
        case .tsv: try Terminal.write(ReportTSV.render(report))
        case .table: try Terminal.write(ReportTable.render(report, width: Terminal.width, style: .current))
        }
    }
}

extension ShowCommand: BatchRunnable {
    func runJSON(context: BatchContext) throws -> NodeReport { try report() }
}
