import Foundation
import Testing

/// Graphviz's own messages never reach the user, even in a broken environment: a render succeeds or fails with one
/// line. What a library below Graphviz prints about the environment itself (fontconfig) is left as it is.
@Suite("Graphviz and its libraries stay quiet")
struct LibraryOutputTests {
    @Test("a missing fontconfig configuration: renders still succeed; only fontconfig's own complaint reaches stderr")
    func missingFontconfig() throws {
        try withScratchDirectory { directory in
            for name in ["n.svg", "n.png", "n.pdf"] {
                let out = directory.appendingPathComponent(name)
                let result = try HardenedCLI.run(
                    ["render", "15-2051", "--out", out.path, "--graph", CLI.fixture.path],
                    environment: ["FONTCONFIG_FILE": directory.appendingPathComponent("missing/fonts.conf").path])
                #expect(!result.signalled && result.status == 0, "\(name): \(result.stderr)")
                #expect(result.stdout.hasSuffix(name + "\n"), "\(name): \(result.stdout)")
                #expect(result.stderrLines.allSatisfy { $0.hasPrefix("Fontconfig ") }, "\(name): \(result.stderr)")
            }
            #expect(try contents(of: directory) == ["n.pdf", "n.png", "n.svg"])
        }
    }

    @Test("missing Graphviz plugins: one line, exit 4, the existing file kept")
    func missingPlugins() throws {
        try withScratchDirectory { directory in
            let out = directory.appendingPathComponent("keep.svg")
            try Data("keep".utf8).write(to: out)
            let result = try HardenedCLI.run(
                ["compare", "15-2051", "15-1252", "--out", out.path, "--graph", CLI.fixture.path],
                environment: ["GVBINDIR": directory.appendingPathComponent("no-plugins").path])
            result.expectClean(statuses: [4], containing: ["graphviz: "])
            #expect(try Data(contentsOf: out) == Data("keep".utf8))
            #expect(try contents(of: directory) == ["keep.svg"])
        }
    }
}
