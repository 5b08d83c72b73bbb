import Foundation
import SOCGraph

/// The reviewed tables of `Graph/curation/` (programs, technologies, title terms and occupations that signal a
/// national-interest field, and the CET categories each CHIPS focus area includes), read and checked against the
/// official data before any alignment is derived.
///
/// Every problem is collected, with its file (`curation/cip-fields.tsv`) and line, and `read` fails with one
/// `SOCGraphError.damagedGraph` listing all of them, so that a reviewer fixes a table in one pass.
public struct CurationTables: Sendable, Equatable {
    /// One of the three tables: its file name and its key column.
    public typealias Table = CurationTable

    /// One row: a program, technology, term or occupation (`key`) that signals `field`, and why. For an inclusion,
    /// `key` is the focus area and `field` the CET category it includes.
    public struct Link: Sendable, Equatable, Hashable {
        public let key: String
        public let field: String
        /// A direct link's grade.
        public var grade: AlignmentGrade? = nil
        public let rationale: String
        /// 1-based line in its file (the header is line 1).
        public let line: Int
    }

    /// The codes and names a curation row may refer to, taken from the official data being imported.
    public struct Vocabulary: Sendable, CurationVocabulary {
        /// Every CIP 2020 code with its level (family, series, program).
        public var cipLevels: [String: CIPSource.Level]
        /// The CIP programs with at least one SOC match in the crosswalk.
        public var crosswalkedPrograms: Set<String>
        /// Every O*NET Technology Skills example.
        public var technologies: Set<String>
        /// Every SOC 2018 code with its level.
        public var socLevels: [String: SOCLevel]
        /// Titles of SOC detailed codes and O*NET-SOC occupations.
        public var occupationTitles: [String: String]
        /// The field ids of `fields.tsv` with their frameworks.
        public var fields: [String: Framework]

        public init(cipLevels: [String: CIPSource.Level], crosswalkedPrograms: Set<String>, technologies: Set<String>,
                    socLevels: [String: SOCLevel], occupationTitles: [String: String], fields: [String: Framework]) {
            self.cipLevels = cipLevels
            self.crosswalkedPrograms = crosswalkedPrograms
            self.technologies = technologies
            self.socLevels = socLevels
            self.occupationTitles = occupationTitles
            self.fields = fields
        }

        /// The vocabulary of the official data read by an import.
        init(_ data: OfficialData) {
            self.init(
                cipLevels: Dictionary(data.cip.programs.map { ($0.cip, $0.level) }, uniquingKeysWith: { first, _ in first }),
                crosswalkedPrograms: Set(data.crosswalk.pairs.map(\.cip)),
                technologies: Set(data.technology.uses.map(\.technology)),
                socLevels: Dictionary(data.soc.groups.map { ($0.code, $0.level) }, uniquingKeysWith: { first, _ in first }),
                occupationTitles: Dictionary(
                    data.soc.groups.filter { $0.level == .detailed }.map { ($0.code, $0.title) }
                        + data.onet.occupations.map { ($0.onetCode, $0.title) }, uniquingKeysWith: { first, _ in first }),
                fields: Dictionary(data.cet.categories.map { ($0.id, $0.framework) }, uniquingKeysWith: { a, _ in a }))
        }

        public func cipLevel(of code: String) -> CIPLevel? { cipLevels[code].flatMap { CIPLevel(rawValue: $0.rawValue) } }
        public func isCrosswalked(_ program: String) -> Bool { crosswalkedPrograms.contains(program) }
        public func isTechnology(_ name: String) -> Bool { technologies.contains(name) }
        public func socLevel(of code: String) -> NodeKind? { socLevels[code].flatMap { NodeKind(rawValue: $0.rawValue) } }
        public func occupationTitle(of code: String) -> String? { occupationTitles[code] }
        public func framework(of id: String) -> Framework? { fields[id] }
    }

    /// The rows of each table, in file order.
    public let tables: [Table: [Link]]

    public init(_ tables: [Table: [Link]]) { self.tables = tables }

    public func links(_ table: Table) -> [Link] { tables[table] ?? [] }

    /// The rows of `table` as they signal fields: each row for its own field, and again for every focus area that
    /// includes that field (field-includes.tsv).
    public func effectiveLinks(_ table: Table) -> [Link] {
        var includers: [String: [String]] = [:]
        for inclusion in links(.inclusions) { includers[inclusion.field, default: []].append(inclusion.key) }
        return links(table).flatMap { link in
            [link] + (includers[link.field] ?? []).map {
                Link(key: link.key, field: $0, grade: link.grade, rationale: link.rationale, line: link.line)
            }
        }
    }

    /// Reads the three tables from `directory` (the graph's `curation/` folder) and checks every row.
    public static func read(from directory: URL, vocabulary: Vocabulary) throws -> CurationTables {
        var texts: [Table: Data] = [:]
        var missing: [Diagnostic] = []
        for table in Table.allCases {
            do {
                texts[table] = try Data(contentsOf: directory.appendingPathComponent(table.rawValue))
            } catch {
                missing.append(Diagnostic(
                    file: table.path, line: 0,
                    message: "missing or unreadable in \(directory.path): the reviewed curation tables are part of "
                        + "the repository; restore them (git checkout -- Graph/curation)"))
            }
        }
        if !missing.isEmpty { throw SOCGraphError.damagedGraph(missing) }
        return try parse(texts, vocabulary: vocabulary)
    }

    /// Parses and checks the three tables' bytes; throws `damagedGraph` with every problem found, in file and line
    /// order.
    public static func parse(_ texts: [Table: Data], vocabulary: Vocabulary) throws -> CurationTables {
        var checker = CurationChecker(vocabulary: vocabulary)
        var links: [Table: [Link]] = [:]
        for table in Table.allCases {
            links[table] = checker.check(table, texts[table] ?? Data())
        }
        if !checker.problems.isEmpty { throw SOCGraphError.damagedGraph(checker.problems.sorted()) }
        return CurationTables(links)
    }
}

/// The row checks of `CurationTables.parse`, collecting one diagnostic per problem.
private struct CurationChecker {
    let vocabulary: CurationTables.Vocabulary
    var problems: [Diagnostic] = []

    mutating func check(_ table: CurationTables.Table, _ data: Data) -> [CurationTables.Link] {
        func problem(_ line: Int, _ message: String) {
            problems.append(Diagnostic(file: table.path, line: line, message: message))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            problem(0, "not valid UTF-8 text: save the file as UTF-8")
            return []
        }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" { lines.removeLast() }
        guard let first = lines.first else {
            problem(0, "empty file: expected the header '\(table.header.joined(separator: "\t"))'")
            return []
        }
        let header = first.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        if header != table.header {
            problem(1, "header is '\(header.joined(separator: " | "))', expected '\(table.header.joined(separator: " | "))'")
        }
        var links: [CurationTables.Link] = []
        var seen: [String: Int] = [:]  // "key\tfield" → first line
        var previous: (line: Int, text: Substring)?
        for (offset, rawLine) in lines.enumerated().dropFirst() {
            let line = offset + 1
            if let before = previous, !before.text.utf8.lexicographicallyPrecedes(rawLine.utf8), before.text != rawLine {
                problem(line, "out of order: rows are sorted bytewise by the whole line, and this row sorts before "
                    + "line \(before.line)")
            }
            previous = (line, rawLine)
            if rawLine.contains("\r") {
                problem(line, "carriage return in the line: save the file with \\n line ends")
                continue
            }
            let fields = rawLine.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == table.header.count else {
                problem(line, "\(fields.count) column(s), expected \(table.header.count) "
                    + "(\(table.header.joined(separator: ", "))) separated by single tabs")
                continue
            }
            let (key, field, rationale) = (fields[0], fields[1], fields[table.rationaleColumn])
            var valid = true
            let messages = [
                CurationRules.keyProblem(table, key, in: vocabulary),
                table.isInclusion ? CurationRules.includedProblem(field, in: vocabulary)
                    : CurationRules.fieldProblem(field, in: vocabulary),
                table == .occupations ? CurationRules.gradeProblem(fields[2]) : nil,
                CurationRules.rationaleProblem(table, rationale),
            ]
            for message in messages.compactMap({ $0 }) {
                problem(line, message)
                valid = false
            }
            if let earlier = seen[key + "\t" + field] {
                problem(line, CurationRules.duplicateProblem(table, key: key, field: field, firstLine: earlier))
                valid = false
            } else {
                seen[key + "\t" + field] = line
            }
            if valid {
                links.append(CurationTables.Link(key: key, field: field,
                                                 grade: table == .occupations ? AlignmentGrade(name: fields[2]) : nil,
                                                 rationale: rationale, line: line))
            }
        }
        return links
    }
}
