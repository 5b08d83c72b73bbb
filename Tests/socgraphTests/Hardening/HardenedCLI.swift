import Foundation
import Testing

/// Runs the built `socgraph` like `CLI.run`, but also reports a death by signal (a crash or a trap) and stops a
/// run that hangs, so that robustness tests fail instead of waiting forever.
struct HardenedResult {
    let arguments: [String]
    let status: Int32
    /// True when the process ended by a signal (a crash, a Swift trap, or the timeout).
    let signalled: Bool
    let stdout: String
    let stderr: String

    /// Lines of stderr, without the final empty one.
    var stderrLines: [Substring] { stderr.split(separator: "\n", omittingEmptySubsequences: false).dropLast() }

    /// A short rendering of the arguments for failure messages.
    var label: String {
        arguments.map { String($0.debugDescription.prefix(80)) }.joined(separator: " ")
    }
}

enum HardenedCLI {
    /// How long one run may take before it counts as a hang.
    static let timeout: TimeInterval = 60

    /// Runs `socgraph arguments` (or another `executable`) in `directory`; `standardOutput`, when given, replaces
    /// the captured stdout.
    static func run(_ arguments: [String], executable: URL = CLI.executable, directory: URL? = nil,
                    environment: [String: String] = [:], standardOutput: FileHandle? = nil) throws -> HardenedResult
    {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["COLUMNS"] = nil
        env["SOCGRAPH_GRAPH"] = nil
        for (key, value) in environment { env[key] = value }
        process.environment = env
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe(), err = Pipe()
        process.standardOutput = standardOutput ?? out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let watchdog = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: watchdog)
        // Read both pipes concurrently so that neither can fill and block the child.
        nonisolated(unsafe) var stderrData = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            stderrData = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        if standardOutput != nil { try out.fileHandleForWriting.close() }
        let stdoutData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        watchdog.cancel()
        return HardenedResult(
            arguments: arguments, status: process.terminationStatus,
            signalled: process.terminationReason == .uncaughtSignal,
            stdout: String(decoding: stdoutData, as: UTF8.self), stderr: String(decoding: stderrData, as: UTF8.self))
    }
}

extension HardenedResult {
    /// What must never reach a user: a Swift crash report or stack trace, a Graphviz message, ArgumentParser's
    /// multi-line usage text.
    static let leaks = ["Fatal error", "Stack dump", "Current stack trace", "Illegal instruction", "Segmentation fault",
                        "#0 0x", "Error: ", "Warning: ", "Usage:", "USAGE:", "Fontconfig", "-WARNING", "-CRITICAL"]

    /// No signal, an expected status, and on failure nothing on stdout and exactly one safe `socgraph: error:` line
    /// on stderr containing every one of `parts`. On success, stderr is empty or one `socgraph: note:` line.
    func expectClean(statuses: Set<Int32>, containing parts: [String] = [],
                     sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(!signalled, "\(label): killed by signal \(status)\n\(stderr)", sourceLocation: sourceLocation)
        #expect(statuses.contains(status), "\(label): status \(status)\n\(stderr)", sourceLocation: sourceLocation)
        for leak in Self.leaks {
            #expect(!stderr.contains(leak), "\(label): '\(leak)' on stderr\n\(stderr)", sourceLocation: sourceLocation)
        }
        #expect(stderrLines.allSatisfy { $0.count <= 1_100 }, "\(label): a stderr line is very long",
                sourceLocation: sourceLocation)
        #expect(stderrLines.allSatisfy { String($0).isOneSafeLine }, "\(label): \(stderr.debugDescription)",
                sourceLocation: sourceLocation)
        if status == 0 {
            #expect(stderr.isEmpty || (stderrLines.count == 1 && stderr.hasPrefix("socgraph: note: ")),
                    "\(label): \(stderr)", sourceLocation: sourceLocation)
        } else {
            #expect(stdout.isEmpty, "\(label): stdout on failure: \(stdout.prefix(200))", sourceLocation: sourceLocation)
            #expect(stderrLines.count == 1, "\(label): \(stderr)", sourceLocation: sourceLocation)
            #expect(stderr.hasPrefix("socgraph: error: "), "\(label): \(stderr)", sourceLocation: sourceLocation)
        }
        for part in parts {
            #expect(stderr.contains(part), "\(label): no '\(part)' in \(stderr)", sourceLocation: sourceLocation)
        }
    }
}

/// SplitMix64, so that generated inputs are the same on every run.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension String {
    /// True when the text holds no line break of any kind and no other control character (it prints as one line
    /// and cannot restyle a terminal).
    var isOneSafeLine: Bool {
        !unicodeScalars.contains { scalar in
            switch scalar.value {
            case 0..<0x20, 0x7F..<0xA0, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: return true
            default: return false
            }
        }
    }
}

/// Makes `directory` and removes it when `body` returns.
func withScratchDirectory<T>(_ body: (URL) throws -> T) throws -> T {
    let directory = try scratchDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    return try body(directory)
}

/// The names in `directory`, sorted; hidden files (such as a left-over temporary file) included.
func contents(of directory: URL) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
}

@Suite("CLI test runner")
struct CLIRunnerTests {
    @Test("a child writing far more than a pipe holds to both stdout and stderr is read to the end")
    func largeOutputOnBothStreams() throws {
        // 256 KiB to stderr first, then to stdout: a runner reading one stream to its end before the other blocks.
        let script = "head -c 262144 /dev/zero | tr '\\0' e >&2; head -c 262144 /dev/zero | tr '\\0' o"
        let result = try HardenedCLI.run(["-c", script], executable: URL(fileURLWithPath: "/bin/sh"))
        #expect(result.status == 0 && !result.signalled)
        #expect(result.stderr.count == 262_144 && result.stderr.allSatisfy { $0 == "e" })
        #expect(result.stdout.count == 262_144 && result.stdout.allSatisfy { $0 == "o" })
    }
}
