import ArgumentParser
import SOCGraph

/// `socgraph memo CODE… --out FILE.md|FILE.html`: a memo section comparing candidate codes.
struct MemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "memo",
        abstract: "Write a memo section comparing SOC codes: table, diagram, evidence, profession check, sources.",
        discussion: """
            FILE.md writes Markdown and the diagram as an SVG beside it (same base name); FILE.html writes one \
            self-contained page with the diagram inline. Default: Output/memo-CODES.md. Prints the paths written.
            """
    )

    @Argument(help: "The SOC codes to compare (one or more).")
    var codes: [String]

    @Option(name: .long, help: ArgumentHelp("The memo file, ending in .md or .html.", valueName: "file"),
            completion: .file(extensions: ["md", "html"]))
    var out: String?

    @Flag(name: .long, help: "Add the CIP programs that prepare for two or more of the codes to the diagram.")
    var programs = false

    @OptionGroup var graphOptions: GraphOptions

    func validate() throws {
        guard !codes.isEmpty else { throw ValidationError("give one or more SOC codes, such as 15-2051 15-1252") }
    }

    func run() throws {
        let graph = try graphOptions.load(noting: codes)
        let urls = try MemoOutput.writeMemo(codes: codes, graph: graph, out: out, includePrograms: programs)
        try Terminal.write(urls.map { DiagramOutput.displayPath($0).terminalSafe + "\n" }.joined())
    }
}
