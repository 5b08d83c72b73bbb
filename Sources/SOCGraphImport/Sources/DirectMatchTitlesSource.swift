import Foundation
import SOCGraph

/// Reads the BLS 2018 SOC Direct Match Title File: job titles that map to exactly one SOC detailed code.
public struct DirectMatchTitlesSource: Sendable {
    public static let file = OfficialFile.socDirectMatchTitles
    static let columns = ["2018 SOC Code", "2018 SOC Direct Match Title", "Illustrative Example"]

    public struct Title: Sendable, Equatable {
        public let code: String
        public let title: String
        /// Marked `x` in the "Illustrative Example" column.
        public let illustrative: Bool
    }

    public let titles: [Title]

    /// `socDetailed`: the SOC 2018 detailed codes; a title mapped to any other code is a problem.
    public static func read(from directory: SourceDirectory, socDetailed: Set<String>) throws -> DirectMatchTitlesSource {
        let workbook = try directory.workbook(file)
        let sheet = try workbook.sheet(at: 0)
        let table = try XLSXTable(sheet: sheet, requiredColumns: columns)
        var problems = SourceProblems()
        var titles: [Title] = []
        for row in table.dataRows where !row.isEmpty {
            try problems.attempt {
                let code = try table.string(row, "2018 SOC Code")
                guard socDetailed.contains(code) else {
                    throw SOCGraphError.sourceProblem(
                        "'\(code)' is not a SOC 2018 detailed code in \(table.location(row, "2018 SOC Code"))")
                }
                let title = try table.string(row, "2018 SOC Direct Match Title")
                let flag = table.optionalString(row, "Illustrative Example")
                guard flag == nil || flag == "x" || flag == "X" else {
                    throw SOCGraphError.sourceProblem(
                        "unexpected flag '\(flag ?? "")' in \(table.location(row, "Illustrative Example")); "
                            + "expected x or nothing")
                }
                titles.append(Title(code: code, title: title, illustrative: flag != nil))
            }
        }
        try problems.throwIfAny()
        return DirectMatchTitlesSource(titles: titles)
    }
}
