import Foundation
import SOCGraph
@testable import SOCGraphImport
import Testing

/// A small world for the alignment tests: a few CIP codes, SOC codes, technologies and fields, and curation
/// tables written as TSV text by each test.
enum AlignmentFixture {
    static let vocabulary = CurationTables.Vocabulary(
        cipLevels: ["11": .family, "11.01": .series, "11.0102": .program, "11.0701": .program, "14.0201": .program,
                    "40.0807": .program, "29.0302": .program],
        crosswalkedPrograms: ["11.0102", "11.0701", "14.0201", "40.0807"],
        technologies: ["TensorFlow", "PyTorch", "Synopsys HSPICE", "Cadence Virtuoso", "Keras", "Microsoft Excel"],
        socLevels: ["15-0000": .major, "15-1200": .minor, "15-1220": .broad, "15-1221": .detailed,
                    "15-2051": .detailed, "17-2011": .detailed, "17-2061": .detailed, "19-2012": .detailed,
                    "29-1141": .detailed],
        fields: ["artificial-intelligence", "advanced-computing", "semiconductors-and-microelectronics",
                 "space-technologies-and-systems", "directed-energy",
                 "highly-automated-autonomous-and-uncrewed-systems-and-robotics"])

    /// The crosswalk: which programs prepare for which occupations.
    static let crosswalk: [(cip: String, code: String)] = [
        ("11.0102", "15-1221"), ("11.0701", "15-1221"), ("11.0701", "15-2051"), ("11.0102", "15-2051"),
        ("14.0201", "17-2011"), ("40.0807", "19-2012"), ("11.0701", "17-2061"),
    ]

    /// Occupation → technology with the Hot Technology flag.
    static let uses: [(code: String, technology: String, hot: Bool)] = [
        ("15-2051", "TensorFlow", true), ("15-2051", "PyTorch", false), ("15-2051", "Microsoft Excel", true),
        ("17-2061", "Synopsys HSPICE", false), ("17-2061", "Cadence Virtuoso", false),
        ("29-1141", "Microsoft Excel", true),
    ]

    static let rationale = "CET 2024 test: a reason"

    /// The three tables' text: a header and the rows given (each row's fields joined by tabs), rows kept in the
    /// order given.
    static func texts(programs: [String] = [], technologies: [String] = [], occupations: [String] = [])
        -> [CurationTables.Table: Data]
    {
        func text(_ table: CurationTables.Table, _ rows: [String]) -> Data {
            Data(([table.header.joined(separator: "\t")] + rows).map { $0 + "\n" }.joined().utf8)
        }
        return [.programs: text(.programs, programs), .technologies: text(.technologies, technologies),
                .occupations: text(.occupations, occupations)]
    }

    /// Rows `key<TAB>field<TAB>rationale`, sorted bytewise as the tables require.
    static func rows(_ pairs: [(String, String)]) -> [String] {
        pairs.map { "\($0.0)\t\($0.1)\t\(rationale)" }.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    static func tables(programs: [(String, String)] = [], technologies: [(String, String)] = [],
                       occupations: [(String, String)] = []) throws -> CurationTables {
        try CurationTables.parse(
            texts(programs: rows(programs), technologies: rows(technologies), occupations: rows(occupations)),
            vocabulary: vocabulary)
    }

    static func derive(_ curation: CurationTables) -> FieldAlignments {
        FieldAlignments(crosswalk: crosswalk, uses: uses, curation: curation)
    }

    /// The standard curation of the fixture.
    static let programs = [("11.0102", "artificial-intelligence"), ("11.0701", "advanced-computing"),
                           ("14.0201", "space-technologies-and-systems")]
    static let technologies = [("TensorFlow", "artificial-intelligence"), ("PyTorch", "artificial-intelligence"),
                               ("Synopsys HSPICE", "semiconductors-and-microelectronics"),
                               ("Cadence Virtuoso", "semiconductors-and-microelectronics")]
    static let occupations = [("17-2011", "highly-automated-autonomous-and-uncrewed-systems-and-robotics")]
}

/// The diagnostics of the `damagedGraph` that `body` throws; records an issue for anything else.
func curationProblems(_ body: () throws -> Void, sourceLocation: SourceLocation = #_sourceLocation) -> [Diagnostic] {
    do {
        try body()
    } catch let SOCGraphError.damagedGraph(diagnostics) {
        return diagnostics
    } catch {
        Issue.record("expected damagedGraph, got \(error)", sourceLocation: sourceLocation)
        return []
    }
    Issue.record("expected an error, none was thrown", sourceLocation: sourceLocation)
    return []
}
