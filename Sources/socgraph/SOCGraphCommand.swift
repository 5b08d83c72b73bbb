import ArgumentParser
import Foundation
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
            Exit status: 0 success, 1 nothing found, 2 bad usage or input, 3 damaged graph data or a source file not as pinned, 4 output failed, 5 a download failed.
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
            TextCommand.self,
            FitCommand.self,
            ServeCommand.self,
            ExportCommand.self,
        ]
    )

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
        if graph.sources.contains(where: \.isESCO) { text += DataSource.escoCredit + "\n" }
        return text
    }

    /// Runs the command line and exits with its status (see `execute`). SIGPIPE is ignored, so that a reader
    /// closing the pipe is a failed write, handled like any other, and never kills the process.
    static func main() {
        signal(SIGPIPE, SIG_IGN)
        Terminal.finish(execute(Array(CommandLine.arguments.dropFirst())))
    }

    /// Runs one command line with the exit-status contract and returns the status: every failure prints exactly
    /// one line `socgraph: error: …` to stderr and returns `SOCGraphError.exitStatus`; usage errors return 2 (not
    /// ArgumentParser's default 64); `--help` and `--version` print to stdout and return 0; a closed stdout
    /// returns 0 without a word.
    static func execute(_ arguments: [String]) -> Int32 {
        if arguments == ["--version"] {
            Terminal.writeOut(versionText())
            return 0
        }
        do {
            try checkHelpTopics(arguments)
            var command = try parseAsRoot(arguments)
            try command.run()
            return 0
        } catch let error as SOCGraphError {
            Terminal.error(error.description)
            return error.exitStatus
        } catch let error as ExitCode {
            // A command that has already reported (for example `check` listing problems).
            return error.rawValue
        } catch is StandardOutputClosed {
            return 0
        } catch {
            if exitCode(for: error) == .success {
                Terminal.writeOut(fullMessage(for: error) + "\n")
                return 0
            }
            Terminal.error(oneLineMessage(for: error))
            return 2
        }
    }

    /// `help NAME…` names commands that exist (ArgumentParser shows the general help for any other word).
    static func checkHelpTopics(_ arguments: [String]) throws {
        guard arguments.first == "help" else { return }
        let names = configuration.subcommands.compactMap { $0.configuration.commandName } + ["help"]
        for topic in arguments.dropFirst() where !topic.hasPrefix("-") && !names.contains(topic) {
            throw ValidationError("no command '\(topic)'; the commands are \(names.dropLast().joined(separator: ", "))")
        }
    }
}
