import Foundation
import SOCGraph

/// The `aligns-with` edges (occupation or O*NET specialty → national-interest field), graded at import by the rule
/// of `AlignmentStrength` from the curation tables and the occupation's whole profile: the CIP programs
/// crosswalked to it, the technologies O*NET lists for it, its titles, and curated direct links. Each edge keeps
/// the counts behind its grade (`alignments.tsv`) and every path that contributed (`alignment-evidence.tsv`), so
/// that a diff of Graph/ shows why an alignment changed.
struct FieldAlignments: Sendable {
    /// What an occupation is, for grading: its programs, technologies with the hot flag, and titles.
    struct Profile: Sendable {
        var programs: Set<String> = []
        var technologies: [String: Bool] = [:]
        /// Distinct titles by their `TitleTerms.words`, each with its first spelling (bytewise).
        var titles: [String: String] = [:]

        mutating func add(title: String) {
            let key = TitleTerms.words(title)
            if let old = titles[key], !FieldAlignments.bytewise(title, old) { return }
            titles[key] = title
        }

        var technologyPoints: Int { technologies.values.reduce(0) { $0 + ($1 ? 2 : 1) } }
    }

    /// One edge with its evidence.
    struct Alignment: Sendable, Equatable {
        let code: String
        let field: String
        let grade: AlignmentGrade
        let counts: AlignmentStrength.Counts
        let direct: AlignmentGrade?
        /// For a SOC code: its best-graded specialty in the field.
        let specialty: String?
        /// The signalling programs, technologies (with the hot flag) and titles, sorted bytewise.
        let programs: [String]
        let technologies: [String]
        let hot: Set<String>
        let titles: [String]

        var strength: Double { AlignmentStrength.parts(counts).value }
    }

    /// The edges written, sorted by code, then field.
    let alignments: [Alignment]
    /// Occupation–field pairs reached by some path whose evidence is too thin for a grade.
    let ungraded: Int

    /// - Parameters:
    ///   - socProfiles: every SOC detailed code's profile (all its titles, technologies and crosswalked programs).
    ///   - specialtyProfiles: each O*NET specialty's profile (its own titles and technologies; no programs, which
    ///     the crosswalk gives SOC codes only).
    ///   - socTitles: the SOC title of each detailed code (for catch-alls).
    ///   - curation: the checked curation tables.
    ///   - onetOccupations: per SOC code with O*NET data, its O*NET occupations with the `.00` one counted twice.
    init(socProfiles: [String: Profile], specialtyProfiles: [String: Profile], socTitles: [String: String],
         onetOccupations: [String: Int], curation: CurationTables) {
        // A focus area including two categories can reach one program twice: each key counts once per field.
        func index(_ table: CurationTable) -> [String: Set<String>] {
            var result: [String: Set<String>] = [:]
            for link in curation.effectiveLinks(table) { result[link.key, default: []].insert(link.field) }
            return result
        }
        let programFields = index(.programs), technologyFields = index(.technologies)
        var direct: [String: [String: AlignmentGrade]] = [:]
        for link in curation.effectiveLinks(.occupations) {
            let old = direct[link.key]?[link.field]
            direct[link.key, default: [:]][link.field] = [old, link.grade].compactMap { $0 }.max()
        }
        let terms = TermMatcher(curation.effectiveLinks(.titles))

        var ungraded = 0
        func grade(_ code: String, _ profile: Profile, specialties: [String: (code: String, grade: AlignmentGrade)],
                   catchAll: Bool) -> [Alignment] {
            var programs: [String: [String]] = [:], technologies: [String: [String]] = [:]
            var titles: [String: [String]] = [:]
            for program in profile.programs {
                for field in programFields[program] ?? [] { programs[field, default: []].append(program) }
            }
            for technology in profile.technologies.keys {
                for field in technologyFields[technology] ?? [] { technologies[field, default: []].append(technology) }
            }
            for (words, title) in profile.titles {
                for field in terms.fields(naming: words) { titles[field, default: []].append(title) }
            }
            let fields = Set(programs.keys).union(technologies.keys).union(titles.keys)
                .union((direct[code] ?? [:]).keys).union(specialties.keys)
            var result: [Alignment] = []
            for field in fields {
                let signalling = (technologies[field] ?? []).sorted(by: Self.bytewise)
                let hot = Set(signalling.filter { profile.technologies[$0] == true })
                let counts = AlignmentStrength.Counts(
                    programs: programs[field]?.count ?? 0, programTotal: profile.programs.count,
                    technologies: signalling.count, hotTechnologies: hot.count,
                    technologyPoints: profile.technologyPoints,
                    titles: titles[field]?.count ?? 0, titleTotal: profile.titles.count)
                let specialty = specialties[field]
                guard let grade = AlignmentStrength.grade(
                    AlignmentStrength.parts(counts), direct: direct[code]?[field], specialty: specialty?.grade,
                    catchAll: catchAll, userGroup: AlignmentStrength.isUserGroup(code)) else { ungraded += 1; continue }
                result.append(Alignment(
                    code: code, field: field, grade: grade, counts: counts, direct: direct[code]?[field],
                    specialty: specialty?.code, programs: (programs[field] ?? []).sorted(by: Self.bytewise),
                    technologies: signalling, hot: hot, titles: (titles[field] ?? []).sorted(by: Self.bytewise)))
            }
            return result
        }

        var all: [Alignment] = []
        var best: [String: [String: (code: String, grade: AlignmentGrade, strength: Double)]] = [:]  // SOC → field
        var graded: [String: [String: Int]] = [:]  // SOC → field → specialties graded core or substantial
        for onetCode in specialtyProfiles.keys.sorted() {
            let soc = String(onetCode.prefix(7))
            for alignment in grade(onetCode, specialtyProfiles[onetCode] ?? Profile(), specialties: [:],
                                   catchAll: false) {
                all.append(alignment)
                if alignment.grade.isCitable { graded[soc, default: [:]][alignment.field, default: 0] += 1 }
                // The best grade, then the strongest evidence; ties to the lowest code (visited first).
                let old = best[soc]?[alignment.field]
                if alignment.grade > old?.grade ?? .incidental
                    || alignment.grade == old?.grade && alignment.strength > old?.strength ?? 1 {
                    best[soc, default: [:]][alignment.field] = (onetCode, alignment.grade, alignment.strength)
                }
            }
        }
        for (code, profile) in socProfiles {
            var given: [String: (code: String, grade: AlignmentGrade)] = [:]
            for (field, specialty) in best[code] ?? [:] {
                let rolled = AlignmentStrength.rolledUp(best: specialty.grade, graded: graded[code]?[field] ?? 0,
                                                        occupations: onetOccupations[code] ?? 2)
                if let rolled { given[field] = (specialty.code, rolled) }
            }
            all += grade(code, profile, specialties: given,
                         catchAll: CatchAll.isCatchAll(title: socTitles[code] ?? ""))
        }
        alignments = all.sorted { a, b in a.code != b.code ? a.code < b.code : Self.bytewise(a.field, b.field) }
        self.ungraded = ungraded
    }

    static func bytewise(_ a: String, _ b: String) -> Bool { a.utf8.lexicographicallyPrecedes(b.utf8) }

    static let alignmentsHeader = ["code", "field", "grade", "strength", "programs", "program_total", "technologies",
                                   "hot_technologies", "technology_points", "titles", "title_total", "direct",
                                   "specialty"]
    static let evidenceHeader = ["code", "field", "kind", "via", "hot"]

    /// `alignments.tsv`: one row per edge with its grade, strength and the counts they are computed from.
    var alignmentsFile: GraphTable {
        GraphTable(path: "alignments.tsv", header: Self.alignmentsHeader, rows: alignments.map { edge in
            let c = edge.counts
            return [edge.code, edge.field, edge.grade.name, AlignmentStrength.text(edge.strength)]
                + [c.programs, c.programTotal, c.technologies, c.hotTechnologies, c.technologyPoints, c.titles,
                   c.titleTotal].map(String.init)
                + [edge.direct?.name ?? "", edge.specialty ?? ""]
        })
    }

    /// `alignment-evidence.tsv`: one row per path of every edge written.
    var evidenceFile: GraphTable {
        var rows: [[String]] = []
        for edge in alignments {
            rows += edge.programs.map { [edge.code, edge.field, "program", $0, ""] }
            rows += edge.technologies.map { [edge.code, edge.field, "technology", $0, edge.hot.contains($0) ? "yes" : "no"] }
            rows += edge.titles.map { [edge.code, edge.field, "title", $0, ""] }
            if edge.direct != nil { rows.append([edge.code, edge.field, "direct", "", ""]) }
        }
        return GraphTable(path: "alignment-evidence.tsv", header: Self.evidenceHeader, rows: rows)
    }

    /// The import note: edges by grade, paths and pairs left out.
    var summary: String {
        let grades = AlignmentGrade.allCases.reversed().map { grade in
            "\(alignments.filter { $0.grade == grade }.count) \(grade.name)"
        }
        let specialties = alignments.filter { $0.code.count > 7 }.count
        let paths = ["program": alignments.reduce(0) { $0 + $1.programs.count },
                     "technology": alignments.reduce(0) { $0 + $1.technologies.count },
                     "title": alignments.reduce(0) { $0 + $1.titles.count },
                     "direct": alignments.filter { $0.direct != nil }.count]
        return "alignments: \(alignments.count) aligns-with edges (\(grades.joined(separator: ", "))), "
            + "\(specialties) of them for O*NET specialties; "
            + ["program", "technology", "title", "direct"].map { "\(paths[$0] ?? 0) \($0)" }.joined(separator: ", ")
            + " paths; \(ungraded) occupation-field pairs with evidence below strength "
            + "\(AlignmentStrength.text(AlignmentStrength.incidentalStrength)) left out"
    }
}

/// Finds the fields whose curated terms a title contains as whole words: terms are indexed by their first word.
struct TermMatcher: Sendable {
    private var byFirstWord: [Substring: [(words: [Substring], field: String)]] = [:]

    init(_ links: [CurationTables.Link]) {
        for link in links {
            let words = link.key.split(separator: " ")
            guard let first = words.first else { continue }
            byFirstWord[first, default: []].append((words, link.field))
        }
    }

    /// The fields named by a title given as `TitleTerms.words`, each once.
    func fields(naming titleWords: String) -> Set<String> {
        let words = titleWords.split(separator: " ")
        var fields: Set<String> = []
        for (position, word) in words.enumerated() {
            for term in byFirstWord[word] ?? [] where position + term.words.count <= words.count {
                if words[position..<(position + term.words.count)].elementsEqual(term.words) { fields.insert(term.field) }
            }
        }
        return fields
    }
}
