import Foundation
import Testing

/// Runs the built `socgraph` executable and captures what it prints and its exit status.
struct CLIResult {
    let status: Int32
    let stdout: String
    let stderr: String
}

enum CLI {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let fixture = packageRoot.appendingPathComponent("Tests/SOCGraphTests/Fixtures/graph")

    /// The build products directory: where the test bundle is, which is where SwiftPM puts `socgraph`.
    static var executable: URL {
        var candidates: [URL] = []
        #if os(macOS)
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            candidates.append(bundle.bundleURL.deletingLastPathComponent())
        }
        #endif
        candidates.append(Bundle.main.bundleURL)
        candidates.append(URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent())
        for directory in candidates {
            let url = directory.appendingPathComponent("socgraph")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return Bundle.main.bundleURL.appendingPathComponent("socgraph")
    }

    /// Runs `socgraph arguments` with `environment` added (COLUMNS and SOCGRAPH_GRAPH removed unless given).
    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> CLIResult {
        let result = try HardenedCLI.run(arguments, environment: environment)
        return CLIResult(status: result.status, stdout: result.stdout, stderr: result.stderr)
    }

    /// A fresh copy of the fixture graph in a temporary directory, without its search index cache (which tests
    /// running in parallel may be rewriting). The caller removes it.
    static func fixtureCopy() throws -> URL {
        let target = FileManager.default.temporaryDirectory.appendingPathComponent("socgraph-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: false)
        for name in try FileManager.default.contentsOfDirectory(atPath: fixture.path) where name != ".cache" {
            try FileManager.default.copyItem(at: fixture.appendingPathComponent(name),
                                             to: target.appendingPathComponent(name))
        }
        return target
    }
}
