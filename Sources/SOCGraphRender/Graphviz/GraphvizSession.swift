import CGraphviz
import Foundation

/// The one way into libcgraph/libgvc in this process: a lock, Graphviz's message capture, a context.
///
/// libcgraph and libgvc keep global state (the DOT parser, the error channel, plugin tables) and are not
/// thread-safe even with one context per caller, so every call into them runs inside `run`, one at a time.
enum GraphvizSession {
    private static let lock = NSLock()
    /// Graphviz's messages since the start of the current `run`; guarded by `lock`.
    nonisolated(unsafe) private static var messages = ""

    /// Runs `body` with exclusive use of Graphviz and a fresh context (freed after; measured no slower than
    /// reusing one, as plugins stay loaded in the process), Graphviz's warnings and errors captured (never
    /// printed): `body` receives the context and a function returning the messages so far.
    static func run<T>(_ body: (_ context: OpaquePointer, _ messages: () -> String) throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        messages = ""
        _ = agseterrf(collectMessage)
        _ = agseterr(AGWARN)
        _ = agreseterrors()
        guard let context = gvContext() else {
            throw GraphvizError.failed("could not create a context" + describe(messages))
        }
        defer { gvFreeContext(context) }
        return try body(context, { messages })
    }

    /// Appends one piece of a Graphviz message; Graphviz calls it with `"Error"`, `": "`, then the text.
    private static let collectMessage: agusererrf = { text in
        if let text { GraphvizSession.messages += String(cString: text) }
        return 0
    }

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

/// A failure inside Graphviz, turned into `SOCGraphError.outputFailed` by `GraphvizRenderer`.
enum GraphvizError: Error {
    case failed(String)
}
