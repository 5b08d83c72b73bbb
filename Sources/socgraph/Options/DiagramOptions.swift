import ArgumentParser
import SOCGraphRender

/// The formats a diagram can be written in, as `--render` takes them.
enum DiagramFormat: String, ExpressibleByArgument, CaseIterable {
    case svg
    case png
    case pdf
    /// The DOT text, for editing or rendering with another Graphviz.
    case dot

    var outputFormat: OutputFormat {
        switch self {
        case .svg: return .svg
        case .png: return .png
        case .pdf: return .pdf
        case .dot: return .dot
        }
    }
}

/// `--out FILE` and `--render svg|png|pdf|dot`: where a diagram goes and in which format.
struct DiagramOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The file to write; its extension (.svg, .png, .pdf, .dot) picks the format (default: Output/ with a name made from the codes).",
        valueName: "file"), completion: .file())
    var out: String?

    @Option(name: .long, help: "The format when --out does not say: svg (default), png, pdf or dot.")
    var render: DiagramFormat?
}
