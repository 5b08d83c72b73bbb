import Dispatch
import Foundation
import SOCGraph

/// Answers the lines of a batch concurrently and prints their answers in input order.
///
/// Lines are independent queries on an immutable graph, so they resolve codes, build their comparisons and DOT
/// text and encode their JSON side by side, while Graphviz lays out one diagram at a time (`GraphvizRenderer`):
/// on two cores this is what keeps a batch of diagrams within its budget, a third of the time of as many `dot`
/// runs. What must keep the input order does: each line waits for its turn (every earlier line answered) before
/// it puts a file in place (`BatchContext.inOrder`) and before it prints its answer, so a program feeding `batch`
/// one line at a time gets each answer before it sends the next line.
final class BatchPipeline: @unchecked Sendable {
    private let graph: String?
    private let queue = DispatchQueue(label: "socgraph.batch", attributes: .concurrent)
    private let running = DispatchGroup()
    /// Bounds the lines in flight (and so the threads and memory a long batch takes).
    private let slots: DispatchSemaphore
    /// The turn of the next line submitted; owned by the submitting thread. Every turn starts at 0 and is signalled
    /// once (libdispatch traps on disposing a semaphore left below its starting value).
    private var turn: DispatchSemaphore = {
        let first = DispatchSemaphore(value: 0)
        first.signal()
        return first
    }()

    private let lock = NSLock()
    /// The highest status of any line, and the first error writing the answers; guarded by `lock`.
    private var worst: Int32 = 0
    private var writeError: Error?

    /// `graph`: the batch's `--graph`, for lines without their own. `concurrency`: lines answered at once.
    init(graph: String?, concurrency: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.graph = graph
        slots = DispatchSemaphore(value: max(2, concurrency + 1))
    }

    /// True once an answer could not be written (standard output closed): submit no more lines.
    var stopped: Bool { lock.withLock { writeError != nil } }

    /// Starts answering one input line (blank lines and comments are skipped); returns at once unless as many
    /// lines as allowed are still in flight.
    func submit(_ input: BatchInput.Line, number: Int) {
        guard let line = BatchLine(number: number, line: input, graph: graph) else { return }
        let context = BatchContext(turn: turn)
        let next = DispatchSemaphore(value: 0)
        turn = next
        slots.wait()
        running.enter()
        queue.async {
            let output = line.run(context: context)
            context.takeTurn()
            self.emit(output)
            next.signal()
            self.slots.signal()
            self.running.leave()
        }
    }

    /// Waits for every line; returns the highest status, or throws the error that stopped the answers.
    func finish() throws -> Int32 {
        running.wait()
        return try lock.withLock {
            if let writeError { throw writeError }
            return worst
        }
    }

    private func emit(_ output: (status: Int32, json: String)) {
        let failed = lock.withLock {
            worst = max(worst, output.status)
            return writeError != nil
        }
        guard !failed else { return }
        do {
            try Terminal.write(output.json + "\n")
        } catch {
            lock.withLock { writeError = writeError ?? error }
        }
    }
}
