import ArgumentParser
import SOCGraphRender

/// `--render svg|png|pdf|dot` takes the names of the formats.
extension OutputFormat: ExpressibleByArgument {}

/// `--out FILE` and `--render svg|png|pdf|dot`: where a diagram goes and in which format.
struct DiagramOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The file to write; its extension (.svg, .png, .pdf, .dot) picks the format (default: Output/ with a name made from the codes).",
        valueName: "file"), completion: .file())
    var out: String?

    @Option(name: .long, help: "The format when --out does not say: svg (default), png, pdf or dot.")
    var render: OutputFormat?
}
