import Foundation
import SOCGraph
@testable import SOCGraphImport
import Testing

/// A small world for the alignment tests: a few CIP codes, SOC codes (one a catch-all with an O*NET specialty),
/// technologies, titles and fields of both frameworks, and curation tables written as TSV text by each test.
enum AlignmentFixture {
    static let ai = "artificial-intelligence"
    static let computing = "advanced-computing"
    static let semiconductors = "semiconductors-and-microelectronics"
    static let space = "space-technologies-and-systems"
    static let autonomy = "highly-automated-autonomous-and-uncrewed-systems-and-robotics"
    static let cleanEnergy = "clean-energy-generation-and-storage"
    /// CHIPS focus areas: one including computing and semiconductors, one including clean energy.
    static let hpc = "high-performance-computing-semiconductors-and-advanced-computer-hardware-and-software"
    static let advancedEnergy = "advanced-energy-and-industrial-efficiency-technologies"

    /// SOC detailed codes and O*NET specialties with their titles.
    static let occupationTitles = [
        "15-1221": "Computer and Information Research Scientists", "15-2051": "Data Scientists",
        "17-2011": "Aerospace Engineers", "17-2061": "Computer Hardware Engineers", "19-2012": "Physicists",
        "29-1141": "Registered Nurses", "17-2199": "Engineers, All Other",
        "17-2199.10": "Wind Energy Engineers", "17-2199.11": "Solar Energy Systems Engineers",
    ]

    static let vocabulary = CurationTables.Vocabulary(
        cipLevels: ["11": .family, "11.01": .series, "11.0102": .program, "11.0701": .program, "14.0201": .program,
                    "40.0807": .program, "29.0302": .program],
        crosswalkedPrograms: ["11.0102", "11.0701", "14.0201", "40.0807"],
        technologies: ["TensorFlow", "PyTorch", "Synopsys HSPICE", "Cadence Virtuoso", "Keras", "Microsoft Excel",
                       "Microsoft Word", "Python", "Tableau", "SAS"],
        socLevels: ["15-0000": .major, "15-1200": .minor, "15-1220": .broad, "15-1221": .detailed,
                    "15-2051": .detailed, "17-2011": .detailed, "17-2061": .detailed, "19-2012": .detailed,
                    "29-1141": .detailed, "17-2199": .detailed],
        occupationTitles: occupationTitles,
        fields: [ai: .cet, computing: .cet, semiconductors: .cet, space: .cet, "directed-energy": .cet,
                 autonomy: .cet, cleanEnergy: .cet, hpc: .chips, advancedEnergy: .chips])

    /// The crosswalk: which programs prepare for which occupations.
    static let crosswalk: [(cip: String, code: String)] = [
        ("11.0102", "15-1221"), ("11.0701", "15-1221"), ("11.0701", "15-2051"), ("11.0102", "15-2051"),
        ("14.0201", "17-2011"), ("40.0807", "19-2012"), ("11.0701", "17-2061"),
    ]

    /// Occupation → technology with the Hot Technology flag (as projected onto SOC codes). 15-2051 has 10 points.
    static let uses: [(code: String, technology: String, hot: Bool)] = [
        ("15-2051", "TensorFlow", true), ("15-2051", "PyTorch", false), ("15-2051", "Microsoft Excel", true),
        ("15-2051", "Python", true), ("15-2051", "Tableau", false), ("15-2051", "SAS", false),
        ("15-2051", "Microsoft Word", false),
        ("17-2061", "Synopsys HSPICE", false), ("17-2061", "Cadence Virtuoso", false),
        ("29-1141", "Microsoft Excel", true),
    ]

    /// Titles besides each code's SOC title (which every profile has).
    static let titles: [(code: String, title: String)] = [
        ("15-2051", "Machine Learning Engineer"), ("15-2051", "Data Analyst"),
        ("17-2199", "Solar Engineer"),
    ]

    /// The O*NET specialties' own profiles: titles (and no programs, which the crosswalk gives SOC codes only).
    static let specialtyTitles: [(code: String, title: String)] = [
        ("17-2199.11", "Solar Energy Systems Engineers"), ("17-2199.11", "Solar Engineer"),
        ("17-2199.10", "Wind Energy Engineers"),
    ]

    static let rationale = "CET 2024 test: a reason"

    /// The five tables' text: a header and the rows given (each row's fields joined by tabs), rows kept in the
    /// order given.
    static func texts(programs: [String] = [], technologies: [String] = [], titles: [String] = [],
                      occupations: [String] = [], inclusions: [String] = []) -> [CurationTables.Table: Data] {
        func text(_ table: CurationTables.Table, _ rows: [String]) -> Data {
            Data(([table.header.joined(separator: "\t")] + rows).map { $0 + "\n" }.joined().utf8)
        }
        return [.programs: text(.programs, programs), .technologies: text(.technologies, technologies),
                .titles: text(.titles, titles), .occupations: text(.occupations, occupations),
                .inclusions: text(.inclusions, inclusions)]
    }

    /// Rows `key<TAB>field<TAB>rationale`, sorted bytewise as the tables require.
    static func rows(_ pairs: [(String, String)]) -> [String] {
        sorted(pairs.map { "\($0.0)\t\($0.1)\t\(rationale)" })
    }

    /// Rows `code<TAB>field<TAB>grade<TAB>rationale`, sorted.
    static func rows(_ links: [(String, String, AlignmentGrade)]) -> [String] {
        sorted(links.map { "\($0.0)\t\($0.1)\t\($0.2.name)\t\(rationale)" })
    }

    static func sorted(_ rows: [String]) -> [String] { rows.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) } }

    static func tables(programs: [(String, String)] = [], technologies: [(String, String)] = [],
                       titles: [(String, String)] = [], occupations: [(String, String, AlignmentGrade)] = [],
                       inclusions: [(String, String)] = []) throws -> CurationTables {
        try CurationTables.parse(
            texts(programs: rows(programs), technologies: rows(technologies), titles: rows(titles),
                  occupations: rows(occupations), inclusions: rows(inclusions)),
            vocabulary: vocabulary)
    }

    /// The SOC codes' profiles as the importer builds them: every detailed code with its SOC title, its
    /// crosswalked programs, its technologies and its other titles.
    static func socProfiles(crosswalk: [(cip: String, code: String)] = crosswalk,
                            uses: [(code: String, technology: String, hot: Bool)] = uses,
                            titles: [(code: String, title: String)] = titles) -> [String: FieldAlignments.Profile] {
        var profiles: [String: FieldAlignments.Profile] = [:]
        for (code, title) in socTitles { profiles[code, default: .init()].add(title: title) }
        for pair in crosswalk { profiles[pair.code, default: .init()].programs.insert(pair.cip) }
        for use in uses { profiles[use.code, default: .init()].technologies[use.technology] = use.hot }
        for entry in titles { profiles[entry.code, default: .init()].add(title: entry.title) }
        return profiles
    }

    static func specialtyProfiles(titles: [(code: String, title: String)] = specialtyTitles)
        -> [String: FieldAlignments.Profile]
    {
        var profiles: [String: FieldAlignments.Profile] = [:]
        for entry in titles { profiles[entry.code, default: .init()].add(title: entry.title) }
        return profiles
    }

    /// The SOC titles of the detailed codes (for catch-alls).
    static let socTitles = occupationTitles.filter { $0.key.count == 7 }

    /// Each SOC code's O*NET occupations, the `.00` one (every code has one here) counted twice: 17-2199 with
    /// 17-2199.10 and 17-2199.11 counts 4.
    static let onetOccupations: [String: Int] = Dictionary(uniqueKeysWithValues: socTitles.keys.map { code in
        (code, 2 + occupationTitles.keys.filter { $0.count > 7 && $0.hasPrefix(code + ".") }.count)
    })

    static func derive(_ curation: CurationTables, crosswalk: [(cip: String, code: String)] = crosswalk,
                       uses: [(code: String, technology: String, hot: Bool)] = uses,
                       titles: [(code: String, title: String)] = titles,
                       specialties: [(code: String, title: String)] = specialtyTitles,
                       onetOccupations: [String: Int] = onetOccupations) -> FieldAlignments {
        FieldAlignments(socProfiles: socProfiles(crosswalk: crosswalk, uses: uses, titles: titles),
                        specialtyProfiles: specialtyProfiles(titles: specialties), socTitles: socTitles,
                        onetOccupations: onetOccupations, curation: curation)
    }

    /// The standard curation of the fixture.
    static let programs = [("11.0102", ai), ("11.0701", computing), ("14.0201", space)]
    static let technologies = [("TensorFlow", ai), ("PyTorch", ai), ("Synopsys HSPICE", semiconductors),
                               ("Cadence Virtuoso", semiconductors)]
    static let titleTerms = [("machine learning", ai)]
    static let occupations: [(String, String, AlignmentGrade)] = [("17-2011", autonomy, .core)]
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
