import Foundation
import Testing

/// Seeded random arguments through the built binary: codes to `show`, queries to `find`, texts to `search`. Each
/// run ends with a documented status and, when it fails, exactly one safe line on stderr; none crashes.
@Suite("Generated input through the binary")
struct GeneratedArgumentTests {
    let graph = ["--graph", CLI.fixture.path]

    /// Pieces of random arguments. A process argument cannot hold NUL, so there is none here (the library tests
    /// cover NUL).
    static let pieces: [String] = [
        "9", "0", "5", "-", ".", "--", "..", "00", "01", "99-9999", "9-", "98.76", "9999999", "ab", "Z", "é",
        "e\u{301}", "日本", "😀", "👩‍💻", "مطورو", "עברית", "\u{202E}", "\u{200B}", "\u{FEFF}", "１５", "٥", "½",
        "‐", "–", "’", "'", "\"", "\\", "<script>", "&", "%s", " ", "\t", "\n", "\r", "\u{A0}", "\u{2028}",
        "\u{1B}[31m", "\u{7}", "\u{7F}", "\u{85}",
    ]

    /// A random code that names nothing in the fixture: it starts with `9` (no fixture code or CIP family does),
    /// or with a letter, then random pieces; one in ten is 10,000 characters long.
    static func randomCode(_ generator: inout SplitMix64) -> String {
        let start = ["9", "9-", "9.", "Zz", "é"].randomElement(using: &generator)!
        let count = Int.random(in: 0...8, using: &generator)
        var code = start + (0..<count).map { _ in pieces.randomElement(using: &generator)! }.joined()
        if Int.random(in: 0..<10, using: &generator) == 0 {
            code += String(repeating: pieces.randomElement(using: &generator)!, count: 10_000 / 4)
        }
        return code
    }

    static func randomText(_ generator: inout SplitMix64, from pieces: [String]) -> String {
        let count = Int.random(in: 1...10, using: &generator)
        return (0..<count).map { _ in pieces.randomElement(using: &generator)! }.joined()
    }

    @Test("50 random codes to show: exit 2, one line on stderr, nothing on stdout")
    func showRandomCodes() throws {
        var generator = SplitMix64(state: 2_051)
        for _ in 0..<50 {
            let code = Self.randomCode(&generator)
            // `--` so that a code starting with a dash is still the code, not an option.
            let result = try HardenedCLI.run(["show"] + graph + ["--", code])
            result.expectClean(statuses: [2], containing: ["code"])
        }
    }

    /// The fragments of the `find` language, and some that break it.
    static let findPieces: [String] = [
        "field:", "education>=", "education<", "zone>=", "zone:", "major:", "minor:", "broad:", "stem:", "program:",
        "uses:", "wage>=", "growth<=", "OR", "AND", "NOT", "(", ")", "\"", " ", "15", "15-1200", "11.0102", "master",
        "bachelor", "yes", "artificial-intelligence", "data", "nurse", "100k", "-2.5", "1e308", "nan", "ü", "😀",
        ":", ">=", "<", "'", "\\", "\t", "\n", "\u{202E}", "\u{1B}", "Microsoft Excel", "feild:", "zone>=9",
    ]

    @Test("50 random find queries: exit 0, 1 or 2, one line on stderr when failing")
    func findRandomQueries() throws {
        var generator = SplitMix64(state: 1_200)
        var statuses: [Int32: Int] = [:]
        for _ in 0..<50 {
            let query = Self.randomText(&generator, from: Self.findPieces)
            let result = try HardenedCLI.run(["find"] + graph + ["--", query])
            result.expectClean(statuses: [0, 1, 2])
            statuses[result.status, default: 0] += 1
        }
        #expect((statuses[2] ?? 0) > 5, "\(statuses)")
    }

    static let searchPieces = pieces + [
        "data", "scientist", "software", "developer", "nurse", "senior", "lead", "the", "and", "of", "machine",
        "learning", "engineer", "python", "excel", "therapy", "statistics", "qa", "c++", "c#", ".net",
    ]

    @Test("50 random search texts: exit 0, 1 or 2, never a crash")
    func searchRandomText() throws {
        var generator = SplitMix64(state: 4_242)
        var statuses: [Int32: Int] = [:]
        for _ in 0..<50 {
            let text = Self.randomText(&generator, from: Self.searchPieces)
            let result = try HardenedCLI.run(["search"] + graph + ["--", text])
            result.expectClean(statuses: [0, 1, 2])
            if result.status == 0 { #expect(!result.stdout.isEmpty) }
            statuses[result.status, default: 0] += 1
        }
        #expect((statuses[0] ?? 0) > 5, "\(statuses)")
    }

    @Test("very long arguments are answered quickly with a bounded one-line message")
    func veryLongArguments() throws {
        let digits = String(repeating: "5", count: 100_000)
        let words = (0..<4_000).map { "w\($0)" }.joined(separator: " ")
        let shipped = ShippedGraphTests().requireGraph() ? ["--graph", ShippedGraphTests.directory.path] : graph
        let clock = ContinuousClock()
        for (arguments, statuses) in [
            (["show"] + shipped + ["--", digits], Set<Int32>([2])),
            (["show"] + shipped + ["--", words], [2]),
            (["search"] + shipped + ["--", words], [0, 1, 2]),
            (["find"] + shipped + ["--", words], [1, 2]),
            (["related", "15-2051", "--depth", digits] + shipped, [2]),
        ] {
            var result: HardenedResult?
            let elapsed = try clock.measure { result = try HardenedCLI.run(arguments) }
            try #require(result).expectClean(statuses: statuses)
            // `show` of a 100,000-digit code took over a minute on the shipped graph (edit distance to every code).
            #expect(elapsed < .seconds(20), "\(arguments.prefix(1)): \(elapsed)")
        }
    }
}

/// Seeded random command lines through `batch`: every line is answered by one JSON document with its status,
/// whatever the line holds (quotes, backslashes, control characters, NUL, bytes that are not UTF-8).
@Suite("Generated batch files")
struct GeneratedBatchTests {
    static let commands = ["show", "search", "find", "compare", "related", "path", "render", "memo", "check", "import",
                           "batch", "socgraph", "help", "#", ""]
    static let arguments = GeneratedArgumentTests.pieces + GeneratedArgumentTests.findPieces + [
        "15-2051", "15-1252", "15-1221", "--format", "json", "tsv", "--depth", "2", "--limit", "3", "--out",
        "--graph", "'", "\"", "\\", "\\\\", "'unterminated", "\"a b\"", "\u{0}", "\u{FEFF}", "#comment",
    ]

    @Test("200 random lines: one JSON answer per command line, never a crash")
    func randomBatchFile() throws {
        var generator = SplitMix64(state: 0xBA7C)
        var lines: [Data] = []
        for _ in 0..<200 {
            var words = [Self.commands.randomElement(using: &generator)!]
            for _ in 0..<Int.random(in: 0...5, using: &generator) {
                words.append(Self.arguments.randomElement(using: &generator)!)
            }
            lines.append(Data(words.joined(separator: " ").utf8))
        }
        try withScratchDirectory { directory in
            let file = directory.appendingPathComponent("commands.txt")
            try Data(lines.joined(separator: Data("\n".utf8))).write(to: file)
            let result = try HardenedCLI.run(["batch", file.path, "--graph", CLI.fixture.path], directory: directory)
            #expect(!result.signalled, "\(result.stderr)")
            #expect([0, 1, 2, 3, 4].contains(result.status), "\(result.status): \(result.stderr)")
            #expect(result.stderrLines.count <= 1, "\(result.stderr)")
            #expect(result.stderrLines.allSatisfy { String($0).isOneSafeLine })
            var answered = 0
            for line in result.stdout.split(separator: "\n") {
                let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
                let status = try #require(object?["status"] as? Int, "\(line.prefix(200))")
                #expect((0...4).contains(status))
                answered += 1
            }
            #expect(answered > 100, "\(answered) answers")
            // Nothing written: render and memo need their own process.
            #expect(try contents(of: directory) == ["commands.txt"])

            // Bytes that are not UTF-8 in one line: that line's error, the other lines answered as before.
            lines[100] = Data("show 15-2051 ".utf8) + [0xFF, 0xE9, 0x80]
            try Data(lines.joined(separator: Data("\n".utf8))).write(to: file)
            let mixed = try HardenedCLI.run(["batch", file.path, "--graph", CLI.fixture.path], directory: directory)
            #expect(!mixed.signalled && mixed.stderr.isEmpty, "\(mixed.stderr)")
            let line = try #require(mixed.stdout.split(separator: "\n").first { $0.contains("is not UTF-8 text") })
            #expect(line.contains("\"command\":\"show 15-2051 \u{FFFD}") && line.contains("\"status\":2"), "\(line)")
            #expect(mixed.stdout.split(separator: "\n").count >= answered)
        }
    }
}
