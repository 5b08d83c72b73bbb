/// A part of Graph/ that can be loaded on its own, so that a command reads only what it needs.
///
/// `hierarchy` (soc.tsv, onet-occupations.tsv) and manifest.tsv are always loaded. Adding a section: add a case,
/// its files in `files`, its prerequisites in `requires`, and a `GraphBuilder` step.
public enum GraphSection: String, CaseIterable, Sendable, Hashable, Comparable {
    /// SOC 2018 hierarchy and O*NET specialties (always loaded).
    case hierarchy
    /// Education levels, BLS entry education, O*NET job zones and Required Level of Education.
    case education
    /// BLS Employment Projections 2024–34.
    case projections
    /// OEWS May 2025 wages.
    case wages
    /// O*NET related occupations projected to SOC.
    case related
    /// CIP 2020 programs and the CIP–SOC crosswalk (prepares-for edges).
    case programs
    /// STEM and Schedule A designations.
    case designations
    /// National-interest fields (Critical and Emerging Technologies categories).
    case fields
    /// Titles for search (SOC, Direct Match, O*NET and O*NET alternate titles): the largest file.
    case titles
    /// O*NET technology examples (nodes).
    case technologies
    /// The uses edges (occupation → technology, with the hot and in-demand flags): the largest edge file.
    case uses
    /// Graph/curation/ tables (optional files): programs, technologies and occupations that signal a field.
    case curation
    /// The aligns-with edges (alignments.tsv) with their evidence paths (alignment-evidence.tsv). With `curation`
    /// loaded too, each path carries the rationale of its curation row.
    case alignments
    /// The technology nodes that alignment evidence names (a few hundred of technologies.tsv's): what `alignments`
    /// needs when `technologies` is not loaded. With `technologies`, every technology is loaded anyway.
    case evidenceTechnologies

    /// Graph/ files of the section, relative to the graph directory. Files of `curation` may be absent.
    public var files: [String] {
        GraphFile.all.filter { $0.section != nil && $0.isRead(by: [self]) }.map(\.name)
    }

    /// Sections that must be loaded with this one.
    public var requires: Set<GraphSection> {
        switch self {
        case .curation: return [.hierarchy, .programs, .technologies, .fields]
        case .alignments: return [.hierarchy, .programs, .evidenceTechnologies, .fields]
        case .uses: return [.hierarchy, .technologies]
        default: return [.hierarchy]
        }
    }

    /// Every section.
    public static let all = Set(allCases)
    /// What `show` needs: everything except titles, curation and the uses edges, and of the technologies only
    /// those alignment evidence names (`evidenceTechnologies`; technology paths are checked against uses.tsv
    /// whenever `uses` is loaded too).
    public static let report: Set<GraphSection> = [
        .hierarchy, .education, .projections, .wages, .related, .programs, .designations, .fields, .alignments,
    ]

    /// `sections` with everything they require added.
    public static func closure(of sections: Set<GraphSection>) -> Set<GraphSection> {
        var result = sections.union([.hierarchy])
        for section in sections { result.formUnion(section.requires) }
        return result
    }

    public static func < (lhs: GraphSection, rhs: GraphSection) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// One Graph/ file: name, expected header, section, and whether it may be absent.
struct GraphFile: Sendable {
    let name: String
    let header: [String]
    let section: GraphSection?
    var optional = false

    static let manifest = GraphFile(name: "manifest.tsv", header: [
        "source", "publisher", "title", "vintage", "url", "file", "sha256"], section: nil)
    static let soc = GraphFile(name: "soc.tsv", header: ["code", "level", "title", "parent"], section: .hierarchy)
    static let onetOccupations = GraphFile(name: "onet-occupations.tsv", header: ["onet_code", "code", "title"],
                                           section: .hierarchy)
    static let educationLevels = GraphFile(name: "education-levels.tsv", header: ["id", "rank", "title"],
                                           section: .education)
    static let entryEducation = GraphFile(name: "entry-education.tsv", header: [
        "code", "education", "work_experience", "training", "ep_code"], section: .education)
    static let jobZones = GraphFile(name: "job-zones.tsv", header: ["onet_code", "code", "job_zone"],
                                    section: .education)
    static let educationCategories = GraphFile(name: "education-categories.tsv", header: ["category", "title", "level"],
                                               section: .education)
    static let educationDistribution = GraphFile(name: "education-distribution.tsv", header: [
        "onet_code", "code", "category", "percent"], section: .education)
    static let projections = GraphFile(name: "projections.tsv", header: [
        "code", "ep_code", "employment_2024", "employment_2034", "change_numeric", "change_percent",
        "openings_annual", "median_wage_2024"], section: .projections)
    static let wages = GraphFile(name: "wages.tsv", header: [
        "code", "oews_code", "employment", "annual_mean", "annual_p10", "annual_p25", "annual_median", "annual_p75",
        "annual_p90", "hourly_median", "footnotes"], section: .wages)
    static let related = GraphFile(name: "related.tsv", header: [
        "code", "related", "tier", "index", "onet_code", "related_onet_code"], section: .related)
    static let cip = GraphFile(name: "cip.tsv", header: ["cip", "level", "title", "parent", "stem", "stem_basis"],
                               section: .programs)
    static let cipSOC = GraphFile(name: "cip-soc.tsv", header: ["cip", "code"], section: .programs)
    static let designations = GraphFile(name: "designations.tsv", header: ["code", "designation", "basis"],
                                        section: .designations)
    static let fields = GraphFile(name: "fields.tsv", header: ["id", "number", "name"], section: .fields)
    static let titles = GraphFile(name: "titles.tsv", header: ["code", "title", "source"], section: .titles)
    static let technologies = GraphFile(name: "technologies.tsv", header: [
        "technology", "commodity_code", "commodity_title"], section: .technologies)
    static let uses = GraphFile(name: "uses.tsv", header: ["code", "technology", "hot", "in_demand"],
                                section: .uses)
    static let cipFields = GraphFile(name: CurationTable.programs.path, header: ["cip", "field", "rationale"],
                                     section: .curation, optional: true)
    static let technologyFields = GraphFile(name: CurationTable.technologies.path, header: [
        "technology", "field", "rationale"], section: .curation, optional: true)
    static let occupationFields = GraphFile(name: CurationTable.occupations.path, header: [
        "code", "field", "rationale"], section: .curation, optional: true)
    static let alignments = GraphFile(name: "alignments.tsv", header: [
        "code", "field", "strength", "programs", "program_total", "technologies", "hot_technologies", "direct"],
        section: .alignments)
    static let alignmentEvidence = GraphFile(name: "alignment-evidence.tsv", header: [
        "code", "field", "kind", "via", "hot"], section: .alignments)

    /// Whether loading `sections` (a closure) reads this file.
    func isRead(by sections: Set<GraphSection>) -> Bool {
        guard let section else { return true }
        return sections.contains(section)
            || (name == GraphFile.technologies.name && sections.contains(.evidenceTechnologies))
    }

    static let all: [GraphFile] = [
        manifest, soc, onetOccupations, educationLevels, entryEducation, jobZones, educationCategories,
        educationDistribution, projections, wages, related, cip, cipSOC, designations, fields, titles, technologies,
        uses, cipFields, technologyFields, occupationFields, alignments, alignmentEvidence,
    ]

    /// The file of a curation table.
    static func curation(_ table: CurationTable) -> GraphFile {
        switch table {
        case .programs: return cipFields
        case .technologies: return technologyFields
        case .occupations: return occupationFields
        }
    }
}
