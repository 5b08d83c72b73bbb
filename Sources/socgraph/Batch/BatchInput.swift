import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import SOCGraph

/// The lines of a batch, from a file or standard input alike, as they arrive: one rule for every source, so that a
/// line's bytes decide only that line's fate. A line that is not UTF-8 or is over `lineLimit` bytes is that
/// line's error; a UTF-8 byte-order mark before the first line is skipped; `\r\n` ends a line like `\n`.
struct BatchInput {
    /// One input line: its text, or why it cannot be run.
    enum Line {
        case text(String)
        case invalid(shown: String, SOCGraphError)
    }

    /// The longest line taken, 64 KiB: far beyond any command, and a bound on what one line holds in memory.
    static let lineLimit = 64 << 10

    /// The input, closed when the last copy goes (standard input is left open).
    private let handle: FileHandle
    /// Bytes read and not yet returned; the current line starts at `start`.
    private var buffer: [UInt8] = []
    private var start = 0
    private var atEnd = false
    private var number = 0

    init(handle: FileHandle) {
        self.handle = handle
    }

    /// Standard input.
    static var standardInput: BatchInput { BatchInput(handle: FileHandle(fileDescriptor: STDIN_FILENO)) }

    /// The batch file at `path` (a FIFO such as `<(…)` included).
    ///
    /// - Throws: `SOCGraphError.invalidInput` naming the file and why it cannot be read.
    static func file(_ path: String) throws -> BatchInput {
        let reason: String
        switch FileManager.default.isDirectory(atPath: path) {
        case nil: reason = "no such file"
        case true?: reason = "it is a directory"
        case false?:
            let descriptor = open(path, O_RDONLY | O_CLOEXEC)
            if descriptor >= 0 { return BatchInput(handle: FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)) }
            reason = String(cString: strerror(errno))
        }
        throw SOCGraphError.invalidInput("cannot read batch file '\(path)': \(reason); give a readable file of "
                                         + "commands, or - for standard input")
    }

    /// The next line and its 1-based number; nil at the end of the input. O(bytes) over the whole input.
    ///
    /// - Throws: `SOCGraphError.invalidInput` when the input cannot be read at all.
    mutating func next() throws -> (number: Int, line: Line)? {
        var overlong = false
        while true {
            if let newline = buffer[start...].firstIndex(of: 0x0A) {
                let bytes = Array(buffer[start..<newline])
                start = newline + 1
                number += 1
                return (number, overlong || bytes.count > Self.lineLimit ? tooLong(bytes) : decode(bytes))
            }
            if atEnd {
                guard start < buffer.count || overlong else { return nil }
                let bytes = Array(buffer[start...])
                start = buffer.count
                number += 1
                return (number, overlong || bytes.count > Self.lineLimit ? tooLong(bytes) : decode(bytes))
            }
            if buffer.count - start > Self.lineLimit {
                // Keep only the start of the line, to show; the rest is read and dropped.
                overlong = true
                buffer = Array(buffer[start..<(start + 200)])
                start = 0
            }
            buffer.removeSubrange(..<start)
            start = 0
            try fill()
        }
    }

    /// Reads what the input has now (at most 64 KiB), so that a line is answered as soon as it arrives.
    private mutating func fill() throws {
        var chunk = [UInt8](repeating: 0, count: 64 << 10)
        let descriptor = handle.fileDescriptor
        let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        if count < 0 {
            if errno == EINTR { return }
            throw SOCGraphError.invalidInput("cannot read the batch input: \(String(cString: strerror(errno)))")
        }
        if count == 0 { atEnd = true }
        buffer += chunk.prefix(count)
    }

    private func decode(_ bytes: [UInt8]) -> Line {
        var bytes = bytes[...]
        if number == 1, bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        if bytes.last == 0x0D { bytes = bytes.dropLast() }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            return .invalid(shown: String(decoding: bytes, as: UTF8.self), .invalidInput(
                "line \(number) is not UTF-8 text; save the commands as UTF-8"))
        }
        return .text(text)
    }

    private func tooLong(_ bytes: [UInt8]) -> Line {
        .invalid(shown: String(decoding: bytes.prefix(200), as: UTF8.self) + "…", .invalidInput(
            "line \(number) is over the \(Self.lineLimit / 1024) KiB limit of a batch line; split it into "
                + "several commands"))
    }
}
