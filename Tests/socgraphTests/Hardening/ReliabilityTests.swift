import Foundation
import Testing

/// What a hostile or unlucky user met, each through the binary: files changing or in the wrong shape, a reader
/// closing the pipe, a killed cache writer, control characters in a query, out-of-range numbers, huge inputs.
@Suite("Reliability through the binary")
struct ReliabilityTests {
    let graph = ["--graph", CLI.fixture.path]

    @Test("a graph file rewritten in place while queries read it: exit 0 with the right answer, or 3; no signal")
    func fileRewrittenWhileRead() throws {
        let directory = try CLI.fixtureCopy()
        defer { try? FileManager.default.removeItem(at: directory) }
        // Enough titles that a rewrite takes many writes, so that readers meet it half written. They go to 29-1141,
        // which aligns with no field: an aligned code's distinct titles are counted in alignments.tsv.
        let titles = directory.appendingPathComponent("titles.tsv")
        var lines = try String(contentsOf: titles, encoding: .utf8).split(separator: "\n").map(String.init)
        lines += (0..<30_000).map { String(format: "29-1141\tStaff Nurse %05d\tonet-alternate", $0) }
        let good = Data((lines[0] + "\n" + lines.dropFirst().sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            .joined(separator: "\n") + "\n").utf8)
        try good.write(to: titles)
        let arguments = ["search", "staff nurse", "--format", "json", "--graph", directory.path]
        let noCache = ["SOCGRAPH_NO_CACHE": "1"]
        let reference = try HardenedCLI.run(arguments, environment: noCache)
        #expect(reference.status == 0, "\(reference.stderr)")

        let stop = Locked(false)
        let writer = Thread {
            while !stop.value {
                // As `cp` does: truncate, then write in pieces.
                guard let handle = try? FileHandle(forWritingTo: titles) else { continue }
                try? handle.truncate(atOffset: 0)
                for offset in stride(from: 0, to: good.count, by: 32_768) {
                    try? handle.write(contentsOf: good[offset..<min(offset + 32_768, good.count)])
                }
                try? handle.close()
            }
        }
        writer.start()
        defer { stop.value = true }
        var statuses: [Int32: Int] = [:]
        for round in 0..<12 {
            let result = try HardenedCLI.run(round % 4 == 3 ? ["check", "--graph", directory.path] : arguments,
                                             environment: noCache)
            #expect(!result.signalled, "\(result.stderr)")
            #expect([0, 3].contains(result.status), "\(result.status): \(result.stderr)")
            if result.status == 0, round % 4 != 3 { #expect(result.stdout == reference.stdout, "a wrong answer") }
            // `check` lists the problems on stdout; a query names the first on stderr.
            if result.status == 3 { #expect((result.stdout + result.stderr).contains("titles.tsv"), "\(result.stderr)") }
            statuses[result.status, default: 0] += 1
        }
        stop.value = true
        print("rewritten titles.tsv: statuses \(statuses.sorted { $0.key < $1.key })")
    }

    @Test("a temporary cache file left by a killed writer is removed by the next write; a fresh one is left alone")
    func killedCacheWriterLeavesNothingBehind() throws {
        let directory = try CLI.fixtureCopy()
        defer { try? FileManager.default.removeItem(at: directory) }
        let cache = directory.appendingPathComponent(".cache")
        try FileManager.default.createDirectory(at: cache, withIntermediateDirectories: false)
        // What `kill -9` during a write leaves: the graph part written, the rename never made.
        let stale = cache.appendingPathComponent("graph.cache.4242.17.tmp")
        let fresh = cache.appendingPathComponent("graph.cache.4243.18.tmp")
        for url in [stale, fresh] { try Data(repeating: 0x5A, count: 4_400_000).write(to: url) }
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -600)],
                                              ofItemAtPath: stale.path)
        let result = try HardenedCLI.run(["search", "data scientist"] + ["--graph", directory.path])
        result.expectClean(statuses: [0])
        // A writer still at work (a minute is far longer than any write) keeps its file.
        #expect(try contents(of: cache) == ["graph.cache", fresh.lastPathComponent])
    }

    @Test("a reader closing the pipe ends socgraph quietly with status 0, not by SIGPIPE")
    func closedPipe() throws {
        try withScratchDirectory { directory in
            let input = directory.appendingPathComponent("commands.txt")
            try Data(String(repeating: "show 15-2051\n", count: 200).utf8).write(to: input)
            for arguments in [["show", "15-2051"], ["show", "15-2051", "--format", "json"], ["search", "data"],
                              ["batch", input.path], ["--help"], ["render", "15-2051", "--out", "/dev/stdout", "--render", "svg"]] {
                let pipe = Pipe()
                try pipe.fileHandleForReading.close()  // the reader is gone before the first write
                let result = try HardenedCLI.run(arguments + graph, directory: directory,
                                                 standardOutput: pipe.fileHandleForWriting)
                #expect(!result.signalled, "\(arguments): killed by signal \(result.status)")
                #expect(result.status == (arguments[0] == "render" ? 4 : 0), "\(arguments): \(result.stderr)")
                if arguments[0] != "render" { #expect(result.stderr.isEmpty, "\(arguments): \(result.stderr)") }
            }
        }
    }

    @Test("negative numbers are out of range, not missing values; help for no such command is an error")
    func outOfRangeNumbersAndUnknownHelp() throws {
        for (arguments, message) in [
            (["related", "15-2051", "--depth", "-1"], "--depth -1 is out of range: give a depth from 1 to 5"),
            (["render", "15-2051", "--depth", "-1"], "--depth -1 is out of range: give a depth from 0 to 6"),
            (["search", "nurse", "--limit", "-1"], "--limit -1 is out of range: give a number of at least 1"),
            (["fields", "artificial-intelligence", "--limit", "-1"], "--limit -1 is out of range"),
            (["search", "nurse", "--limit", "--format"], "'--format' is invalid for '--limit <n>'"),
        ] {
            try HardenedCLI.run(arguments + graph).expectClean(statuses: [2], containing: [message])
        }
        try HardenedCLI.run(["help", "nosuch"]).expectClean(statuses: [2], containing: ["no command 'nosuch'"])
        try HardenedCLI.run(["help", "show", "nosuch"]).expectClean(statuses: [2], containing: ["'nosuch'"])
        let help = try HardenedCLI.run(["help", "related"])
        help.expectClean(statuses: [0])
        #expect(help.stdout.contains("--depth"))
    }

    @Test("--render names the format when --out does not: /dev/stdout gets SVG or DOT")
    func renderFormatForAnUnnamedOutput() throws {
        let svg = try HardenedCLI.run(["render", "15-2051", "--out", "/dev/stdout", "--render", "svg"] + graph)
        svg.expectClean(statuses: [0])
        #expect(svg.stdout.contains("<svg"), "\(svg.stdout.prefix(200))")
        let dot = try HardenedCLI.run(["render", "15-2051", "--out", "/dev/stdout", "--render", "dot"] + graph)
        dot.expectClean(statuses: [0])
        #expect(dot.stdout.hasPrefix("digraph socgraph {"))
        // Without --render the name must say; with a named format that disagrees, it is still refused.
        try HardenedCLI.run(["render", "15-2051", "--out", "/dev/stdout"] + graph)
            .expectClean(statuses: [2], containing: ["cannot tell the diagram format of 'stdout'"])
        try HardenedCLI.run(["render", "15-2051", "--out", "x.svg", "--render", "png"] + graph)
            .expectClean(statuses: [2], containing: ["--render png does not match"])
    }

    @Test("control and bidirectional characters in a query are escaped in every table, as on stderr")
    func queryTextInTablesIsEscaped() throws {
        let hostile = "data \u{1B}[2J\u{1B}]0;pwned\u{7}\u{202E}scientist\u{9B}31m\u{85}"
        for arguments in [["search", hostile], ["find", "\"\(hostile)\" OR stem:yes"],
                          ["related", "15-2051", "--where", "stem:yes OR \"\(hostile)\""]] {
            let result = try HardenedCLI.run(arguments + graph)
            result.expectClean(statuses: [0])
            #expect(!result.stdout.isEmpty)
            let lines = result.stdout.split(separator: "\n")
            #expect(lines.allSatisfy { String($0).isOneSafeLine }, "\(arguments[0]): \(result.stdout.debugDescription)")
            #expect(result.stdout.contains(#"\u{1B}[2J"#), "\(arguments[0]): shown escaped")
        }
    }

    @Test("huge queries are refused at once with a bounded message; the largest allowed is answered quickly")
    func hugeQueries() throws {
        let excel = "uses:\"" + Array(repeating: "Excel", count: 330).joined(separator: " ") + "\""
        let field = "field:" + String(repeating: "a", count: 120_000)
        let clock = ContinuousClock()
        let cases: [(arguments: [String], statuses: Set<Int32>, message: String)] = [
            (["find", field], [2], "the query is 120006 characters long, over the limit of 2000"),
            (["find", Array(repeating: "stem:yes", count: 101).joined(separator: " ")], [2], "101 terms"),
            (["find", excel], [1], "no occupation matches"),
            (["find", Array(repeating: "uses:excel", count: 100).joined(separator: " OR ")], [0], ""),
            (["fields", String(repeating: "a", count: 120_000)], [2], "too long for a code, title or field name"),
            (["why", "15-2051", String(repeating: "a", count: 120_000)], [2], "at most 300 characters"),
            (["search", String(repeating: "a", count: 120_000)], [2], "over the limit of 10000"),
        ]
        for (arguments, statuses, message) in cases {
            var result: HardenedResult?
            let elapsed = try clock.measure { result = try HardenedCLI.run(arguments + graph) }
            try #require(result).expectClean(statuses: statuses, containing: message.isEmpty ? [] : [message])
            // Before the bounds: 95 s for 10,000 Excels, 4.3 s for a 131 KB field id (release build).
            #expect(elapsed < .seconds(10), "\(arguments[0]): \(elapsed)")
        }
    }
}

/// A value shared between the test and a thread it starts.
final class Locked<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value

    init(_ value: Value) { stored = value }

    var value: Value {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}
