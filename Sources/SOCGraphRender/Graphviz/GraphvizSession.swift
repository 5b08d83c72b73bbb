import CGraphviz
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import SOCGraph

/// The one way into libcgraph/libgvc in this process: a lock, Graphviz's message capture, a context.
///
/// libcgraph and libgvc keep global state (the DOT parser, the error channel, plugin tables) and are not
/// thread-safe even with one context per caller, so every call into them runs inside `run`, one at a time.
enum GraphvizSession {
    private static let lock = Lock()
    /// Graphviz's messages since the start of the current `run`; guarded by `lock`.
    nonisolated(unsafe) private static var messages = ""

    /// Runs `body` with exclusive use of Graphviz and the process's context, Graphviz's warnings and errors
    /// captured (never printed): `body` receives the context and a function returning the messages so far.
    static func run<T>(_ body: (_ context: OpaquePointer, _ messages: () -> String) throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        messages = ""
        _ = agseterrf(collectMessage)
        _ = agseterr(AGWARN)
        _ = agreseterrors()
        let capture = capturesStandardError ? StandardErrorCapture() : nil
        defer { if let capture { messages += capture.finish() } }
        guard let context = sharedContext() else {
            throw GraphvizError.failed("could not create a context" + describe(messages + (capture?.peek() ?? "")))
        }
        return try body(context, { messages + (capture?.peek() ?? "") })
    }

    /// The one Graphviz context, made on first use and kept for the life of the process: making one reads
    /// Graphviz's plugin configuration, which a batch of diagrams would otherwise repeat for each. It carries the
    /// text-measurement table (`TextMeasureCache`) when pango's plugin is there. Guarded by `lock`.
    nonisolated(unsafe) private static var context: OpaquePointer?

    private static func sharedContext() -> OpaquePointer? {
        if context == nil {
            context = TextMeasureCache.builtins.map { gvContextPlugins($0, 1) } ?? gvContext()
        }
        return context
    }

    /// Whether `run` also captures what is written to file descriptor 2 while Graphviz runs (see
    /// `GraphvizRenderer.captureLibraryOutput()`); guarded by `lock`.
    nonisolated(unsafe) private static var capturesStandardError = false

    static func captureStandardError(_ capture: Bool) {
        lock.lock()
        defer { lock.unlock() }
        capturesStandardError = capture
    }

    /// File descriptor 2 sent into an anonymous temporary file until `finish`: the libraries Graphviz loads
    /// (fontconfig, cairo, pango) print some problems straight to standard error, bypassing `agseterrf`.
    /// A file, not a pipe, so that no amount of output can block the writer. Without a temporary file, nothing is
    /// captured.
    private final class StandardErrorCapture {
        private let file: UnsafeMutablePointer<FILE>?
        private let saved: Int32

        init() {
            fflush(nil)
            file = tmpfile()
            saved = file == nil ? -1 : dup(2)
            if let file, saved >= 0 { dup2(fileno(file), 2) }
        }

        /// What was written so far.
        func peek() -> String {
            guard let file, saved >= 0 else { return "" }
            fflush(nil)
            let descriptor = fileno(file)
            let end = lseek(descriptor, 0, SEEK_END)
            guard end > 0 else { return "" }
            var bytes = [UInt8](repeating: 0, count: Int(end))
            let count = pread(descriptor, &bytes, bytes.count, 0)
            return String(decoding: bytes.prefix(max(count, 0)), as: UTF8.self)
        }

        /// Restores file descriptor 2 and returns what was written.
        func finish() -> String {
            let text = peek()
            if let file {
                if saved >= 0 {
                    dup2(saved, 2)
                    close(saved)
                }
                fclose(file)
            }
            return text
        }
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
            var text = line.trimmedSpaces
            for prefix in ["Error: ", "Warning: "] where text.hasPrefix(prefix) { text.removeFirst(prefix.count) }
            return text
        }.filter { !$0.isEmpty }
    }
}

/// A failure inside Graphviz, turned into `SOCGraphError.outputFailed` by `GraphvizRenderer`.
enum GraphvizError: Error {
    case failed(String)
}
