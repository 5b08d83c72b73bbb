/// One Graph/ file: name (relative to the graph directory), expected header, and whether it may be absent.
///
/// `all` is the load order: a file comes before the files that refer to it, and diagnostics are listed in this
/// order (see `Diagnostic`), so that the first problem reported is the likeliest cause of the others.
struct GraphFile: Sendable {
    let name: String
    let header: [String]
    var optional = false
    /// For an optional file: the manifest source whose presence makes it required (the import that pins that
    /// source writes this file), so that a file missing from a current graph is damage, not an older graph.
    var requiredWith: String?
    /// The header of the same file written by an earlier socgraph, which this one no longer reads: named in one
    /// clear diagnostic instead of a problem per row.
    var legacyHeader: [String]?

    static let manifest = GraphFile(name: "manifest.tsv", header: [
        "source", "publisher", "title", "vintage", "url", "file", "sha256"])
    static let soc = GraphFile(name: "soc.tsv", header: ["code", "level", "title", "parent"])
    static let onetOccupations = GraphFile(name: "onet-occupations.tsv", header: ["onet_code", "code", "title"])
    static let educationLevels = GraphFile(name: "education-levels.tsv", header: ["id", "rank", "title"])
    static let entryEducation = GraphFile(name: "entry-education.tsv", header: [
        "code", "education", "work_experience", "training", "ep_code"])
    /// Absent from graphs written before O*NET 30 reworked the zones: those have Job Zones 1–5.
    static let jobZoneNames = GraphFile(name: "job-zone-names.tsv", header: ["job_zone", "label", "name"],
                                        optional: true, requiredWith: "onet-reported-titles")
    static let jobZones = GraphFile(name: "job-zones.tsv", header: ["onet_code", "code", "job_zone"])
    static let educationCategories = GraphFile(name: "education-categories.tsv", header: ["category", "title", "level"])
    static let educationDistribution = GraphFile(name: "education-distribution.tsv", header: [
        "onet_code", "code", "category", "percent"])
    static let projections = GraphFile(name: "projections.tsv", header: [
        "code", "ep_code", "employment_2024", "employment_2034", "change_numeric", "change_percent",
        "openings_annual", "median_wage_2024"])
    static let wages = GraphFile(name: "wages.tsv", header: [
        "code", "oews_code", "employment", "annual_mean", "annual_p10", "annual_p25", "annual_median", "annual_p75",
        "annual_p90", "hourly_median", "footnotes"])
    static let related = GraphFile(name: "related.tsv", header: [
        "code", "related", "tier", "index", "onet_code", "related_onet_code"])
    static let cip = GraphFile(name: "cip.tsv", header: ["cip", "level", "title", "parent", "stem", "stem_basis"])
    static let cipSOC = GraphFile(name: "cip-soc.tsv", header: ["cip", "code"])
    static let designations = GraphFile(name: "designations.tsv", header: ["code", "designation", "basis"])
    static let fields = GraphFile(name: "fields.tsv", header: ["id", "framework", "number", "name"],
                                  legacyHeader: ["id", "number", "name"])
    static let titles = GraphFile(name: "titles.tsv", header: ["code", "title", "source"])
    static let technologies = GraphFile(name: "technologies.tsv", header: [
        "technology", "commodity_code", "commodity_title"])
    static let uses = GraphFile(name: "uses.tsv", header: ["code", "technology", "hot", "in_demand"])
    static let cipFields = GraphFile(name: CurationTable.programs.path, header: CurationTable.programs.header,
                                     optional: true)
    static let technologyFields = GraphFile(name: CurationTable.technologies.path,
                                            header: CurationTable.technologies.header, optional: true)
    static let titleTerms = GraphFile(name: CurationTable.titles.path, header: CurationTable.titles.header,
                                      optional: true)
    static let occupationFields = GraphFile(name: CurationTable.occupations.path,
                                            header: CurationTable.occupations.header, optional: true)
    static let fieldIncludes = GraphFile(name: CurationTable.inclusions.path,
                                         header: CurationTable.inclusions.header, optional: true)
    static let alignments = GraphFile(name: "alignments.tsv", header: [
        "code", "field", "grade", "strength", "programs", "program_total", "technologies", "hot_technologies",
        "technology_points", "titles", "title_total", "direct", "specialty"])
    static let alignmentEvidence = GraphFile(name: "alignment-evidence.tsv", header: [
        "code", "field", "kind", "via", "hot"])
    // The translation files: a graph written before they existed (one to compare with `diff`) loads without them,
    // and then reads no SOC 2010, ISCO-08 or ESCO input.
    static let soc2010 = GraphFile(name: "soc-2010.tsv", header: ["soc2010", "soc2010_title", "code", "split", "merged"],
                                   optional: true, requiredWith: "soc-2010-2018-crosswalk")
    static let iscoGroups = GraphFile(name: "isco-groups.tsv", header: ["isco", "title", "title_source"],
                                      optional: true, requiredWith: "isco-soc-crosswalk")
    static let iscoSOC2010 = GraphFile(name: "isco-soc2010.tsv", header: ["isco", "soc2010", "partial"],
                                       optional: true, requiredWith: "isco-soc-crosswalk")
    static let esco = GraphFile(name: "esco.tsv", header: ["esco_code", "isco", "label", "label_type"],
                                optional: true, requiredWith: "esco-occupations")

    static let all: [GraphFile] = [
        manifest, soc, onetOccupations, educationLevels, entryEducation, jobZoneNames, jobZones, educationCategories,
        educationDistribution, projections, wages, related, cip, cipSOC, designations, fields, titles, technologies,
        uses, cipFields, technologyFields, titleTerms, occupationFields, fieldIncludes, alignments, alignmentEvidence, soc2010, iscoGroups,
        iscoSOC2010, esco,
    ]

    /// The file of a curation table.
    static func curation(_ table: CurationTable) -> GraphFile {
        switch table {
        case .programs: return cipFields
        case .technologies: return technologyFields
        case .titles: return titleTerms
        case .occupations: return occupationFields
        case .inclusions: return fieldIncludes
        }
    }
}
