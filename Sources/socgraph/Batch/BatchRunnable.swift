import ArgumentParser
import Dispatch

/// A command that can answer a line of `socgraph batch`.
///
/// `batch` parses each line with the same parser as the command line (`SOCGraphCommand.parseAsRoot`), so the
/// command's arguments, options and `validate()` apply unchanged; it then calls `runJSON(context:)` on the parsed
/// command and writes the result as that line's `result`. A command joins the batch by conforming:
///
///     extension SearchCommand: BatchRunnable {
///         func runJSON(context: BatchContext) throws -> SearchResultsReport { try results() }
///     }
///
/// `runJSON` must return exactly the value the command prints with `--format json`, and throw `SOCGraphError`
/// for failures (its exit status becomes the line's `status`). It must not print. `--format` is ignored in a
/// batch: every result is JSON. Lines are answered concurrently (the graph is immutable and shared), so a
/// command writes files only through `context.inOrder`.
protocol BatchRunnable: ParsableCommand {
    associatedtype JSONResult: Encodable
    func runJSON(context: BatchContext) throws -> JSONResult
}

/// How a line's side effects are ordered: a batch answers several lines at once, but the files they write are put
/// in place in input order, as if the lines ran one after another (a later line writing the same file wins).
///
/// A command runs its side effect through `inOrder`; a one-shot command uses `BatchContext.oneShot`, which runs
/// it at once. In a batch, `inOrder` waits until every earlier line has been answered; the line then keeps its turn
/// until its own answer is printed.
final class BatchContext: @unchecked Sendable {
    /// For a command run on its own.
    static let oneShot = BatchContext(turn: nil)

    /// Signalled when every earlier line has been answered; nil outside a batch.
    private let turn: DispatchSemaphore?
    /// Whether this line holds its turn; touched only by the thread answering the line.
    private var holds = false

    init(turn: DispatchSemaphore?) {
        self.turn = turn
    }

    /// Runs `body` once every earlier line of the batch has been answered.
    func inOrder<T>(_ body: () throws -> T) rethrows -> T {
        takeTurn()
        return try body()
    }

    /// Waits for the line's turn, unless it holds it already.
    func takeTurn() {
        guard let turn, !holds else { return }
        turn.wait()
        holds = true
    }
}
