import Foundation
import SOCGraph

/// Runs independent readers on a few threads (the xlsx files dominate the import time) and hands back each
/// result; when several fail, every failure is reported, in the order the readers were added.
final class ParallelReads: @unchecked Sendable {
    /// The result of one reader, available after `run`.
    final class Pending<Value: Sendable>: @unchecked Sendable {
        fileprivate var result: Result<Value, Error>?

        func value() throws -> Value {
            guard let result else { preconditionFailure("ParallelReads.run was not called") }
            return try result.get()
        }
    }

    private var jobs: [@Sendable () -> Error?] = []
    private let lock = NSLock()

    /// Queues `read`; its result is in the returned value after `run`.
    func add<Value: Sendable>(_ read: @escaping @Sendable () throws -> Value) -> Pending<Value> {
        let pending = Pending<Value>()
        let lock = self.lock
        jobs.append {
            let result = Result { try read() }
            lock.lock()
            pending.result = result
            lock.unlock()
            if case let .failure(error) = result { return error }
            return nil
        }
        return pending
    }

    /// Runs every queued reader on `width` threads; throws the failures, combined, once all have finished.
    func run(width: Int) throws {
        let jobs = self.jobs
        let lock = self.lock
        nonisolated(unsafe) var next = 0
        nonisolated(unsafe) var failures: [(index: Int, error: Error)] = []
        DispatchQueue.concurrentPerform(iterations: max(1, min(width, jobs.count))) { _ in
            while true {
                lock.lock()
                let index = next
                next += 1
                lock.unlock()
                guard index < jobs.count else { return }
                if let error = jobs[index]() {
                    lock.lock()
                    failures.append((index, error))
                    lock.unlock()
                }
            }
        }
        let errors = failures.sorted { $0.index < $1.index }.map(\.error)
        guard let first = errors.first else { return }
        if errors.count == 1 { throw first }
        throw SOCGraphError.sourceProblem(
            "\(errors.count) official files have problems: " + errors.map { "\($0)" }.joined(separator: " | "))
    }
}
