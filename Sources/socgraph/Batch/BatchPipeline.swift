import Dispatch
import Foundation
import SOCGraph

/// Answers the lines of a batch concurrently and prints their answers in input order.
///
/// Lines are independent queries on an immutable graph, so they resolve codes, build their comparisons and DOT
/// text, lay their diagrams out (on as many Graphviz engines as there are cores, see `GraphvizSession`) and encode
/// their JSON side by side. What must keep the input order does: files are put in place in line order
/// (`BatchContext.inOrder`), and answers are printed in line order, each as soon as every earlier one is out —
/// so a program feeding `batch` one line at a time gets each answer before it sends the next line.
final class BatchPipeline: @unchecked Sendable {
    private let graph: String?
    /// Lines being answered run here, started in input order.
    private let queue = DispatchQueue(label: "socgraph.batch", attributes: .concurrent)
    private let running = DispatchGroup()
    /// Bounds the lines in flight (and so the threads and memory a long batch takes).
    private let slots: DispatchSemaphore
    /// The side-effect turn and the printing turn of the next line submitted; owned by the submitting thread.
    /// Every turn starts at 0 and is signalled once when it comes (libdispatch traps on disposing a semaphore
    /// left below its starting value).
    private var effectTurn = BatchPipeline.givenTurn()
    private var printTurn = BatchPipeline.givenTurn()

    private let lock = NSLock()
    /// The highest status of any line, and the first error writing the answers; guarded by `lock`.
    private var worst: Int32 = 0
    private var writeError: Error?

    /// `graph`: the batch's `--graph`, for lines without their own. `concurrency`: lines answered at once.
    init(graph: String?, concurrency: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.graph = graph
        slots = DispatchSemaphore(value: max(2, concurrency + 1))
    }

    private static func givenTurn() -> DispatchSemaphore {
        let turn = DispatchSemaphore(value: 0)
        turn.signal()
        return turn
    }

    /// True once an answer could not be written (standard output closed): submit no more lines.
    var stopped: Bool { lock.withLock { writeError != nil } }

    /// Starts answering one input line (blank lines and comments are skipped); returns at once unless as many
    /// lines as allowed are still in flight.
    func submit(_ text: String, number: Int) {
        guard let line = BatchLine(number: number, text: text, graph: graph) else { return }
        let next = DispatchSemaphore(value: 0)
        let context = BatchContext(turn: effectTurn, next: next)
        effectTurn = next
        let (myPrintTurn, nextPrintTurn) = (printTurn, DispatchSemaphore(value: 0))
        printTurn = nextPrintTurn
        slots.wait()
        running.enter()
        queue.async {
            let output = line.run(context: context)
            myPrintTurn.wait()
            self.emit(output)
            nextPrintTurn.signal()
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
