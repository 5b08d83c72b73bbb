import Foundation
import Testing

/// The type bits of what is at `url` itself (a link is not followed), or 0 when nothing is there.
func fileType(_ url: URL) -> mode_t {
    var status = stat()
    return lstat(url.path, &status) == 0 ? status.st_mode & S_IFMT : 0
}

/// `--out` where nothing can be written, through the binary: exit 4 (2 for a request over the size limit) with
/// one line naming the path, an existing file byte-identical afterwards, and no temporary file left behind.
/// Tests run as root here, so permissions cannot stop a write; the destinations fail for other reasons.
@Suite("Output failures through the binary")
struct OutputFailureTests {
    let graph = ["--graph", CLI.fixture.path]

    /// The diagram- and memo-writing commands, each with `--out path`.
    static func writers(_ path: String) -> [[String]] {
        [["render", "15-2051", "--out", path], ["compare", "15-2051", "15-1252", "--out", path],
         ["memo", "15-2051", "15-1252", "--out", path]]
    }

    /// `path` with the memo's extension when the command is `memo`.
    static func adapt(_ arguments: [String]) -> [String] {
        guard arguments.first == "memo", let index = arguments.firstIndex(of: "--out") else { return arguments }
        var result = arguments
        result[index + 1] = (result[index + 1] as NSString).deletingPathExtension + ".html"
        return result
    }

    @Test("unwritable destinations exit 4 naming the path, and write nothing")
    func unwritableDestinations() throws {
        try withScratchDirectory { directory in
            let file = directory.appendingPathComponent("existing-file")
            try Data("keep".utf8).write(to: file)
            let taken = directory.appendingPathComponent("taken.svg")
            try FileManager.default.createDirectory(at: taken, withIntermediateDirectories: false)
            let takenHTML = directory.appendingPathComponent("taken.html")
            try FileManager.default.createDirectory(at: takenHTML, withIntermediateDirectories: false)
            let cases: [(path: String, reason: String)] = [
                (file.appendingPathComponent("x.svg").path, "is not a directory"),
                (directory.appendingPathComponent("missing/x.svg").path, "does not exist"),
                (taken.path, "it is a directory"),
                ("/proc/x.svg", "no file can be created in '/proc'"),
            ]
            for (path, reason) in cases {
                for arguments in Self.writers(path).map(Self.adapt) {
                    let result = try HardenedCLI.run(arguments + graph)
                    let shown = arguments[arguments.firstIndex(of: "--out")! + 1]
                    result.expectClean(statuses: [4], containing: ["cannot write '\(shown)'", reason])
                }
            }
            #expect(try contents(of: directory) == ["existing-file", "taken.html", "taken.svg"])
            #expect(try contents(of: taken) == [] && contents(of: takenHTML) == [])
            #expect(try Data(contentsOf: file) == Data("keep".utf8))
        }
    }

    @Test("a full device: exit 4 with the reason, and no temporary file beside the link")
    func fullDevice() throws {
        guard FileManager.default.fileExists(atPath: "/dev/full") else { return }
        try withScratchDirectory { directory in
            // A link named for the format: the destination is the device itself, written into, never replaced.
            let link = directory.appendingPathComponent("full.svg")
            try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "/dev/full")
            let linkHTML = directory.appendingPathComponent("full.html")
            try FileManager.default.createSymbolicLink(atPath: linkHTML.path, withDestinationPath: "/dev/full")
            for arguments in Self.writers(link.path).map(Self.adapt) {
                let result = try HardenedCLI.run(arguments + graph)
                result.expectClean(statuses: [4], containing: ["cannot write '", "No space left on device"])
            }
            #expect(try contents(of: directory) == ["full.html", "full.svg"])
            #expect(fileType(URL(fileURLWithPath: "/dev/full")) == S_IFCHR, "/dev/full must still be the device")
        }
    }

    @Test("a full standard output: exit 4 with the reason in one line")
    func fullStandardOutput() throws {
        guard let full = FileHandle(forWritingAtPath: "/dev/full") else { return }
        defer { try? full.close() }
        let g = ["--graph", CLI.fixture.path]
        for arguments in [["show", "15-2051"], ["show", "15-2051", "--format", "json"], ["compare", "15-2051", "15-1252"],
                          ["search", "data scientist", "--format", "tsv"], ["find", "zone>=4"], ["check"]] {
            let result = try HardenedCLI.run(arguments + g, standardOutput: full)
            result.expectClean(statuses: [4], containing: ["cannot write to standard output: No space left on device"])
        }
    }

    @Test("pipes and links are written through, never replaced")
    func pipesAndLinks() throws {
        try withScratchDirectory { directory in
            let fifo = directory.appendingPathComponent("pipe.svg")
            #expect(mkfifo(fifo.path, 0o600) == 0)
            // Hold the pipe open for reading and writing (which never blocks), so that socgraph's open does not
            // wait for a reader; the diagram (under 64 KB) fits in the pipe's buffer until it is read below.
            let descriptor = open(fifo.path, O_RDWR | O_NONBLOCK)
            try #require(descriptor >= 0)
            defer { close(descriptor) }
            let result = try HardenedCLI.run(["render", "15-2051", "--out", fifo.path] + graph)
            result.expectClean(statuses: [0])
            var received = Data()
            var buffer = [UInt8](repeating: 0, count: 65_536)
            while true {
                let count = read(descriptor, &buffer, buffer.count)
                guard count > 0 else { break }
                received.append(contentsOf: buffer[0..<count])
            }
            #expect(isWellFormedXML(received))
            #expect(fileType(fifo) == S_IFIFO, "the pipe was replaced by a file")

            let target = directory.appendingPathComponent("target.svg")
            try Data("old".utf8).write(to: target)
            let link = directory.appendingPathComponent("link.svg")
            try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "target.svg")
            try HardenedCLI.run(["render", "15-2051", "--out", link.path] + graph).expectClean(statuses: [0])
            #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == "target.svg")
            #expect(isWellFormedXML(try Data(contentsOf: target)))
            #expect(try contents(of: directory) == ["link.svg", "pipe.svg", "target.svg"])
        }
    }

    @Test("a request over the size limit exits 2 and leaves the existing file byte-identical")
    func overTheLimitKeepsTheFile() throws {
        // The fixture is too small to exceed the limits; the shipped graph is not.
        guard ShippedGraphTests().requireGraph() else { return }
        let g = ["--graph", ShippedGraphTests.directory.path]
        try withScratchDirectory { directory in
            let previous = Data((0..<1_000).map { UInt8($0 % 251) })
            let svg = directory.appendingPathComponent("keep.svg"), html = directory.appendingPathComponent("keep.html")
            try previous.write(to: svg)
            try previous.write(to: html)
            let computing = ["15-1211", "15-1212", "15-1221", "15-1231", "15-1232", "15-1241", "15-1242", "15-1243",
                             "15-1244", "15-1251", "15-1252", "15-1253", "15-1254", "15-1255", "15-1299"]
            for (arguments, message) in [
                (["render", "15-2051", "--depth", "5", "--out", svg.path], "too many for a readable diagram"),
                (["render", "15-2051", "--depth", "6", "--tier", "all", "--out", svg.path], "too many for a readable diagram"),
                (["memo"] + computing + ["--programs", "--out", html.path], "more than the 300 a readable diagram holds"),
            ] {
                try HardenedCLI.run(arguments + g).expectClean(statuses: [2], containing: [message])
            }
            #expect(try Data(contentsOf: svg) == previous)
            #expect(try Data(contentsOf: html) == previous)
            #expect(try contents(of: directory) == ["keep.html", "keep.svg"])
        }
    }

    @Test("a failed write leaves the existing file byte-identical and no temporary file")
    func failedWriteKeepsTheFile() throws {
        try withScratchDirectory { directory in
            let previous = Data("previous bytes".utf8)
            let keep = directory.appendingPathComponent("keep.svg")
            try previous.write(to: keep)
            // A bad format, a bad code and an impossible depth fail before anything is written.
            for arguments in [["render", "15-2051", "--out", keep.path, "--render", "png"],
                              ["render", "99-9999", "--out", keep.path], ["render", "15-2051", "--depth", "9", "--out", keep.path],
                              ["compare", "15-2051", "15-0000", "--out", keep.path]] {
                try HardenedCLI.run(arguments + graph).expectClean(statuses: [2])
            }
            #expect(try Data(contentsOf: keep) == previous)
            #expect(try contents(of: directory) == ["keep.svg"])
        }
    }
}
