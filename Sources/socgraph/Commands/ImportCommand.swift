import ArgumentParser
import Foundation
import SOCGraph
import SOCGraphImport

/// `socgraph import --from DIR [--with-text] [--out Graph]`: rebuilds Graph/ from the official files.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Rebuild Graph/ from the official source files (see Graph/README.md).",
        discussion: """
            Reads every official file in DIR in its published format, checks it, and writes the Graph/ TSV files \
            and manifest.tsv atomically. Nothing is written when a file is missing or not as documented.
            """
    )

    @Option(name: .customLong("from"),
            help: ArgumentHelp("The folder of official files (as described in its README).", valueName: "DIR"))
    var from: String

    @Option(name: .customLong("out"), help: ArgumentHelp("The graph directory to write.", valueName: "DIR"))
    var out: String = "Graph"

    @Flag(name: .customLong("with-text"), help: "Also write SOC definitions and O*NET tasks to OUT/text/ (not committed).")
    var withText = false

    @Flag(name: .customLong("quiet"), help: "Print nothing on success.")
    var quiet = false

    func run() throws {
        let started = Date()
        let result: Importer.Result
        do {
            result = try Importer(sourceDirectory: URL(fileURLWithPath: from), withText: withText)
                .run(into: URL(fileURLWithPath: out))
        } catch let error as SOCGraphError {
            FileHandle.standardError.write(Data("socgraph import: \(error)\n".utf8))
            throw ExitCode(error.exitStatus)
        }
        guard !quiet else { return }
        for file in result.files {
            print("\(out)/\(file.path)\t\(file.rowCount) rows")
        }
        for note in result.notes {
            print("note: \(note)")
        }
        print(String(format: "imported in %.1f s", Date().timeIntervalSince(started)))
    }
}
