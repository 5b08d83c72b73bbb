import Foundation
import SOCGraph

/// Reads O*NET 29.3 Alternate Titles: other job titles (and short titles such as "CFO") for each O*NET-SOC code.
public struct AlternateTitlesSource: Sendable {
    public static let file = OfficialFile.onetAlternateTitles

    public struct Title: Sendable, Equatable {
        public let onetCode: String
        public let title: String
    }

    /// The alternate titles, then the short titles, in file order.
    public let titles: [Title]

    /// `onetCodes`: the codes of Occupation Data; a row naming any other code is a problem.
    public static func read(from directory: SourceDirectory, onetCodes: Set<String>) throws -> AlternateTitlesSource {
        let table = try XLSXTable(
            sheet: directory.workbook(file).sheet(at: 0),
            requiredColumns: ["O*NET-SOC Code", "Alternate Title", "Short Title"])
        var problems = SourceProblems()
        var titles: [Title] = []
        for row in table.dataRows where !row.isEmpty {
            try problems.attempt {
                let code = try ONetColumns.code(table, row, known: onetCodes)
                titles.append(Title(onetCode: code, title: try table.string(row, "Alternate Title")))
                if let short = table.optionalString(row, "Short Title") {
                    titles.append(Title(onetCode: code, title: short))
                }
            }
        }
        try problems.throwIfAny()
        return AlternateTitlesSource(titles: titles)
    }
}
