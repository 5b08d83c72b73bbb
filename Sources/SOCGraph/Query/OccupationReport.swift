/// Everything `show` says about a detailed occupation or an O*NET specialty; JSON keys as in DESIGN.md.
///
/// For a specialty, SOC-level facts (entry education, related occupations, programs, designations, wages,
/// projections) are those of its detailed code; the job zone and education distribution are its own.
public struct OccupationReport: Encodable, Hashable, Sendable {
    public let code: String
    public let title: String
    /// `detailed` or `specialty`.
    public let level: String
    /// From the major group down to the parent.
    public let hierarchy: [NodeReference]
    /// O*NET specialties of a detailed code (empty for a specialty).
    public let specialties: [NodeReference]
    public let education: EducationSummary
    /// Every alignment, best grade first; incidental ones are labelled so and not cited (`citableFields`).
    public let fields: [FieldSummary]
    /// The core and substantial alignments: those a petition may cite.
    public var citableFields: [FieldSummary] { fields.filter(\.isCitable) }
    public let related: [RelatedSummary]
    public let programs: [ProgramSummary]
    public let designations: [DesignationSummary]
    @Nullable public var wages: WageSummary?
    @Nullable public var projections: ProjectionSummary?
    public let profession: ProfessionCheck
    /// The definition and tasks, when Graph/text/ is present (set by the caller that loaded it); null otherwise.
    @Nullable public var text: CodeWords? = nil
    public let sources: [SourceCitation]

    /// Builds the report of `node`, which must be a detailed occupation or a specialty (see `NodeReport`).
    /// `fields` are the aligns-with edges of the detailed code, strongest first. O(degree of the node).
    public init(graph: KnowledgeGraph, node: NodeIndex) {
        precondition([.detailed, .specialty].contains(graph[node].kind), "not an occupation: \(graph[node].id)")
        let soc = graph[node].kind == .specialty ? (graph.parent(of: node) ?? node) : node
        code = graph[node].id
        title = graph[node].title
        level = graph[node].kind.rawValue
        hierarchy = graph.ancestors(of: node).map { NodeReference(graph, $0) }
        specialties = graph[node].kind == .detailed
            ? graph.children(of: node).filter { graph[$0].kind == .specialty }.map { NodeReference(graph, $0) } : []

        let entry = graph.entryEducation(of: soc)
        let zone = graph.jobZone(of: node) ?? graph.jobZone(of: soc)
        let facts = graph.facts(of: node) ?? OccupationFacts()
        let categories = Dictionary(uniqueKeysWithValues: graph.educationCategories.map { ($0.category, $0) })
        let distribution = facts.educationDistribution.compactMap { share -> EducationShareSummary? in
            guard let category = categories[share.category] else { return nil }
            return EducationShareSummary(category: share.category, title: category.title,
                                         level: category.level.rawValue, percent: share.percent)
        }
        education = EducationSummary(
            typicalEntry: entry?.education.rawValue, typicalEntryTitle: entry?.education.blsTitle,
            typicalEntryRank: entry?.education.rank, workExperience: entry?.workExperience, training: entry?.training,
            epCode: entry?.epCode, jobZone: zone?.zone, jobZoneLabel: zone.map { graph.jobZoneLabel($0.zone) },
            jobZoneOnetCode: zone?.onetCode, distribution: distribution)
        fields = graph.alignments(of: node).map { FieldSummary(graph: graph, alignment: $0) }
        related = graph.related(of: soc).map { item in
            RelatedSummary(code: graph[item.occupation].id, title: graph[item.occupation].title,
                           tier: item.link.tier.rawValue, index: item.link.index)
        }
        programs = graph.programs(preparingFor: soc).map { program in
            ProgramSummary(cip: graph[program].id, title: graph[program].title, stem: graph.program(program)?.stem)
        }
        designations = graph.designations(of: soc).map { item in
            DesignationSummary(id: item.designation.rawValue, title: item.designation.title, basis: item.basis)
        }
        let socFacts = graph.facts(of: soc) ?? OccupationFacts()
        wages = socFacts.wages.map { w in
            WageSummary(employment: w.employment, annualMedian: w.annualMedian, annualP10: w.annualP10,
                        annualP90: w.annualP90, annualMean: w.annualMean, annualP25: w.annualP25,
                        annualP75: w.annualP75, hourlyMedian: w.hourlyMedian, topCoded: w.isTopCoded,
                        oewsCode: w.oewsCode, vintage: graph.vintage(ofSourceMatching: "oews"))
        }
        let epVintage = graph.vintage(ofSourceMatching: "bls-ep")
        projections = socFacts.projection.map { p in
            ProjectionSummary(employment2024: p.employment2024, employment2034: p.employment2034,
                              changeNumeric: p.changeNumeric, changePercent: p.changePercent,
                              openingsAnnual: p.openingsAnnual, medianWage2024: p.medianWage2024,
                              medianWage2024TopCoded: p.medianWage2024TopCoded, epCode: p.epCode,
                              vintage: epVintage)
        }
        profession = ProfessionCheck(
            code: graph[soc].id, entry: entry, epVintage: epVintage,
            jobZone: zone.map { ($0.zone, graph.jobZoneLabel($0.zone)) },
            distribution: distribution.compactMap { share in
                EducationLevel(rawValue: share.level).map { ($0, share.percent) }
            })
        sources = graph.sources.citations
    }
}
