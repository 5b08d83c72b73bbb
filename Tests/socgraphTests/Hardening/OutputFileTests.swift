import Foundation
import Testing

/// The names in `directory` as raw bytes (a name need not be valid UTF-8), sorted.
func rawNames(of directory: URL) -> [[UInt8]] {
    guard let stream = opendir(directory.path) else { return [] }
    defer { closedir(stream) }
    var names: [[UInt8]] = []
    while let entry = readdir(stream) {
        let name = withUnsafeBytes(of: &entry.pointee.d_name) { Array($0.prefix { $0 != 0 }) }
        if name != Array(".".utf8), name != Array("..".utf8) { names.append(name) }
    }
    return names.sorted { $0.lexicographicallyPrecedes($1) }
}

/// The permission bits of the file at `url`.
func permissions(_ url: URL) -> mode_t {
    var status = stat()
    return stat(url.path, &status) == 0 ? status.st_mode & 0o7777 : 0
}

/// Writing `--out` files through the binary: a memo and its picture all or nothing, read-only files refused, path
/// bytes kept, links followed even to a file not yet made, and names as long as the file system allows.
@Suite("Output files through the binary")
struct OutputFileTests {
    let graph = ["--graph", CLI.fixture.path]

    @Test("a memo and its picture are written all or nothing: a failure leaves both existing files as they were")
    func memoIsAllOrNothing() throws {
        try withScratchDirectory { directory in
            let keep = Data("keep".utf8)
            // The memo's name is a directory: its picture must not be replaced either.
            try FileManager.default.createDirectory(at: directory.appendingPathComponent("k.md"),
                                                    withIntermediateDirectories: false)
            try keep.write(to: directory.appendingPathComponent("k.svg"))
            let memo = directory.appendingPathComponent("k.md").path
            try HardenedCLI.run(["memo", "15-2051", "15-1252", "--out", memo] + graph)
                .expectClean(statuses: [4], containing: ["cannot write '\(memo)'", "it is a directory"])
            #expect(try Data(contentsOf: directory.appendingPathComponent("k.svg")) == keep)

            #expect(try contents(of: directory) == ["k.md", "k.svg"])
            #expect(try contents(of: directory.appendingPathComponent("k.md")) == [])

            // The picture's write fails after the memo's is ready (a full device): the memo's file stays.
            if FileManager.default.fileExists(atPath: "/dev/full") {
                try keep.write(to: directory.appendingPathComponent("f.md"))
                try FileManager.default.createSymbolicLink(
                    atPath: directory.appendingPathComponent("f.svg").path, withDestinationPath: "/dev/full")
                try HardenedCLI.run(["memo", "15-2051", "15-1252", "--out", directory.appendingPathComponent("f.md").path]
                    + graph).expectClean(statuses: [4], containing: ["No space left on device"])
                #expect(try Data(contentsOf: directory.appendingPathComponent("f.md")) == keep)
                #expect(try contents(of: directory) == ["f.md", "f.svg", "k.md", "k.svg"])
            }
        }
    }

    @Test("a read-only --out file is refused with exit 4 and kept, mode and bytes")
    func readOnlyFileRefused() throws {
        try withScratchDirectory { directory in
            let keep = Data("keep".utf8)
            let svg = directory.appendingPathComponent("ro.svg"), html = directory.appendingPathComponent("ro.html")
            let md = directory.appendingPathComponent("rw.md"), picture = directory.appendingPathComponent("rw.svg")
            for url in [svg, html, md, picture] { try keep.write(to: url) }
            for url in [svg, html, picture] {
                try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: url.path)
            }
            for (arguments, path) in [(["render", "15-2051", "--out", svg.path], svg.path),
                                      (["compare", "15-2051", "15-1252", "--out", svg.path], svg.path),
                                      (["memo", "15-2051", "15-1252", "--out", html.path], html.path),
                                      (["memo", "15-2051", "15-1252", "--out", md.path], picture.path)] {
                try HardenedCLI.run(arguments + graph).expectClean(
                    statuses: [4], containing: ["cannot write '\(path)': the file is read-only", "chmod"])
            }
            for url in [svg, html, md, picture] { #expect(try Data(contentsOf: url) == keep, "\(url.lastPathComponent)") }
            #expect([svg, html, picture].allSatisfy { permissions($0) == 0o444 })
            #expect(try contents(of: directory) == ["ro.html", "ro.svg", "rw.md", "rw.svg"])
        }
    }

    @Test("an --out name that is not valid UTF-8 is written by its bytes")
    func pathBytesKept() throws {
        try withScratchDirectory { directory in
            // Foundation's Process passes only valid UTF-8, so the shell makes the byte.
            let script = #"""
                "$0" render 15-2051 --out "$(printf 'r\377.svg')" --graph "$1" >/dev/null &&
                "$0" memo 15-2051 15-1252 --out="$(printf 'm\377.md')" --graph "$1" >/dev/null
                """#
            let result = try HardenedCLI.run(["-c", script, CLI.executable.path, CLI.fixture.path],
                                             executable: URL(fileURLWithPath: "/bin/sh"), directory: directory)
            #expect(result.status == 0 && !result.signalled, "\(result.stderr)")
            let names = rawNames(of: directory)
            let expected = [("m", ".md"), ("m", ".svg"), ("r", ".svg")].map { Array($0.utf8) + [0xFF] + Array($1.utf8) }
            #expect(names == expected, "\(names)")
            // The memo links its diagram by the same bytes.
            let memoPath = Array(directory.path.utf8) + Array("/m".utf8) + [0xFF] + Array(".md".utf8) + [0]
            let descriptor = memoPath.withUnsafeBufferPointer {
                $0.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_RDONLY) }
            }
            try #require(descriptor >= 0)
            let memo = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true).readDataToEndOfFile()
            #expect(String(decoding: memo, as: UTF8.self).contains("(m%FF.svg)"))
        }
    }

    @Test("a link to a file not yet made is followed: the file is created, the link kept")
    func danglingLinkFollowed() throws {
        try withScratchDirectory { directory in
            let link = directory.appendingPathComponent("link.svg")
            try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "target.svg")
            try HardenedCLI.run(["render", "15-2051", "--out", link.path] + graph).expectClean(statuses: [0])
            #expect(fileType(link) == S_IFLNK)
            #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == "target.svg")
            #expect(isWellFormedXML(try Data(contentsOf: directory.appendingPathComponent("target.svg"))))
            // A link into a directory that does not exist is an error naming that directory; the link stays.
            let lost = directory.appendingPathComponent("lost.svg")
            try FileManager.default.createSymbolicLink(atPath: lost.path, withDestinationPath: "missing/target.svg")
            try HardenedCLI.run(["render", "15-2051", "--out", lost.path] + graph).expectClean(
                statuses: [4], containing: ["cannot write '\(lost.path)'", "missing' does not exist"])
            #expect(fileType(lost) == S_IFLNK)
            #expect(try contents(of: directory) == ["link.svg", "lost.svg", "target.svg"])
        }
    }

    @Test("output names of up to 255 bytes are written, with no temporary file left")
    func longNames() throws {
        try withScratchDirectory { directory in
            var expected: [String] = []
            for (length, command) in [(214, ["render", "15-2051"]), (255, ["render", "15-2051"]),
                                      (255, ["compare", "15-2051", "15-1252"]), (254, ["memo", "15-2051", "15-1252"])] {
                let ext = command[0] == "memo" ? ".html" : command[0] == "render" ? ".svg" : ".dot"
                let name = String(repeating: command[0].first!, count: length - ext.count) + ext
                let result = try HardenedCLI.run(command + ["--out", directory.appendingPathComponent(name).path] + graph)
                result.expectClean(statuses: [0])
                expected.append(name)
            }
            #expect(try contents(of: directory) == expected.sorted())
        }
    }
}
