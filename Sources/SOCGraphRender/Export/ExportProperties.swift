import SOCGraph

/// The properties each kind of node and edge is exported with, named as the columns of Graph/ name them.
enum ExportProperties {
    /// A column and how a row gets its value (nil: the row has none).
    struct Property<Item> {
        let column: GraphExport.Column
        let value: (Item) -> GraphExport.Value?

        init(_ name: String, _ type: GraphExport.ValueType, _ value: @escaping (Item) -> GraphExport.Value?) {
            column = GraphExport.Column(name: name, type: type)
            self.value = value
        }
    }

    /// `properties` of the part `part` finds in an item (wages in a node, a link in an edge's attributes); an item
    /// without that part has none of them.
    static func through<Item, Part>(_ part: @escaping (Item) -> Part?, _ properties: [Property<Part>])
        -> [Property<Item>]
    {
        properties.map { property in
            Property(property.column.name, property.column.type) { part($0).flatMap(property.value) }
        }
    }

    /// The properties of nodes of `kind` besides `id`, `kind` and `title`.
    static func node(_ kind: NodeKind, _ graph: KnowledgeGraph) -> [Property<NodeIndex>] {
        switch kind {
        case .major, .minor, .broad, .designation, .isco:
            return []
        case .detailed:
            return through({ graph.facts(of: $0)?.wages }, wages) + through({ graph.facts(of: $0)?.projection }, projections)
                + educationDistribution(graph)
        case .specialty:
            return educationDistribution(graph)
        case .educationLevel:
            return [Property("rank", .int) { EducationLevel(rawValue: graph[$0].id).map { .int($0.rank) } }]
        case .jobZone:
            return [
                Property("job_zone", .int) { graph.jobZoneNumber($0).map { .int($0) } },
                Property("label", .string) { graph.jobZoneNumber($0).map { .string(graph.jobZoneLabel($0)) } },
            ]
        case .program:
            return through(graph.program, [
                Property("level", .string) { .string($0.level.rawValue) },
                Property("stem", .boolean) { $0.stem.map { .boolean($0) } },
                Property("stem_basis", .string) { $0.stemBasis.map { .string($0) } },
            ])
        case .field:
            return [
                Property("framework", .string) { graph.framework(of: $0).map { .string($0.rawValue) } },
                Property("number", .int) { graph.fieldNumber($0).map { .int($0) } },
            ]
        case .technology:
            return through(graph.commodity, [
                Property("commodity_code", .string) { .string($0.code) },
                Property("commodity_title", .string) { .string($0.title) },
            ])
        }
    }

    /// The properties of edges of `kind`.
    static func edge(_ kind: EdgeKind, _ graph: KnowledgeGraph) -> [Property<Edge>] {
        switch kind {
        case .parent, .preparesFor:
            return []
        case .entryEducation:
            return through({ if case let .entryEducation(entry) = $0.attributes { entry } else { nil } }, [
                Property("work_experience", .string) { .string($0.workExperience) },
                Property("training", .string) { .string($0.training) },
                Property("ep_code", .string) { .string($0.epCode) },
            ])
        case .jobZone:
            return through({ if case let .jobZone(code) = $0.attributes { code } else { nil } }, [
                Property("onet_code", .string) { .string($0) },
            ])
        case .related:
            return through({ if case let .related(link) = $0.attributes { link } else { nil } }, [
                Property("tier", .string) { .string($0.tier.rawValue) },
                Property("index", .int) { .int($0.index) },
                Property("onet_code", .string) { .string($0.onetCode) },
                Property("related_onet_code", .string) { .string($0.relatedOnetCode) },
            ])
        case .uses:
            return through({ if case let .uses(use) = $0.attributes { use } else { nil } }, [
                Property("hot", .boolean) { .boolean($0.hot) },
                Property("in_demand", .boolean) { .boolean($0.inDemand) },
            ])
        case .designated:
            return through({ if case let .designated(basis) = $0.attributes { basis } else { nil } }, [
                Property("basis", .string) { .string($0) },
            ])
        case .alignsWith:
            return through({ if case let .alignment(alignment) = $0.attributes { alignment } else { nil } },
                           alignment(graph))
        case .crosswalk:
            return through({ if case let .crosswalk(steps) = $0.attributes { steps } else { nil } }, [
                Property("soc2010", .strings) { .strings($0.map(\.soc2010)) },
                // The SOC 2010 codes the BLS ISCO crosswalk marks a partial match.
                Property("soc2010_partial", .strings) { .strings($0.filter(\.partial).map(\.soc2010)) },
            ])
        }
    }

    /// OEWS May 2025 figures (wages.tsv); footnotes only when there are some.
    private static var wages: [Property<Wages>] {
        [Property("oews_code", .string) { .string($0.oewsCode) }]
            + [("employment", \Wages.employment), ("annual_mean", \.annualMean), ("annual_p10", \.annualP10),
               ("annual_p25", \.annualP25), ("annual_median", \.annualMedian), ("annual_p75", \.annualP75),
               ("annual_p90", \.annualP90)].map { name, figure in Property(name, .int) { $0[keyPath: figure].map { .int($0) } } }
            + [Property("hourly_median", .double) { $0.hourlyMedian.map { .double($0) } },
               Property("wage_footnotes", .ints) { $0.footnotes.isEmpty ? nil : .ints($0.footnotes) }]
    }

    /// BLS Employment Projections 2024–34 (projections.tsv).
    private static var projections: [Property<Projection>] {
        [Property("ep_code", .string) { .string($0.epCode) }]
            + [("employment_2024", \Projection.employment2024), ("employment_2034", \.employment2034),
               ("change_numeric", \.changeNumeric), ("change_percent", \.changePercent),
               ("openings_annual", \.openingsAnnual)].map { name, figure in
                Property(name, .double) { $0[keyPath: figure].map { .double($0) } }
            }
            + [Property("median_wage_2024", .int) { $0.medianWage2024.map { .int($0) } },
               Property("median_wage_2024_top_coded", .boolean) { .boolean($0.medianWage2024TopCoded) }]
    }

    /// O*NET Required Level of Education as two lists of equal length: categories and their percents.
    private static func educationDistribution(_ graph: KnowledgeGraph) -> [Property<NodeIndex>] {
        through({ graph.facts(of: $0).map(\.educationDistribution).flatMap { $0.isEmpty ? nil : $0 } }, [
            Property("education_categories", .ints) { .ints($0.map(\.category)) },
            Property("education_percents", .doubles) { .doubles($0.map(\.percent)) },
        ])
    }

    /// The grade, strength and counts of an alignment (as in alignments.tsv) and its evidence paths.
    private static func alignment(_ graph: KnowledgeGraph) -> [Property<FieldAlignment>] {
        [
            Property("grade", .string) { .string($0.grade.name) },
            Property("strength", .double) { .double($0.strength) },
            Property("programs", .int) { .int($0.counts.programs) },
            Property("program_total", .int) { .int($0.counts.programTotal) },
            Property("technologies", .int) { .int($0.counts.technologies) },
            Property("hot_technologies", .int) { .int($0.counts.hotTechnologies) },
            Property("technology_points", .int) { .int($0.counts.technologyPoints) },
            Property("titles", .int) { .int($0.counts.titles) },
            Property("title_total", .int) { .int($0.counts.titleTotal) },
            Property("direct", .string) { $0.direct.map { .string($0.name) } },
            Property("specialty", .string) { $0.specialty.map { .string(graph[$0].id) } },
            Property("specialty_grade", .string) { $0.specialtyGrade.map { .string($0.name) } },
            Property("catch_all", .boolean) { .boolean($0.catchAll) },
            Property("grade_reason", .string) { .string($0.gradeReason) },
            Property("evidence", .records) { .records($0.evidence.map { evidence(graph, $0) }) },
        ]
    }

    /// One evidence path as a record: its kind, the program or technology it goes through (or the title and the
    /// curated term it contains, or the curated grade), the curation row's rationale and where that row is.
    private static func evidence(_ graph: KnowledgeGraph, _ evidence: Evidence) -> [String: GraphExport.Value] {
        var record: [String: GraphExport.Value] = [
            "kind": .string(evidence.kind.rawValue),
            "rationale": .string(evidence.rationale),
            "curation": .string("\(evidence.curationFile):\(evidence.curationLine)"),
        ]
        if let via = evidence.via { record["via"] = .string(graph[via].id) }
        if let title = evidence.title { record["title"] = .string(title) }
        if let term = evidence.term { record["term"] = .string(term) }
        if let hot = evidence.hot { record["hot"] = .boolean(hot) }
        if let grade = evidence.grade { record["grade"] = .string(grade.name) }
        return record
    }
}
