import Foundation
import SOCGraph
@testable import SOCGraphImport
import Testing

/// The checks of the curation tables: every problem is reported with its file and line, all at once.
@Suite struct CurationTablesTests {
    typealias F = AlignmentFixture

    /// The diagnostics of parsing the tables with the given raw rows (kept in the order given).
    func problems(programs: [String] = [], technologies: [String] = [], occupations: [String] = [])
        -> [Diagnostic]
    {
        curationProblems {
            _ = try CurationTables.parse(
                F.texts(programs: programs, technologies: technologies, occupations: occupations),
                vocabulary: F.vocabulary)
        }
    }

    func expectOne(_ diagnostics: [Diagnostic], file: String, line: Int, containing text: String,
                   sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(diagnostics.count == 1, "\(diagnostics)", sourceLocation: sourceLocation)
        guard let diagnostic = diagnostics.first else { return }
        #expect(diagnostic.file == file, sourceLocation: sourceLocation)
        #expect(diagnostic.line == line, sourceLocation: sourceLocation)
        #expect(diagnostic.message.contains(text), "\(diagnostic.message)", sourceLocation: sourceLocation)
    }

    let r = F.rationale

    @Test func validTablesParse() throws {
        let tables = try F.tables(programs: F.programs, technologies: F.technologies, occupations: F.occupations)
        #expect(tables.programs.map(\.key) == ["11.0102", "11.0701", "14.0201"])
        #expect(tables.programs.map(\.line) == [2, 3, 4])
        #expect(tables.technologies.count == 4)
        #expect(tables.occupations == [CurationTables.Link(
            key: "17-2011", field: "highly-automated-autonomous-and-uncrewed-systems-and-robotics", rationale: r,
            line: 2)])
    }

    @Test func unknownCIPCode() {
        expectOne(problems(programs: ["11.0102\tartificial-intelligence\t\(r)", "11.9999\tadvanced-computing\t\(r)"]),
                  file: "curation/cip-fields.tsv", line: 3, containing: "unknown CIP code '11.9999'")
    }

    @Test func cipCodeThatIsNotASixDigitProgram() {
        expectOne(problems(programs: ["11.01\tartificial-intelligence\t\(r)"]),
                  file: "curation/cip-fields.tsv", line: 2, containing: "'11.01' is a series, not a 6-digit program")
        expectOne(problems(programs: ["11\tartificial-intelligence\t\(r)"]),
                  file: "curation/cip-fields.tsv", line: 2, containing: "'11' is a family, not a 6-digit program")
        expectOne(problems(programs: ["11.102\tartificial-intelligence\t\(r)"]),
                  file: "curation/cip-fields.tsv", line: 2, containing: "'11.102' is not a CIP code")
    }

    @Test func programWithoutCrosswalkMatch() {
        expectOne(problems(programs: ["29.0302\tdirected-energy\t\(r)"]),
                  file: "curation/cip-fields.tsv", line: 2, containing: "'29.0302' has no SOC match in the CIP 2020")
    }

    @Test func unknownTechnology() {
        // Spelled exactly as O*NET publishes it: a different case is another name.
        expectOne(problems(technologies: ["Tensorflow\tartificial-intelligence\t\(r)"]),
                  file: "curation/technology-fields.tsv", line: 2, containing: "unknown technology 'Tensorflow'")
    }

    @Test func unknownField() {
        expectOne(problems(technologies: ["TensorFlow\tmachine-learning\t\(r)"]),
                  file: "curation/technology-fields.tsv", line: 2, containing: "unknown field 'machine-learning'")
        expectOne(problems(occupations: ["15-1221\t\t\(r)"]),
                  file: "curation/occupation-fields.tsv", line: 2, containing: "empty field")
    }

    @Test func unknownOrNonDetailedSOCCode() {
        expectOne(problems(occupations: ["15-1299\tartificial-intelligence\t\(r)"]),
                  file: "curation/occupation-fields.tsv", line: 2, containing: "unknown SOC code '15-1299'")
        expectOne(problems(occupations: ["15-1220\tartificial-intelligence\t\(r)"]),
                  file: "curation/occupation-fields.tsv", line: 2,
                  containing: "'15-1220' is a broad group, not a detailed occupation")
        expectOne(problems(occupations: ["15-1221.00\tartificial-intelligence\t\(r)"]),
                  file: "curation/occupation-fields.tsv", line: 2, containing: "'15-1221.00' is not a SOC code")
    }

    @Test func emptyRationale() {
        expectOne(problems(programs: ["11.0102\tartificial-intelligence\t "]),
                  file: "curation/cip-fields.tsv", line: 2, containing: "empty rationale")
        expectOne(problems(technologies: ["Keras\tartificial-intelligence\t"]),
                  file: "curation/technology-fields.tsv", line: 2, containing: "empty rationale")
    }

    @Test func duplicateKeyFieldPair() {
        expectOne(problems(technologies: ["Keras\tartificial-intelligence\tone reason",
                                          "Keras\tartificial-intelligence\tother reason"]),
                  file: "curation/technology-fields.tsv", line: 3,
                  containing: "duplicate (technology, field) pair 'Keras', 'artificial-intelligence': already on line 2")
        // One key with two fields is two rows, not a duplicate.
        #expect(throws: Never.self) {
            try CurationTables.parse(
                F.texts(technologies: ["Keras\tadvanced-computing\t\(r)", "Keras\tartificial-intelligence\t\(r)"]),
                vocabulary: F.vocabulary)
        }
    }

    @Test func wrongColumnCount() {
        expectOne(problems(programs: ["11.0102\tartificial-intelligence"]),
                  file: "curation/cip-fields.tsv", line: 2, containing: "2 column(s), expected 3 (cip, field, rationale)")
        expectOne(problems(occupations: ["17-2011\tspace-technologies-and-systems\treason\textra"]),
                  file: "curation/occupation-fields.tsv", line: 2, containing: "4 column(s), expected 3")
    }

    @Test func wrongHeaderAndOrder() {
        var texts = F.texts()
        texts[.programs] = Data("cip\tfield\tnote\n".utf8)
        let header = curationProblems { _ = try CurationTables.parse(texts, vocabulary: F.vocabulary) }
        #expect(header == [Diagnostic(file: "curation/cip-fields.tsv", line: 1,
                                      message: "header is 'cip | field | note', expected 'cip | field | rationale'")])
        expectOne(problems(technologies: ["TensorFlow\tartificial-intelligence\t\(r)", "Keras\tartificial-intelligence\t\(r)"]),
                  file: "curation/technology-fields.tsv", line: 3, containing: "out of order")
    }

    @Test func everyProblemOfEveryTableIsReportedInFileAndLineOrder() {
        let diagnostics = problems(
            programs: ["11.0102\tartificial-intelligence\t\(r)", "11.9999\tfoo\t"],
            technologies: ["Nonesuch\tartificial-intelligence\t\(r)", "TensorFlow\tartificial-intelligence"],
            occupations: ["15-0000\tartificial-intelligence\t\(r)"])
        #expect(diagnostics.map(\.description).map { String($0.prefix(33)) } == [
            "curation/cip-fields.tsv:3: empty ",  // empty rationale
            "curation/cip-fields.tsv:3: unknow",  // unknown CIP code
            "curation/cip-fields.tsv:3: unknow",  // unknown field
            // Files in the order Graph/ lists them (`GraphTable.all`), so the root cause comes first.
            "curation/technology-fields.tsv:2:",
            "curation/technology-fields.tsv:3:",
            "curation/occupation-fields.tsv:2:",
        ])
        #expect(SOCGraphError.damagedGraph(diagnostics).exitStatus == 3)
    }

    @Test func missingTableNamesTheFile() throws {
        let fixture = try XLSXFixture()
        defer { fixture.remove() }
        for (table, data) in F.texts() where table != .technologies {
            try data.write(to: fixture.folder.appendingPathComponent(table.rawValue))
        }
        let diagnostics = curationProblems {
            _ = try CurationTables.read(from: fixture.folder, vocabulary: F.vocabulary)
        }
        expectOne(diagnostics, file: "curation/technology-fields.tsv", line: 0, containing: "missing or unreadable")
    }
}
