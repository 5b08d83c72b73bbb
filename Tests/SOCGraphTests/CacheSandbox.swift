import Foundation
@testable import SOCGraph

/// A copy of the fixture graph and a user cache folder of its own (`HOME`), both removed by `remove()`: where the
/// cache tests (search index, graph snapshots) write.
struct CacheSandbox {
    let graph: URL
    let home: URL

    init() throws {
        graph = try Fixture.copy()
        home = FileManager.default.temporaryDirectory.appendingPathComponent("socgraph-home-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
    }

    func remove() {
        try? FileManager.default.removeItem(at: graph)
        try? FileManager.default.removeItem(at: home)
    }

    var environment: [String: String] { ["HOME": home.path] }

    /// The store of the sandbox graph, with the sandbox's user cache folder.
    var graphStore: GraphStore { GraphStore(directory: graph, environment: environment) }

    /// Takes `.cache` in the graph directory with a file, so that the graph directory cannot hold a cache (as when
    /// it is read-only, which a test run as root could not simulate with permissions).
    func blockGraphCache() throws {
        try Data("not a folder".utf8).write(to: graph.appendingPathComponent(".cache"))
    }

    /// The names of the files in the user cache folder (`~/.cache/socgraph`); empty when it does not exist.
    func userCacheFiles() throws -> [String] {
        let folder = home.appendingPathComponent(".cache/socgraph")
        guard FileManager.default.fileExists(atPath: folder.path) else { return [] }
        return try FileManager.default.contentsOfDirectory(atPath: folder.path)
    }
}
