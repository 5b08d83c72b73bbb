import Foundation
import SOCGraph

/// The `aligns-with` edges (occupation → national-interest field) derived at import from the curation tables and
/// the official paths that reach an occupation: CIP programs crosswalked to it, technologies O*NET lists for it,
/// and curated direct links. Each edge keeps the counts behind its strength (`alignments.tsv`) and every path that
/// contributed (`alignment-evidence.tsv`), so that a diff of Graph/ shows why an alignment changed.
struct FieldAlignments: Sendable {
    /// One occupation–field edge with its evidence.
    struct Alignment: Sendable, Equatable {
        let code: String
        let field: String
        /// The signalling CIP programs crosswalked to the occupation, sorted.
        let programs: [String]
        /// All CIP programs crosswalked to the occupation, signalling or not.
        let programTotal: Int
        /// The signalling technologies O*NET lists for the occupation, sorted, with their Hot Technology flag.
        let technologies: [(name: String, hot: Bool)]
        /// Whether `occupation-fields.tsv` links the occupation to the field.
        let direct: Bool

        var hotTechnologies: Int { technologies.filter(\.hot).count }

        var strength: Double {
            AlignmentStrength.value(programs: programs.count, programTotal: programTotal,
                                    hotTechnologies: hotTechnologies,
                                    otherTechnologies: technologies.count - hotTechnologies, direct: direct)
        }

        static func == (a: Alignment, b: Alignment) -> Bool {
            a.code == b.code && a.field == b.field && a.programs == b.programs && a.programTotal == b.programTotal
                && a.technologies.map(\.name) == b.technologies.map(\.name)
                && a.technologies.map(\.hot) == b.technologies.map(\.hot) && a.direct == b.direct
        }
    }

    /// The edges written (strength at least 0.01), sorted by code, then field.
    let alignments: [Alignment]
    /// Occupation–field pairs reached by some path whose strength rounds below 0.01, sorted.
    let belowThreshold: [Alignment]

    /// - Parameters:
    ///   - crosswalk: the CIP 2020 – SOC 2018 pairs (`cip-soc.tsv`).
    ///   - uses: occupation → technology with the Hot Technology flag (`uses.tsv`).
    ///   - curation: the checked curation tables.
    init(crosswalk: [(cip: String, code: String)], uses: [(code: String, technology: String, hot: Bool)],
         curation: CurationTables) {
        var programFields: [String: [String]] = [:]
        for link in curation.programs { programFields[link.key, default: []].append(link.field) }
        var technologyFields: [String: [String]] = [:]
        for link in curation.technologies { technologyFields[link.key, default: []].append(link.field) }

        var programsOf: [String: Set<String>] = [:]
        for pair in crosswalk { programsOf[pair.code, default: []].insert(pair.cip) }

        struct Paths { var programs: Set<String> = []; var technologies: [String: Bool] = [:]; var direct = false }
        var paths: [String: [String: Paths]] = [:]  // code → field → paths
        for (code, programs) in programsOf {
            for cip in programs {
                for field in programFields[cip] ?? [] {
                    paths[code, default: [:]][field, default: Paths()].programs.insert(cip)
                }
            }
        }
        for use in uses {
            for field in technologyFields[use.technology] ?? [] {
                let hot = paths[use.code]?[field]?.technologies[use.technology] ?? false
                paths[use.code, default: [:]][field, default: Paths()].technologies[use.technology] = hot || use.hot
            }
        }
        for link in curation.occupations { paths[link.key, default: [:]][link.field, default: Paths()].direct = true }

        var kept: [Alignment] = [], dropped: [Alignment] = []
        for (code, fields) in paths {
            for (field, found) in fields {
                let alignment = Alignment(
                    code: code, field: field, programs: found.programs.sorted(by: Self.bytewise),
                    programTotal: programsOf[code]?.count ?? 0,
                    technologies: found.technologies.keys.sorted(by: Self.bytewise)
                        .map { ($0, found.technologies[$0] ?? false) },
                    direct: found.direct)
                if AlignmentStrength.isWritten(alignment.strength) {
                    kept.append(alignment)
                } else {
                    dropped.append(alignment)
                }
            }
        }
        let order = { (a: Alignment, b: Alignment) in
            a.code != b.code ? a.code < b.code : Self.bytewise(a.field, b.field)
        }
        alignments = kept.sorted(by: order)
        belowThreshold = dropped.sorted(by: order)
    }

    static func bytewise(_ a: String, _ b: String) -> Bool { a.utf8.lexicographicallyPrecedes(b.utf8) }

    static let alignmentsHeader = ["code", "field", "strength", "programs", "program_total", "technologies",
                                   "hot_technologies", "direct"]
    static let evidenceHeader = ["code", "field", "kind", "via", "hot"]

    /// `alignments.tsv`: one row per edge with its strength and the counts it is computed from.
    var alignmentsFile: GraphTable {
        GraphTable(path: "alignments.tsv", header: Self.alignmentsHeader, rows: alignments.map { edge in
            [edge.code, edge.field, AlignmentStrength.text(edge.strength), String(edge.programs.count),
             String(edge.programTotal), String(edge.technologies.count), String(edge.hotTechnologies),
             edge.direct ? "yes" : "no"]
        })
    }

    /// `alignment-evidence.tsv`: one row per path of every edge written.
    var evidenceFile: GraphTable {
        var rows: [[String]] = []
        for edge in alignments {
            rows += edge.programs.map { [edge.code, edge.field, "program", $0, ""] }
            rows += edge.technologies.map { [edge.code, edge.field, "technology", $0.name, $0.hot ? "yes" : "no"] }
            if edge.direct { rows.append([edge.code, edge.field, "direct", "", ""]) }
        }
        return GraphTable(path: "alignment-evidence.tsv", header: Self.evidenceHeader, rows: rows)
    }

    /// The import note: edges, paths and pairs left out.
    var summary: String {
        let occupations = Set(alignments.map(\.code)).count
        let fields = Set(alignments.map(\.field)).count
        let programPaths = alignments.reduce(0) { $0 + $1.programs.count }
        let technologyPaths = alignments.reduce(0) { $0 + $1.technologies.count }
        let direct = alignments.filter(\.direct).count
        let left = belowThreshold.map { "\($0.code) \($0.field)" }
        return "alignments: \(alignments.count) aligns-with edges for \(occupations) occupations and \(fields) fields "
            + "(\(programPaths) program, \(technologyPaths) technology, \(direct) direct paths); \(left.count) "
            + "occupation-field pairs below strength 0.01 left out"
            + (left.isEmpty ? "" : ": " + left.joined(separator: "; "))
    }
}
