import Foundation
import Testing

@Suite("socgraph batch")
struct BatchCommandTests {
    let graph = ["--graph", CLI.fixture.path]

    func lines(_ output: String) throws -> [[String: Any]] {
        try output.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "\(line)")
        }
    }

    func temporaryFile(_ text: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("socgraph-batch-\(UUID().uuidString)")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    /// Runs `socgraph arguments` on the fixture with `input` as standard input; returns the status and stdout.
    func run(_ arguments: [String], input: URL) throws -> (status: Int32, stdout: String) {
        let process = Process()
        process.executableURL = CLI.executable
        process.arguments = arguments + graph
        process.standardInput = try FileHandle(forReadingFrom: input)
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test func answersEveryLineAndReportsErrorsPerLine() throws {
        let file = try temporaryFile("""
            # candidates for an AI engineer
            show 15-2051

            compare 15-2051 15-1252 15-1221
            show 15-2052
            compare 15-2051
            socgraph show "Software Developers"   # a title with a space
            import --from nowhere
            show 'unterminated
            show 15-1221 --no-such-option

            """)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try CLI.run(["batch", file.path] + graph)
        #expect(result.status == 2, "the highest line status")
        #expect(result.stderr == "")
        let output = try lines(result.stdout)
        #expect(output.map { $0["line"] as? Int } == [2, 4, 5, 6, 7, 8, 9, 10])
        #expect(output.map { $0["status"] as? Int } == [0, 0, 2, 2, 0, 2, 2, 2])
        #expect(output[0]["command"] as? String == "show 15-2051")
        #expect((output[0]["result"] as? [String: Any])?["code"] as? String == "15-2051")
        #expect(output[0]["error"] == nil)
        let comparison = try #require(output[1]["result"] as? [String: Any])
        #expect(comparison["codes"] as? [String] == ["15-2051", "15-1252", "15-1221"])
        #expect((output[2]["error"] as? String)?.contains("unknown code '15-2052'") == true)
        #expect(output[2]["result"] == nil)
        #expect((output[3]["error"] as? String)?.contains("at least 2") == true)
        #expect((output[4]["result"] as? [String: Any])?["code"] as? String == "15-1252")
        #expect((output[5]["error"] as? String)?.contains("cannot run in a batch") == true)
        #expect((output[6]["error"] as? String)?.contains("unterminated") == true)
        #expect((output[7]["error"] as? String)?.contains("--no-such-option") == true)
    }

    @Test func resultsAreTheCommandsJSON() throws {
        let file = try temporaryFile("show 15-2051\ncompare 15-2051 15-1221 --format table\n")
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try CLI.run(["batch", file.path] + graph)
        #expect(result.status == 0)
        let output = try lines(result.stdout)
        for (index, arguments) in [["show", "15-2051"], ["compare", "15-2051", "15-1221"]].enumerated() {
            let single = try CLI.run(arguments + ["--format", "json"] + graph)
            let expected = try #require(try JSONSerialization.jsonObject(with: Data(single.stdout.utf8)) as? NSDictionary)
            let got = try #require(output[index]["result"] as? NSDictionary)
            #expect(got == expected, "\(arguments)")
        }
    }

    @Test func readsStandardInput() throws {
        let input = try temporaryFile("show 15-2051\nshow 99-0000\n")
        defer { try? FileManager.default.removeItem(at: input) }
        for arguments in [["batch", "-"], ["batch"]] {
            let (status, stdout) = try run(arguments, input: input)
            #expect(status == 2)
            let output = try lines(stdout)
            #expect(output.map { $0["status"] as? Int } == [0, 2])
            #expect(output.map { $0["line"] as? Int } == [1, 2])
        }
    }

    @Test("one rule for a file and standard input: a bad line is that line's error; a byte-order mark is skipped")
    func badBytesAreTheLinesError() throws {
        let input = Data([0xEF, 0xBB, 0xBF]) + Data("show 15-2051\r\nshow 15-1252 ".utf8) + [0xFF, 0xFE]
            + Data("\nshow ".utf8) + Data(repeating: UInt8(ascii: "7"), count: 70_000) + Data("\nshow 15-1221".utf8)
        let file = try temporaryFile("")
        defer { try? FileManager.default.removeItem(at: file) }
        try input.write(to: file)
        var outputs: [String] = []
        for arguments in [["batch", file.path], ["batch", "-"]] {
            let (status, stdout) = try run(arguments, input: file)
            #expect(status == 2, "\(arguments)")
            let output = try lines(stdout)
            #expect(output.map { $0["status"] as? Int } == [0, 2, 2, 0], "\(arguments)")
            #expect(output.map { $0["line"] as? Int } == [1, 2, 3, 4])
            #expect(output[0]["command"] as? String == "show 15-2051")
            #expect((output[1]["error"] as? String)?.hasPrefix("line 2 is not UTF-8 text") == true, "\(output[1])")
            #expect((output[2]["error"] as? String)?.hasPrefix("line 3 is over the 64 KiB limit") == true)
            outputs.append(stdout)
        }
        #expect(outputs[0] == outputs[1], "the same answers from the file and from standard input")
    }

    @Test func unreadableBatchFileExitsTwoNamingIt() throws {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("socgraph-no-such-batch").path
        let result = try CLI.run(["batch", missing] + graph)
        #expect(result.status == 2)
        #expect(result.stdout == "")
        #expect(result.stderr.hasPrefix("socgraph: error: cannot read batch file '\(missing)'"))
        #expect(result.stderr.filter { $0 == "\n" }.count == 1)
        let directory = try CLI.run(["batch", FileManager.default.temporaryDirectory.path] + graph)
        #expect(directory.status == 2)
        #expect(directory.stderr.contains("directory"))
    }

    @Test func damagedGraphIsStatusThreeOnEveryLine() throws {
        let directory = try CLI.fixtureCopy()
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.removeItem(at: directory.appendingPathComponent("wages.tsv"))
        let file = try temporaryFile("show 15-2051\nshow 15-2051.01\n")
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try CLI.run(["batch", file.path, "--graph", directory.path])
        #expect(result.status == 3)
        let output = try lines(result.stdout)
        #expect(output.map { $0["status"] as? Int } == [3, 3])
        #expect((output[0]["error"] as? String)?.hasPrefix("damaged graph data") == true)
    }

    @Test("lines are answered concurrently, but diagrams are written and answers printed in input order")
    func concurrentLinesKeepTheirOrder() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("socgraph-batch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var commands: [String] = []
        for number in 0..<6 {
            commands.append("render 15-2051 15-1252 --out \(directory.appendingPathComponent("\(number).svg").path)")
            commands.append("show 15-1221")
        }
        let same = directory.appendingPathComponent("same.svg").path
        commands.append("render 15-2051 15-1221 --out \(same)")
        commands.append("compare 15-1252 15-1221 --out \(same)")
        commands.append("show 15-2052")
        let file = try temporaryFile(commands.joined(separator: "\n") + "\n")
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try CLI.run(["batch", file.path] + graph)
        #expect(result.status == 2, "the unknown code on the last line")
        let output = try lines(result.stdout)
        #expect(output.map { $0["line"] as? Int } == Array(1...commands.count))
        #expect(output.map { $0["command"] as? String } == commands)
        for number in 0..<6 {
            let svg = try String(contentsOfFile: directory.appendingPathComponent("\(number).svg").path, encoding: .utf8)
            #expect(svg.contains("Comparing 15&#45;2051 and 15&#45;1252"), "\(number).svg")
        }
        let last = try String(contentsOfFile: same, encoding: .utf8)
        #expect(last.contains("Comparing 15&#45;1252 and 15&#45;1221"), "the later line's diagram is the one left")
        let left = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        #expect(left == ((0..<6).map { "\($0).svg" } + ["same.svg"]).sorted(), "no temporary file is left")
    }

    @Test("an SVG diagram is byte for byte the same from its own process (render, compare) and from a batch")
    func batchAndSeparateProcessesWriteTheSameBytes() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("socgraph-batch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        func out(_ name: String) -> String { directory.appendingPathComponent(name).path }
        let diagrams: [(name: String, arguments: [String])] = [
            ("three", ["compare", "15-2051", "15-1252", "15-1221"]), ("two", ["render", "15-1252", "15-1221"]),
            ("reordered", ["render", "15-1221", "15-2051", "15-1252"]), ("neighbourhood", ["render", "15-2051"]),
        ]
        for diagram in diagrams {
            let result = try CLI.run(diagram.arguments + ["--out", out("alone-\(diagram.name).svg")] + graph)
            #expect(result.status == 0, "\(diagram.arguments): \(result.stderr)")
        }
        // Each diagram twice in one batch, after other diagrams in SVG, PNG and PDF.
        var lines: [String] = []
        for round in 0..<2 {
            for (index, diagram) in diagrams.reversed().enumerated() {
                let other = ["svg", "png", "pdf"][(round + index) % 3]
                lines.append((diagram.arguments + ["--out", out("other-\(round)-\(index).\(other)")]).joined(separator: " "))
                lines.append((diagram.arguments + ["--out", out("batch-\(round)-\(diagram.name).svg")]).joined(separator: " "))
            }
        }
        let file = try temporaryFile(lines.joined(separator: "\n") + "\n")
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try CLI.run(["batch", file.path] + graph)
        #expect(result.status == 0, "\(result.stdout)")
        for diagram in diagrams {
            let alone = try Data(contentsOf: URL(fileURLWithPath: out("alone-\(diagram.name).svg")))
            #expect(alone.count > 10_000)
            for round in 0..<2 {
                let batch = try Data(contentsOf: URL(fileURLWithPath: out("batch-\(round)-\(diagram.name).svg")))
                #expect(batch == alone, "\(diagram.name), round \(round)")
            }
        }
    }
}
