import Foundation
import Testing

/// A copy of the shipped Graph/ (without its cache and text layer) in a scratch folder, for tests that change it.
enum GraphCopy {
    static func make(in directory: URL) throws -> URL {
        let shipped = CLI.packageRoot.appendingPathComponent("Graph")
        let copy = directory.appendingPathComponent("Graph")
        try FileManager.default.createDirectory(at: copy, withIntermediateDirectories: false)
        for name in try FileManager.default.contentsOfDirectory(atPath: shipped.path) where ![".cache", "text"].contains(name) {
            try FileManager.default.copyItem(at: shipped.appendingPathComponent(name), to: copy.appendingPathComponent(name))
        }
        return copy
    }

    /// Whether the official files are there (always expected under CI, where their absence fails the test).
    static var sourcesPresent: Bool {
        if FileManager.default.fileExists(atPath: ImportCommandTests.sources.path) { return true }
        if ProcessInfo.processInfo.environment["CI"] != nil {
            Issue.record("no official source files at \(ImportCommandTests.sources.path): set SOCGRAPH_SOURCES")
        }
        return false
    }
}

/// A copy of the shipped graph with its text layer built once (`socgraph text --from` the official files), shared
/// by the tests that read definitions and tasks. Nil when the official files are absent.
enum TextGraph {
    static let directory: URL? = {
        guard FileManager.default.fileExists(atPath: ImportCommandTests.sources.path) else { return nil }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("socgraph-text-\(UUID().uuidString)")
        guard (try? FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)) != nil,
              let graph = try? GraphCopy.make(in: scratch),
              let result = try? HardenedCLI.run(["text", "--from", ImportCommandTests.sources.path, "--graph", graph.path,
                                                 "--quiet"]),
              result.status == 0
        else { return nil }
        return graph
    }()

    /// The directory, or a recorded failure when the official files are there but the text layer was not built.
    static func require() -> URL? {
        guard GraphCopy.sourcesPresent else { return nil }
        guard let directory else {
            Issue.record("socgraph text --from the official files failed")
            return nil
        }
        return directory
    }
}

@Suite("socgraph text")
struct TextCommandTests {
    static let textFiles = ["definitions.tsv", "tasks.tsv", "task-dwas.tsv", "dwas.tsv"]

    /// No text/ and no staging folder left in `graph`.
    static func expectNothingWritten(_ graph: URL) throws {
        #expect(!FileManager.default.fileExists(atPath: graph.appendingPathComponent("text").path))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: graph.path).filter { $0.hasPrefix(".text-") }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }

    @Test("downloads the four files from a server, checks them and builds text/; show then prints the words")
    func mirror() throws {
        guard GraphCopy.sourcesPresent else { return }
        let server = try LocalHTTPServer(root: ImportCommandTests.sources)
        defer { server.stop() }
        try withScratchDirectory { directory in
            let graph = try GraphCopy.make(in: directory)
            let result = try CLI.run(["text", "--mirror", server.base, "--graph", graph.path])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(server.requested.sorted() == [
                "/bls-soc-2018/soc_2018_definitions.xlsx", "/onet-30.2/DWA Reference.xlsx",
                "/onet-30.2/Task Statements.xlsx", "/onet-30.2/Tasks to DWAs.xlsx",
            ])
            #expect(result.stdout.contains("sha256 as pinned"))
            #expect(result.stdout.contains("CC BY 4.0"))
            for file in Self.textFiles {
                #expect(FileManager.default.fileExists(atPath: graph.appendingPathComponent("text/\(file)").path), "\(file)")
            }
            let tasks = try String(contentsOf: graph.appendingPathComponent("text/tasks.tsv"), encoding: .utf8)
            #expect(tasks.split(separator: "\n").count == 18_797)

            let show = try CLI.run(["show", "15-2051", "--graph", graph.path], environment: ["SOCGRAPH_NO_CACHE": "1"])
            #expect(show.status == 0, "\(show.stderr)")
            #expect(show.stdout.contains("Definition (SOC 2018, 15-2051)"))
            // The definition as text/definitions.tsv holds it (no SOC prose is written into the tests).
            let definitions = try String(contentsOf: graph.appendingPathComponent("text/definitions.tsv"), encoding: .utf8)
            let definition = try #require(definitions.split(separator: "\n").first { $0.hasPrefix("15-2051\t") })
                .split(separator: "\t")[1]
            let firstWords = definition.split(separator: " ").prefix(6).joined(separator: " ")
            #expect(show.stdout.contains(firstWords))
            #expect(show.stdout.contains("Tasks (O*NET; "))
            // The occupation's own tasks come before its specialties' (15-2051.01 Business Intelligence Analysts).
            let taskSection = String(try #require(show.stdout.range(of: "Tasks (O*NET").map { show.stdout[$0.lowerBound...] }))
            let own = try #require(taskSection.range(of: "15-2051.00"))
            let specialty = taskSection.range(of: "15-2051.01")
            #expect(specialty == nil || own.lowerBound < specialty!.lowerBound)
            #expect(!show.stdout.contains("socgraph text"))

            let json = try CLI.run(["show", "15-2051", "--graph", graph.path, "--format", "json"],
                                   environment: ["SOCGRAPH_NO_CACHE": "1"])
            let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
            let text = try #require(object["text"] as? [String: Any])
            let list = try #require(text["tasks"] as? [[String: Any]])
            #expect(list.count == 54)
            #expect(list.first?["onetCode"] as? String == "15-2051.00")
            #expect((text["definition"] as? String).map { $0 == String(definition) } == true)
        }
    }

    @Test("without the text layer, show says in one line how to get it")
    func withoutText() throws {
        try withScratchDirectory { directory in
            let graph = try GraphCopy.make(in: directory)
            let show = try CLI.run(["show", "15-2051", "--graph", graph.path], environment: ["SOCGRAPH_NO_CACHE": "1"])
            #expect(show.status == 0)
            #expect(show.stdout.components(separatedBy: "\n").filter { $0.contains("socgraph text") }.count == 1)
            #expect(!show.stdout.contains("Definition (SOC 2018"))
            let json = try CLI.run(["show", "15-2051", "--graph", graph.path, "--format", "json"],
                                   environment: ["SOCGRAPH_NO_CACHE": "1"])
            #expect(json.stdout.contains("\"text\" : null"))
        }
    }

    @Test("a file whose sha256 is not the manifest's is refused, and nothing is written")
    func wrongHash() throws {
        guard GraphCopy.sourcesPresent else { return }
        let server = try LocalHTTPServer(root: ImportCommandTests.sources, mode: .corrupted)
        defer { server.stop() }
        try withScratchDirectory { directory in
            let graph = try GraphCopy.make(in: directory)
            let result = try CLI.run(["text", "--mirror", server.base, "--graph", graph.path])
            #expect(result.status == 3)
            #expect(result.stdout.isEmpty)
            #expect(result.stderr.hasPrefix("socgraph: error: "))
            #expect(result.stderr.contains("is not the"))
            #expect(result.stderr.contains("that the manifest pins"))
            #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
            try Self.expectNothingWritten(graph)
        }
    }

    @Test("a download that breaks off is an error (exit 5), and nothing is written")
    func truncated() throws {
        guard GraphCopy.sourcesPresent else { return }
        let server = try LocalHTTPServer(root: ImportCommandTests.sources, mode: .truncated)
        defer { server.stop() }
        try withScratchDirectory { directory in
            let graph = try GraphCopy.make(in: directory)
            let result = try CLI.run(["text", "--mirror", server.base, "--graph", graph.path])
            #expect(result.status == 5, "\(result.stderr)")
            #expect(result.stderr.hasPrefix("socgraph: error: "))
            #expect(result.stderr.contains("broke off"), "\(result.stderr)")
            #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
            try Self.expectNothingWritten(graph)
        }
    }

    @Test("no network: a refused connection and a host that does not resolve are errors (exit 5)")
    func noNetwork() throws {
        let port = try LocalHTTPServer.closedPort()
        try withScratchDirectory { directory in
            let graph = try GraphCopy.make(in: directory)
            for base in ["http://127.0.0.1:\(port)/", "http://socgraph-mirror.invalid/"] {
                let result = try CLI.run(["text", "--mirror", base, "--graph", graph.path])
                #expect(result.status == 5, "\(base): \(result.stderr)")
                #expect(result.stderr.hasPrefix("socgraph: error: cannot download "), "\(result.stderr)")
                #expect(result.stderr.contains("socgraph text --from DIR"))
                #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
                try Self.expectNothingWritten(graph)
            }
        }
    }

    @Test("a failed run leaves an existing text/ as it was")
    func keepsOldText() throws {
        guard GraphCopy.sourcesPresent else { return }
        let server = try LocalHTTPServer(root: ImportCommandTests.sources, mode: .corrupted)
        defer { server.stop() }
        try withScratchDirectory { directory in
            let graph = try GraphCopy.make(in: directory)
            let first = try CLI.run(["text", "--from", ImportCommandTests.sources.path, "--graph", graph.path, "--quiet"])
            #expect(first.status == 0, "\(first.stderr)")
            #expect(first.stdout.isEmpty)
            let before = try Self.textFiles.map { try Data(contentsOf: graph.appendingPathComponent("text/\($0)")) }
            let result = try CLI.run(["text", "--mirror", server.base, "--graph", graph.path])
            #expect(result.status == 3)
            let after = try Self.textFiles.map { try Data(contentsOf: graph.appendingPathComponent("text/\($0)")) }
            #expect(before == after)
        }
    }

    @Test("--from a folder of downloaded files, by manifest path or by file name; a missing one is named")
    func fromFolder() throws {
        guard GraphCopy.sourcesPresent else { return }
        try withScratchDirectory { directory in
            let graph = try GraphCopy.make(in: directory)
            let downloads = directory.appendingPathComponent("downloads")
            try FileManager.default.createDirectory(at: downloads, withIntermediateDirectories: false)
            for path in ["bls-soc-2018/soc_2018_definitions.xlsx", "onet-30.2/Task Statements.xlsx",
                         "onet-30.2/Tasks to DWAs.xlsx"] {
                try FileManager.default.copyItem(
                    at: ImportCommandTests.sources.appendingPathComponent(path),
                    to: downloads.appendingPathComponent((path as NSString).lastPathComponent))
            }
            let missing = try CLI.run(["text", "--from", downloads.path, "--graph", graph.path])
            #expect(missing.status == 3)
            #expect(missing.stderr.contains("DWA Reference.xlsx"), "\(missing.stderr)")
            #expect(missing.stderr.contains("https://www.onetcenter.org/dl_files/database/db_30_2_excel/DWA%20Reference.xlsx"))
            try Self.expectNothingWritten(graph)
            try FileManager.default.copyItem(
                at: ImportCommandTests.sources.appendingPathComponent("onet-30.2/DWA Reference.xlsx"),
                to: downloads.appendingPathComponent("DWA Reference.xlsx"))
            let result = try CLI.run(["text", "--from", downloads.path, "--graph", graph.path])
            #expect(result.status == 0, "\(result.stderr)")
        }
    }

    @Test("bad options: --from and --mirror together, a mirror that is not a web address, a missing folder")
    func badOptions() throws {
        for arguments in [["--from", "/tmp", "--mirror", "http://127.0.0.1/"], ["--mirror", "ftp://example.org/"],
                          ["--from", "/nonexistent/downloads"]] {
            let result = try CLI.run(["text"] + arguments)
            #expect(result.status == 2, "\(arguments): \(result.stderr)")
            #expect(result.stderr.split(separator: "\n").first?.hasPrefix("socgraph: error: ") == true, "\(result.stderr)")
        }
    }
}
