import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import SOCGraph

/// Standard output and error, and how text is styled on them.
enum Terminal {
    /// Writes `text` to stdout. A reader that has gone (`socgraph … | head -1`) is `StandardOutputClosed`, which
    /// ends the program quietly; any other failed write is `SOCGraphError.outputFailed`.
    static func write(_ text: String) throws {
        if let capture { return capture.append(text, error: false) }
        do {
            try FileHandle.standardOutput.write(contentsOf: Data(text.utf8))
        } catch {
            if isBrokenPipe(error) { throw StandardOutputClosed() }
            // The system's words: `No space left on device`, `Bad file descriptor`.
            throw SOCGraphError.outputFailed(
                "cannot write to standard output: \(SystemError.reason(of: error) ?? "\(error)")")
        }
    }

    /// Writes to stdout, ignoring failure (help and version text).
    static func writeOut(_ text: String) {
        try? write(text)
    }

    /// Prints `socgraph: error: message` (one line) to stderr.
    static func error(_ message: String) {
        writeError("socgraph: error: \(oneLine(message))\n")
    }

    /// Ends the process with `status`.
    static func finish(_ status: Int32) -> Never {
        exit(status)
    }

    /// Prints `socgraph: note: message` (one line) to stderr: something a script reading stdout should know
    /// about a successful answer (a weak search ranking).
    static func note(_ message: String) {
        writeError("socgraph: note: \(oneLine(message))\n")
    }

    /// Writes `text` to stderr as it is, ignoring failure.
    static func writeError(_ text: String) {
        if let capture { return capture.append(text, error: true) }
        try? FileHandle.standardError.write(contentsOf: Data(text.utf8))
    }

    /// Whether a write failed because the reading end of the pipe is closed (EPIPE, with SIGPIPE ignored).
    static func isBrokenPipe(_ error: Error) -> Bool {
        if let error = error as? POSIXError { return error.code == .EPIPE }
        let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
        return [error as NSError, underlying].contains { $0?.domain == NSPOSIXErrorDomain && $0?.code == Int(EPIPE) }
    }

    /// Where stdout and stderr text goes instead of the streams while a command line runs in-process
    /// (`SOCGraphCommand.execute` under test); nil otherwise.
    @TaskLocal static var capture: Capture?

    /// The text a command line printed in-process, by stream.
    final class Capture: @unchecked Sendable {
        private let lock = NSLock()
        private var out = "", err = ""

        init() {}

        var stdout: String { lock.withLock { out } }
        var stderr: String { lock.withLock { err } }

        func append(_ text: String, error: Bool) {
            lock.withLock { if error { err += text } else { out += text } }
        }
    }

    /// The longest message printed in full; ArgumentParser repeats a bad value whole, however long.
    static let messageLimit = 1_000

    /// `message` as one terminal-safe line (`SOCGraphError.singleLine`, line breaks as spaces), cut at
    /// `messageLimit` characters.
    static func oneLine(_ message: String) -> String {
        let line = SOCGraphError.singleLine(message.replacingOccurrences(of: "\n", with: " "))
        return line.count > messageLimit ? line.prefix(messageLimit - 1) + "…" : line
    }

    /// True when stdout is a terminal, colour is not disabled by NO_COLOR (https://no-color.org) and TERM is not
    /// `dumb`.
    static var usesColour: Bool {
        let environment = ProcessInfo.processInfo.environment
        if let noColour = environment["NO_COLOR"], !noColour.isEmpty { return false }
        if environment["TERM"] == "dumb" { return false }
        return isatty(STDOUT_FILENO) != 0
    }

    /// Output width: `$COLUMNS` when set to a sensible number, else 80.
    static var width: Int {
        if let text = ProcessInfo.processInfo.environment["COLUMNS"], let columns = Int(text), columns >= 40 {
            return min(columns, 200)
        }
        return 80
    }
}

/// Standard output was closed by its reader; the program ends quietly with status 0, as a filter's input
/// that nobody reads any more is no failure.
struct StandardOutputClosed: Error {}

/// ANSI styling that vanishes when colour is off.
struct TextStyle {
    let colour: Bool

    static var current: TextStyle { TextStyle(colour: Terminal.usesColour) }
    static let plain = TextStyle(colour: false)

    func bold(_ text: String) -> String { colour ? "\u{1B}[1m\(text.terminalSafe)\u{1B}[0m" : text.terminalSafe }
    func dim(_ text: String) -> String { colour ? "\u{1B}[2m\(text.terminalSafe)\u{1B}[0m" : text.terminalSafe }
    func warning(_ text: String) -> String { colour ? "\u{1B}[33m\(text.terminalSafe)\u{1B}[0m" : text.terminalSafe }
}

extension String {
    /// The text as it may reach a terminal in human-readable output: control characters (line breaks included),
    /// line separators and bidirectional formatting characters escaped (`\u{1B}`), as in error messages.
    var terminalSafe: String { SOCGraphError.singleLine(self) }
}
