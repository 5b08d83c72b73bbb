import CGraphviz
import Foundation

/// The one way into libcgraph/libgvc in this process: one lock, one context, Graphviz's messages captured.
///
/// The libraries keep global state (the DOT parser, the error channel, the layout's working sets) and are not
/// thread-safe even with one context per caller, so every call into them runs under `lock`. The context is made
/// on first use and kept for the life of the process: making one reads Graphviz's plugin configuration, which a
/// batch of diagrams would otherwise repeat for each.
enum GraphvizSession {
    private static let lock = NSLock()
    /// Guarded by `lock`.
    nonisolated(unsafe) private static var context: OpaquePointer?
    /// Graphviz's messages since the start of the current `run`; guarded by `lock` (Graphviz reports only from
    /// inside a call, and every call runs under it).
    nonisolated(unsafe) fileprivate static var messages = ""

    /// Runs `body` with exclusive use of Graphviz and its context; Graphviz's warnings and errors are collected
    /// (never printed) and `body` reads them with `GraphvizSession.collected`.
    static func run<T>(_ body: (OpaquePointer) throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        messages = ""
        _ = agseterrf(collectMessage)
        _ = agseterr(AGWARN)
        _ = agreseterrors()
        if context == nil { context = gvContext() }
        guard let context else {
            throw GraphvizError.failed("could not create a context" + describe(messages))
        }
        return try body(context)
    }

    /// The messages collected so far in the current `run`; call only from inside its body.
    static var collected: String { messages }

    /// `": message; message"` from captured messages, or "" when there are none.
    static func describe(_ messages: String) -> String {
        let lines = self.lines(messages)
        return lines.isEmpty ? "" : ": " + lines.joined(separator: "; ")
    }

    /// The captured messages one per line, without Graphviz's `Error: ` / `Warning: ` prefix.
    static func lines(_ messages: String) -> [String] {
        messages.split(whereSeparator: \.isNewline).map { line in
            var text = line.trimmingCharacters(in: .whitespaces)
            for prefix in ["Error: ", "Warning: "] where text.hasPrefix(prefix) { text.removeFirst(prefix.count) }
            return text
        }.filter { !$0.isEmpty }
    }
}

/// Appends one piece of a Graphviz message; Graphviz calls it with `"Error"`, `": "`, then the text. A C function
/// pointer cannot capture context, so it writes to the session's storage, which the lock of the running call guards.
private let collectMessage: agusererrf = { text in
    if let text { GraphvizSession.messages += String(cString: text) }
    return 0
}

/// A failure inside Graphviz, turned into `SOCGraphError.outputFailed` by `GraphvizRenderer`.
enum GraphvizError: Error {
    case failed(String)
}
