import ArgumentParser
import Foundation
import SOCGraph
import SOCGraphRender

/// A request that cannot be answered: the HTTP status and the one-line message the page or the JSON error shows.
struct WebError: Error {
    let status: Int
    let message: String

    /// The HTTP status for a command-line exit status: nothing found 404, bad input 400, a damaged graph or a
    /// failed output 500, a failed download 502.
    static func status(forExit exit: Int32) -> Int {
        switch exit {
        case 0: return 200
        case 1: return 404
        case 2: return 400
        case 5: return 502
        default: return 500
        }
    }

    /// `error` as the command line would report it (`SOCGraphCommand.oneLineMessage`), with the matching status.
    init(_ error: Error) {
        if let error = error as? WebError {
            self = error
            return
        }
        let exit: Int32
        switch error {
        case let error as SOCGraphError: exit = error.exitStatus
        case let error as ExitCode: exit = error.rawValue == 0 ? 2 : error.rawValue
        default: exit = 2
        }
        self.init(status: Self.status(forExit: exit), message: SOCGraphCommand.oneLineMessage(for: error))
    }

    init(status: Int, message: String) {
        self.status = status
        self.message = message
    }
}

/// The parameters of a request: its query string, or a form body sent as `application/x-www-form-urlencoded`
/// (`+` is a space, `%XX` a byte of UTF-8). Names and values are bounded; a value that is not UTF-8 is refused.
struct WebForm {
    /// The longest value accepted: a description of duties is a few paragraphs.
    static let valueLimit = 8_000
    /// The most parameters read.
    static let pairLimit = 64

    private(set) var pairs: [(name: String, value: String)] = []

    init(_ encoded: String?) throws {
        guard let encoded, !encoded.isEmpty else { return }
        let parts = encoded.split(separator: "&", omittingEmptySubsequences: true)
        guard parts.count <= Self.pairLimit else {
            throw WebError(status: 400, message: "too many parameters (\(parts.count)); send at most \(Self.pairLimit)")
        }
        for part in parts {
            let halves = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = try Self.decode(halves[0])
            let value = halves.count > 1 ? try Self.decode(halves[1]) : ""
            guard value.count <= Self.valueLimit else {
                throw WebError(status: 413, message: "the value of '\(name.prefix(40))' is \(value.count) characters "
                                   + "long; send at most \(Self.valueLimit)")
            }
            pairs.append((name, value))
        }
    }

    init(pairs: [(name: String, value: String)]) {
        self.pairs = pairs
    }

    private static func decode(_ text: Substring) throws -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        guard let decoded = spaced.removingPercentEncoding else {
            throw WebError(status: 400, message: "a parameter is not percent-encoded UTF-8; encode it as a browser form does")
        }
        return decoded
    }

    /// The first value of `name`, trimmed; nil when absent or blank.
    func value(_ name: String) -> String? {
        pairs.first { $0.name == name }.map { $0.value.trimmingCharacters(in: .whitespacesAndNewlines) }
            .flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Every value of `name`, in order.
    func values(_ name: String) -> [String] {
        pairs.filter { $0.name == name }.map(\.value)
    }

    /// `name` as a whole number in `range`, `fallback` when absent.
    func integer(_ name: String, in range: ClosedRange<Int>, fallback: Int) throws -> Int {
        guard let text = value(name) else { return fallback }
        guard let number = Int(text), range.contains(number) else {
            throw WebError(status: 400, message: "'\(name)' must be a whole number from \(range.lowerBound) to "
                               + "\(range.upperBound), not '\(text.prefix(40))'")
        }
        return number
    }

    /// The codes of a comparison: `codes` (separated by spaces or commas, as typed in the form) and every `code`.
    func codes() -> [String] {
        let typed = values("codes").flatMap {
            $0.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t" }).map(String.init)
        }
        return typed + values("code").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}

/// Queries run exactly as the command line runs them, in this process: the same parser, validation and commands.
///
/// Every argument vector is built here, never from a request's text: what a request sends goes after `--`, where
/// the parser reads it as a code, a title or a query and never as an option (so it cannot name a graph, an output
/// file or a profile to read). The graph is the one the server was started with.
struct WebQueries: Sendable {
    /// The graph directory every query reads.
    let graph: String
    /// The earlier graph for the change report, when one was configured.
    let previousGraph: String?

    /// What a command printed in-process: its exit status, standard output, and its `note:` and `error:` lines.
    struct Printed {
        let status: Int32
        let stdout: String
        let notes: [String]
        let error: String?
    }

    /// The options every query gets: the server's graph.
    var common: [String] { ["--graph", graph] }

    /// Runs `socgraph arguments` in this process and returns what it printed; the command line's output, byte
    /// for byte (`SOCGraphCommand.execute` with the output captured).
    static func run(_ arguments: [String]) -> Printed {
        let capture = Terminal.Capture()
        let status = Terminal.$capture.withValue(capture) { SOCGraphCommand.execute(arguments) }
        let error = capture.stderr.split(separator: "\n").last { $0.hasPrefix("socgraph: error: ") }
            .map { String($0.dropFirst(17)) }
        return Printed(status: status, stdout: capture.stdout, notes: notes(capture), error: error)
    }

    /// Parses `arguments` with the command line's parser (its validation included) as a `C`.
    static func parse<C: ParsableCommand>(_ arguments: [String], as type: C.Type) throws -> C {
        let parsed = try SOCGraphCommand.parseAsRoot(arguments)
        guard let command = parsed as? C else {
            throw WebError(status: 500, message: "'\(arguments.first ?? "")' did not parse as the expected command")
        }
        return command
    }

    /// Runs `body` with anything it prints captured, and returns its value with the `note:` lines printed.
    static func capturing<T>(_ body: () throws -> T) throws -> (value: T, notes: [String]) {
        let capture = Terminal.Capture()
        let value = try Terminal.$capture.withValue(capture) { try body() }
        return (value, notes(capture))
    }

    /// The `socgraph: note:` lines captured, without their prefix.
    private static func notes(_ capture: Terminal.Capture) -> [String] {
        capture.stderr.split(separator: "\n").filter { $0.hasPrefix("socgraph: note: ") }.map { String($0.dropFirst(16)) }
    }

    // MARK: Argument vectors, one per query

    func search(_ form: WebForm, format: String = "json") throws -> [String] {
        guard let text = form.value("q") else {
            throw WebError(status: 400, message: "empty query: give a job title or a description of duties in 'q'")
        }
        let limit = try form.integer("limit", in: 1...50, fallback: 10)
        return ["search"] + common + ["--format", format, "--limit", String(limit)]
            + (form.value("envelope") == "true" ? ["--envelope"] : []) + ["--", text]
    }

    func show(_ code: String, format: String = "json") -> [String] {
        ["show"] + common + ["--format", format, "--", code]
    }

    func related(_ code: String, format: String = "json") -> [String] {
        ["related"] + common + ["--format", format, "--", code]
    }

    func compare(_ form: WebForm, format: String = "json") throws -> [String] {
        let codes = form.codes()
        guard (2...8).contains(codes.count) else {
            throw WebError(status: 400, message: "give 2 to 8 SOC codes to compare in 'codes' (got \(codes.count)), "
                               + "such as 15-2051 15-1252")
        }
        return ["compare"] + common + ["--format", format] + (form.value("programs") == "true" ? ["--programs"] : [])
            + ["--"] + codes
    }

    func fields(_ field: String?, form: WebForm, format: String = "json") throws -> [String] {
        guard let field else { return ["fields"] + common + ["--format", format] }
        var arguments = ["fields"] + common + ["--format", format]
        if let grade = form.value("grade") { arguments += ["--grade", grade] }
        if form.value("limit") != nil { arguments += ["--limit", String(try form.integer("limit", in: 1...1_000, fallback: 1))] }
        return arguments + ["--", field]
    }

    func why(_ code: String, _ field: String, format: String = "json") -> [String] {
        ["why"] + common + ["--format", format, "--", code, field]
    }

    func diff(_ form: WebForm, format: String = "json") throws -> [String] {
        guard let previousGraph else {
            throw WebError(status: 404, message: "no earlier graph is configured: start the server with "
                               + "--previous-graph DIR to compare two graphs")
        }
        return ["diff", "--format", format, "--", previousGraph, graph] + form.codes()
    }
}

/// The answers the explorer keeps, the most recent `capacity` of them: rendered diagrams by format and DOT text, and
/// client assessments by profile.
///
/// Diagrams: Graphviz 2.42 (Debian's) does not free all it allocates while it lays out clusters and HTML-like
/// labels, about 26 KB a diagram (valgrind: `new_virtual_edge`, `htmlparse`, `pango_parse_markup`). A command-line
/// run ends before that matters; a server asked for the same comparison again and again would grow without end.
/// Answering a diagram already rendered from here keeps memory flat under repeated requests.
/// Assessments: `fit` takes about a second (a search per duty); the memo a user downloads after the assessment
/// page reuses the assessment instead of making it again.
final class RecentAnswers<Key: Hashable, Value>: @unchecked Sendable {
    let capacity: Int
    private let lock = NSLock()
    private var entries: [Key: (value: Value, used: Int)] = [:]
    private var clock = 0

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// The value kept for `key`, else `make()`'s, kept (the least recently used one goes when full).
    func value(for key: Key, make: () throws -> Value) rethrows -> Value {
        if let kept = lock.withLock({ () -> Value? in
            clock += 1
            entries[key]?.used = clock
            return entries[key]?.value
        }) {
            return kept
        }
        let value = try make()
        lock.withLock {
            clock += 1
            entries[key] = (value, clock)
            if entries.count > capacity, let oldest = entries.min(by: { $0.value.used < $1.value.used })?.key {
                entries[oldest] = nil
            }
        }
        return value
    }
}

/// Rendered diagrams, by format and DOT text (see `RecentAnswers`).
struct DiagramCache: Sendable {
    private let kept = RecentAnswers<String, Data>(capacity: 128)

    /// `diagram` in `format`: from the cache when the same DOT was rendered in that format before.
    func render(_ diagram: Diagram, format: OutputFormat) throws -> Data {
        let dot = try DOTBuilder().build(diagram)
        return try kept.value(for: format.rawValue + "\n" + dot) {
            try GraphvizRenderer().render(dot: dot, format: format)
        }
    }
}
