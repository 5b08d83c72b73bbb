import Foundation
import SOCGraph

/// Reads O*NET 29.3 Technology Skills: technology examples used in each O*NET-SOC occupation, with their UNSPSC
/// commodity and the Hot Technology and In Demand flags.
public struct TechnologySkillsSource: Sendable {
    public static let file = OfficialFile.onetTechnologySkills
    static let columns = ["O*NET-SOC Code", "Example", "Commodity Code", "Commodity Title", "Hot Technology", "In Demand"]

    public struct Use: Sendable, Equatable {
        public let onetCode: String
        public let technology: String
        public let commodityCode: String
        public let commodityTitle: String
        public let hot: Bool
        public let inDemand: Bool
    }

    public let uses: [Use]

    /// `onetCodes`: the codes of Occupation Data; a row naming any other code is a problem.
    public static func read(from directory: SourceDirectory, onetCodes: Set<String>) throws -> TechnologySkillsSource {
        let table = try XLSXTable(sheet: directory.workbook(file).sheet(at: 0), requiredColumns: columns)
        var problems = SourceProblems()
        var uses: [Use] = []
        for row in table.dataRows where !row.isEmpty {
            try problems.attempt {
                let commodity = try table.string(row, "Commodity Code")
                guard commodity.count == 8, commodity.allSatisfy(\.isASCII), Int(commodity) != nil else {
                    throw SOCGraphError.sourceProblem(
                        "'\(commodity)' is not an 8-digit UNSPSC commodity code in "
                            + "\(table.location(row, "Commodity Code"))")
                }
                uses.append(Use(
                    onetCode: try ONetColumns.code(table, row, known: onetCodes),
                    technology: try table.string(row, "Example"),
                    commodityCode: commodity,
                    commodityTitle: try table.string(row, "Commodity Title"),
                    hot: try ONetColumns.flag(table, row, "Hot Technology"),
                    inDemand: try ONetColumns.flag(table, row, "In Demand")))
            }
        }
        try problems.throwIfAny()
        return TechnologySkillsSource(uses: uses)
    }
}
