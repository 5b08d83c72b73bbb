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
    /// Writes `text` to stdout; a failed write is `SOCGraphError.outputFailed`.
    static func write(_ text: String) throws {
        do {
            try FileHandle.standardOutput.write(contentsOf: Data(text.utf8))
        } catch {
            throw SOCGraphError.outputFailed(
                "cannot write to standard output: \(SystemError.reason(of: error) ?? "\(error)")")
        }
    }

    /// Writes to stdout, ignoring failure (help and version text).
    static func writeOut(_ text: String) {
        try? FileHandle.standardOutput.write(contentsOf: Data(text.utf8))
    }

    /// Prints `socgraph: error: message` (one line) to stderr and exits with `status`.
    static func fail(_ message: String, status: Int32) -> Never {
        try? FileHandle.standardError.write(contentsOf: Data("socgraph: error: \(oneLine(message))\n".utf8))
        exit(status)
    }

    /// Ends the process with `status`: after help, or a command that has already reported.
    static func finish(_ status: Int32) -> Never {
        exit(status)
    }

    /// Prints `socgraph: note: message` (one line) to stderr: something a script reading stdout should know
    /// about a successful answer (a weak search ranking).
    static func note(_ message: String) {
        try? FileHandle.standardError.write(contentsOf: Data("socgraph: note: \(oneLine(message))\n".utf8))
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

/// ANSI styling that vanishes when colour is off.
struct TextStyle {
    let colour: Bool

    static var current: TextStyle { TextStyle(colour: Terminal.usesColour) }
    static let plain = TextStyle(colour: false)

    func bold(_ text: String) -> String { colour ? "\u{1B}[1m\(text)\u{1B}[0m" : text }
    func dim(_ text: String) -> String { colour ? "\u{1B}[2m\(text)\u{1B}[0m" : text }
    func warning(_ text: String) -> String { colour ? "\u{1B}[33m\(text)\u{1B}[0m" : text }
}
