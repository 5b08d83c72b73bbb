import Foundation
import SOCGraph

/// Reads NCES CIPCode2020.csv: the CIP 2020 families, series and programs with their titles (kept exactly as
/// published, trailing period included).
///
/// The file also lists CIP 2010 codes that CIP 2020 moved away or deleted (Action `Moved from`, `Deleted`); they
/// are not CIP 2020 codes and are left out, and counted in `retiredCodes`.
public struct CIPSource: Sendable {
    public static let file = OfficialFile.cipCodes

    public enum Level: String, Sendable {
        case family, series, program
    }

    public struct Program: Sendable, Equatable {
        public let cip: String
        public let level: Level
        public let title: String
        /// The family (for a series) or series (for a program); nil for a family.
        public var parent: String? {
            switch level {
            case .family: return nil
            case .series: return String(cip.prefix(2))
            case .program: return String(cip.prefix(5))
            }
        }
    }

    /// The current CIP 2020 codes, in file order.
    public let programs: [Program]
    /// Codes left out because the file marks them `Moved from` or `Deleted`.
    public let retiredCodes: [String]

    static let currentActions: Set<String> = ["No substantive changes", "New", "Moved to", "Title change only"]
    static let retiredActions: Set<String> = ["Moved from", "Deleted"]

    public static func read(from directory: SourceDirectory) throws -> CIPSource {
        let csv = try directory.csv(file)
        let family = try csv.column("CIPFamily"), code = try csv.column("CIPCode")
        let action = try csv.column("Action"), title = try csv.column("CIPTitle")
        var problems = SourceProblems()
        var programs: [Program] = []
        var retired: [String] = []
        var seen: Set<String> = []
        for row in csv.rows {
            func location(_ column: String) -> String { "\(csv.file), line \(row.line), column '\(column)'" }
            try problems.attempt {
                let cip = row.fields[code].trimmingCharacters(in: .whitespaces)
                guard CodeFormat.isCIP(cip) else {
                    throw SOCGraphError.sourceProblem("'\(cip)' is not a CIP code in \(location("CIPCode"))")
                }
                guard row.fields[family].trimmingCharacters(in: .whitespaces) == String(cip.prefix(2)) else {
                    throw SOCGraphError.sourceProblem(
                        "family '\(row.fields[family])' does not match code '\(cip)' in \(location("CIPFamily"))")
                }
                let what = row.fields[action].trimmingCharacters(in: .whitespaces)
                if retiredActions.contains(what) {
                    retired.append(cip)
                    return
                }
                guard currentActions.contains(what) else {
                    throw SOCGraphError.sourceProblem("unknown action '\(what)' in \(location("Action"))")
                }
                guard seen.insert(cip).inserted else {
                    throw SOCGraphError.sourceProblem("repeated code '\(cip)' in \(location("CIPCode"))")
                }
                let text = row.fields[title].trimmingCharacters(in: .whitespaces)
                guard !text.isEmpty else { throw SOCGraphError.sourceProblem("empty title in \(location("CIPTitle"))") }
                let level: Level = cip.count == 2 ? .family : cip.count == 5 ? .series : .program
                programs.append(Program(cip: cip, level: level, title: text))
            }
        }
        for program in programs {
            if let parent = program.parent, !seen.contains(parent) {
                problems.record("\(csv.file): '\(program.cip)' has no \(program.level == .series ? "family" : "series") '\(parent)'")
            }
        }
        try problems.throwIfAny()
        return CIPSource(programs: programs, retiredCodes: retired)
    }
}
