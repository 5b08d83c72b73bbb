import Foundation
import SOCGraph
import SOCGraphImport

// `socgraph-import`: the importer behind `socgraph import`, in its own executable so that the query binary links
// neither full Foundation nor FoundationXML, ICU and ZIPFoundation. `socgraph import` parses and checks the command
// line (its help, usage errors and exit statuses are the documented ones) and then replaces itself with this
// program, passing exactly `--from DIR --out DIR [--with-text] [--quiet]`. Its output and errors are those of
// `socgraph import`.

/// The options `socgraph import` passes.
struct ImportRequest {
    var from: String?
    var out: String?
    var withText = false
    var quiet = false

    /// Reads the arguments in the shape `socgraph import` writes them; nil for anything else.
    init?(_ arguments: ArraySlice<String>) {
        var arguments = arguments
        while let argument = arguments.popFirst() {
            switch argument {
            case "--from": guard let value = arguments.popFirst() else { return nil }; from = value
            case "--out": guard let value = arguments.popFirst() else { return nil }; out = value
            case "--with-text": withText = true
            case "--quiet": quiet = true
            default: return nil
            }
        }
        guard from != nil, out != nil else { return nil }
    }
}

/// Prints `socgraph: error: message` (one line) to stderr and exits with `status`.
func fail(_ message: String, status: Int32) -> Never {
    let line = SOCGraphError.singleLine(message.replacingOccurrences(of: "\n", with: " "))
    FileHandle.standardError.write(Data("socgraph: error: \(line)\n".utf8))
    exit(status)
}

guard let request = ImportRequest(CommandLine.arguments.dropFirst()), let from = request.from, let out = request.out
else {
    fail("socgraph-import is run by 'socgraph import'; use 'socgraph import --from DIR [--with-text]'", status: 2)
}
let started = Date()
let result: Importer.Result
do {
    let output = URL(fileURLWithPath: out)
    result = try Importer(
        sourceDirectory: URL(fileURLWithPath: from),
        curationDirectory: output.appendingPathComponent(CurationTables.Table.folder), withText: request.withText
    ).run(into: output)
} catch let SOCGraphError.damagedGraph(diagnostics) {
    var text = "socgraph import: \(diagnostics.count) problem(s) in \(out)/\(CurationTables.Table.folder); "
        + "nothing was written:\n"
    for diagnostic in diagnostics { text += "\(out)/\(diagnostic)\n" }
    FileHandle.standardError.write(Data(text.utf8))
    exit(SOCGraphError.damagedGraph(diagnostics).exitStatus)
} catch let error as SOCGraphError {
    fail(error.description, status: error.exitStatus)
} catch {
    fail("\(error)", status: 2)
}
guard !request.quiet else { exit(0) }
for file in result.files {
    print("\(out)/\(file.path)\t\(file.rowCount) rows")
}
for note in result.notes {
    print("note: \(note)")
}
print(String(format: "imported in %.1f s", Date().timeIntervalSince(started)))
