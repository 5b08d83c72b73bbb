import Foundation
import Testing

/// Query commands through the graph cache (Graph/.cache/graph.cache): the same answers with it as without it, one
/// file and nothing else written, a damaged cache replaced without a word, a damaged graph still reported, `check`
/// never reading the cache, and `SOCGRAPH_NO_CACHE` turning it off.
@Suite("socgraph graph cache")
struct GraphCacheCLITests {
    static let commands: [[String]] = [
        ["show", "15-2051", "--format", "json"],
        ["compare", "15-2051", "15-1252", "15-1221", "--format", "json"],
        ["related", "15-2051", "--depth", "3", "--format", "json"],
        ["why", "15-2051", "artificial-intelligence", "--format", "json"],
        ["search", "data scientist", "--format", "json"],
    ]

    static func cacheFile(_ directory: URL) -> URL { directory.appendingPathComponent(".cache/graph.cache") }

    /// What the graph directory holds, recursively, relative to it.
    static func contents(_ directory: URL) throws -> [String] {
        let enumerator = try #require(FileManager.default.enumerator(atPath: directory.path))
        return enumerator.compactMap { $0 as? String }.sorted()
    }

    @Test(arguments: commands)
    func theCacheGivesTheSameAnswers(command: [String]) throws {
        let directory = try CLI.fixtureCopy()
        defer { try? FileManager.default.removeItem(at: directory) }
        let before = try Self.contents(directory)
        let withoutCache = try CLI.run(command + ["--graph", directory.path], environment: ["SOCGRAPH_NO_CACHE": "1"])
        #expect(withoutCache.status == 0, "\(withoutCache.stderr)")
        #expect(try Self.contents(directory) == before, "nothing written with the cache off")
        let first = try CLI.run(command + ["--graph", directory.path])
        #expect(try Self.contents(directory) == (before + [".cache", ".cache/graph.cache"]).sorted())
        let written = try FileManager.default.attributesOfItem(atPath: Self.cacheFile(directory).path)
        let second = try CLI.run(command + ["--graph", directory.path])
        for result in [first, second] {
            #expect(result.status == 0)
            #expect(result.stderr == "")
            #expect(result.stdout == withoutCache.stdout)
        }
        // Read, not rewritten.
        let reread = try FileManager.default.attributesOfItem(atPath: Self.cacheFile(directory).path)
        #expect(reread[.modificationDate] as? Date == written[.modificationDate] as? Date)
        #expect(reread[.systemFileNumber] as? Int == written[.systemFileNumber] as? Int)
    }

    @Test func aDamagedCacheIsReplacedWithoutAWord() throws {
        let directory = try CLI.fixtureCopy()
        defer { try? FileManager.default.removeItem(at: directory) }
        let command = Self.commands[0] + ["--graph", directory.path]
        let first = try CLI.run(command)
        let cache = Self.cacheFile(directory)
        let bytes = try Data(contentsOf: cache)
        var flipped = bytes
        flipped[bytes.count / 2] ^= 0x20
        for damaged in [bytes.prefix(bytes.count / 2), flipped, Data(), Data("SOCGRAPH".utf8),
                        Data(repeating: 0xA5, count: bytes.count)] {
            try damaged.write(to: cache)
            let result = try CLI.run(command)
            #expect(result.status == 0)
            #expect(result.stderr == "")
            #expect(result.stdout == first.stdout)
            #expect(try Data(contentsOf: cache) == bytes, "rewritten as it was")
        }
    }

    @Test func aDamagedGraphExitsThreeEvenWithACache() throws {
        let directory = try CLI.fixtureCopy()
        defer { try? FileManager.default.removeItem(at: directory) }
        for command in Self.commands { #expect(try CLI.run(command + ["--graph", directory.path]).status == 0) }
        // Same size and modification time: only the change time tells the cache the file is not what it read.
        let wages = directory.appendingPathComponent("wages.tsv")
        let modified = try #require(try FileManager.default.attributesOfItem(atPath: wages.path)[.modificationDate])
        var bytes = try Data(contentsOf: wages)
        let tab = try #require(bytes.lastIndex(of: UInt8(ascii: "\t")))
        bytes[tab] = UInt8(ascii: " ")
        try bytes.write(to: wages)
        try FileManager.default.setAttributes([.modificationDate: modified], ofItemAtPath: wages.path)
        for command in Self.commands {
            try CLI.run(command + ["--graph", directory.path]).expectOneLineError(status: 3, containing: ["wages.tsv:"])
        }
    }

    @Test func checkReadsTheFiles() throws {
        let directory = try CLI.fixtureCopy()
        defer { try? FileManager.default.removeItem(at: directory) }
        for command in Self.commands { _ = try CLI.run(command + ["--graph", directory.path]) }
        let cache = try Data(contentsOf: Self.cacheFile(directory))
        #expect(try CLI.run(["check", "--graph", directory.path]).status == 0)
        // A cache made from other files would not be taken anyway; `check` does not even open it.
        try Data("not a cache".utf8).write(to: Self.cacheFile(directory))
        #expect(try CLI.run(["check", "--graph", directory.path]).status == 0)
        #expect(try Data(contentsOf: Self.cacheFile(directory)) == Data("not a cache".utf8))
        try cache.write(to: Self.cacheFile(directory))
        let uses = directory.appendingPathComponent("uses.tsv")
        try Data((try String(contentsOf: uses, encoding: .utf8) + "15-2051\tno such technology\tno\tno\n").utf8)
            .write(to: uses)
        let result = try CLI.run(["check", "--graph", directory.path])
        #expect(result.status == 3)
        #expect(result.stdout.contains("uses.tsv"))
    }

    @Test func withNowhereToWriteTheCacheQueriesStillAnswer() throws {
        let directory = try CLI.fixtureCopy()
        defer { try? FileManager.default.removeItem(at: directory) }
        let reference = try CLI.run(Self.commands[4] + ["--graph", directory.path],
                                    environment: ["SOCGRAPH_NO_CACHE": "1"])
        try Data("not a folder".utf8).write(to: directory.appendingPathComponent(".cache"))
        let blocked = directory.appendingPathComponent("README-not-a-home")
        try Data("not a folder".utf8).write(to: blocked)
        for _ in 0..<2 {
            let result = try CLI.run(Self.commands[4] + ["--graph", directory.path],
                                     environment: ["HOME": blocked.path, "XDG_CACHE_HOME": ""])
            #expect(result.status == 0)
            #expect(result.stderr == "")
            #expect(result.stdout == reference.stdout)
        }
    }

    @Test func aFIFOWhereTheCacheGoesIsNoCache() throws {
        let directory = try CLI.fixtureCopy()
        defer { try? FileManager.default.removeItem(at: directory) }
        let reference = try CLI.run(Self.commands[0] + ["--graph", directory.path],
                                    environment: ["SOCGRAPH_NO_CACHE": "1"])
        try FileManager.default.createDirectory(at: Self.cacheFile(directory).deletingLastPathComponent(),
                                                withIntermediateDirectories: true)
        #expect(mkfifo(Self.cacheFile(directory).path, 0o644) == 0)
        // Opening a FIFO for reading blocks until a writer comes; the runner's watchdog ends a hang as a signal.
        let result = try HardenedCLI.run(Self.commands[0] + ["--graph", directory.path])
        #expect(!result.signalled && result.status == 0, "\(result.stderr)")
        #expect(result.stdout == reference.stdout)
    }

    @Test("a 1.9 GB cache file whose header claims it all is passed over unread, even under a 1 GB memory limit")
    func aHugeCacheFileIsNotRead() throws {
        let directory = try CLI.fixtureCopy()
        defer { try? FileManager.default.removeItem(at: directory) }
        let reference = try CLI.run(Self.commands[0] + ["--graph", directory.path])
        let cache = Self.cacheFile(directory)
        let good = try Data(contentsOf: cache)
        // Magic, version, fingerprint as written; then a graph part of 1.9 GB (a hole: no disk used) and an empty
        // index part, so that every length in the header agrees with the file's size.
        let header = 16 + good[12..<16].reversed().reduce(0) { $0 << 8 | Int($1) }
        let huge = 1_900 << 20
        func littleEndian(_ value: Int) -> Data { Data((0..<8).map { UInt8(truncatingIfNeeded: value >> ($0 * 8)) }) }
        try (good.prefix(header) + littleEndian(huge) + littleEndian(0)).write(to: cache)
        let handle = try FileHandle(forWritingTo: cache)
        try handle.seek(toOffset: UInt64(header + 16 + huge))
        try handle.write(contentsOf: Data(count: 16))
        try handle.close()
        // Reading the part whole ended the process under this limit (SIGABRT); it must not be read at all.
        let result = try HardenedCLI.run(
            ["-c", "ulimit -v 1048576 && exec \"$0\" \"$@\"", CLI.executable.path] + Self.commands[0]
                + ["--graph", directory.path], executable: URL(fileURLWithPath: "/bin/sh"))
        #expect(!result.signalled && result.status == 0, "\(result.status): \(result.stderr)")
        #expect(result.stdout == reference.stdout)
        #expect(try Data(contentsOf: cache) == good, "replaced by a sound cache")
    }

    @Test func batchGoesThroughTheSameCache() throws {
        let directory = try CLI.fixtureCopy()
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = FileManager.default.temporaryDirectory.appendingPathComponent("socgraph-batch-\(UUID().uuidString)")
        try "search \"data scientist\"\nshow 15-2051\nsearch nurse\n".write(to: input, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: input) }
        let first = try CLI.run(["batch", input.path, "--graph", directory.path])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(FileManager.default.fileExists(atPath: Self.cacheFile(directory).path))
        let second = try CLI.run(["batch", input.path, "--graph", directory.path])
        #expect(second.stdout == first.stdout)
        let single = try CLI.run(Self.commands[4] + ["--graph", directory.path])
        let line = try #require(first.stdout.split(separator: "\n").first)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        let expected = try JSONSerialization.jsonObject(with: Data(single.stdout.utf8)) as? NSArray
        #expect(object["result"] as? NSArray == expected)
    }
}
