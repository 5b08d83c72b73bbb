import Foundation
import Testing

/// `socgraph import`, which runs the separate `socgraph-import` program installed beside `socgraph`.
@Suite("socgraph import")
struct ImportCommandTests {
    /// The official source files: `$SOCGRAPH_SOURCES` (relative to the package root), else `../shared/data`.
    static var sources: URL {
        let path = ProcessInfo.processInfo.environment["SOCGRAPH_SOURCES"].flatMap { $0.isEmpty ? nil : $0 }
        return URL(fileURLWithPath: path ?? "../shared/data", relativeTo: CLI.packageRoot).standardizedFileURL
    }

    @Test("import through socgraph-import rewrites the shipped Graph/ byte for byte")
    func importReproducesTheShippedGraph() throws {
        guard FileManager.default.fileExists(atPath: Self.sources.path) else {
            if ProcessInfo.processInfo.environment["CI"] != nil {
                Issue.record("no official source files at \(Self.sources.path): set SOCGRAPH_SOURCES")
            }
            return
        }
        try withScratchDirectory { directory in
            let shipped = CLI.packageRoot.appendingPathComponent("Graph")
            let out = directory.appendingPathComponent("Graph")
            try FileManager.default.createDirectory(at: out, withIntermediateDirectories: false)
            try FileManager.default.copyItem(at: shipped.appendingPathComponent("curation"),
                                             to: out.appendingPathComponent("curation"))
            let result = try HardenedCLI.run(["import", "--from", Self.sources.path, "--out", "Graph"],
                                             directory: directory)
            #expect(result.status == 0 && !result.signalled, "\(result.stderr)")
            #expect(result.stderr.isEmpty, "\(result.stderr)")
            #expect(result.stdout.contains("Graph/soc.tsv\t"), "\(result.stdout.prefix(500))")
            #expect(result.stdout.hasSuffix(" s\n") && result.stdout.contains("\nimported in "))
            let files = try contents(of: shipped).filter { $0.hasSuffix(".tsv") }
            #expect(files.count > 10)
            for file in files {
                let written = try Data(contentsOf: out.appendingPathComponent(file))
                #expect(written == (try Data(contentsOf: shipped.appendingPathComponent(file))), "\(file)")
            }
            let quiet = try HardenedCLI.run(["import", "--from", Self.sources.path, "--out", "Graph", "--quiet"],
                                            directory: directory)
            #expect(quiet.status == 0 && quiet.stdout.isEmpty && quiet.stderr.isEmpty, "\(quiet.stderr)")
        }
    }

    @Test("a missing source folder: exit 2, one line from the importer")
    func missingSources() throws {
        try withScratchDirectory { directory in
            try HardenedCLI.run(["import", "--from", "no-such-sources"], directory: directory)
                .expectClean(statuses: [2], containing: ["no folder", "no-such-sources"])
            #expect(try contents(of: directory) == [])
        }
    }

    @Test("without socgraph-import beside it: exit 2, one line naming the path and the fix")
    func missingImporter() throws {
        try withScratchDirectory { directory in
            let lone = directory.appendingPathComponent("socgraph")
            do {
                try FileManager.default.linkItem(at: CLI.executable, to: lone)
            } catch {
                try FileManager.default.copyItem(at: CLI.executable, to: lone)
            }
            let (status, stderr) = try Self.run(lone, ["import", "--from", "anywhere"])
            #expect(status == 2)
            // The path of the program looked for, beside the running executable (symbolic links resolved).
            let expected = "/\(directory.lastPathComponent)/socgraph-import is missing"
            #expect(stderr.hasPrefix("socgraph: error: the importer /") && stderr.contains(expected), "\(stderr)")
            #expect(stderr.contains("make release") && stderr.split(separator: "\n").count == 1, "\(stderr)")
        }
    }

    @Test("socgraph-import run by hand points to socgraph import")
    func importerAlone() throws {
        let importer = CLI.executable.deletingLastPathComponent().appendingPathComponent("socgraph-import")
        let (status, stderr) = try Self.run(importer, ["--bogus"])
        #expect(status == 2)
        #expect(stderr.hasPrefix("socgraph: error: ") && stderr.contains("socgraph import --from DIR"), "\(stderr)")
    }

    /// Runs the program at `url` (not the built `socgraph`), returning its exit status and stderr.
    static func run(_ url: URL, _ arguments: [String]) throws -> (status: Int32, stderr: String) {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, stderr)
    }
}
