import Foundation
import SOCGraph

/// Reads O*NET 29.3 Related Occupations: for each O*NET-SOC code, up to 20 related codes with tier and index.
public struct RelatedOccupationsSource: Sendable {
    public static let file = OfficialFile.onetRelatedOccupations
    static let columns = ["O*NET-SOC Code", "Related O*NET-SOC Code", "Relatedness Tier", "Index"]

    /// `Primary-Short` → `primary-short`.
    public enum Tier: String, Sendable, CaseIterable {
        case primaryShort = "primary-short"
        case primaryLong = "primary-long"
        case supplemental
    }

    public struct Pair: Sendable, Equatable {
        public let onetCode: String
        public let relatedONetCode: String
        public let tier: Tier
        /// 1 (most related) upward.
        public let index: Int
    }

    public let pairs: [Pair]

    /// `onetCodes`: the codes of Occupation Data; a row naming any other code is a problem.
    public static func read(from directory: SourceDirectory, onetCodes: Set<String>) throws -> RelatedOccupationsSource {
        let table = try XLSXTable(sheet: directory.workbook(file).sheet(at: 0), requiredColumns: columns)
        var problems = SourceProblems()
        var pairs: [Pair] = []
        for row in table.dataRows where !row.isEmpty {
            try problems.attempt {
                let code = try ONetColumns.code(table, row, known: onetCodes)
                let related = try ONetColumns.code(table, row, column: "Related O*NET-SOC Code", known: onetCodes)
                let tierText = try table.string(row, "Relatedness Tier")
                guard let tier = Tier(rawValue: tierText.lowercased()) else {
                    throw SOCGraphError.sourceProblem(
                        "unknown tier '\(tierText)' in \(table.location(row, "Relatedness Tier")); expected "
                            + "Primary-Short, Primary-Long or Supplemental")
                }
                guard let index = try table.integer(row, "Index"), index >= 1 else {
                    throw SOCGraphError.sourceProblem(
                        "index '\(table.optionalString(row, "Index") ?? "")' is not a positive whole number in "
                            + "\(table.location(row, "Index"))")
                }
                pairs.append(Pair(onetCode: code, relatedONetCode: related, tier: tier, index: index))
            }
        }
        try problems.throwIfAny()
        return RelatedOccupationsSource(pairs: pairs)
    }
}
