import Foundation
import Testing
@testable import SOCGraph

/// The snapshots `GraphStore.load(_:)` keeps: used when they match the files, rebuilt silently when stale or
/// damaged, kept elsewhere or nowhere when the graph directory is not writable, never trusted by `check`.
@Suite("Graph snapshot cache")
struct GraphSnapshotStoreTests {
    typealias Sandbox = CacheSandbox

    func expectSameAsFiles(_ graph: KnowledgeGraph, _ sandbox: Sandbox, _ sections: Set<GraphSection>,
                           sourceLocation: SourceLocation = #_sourceLocation) throws {
        let reference = try sandbox.graphStore.loadFromFiles(sections)
        #expect(GraphSnapshotTests.differences(graph, reference) == [], sourceLocation: sourceLocation)
    }

    @Test func theFirstLoadWritesASnapshotTheNextReadsIt() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        #expect(try sandbox.loadGraph().built)
        #expect(FileManager.default.fileExists(atPath: sandbox.snapshotFile(GraphSection.report).path))
        let second = try sandbox.loadGraph()
        #expect(!second.built)
        try expectSameAsFiles(second.graph, sandbox, GraphSection.report)
        // The public entry point goes through the same snapshot.
        try expectSameAsFiles(try sandbox.graphStore.load(GraphSection.report), sandbox, GraphSection.report)
        // Nothing was written to the user cache folder while the graph directory was writable.
        #expect(try sandbox.userCacheFiles().isEmpty)
    }

    @Test func eachSectionSetHasItsOwnSnapshot() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        #expect(try sandbox.loadGraph(GraphSection.report).built)
        #expect(try sandbox.loadGraph([.related]).built)
        #expect(try sandbox.loadGraph(GraphSection.all).built)
        #expect(try !sandbox.loadGraph(GraphSection.report).built)
        #expect(try !sandbox.loadGraph([.related, .hierarchy]).built, "the same closure")
        let all = try sandbox.loadGraph(GraphSection.all)
        #expect(!all.built)
        try expectSameAsFiles(all.graph, sandbox, GraphSection.all)
    }

    @Test func theFingerprintNamesExactlyTheFilesRead() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let report = try #require(sandbox.snapshots(GraphSection.report).fingerprint())
        for file in ["manifest.tsv", "soc.tsv", "wages.tsv", "alignments.tsv", "technologies.tsv"] {
            #expect(report.contains("\n\(file) "), "\(file)")
        }
        for file in ["titles.tsv", "uses.tsv", "curation/cip-fields.tsv"] { #expect(!report.contains("\n\(file) ")) }
        #expect(report.contains("format \(GraphSnapshot.formatVersion)"))
        #expect(report.contains("\nprogram "))
        let all = try #require(sandbox.snapshots(GraphSection.all).fingerprint())
        #expect(all.contains("\ncuration/occupation-fields.tsv "))
        try FileManager.default.removeItem(at: sandbox.graph.appendingPathComponent("curation/occupation-fields.tsv"))
        #expect(sandbox.snapshots(GraphSection.all).fingerprint()?.contains("occupation-fields.tsv absent") == true)
        // A missing required file gives no fingerprint: the load then reports it.
        try FileManager.default.removeItem(at: sandbox.graph.appendingPathComponent("wages.tsv"))
        #expect(sandbox.snapshots(GraphSection.report).fingerprint() == nil)
        #expect(sandbox.snapshots([.related]).fingerprint() != nil)
    }

    @Test func aChangedFileInvalidatesTheSnapshot() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let first = try sandbox.loadGraph()
        let code = try first.graph.expectNode("15-2051")
        let mean = try #require(first.graph.facts(of: code)?.wages?.annualMean)
        try Fixture.edit("wages.tsv", in: sandbox.graph) { lines in
            guard let row = lines.firstIndex(where: { $0.hasPrefix("15-2051\t") }) else { return }
            var fields = lines[row].split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            fields[3] = String(mean + 1)
            lines[row] = fields.joined(separator: "\t")
        }
        let reloaded = try sandbox.loadGraph()
        #expect(reloaded.built)
        #expect(reloaded.graph.facts(of: code)?.wages?.annualMean == mean + 1)
        let again = try sandbox.loadGraph()
        #expect(!again.built)
        #expect(again.graph.facts(of: code)?.wages?.annualMean == mean + 1)
    }

    @Test func aTouchedFileInvalidatesTheSnapshotButAFileNotReadDoesNot() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        _ = try sandbox.loadGraph()
        _ = try sandbox.loadGraph(GraphSection.all)
        // titles.tsv and the curation tables are not read for a report.
        for file in ["titles.tsv", "curation/cip-fields.tsv"] {
            try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -3600)],
                                                  ofItemAtPath: sandbox.graph.appendingPathComponent(file).path)
        }
        #expect(try !sandbox.loadGraph().built)
        #expect(try sandbox.loadGraph(GraphSection.all).built)
        // Same bytes, new modification time.
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -7200)],
                                              ofItemAtPath: sandbox.graph.appendingPathComponent("cip.tsv").path)
        #expect(try sandbox.loadGraph().built)
        #expect(try !sandbox.loadGraph().built)
    }

    @Test(arguments: ["truncated", "bit flipped", "other version", "garbage", "empty", "other fingerprint",
                      "directory"])
    func aDamagedSnapshotFallsBackToTheFilesAndIsRewritten(damage: String) throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        _ = try sandbox.loadGraph()
        let url = sandbox.snapshotFile(GraphSection.report)
        let good = try Data(contentsOf: url)
        var bytes = good
        switch damage {
        case "truncated": bytes = bytes.prefix(bytes.count / 2)
        case "bit flipped": bytes[bytes.count - 100] ^= 0x04
        case "other version": bytes[8] &+= 1
        case "garbage":
            var generator = SplitMix64(seed: 11)
            bytes = Data((0..<bytes.count).map { _ in UInt8.random(in: 0...255, using: &generator) })
        case "empty": bytes = Data()
        case "other fingerprint":
            // A snapshot of the other graph's files, sealed as sound: only its fingerprint gives it away.
            let other = try GraphStore(directory: Fixture.directory).loadFromFiles(GraphSection.report)
            bytes = Data(GraphSnapshot.encode(other, fingerprint: "graph elsewhere"))
        default: break
        }
        if damage == "directory" {
            try FileManager.default.removeItem(at: url)
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        } else {
            try bytes.write(to: url)
        }
        let reloaded = try sandbox.loadGraph()
        #expect(reloaded.built)
        try expectSameAsFiles(reloaded.graph, sandbox, GraphSection.report)
        if damage != "directory" {
            #expect(try Data(contentsOf: url) == good, "rewritten as it was")
            #expect(try !sandbox.loadGraph().built)
        }
    }

    @Test func aReadOnlyGraphKeepsItsSnapshotInTheUserCacheFolder() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.blockGraphCache()
        #expect(try sandbox.loadGraph().built)
        let written = try sandbox.userCacheFiles()
        #expect(written.count == 1)
        #expect(written.first?.hasPrefix("graph-") == true)
        let second = try sandbox.loadGraph()
        #expect(!second.built)
        try expectSameAsFiles(second.graph, sandbox, GraphSection.report)
    }

    @Test func withNothingWritableTheGraphStillLoads() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.blockGraphCache()
        let blocked = sandbox.home.appendingPathComponent("file")
        try Data("not a folder".utf8).write(to: blocked)
        let store = GraphStore(directory: sandbox.graph, environment: ["HOME": blocked.path])
        for _ in 0..<2 {
            var built = false
            let graph = try GraphSnapshotStore(folders: store.folders, sections: GraphSection.report).load {
                built = true
                return try store.loadFromFiles(GraphSection.report)
            }
            #expect(built)
            try expectSameAsFiles(graph, sandbox, GraphSection.report)
            try expectSameAsFiles(try store.load(GraphSection.report), sandbox, GraphSection.report)
        }
    }

    @Test func theCachesCanBeTurnedOff() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let environment = ["HOME": sandbox.home.path, CacheFolders.disablingVariable: "1"]
        let store = GraphStore(directory: sandbox.graph, environment: environment)
        #expect(store.folders.isDisabled)
        #expect(GraphSnapshotStore(folders: store.folders, sections: GraphSection.report).locations.isEmpty)
        #expect(SearchIndexStore(directory: sandbox.graph, environment: environment).locations.isEmpty)
        try expectSameAsFiles(try store.load(GraphSection.report), sandbox, GraphSection.report)
        _ = try SearchIndexStore(directory: sandbox.graph, environment: environment).load()
        #expect(!FileManager.default.fileExists(atPath: sandbox.graph.appendingPathComponent(".cache").path))
        #expect(try sandbox.userCacheFiles().isEmpty)
        // An empty value leaves them on.
        #expect(!GraphStore(directory: sandbox.graph, environment: [CacheFolders.disablingVariable: ""])
            .folders.isDisabled)
    }

    @Test func aDamagedGraphIsReportedEvenWithASnapshot() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        _ = try sandbox.loadGraph()
        try Fixture.edit("related.tsv", in: sandbox.graph) { lines in
            lines[2] = lines[2].replacingOccurrences(of: "\t15-2051\t", with: "\t15-2059\t")
        }
        let error = try #require(throws: SOCGraphError.self) { try sandbox.graphStore.load(GraphSection.report) }
        #expect(error.exitStatus == 3)
        #expect("\(error)".contains("related.tsv:3"))
    }

    @Test func checkNeverTrustsASnapshot() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let sound = try sandbox.graphStore.load(GraphSection.all)
        try Fixture.edit("uses.tsv", in: sandbox.graph) { lines in lines[1] = "15-2051\tno such technology\tno\tno" }
        // A snapshot of the sound graph, sealed with the damaged files' fingerprint: `load` takes it...
        let snapshots = sandbox.snapshots(GraphSection.all)
        let fingerprint = try #require(snapshots.fingerprint())
        #expect(snapshots.save(sound, fingerprint: fingerprint) != nil)
        #expect(GraphSnapshotTests.differences(try sandbox.graphStore.load(GraphSection.all), sound) == [])
        // ...`check` reads the files.
        let diagnostics = GraphValidator.check(directory: sandbox.graph).diagnostics
        #expect(diagnostics.first?.file == "uses.tsv")
    }
}

extension CacheSandbox {
    func snapshots(_ sections: Set<GraphSection>) -> GraphSnapshotStore {
        GraphSnapshotStore(folders: graphStore.folders, sections: sections)
    }

    /// `.cache/graph-MASK.bin` in the graph directory.
    func snapshotFile(_ sections: Set<GraphSection>) -> URL {
        graph.appendingPathComponent(".cache/graph-"
            + String(GraphSnapshot.mask(of: GraphSection.closure(of: sections)), radix: 16) + ".bin")
    }

    /// Loads through the snapshot store as `GraphStore.load(_:)` does; `built` says whether the TSV files were read.
    func loadGraph(_ sections: Set<GraphSection> = GraphSection.report) throws -> (graph: KnowledgeGraph, built: Bool) {
        var built = false
        let graph = try snapshots(sections).load {
            built = true
            return try graphStore.loadFromFiles(sections)
        }
        return (graph, built)
    }
}
