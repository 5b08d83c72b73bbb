import Foundation
import Testing
@testable import socgraph

/// Seeded random command lines, most through the CLI's own entry point in this process and some through the
/// built binary. Every one must end with a documented status (0–4) and never a signal; a failure prints nothing on
/// stdout and one safe `socgraph: error:` line on stderr; a table holds no raw control character.
///
/// In-process runs call `SOCGraphCommand.execute`, which `main` calls: the same parsing, validation, graph loading,
/// query and rendering of the output, with only the final bytes captured instead of written to the streams (a
/// process costs tens of milliseconds, a call well under one). The processes check what only a process shows:
/// the exit status itself, signals, a closed stdout, `batch`, `import` and arbitrary working directories.
///
/// `SOCGRAPH_FUZZ` sets the number of command lines (`make fuzz`: 100,000, optimised); one in fifty is a process,
/// and at least 20. `make test` runs 200.
@Suite("Fuzz")
struct FuzzTests {
    static let count = Int(ProcessInfo.processInfo.environment["SOCGRAPH_FUZZ"] ?? "") ?? 200

    @Test("random command lines: documented statuses only, no signal, one error line, safe tables")
    func randomCommandLines() async throws {
        let scratch = try scratchDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let processes = max(20, Self.count / 50)
        let calls = Self.count - processes
        let workers = max(2, ProcessInfo.processInfo.activeProcessorCount)
        let clock = ContinuousClock()
        let started = clock.now

        // In-process calls, then processes, each spread over the processor cores.
        let inProcess = await Self.onWorkers(workers) { worker in
            var generator = SplitMix64(state: 0xF022 + UInt64(worker))
            var statuses: [Int32: Int] = [:]
            for _ in stride(from: worker, to: calls, by: workers) {
                let arguments = FuzzInput.commandLine(&generator, scratch: scratch, inProcess: true)
                statuses[Self.check(arguments, Self.call(arguments)), default: 0] += 1
            }
            return statuses
        }
        let callTime = clock.now - started
        let asProcesses = await Self.onWorkers(workers) { worker in
            var generator = SplitMix64(state: 0x9205 + UInt64(worker))
            var statuses: [Int32: Int] = [:]
            for index in stride(from: worker, to: processes, by: workers) {
                do {
                    statuses[try Self.runProcess(index, &generator, scratch: scratch), default: 0] += 1
                } catch {
                    Issue.record(error)
                }
            }
            return statuses
        }
        let processTime = clock.now - started - callTime
        let histogram = inProcess.merging(asProcesses, uniquingKeysWith: +)
        func shown(_ statuses: [Int32: Int]) -> String {
            statuses.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ")
        }
        print("fuzz: \(calls) in-process command lines in \(callTime) (statuses \(shown(inProcess))); "
              + "\(processes) processes in \(processTime) (statuses \(shown(asProcesses)))")
        #expect(histogram.values.reduce(0, +) == Self.count)
        #expect(Set(histogram.keys).isSubset(of: [0, 1, 2, 3, 4]), "\(shown(histogram))")
        // The generator reaches answers and failures of each kind, not only usage errors (a damaged graph is one
        // line in two hundred).
        let expected: [Int32] = Self.count >= 5_000 ? [0, 1, 2, 3] : [0, 1, 2]
        #expect(expected.allSatisfy { (histogram[$0] ?? 0) > 0 }, "\(shown(histogram))")
    }

    /// Runs `body` for workers 0..<count concurrently and merges the status counts they return.
    static func onWorkers(_ count: Int, _ body: @escaping @Sendable (Int) -> [Int32: Int]) async -> [Int32: Int] {
        await withTaskGroup(of: [Int32: Int].self) { group in
            for worker in 0..<count { group.addTask { body(worker) } }
            var total: [Int32: Int] = [:]
            for await statuses in group { total.merge(statuses, uniquingKeysWith: +) }
            return total
        }
    }

    /// Runs `arguments` in-process; returns the status and what it printed.
    static func call(_ arguments: [String]) -> (status: Int32, stdout: String, stderr: String) {
        let capture = Terminal.Capture()
        let status = Terminal.$capture.withValue(capture) { SOCGraphCommand.execute(arguments) }
        return (status, capture.stdout, capture.stderr)
    }

    /// Checks one in-process run as `HardenedResult.expectClean` checks a process; returns its status.
    static func check(_ arguments: [String], _ run: (status: Int32, stdout: String, stderr: String)) -> Int32 {
        let label = arguments.map { String($0.debugDescription.prefix(60)) }.joined(separator: " ")
        let errorLines = run.stderr.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect((0...4).contains(run.status), "\(label): status \(run.status)")
        #expect(errorLines.allSatisfy { String($0).isOneSafeLine && $0.count <= 1_100 }, "\(label): \(run.stderr)")
        if run.status == 0 {
            #expect(run.stderr.isEmpty || (errorLines.count == 1 && run.stderr.hasPrefix("socgraph: note: ")),
                    "\(label): \(run.stderr)")
        } else {
            // `check` lists the problems on stdout before its one error line.
            #expect(run.stdout.isEmpty || arguments.first == "check", "\(label): stdout on failure")
            #expect(errorLines.count == 1 && run.stderr.hasPrefix("socgraph: error: "), "\(label): \(run.stderr)")
        }
        // A table (the default format) is for reading: no control character but the line ends.
        if !arguments.contains("json"), !arguments.contains("tsv"), arguments.first != "render" {
            #expect(run.stdout.split(separator: "\n").allSatisfy { String($0).isOneSafeLine },
                    "\(label): \(run.stdout.prefix(300).debugDescription)")
        }
        return run.status
    }

    /// One command line as a process in `scratch`: a random one, one with stdout closed, or a random batch file.
    static func runProcess(_ index: Int, _ generator: inout SplitMix64, scratch: URL) throws -> Int32 {
        var arguments = FuzzInput.commandLine(&generator, scratch: scratch, inProcess: false)
        var output: FileHandle?
        if index % 10 == 1 {
            let pipe = Pipe()
            try pipe.fileHandleForReading.close()
            output = pipe.fileHandleForWriting
        } else if index % 10 == 2 {
            let file = scratch.appendingPathComponent("batch-\(index).txt")
            let lines = (0..<Int.random(in: 1...30, using: &generator)).map { _ in
                FuzzInput.commandLine(&generator, scratch: scratch, inProcess: true)
                    .map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
            }
            try Data(lines.joined(separator: "\n").utf8).write(to: file)
            arguments = ["batch", file.path, "--graph", FuzzInput.graphs[0]]
        }
        let result = try HardenedCLI.run(arguments, directory: scratch, standardOutput: output)
        #expect(!result.signalled, "\(result.label): killed by signal \(result.status)")
        #expect((0...4).contains(result.status), "\(result.label): status \(result.status)")
        #expect(result.stderrLines.allSatisfy { String($0).isOneSafeLine }, "\(result.label): \(result.stderr)")
        if output == nil, arguments[0] != "batch", arguments[0] != "check", result.status != 0 {
            #expect(result.stdout.isEmpty && result.stderrLines.count == 1, "\(result.label): \(result.stderr)")
        }
        return result.signalled ? -1 : result.status
    }
}
