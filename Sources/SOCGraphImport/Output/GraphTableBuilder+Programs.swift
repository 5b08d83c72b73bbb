import Foundation
import SOCGraph

/// Study programs, the crosswalk and designations.
extension GraphTableBuilder {
    mutating func cipFile() -> GraphTable {
        let stem = data.stemPrograms
        var stemCount = 0, seriesOnly = 0
        let rows = data.cip.programs.map { program -> [String] in
            guard program.level == .program else {
                return [program.cip, program.level.rawValue, program.title, program.parent ?? "", "", ""]
            }
            let basis = stem.basis(of: program.cip)
            if basis != nil { stemCount += 1 }
            if basis?.hasPrefix("series-") == true { seriesOnly += 1 }
            return [program.cip, program.level.rawValue, program.title, program.parent ?? "",
                    basis == nil ? "no" : "yes", basis ?? ""]
        }
        let levels = [CIPSource.Level.family, .series, .program].map { level in
            "\(data.cip.programs.filter { $0.level == level }.count) \(level.rawValue)"
        }
        note("cip: \(levels.joined(separator: ", ")); \(data.cip.retiredCodes.count) CIP 2010 codes marked "
            + "'Moved from' or 'Deleted' left out; \(stemCount) STEM programs (\(stem.listedPrograms.count) listed, "
            + "\(seriesOnly) by the series 14, 26, 27, 40 rule alone); \(stem.listedHeadings.count) listed codes are series or family "
            + "headings in those series: \(stem.listedHeadings.joined(separator: " "))")
        return GraphTable(path: "cip.tsv", header: ["cip", "level", "title", "parent", "stem", "stem_basis"], rows: rows)
    }

    mutating func cipSOCFile() -> GraphTable {
        note("cip-soc: \(data.crosswalk.pairs.count) pairs; \(data.crosswalk.noMatchRows) rows with "
            + "99.9999 or 99-9999 (no match) left out")
        return GraphTable(path: "cip-soc.tsv", header: ["cip", "code"], rows: data.crosswalk.pairs.map { [$0.cip, $0.code] })
    }

    /// `stem` from the O*NET STEM list (basis: the O*NET-SOC codes with their occupation types) and
    /// `schedule-a-group-1` from 20 CFR 656.5(a).
    mutating func designationsFile() -> GraphTable {
        var basis: [String: [String]] = [:]
        for entry in data.stemOccupations.entries {
            basis[Self.socCode(entry.onetCode), default: []].append("\(entry.onetCode) (\(entry.types))")
        }
        var rows = basis.map { code, reasons in
            [code, "stem", reasons.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.joined(separator: "; ")]
        }
        rows += ScheduleA.groupOne.map { [$0.code, "schedule-a-group-1", $0.basis] }
        note("designations: \(basis.count) SOC detailed codes are STEM (\(data.stemOccupations.entries.count) "
            + "O*NET-SOC codes); \(ScheduleA.groupOne.count) Schedule A Group I codes")
        return GraphTable(path: "designations.tsv", header: ["code", "designation", "basis"], rows: rows)
    }
}
