import ArgumentParser
import Foundation
import SOCGraph
import SOCGraphRender

/// `socgraph compare CODE CODE [CODE…]`: 2–8 occupations side by side, where they differ and what they share.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare 2 to 8 occupations side by side.",
        discussion: """
            Compares what matters for choosing a petition's SOC code: hierarchy, BLS typical entry education, work \
            experience, O*NET Job Zone, the share of O*NET respondents whose job requires a master's degree or \
            more, the profession check, national-interest fields, STEM and Schedule A, programs, OEWS wages and \
            EP projections; then lists where the candidates differ and what they share.

            Master's or more: O*NET Required Level of Education, categories 8–12. Where O*NET has no ratings for \
            a detailed code itself (its .00 row), it says "not surveyed" and shows its rated specialties' shares \
            beside it, labelled as theirs; they are never merged into a figure for the detailed code.

            The table shows one column per code when they fit the width (3 codes in 80 columns), else one block per \
            code. CODE as for 'show' (15-2051, 152051, 15-2051.00, an O*NET specialty or an exact title).
            """
    )

    @Argument(help: ArgumentHelp("The occupations to compare (2 to 8, all different).", valueName: "code"))
    var codes: [String]

    @OptionGroup var graphOptions: GraphOptions
    @OptionGroup var formatOptions: FormatOptions

    @Option(name: .long, help: ArgumentHelp(
        "Also write the comparison diagram to this file; its extension (.svg, .png, .pdf, .dot) picks the format.",
        valueName: "file"), completion: .file())
    var out: String?

    @Option(name: .long, help: "Also write the comparison diagram in this format (svg, png, pdf or dot); without --out it goes to Output/ with a name made from the codes.")
    var render: OutputFormat?

    @Flag(name: .long, help: "Include CIP programs in the diagram.")
    var programs = false

    /// Writes the comparison diagram when `--out` or `--render` asks for it; returns where.
    func writeDiagram(context: BatchContext = .oneShot) throws -> URL? {
        guard out != nil || render != nil else { return nil }
        return try DiagramOutput.writeComparisonDiagram(
            codes: codes, graph: try graphOptions.load(noting: codes), out: out,
            format: render, includePrograms: programs, context: context)
    }

    /// The comparison every format prints.
    func comparison() throws -> ComparisonReport {
        let graph = try graphOptions.load(noting: out == nil && render == nil ? codes : [])
        var report = try ComparisonReport(graph: graph, inputs: codes)
        if let text = try graphOptions.text() { report.attach(text) }
        return report
    }

    func run() throws {
        let report = try comparison()
        // The diagram is written before anything is printed, so a failed render prints only its error.
        let written = try writeDiagram()
        switch formatOptions.format {
        case .json: try Terminal.write(try JSONOutput.render(report))
        case .tsv: try Terminal.write(ComparisonTSV.render(report))
        case .table: try Terminal.write(ComparisonTable.render(report, width: Terminal.width, style: .current))
        }
        if let written {
            let path = DiagramOutput.displayPath(written)
            // Keeps JSON and TSV on stdout parseable: the path goes to stderr there.
            if formatOptions.format == .table {
                try Terminal.write("Diagram: \(path.terminalSafe)\n")
            } else {
                Terminal.note("diagram written to \(path)")
            }
        }
    }
}

extension CompareCommand: BatchRunnable {
    /// With `--out`, a batch line writes the diagram too (the JSON is the comparison, as on the command line).
    func runJSON(context: BatchContext) throws -> ComparisonReport {
        let report = try comparison()
        _ = try writeDiagram(context: context)
        return report
    }
}
