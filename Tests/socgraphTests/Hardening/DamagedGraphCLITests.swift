import Foundation
import Testing

/// A copy of the fixture graph damaged one way at a time, run through the binary: every query command exits 3
/// with one stderr line naming the file and line of the cause (not a consequence elsewhere), writes no output
/// file, and `check` lists every problem, the cause first. The loader's own tests (DamagedGraphTests) check each
/// diagnostic in detail; these check what a user sees.
@Suite("Damaged graphs through the binary")
struct DamagedGraphCLITests {
    /// One way to damage the graph, and the diagnostic it must lead to (`file:line: message start`).
    struct Damage: CustomTestStringConvertible, Sendable {
        let name: String
        /// The first diagnostic: what every failing command names.
        let cause: String
        let apply: @Sendable (URL) throws -> Void

        var testDescription: String { name }
    }

    static func edit(_ file: String, in directory: URL, _ transform: (inout [String]) -> Void) throws {
        let url = directory.appendingPathComponent(file)
        var lines = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        transform(&lines)
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: url)
    }

    static func bytes(_ file: String, in directory: URL, _ transform: (inout Data) -> Void) throws {
        let url = directory.appendingPathComponent(file)
        var data = try Data(contentsOf: url)
        transform(&data)
        try data.write(to: url)
    }

    static let damages: [Damage] = [
        Damage(name: "truncated mid-row, no final newline",
               cause: "wages.tsv:8: ") { directory in
            try bytes("wages.tsv", in: directory) { data in data = data.prefix(data.count - 20) }
        },
        Damage(name: "binary garbage", cause: "soc.tsv:1: not valid UTF-8 text") { directory in
            var generator = SplitMix64(state: 0xDEAD_BEEF)
            let garbage = (0..<4_096).map { _ in UInt8.random(in: 0...255, using: &generator) }
            try Data(garbage).write(to: directory.appendingPathComponent("soc.tsv"))
        },
        Damage(name: "zero-filled file (as after a crash)", cause: "job-zones.tsv:1: header is") { directory in
            try Data(count: 318).write(to: directory.appendingPathComponent("job-zones.tsv"))
        },
        Damage(name: "duplicate key", cause: "soc.tsv:6: duplicate code '15-1221' (first on line 5)") { directory in
            try edit("soc.tsv", in: directory) { $0.insert("15-1221\tdetailed\tSome Other Title\t15-1220", at: 5) }
        },
        Damage(name: "unknown code", cause: "related.tsv:3: related: unknown detailed occupation '15-2059'") { directory in
            try edit("related.tsv", in: directory) {
                $0[2] = $0[2].replacingOccurrences(of: "\t15-2051\t", with: "\t15-2059\t")
            }
        },
        Damage(name: "wrong column count", cause: "projections.tsv:3: 9 columns, expected 8") { directory in
            try edit("projections.tsv", in: directory) { $0[2] += "\textra" }
        },
        Damage(name: "missing file", cause: "entry-education.tsv: missing; re-create it") { directory in
            try FileManager.default.removeItem(at: directory.appendingPathComponent("entry-education.tsv"))
        },
        Damage(name: "a directory where a file should be", cause: "wages.tsv: not a regular file") { directory in
            let url = directory.appendingPathComponent("wages.tsv")
            try FileManager.default.removeItem(at: url)
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: false)
        },
        // Opening a FIFO for reading waits for a writer, and reading it waits for the writer to close: a query
        // must not open it at all.
        Damage(name: "a FIFO where a file should be", cause: "titles.tsv: not a regular file") { directory in
            let path = directory.appendingPathComponent("titles.tsv").path
            try FileManager.default.removeItem(atPath: path)
            #expect(mkfifo(path, 0o644) == 0)
        },
        // Sparse, so it costs no disk; read whole it took 23 s and 5.8 GB before a row was checked.
        Damage(name: "a 1.9 GB file", cause: "designations.tsv: 1900.0 MB, over the 64.0 MB limit") { directory in
            let handle = try FileHandle(forWritingTo: directory.appendingPathComponent("designations.tsv"))
            try handle.truncate(atOffset: 1_900 << 20)
            try handle.close()
        },
        Damage(name: "Latin-1 bytes", cause: "soc.tsv:13: not valid UTF-8 text") { directory in
            try bytes("soc.tsv", in: directory) { data in
                // "Data" with its a as the Latin-1 byte of é (0xE9), not UTF-8.
                let range = data.range(of: Data("15-2051\tdetailed\tData".utf8))!
                data.replaceSubrange(range, with: Data("15-2051\tdetailed\tD".utf8) + [0xE9] + Data("ta".utf8))
            }
        },
        Damage(name: "byte-order mark", cause: #"soc.tsv:1: header is '\u{FEFF}code | level"#) { directory in
            try bytes("soc.tsv", in: directory) { data in data.insert(contentsOf: [0xEF, 0xBB, 0xBF], at: 0) }
        },
        Damage(name: "Windows line ends", cause: #"wages.tsv:1: header is 'code | "#) { directory in
            try bytes("wages.tsv", in: directory) { data in
                data = Data(String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\n", with: "\r\n").utf8)
            }
        },
        Damage(name: "empty file", cause: "soc.tsv: empty file") { directory in
            try Data().write(to: directory.appendingPathComponent("soc.tsv"))
        },
        Damage(name: "wrong header", cause: "cip.tsv:1: header is 'cip | level | title | parent | stem'") { directory in
            try edit("cip.tsv", in: directory) { $0[0] = "cip\tlevel\ttitle\tparent\tstem" }
        },
        // Values each well formed, but not together: they would be shown as facts.
        Damage(name: "a median above its own 90th percentile",
               cause: "wages.tsv:2: annual_median 999999 is above annual_p75 188700: percentiles must rise") { directory in
            try edit("wages.tsv", in: directory) { $0[1] = $0[1].replacingOccurrences(of: "140300", with: "999999") }
        },
        Damage(name: "negative employment", cause: "projections.tsv:3: employment_2034: -12.5 is negative") { directory in
            try edit("projections.tsv", in: directory) {
                var fields = $0[2].components(separatedBy: "\t")
                fields[3] = "-12.5"
                $0[2] = fields.joined(separator: "\t")
            }
        },
        Damage(name: "education shares far from 100%", cause: "education-distribution.tsv:12: percent: the shares of 15-1221.00 sum to 71.58%") { directory in
            try edit("education-distribution.tsv", in: directory) { $0.remove(at: 3) }
        },
        Damage(name: "bad number", cause: "wages.tsv:2: annual_median: '140,300' is not a whole number") { directory in
            try edit("wages.tsv", in: directory) { $0[1] = $0[1].replacingOccurrences(of: "140300", with: "140,300") }
        },
    ]

    /// The commands every damage must stop (every query reads the whole graph), with the files they would write.
    static func commands(graph: URL, out: URL) -> [(arguments: [String], writes: URL?)] {
        let g = ["--graph", graph.path]
        return [
            (["show", "15-2051"] + g, nil),
            (["show", "15-2051", "--format", "json"] + g, nil),
            (["compare", "15-2051", "15-1252"] + g, nil),
            (["compare", "15-2051", "15-1252", "--out", out.appendingPathComponent("c.svg").path] + g,
             out.appendingPathComponent("c.svg")),
            (["render", "15-2051", "--out", out.appendingPathComponent("r.svg").path] + g,
             out.appendingPathComponent("r.svg")),
            (["memo", "15-2051", "15-1252", "--out", out.appendingPathComponent("m.html").path] + g,
             out.appendingPathComponent("m.html")),
            (["search", "data scientist"] + g, nil), (["related", "15-2051"] + g, nil),
            (["path", "15-2051", "15-1252"] + g, nil), (["find", "zone>=4"] + g, nil),
        ]
    }

    @Test("each damage: exit 3, one line naming the cause, no output file; check lists it first", arguments: damages)
    func damagedGraph(_ damage: Damage) throws {
        let graph = try CLI.fixtureCopy()
        defer { try? FileManager.default.removeItem(at: graph) }
        try damage.apply(graph)
        try withScratchDirectory { out in
            for (arguments, writes) in Self.commands(graph: graph, out: out) {
                let result = try HardenedCLI.run(arguments)
                result.expectClean(statuses: [3], containing: ["damaged graph data"])
                // The cause, right after the count: "damaged graph data: X" or "damaged graph data (N problems): X".
                #expect(result.stderr.contains("): " + damage.cause) || result.stderr.contains("data: " + damage.cause),
                        "\(result.label): \(result.stderr)")
                if let writes { #expect(!FileManager.default.fileExists(atPath: writes.path), "\(result.label)") }
            }
            #expect(try contents(of: out) == [])
        }

        let check = try HardenedCLI.run(["check", "--graph", graph.path])
        #expect(!check.signalled)
        #expect(check.status == 3)
        #expect(check.stderrLines.count == 1 && check.stderr.hasPrefix("socgraph: error: "), "\(check.stderr)")
        let listed = check.stdout.split(separator: "\n")
        #expect(listed.first?.hasPrefix(damage.cause) == true, "\(listed.prefix(3))")
        #expect(listed.allSatisfy { String($0).isOneSafeLine })
        #expect(check.stderr.contains("\(listed.count) problem"), "\(check.stderr)")
    }

    @Test("a damage in any file stops every query, even one that shows none of that file's facts")
    func damageAnywhereStopsEveryQuery() throws {
        let graph = try CLI.fixtureCopy()
        defer { try? FileManager.default.removeItem(at: graph) }
        try Self.edit("titles.tsv", in: graph) { $0[3] += "\textra" }
        let g = ["--graph", graph.path]
        for command in [["show", "15-2051"], ["search", "data scientist"], ["path", "15-2051", "15-1252"]] {
            try HardenedCLI.run(command + g).expectClean(statuses: [3], containing: ["titles.tsv:4: 4 columns, expected 3"])
        }
    }

    @Test("a graph directory that is missing, a file, or unreadable as a whole exits 3 with one line")
    func unusableGraphDirectory() throws {
        try withScratchDirectory { directory in
            let file = directory.appendingPathComponent("graph-file")
            try Data("not a directory".utf8).write(to: file)
            let empty = directory.appendingPathComponent("empty")
            try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: false)
            for graph in [directory.appendingPathComponent("absent").path, file.path, empty.path, ""] {
                for command in [["show", "15-2051"], ["search", "data"], ["compare", "15-2051", "15-1252"]] {
                    try HardenedCLI.run(command + ["--graph", graph]).expectClean(statuses: [3])
                }
                let check = try HardenedCLI.run(["check", "--graph", graph])
                #expect(check.status == 3 && !check.signalled && check.stderrLines.count == 1, "\(graph): \(check.stderr)")
            }
        }
    }
}
