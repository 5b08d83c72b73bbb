import ArgumentParser
import SOCGraph

/// `socgraph fields [FIELD]`: the national-interest fields, or the occupations aligned with one.
struct FieldsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fields",
        abstract: "List the national-interest fields, or the occupations aligned with one.",
        discussion: """
            Without FIELD: the 18 categories of the Critical and Emerging Technologies List (NSTC, Feb 2024) and the \
            ten key technology focus areas of the CHIPS and Science Act of 2022 (sec. 10387), with how many \
            occupations each grades core, substantial and incidental. With FIELD: its occupations and O*NET \
            specialties graded substantial or core (--grade incidental adds the rest), best grade first. Exits 1 \
            when nothing aligns with FIELD at that grade.
            """
    )

    @Argument(help: "A field id (artificial-intelligence), its name, or the start of one id (semiconductors).")
    var field: String?

    @Option(name: .long, parsing: .unconditional, help: "Show at most N occupations (with FIELD).")
    var limit: Int?

    @Option(name: .long, help: "The lowest grade listed with FIELD: core, substantial (default) or incidental.")
    var grade: String = AlignmentGrade.substantial.name

    @OptionGroup var graphOptions: GraphOptions
    @OptionGroup var formatOptions: FormatOptions

    func validate() throws {
        if let limit, limit < 1 { throw ValidationError("--limit \(limit) is out of range: give a number of at least 1") }
        if AlignmentGrade(name: grade) == nil {
            throw ValidationError("--grade '\(grade)' is not a grade: give core, substantial or incidental")
        }
    }

    /// What `fields` reports: the list of fields, or one field's occupations.
    enum Answer {
        case list(FieldListReport)
        case field(FieldOccupationsReport)
    }

    func answer() throws -> Answer {
        let graph = try graphOptions.load()
        guard let field else { return .list(FieldListReport(graph: graph)) }
        return .field(try FieldOccupationsReport(graph: graph, field: try graph.resolveField(field),
                                                 minimum: AlignmentGrade(name: grade) ?? .substantial, limit: limit))
    }

    func run() throws {
        switch try answer() {
        case let .list(report):
            switch formatOptions.format {
            case .json: try Terminal.write(try JSONOutput.render(report))
            case .tsv: try Terminal.write(FieldsOutput.tsv(report))
            case .table: try Terminal.write(FieldsOutput.table(report, width: Terminal.width, style: .current))
            }
        case let .field(report):
            switch formatOptions.format {
            case .json: try Terminal.write(try JSONOutput.render(report))
            case .tsv: try Terminal.write(FieldsOutput.tsv(report))
            case .table: try Terminal.write(FieldsOutput.table(report, width: Terminal.width, style: .current))
            }
        }
    }
}
