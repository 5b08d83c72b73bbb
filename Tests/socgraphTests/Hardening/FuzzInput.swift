import Foundation

/// The random command lines of `FuzzTests`: a command, then arguments drawn from valid values, near misses and
/// hostile text, in random order and number.
enum FuzzInput {
    /// The fixture (most lines: small and fast), the shipped graph, and directories that are no graph.
    static let graphs = [CLI.fixture.path, ShippedGraphTests.directory.path, "/nonexistent/graph", "/dev/null", ""]

    static let commands = [
        "show", "show", "show", "search", "search", "search", "related", "related", "path", "path", "find", "find",
        "find", "compare", "compare", "why", "fields", "fields", "render", "memo", "check", "help", "--help",
        "--version", "batch", "import", "frobnicate", "",
    ]

    static let codes = [
        "15-2051", "15-1252", "15-1221", "15-1253", "15-2041", "29-1141", "29-1123", "15-2051.01", "15-2051.00",
        "152051", "15-2050", "15-1200", "15-0000", "29-0000", "11.0102", "11.01", "11", "isco:2512", "15-1132",
        "Data Scientists", "software developers", "artificial-intelligence", "quantum", "stem", "master",
        "job-zone-4", "Microsoft Excel", "99-9999", "15-20511", "15_2051", "1", "-", "--", "15-2051 ", " ",
    ]

    /// Hostile and odd text (a process argument cannot hold NUL; the in-process calls get it too).
    static let pieces = GeneratedArgumentTests.pieces + [
        "\u{9B}31m", "\u{1B}]0;x\u{7}", "\u{202E}", "\u{2066}", "\u{FFFD}", "\u{10FFFF}", "🏳️‍🌈", "Ω", "ﬁ", "İ",
        "data", "scientist", "nurse", "engineer", "excel", "the", "OR", "AND", "NOT", "(", ")", "\"", "-x", "=",
        String(repeating: "a", count: 400), String(repeating: "é", count: 2_500), String(repeating: "data ", count: 500),
    ]

    static let findTerms = GeneratedArgumentTests.findPieces + [
        "field:artificial-intelligence", "education>=master", "zone>=4", "major:15", "stem:yes", "uses:excel",
        "wage>=100000", "growth>5", "program:11", "broad:1525", "grade>=substantial", "-major:29", "NOT stem:no",
        "field:quantum", "education<bachelor", "zone:9", "wage>=1e999", "uses:\"Microsoft Excel\"",
    ]

    static let numbers = ["0", "1", "2", "3", "5", "6", "7", "-1", "-0", "+1", "1.5", "1e3", "99999999999999999999",
                          "", " 2", "٣", "abc", "--format"]

    /// `--out` values: in-process only absolute paths in `scratch` and devices, so nothing lands in the package.
    static func outputs(_ scratch: URL) -> [String] {
        let names = ["d.svg", "d.png", "d.pdf", "d.dot", "m.md", "m.html", "d.gif", "noext", "sub/none/d.svg",
                     String(repeating: "n", count: 250) + ".svg", "d\u{1B}[31m.svg"]
        return names.map { scratch.appendingPathComponent($0).path } + ["/dev/null", scratch.path, "/proc/x.svg"]
    }

    /// Options and their values, valid and not.
    static func option(_ generator: inout SplitMix64, scratch: URL) -> [String] {
        func any(_ list: [String]) -> String { list.randomElement(using: &generator)! }
        switch Int.random(in: 0..<14, using: &generator) {
        case 0, 1: return ["--format", any(["json", "tsv", "table", "xml", "JSON", ""])]
        case 2: return ["--depth", any(numbers)]
        case 3: return ["--limit", any(numbers)]
        case 4: return ["--tier", any(["primary", "all", "primary-short", "supplemental", "x"])]
        case 5: return ["--where", term(&generator)]
        case 6: return ["--via", any(["all", "structure", "none"])]
        case 7: return [any(["--envelope", "--programs", "--help", "-h", "--version", "--quiet", "--bogus", "-x"])]
        case 8: return ["--render", any(["svg", "png", "pdf", "dot", "gif"]), "--out", any(outputs(scratch))]
        case 9: return ["--out", any(outputs(scratch))]
        case 10: return ["--graph", any(graphs)]
        case 11: return ["--"]
        default: return [any(pieces)]
        }
    }

    static func term(_ generator: inout SplitMix64) -> String {
        (0..<Int.random(in: 1...6, using: &generator)).map { _ in
            Bool.random(using: &generator) ? findTerms.randomElement(using: &generator)!
                : pieces.randomElement(using: &generator)!
        }.joined(separator: Bool.random(using: &generator) ? " " : "")
    }

    /// One command line. `inProcess` leaves out what must not run inside the test process: `batch` (it reads
    /// standard input), `import` (it writes a graph), and writing outside `scratch` (render and memo get `--out`).
    static func commandLine(_ generator: inout SplitMix64, scratch: URL, inProcess: Bool) -> [String] {
        var command = commands.randomElement(using: &generator)!
        if inProcess, ["batch", "import"].contains(command) { command = "show" }
        var arguments = command.isEmpty ? [] : [command]
        for _ in 0..<Int.random(in: 0...4, using: &generator) {
            switch Int.random(in: 0..<10, using: &generator) {
            case 0..<4: arguments.append(codes.randomElement(using: &generator)!)
            case 4..<6: arguments.append(command == "find" || command == "search" ? term(&generator)
                                         : pieces.randomElement(using: &generator)!)
            default: arguments += option(&generator, scratch: scratch)
            }
        }
        if !arguments.contains("--graph"), Int.random(in: 0..<20, using: &generator) != 0 {
            // Mostly the fixture; in a long run one line in fifty the shipped graph, which is slower to answer
            // (and to load, which a short run in a debug build would spend most of its time on).
            let shipped = FuzzTests.count >= 5_000 && Int.random(in: 0..<50, using: &generator) == 0
            let graph = shipped ? graphs[1] : graphs[0]
            arguments += ["--graph", graph]
        }
        if inProcess, ["render", "memo", "compare"].contains(command), !arguments.contains("--out") {
            arguments += ["--out", outputs(scratch).randomElement(using: &generator)!]
        }
        // Check reads every file each time (the fixture's only); renders take tens of milliseconds: keep them rare.
        if ["check", "render", "memo"].contains(command), Int.random(in: 0..<8, using: &generator) != 0 {
            arguments[0] = "show"
        }
        if arguments.first == "check" { arguments = arguments.map { $0 == graphs[1] ? graphs[0] : $0 } }
        return arguments
    }
}
