import SOCGraph

/// Collects every problem found in one official file, so that an import reports all of them at once rather
/// than stopping at the first; `throwIfAny` turns them into one `sourceProblem`.
struct SourceProblems {
    private(set) var messages: [String] = []

    var isEmpty: Bool { messages.isEmpty }

    /// Records a problem found by a cross-check.
    mutating func record(_ message: String) {
        messages.append(message)
    }

    /// Runs `body` for one record; a `sourceProblem` it throws is recorded and nil returned (the record is
    /// skipped, and the import will fail at `throwIfAny`). Other errors propagate.
    mutating func attempt<T>(_ body: () throws -> T) throws -> T? {
        do {
            return try body()
        } catch let SOCGraphError.sourceProblem(message) {
            messages.append(message)
            return nil
        }
    }

    /// Throws one `sourceProblem` naming the first problems and how many there are in all.
    func throwIfAny() throws {
        guard let first = messages.first else { return }
        if messages.count == 1 { throw SOCGraphError.sourceProblem(first) }
        let shown = messages.prefix(3).joined(separator: "; ")
        let more = messages.count > 3 ? "; and \(messages.count - 3) more" : ""
        throw SOCGraphError.sourceProblem("\(messages.count) problems: \(shown)\(more)")
    }
}
