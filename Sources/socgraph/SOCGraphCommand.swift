import ArgumentParser
import SOCGraph

@main
struct SOCGraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "socgraph",
        abstract: "Explore SOC 2018 occupations for EB-2 National Interest Waiver petitions.",
        discussion: """
            Data: BLS SOC 2018, Employment Projections and OEWS; NCES CIP 2020; DHS STEM list; NSTC Critical and \
            Emerging Technologies List; O*NET by the National Center for O*NET Development for USDOL/ETA, used under \
            CC BY 4.0 (modified by socgraph; not endorsed by USDOL/ETA); BLS SOC 2010 and ISCO-08 crosswalks; ESCO \
            titles (this product uses the ESCO classification of the European Union). 'socgraph --version' lists the \
            releases of the graph in use, from its manifest.
            Exit status: 0 success, 1 nothing found, 2 bad usage or input, 3 damaged graph data, 4 output failed.
            """,
        version: Self.version,
        subcommands: [
            ShowCommand.self,
            CheckCommand.self,
            ImportCommand.self,
            SearchCommand.self,
            RelatedCommand.self,
            PathCommand.self,
            FindCommand.self,
            CompareCommand.self,
            BatchCommand.self,
            RenderCommand.self,
            MemoCommand.self,
            WhyCommand.self,
            FieldsCommand.self,
            DiffCommand.self,
        ]
    )

    /// Runs the command line with the exit-status contract: every failure prints exactly one line
    /// `socgraph: error: …` to stderr and exits with `SOCGraphError.exitStatus`; usage errors exit 2 (not
    /// ArgumentParser's default 64); `--help` and `--version` print to stdout and exit 0.
    static let version = "socgraph 0.1.0"

    /// `socgraph --version`: the program's version, then the data releases of the graph in use (from its
    /// manifest), O*NET's licence and ESCO's acknowledgement.
    static func versionText() -> String {
        guard let graph = try? GraphOptions.parse([]).load() else {
            return version + "\n(no graph loaded: run 'socgraph check' to see why)\n"
        }
        let releases = graph.sources.allCitations.map { citation in
            citation.vintage.hasPrefix("O*NET") && citation.publisher.contains("CC BY")
                ? citation.vintage + " under CC BY 4.0" : citation.vintage
        }
        var text = version + " (data: " + releases.joined(separator: ", ") + ")\n"
        if releases.contains(where: { $0.hasPrefix("ESCO") }) { text += DataSource.escoCredit + "\n" }
        return text
    }

    static func main() {
        if CommandLine.arguments.dropFirst().elementsEqual(["--version"]) {
            Terminal.writeOut(versionText())
            Terminal.finish(0)
        }
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as SOCGraphError {
            Terminal.fail(error.description, status: error.exitStatus)
        } catch let error as ExitCode {
            // A command that has already reported (for example `check` listing problems).
            Terminal.finish(error.rawValue)
        } catch {
            if exitCode(for: error) == .success {
                Terminal.writeOut(fullMessage(for: error) + "\n")
                Terminal.finish(0)
            }
            Terminal.fail(oneLineMessage(for: error), status: 2)
        }
    }
}
