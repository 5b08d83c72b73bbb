import Foundation
import SOCGraph
import Testing
@testable import socgraph

/// `socgraph export`, run in-process: the files of each format, their counts against `check`'s, the same bytes
/// for the same graph, hostile titles, bad arguments, and the GraphML and JSON read back by networkx.
@Suite("socgraph export")
struct ExportCommandTests {
    static let shipped = ShippedGraphTests.directory

    /// Runs `export` in-process into `directory` and expects success.
    @discardableResult
    static func export(_ format: String, graph: URL, to directory: URL,
                       sourceLocation: SourceLocation = #_sourceLocation) -> [Substring] {
        let run = FuzzTests.call(["export", "--format", format, "--out", directory.path, "--graph", graph.path])
        #expect(run.status == 0, "\(run.stderr)", sourceLocation: sourceLocation)
        #expect(run.stderr == "", sourceLocation: sourceLocation)
        return run.stdout.split(separator: "\n")
    }

    /// Exports the shipped graph in each of `formats` into one new directory and calls `body` with it and the
    /// figures of `check`; does nothing without the shipped graph (a failure on CI).
    func withShippedExport(_ formats: [String],
                           _ body: (URL, (summary: String, nodes: [String: Int], edges: [String: Int])) throws -> Void)
        throws
    {
        guard ShippedGraphTests().requireGraph() else { return }
        let figures = try Self.checkFigures(Self.shipped)
        try withScratchDirectory { scratch in
            let out = scratch.appendingPathComponent("new/export")
            for format in formats {
                #expect(Self.export(format, graph: Self.shipped, to: out).last.map(String.init) == figures.summary)
            }
            try body(out, figures)
        }
    }

    /// The counts `check` prints for `graph`, by kind: `ok: N nodes (23 major, …), M edges (4210 parent, …)`.
    static func checkFigures(_ graph: URL) throws -> (summary: String, nodes: [String: Int], edges: [String: Int]) {
        let run = FuzzTests.call(["check", "--graph", graph.path])
        #expect(run.status == 0, "\(run.stdout.prefix(1_000))")
        let summary = String(try #require(run.stdout.split(separator: "\n").first?.dropFirst("ok: ".count)))
        let groups = summary.split(separator: "(").dropFirst().map { $0.prefix { $0 != ")" } }
        try #require(groups.count == 2, "\(summary)")
        func counts(_ group: Substring) -> [String: Int] {
            Dictionary(uniqueKeysWithValues: group.components(separatedBy: ", ").compactMap { item in
                let parts = item.split(separator: " ")
                return parts.count == 2 ? Int(parts[0]).map { (String(parts[1]), $0) } : nil
            })
        }
        return (summary, counts(groups[0]), counts(groups[1]))
    }

    @Test("graphml: one well-formed document, every node and edge with its kind, provenance, check's counts")
    func graphMLOfShippedGraph() throws {
        try withShippedExport(["graphml"]) { out, figures in
            #expect(try contents(of: out) == ["socgraph.graphml"])
            let data = try Data(contentsOf: out.appendingPathComponent("socgraph.graphml"))
            let text = String(decoding: data, as: UTF8.self)
            // Foundation's XMLParser on Linux refuses a document over 10 MB whatever it holds (libxml2's limit without
            // XML_PARSE_HUGE), so the nodes and edges are parsed a few thousand at a time (one a line); networkx's
            // expat reads the whole document below.
            let lines = text.split(separator: "\n")
            #expect(lines.first == "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" && lines.last == "</graphml>")
            for start in stride(from: 0, to: lines.count, by: 5_000) {
                let chunk = lines[start..<min(start + 5_000, lines.count)].filter { $0.hasPrefix("    <") }
                let document = "<chunk>" + chunk.joined(separator: "\n") + "</chunk>"
                #expect(HostileLabelTests.xmlText(Data(document.utf8)) != nil, "lines \(start)… are not well-formed")
            }
            func kinds(_ prefix: String) -> [String: Int] {
                var counts: [String: Int] = [:]
                for part in text.components(separatedBy: "<data key=\"\(prefix)_kind\">").dropFirst() {
                    counts[String(part.prefix { $0 != "<" }), default: 0] += 1
                }
                return counts
            }
            #expect(kinds("n") == figures.nodes)
            #expect(kinds("e") == figures.edges)
            #expect(text.components(separatedBy: "<node id=").count - 1 == figures.nodes.values.reduce(0, +))
            #expect(text.components(separatedBy: "<edge id=").count - 1 == figures.edges.values.reduce(0, +))
            #expect(text.contains("<key id=\"e_grade\" for=\"edge\" attr.name=\"grade\" attr.type=\"string\"/>"))
            #expect(text.contains("<key id=\"e_strength\" for=\"edge\" attr.name=\"strength\" attr.type=\"double\"/>"))
            #expect(text.contains("<key id=\"n_employment\" for=\"node\" attr.name=\"employment\" attr.type=\"int\"/>"))
            // Where the data came from, and the credits.
            #expect(text.contains("Used under the CC BY 4.0 license"))
            #expect(text.contains(DataSource.escoCredit))
            #expect(text.contains("&quot;sha256&quot;:&quot;"))
            #expect(!text.contains("Graph/text"))
        }
    }

    @Test("neo4j: Neo4j's header format, one file per kind with check's counts, the import command in README.md")
    func neo4jOfShippedGraph() throws {
        try withShippedExport(["neo4j"]) { out, figures in
            let names = try contents(of: out)
            #expect(names.count == NodeKind.allCases.count + EdgeKind.allCases.count + 1)
            func rows(_ name: String) throws -> [[String]] {
                try Self.csvRows(String(contentsOf: out.appendingPathComponent(name), encoding: .utf8))
            }
            for kind in NodeKind.allCases {
                let table = try rows("nodes-\(kind.rawValue).csv")
                #expect(Array(table[0].prefix(4)) == ["id:ID(socgraph)", ":LABEL", "kind:string", "title:string"])
                #expect(table.count - 1 == figures.nodes[kind.rawValue] ?? 0, "\(kind)")
                #expect(table.allSatisfy { $0.count == table[0].count }, "\(kind)")
            }
            for kind in EdgeKind.allCases {
                let table = try rows("relationships-\(kind.rawValue).csv")
                #expect(Array(table[0].prefix(3)) == [":START_ID(socgraph)", ":END_ID(socgraph)", ":TYPE"])
                #expect(table.count - 1 == figures.edges[kind.rawValue] ?? 0, "\(kind)")
                #expect(table.allSatisfy { $0.count == table[0].count }, "\(kind)")
            }
            let aligns = try rows("relationships-aligns-with.csv")
            #expect(aligns[0].contains("strength:double") && aligns[0].contains("evidence:string"))
            #expect(aligns.dropFirst().allSatisfy { $0[2] == "ALIGNS_WITH" })
            let detailed = try rows("nodes-detailed.csv")
            #expect(detailed[0].contains("employment:int") && detailed[0].contains("education_percents:double[]"))
            #expect(detailed.contains { $0[0] == "15-2051" && $0[1] == "DetailedOccupation" && $0[3] == "Data Scientists" })
            let readme = try String(contentsOf: out.appendingPathComponent("README.md"), encoding: .utf8)
            #expect(readme.contains("neo4j-admin database import full"))
            #expect(readme.contains("--nodes=nodes-detailed.csv"))
            #expect(readme.contains("--relationships=relationships-aligns-with.csv"))
            #expect(readme.contains("Used under the CC BY 4.0 license"))
            #expect(readme.contains(DataSource.escoCredit))
        }
    }

    @Test("the same graph gives the same bytes, in every format")
    func deterministic() throws {
        try withScratchDirectory { scratch in
            for format in ["graphml", "json", "neo4j"] {
                let first = scratch.appendingPathComponent("\(format)-1"), second = scratch.appendingPathComponent("\(format)-2")
                Self.export(format, graph: CLI.fixture, to: first)
                Self.export(format, graph: CLI.fixture, to: second)
                let names = try contents(of: first)
                #expect(try contents(of: second) == names)
                for name in names {
                    #expect(try Data(contentsOf: first.appendingPathComponent(name))
                            == Data(contentsOf: second.appendingPathComponent(name)), "\(format) \(name)")
                }
            }
        }
    }

    @Test("hostile titles: GraphML well-formed with the titles as text, JSON and CSV keep them exactly")
    func hostileTitles() throws {
        let graph = try HostileLabelTests.hostileGraph()
        defer { try? FileManager.default.removeItem(at: graph) }
        try withScratchDirectory { out in
            Self.export("graphml", graph: graph, to: out)
            Self.export("json", graph: graph, to: out)
            Self.export("neo4j", graph: graph, to: out)
            let graphml = try Data(contentsOf: out.appendingPathComponent("socgraph.graphml"))
            let text = try #require(HostileLabelTests.xmlText(graphml), "GraphML is not well-formed")
            HostileLabelTests.expectNoLiveMarkup(String(decoding: graphml, as: UTF8.self), "graphml")
            #expect(text.contains("Data \"Scientists\" \\ back\\slash <script>alert('x')</script> & Co’s"))
            #expect(text.contains("مطورو البرمجيات"))

            let json = try Data(contentsOf: out.appendingPathComponent("socgraph.json"))
            let document = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
            let nodes = try #require(document["nodes"] as? [[String: Any]])
            let titles = Dictionary(uniqueKeysWithValues: nodes.map { ($0["id"] as? String ?? "", $0["title"] as? String) })
            for (code, title) in HostileLabelTests.hostile { #expect(titles[code] == title, "\(code)") }

            let csv = try String(contentsOf: out.appendingPathComponent("nodes-detailed.csv"), encoding: .utf8)
            #expect(csv.contains("\"Data \"\"Scientists\"\" \\ back\\slash"), "quotes are doubled")
            let rows = try Self.csvRows(csv) + Self.csvRows(String(contentsOf: out.appendingPathComponent("nodes-broad.csv"),
                                                                   encoding: .utf8))
            for (code, title) in HostileLabelTests.hostile {
                guard let row = rows.first(where: { $0.first == code }) else { continue }
                #expect(row[3] == title, "\(code)")
            }
        }
    }

    @Test("bad arguments and failures: one line, exit 2, 3 or 4, nothing replaced")
    func badArguments() throws {
        try withScratchDirectory { scratch in
            let g = ["--graph", CLI.fixture.path]
            let out = scratch.appendingPathComponent("out").path
            func expectError(_ arguments: [String], _ status: Int32, _ parts: [String],
                             sourceLocation: SourceLocation = #_sourceLocation) {
                let run = FuzzTests.call(["export"] + arguments)
                #expect(run.status == status, "\(run.stderr)", sourceLocation: sourceLocation)
                #expect(run.stdout == "", sourceLocation: sourceLocation)
                #expect(run.stderr.hasPrefix("socgraph: error: "), "\(run.stderr)", sourceLocation: sourceLocation)
                #expect(run.stderr.filter { $0 == "\n" }.count == 1, "\(run.stderr)", sourceLocation: sourceLocation)
                for part in parts {
                    #expect(run.stderr.contains(part), "\(run.stderr)", sourceLocation: sourceLocation)
                }
            }
            expectError(["--format", "xml", "--out", out] + g, 2, ["xml", "graphml"])
            expectError(["--out", out] + g, 2, ["--format"])
            expectError(["--format", "json"] + g, 2, ["--out"])
            expectError(["--format", "json", "--out", ""] + g, 2, ["--out is empty"])

            let file = scratch.appendingPathComponent("a-file")
            try Data("x".utf8).write(to: file)
            expectError(["--format", "json", "--out", file.path] + g, 4, ["not a directory", "--out"])
            expectError(["--format", "json", "--out", file.appendingPathComponent("below").path] + g, 4,
                        ["not a directory"])
            #expect(try Data(contentsOf: file) == Data("x".utf8))

            let damaged = try CLI.fixtureCopy()
            defer { try? FileManager.default.removeItem(at: damaged) }
            try FileManager.default.removeItem(at: damaged.appendingPathComponent("wages.tsv"))
            expectError(["--format", "graphml", "--out", out, "--graph", damaged.path], 3, ["wages.tsv"])
            #expect(!FileManager.default.fileExists(atPath: out), "nothing is created for a damaged graph")

            // A read-only file among the outputs: refused before any file is replaced.
            let neo4j = scratch.appendingPathComponent("neo4j")
            Self.export("neo4j", graph: CLI.fixture, to: neo4j)
            let readme = neo4j.appendingPathComponent("README.md"), nodes = neo4j.appendingPathComponent("nodes-detailed.csv")
            try Data("old".utf8).write(to: nodes)
            try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: readme.path)
            let before = try Data(contentsOf: readme)
            expectError(["--format", "neo4j", "--out", neo4j.path] + g, 4, ["read-only"])
            #expect(try Data(contentsOf: nodes) == Data("old".utf8))
            #expect(try Data(contentsOf: readme) == before)
            #expect(try contents(of: neo4j).allSatisfy { !$0.hasPrefix(".") }, "no temporary file is left")
        }
    }

    @Test("networkx reads the GraphML and the JSON with check's counts of nodes and edges by kind")
    func networkxReadsTheExport() throws {
        try withShippedExport(["graphml", "json"]) { out, figures in
            let script = """
                import collections, json, sys
                try:
                    import networkx as nx
                except ImportError:
                    sys.exit(3)
                def counts(g, edges):
                    return {"nodes": collections.Counter(k for _, k in g.nodes(data="kind")),
                            "edges": collections.Counter(k for k in edges),
                            "total": [g.number_of_nodes(), g.number_of_edges()]}
                g = nx.read_graphml(sys.argv[1])
                with open(sys.argv[2]) as f:
                    j = nx.node_link_graph(json.load(f), edges="edges")
                print(json.dumps({"graphml": counts(g, (k for *_, k in g.edges(data="kind"))),
                                  "json": counts(j, (k for *_, k in j.edges(keys=True))),
                                  "directed": [g.is_directed(), j.is_directed()]}))
                """
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", "-c", script, out.appendingPathComponent("socgraph.graphml").path,
                                 out.appendingPathComponent("socgraph.json").path]
            let pipe = Pipe(), errors = Pipe()
            process.standardOutput = pipe
            process.standardError = errors
            try process.run()
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            if process.terminationStatus == 127 || process.terminationStatus == 3 {
                // Skipped without python3 or networkx, except on CI, which installs networkx (.ci/run).
                if ProcessInfo.processInfo.environment["CI"] != nil {
                    Issue.record("python3 with networkx is needed on CI (python3 -m pip install networkx)")
                }
                return
            }
            #expect(process.terminationStatus == 0, "\(message)")
            let result = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            let total = [figures.nodes.values.reduce(0, +), figures.edges.values.reduce(0, +)]
            for format in ["graphml", "json"] {
                let counts = try #require(result[format] as? [String: Any])
                #expect(counts["nodes"] as? [String: Int] == figures.nodes, "\(format)")
                #expect(counts["edges"] as? [String: Int] == figures.edges, "\(format)")
                #expect(counts["total"] as? [Int] == total, "\(format)")
            }
            #expect(result["directed"] as? [Bool] == [true, true])
        }
    }

    /// The rows of CSV `text` as Neo4j reads it: fields separated by `,`, a quoted field's `""` is one `"`, and a
    /// quoted field may hold line breaks.
    static func csvRows(_ text: String) throws -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = ""
        var quoted = false, wasQuoted = false
        var scalars = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar?
        while let scalar = pending ?? scalars.next() {
            pending = nil
            if quoted {
                if scalar == "\"" {
                    let next = scalars.next()
                    if next == "\"" { field.unicodeScalars.append("\"") } else { quoted = false; pending = next }
                } else {
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"":
                try #require(field.isEmpty && !wasQuoted, "a quote inside an unquoted field")
                quoted = true
                wasQuoted = true
            case ",":
                row.append(field); field = ""; wasQuoted = false
            case "\n":
                row.append(field); rows.append(row); row = []; field = ""; wasQuoted = false
            default:
                try #require(!wasQuoted, "text after a closing quote")
                field.unicodeScalars.append(scalar)
            }
        }
        try #require(!quoted && row.isEmpty && field.isEmpty, "the text does not end with a complete line")
        return rows
    }
}
