import Foundation
import ArgumentParser
import SOCGraph

extension SOCGraphCommand {
    /// The one-line message of a failure: a `SOCGraphError`'s description, or ArgumentParser's usage message
    /// without its usage and help lines, pointing to `socgraph help`. Used by `main()` and by `batch` for each
    /// line.
    static func oneLineMessage(for error: Error) -> String {
        if let error = error as? SOCGraphError { return error.description }
        let message = message(for: error)
            .split(separator: "\n").map { $0.trimmedSpaces }
            .filter { !$0.isEmpty && !$0.hasPrefix("Usage:") && !$0.hasPrefix("See '") }
            .joined(separator: " ")
        return message + " (see 'socgraph help')"
    }
}
