import Foundation
import SOCGraph
import Testing
@testable import SOCGraphRender

@Suite("Writing diagrams")
struct DiagramWriterTests {
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("socgraph-render-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    @Test("writes the data and leaves no temporary file behind; overwrites an existing file")
    func writes() throws {
        let url = directory.appendingPathComponent("a.svg")
        try DiagramWriter.write(Data("first".utf8), to: url)
        try DiagramWriter.write(Data("second".utf8), to: url)
        #expect(try Data(contentsOf: url) == Data("second".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["a.svg"])
    }

    @Test("renders a diagram in the format its file name asks for")
    func renderToFile() throws {
        for format in OutputFormat.allCases {
            let url = directory.appendingPathComponent("compare." + format.fileExtension)
            try DiagramWriter.render(Fixtures.comparison, to: url)
            let data = try Data(contentsOf: url)
            switch format {
            case .svg: _ = try SVGText(data)
            case .png: #expect(data.starts(with: [0x89, 0x50, 0x4E, 0x47]))
            case .pdf: #expect(data.starts(with: Data("%PDF".utf8)))
            case .dot: #expect(String(decoding: data, as: UTF8.self) == (try DOTBuilder().build(Fixtures.comparison)))
            }
        }
    }

    @Test("a missing directory is an error naming the path")
    func missingDirectory() {
        let url = directory.appendingPathComponent("no-such-dir/out.svg")
        #expect(throws: SOCGraphError.outputFailed(
            "cannot write '\(url.path)': the directory '\(url.deletingLastPathComponent().path)' does not exist; "
                + "create it or choose another --out")) {
            try DiagramWriter.write(Data("x".utf8), to: url)
        }
    }

    @Test("a failed render or write leaves an existing file untouched")
    func existingFileUntouched() throws {
        let url = directory.appendingPathComponent("keep.svg")
        try Data("precious".utf8).write(to: url)
        // A render that fails never reaches the writer.
        #expect(throws: SOCGraphError.self) {
            let data = try GraphvizRenderer().render(dot: "digraph { -> }", format: .svg)
            try DiagramWriter.write(data, to: url)
        }
        // A write into a directory that refuses new files fails before touching the destination.
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: directory.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: directory.path) }
        if getuid() != 0 {  // root ignores directory permissions
            #expect {
                try DiagramWriter.write(Data("clobbered".utf8), to: url)
            } throws: { error in
                guard case let .outputFailed(message) = error as? SOCGraphError else { return false }
                return message.hasPrefix("cannot write '\(url.path)': ")
            }
        }
        #expect(try Data(contentsOf: url) == Data("precious".utf8))
        // A size limit stops the diagram before rendering.
        let nodes = (0..<121).map { DiagramNode(id: "n\($0)", kind: .occupation, title: "\($0)") }
        #expect(throws: SOCGraphError.self) {
            try DiagramWriter.write(GraphvizRenderer().render(Diagram(title: "", nodes: nodes, edges: []), format: .svg), to: url)
        }
        #expect(try Data(contentsOf: url) == Data("precious".utf8))
    }

    #if os(Linux)
    @Test("a directory that refuses files (even to root) is an error naming the path")
    func refusingDirectory() {
        let url = URL(fileURLWithPath: "/proc/socgraph-\(UUID().uuidString).svg")
        #expect {
            try DiagramWriter.write(Data("x".utf8), to: url)
        } throws: { error in
            guard case let .outputFailed(message) = error as? SOCGraphError else { return false }
            return message.hasPrefix("cannot write '\(url.path)': ")
        }
    }
    #endif

    @Test("a destination that is a directory is an error")
    func destinationIsDirectory() {
        #expect(throws: SOCGraphError.self) { try DiagramWriter.write(Data(), to: directory) }
    }

    @Test("default names come from the sorted codes")
    func defaultNames() {
        #expect(DiagramWriter.defaultFileName(command: "compare", codes: ["15-2051", "15-1221", "15-1252"], format: .svg)
            == "compare-15-1221-15-1252-15-2051.svg")
        #expect(DiagramWriter.defaultFileName(command: "render", codes: ["15-2051", "15-2051"], format: .png)
            == "render-15-2051.png")
        #expect(DiagramWriter.defaultFileName(command: "render", codes: ["../etc/passwd"], format: .pdf)
            == "render-..-etc-passwd.pdf")
        let many = (10...19).map { "15-12\($0)" }
        #expect(DiagramWriter.defaultFileName(command: "compare", codes: many, format: .dot)
            == "compare-" + many.prefix(8).joined(separator: "-") + "-and-2-more.dot")
        let url = DiagramWriter.defaultURL(command: "compare", codes: ["15-1252"], format: .svg,
                                           base: URL(fileURLWithPath: "/tmp/x", isDirectory: true))
        #expect(url.path == "/tmp/x/Output/compare-15-1252.svg")
    }

    @Test("formats come from names and file extensions")
    func formats() throws {
        #expect(OutputFormat(name: "SVG") == .svg)
        #expect(OutputFormat(name: ".pdf") == .pdf)
        #expect(OutputFormat(name: "jpeg") == nil)
        #expect(try OutputFormat(fileURL: URL(fileURLWithPath: "Output/a.PNG")) == .png)
        #expect(try OutputFormat(fileURL: URL(fileURLWithPath: "a.dot")) == .dot)
        #expect(throws: SOCGraphError.invalidInput(
            "cannot tell the diagram format of 'a.jpg': give a file name ending in .svg, .png, .pdf, .dot")) {
            try OutputFormat(fileURL: URL(fileURLWithPath: "a.jpg"))
        }
        #expect(throws: SOCGraphError.self) { try OutputFormat(fileURL: URL(fileURLWithPath: "noextension")) }
    }
}
