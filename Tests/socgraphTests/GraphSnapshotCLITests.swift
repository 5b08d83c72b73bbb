import Foundation
import Testing

/// Query commands through the graph snapshots (Graph/.cache/graph-*.bin): the same answers from the snapshot as
/// from the TSV files, a damaged snapshot replaced without a word, a damaged graph still reported, `check` never
/// reading a snapshot, and `SOCGRAPH_NO_CACHE` turning every cache off.
@Suite("socgraph graph snapshots")
struct GraphSnapshotCLITests {
    static let commands: [[String]] = [
        ["show", "15-2051", "--format", "json"],
        ["compare", "15-2051", "15-1252", "15-1221", "--format", "json"],
        ["related", "15-2051", "--depth", "3", "--format", "json"],
        ["why", "15-2051", "artificial-intelligence", "--format", "json"],
    ]

    static func snapshots(_ directory: URL) throws -> [String] {
        let cache = directory.appendingPathComponent(".cache")
        guard FileManager.default.fileExists(atPath: cache.path) else { return [] }
        return try FileManager.default.contentsOfDirectory(atPath: cache.path).filter { $0.hasPrefix("graph-") }.sorted()
    }

    @Test(arguments: commands)
    func aSnapshotGivesTheSameAnswers(command: [String]) throws {
        let directory = try CLI.fixtureCopy()
        defer { try? FileManager.default.removeItem(at: directory) }
        let withoutCache = try CLI.run(command + ["--graph", directory.path], environment: ["SOCGRAPH_NO_CACHE": "1"])
        #expect(withoutCache.status == 0, "\(withoutCache.stderr)")
        #expect(try Self.snapshots(directory).isEmpty, "nothing written with the caches off")
        let first = try CLI.run(command + ["--graph", directory.path])
        let written = try Self.snapshots(directory)
        #expect(written.count == 1)
        let second = try CLI.run(command + ["--graph", directory.path])
        for result in [first, second] {
            #expect(result.status == 0)
            #expect(result.stderr == "")
            #expect(result.stdout == withoutCache.stdout)
        }
        #expect(try Self.snapshots(directory) == written)
    }

    @Test func aDamagedSnapshotIsReplacedWithoutAWord() throws {
        let directory = try CLI.fixtureCopy()
        defer { try? FileManager.default.removeItem(at: directory) }
        let command = Self.commands[0] + ["--graph", directory.path]
        let first = try CLI.run(command)
        let name = try #require(try Self.snapshots(directory).first)
        let snapshot = directory.appendingPathComponent(".cache/" + name)
        let bytes = try Data(contentsOf: snapshot)
        var flipped = bytes
        flipped[bytes.count / 3] ^= 0x20
        for damaged in [bytes.prefix(bytes.count / 2), flipped, Data(), Data("SOCGSNAP".utf8)] {
            try damaged.write(to: snapshot)
            let result = try CLI.run(command)
            #expect(result.status == 0)
            #expect(result.stderr == "")
            #expect(result.stdout == first.stdout)
            #expect(try Data(contentsOf: snapshot) == bytes, "rewritten as it was")
        }
    }

    @Test func aDamagedGraphExitsThreeEvenWithASnapshot() throws {
        let directory = try CLI.fixtureCopy()
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(try CLI.run(Self.commands[0] + ["--graph", directory.path]).status == 0)
        // Same size and modification time: only the change time tells the snapshot the file is not what it read.
        let wages = directory.appendingPathComponent("wages.tsv")
        let modified = try #require(try FileManager.default.attributesOfItem(atPath: wages.path)[.modificationDate])
        var bytes = try Data(contentsOf: wages)
        let tab = try #require(bytes.lastIndex(of: UInt8(ascii: "\t")))
        bytes[tab] = UInt8(ascii: " ")
        try bytes.write(to: wages)
        try FileManager.default.setAttributes([.modificationDate: modified], ofItemAtPath: wages.path)
        let result = try CLI.run(Self.commands[0] + ["--graph", directory.path])
        result.expectOneLineError(status: 3, containing: ["wages.tsv:"])
    }

    @Test func checkReadsTheFilesWithSnapshotsPresent() throws {
        let directory = try CLI.fixtureCopy()
        defer { try? FileManager.default.removeItem(at: directory) }
        // Snapshots of every section set the commands use are there when the graph is damaged; `check` reads the
        // files (the loader's tests show it would not take even a snapshot that matches them).
        for command in Self.commands { _ = try CLI.run(command + ["--graph", directory.path]) }
        #expect(try CLI.run(["check", "--graph", directory.path]).status == 0)
        let uses = directory.appendingPathComponent("uses.tsv")
        var text = try String(contentsOf: uses, encoding: .utf8)
        text += "15-2051\tno such technology\tno\tno\n"
        try Data(text.utf8).write(to: uses)
        let result = try CLI.run(["check", "--graph", directory.path])
        #expect(result.status == 3)
        #expect(result.stdout.contains("uses.tsv") || result.stderr.contains("uses.tsv"))
    }
}
