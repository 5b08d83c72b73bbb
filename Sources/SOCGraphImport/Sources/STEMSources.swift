import Foundation
import SOCGraph

/// Reads the CIP codes listed on the DHS STEM Designated Degree Program List (July 2024). The list's own rule
/// adds every code in the series 14, 26, 27 and 40; `blanketSeries` carries that rule.
public struct STEMProgramsSource: Sendable {
    public static let file = OfficialFile.stemCIPCodes
    /// The PDF the code list was taken from; read only to pin it in the manifest.
    public static let listFile = OfficialFile.stemListPDF
    /// The list's own rule: every CIP code in the 14, 26, 27 and 40 series is STEM.
    public static let blanketSeries: Set<String> = ["14", "26", "27", "40"]

    /// The listed codes that are CIP 2020 programs.
    public let listedPrograms: Set<String>
    /// Listed codes that are not programs but a series or family heading written in six digits (`14.0100`,
    /// `26.0000`) inside a blanket series: already covered by the series rule, counted, not otherwise used.
    public let listedHeadings: [String]

    /// `cip`: the CIP 2020 codes. A listed code that is neither a program nor a heading in a blanket series is a
    /// problem.
    public static func read(from directory: SourceDirectory, cip: CIPSource) throws -> STEMProgramsSource {
        let tsv = try directory.tsv(file)
        let column = try tsv.column("CIP Code")
        let levels = Dictionary(cip.programs.map { ($0.cip, $0.level) }, uniquingKeysWith: { first, _ in first })
        var problems = SourceProblems()
        var programs: Set<String> = []
        var headings: [String] = []
        var seen: Set<String> = []
        for row in tsv.rows {
            let code = row.fields[column].trimmingCharacters(in: .whitespaces)
            let location = tsv.location(line: row.line, column: "CIP Code")
            if !CodeFormat.matches(code, "99.9999") {
                problems.record("'\(code)' is not a six-digit CIP code in \(location)")
            } else if !seen.insert(code).inserted {
                problems.record("repeated code '\(code)' in \(location)")
            } else if levels[code] == .program {
                programs.insert(code)
            } else if isHeading(code, levels: levels) {
                headings.append(code)
            } else {
                problems.record("'\(code)' in \(location) is not a CIP 2020 program")
            }
        }
        try problems.throwIfAny()
        return STEMProgramsSource(listedPrograms: programs, listedHeadings: headings)
    }

    /// `14.0100` (series 14.01) or `14.0000` (family 14) inside a blanket series.
    static func isHeading(_ code: String, levels: [String: CIPSource.Level]) -> Bool {
        let family = String(code.prefix(2)), series = String(code.prefix(5))
        guard blanketSeries.contains(family), code.hasSuffix("00") else { return false }
        if code.hasSuffix(".0000") { return levels[family] == .family }
        return levels[series] == .series
    }

    /// The `stem_basis` of a program: `listed`, `series-NN`, or nil when it is not STEM.
    public func basis(of program: String) -> String? {
        if listedPrograms.contains(program) { return "listed" }
        let family = String(program.prefix(2))
        return Self.blanketSeries.contains(family) ? "series-\(family)" : nil
    }
}

/// Reads the O*NET OnLine STEM occupations export (All_STEM_Occupations.csv): O*NET-SOC codes with their
/// STEM occupation types.
public struct STEMOccupationsSource: Sendable {
    public static let file = OfficialFile.onetSTEMOccupations

    public struct Entry: Sendable, Equatable {
        public let onetCode: String
        /// "Research, Development, Design, and Practitioners; Technologists and Technicians", as published.
        public let types: String
    }

    public let entries: [Entry]

    /// `onetCodes`: the codes of O*NET Occupation Data; an entry naming any other code is a problem.
    public static func read(from directory: SourceDirectory, onetCodes: Set<String>) throws -> STEMOccupationsSource {
        let csv = try directory.csv(file)
        let code = try csv.column("Code"), types = try csv.column("Occupation Types")
        _ = try csv.column("Occupation")
        var problems = SourceProblems()
        var entries: [Entry] = []
        for row in csv.rows {
            let onetCode = row.fields[code].trimmingCharacters(in: .whitespaces)
            let kinds = row.fields[types].trimmingCharacters(in: .whitespaces)
            if !CodeFormat.isONet(onetCode) || !onetCodes.contains(onetCode) {
                problems.record(
                    "'\(onetCode)' is not an O*NET 29.3 O*NET-SOC code in \(csv.file), line \(row.line), column 'Code'")
            } else if kinds.isEmpty {
                problems.record("empty value in \(csv.file), line \(row.line), column 'Occupation Types'")
            } else {
                entries.append(Entry(onetCode: onetCode, types: kinds))
            }
        }
        try problems.throwIfAny()
        return STEMOccupationsSource(entries: entries)
    }
}

/// Schedule A, Group I (20 CFR 656.5(a)): occupations the Department of Labor has pre-certified as short of U.S.
/// workers. A fixed regulatory fact, not a data file; each entry carries its citation.
public enum ScheduleA {
    public static let groupOne: [(code: String, basis: String)] = [
        ("29-1123", "20 CFR 656.5(a)(1): physical therapists"),
        ("29-1141", "20 CFR 656.5(a)(2): professional nurses (registered nurses)"),
    ]
}
