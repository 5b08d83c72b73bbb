import ArgumentParser

/// The output formats of query commands.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    /// Aligned text for reading, 80 columns, colour only on a terminal without NO_COLOR.
    case table
    /// One JSON document, keys sorted, for scripts.
    case json
    /// Tab-separated rows with a header, for spreadsheets and `cut`.
    case tsv
}

/// `--format table|json|tsv` (default `table`).
struct FormatOptions: ParsableArguments {
    @Option(name: .long, help: "Output format: table (default), json or tsv.")
    var format: ReportFormat = .table
}
