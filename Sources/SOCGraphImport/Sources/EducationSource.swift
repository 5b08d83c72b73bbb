import Foundation
import SOCGraph

/// Reads O*NET 29.3 Education, Training, and Experience (scale RL, Required Level of Education, only) and its
/// Categories file, and maps the 12 RL categories onto the 8 BLS entry-education levels.
public struct EducationSource: Sendable {
    public static let file = OfficialFile.onetEducation
    public static let categoriesFile = OfficialFile.onetEducationCategories

    /// One RL category with the BLS level it is counted as.
    public struct Category: Sendable, Equatable {
        public let number: Int
        public let title: String
        public let level: EducationLevel
    }

    /// The share of respondents whose job requires one category.
    public struct Share: Sendable, Equatable {
        public let onetCode: String
        public let category: Int
        /// Percent, rounded to the published two decimals.
        public let percent: Double
    }

    public let categories: [Category]
    public let shares: [Share]

    /// The nearest BLS level of each RL category, and the words its title must start with (so that a renumbered
    /// edition fails loudly instead of mapping wrongly). Certificates after a degree count as that degree; a first
    /// professional degree and post-doctoral training count as doctoral or professional.
    static let levelOfCategory: [Int: (titlePrefix: String, level: EducationLevel)] = [
        1: ("Less than a High School Diploma", .none),
        2: ("High School Diploma", .highSchool),
        3: ("Post-Secondary Certificate", .postsecondaryNondegree),
        4: ("Some College Courses", .someCollege),
        5: ("Associate's Degree", .associate),
        6: ("Bachelor's Degree", .bachelor),
        7: ("Post-Baccalaureate Certificate", .bachelor),
        8: ("Master's Degree", .master),
        9: ("Post-Master's Certificate", .master),
        10: ("First Professional Degree", .doctoral),
        11: ("Doctoral Degree", .doctoral),
        12: ("Post-Doctoral Training", .doctoral),
    ]

    static let scale = "RL"

    /// `onetCodes`: the codes of Occupation Data; a row naming any other code is a problem.
    public static func read(from directory: SourceDirectory, onetCodes: Set<String>) throws -> EducationSource {
        var problems = SourceProblems()
        let categoryTable = try XLSXTable(
            sheet: directory.workbook(categoriesFile).sheet(at: 0),
            requiredColumns: ["Scale ID", "Category", "Category Description"])
        var categories: [Category] = []
        for row in categoryTable.dataRows where !row.isEmpty {
            try problems.attempt {
                guard try categoryTable.string(row, "Scale ID") == scale else { return }
                guard let number = try categoryTable.integer(row, "Category"),
                      let expected = levelOfCategory[number]
                else {
                    throw SOCGraphError.sourceProblem(
                        "unknown RL category '\(categoryTable.optionalString(row, "Category") ?? "")' in "
                            + "\(categoryTable.location(row, "Category")); expected 1 to 12")
                }
                let title = try categoryTable.string(row, "Category Description")
                guard title.replacingOccurrences(of: "\u{2019}", with: "'").hasPrefix(expected.titlePrefix) else {
                    throw SOCGraphError.sourceProblem(
                        "RL category \(number) is '\(title)' in \(categoryTable.location(row, "Category Description")), "
                            + "expected '\(expected.titlePrefix)…'; the category numbering has changed")
                }
                categories.append(Category(number: number, title: title, level: expected.level))
            }
        }
        let found = Set(categories.map(\.number))
        let missing = levelOfCategory.keys.filter { !found.contains($0) }.sorted()
        if !missing.isEmpty {
            problems.record("\(categoryTable.file): RL categories \(missing.map(String.init).joined(separator: ", ")) are missing")
        }
        try problems.throwIfAny()

        let table = try XLSXTable(
            sheet: directory.workbook(file).sheet(at: 0),
            requiredColumns: ["O*NET-SOC Code", "Scale ID", "Category", "Data Value"])
        var shares: [Share] = []
        var seen: Set<String> = []
        for row in table.dataRows where !row.isEmpty {
            try problems.attempt {
                guard try table.string(row, "Scale ID") == scale else { return }
                let code = try ONetColumns.code(table, row, known: onetCodes)
                guard let category = try table.integer(row, "Category"), found.contains(category) else {
                    throw SOCGraphError.sourceProblem(
                        "unknown RL category '\(table.optionalString(row, "Category") ?? "")' in "
                            + "\(table.location(row, "Category"))")
                }
                guard let percent = try table.number(row, "Data Value", places: 2), (0...100).contains(percent) else {
                    throw SOCGraphError.sourceProblem(
                        "percent '\(table.optionalString(row, "Data Value") ?? "")' out of 0–100 in "
                            + "\(table.location(row, "Data Value"))")
                }
                guard seen.insert("\(code) \(category)").inserted else {
                    throw SOCGraphError.sourceProblem(
                        "second RL value for \(code) category \(category) in \(table.location(row, "Category"))")
                }
                shares.append(Share(onetCode: code, category: category, percent: percent))
            }
        }
        try problems.throwIfAny()
        return EducationSource(categories: categories, shares: shares)
    }
}
