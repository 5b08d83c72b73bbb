import Foundation
import Testing

/// `socgraph import` end to end.
@Suite("socgraph import")
struct ImportCommandTests {
    /// The official source files: `$SOCGRAPH_SOURCES` (relative to the package root), else `../shared/data`.
    static var sources: URL {
        let path = ProcessInfo.processInfo.environment["SOCGRAPH_SOURCES"].flatMap { $0.isEmpty ? nil : $0 }
        return URL(fileURLWithPath: path ?? "../shared/data", relativeTo: CLI.packageRoot).standardizedFileURL
    }

    @Test("import rewrites the shipped Graph/ byte for byte")
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
}
