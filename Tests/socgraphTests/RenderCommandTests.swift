import Foundation
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A fresh temporary directory per test, removed by the caller.
func scratchDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("socgraph-out-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// True when `data` parses as XML.
func isWellFormedXML(_ data: Data) -> Bool {
    XMLParser(data: data).parse()
}

@Suite("socgraph render")
struct RenderCommandTests {
    let shipped = ShippedGraphTests.directory

    func requireGraph() -> Bool { ShippedGraphTests().requireGraph() }

    @Test("render CODE --depth 2 --out FILE.svg writes well-formed SVG and prints the path")
    func neighbourhoodSVG() throws {
        guard requireGraph() else { return }
        let directory = try scratchDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let out = directory.appendingPathComponent("tmp.svg")
        let result = try CLI.run(["render", "15-2051", "--depth", "2", "--out", out.path, "--graph", shipped.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr == "")
        #expect(result.stdout == out.path + "\n")
        let svg = try Data(contentsOf: out)
        #expect(isWellFormedXML(svg))
        let text = String(decoding: svg, as: UTF8.self).replacingOccurrences(of: "&#45;", with: "-")
        #expect(text.contains("15-2051"))
        #expect(text.contains("O*NET 30.2"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["tmp.svg"])
    }

    @Test("several codes render the comparison; --render picks the format for the default Output/ name")
    func comparisonFormats() throws {
        guard requireGraph() else { return }
        let directory = try scratchDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let png = directory.appendingPathComponent("ai.png")
        let result = try CLI.run(["render", "15-2051", "15-1252", "15-1221", "--out", png.path, "--graph", shipped.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try Data(contentsOf: png).starts(with: [0x89, 0x50, 0x4E, 0x47]))

        let process = Process()  // run in the scratch directory, so that Output/ is made there
        process.executableURL = CLI.executable
        process.arguments = ["render", "152051", "15-1252", "--render", "pdf", "--graph", shipped.path]
        process.currentDirectoryURL = directory
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let printed = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(printed == "Output/compare-15-1252-15-2051.pdf\n")
        let pdf = try Data(contentsOf: directory.appendingPathComponent("Output/compare-15-1252-15-2051.pdf"))
        #expect(pdf.starts(with: Data("%PDF".utf8)))
    }

    @Test("DOT output is the text itself, deterministic")
    func dotDeterministic() throws {
        let directory = try scratchDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let a = directory.appendingPathComponent("a.dot"), b = directory.appendingPathComponent("b.dot")
        for url in [a, b] {
            let result = try CLI.run(["render", "15-2051", "--depth", "2", "--tier", "all", "--out", url.path,
                                      "--graph", CLI.fixture.path])
            #expect(result.status == 0, "\(result.stderr)")
        }
        let text = try String(contentsOf: a, encoding: .utf8)
        #expect(text.hasPrefix("digraph socgraph {"))
        #expect(text == (try String(contentsOf: b, encoding: .utf8)))
        #expect(text.contains("\"15-1253\""))
    }

    @Test("a missing output directory exits 4 with the path and writes nothing")
    func badDirectory() throws {
        let directory = try scratchDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let out = directory.appendingPathComponent("missing/tmp.svg")
        let result = try CLI.run(["render", "15-2051", "--out", out.path, "--graph", CLI.fixture.path])
        #expect(result.status == 4)
        #expect(result.stdout == "")
        #expect(result.stderr.hasPrefix("socgraph: error: cannot write '\(out.path)': the directory"))
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == [])
    }

    @Test("a request over the size limit exits 2 and leaves the existing file untouched")
    func overLimit() throws {
        guard requireGraph() else { return }
        let directory = try scratchDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let out = directory.appendingPathComponent("keep.svg")
        try Data("previous".utf8).write(to: out)
        let result = try CLI.run(["render", "15-2051", "--depth", "5", "--out", out.path, "--graph", shipped.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("too many for a readable diagram: use --depth 2 or less"))
        #expect(try Data(contentsOf: out) == Data("previous".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["keep.svg"])
    }

    @Test("an --out that is a directory exits 4 and leaves it as it was")
    func outIsDirectory() throws {
        let directory = try scratchDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let out = directory.appendingPathComponent("taken.svg")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: false)
        let result = try CLI.run(["render", "15-2051", "--out", out.path, "--graph", CLI.fixture.path])
        #expect(result.status == 4)
        #expect(result.stderr.contains("it is a directory"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path) == [])
    }

    @Test("usage errors exit 2 with one line")
    func usageErrors() throws {
        let graph = ["--graph", CLI.fixture.path]
        for (arguments, message) in [
            (["render", "15-2051", "--out", "x.gif"], "cannot tell the diagram format of 'x.gif'"),
            (["render", "15-2051", "--out", "x.svg", "--render", "png"], "--render png does not match --out 'x.svg'"),
            (["render", "15-2051", "15-1252", "--depth", "2"], "--depth and --tier apply to one code"),
            (["render", "15-2051", "--depth", "9"], "--depth 9 is out of range: give a depth from 0 to 6"),
            (["render", "15-2051.01"], "is an O*NET specialty"),
            (["render", "99-9999"], "unknown code '99-9999'"),
        ] {
            let result = try CLI.run(arguments + graph)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
            #expect(result.stderr.split(separator: "\n").count == 1, "\(arguments)")
        }
    }
}

@Suite("socgraph memo")
struct MemoCommandTests {
    @Test("--out FILE.md writes the Markdown and the SVG beside it")
    func markdown() throws {
        let directory = try scratchDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let out = directory.appendingPathComponent("x.md")
        let result = try CLI.run(["memo", "15-2051", "15-1252", "15-1221", "--out", out.path,
                                  "--graph", CLI.fixture.path])
        #expect(result.status == 0, "\(result.stderr)")
        let svgPath = directory.appendingPathComponent("x.svg").path
        #expect(result.stdout == out.path + "\n" + svgPath + "\n")
        let text = try String(contentsOf: out, encoding: .utf8)
        #expect(text.contains("](x.svg)"))
        #expect(text.contains("| Typical entry education"))
        #expect(text.contains("### Sources"))
        for vintage in ["SOC 2018", "O\\*NET 30.2", "EP 2024–34", "OEWS May 2025", "NCES CIP 2020"] {
            #expect(text.contains(vintage), "\(vintage)")
        }
        #expect(isWellFormedXML(try Data(contentsOf: URL(fileURLWithPath: svgPath))))
    }

    @Test("--out FILE.html writes one self-contained page with the SVG inline and the citations")
    func html() throws {
        guard ShippedGraphTests().requireGraph() else { return }
        let directory = try scratchDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let out = directory.appendingPathComponent("memo.html")
        let result = try CLI.run(["memo", "15-2051", "15-1252", "15-1221", "--out", out.path,
                                  "--graph", ShippedGraphTests.directory.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["memo.html"])
        let data = try Data(contentsOf: out)
        #expect(isWellFormedXML(data))
        let html = String(decoding: data, as: UTF8.self)
        #expect(html.contains("<svg"))
        for citation in ["SOC 2018", "O*NET 30.2", "EP 2024–34", "OEWS May 2025", "NCES CIP 2020",
                         "CIP 2020 to SOC 2018 crosswalk", "DHS STEM list July 2024", "CET list Feb 2024",
                         "National Science and Technology Council", "Used under the CC BY 4.0 license",
                         "has not approved, endorsed, or tested these modifications"] {
            #expect(html.contains(citation), "\(citation)")
        }
    }

    @Test("an unknown memo extension exits 2; a missing directory exits 4 and writes nothing")
    func failures() throws {
        let directory = try scratchDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let wrong = try CLI.run(["memo", "15-2051", "--out", directory.appendingPathComponent("m.txt").path,
                                 "--graph", CLI.fixture.path])
        #expect(wrong.status == 2)
        #expect(wrong.stderr.contains("give a file name ending in .md, .html or .docx"))
        let missing = directory.appendingPathComponent("no/m.md")
        let result = try CLI.run(["memo", "15-2051", "--out", missing.path, "--graph", CLI.fixture.path])
        #expect(result.status == 4)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == [])
    }
}
