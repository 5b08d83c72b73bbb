import Foundation
import SOCGraph
@testable import SOCGraphImport
import Testing

/// The committed `alignments.tsv` and `alignment-evidence.tsv`, recomputed row by row from the committed
/// crosswalk, uses, titles and curation tables with plain dictionaries, and checked against what a domain expert
/// expects.
@Suite struct ShippedAlignmentTests {
    static var graph: URL { OfficialSources.packageRoot.appendingPathComponent("Graph") }

    static func table(_ name: String, _ header: [String]) throws -> [[String]] {
        try TSVTable.read(name, in: graph, expecting: header).rows.map(\.fields)
    }

    static func alignments() throws -> [[String]] {
        try table("alignments.tsv", FieldAlignments.alignmentsHeader)
    }

    static func evidence() throws -> [[String]] {
        try table("alignment-evidence.tsv", FieldAlignments.evidenceHeader)
    }

    static let grades = ["incidental": 1, "substantial": 2, "core": 3]

    /// The detailed occupations aligned with `field`, best grade first, then strongest (ties by code).
    static func ranking(_ field: String) throws -> [String] {
        try alignments().filter { $0[1] == field && $0[0].count == 7 }
            .sorted { (grades[$0[2]] ?? 0, Double($0[3]) ?? 0, $1[0]) > (grades[$1[2]] ?? 0, Double($1[3]) ?? 0, $0[0]) }
            .map { $0[0] }
    }

    @Test func computerResearchScientistsAlignWithAIThroughProgramsTechnologiesAndTitles() throws {
        let paths = try Self.evidence().filter { $0[0] == "15-1221" && $0[1] == "artificial-intelligence" }
        #expect(paths.contains(["15-1221", "artificial-intelligence", "program", "11.0102", ""]))
        #expect(paths.contains { $0[2] == "technology" && $0[4] == "yes" })
        #expect(paths.filter { $0[2] == "technology" }.count >= 2)
        #expect(paths.contains { $0[2] == "title" })
        let edge = try #require(try Self.alignments().first { $0[0] == "15-1221" && $0[1] == "artificial-intelligence" })
        #expect(edge[2] == "core")
    }

    @Test func registeredNursesHaveNoSemiconductorAlignment() throws {
        #expect(!(try Self.alignments().contains { $0[0] == "29-1141" && $0[1] == "semiconductors-and-microelectronics" }))
        #expect(!(try Self.evidence().contains { $0[0] == "29-1141" && $0[1] == "semiconductors-and-microelectronics" }))
    }

    @Test func everyFieldHasAlignedOccupations() throws {
        let fields = try Self.table("fields.tsv", ["id", "framework", "number", "name"]).map { $0[0] }
        #expect(fields.count == 28)
        let rows = try Self.alignments()
        let aligned = Set(rows.map { $0[1] })
        let citable = Set(rows.filter { $0[0].count == 7 && ($0[2] == "core" || $0[2] == "substantial") }.map { $0[1] })
        for field in fields {
            #expect(aligned.contains(field), "no occupation aligns with \(field)")
            #expect(citable.contains(field), "no detailed occupation is citable in \(field)")
        }
        #expect(aligned.isSubset(of: Set(fields)))
    }

    @Test func aiTopTenHoldsResearchScientistsAndDataScientists() throws {
        let top = try Self.ranking("artificial-intelligence").prefix(10)
        #expect(top.contains("15-1221"))
        #expect(top.contains("15-2051"))
    }

    @Test func semiconductorProcessingTechniciansAreCoreOnlyInSemiconductors() throws {
        // Core in the CET category and in the CHIPS focus area that includes it; nowhere else.
        #expect(try Self.alignments().filter { $0[0] == "51-9141" && $0[2] == "core" }.map { $0[1] } == [
            "high-performance-computing-semiconductors-and-advanced-computer-hardware-and-software",
            "semiconductors-and-microelectronics",
        ])
    }

    /// Every evidence row, count, strength and grade of the detailed codes, recomputed from cip-soc.tsv, uses.tsv,
    /// titles.tsv and the curation tables by the rule of Graph/README.md (written out here, not taken from
    /// `AlignmentStrength`); the specialties' rows checked against their SOC code's uses and titles and the rule.
    @Test func everyRowRecomputedFromTheCommittedTables() throws {
        // The curation rows as they signal fields: each row for its own field and for each focus area including it.
        let inclusions = try Self.table("curation/field-includes.tsv", ["field", "includes", "rationale"])
        let includers = Dictionary(grouping: inclusions, by: { $0[1] }).mapValues { $0.map { $0[0] } }
        func signalled(_ rows: [[String]]) -> [String: Set<String>] {
            var result: [String: Set<String>] = [:]
            for row in rows { result[row[0], default: []].formUnion([row[1]] + (includers[row[1]] ?? [])) }
            return result
        }
        let programFields = signalled(try Self.table("curation/cip-fields.tsv", ["cip", "field", "rationale"]))
        let technologyFields = signalled(
            try Self.table("curation/technology-fields.tsv", ["technology", "field", "rationale"]))
        let termFields = signalled(try Self.table("curation/title-terms.tsv", ["term", "field", "rationale"]))
        var direct: [String: [String: Int]] = [:]
        for link in try Self.table("curation/occupation-fields.tsv", ["code", "field", "grade", "rationale"]) {
            for field in [link[1]] + (includers[link[1]] ?? []) {
                direct[link[0], default: [:]][field] = max(direct[link[0]]?[field] ?? 0, Self.grades[link[2]] ?? 0)
            }
        }
        // Each detailed code's profile.
        let soc = try Self.table("soc.tsv", ["code", "level", "title", "parent"]).filter { $0[1] == "detailed" }
        let socTitles = Dictionary(uniqueKeysWithValues: soc.map { ($0[0], $0[2]) })
        var programs: [String: Set<String>] = [:]
        for pair in try Self.table("cip-soc.tsv", ["cip", "code"]) { programs[pair[1], default: []].insert(pair[0]) }
        var technologies: [String: [String: Bool]] = [:]
        for use in try Self.table("uses.tsv", ["code", "technology", "hot", "in_demand"]) {
            technologies[use[0], default: [:]][use[1]] = use[2] == "yes"
        }
        var titles: [String: [String: String]] = [:]  // code → words → bytewise-first spelling
        var spellings: [String: Set<String>] = [:]
        for row in try Self.table("titles.tsv", ["code", "title", "source"]) {
            let words = TitleTerms.words(row[1])
            spellings[row[0], default: []].insert(row[1])
            if let old = titles[row[0]]?[words], old.utf8.lexicographicallyPrecedes(row[1].utf8) { continue }
            titles[row[0], default: [:]][words] = row[1]
        }

        let edges = try Self.alignments()
        let evidence = try Self.evidence()
        let byEdge = Dictionary(grouping: evidence) { [$0[0], $0[1]] }
        /// The rule of Graph/README.md, written out: the strength (its text and value) and the grade (0: none), given
        /// the direct grade and what the specialties give the code (0: none).
        func rule(_ c: [Int], direct: Int, specialty: Int, code: String, catchAll: Bool)
            -> (text: String, grade: Int, value: Double)
        {
            let (programs, programTotal, signalling, hot, points, named, titleTotal) = (c[0], c[1], c[2], c[3], c[4],
                                                                                       c[5], c[6])
            var p = programTotal == 0 ? 0 : Double(programs) / Double(programTotal)
            if programs == 1 { p /= 2 }
            var t = points == 0 ? 0 : min(1, 2 * Double(signalling + hot) / Double(points))
            if signalling == 1 { t /= 2 }
            let n = titleTotal == 0 ? 0 : min(1, 1.5 * Double(named) / Double(titleTotal))
            let strength = 1 - (1 - p / 2) * (1 - t) * (1 - n)
            let cents = (strength * 100 + 1e-9).rounded()
            let kinds = [p, t, n].filter { $0 > 0 }.count
            var evidence = kinds >= 2 && cents >= 75 ? 3 : kinds >= 2 && cents >= 40 ? 2 : cents >= 5 ? 1 : 0
            if ["27", "33", "41", "43", "55"].contains(String(code.prefix(2))) { evidence = min(evidence, 1) }
            var grade = max(evidence, direct, specialty)
            if catchAll { grade = min(grade, 1) }
            return (String(format: "%.2f", cents / 100), grade, strength)
        }
        // The specialties' grades, and the one each SOC code names per field: best grade above incidental, then
        // strongest, then lowest code.
        // What they give their code: the best grade one step down when the specialties graded core or substantial
        // are at least half of the code's O*NET occupations (the `.00` one counted twice), else incidental.
        var occupations: [String: Int] = [:]
        for row in try Self.table("onet-occupations.tsv", ["onet_code", "code", "title"]) {
            occupations[row[1], default: 0] += row[0].hasSuffix(".00") ? 2 : 1
        }
        var graded: [String: [String: Int]] = [:]
        var specialty: [String: [String: (code: String, grade: Int, strength: Double)]] = [:]
        for row in edges where row[0].count > 7 {
            let code = String(row[0].prefix(7)), grade = Self.grades[row[2]] ?? 0
            let strength = rule(row[4...10].map { Int($0) ?? 0 }, direct: 0, specialty: 0, code: row[0],
                                catchAll: false).value
            guard grade > 1 else { continue }
            graded[code, default: [:]][row[1], default: 0] += 1
            // Rows are in code order: on a tie the lower code stays.
            if let old = specialty[code]?[row[1]], (old.grade, old.strength) >= (grade, strength) { continue }
            specialty[code, default: [:]][row[1]] = (row[0], grade, strength)
        }

        let names = ["", "incidental", "substantial", "core"]

        // Detailed codes: every row and path recomputed.
        var expectedRows: Set<[String]> = [], expectedPaths: Set<[String]> = []
        for code in socTitles.keys {
            var paths: [String: [[String]]] = [:]
            for cip in programs[code] ?? [] {
                for field in programFields[cip] ?? [] { paths[field, default: []].append([code, field, "program", cip, ""]) }
            }
            for (technology, hot) in technologies[code] ?? [:] {
                for field in technologyFields[technology] ?? [] {
                    paths[field, default: []].append([code, field, "technology", technology, hot ? "yes" : "no"])
                }
            }
            for (words, title) in titles[code] ?? [:] {
                let fields = termFields.filter { words.contains(" " + $0.key + " ") }.values.reduce(Set<String>()) {
                    $0.union($1)
                }
                for field in fields { paths[field, default: []].append([code, field, "title", title, ""]) }
            }
            let fields = Set(paths.keys).union((direct[code] ?? [:]).keys).union((specialty[code] ?? [:]).keys)
            for field in fields {
                let found = paths[field] ?? []
                let technologyPaths = found.filter { $0[2] == "technology" }
                let counts = [found.filter { $0[2] == "program" }.count, programs[code]?.count ?? 0,
                              technologyPaths.count, technologyPaths.filter { $0[4] == "yes" }.count,
                              (technologies[code] ?? [:]).values.reduce(0) { $0 + ($1 ? 2 : 1) },
                              found.filter { $0[2] == "title" }.count, titles[code]?.count ?? 0]
                let directGrade = direct[code]?[field] ?? 0
                let named = specialty[code]?[field]
                let share = 2 * (graded[code]?[field] ?? 0) >= (occupations[code] ?? 2)
                let given = named.map { share ? $0.grade - 1 : 1 } ?? 0
                let (strength, grade, _) = rule(counts, direct: directGrade, specialty: given, code: code,
                                                catchAll: socTitles[code]?.hasSuffix("All Other") == true)
                guard grade > 0 else { continue }
                expectedRows.insert([code, field, names[grade], strength] + counts.map(String.init)
                                    + [names[directGrade], named?.code ?? ""])
                expectedPaths.formUnion(found)
                if directGrade > 0 { expectedPaths.insert([code, field, "direct", "", ""]) }
            }
        }
        let detailedRows = edges.filter { $0[0].count == 7 }
        #expect(Set(detailedRows) == expectedRows)
        for row in Set(detailedRows).symmetricDifference(expectedRows).sorted(by: { $0.joined() < $1.joined() })
            .prefix(10) {
            Issue.record("\(expectedRows.contains(row) ? "missing" : "unexpected") row \(row)")
        }
        #expect(Set(evidence.filter { $0[0].count == 7 }) == expectedPaths)

        // Specialties: their paths are their SOC code's uses and titles, their counts those of their paths, and
        // their grade the rule's (they have no programs, are no catch-alls, and name no specialty).
        for row in edges where row[0].count > 7 {
            let code = String(row[0].prefix(7))
            let paths = byEdge[[row[0], row[1]]] ?? []
            for path in paths {
                switch path[2] {
                case "technology":
                    #expect(technologies[code]?[path[3]] != nil, "\(path)")
                    #expect(technologyFields[path[3]]?.contains(row[1]) == true, "\(path)")
                case "title":
                    #expect(spellings[code]?.contains(path[3]) == true, "\(path)")
                    #expect(termFields.contains { TitleTerms.contains(path[3], term: $0.key) && $0.value.contains(row[1]) },
                            "\(path)")
                case "direct": #expect(direct[row[0]]?[row[1]] != nil, "\(path)")
                default: Issue.record("a specialty path of kind \(path[2]): \(path)")
                }
            }
            let counts = row[4...10].map { Int($0) ?? -1 }
            #expect(counts[0] == 0 && counts[1] == 0, "\(row)")
            #expect(counts[2] == paths.filter { $0[2] == "technology" }.count, "\(row)")
            #expect(counts[3] == paths.filter { $0[2] == "technology" && $0[4] == "yes" }.count, "\(row)")
            #expect(counts[5] == paths.filter { $0[2] == "title" }.count, "\(row)")
            let (strength, grade, _) = rule(counts, direct: direct[row[0]]?[row[1]] ?? 0, specialty: 0, code: row[0],
                                            catchAll: false)
            #expect(row[3] == strength, "\(row)")
            #expect(row[2] == names[grade], "\(row)")
            #expect(row[11] == names[direct[row[0]]?[row[1]] ?? 0] && row[12].isEmpty, "\(row)")
        }
        #expect(edges.contains { $0[0].count > 7 })
    }
}
