import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import SOCGraph

/// A command that can answer a line of `socgraph batch`.
///
/// `batch` parses each line with the same parser as the command line (`SOCGraphCommand.parseAsRoot`), so the
/// command's arguments, options and `validate()` apply unchanged; it then calls `runJSON(context:)` on the parsed
/// command and writes the result as that line's `result`. A command joins the batch by conforming:
///
///     extension SearchCommand: BatchRunnable {
///         func runJSON(context: BatchContext) throws -> SearchResultsReport { try results(context: context) }
///     }
///
/// `runJSON` must return exactly the value the command prints with `--format json`, and throw `SOCGraphError`
/// for failures (its exit status becomes the line's `status`). It must not print. `--format` is ignored in a
/// batch: every result is JSON.
protocol BatchRunnable: ParsableCommand {
    associatedtype JSONResult: Encodable
    func runJSON(context: BatchContext) throws -> JSONResult
}

/// What a batch keeps between lines, beyond the graphs `GraphCache` keeps: values that are costly to build from a
/// loaded graph (a search index), built once per graph directory and key.
final class BatchContext: @unchecked Sendable {
    /// The process-wide context; a one-shot command may use it too (it simply builds once).
    static let shared = BatchContext()

    private let lock = Lock()
    private var values: [String: Any] = [:]

    /// The value stored for `key` and the graph at `directory`, built by `build` the first time. `build` runs
    /// under the context's lock; it must not call `memo` itself.
    func memo<Value>(_ key: String, directory: URL, build: () throws -> Value) rethrows -> Value {
        let slot = directory.standardizedFileURL.path + "\u{0}" + key + "\u{0}" + String(reflecting: Value.self)
        lock.lock()
        defer { lock.unlock() }
        if let value = values[slot] as? Value { return value }
        let value = try build()
        values[slot] = value
        return value
    }
}
