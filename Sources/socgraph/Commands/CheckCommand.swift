import ArgumentParser
import Foundation
import SOCGraph

/// `socgraph check`: validates every Graph/ file and the graph as a whole.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate the graph; exit 0 only if every rule holds.",
        discussion: "Prints every problem as FILE:LINE: MESSAGE and exits 3 if there is any."
    )

    @OptionGroup var graphOptions: GraphOptions

    func run() throws {
        let directory = graphOptions.directory
        let result = GraphValidator.check(directory: directory)
        if result.diagnostics.isEmpty {
            try Terminal.write("ok: \(result.summary)\n")
            return
        }
        try Terminal.write(result.diagnostics.map { "\($0)\n" }.joined())
        let count = result.diagnostics.count
        Terminal.error("\(count) problem\(count == 1 ? "" : "s") in \(directory.path) (listed above; fix the importer "
                       + "or curation tables and re-import)")
        throw ExitCode(3)
    }
}
