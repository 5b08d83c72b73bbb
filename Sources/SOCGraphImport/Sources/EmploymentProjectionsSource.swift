import Foundation
import SOCGraph

/// Reads BLS Employment Projections 2024–34, `occupation.xlsx` sheet "Table 1.2": the line items (SOC detailed
/// codes and EP aggregates) with employment, change, openings, median wage and typical entry requirements.
public struct EmploymentProjectionsSource: Sendable {
    public static let file = OfficialFile.employmentProjections
    static let sheetName = "Table 1.2"

    enum Column {
        static let code = "2024 National Employment Matrix code"
        static let type = "Occupation type"
        static let employment2024 = "Employment, 2024"
        static let employment2034 = "Employment, 2034"
        static let changeNumeric = "Employment change, numeric, 2024–34"
        static let changePercent = "Employment change, percent, 2024–34"
        static let openings = "Occupational openings, 2024–34 annual average"
        static let wage = "Median annual wage, dollars, 2024[1]"
        static let education = "Typical education needed for entry"
        static let experience = "Work experience in a related occupation"
        static let training = "Typical on-the-job training needed to attain competency in the occupation"
        static let all = [code, type, employment2024, employment2034, changeNumeric, changePercent, openings, wage,
                          education, experience, training]
    }

    /// One EP line item, numbers rounded to their published precision (thousands and percent to one decimal).
    public struct LineItem: Sendable, Equatable {
        /// A SOC detailed code or an EP aggregate such as `13-1020`.
        public let epCode: String
        public let employment2024: Double
        public let employment2034: Double
        public let changeNumeric: Double
        public let changePercent: Double
        public let openingsAnnual: Double
        /// Nil where EP shows "—".
        public let medianWage: Wage?
        public let education: EducationLevel
        public let workExperience: String
        public let training: String
    }

    public let items: [LineItem]

    public static func read(from directory: SourceDirectory) throws -> EmploymentProjectionsSource {
        let table = try XLSXTable(sheet: directory.workbook(file).sheet(named: sheetName), requiredColumns: Column.all)
        var problems = SourceProblems()
        var items: [LineItem] = []
        var seen: Set<String> = []
        for row in table.dataRows {
            guard let type = table.optionalString(row, Column.type) else { continue }  // notes below the table
            try problems.attempt {
                switch type {
                case "Summary": return
                case "Line item": break
                default:
                    throw SOCGraphError.sourceProblem(
                        "unknown occupation type '\(type)' in \(table.location(row, Column.type)); "
                            + "expected Line item or Summary")
                }
                let code = try table.string(row, Column.code)
                guard CodeFormat.isSOC(code), seen.insert(code).inserted else {
                    throw SOCGraphError.sourceProblem(
                        "'\(code)' is not a SOC-shaped code or is repeated in \(table.location(row, Column.code))")
                }
                let educationText = try table.string(row, Column.education)
                guard let education = EducationLevel(blsTitle: educationText) else {
                    throw SOCGraphError.sourceProblem(
                        "unknown education level '\(educationText)' in \(table.location(row, Column.education))")
                }
                func required(_ column: String) throws -> Double {
                    guard let value = try table.number(row, column, places: 1) else {
                        throw SOCGraphError.sourceProblem("no value in \(table.location(row, column))")
                    }
                    return value
                }
                items.append(LineItem(
                    epCode: code,
                    employment2024: try required(Column.employment2024),
                    employment2034: try required(Column.employment2034),
                    changeNumeric: try required(Column.changeNumeric),
                    changePercent: try required(Column.changePercent),
                    openingsAnnual: try required(Column.openings),
                    medianWage: try Wage.parse(table.optionalString(row, Column.wage),
                                               at: table.location(row, Column.wage)),
                    education: education,
                    workExperience: try table.string(row, Column.experience),
                    training: try table.string(row, Column.training)))
            }
        }
        if items.isEmpty && problems.isEmpty { problems.record("\(table.file), sheet '\(sheetName)': no line items") }
        try problems.throwIfAny()
        return EmploymentProjectionsSource(items: items)
    }
}

/// A published annual wage in whole dollars: exact, or a top-coded floor (`>=$239,200`).
public enum Wage: Sendable, Equatable {
    case exact(Int)
    case atLeast(Int)

    /// `135980`, or `>=239200` for a floor.
    public var graphText: String {
        switch self {
        case let .exact(dollars): return String(dollars)
        case let .atLeast(dollars): return ">=" + String(dollars)
        }
    }

    /// Parses `135980`, `135980.0`, `>=$239,200`; nil for an empty cell or a dash; `location` names the cell.
    static func parse(_ text: String?, at location: String) throws -> Wage? {
        guard let text, !["—", "–", "-"].contains(text) else { return nil }
        var body = Substring(text)
        let floor = body.hasPrefix(">=") || body.hasPrefix("≥")
        if body.hasPrefix(">=") { body = body.dropFirst(2) } else if body.hasPrefix("≥") { body = body.dropFirst() }
        let digits = body.filter { $0 != "$" && $0 != "," }
        guard let value = Double(digits), value.isFinite, value >= 0, digits.allSatisfy({ $0.isASCII }) else {
            throw SOCGraphError.sourceProblem("bad wage '\(text)' in \(location)")
        }
        let dollars = Int(value.rounded())
        return floor ? .atLeast(dollars) : .exact(dollars)
    }
}
