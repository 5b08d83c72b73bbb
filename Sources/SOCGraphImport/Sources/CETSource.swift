import Foundation
import SOCGraph

/// Reads the national-interest fields of both frameworks: the 18 categories of the NSTC Critical and Emerging
/// Technologies List Update (February 2024) and the ten key technology focus areas of the CHIPS and Science Act of
/// 2022, section 10387.
public struct CETSource: Sendable {
    public static let file = OfficialFile.cetCategories
    public static let chipsFile = OfficialFile.chipsFocusAreas

    public struct Category: Sendable, Equatable {
        public let framework: Framework
        public let number: Int
        /// As published; a focus area's first letter is capitalised.
        public let name: String
        /// `FieldID.id(name:framework:)`.
        public var id: String { FieldID.id(name: name, framework: framework) }
    }

    /// CET categories by number, then CHIPS focus areas by number.
    public let categories: [Category]

    public static func read(from directory: SourceDirectory) throws -> CETSource {
        var problems = SourceProblems()
        var categories: [Category] = []
        var ids: Set<String> = []
        for (framework, file, nameColumn) in [(Framework.cet, file, "Category"),
                                              (.chips, chipsFile, "key_technology_focus_area")] {
            let tsv = try directory.tsv(file)
            let numberColumn = framework == .cet ? "Number" : "number"
            let number = try tsv.column(numberColumn), name = try tsv.column(nameColumn)
            var numbers: Set<Int> = []
            for row in tsv.rows {
                var text = row.fields[name].trimmingCharacters(in: .whitespaces)
                text = text.prefix(1).uppercased() + text.dropFirst()
                guard let value = Int(row.fields[number].trimmingCharacters(in: .whitespaces)), value > 0 else {
                    problems.record("bad number '\(row.fields[number])' in "
                                    + tsv.location(line: row.line, column: numberColumn))
                    continue
                }
                let category = Category(framework: framework, number: value, name: text)
                if category.id.isEmpty || !ids.insert(category.id).inserted || !numbers.insert(value).inserted {
                    problems.record("empty or repeated field '\(text)' in "
                                    + tsv.location(line: row.line, column: nameColumn))
                    continue
                }
                categories.append(category)
            }
        }
        try problems.throwIfAny()
        return CETSource(categories: categories)
    }
}
