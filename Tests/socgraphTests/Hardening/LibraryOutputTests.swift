import Foundation
import Testing

/// What Graphviz's plugins and the libraries they load print straight to standard error (fontconfig, cairo,
/// pango) never reaches the user, even in a broken environment: a render succeeds or fails with one line.
@Suite("Graphviz and its libraries stay quiet")
struct LibraryOutputTests {
    @Test("a missing fontconfig configuration: renders still succeed with nothing on stderr")
    func missingFontconfig() throws {
        try withScratchDirectory { directory in
            for name in ["n.svg", "n.png", "n.pdf"] {
                let out = directory.appendingPathComponent(name)
                let result = try HardenedCLI.run(
                    ["render", "15-2051", "--out", out.path, "--graph", CLI.fixture.path],
                    environment: ["FONTCONFIG_FILE": directory.appendingPathComponent("missing/fonts.conf").path])
                result.expectClean(statuses: [0])
                #expect(result.stderr == "", "\(name): \(result.stderr)")
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
