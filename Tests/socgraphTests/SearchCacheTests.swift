import Foundation
import Testing

/// `search` and `batch` through the search index cache (Graph/.cache/): same answers with or without it, a
/// damaged cache rebuilt without a word, a damaged graph still reported.
@Suite("socgraph search index cache")
struct SearchCacheTests {
    static let query = ["search", "data scientist", "--format", "json"]

    func cacheFile(_ directory: URL) -> URL { directory.appendingPathComponent(".cache/search-index.bin") }

    @Test func theCacheIsWrittenAndReusedWithTheSameAnswers() throws {
        let directory = try CLI.fixtureCopy()
        defer { try? FileManager.default.removeItem(at: directory) }
        let first = try CLI.run(Self.query + ["--graph", directory.path])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stderr == "")
        let written = try FileManager.default.attributesOfItem(atPath: cacheFile(directory).path)
        let second = try CLI.run(Self.query + ["--graph", directory.path])
        #expect(second.stdout == first.stdout)
        #expect(second.stderr == "")
        // Read, not rewritten.
        let reread = try FileManager.default.attributesOfItem(atPath: cacheFile(directory).path)
        #expect(reread[.modificationDate] as? Date == written[.modificationDate] as? Date)
        #expect(reread[.systemFileNumber] as? Int == written[.systemFileNumber] as? Int)
    }

    @Test func aDamagedGraphExitsThreeEvenWithACache() throws {
        let directory = try CLI.fixtureCopy()
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(try CLI.run(Self.query + ["--graph", directory.path]).status == 0)
        // Damage titles.tsv without changing its size or modification time: the cache's record of the file still
        // matches in those, but not in its change time.
        let titles = directory.appendingPathComponent("titles.tsv")
        let modified = try #require(try FileManager.default.attributesOfItem(atPath: titles.path)[.modificationDate])
        var text = try String(contentsOf: titles, encoding: .utf8)
        let tab = try #require(text.range(of: "\tsoc\n"))
        text.replaceSubrange(tab, with: " soc\n")
        try Data(text.utf8).write(to: titles)
        try FileManager.default.setAttributes([.modificationDate: modified], ofItemAtPath: titles.path)
        let result = try CLI.run(Self.query + ["--graph", directory.path])
        result.expectOneLineError(status: 3, containing: ["titles.tsv"])
    }

    @Test func aDamagedCacheIsRebuiltWithoutAWord() throws {
        let directory = try CLI.fixtureCopy()
        defer { try? FileManager.default.removeItem(at: directory) }
        let first = try CLI.run(Self.query + ["--graph", directory.path])
        let cache = cacheFile(directory)
        let bytes = try Data(contentsOf: cache)
        for damaged in [bytes.prefix(100), Data(repeating: 0xA5, count: bytes.count), Data("SOCGSIDX".utf8)] {
            try damaged.write(to: cache)
            let result = try CLI.run(Self.query + ["--graph", directory.path])
            #expect(result.status == 0)
            #expect(result.stderr == "")
            #expect(result.stdout == first.stdout)
            #expect(try Data(contentsOf: cache) == bytes, "rewritten as it was")
        }
    }

    @Test func withNowhereToWriteTheCacheSearchStillAnswers() throws {
        let directory = try CLI.fixtureCopy()
        defer { try? FileManager.default.removeItem(at: directory) }
        let reference = try CLI.run(Self.query + ["--graph", directory.path])
        try FileManager.default.removeItem(at: directory.appendingPathComponent(".cache"))
        try Data("not a folder".utf8).write(to: directory.appendingPathComponent(".cache"))
        let blocked = directory.appendingPathComponent("README-not-a-home")
        try Data("not a folder".utf8).write(to: blocked)
        for _ in 0..<2 {
            let result = try CLI.run(Self.query + ["--graph", directory.path],
                                     environment: ["HOME": blocked.path, "XDG_CACHE_HOME": ""])
            #expect(result.status == 0)
            #expect(result.stderr == "")
            #expect(result.stdout == reference.stdout)
        }
    }

    @Test func batchSearchesGoThroughTheSameCache() throws {
        let directory = try CLI.fixtureCopy()
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = FileManager.default.temporaryDirectory.appendingPathComponent("socgraph-batch-\(UUID().uuidString)")
        try "search \"data scientist\"\nshow 15-2051\nsearch nurse\n".write(to: input, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: input) }
        let first = try CLI.run(["batch", input.path, "--graph", directory.path])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(FileManager.default.fileExists(atPath: cacheFile(directory).path))
        let second = try CLI.run(["batch", input.path, "--graph", directory.path])
        #expect(second.stdout == first.stdout)
        let single = try CLI.run(Self.query + ["--graph", directory.path])
        let line = try #require(first.stdout.split(separator: "\n").first)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        let expected = try JSONSerialization.jsonObject(with: Data(single.stdout.utf8)) as? NSArray
        #expect(object["result"] as? NSArray == expected)
    }
}
