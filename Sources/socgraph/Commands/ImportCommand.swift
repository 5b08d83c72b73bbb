import ArgumentParser
import SOCGraph
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// `socgraph import --from DIR [--with-text] [--out Graph]`: rebuilds Graph/ from the official files.
///
/// The importer is a program of its own, `socgraph-import`, installed beside `socgraph` (`make release` builds
/// both), so that the query commands start without the libraries it needs (XML, ZIP, ICU). This command parses the
/// command line and then replaces itself with that program, which prints what `socgraph import` prints.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Rebuild Graph/ from the official source files (see Graph/README.md).",
        discussion: """
            Reads every official file in DIR in its published format, checks it, checks the reviewed tables in \
            OUT/curation/, derives the aligns-with edges from them, and writes the Graph/ TSV files and manifest.tsv \
            atomically. Nothing is written when a file is missing or not as documented, or a curation row is wrong \
            (every curation problem is listed, one per line, with its file and line).

            The import runs in the program socgraph-import, installed beside socgraph; when it is missing, this \
            command exits with status 2 and names where it should be.
            """
    )

    /// The importer program's file name, beside the running executable.
    static let program = "socgraph-import"

    @Option(name: .customLong("from"),
            help: ArgumentHelp("The folder of official files (as described in its README).", valueName: "DIR"))
    var from: String

    @Option(name: .customLong("out"), help: ArgumentHelp("The graph directory to write.", valueName: "DIR"))
    var out: String = "Graph"

    @Flag(name: .customLong("with-text"), help: "Also write SOC definitions and O*NET tasks to OUT/text/ (not committed).")
    var withText = false

    @Flag(name: .customLong("quiet"), help: "Print nothing on success.")
    var quiet = false

    /// The arguments `socgraph-import` is run with.
    var importerArguments: [String] {
        ["--from", from, "--out", out] + (withText ? ["--with-text"] : []) + (quiet ? ["--quiet"] : [])
    }

    /// Replaces this process with `socgraph-import`; returns only by throwing.
    func run() throws {
        guard let program = Executable.sibling(Self.program) else {
            throw SOCGraphError.invalidInput("cannot find the directory of the socgraph executable, where "
                                             + "\(Self.program) should be; run socgraph by its path")
        }
        guard access(program, X_OK) == 0 else {
            throw SOCGraphError.invalidInput("the importer \(program) is missing or not executable; build it with "
                                             + "'make release' (which builds socgraph and \(Self.program))")
        }
        let arguments = [program] + importerArguments
        var pointers = arguments.map { strdup($0) } + [nil]
        defer { for pointer in pointers { free(pointer) } }
        execv(program, &pointers)
        let reason = String(cString: strerror(errno))
        throw SOCGraphError.invalidInput("cannot run the importer \(program): \(reason); build it with 'make release'")
    }
}
