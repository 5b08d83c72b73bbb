import Foundation
import SOCGraph
@testable import SOCGraphImport
import Testing

/// The checks of the curation tables: every problem is reported with its file and line, all at once.
@Suite struct CurationTablesTests {
    typealias F = AlignmentFixture

    /// The diagnostics of parsing the tables with the given raw rows (kept in the order given).
    func problems(programs: [String] = [], technologies: [String] = [], titles: [String] = [],
                  occupations: [String] = [], inclusions: [String] = []) -> [Diagnostic] {
        curationProblems {
            _ = try CurationTables.parse(
                F.texts(programs: programs, technologies: technologies, titles: titles, occupations: occupations,
                        inclusions: inclusions),
                vocabulary: F.vocabulary)
        }
    }

    /// Whether the tables with the given raw rows parse without a problem.
    func parses(programs: [String] = [], technologies: [String] = [], titles: [String] = [],
                occupations: [String] = [], inclusions: [String] = []) -> Bool {
        (try? CurationTables.parse(
            F.texts(programs: programs, technologies: technologies, titles: titles, occupations: occupations,
                    inclusions: inclusions),
            vocabulary: F.vocabulary)) != nil
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
        let tables = try F.tables(programs: F.programs, technologies: F.technologies, titles: F.titleTerms,
                                  occupations: F.occupations + [("17-2199.11", F.cleanEnergy, .substantial)],
                                  inclusions: [(F.hpc, F.computing)])
        #expect(tables.links(.programs).map(\.key) == ["11.0102", "11.0701", "14.0201"])
        #expect(tables.links(.programs).map(\.line) == [2, 3, 4])
        #expect(tables.links(.programs).allSatisfy { $0.grade == nil })
        #expect(tables.links(.technologies).count == 4)
        #expect(tables.links(.titles) == [CurationTables.Link(key: "machine learning", field: F.ai, rationale: r, line: 2)])
        // A direct link carries its grade; its key may be an O*NET specialty.
        #expect(tables.links(.occupations) == [
            CurationTables.Link(key: "17-2011", field: F.autonomy, grade: .core, rationale: r, line: 2),
            CurationTables.Link(key: "17-2199.11", field: F.cleanEnergy, grade: .substantial, rationale: r, line: 3),
        ])
        #expect(tables.links(.inclusions) == [CurationTables.Link(key: F.hpc, field: F.computing, rationale: r, line: 2)])
    }

    @Test func effectiveLinksRepeatEachRowForTheFocusAreasThatIncludeItsField() throws {
        let tables = try F.tables(programs: F.programs, occupations: F.occupations,
                                  inclusions: [(F.hpc, F.autonomy), (F.hpc, F.computing)])
        #expect(tables.links(.programs).count == 3)
        let programs = tables.effectiveLinks(.programs)
        #expect(programs.map { "\($0.key) \($0.field)" } == [
            "11.0102 \(F.ai)", "11.0701 \(F.computing)", "11.0701 \(F.hpc)", "14.0201 \(F.space)",
        ])
        // Each repeated row keeps its line and rationale; a direct link keeps its grade.
        #expect(programs.filter { $0.key == "11.0701" }.map(\.line) == [3, 3])
        #expect(tables.effectiveLinks(.occupations) == [
            CurationTables.Link(key: "17-2011", field: F.autonomy, grade: .core, rationale: r, line: 2),
            CurationTables.Link(key: "17-2011", field: F.hpc, grade: .core, rationale: r, line: 2),
        ])
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
        expectOne(problems(occupations: ["15-1221\t\tcore\t\(r)"]),
                  file: "curation/occupation-fields.tsv", line: 2, containing: "empty field")
        expectOne(problems(titles: ["machine learning\tml\t\(r)"]),
                  file: "curation/title-terms.tsv", line: 2, containing: "unknown field 'ml'")
    }

    @Test func unknownOrNonDetailedSOCCode() {
        expectOne(problems(occupations: ["15-1299\tartificial-intelligence\tcore\t\(r)"]),
                  file: "curation/occupation-fields.tsv", line: 2, containing: "unknown SOC code '15-1299'")
        expectOne(problems(occupations: ["15-1220\tartificial-intelligence\tcore\t\(r)"]),
                  file: "curation/occupation-fields.tsv", line: 2,
                  containing: "'15-1220' is a broad group, not a detailed occupation")
        expectOne(problems(occupations: ["15-1221.00\tartificial-intelligence\tcore\t\(r)"]),
                  file: "curation/occupation-fields.tsv", line: 2,
                  containing: "unknown O*NET-SOC code '15-1221.00': not an occupation of O*NET Occupation Data")
        expectOne(problems(occupations: ["15-1221x\tartificial-intelligence\tcore\t\(r)"]),
                  file: "curation/occupation-fields.tsv", line: 2, containing: "'15-1221x' is not a SOC code")
    }

    @Test func aCatchAllCodeIsNotLinkedDirectly() {
        // "Engineers, All Other" is graded for its typical incumbent: link the specialty that works in the field.
        expectOne(problems(occupations: ["17-2199\tclean-energy-generation-and-storage\tcore\t\(r)"]),
                  file: "curation/occupation-fields.tsv", line: 2,
                  containing: "'17-2199' is a catch-all code (Engineers, All Other): link the O*NET specialty")
        #expect(parses(occupations: ["17-2199.11\tclean-energy-generation-and-storage\tcore\t\(r)"]))
    }

    @Test func aDirectLinkIsGradedCoreOrSubstantial() {
        for grade in ["incidental", "Core", "", "high"] {
            expectOne(problems(occupations: ["17-2011\tspace-technologies-and-systems\t\(grade)\t\(r)"]),
                      file: "curation/occupation-fields.tsv", line: 2,
                      containing: "grade '\(grade)' is not core or substantial")
        }
        #expect(parses(occupations: ["17-2011\tspace-technologies-and-systems\tsubstantial\t\(r)"]))
    }

    @Test func titleTermsAreLowerCaseWords() {
        expectOne(problems(titles: ["Machine Learning\tartificial-intelligence\t\(r)"]),
                  file: "curation/title-terms.tsv", line: 2, containing: "write 'machine learning'")
        expectOne(problems(titles: ["machine-learning\tartificial-intelligence\t\(r)"]),
                  file: "curation/title-terms.tsv", line: 2, containing: "write 'machine learning'")
        expectOne(problems(titles: ["machine  learning\tartificial-intelligence\t\(r)"]),
                  file: "curation/title-terms.tsv", line: 2, containing: "not written as lower-case words")
        #expect(parses(titles: ["5g\tartificial-intelligence\t\(r)", "machine learning\tartificial-intelligence\t\(r)"]))
    }

    @Test func aFocusAreaIncludesCategoriesOfTheOtherFramework() {
        expectOne(problems(inclusions: ["\(F.ai)\t\(F.computing)\t\(r)"]),
                  file: "curation/field-includes.tsv", line: 2,
                  containing: "'\(F.ai)' is not a field of the chips-2022 framework")
        expectOne(problems(inclusions: ["\(F.hpc)\t\(F.advancedEnergy)\t\(r)"]),
                  file: "curation/field-includes.tsv", line: 2,
                  containing: "'\(F.advancedEnergy)' is not a field of the cet-2024 framework")
        expectOne(problems(inclusions: ["\(F.hpc)\tcomputing\t\(r)"]),
                  file: "curation/field-includes.tsv", line: 2, containing: "'computing' is not a field of the cet-2024")
        #expect(parses(inclusions: ["\(F.hpc)\t\(F.computing)\t\(r)", "\(F.hpc)\t\(F.semiconductors)\t\(r)"]))
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
        expectOne(problems(occupations: ["17-2011\tspace-technologies-and-systems\treason"]),
                  file: "curation/occupation-fields.tsv", line: 2,
                  containing: "3 column(s), expected 4 (code, field, grade, rationale)")
        expectOne(problems(occupations: ["17-2011\tspace-technologies-and-systems\tcore\treason\textra"]),
                  file: "curation/occupation-fields.tsv", line: 2, containing: "5 column(s), expected 4")
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
            titles: ["Machine learning\tartificial-intelligence\t\(r)"],
            occupations: ["15-0000\tartificial-intelligence\tcore\t\(r)"],
            inclusions: ["\(F.ai)\t\(F.computing)\t\(r)"])
        #expect(diagnostics.map(\.description).map { String($0.prefix(33)) } == [
            "curation/cip-fields.tsv:3: empty ",  // empty rationale
            "curation/cip-fields.tsv:3: unknow",  // unknown CIP code
            "curation/cip-fields.tsv:3: unknow",  // unknown field
            // Files in the order Graph/ lists them (`GraphTable.all`), so the root cause comes first.
            "curation/technology-fields.tsv:2:",
            "curation/technology-fields.tsv:3:",
            "curation/title-terms.tsv:2: term ",
            "curation/occupation-fields.tsv:2:",
            "curation/field-includes.tsv:2: 'a",
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
