import Foundation
import Testing
@testable import SOCGraph

/// The fixture graph: a small but real slice of Graph/ (two major groups, seven detailed occupations) in exactly
/// the format of Graph/README.md, with every file present.
enum Fixture {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/graph")

    /// The whole fixture graph, loaded once.
    static let graph: KnowledgeGraph = {
        do {
            return try GraphStore(directory: directory).load()
        } catch {
            fatalError("the fixture graph does not load: \(error)")
        }
    }()

    /// A fresh copy of the fixture in a temporary directory, for damaging, without the search index cache that
    /// end-to-end tests running in parallel may be rewriting. The caller removes it.
    static func copy() throws -> URL {
        let target = FileManager.default.temporaryDirectory
            .appendingPathComponent("socgraph-fixture-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: false)
        for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) where name != ".cache" {
            try FileManager.default.copyItem(at: directory.appendingPathComponent(name),
                                             to: target.appendingPathComponent(name))
        }
        return target
    }

    /// Rewrites `file` in `directory` by transforming its lines (without their newlines).
    static func edit(_ file: String, in directory: URL, _ transform: (inout [String]) -> Void) throws {
        let url = directory.appendingPathComponent(file)
        var lines = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        transform(&lines)
        try (lines.joined(separator: "\n") + "\n").write(to: url, atomically: true, encoding: .utf8)
    }

    /// The diagnostics of loading `directory`; empty when it loads.
    static func diagnostics(_ directory: URL) -> [Diagnostic] {
        GraphValidator.check(directory: directory).diagnostics
    }
}

extension KnowledgeGraph {
    /// The node with id `id`, which the test expects to exist.
    func expectNode(_ id: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> NodeIndex {
        try #require(node(id: id), "no node \(id)", sourceLocation: sourceLocation)
    }
}
