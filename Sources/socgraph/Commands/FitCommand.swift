import ArgumentParser
import Foundation
import SOCGraph

/// `socgraph fit PROFILE`: candidate codes for one client, assessed and ranked, with a recommendation.
struct FitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fit",
        abstract: "Assess candidate SOC codes against a client's duties, degree and endeavor.",
        discussion: """
            PROFILE is a JSON file: {"client": "A.B.", "title": "…", "duties": ["…", …], "endeavor": "…", \
            "degree": "master", "degreeField": "…", "yearsExperience": 6, "candidates": ["15-2051", …]} \
            (candidates optional; degree a BLS level id: none, high-school, some-college, postsecondary-nondegree, \
            associate, bachelor, master, doctoral). Candidates are the given codes plus what search finds for the \
            title (with a clear first hit's O*NET Related Occupations, no title score of their own), each duty and \
            the endeavor. Each is assessed: duties against the code's O*NET tasks, DWAs and \
            SOC definition (needs Graph/text/: socgraph text), qualification (BLS entry, Job Zone, O*NET education, \
            the profession check, the EB-2 advanced-degree framing), national-interest alignments and the \
            endeavor's fields, and risks. The best is recommended, unless it is a guess: found by a weak title \
            search alone, among the first ten hits of no duty's search, its tasks covering no duty or not held \
            against them ("No recommendation", and why). A research aid for the attorney's judgment, not legal \
            advice.
            Exit status: 2 for a bad profile (one line naming the key).
            """
    )

    @Argument(help: ArgumentHelp("The client profile (JSON).", valueName: "profile"), completion: .file(extensions: ["json"]))
    var profile: String

    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("How many candidates to list.", valueName: "n"))
    var limit = 5

    @OptionGroup var graphOptions: GraphOptions
    @OptionGroup var formatOptions: FormatOptions

    func validate() throws {
        guard (1...FitReport.candidateLimit).contains(limit) else {
            throw ValidationError("--limit \(limit) is out of range: give 1 to \(FitReport.candidateLimit)")
        }
    }

    /// The assessment of the profile at `path`, from the graph `options` name.
    static func assess(profile path: String, options: GraphOptions) throws -> FitReport {
        try assess(try ClientProfile.read(URL(fileURLWithPath: path), as: path), options: options)
    }

    /// The assessment of `profile` (read from a file, or sent to the web explorer).
    static func assess(_ profile: ClientProfile, options: GraphOptions) throws -> FitReport {
        let graph = try options.load()
        let (index, _) = try options.searchIndex()
        let text = try options.text()
        return try FitReport(profile: profile, graph: graph, index: index, text: text,
                             matcher: text.map(DutyMatcher.init(text:)))
    }

    func run() throws {
        let report = try Self.assess(profile: profile, options: graphOptions)
        switch formatOptions.format {
        case .json: try Terminal.write(try JSONOutput.render(report))
        case .tsv: try Terminal.write(FitOutput.tsv(report, limit: limit))
        case .table: try Terminal.write(FitOutput.table(report, limit: limit, width: Terminal.width, style: .current))
        }
    }
}
