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
            Reads every official file in DIR in its published format, checks it, checks the reviewed tables in \
            OUT/curation/, derives the aligns-with edges from them, and writes the Graph/ TSV files and manifest.tsv \
            atomically. Nothing is written when a file is missing or not as documented, or a curation row is wrong \
            (every curation problem is listed, one per line, with its file and line).
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
        let output = URL(fileURLWithPath: out)
        let result: Importer.Result
        do {
            result = try Importer(
                sourceDirectory: URL(fileURLWithPath: from),
                curationDirectory: output.appendingPathComponent(CurationTables.Table.folder), withText: withText
            ).run(into: output)
        } catch let SOCGraphError.damagedGraph(diagnostics) {
            // Every curation problem, one per line, rather than the single line of other errors.
            var text = "socgraph import: \(diagnostics.count) problem(s) in \(out)/\(CurationTables.Table.folder); "
                + "nothing was written:\n"
            for diagnostic in diagnostics { text += "\(out)/\(diagnostic)\n" }
            Terminal.writeError(text)
            throw ExitCode(SOCGraphError.damagedGraph(diagnostics).exitStatus)
        }
        guard !quiet else { return }
        var text = ""
        for file in result.files { text += "\(out)/\(file.path)\t\(file.rowCount) rows\n" }
        for note in result.notes { text += "note: \(note)\n" }
        text += String(format: "imported in %.1f s\n", Date().timeIntervalSince(started))
        Terminal.writeOut(text)
    }
}
