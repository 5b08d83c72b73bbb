import ArgumentParser
import SOCGraph

@main
struct SOCGraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "socgraph",
        abstract: "Explore SOC 2018 occupations for EB-2 National Interest Waiver petitions.",
        discussion: """
            Data: BLS SOC 2018, Employment Projections 2024–34 and OEWS May 2025; NCES CIP 2020; DHS STEM list; \
            NSTC Critical and Emerging Technologies List (Feb 2024); O*NET 29.3 by the National Center for O*NET \
            Development for USDOL/ETA, used under CC BY 4.0 (modified by socgraph; not endorsed by USDOL/ETA).
            Exit status: 0 success, 1 nothing found, 2 bad usage or input, 3 damaged graph data, 4 output failed.
            """,
        version: "socgraph 0.1.0 (data: SOC 2018, O*NET 29.3 under CC BY 4.0, BLS EP 2024–34, OEWS May 2025, "
            + "NCES CIP 2020, CET list Feb 2024)",
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
    static func main() {
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
