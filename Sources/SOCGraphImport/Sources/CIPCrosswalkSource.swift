import Foundation
import SOCGraph

/// Reads the NCES/BLS CIP 2020–SOC 2018 crosswalk, sheet "CIP-SOC": which study programs prepare for which
/// occupations. Rows pairing with `99.9999` or `99-9999` ("no match") are left out and counted.
public struct CIPCrosswalkSource: Sendable {
    public static let file = OfficialFile.cipSOCCrosswalk
    static let sheetName = "CIP-SOC"
    static let noMatchCIP = "99.9999"
    static let noMatchSOC = "99-9999"

    public struct Pair: Sendable, Equatable {
        public let cip: String
        public let code: String
    }

    public let pairs: [Pair]
    /// Rows left out because one side is the "no match" code.
    public let noMatchRows: Int

    /// `programs`: the CIP 2020 program codes; `socDetailed`: the SOC 2018 detailed codes. A pair naming any other
    /// code is a problem.
    public static func read(
        from directory: SourceDirectory, programs: Set<String>, socDetailed: Set<String>
    ) throws -> CIPCrosswalkSource {
        let table = try XLSXTable(
            sheet: directory.workbook(file).sheet(named: sheetName), requiredColumns: ["CIP2020Code", "SOC2018Code"])
        var problems = SourceProblems()
        var pairs: [Pair] = []
        var noMatch = 0
        for row in table.dataRows where !row.isEmpty {
            try problems.attempt {
                let cip = try table.string(row, "CIP2020Code")
                guard CodeFormat.matches(cip, "99.9999") else {
                    throw SOCGraphError.sourceProblem(
                        "'\(cip)' is not a six-digit CIP code in \(table.location(row, "CIP2020Code"))")
                }
                let code = try table.string(row, "SOC2018Code")
                guard CodeFormat.isSOC(code) else {
                    throw SOCGraphError.sourceProblem("'\(code)' is not a SOC code in \(table.location(row, "SOC2018Code"))")
                }
                if cip == noMatchCIP || code == noMatchSOC {
                    noMatch += 1
                } else if !programs.contains(cip) {
                    throw SOCGraphError.sourceProblem(
                        "'\(cip)' is not a CIP 2020 program in \(table.location(row, "CIP2020Code"))")
                } else if !socDetailed.contains(code) {
                    throw SOCGraphError.sourceProblem(
                        "'\(code)' is not a SOC 2018 detailed code in \(table.location(row, "SOC2018Code"))")
                } else {
                    pairs.append(Pair(cip: cip, code: code))
                }
            }
        }
        try problems.throwIfAny()
        return CIPCrosswalkSource(pairs: pairs, noMatchRows: noMatch)
    }
}
