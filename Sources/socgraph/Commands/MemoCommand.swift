import ArgumentParser
import SOCGraph

/// `socgraph memo CODE… --out FILE.md|FILE.html`: a memo section comparing candidate codes;
/// `socgraph memo --profile PROFILE --out FILE.md|.html|.docx`: the case memo for one client.
struct MemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "memo",
        abstract: "Write a case memo for a client profile, or a memo section comparing SOC codes.",
        discussion: """
            With --profile PROFILE (see 'socgraph fit'): the case memo: client and endeavor, the recommended code \
            and why, each alternative and why not, the candidates side by side, duty coverage, alignment evidence, \
            risks, the comparison diagram, the SOC definitions and O*NET tasks (with Graph/text/), citations with \
            each code's O*NET OnLine and BLS pages, and the data vintages. FILE.docx writes a Word document; \
            FILE.html one self-contained page (the diagram inline as SVG and as PNG); FILE.md Markdown with the \
            diagram as PNG and SVG beside it. Default: Output/memo-CLIENT.md.
            With CODE…: a memo section comparing the codes (one code: its profile), as .md (the diagram as an SVG \
            beside it) or .html. Default: Output/memo-CODES.md. Prints the paths written.
            """
    )

    @Argument(help: "The SOC codes to compare (one or more), unless --profile is given.")
    var codes: [String] = []

    @Option(name: .long, help: ArgumentHelp("A client profile (JSON): write the case memo.", valueName: "profile"),
            completion: .file(extensions: ["json"]))
    var profile: String?

    @Option(name: .long, help: ArgumentHelp("The memo file, ending in .md, .html or .docx (.docx with --profile).",
                                            valueName: "file"),
            completion: .file(extensions: ["md", "html", "docx"]))
    var out: String?

    @Flag(name: .long, help: "Add the CIP programs that prepare for two or more of the codes to the diagram.")
    var programs = false

    @OptionGroup var graphOptions: GraphOptions

    func validate() throws {
        if profile != nil, !codes.isEmpty {
            throw ValidationError("give --profile or SOC codes, not both: the profile's 'candidates' key lists codes to weigh")
        }
        guard profile != nil || !codes.isEmpty else {
            throw ValidationError("give one or more SOC codes, such as 15-2051 15-1252, or --profile PROFILE")
        }
    }

    func run() throws {
        if let profile {
            let report = try FitCommand.assess(profile: profile, options: graphOptions)
            let urls = try MemoOutput.writeCaseMemo(report, graph: try graphOptions.load(), out: out)
            try Terminal.write(urls.map { DiagramOutput.displayPath($0).terminalSafe + "\n" }.joined())
            return
        }
        let graph = try graphOptions.load(noting: codes)
        let urls = try MemoOutput.writeMemo(codes: codes, graph: graph, out: out, includePrograms: programs,
                                              text: try graphOptions.text())
        try Terminal.write(urls.map { DiagramOutput.displayPath($0).terminalSafe + "\n" }.joined())
    }
}
