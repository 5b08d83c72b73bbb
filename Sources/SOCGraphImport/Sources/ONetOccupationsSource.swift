import Foundation
import SOCGraph

/// Reads O*NET 29.3 Occupation Data: every O*NET-SOC code (detailed occupations and their specialties) and title.
public struct ONetOccupationsSource: Sendable {
    public static let file = OfficialFile.onetOccupationData
    static let columns = ["O*NET-SOC Code", "Title"]

    public struct Occupation: Sendable, Equatable {
        /// `15-2051.01`.
        public let onetCode: String
        public let title: String
        /// The SOC detailed code: the first seven characters.
        public var code: String { String(onetCode.prefix(7)) }
    }

    public let occupations: [Occupation]

    /// `socDetailed`: the SOC 2018 detailed codes; an O*NET code whose first seven characters are not one of them
    /// is a problem.
    public static func read(from directory: SourceDirectory, socDetailed: Set<String>) throws -> ONetOccupationsSource {
        let table = try XLSXTable(sheet: directory.workbook(file).sheet(at: 0), requiredColumns: columns)
        var problems = SourceProblems()
        var occupations: [Occupation] = []
        var seen: Set<String> = []
        for row in table.dataRows where !row.isEmpty {
            try problems.attempt {
                let code = try ONetColumns.code(table, row)
                guard socDetailed.contains(String(code.prefix(7))) else {
                    throw SOCGraphError.sourceProblem(
                        "'\(code)' in \(table.location(row, "O*NET-SOC Code")) does not belong to a SOC 2018 detailed "
                            + "code (\(code.prefix(7)) is not one)")
                }
                guard seen.insert(code).inserted else {
                    throw SOCGraphError.sourceProblem(
                        "duplicate code '\(code)' in \(table.location(row, "O*NET-SOC Code"))")
                }
                occupations.append(Occupation(onetCode: code, title: try table.string(row, "Title")))
            }
        }
        try problems.throwIfAny()
        return ONetOccupationsSource(occupations: occupations)
    }
}

/// Helpers shared by the readers of O*NET database files.
enum ONetColumns {
    /// The "O*NET-SOC Code" of a row, checked to be `NN-NNNN.NN` and, when `known` is given, one of those codes.
    static func code(
        _ table: XLSXTable, _ row: XLSXRow, column: String = "O*NET-SOC Code", known: Set<String>? = nil
    ) throws -> String {
        let code = try table.string(row, column)
        guard CodeFormat.isONet(code) else {
            throw SOCGraphError.sourceProblem(
                "'\(code)' is not an O*NET-SOC code (NN-NNNN.NN) in \(table.location(row, column))")
        }
        if let known, !known.contains(code) {
            throw SOCGraphError.sourceProblem(
                "unknown O*NET-SOC code '\(code)' in \(table.location(row, column)) (not in "
                    + "\(OfficialFile.onetOccupationData.path.split(separator: "/").last ?? ""))")
        }
        return code
    }

    /// A `Y`/`N` flag.
    static func flag(_ table: XLSXTable, _ row: XLSXRow, _ column: String) throws -> Bool {
        switch try table.string(row, column) {
        case "Y": return true
        case "N": return false
        case let other:
            throw SOCGraphError.sourceProblem(
                "unexpected value '\(other)' in \(table.location(row, column)); expected Y or N")
        }
    }
}
