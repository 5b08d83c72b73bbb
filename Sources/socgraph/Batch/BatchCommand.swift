import ArgumentParser
import Foundation
import SOCGraph

/// `socgraph batch [FILE|-]`: answers one command per line in one process, one JSON document per output line.
struct BatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Run one query command per line in one process; one JSON document per output line.",
        discussion: """
            Each line is a socgraph command without the program name (a leading 'socgraph' is allowed), split like \
            a shell command line: quote arguments with spaces ('…' or "…"). Blank lines and lines starting with # \
            are skipped; a line that is not UTF-8 text, or is over 64 KiB, is answered with its error, from a file \
            and from standard input alike. The graph is loaded once for the whole batch, so many queries run much faster than as \
            many separate invocations; lines are answered on all processor cores at once (Graphviz lays out one \
            diagram at a time), while diagram files are put in place, and answers printed, in input order.

            Commands: \(BatchCommand.commandNames.joined(separator: ", ")). A line's result is always the command's \
            --format json output; --format on a line is ignored. A line without --graph uses the batch's --graph.

            Output: one JSON object per line, in input order, with the keys line (the line number in the input), \
            command (the line), status (the exit status the command would have had) and either result (the \
            command's JSON) or error (the message). A failing line does not stop the batch.

            Exit status: 0 if every line succeeded, else the highest status of any line (1 nothing found, 2 bad \
            input, 3 damaged graph data, 4 output failed); 2 if FILE cannot be read.
            """
    )

    @Argument(help: ArgumentHelp("The file of commands, or - for standard input (the default).", valueName: "file"))
    var file: String = "-"

    @OptionGroup var graphOptions: GraphOptions

    /// The subcommands that conform to `BatchRunnable`. Listed, not found by casting every subcommand: each such
    /// cast scans all the program's conformance records, and the discussion above is built at every start.
    static let runnable: [any BatchRunnable.Type] = [
        ShowCommand.self, SearchCommand.self, RelatedCommand.self, PathCommand.self, FindCommand.self,
        CompareCommand.self, RenderCommand.self,
    ]

    /// The subcommands that conform to `BatchRunnable`, by command name.
    static var commands: [String: any BatchRunnable.Type] {
        var result: [String: any BatchRunnable.Type] = [:]
        for command in runnable {
            if let name = command.configuration.commandName { result[name] = command }
        }
        return result
    }

    static var commandNames: [String] { runnable.compactMap { $0.configuration.commandName }.sorted() }

    func run() throws {
        var input = file == "-" ? BatchInput.standardInput : try BatchInput.file(file)
        let pipeline = BatchPipeline(graph: graphOptions.graph)
        var readError: Error?
        do {
            while !pipeline.stopped, let (number, line) = try input.next() {
                pipeline.submit(line, number: number)
            }
        } catch {
            readError = error  // reported once the lines read so far are answered
        }
        let worst = try pipeline.finish()
        if let readError { throw readError }
        if worst != 0 { throw ExitCode(worst) }
    }
}

/// One input line of a batch and how it is answered.
struct BatchLine {
    let number: Int
    /// The line without surrounding white space.
    let command: String
    /// The batch's `--graph`, given to lines without their own.
    let graph: String?

    /// Why the line cannot run at all (not UTF-8, too long); it is then answered with this error.
    let inputError: SOCGraphError?

    /// Nil for a blank line or a comment.
    init?(number: Int, line: BatchInput.Line, graph: String?) {
        switch line {
        case let .text(text):
            command = text.trimmed
            guard !command.isEmpty, !command.hasPrefix("#") else { return nil }
            inputError = nil
        case let .invalid(shown, error):
            command = shown
            inputError = error
        }
        self.number = number
        self.graph = graph
    }

    /// Runs the line and encodes its output line; never throws: every failure becomes the line's error.
    func run(context: BatchContext) -> (status: Int32, json: String) {
        let output: BatchOutput
        do {
            if let inputError { throw inputError }
            output = BatchOutput(line: number, command: command, status: 0,
                                 result: AnyEncodable(try result(context: context)), error: nil)
        } catch {
            output = failure(error)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            return (output.status, String(decoding: try encoder.encode(output), as: UTF8.self))
        } catch {
            let failed = failure(SOCGraphError.outputFailed("cannot encode the result as JSON: \(error)"))
            // An error line holds only strings and numbers, which always encode.
            return (failed.status, (try? encoder.encode(failed)).map { String(decoding: $0, as: UTF8.self) } ?? "{}")
        }
    }

    private func result(context: BatchContext) throws -> any Encodable {
        var words = try ShellWords.split(command)
        if words.first == "socgraph" { words.removeFirst() }
        guard let name = words.first else {
            throw SOCGraphError.invalidInput("no command on the line; write one of "
                                             + BatchCommand.commandNames.joined(separator: ", "))
        }
        guard BatchCommand.commands[name] != nil else {
            throw SOCGraphError.invalidInput("'\(name)' cannot run in a batch; batch runs "
                                             + BatchCommand.commandNames.joined(separator: ", "))
        }
        if let graph, !words.contains(where: { $0 == "--graph" || $0.hasPrefix("--graph=") }) {
            words.insert(contentsOf: ["--graph", graph], at: 1)
        }
        let parsed = try SOCGraphCommand.parseAsRoot(words)
        guard let runnable = parsed as? any BatchRunnable else {
            throw SOCGraphError.invalidInput("'\(command)' runs no query (a batch does not answer help); batch runs "
                                             + BatchCommand.commandNames.joined(separator: ", "))
        }
        return try runnable.runJSON(context: context)
    }

    private func failure(_ error: Error) -> BatchOutput {
        let status: Int32
        switch error {
        case let error as SOCGraphError: status = error.exitStatus
        case let error as ExitCode: status = error.rawValue == 0 ? 2 : error.rawValue
        default: status = 2
        }
        var message = SOCGraphCommand.oneLineMessage(for: error)
        if SOCGraphCommand.exitCode(for: error) == .success, !(error is SOCGraphError) {
            message = "help and --version are not answered in a batch; run 'socgraph help' instead"
        }
        return BatchOutput(line: number, command: command, status: status, result: nil, error: message)
    }
}

/// One output line: `{line, command, status, result}` or `{line, command, status, error}`.
struct BatchOutput: Encodable {
    let line: Int
    let command: String
    let status: Int32
    let result: AnyEncodable?
    let error: String?
}

/// An `Encodable` value of any type, encoded as itself.
struct AnyEncodable: Encodable {
    let value: any Encodable

    init(_ value: any Encodable) { self.value = value }

    func encode(to encoder: Encoder) throws { try value.encode(to: encoder) }
}
