import Foundation
import SOCGraph
@testable import SOCGraphImport
import Testing

/// The importer's small parts: digest, slugs, wages, aggregate mapping, STEM rule, atomic writing.
@Suite struct ImporterPartsTests {
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        ("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
         "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"),
    ])
    func sha256KnownAnswers(input: String, digest: String) {
        #expect(Importer.sha256(of: Data(input.utf8)) == digest)
    }

    @Test func sha256OfAMillionAAndEveryPaddingLength() {
        #expect(Importer.sha256(of: Data(repeating: UInt8(ascii: "a"), count: 1_000_000))
            == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
        // 55, 56 and 64 bytes straddle the one-or-two-block padding boundary.
        #expect(Importer.sha256(of: Data(repeating: 0, count: 55))
            == "02779466cdec163811d078815c633f21901413081449002f24aa3e80f0b88ef7")
        #expect(Importer.sha256(of: Data(repeating: 0, count: 56))
            == "d4817aa5497628e7c77e6b606107042bbba3130888c5f47a375e6179be789fbb")
        #expect(Importer.sha256(of: Data(repeating: 0, count: 64))
            == "f5a5fd42d16a20302798ef6ed309979b43003d2320d9f0e8ea9831a92759fb4b")
    }

    @Test func fieldSlugs() {
        #expect(CodeShape.slug("Data Privacy, Data Security, and Cybersecurity Technologies")
            == "data-privacy-data-security-and-cybersecurity-technologies")
        #expect(CodeShape.slug("Highly Automated, Autonomous, and Uncrewed Systems, and Robotics")
            == "highly-automated-autonomous-and-uncrewed-systems-and-robotics")
        #expect(CodeShape.slug("  Human-Machine Interfaces!") == "human-machine-interfaces")
    }

    @Test func wages() throws {
        #expect(try Wage.parse("135980", at: "x") == .exact(135_980))
        #expect(try Wage.parse("206420.0", at: "x") == .exact(206_420))
        #expect(try Wage.parse(">=$239,200", at: "x") == .atLeast(239_200))
        #expect(try Wage.parse("—", at: "x") == nil)
        #expect(try Wage.parse(nil, at: "x") == nil)
        #expect(throws: SOCGraphError.sourceProblem("bad wage 'n/a' in cell X")) { try Wage.parse("n/a", at: "cell X") }
    }

    @Test func figuresHaveFixedPlacesAndNoNegativeZero() {
        #expect(Figure.fixed(8.1999999999999993, places: 1) == "8.2")
        #expect(Figure.fixed(12, places: 1) == "12.0")
        #expect(Figure.fixed(-0.01, places: 1) == "0.0")
        #expect(Figure.fixed(-3.25, places: 1) == "-3.3")
        #expect(Figure.fixed(4.46, places: 2) == "4.46")
    }

    static func soc(_ detailed: [(code: String, broad: String)]) -> SOCIndex {
        var groups = [SOCGroup(code: "13-0000", level: .major, title: "Business", parent: nil, definition: nil),
                      SOCGroup(code: "13-1000", level: .minor, title: "Business Operations", parent: "13-0000",
                               definition: nil)]
        for broad in Set(detailed.map(\.broad)).sorted() {
            groups.append(SOCGroup(code: broad, level: .broad, title: broad, parent: "13-1000", definition: nil))
        }
        for entry in detailed {
            groups.append(SOCGroup(code: entry.code, level: .detailed, title: entry.code, parent: entry.broad,
                                   definition: nil))
        }
        return SOCIndex(SOCStructureSource(groups: groups, patternExceptions: []))
    }

    @Test func aggregatesCoverTheDetailedCodesWithoutALineItem() throws {
        let soc = Self.soc([("13-1021", "13-1020"), ("13-1022", "13-1020"), ("13-1023", "13-1020"),
                            ("13-1031", "13-1030"), ("13-1041", "13-1040"), ("13-1042", "13-1040"),
                            ("13-1044", "13-1040")])
        let coverage = try AggregateCoverage(
            lineItems: ["13-1020", "13-1041", "13-1043"], soc: soc, file: "table.xlsx")
        #expect(coverage.covered == ["13-1020": ["13-1021", "13-1022", "13-1023"], "13-1043": ["13-1042", "13-1044"]])
        #expect(coverage.source["13-1041"] == "13-1041")
        #expect(coverage.source["13-1044"] == "13-1043")
        #expect(coverage.uncovered == ["13-1031"])
        #expect(coverage.summary == "2 aggregates cover 5 detailed codes (13-1020: 13-1021 13-1022 13-1023; "
            + "13-1043: 13-1042 13-1044)")
    }

    @Test func aggregatesThatCannotBeResolved() {
        let soc = Self.soc([("13-1021", "13-1020"), ("13-1022", "13-1020"), ("13-1031", "13-1030")])
        let message = sourceProblem {
            _ = try AggregateCoverage(
                lineItems: ["13-1020", "13-1028", "13-1031", "13-1038", "13-1099"], soc: soc, file: "table.xlsx")
        }
        #expect(message == "3 problems: table.xlsx: line items '13-1020' and '13-1028' are both aggregates in broad "
            + "group '13-1020'; which detailed codes each covers cannot be told; table.xlsx: line item '13-1099' is "
            + "neither a SOC detailed code nor in an existing broad group ('13-1090' is not one); table.xlsx: "
            + "aggregate '13-1038' covers no detailed code: every code of broad group '13-1030' has its own line item")
    }

    @Test func stemBasisAndListedHeadings() throws {
        let fixture = try SourceFixture()
        defer { fixture.remove() }
        try fixture.text(STEMProgramsSource.file, "CIP Code\n11.0102\n14.0100\n14.0101\n")
        let programs: [CIPSource.Program] = [
            .init(cip: "11", level: .family, title: "COMPUTER."), .init(cip: "11.01", level: .series, title: "C."),
            .init(cip: "11.0102", level: .program, title: "AI."), .init(cip: "11.0103", level: .program, title: "IT."),
            .init(cip: "14", level: .family, title: "ENGINEERING."), .init(cip: "14.01", level: .series, title: "E."),
            .init(cip: "14.0101", level: .program, title: "Engineering, General."),
            .init(cip: "14.0102", level: .program, title: "Pre-Engineering."),
        ]
        let cip = CIPSource(programs: programs, retiredCodes: [])
        let stem = try STEMProgramsSource.read(from: fixture.directory, cip: cip)
        #expect(stem.listedHeadings == ["14.0100"])
        #expect(stem.basis(of: "11.0102") == "listed")
        #expect(stem.basis(of: "11.0103") == nil)
        #expect(stem.basis(of: "14.0101") == "listed")
        #expect(stem.basis(of: "14.0102") == "series-14")

        try fixture.text(STEMProgramsSource.file, "CIP Code\n11.0100\n")
        let message = sourceProblem { _ = try STEMProgramsSource.read(from: fixture.directory, cip: cip) }
        #expect(message == "'11.0100' in stem-cip-codes.tsv, line 2, column 'CIP Code' is not a CIP 2020 program")
    }

    @Test func writerReplacesItsFilesAndLeavesTheRestAlone() throws {
        let fixture = try SourceFixture()
        defer { fixture.remove() }
        let graph = fixture.root.appendingPathComponent("Graph")
        try FileManager.default.createDirectory(
            at: graph.appendingPathComponent("curation"), withIntermediateDirectories: true)
        try Data("# kept\n".utf8).write(to: graph.appendingPathComponent("README.md"))
        try Data("old\n".utf8).write(to: graph.appendingPathComponent("soc.tsv"))
        try Data("cip\tfield\n".utf8).write(to: graph.appendingPathComponent("curation/cip-fields.tsv"))
        let files = [
            GraphTable(path: "soc.tsv", header: ["code", "title"], rows: [["15-2051", "Data\tScientists"], ["11-1011", "Chief"]]),
            GraphTable(path: "text/tasks.tsv", header: ["code", "task"], rows: [["15-2051", "Analyze."]]),
        ]
        try GraphWriter.write(files, to: graph)
        #expect(try String(contentsOf: graph.appendingPathComponent("soc.tsv"), encoding: .utf8)
            == "code\ttitle\n11-1011\tChief\n15-2051\tData\\tScientists\n")
        #expect(try String(contentsOf: graph.appendingPathComponent("text/tasks.tsv"), encoding: .utf8)
            == "code\ttask\n15-2051\tAnalyze.\n")
        #expect(try String(contentsOf: graph.appendingPathComponent("README.md"), encoding: .utf8) == "# kept\n")
        #expect(FileManager.default.fileExists(atPath: graph.appendingPathComponent("curation/cip-fields.tsv").path))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: fixture.root.path)
        #expect(leftovers == ["Graph"])
    }

    @Test func writerFailureIsAnOutputError() throws {
        let fixture = try SourceFixture()
        defer { fixture.remove() }
        let blocker = fixture.root.appendingPathComponent("Graph")
        try Data("a file where the graph directory should be\n".utf8).write(to: blocker)
        #expect {
            try GraphWriter.write([GraphTable(path: "soc.tsv", header: ["code"], rows: [])], to: blocker)
        } throws: { error in
            guard case SOCGraphError.outputFailed = error else { return false }
            return (error as? SOCGraphError)?.exitStatus == 4
        }
        #expect(try String(contentsOf: blocker, encoding: .utf8) == "a file where the graph directory should be\n")
    }
}
