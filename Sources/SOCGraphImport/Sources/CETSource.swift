import Foundation
import SOCGraph

/// Reads the 18 categories of the NSTC Critical and Emerging Technologies List Update (February 2024).
public struct CETSource: Sendable {
    public static let file = OfficialFile.cetCategories

    public struct Category: Sendable, Equatable {
        public let number: Int
        public let name: String
        /// The name lower-cased, every run of other characters replaced by one hyphen, hyphens trimmed.
        public var id: String { CodeShape.slug(name) }
    }

    public let categories: [Category]

    public static func read(from directory: SourceDirectory) throws -> CETSource {
        let tsv = try directory.tsv(file)
        let number = try tsv.column("Number"), name = try tsv.column("Category")
        var problems = SourceProblems()
        var categories: [Category] = []
        var ids: Set<String> = [], numbers: Set<Int> = []
        for row in tsv.rows {
            let text = row.fields[name].trimmingCharacters(in: .whitespaces)
            guard let value = Int(row.fields[number].trimmingCharacters(in: .whitespaces)), value > 0 else {
                problems.record("bad number '\(row.fields[number])' in \(tsv.location(line: row.line, column: "Number"))")
                continue
            }
            let category = Category(number: value, name: text)
            if category.id.isEmpty || !ids.insert(category.id).inserted || !numbers.insert(value).inserted {
                problems.record("empty or repeated category '\(text)' in \(tsv.location(line: row.line, column: "Category"))")
                continue
            }
            categories.append(category)
        }
        try problems.throwIfAny()
        return CETSource(categories: categories)
    }
}
