/// The graph part of the cache file (`GraphCache`): the `Parts` of a graph, written with `CacheWriter` in the
/// order below; every node position is checked against the node count when read.
extension KnowledgeGraph {
    /// nodes · edges · sources · education categories · titles · curation · facts · programs · field numbers ·
    /// commodities · O*NET `.00` titles · SOC 2010 links · ESCO titles. Dictionaries are written sorted by node, so a graph always gives the
    /// same bytes.
    func cacheBytes() -> [UInt8] {
        var w = CacheWriter()
        w.array(nodes) { w, node in
            w.string(node.id)
            w.choice(node.kind)
            w.string(node.title)
        }
        w.array(edges) { w, edge in Self.write(edge, to: &w) }
        w.array(sources) { $0.source($1) }
        w.array(educationCategories) { w, category in
            w.int(category.category)
            w.string(category.title)
            w.choice(category.level)
        }
        w.array(titles) { w, entry in
            w.int(entry.node)
            w.string(entry.title)
            w.choice(entry.source)
        }
        for table in CurationTable.allCases {
            w.array(curation.links(table)) { w, link in
                w.int(link.subject)
                w.optional(link.term) { $0.string($1) }
                w.int(link.field)
                w.optional(link.grade) { $0.choice($1) }
                w.string(link.rationale)
                w.string(link.file)
                w.int(link.line)
            }
        }
        w.array(facts.sorted { $0.key < $1.key }) { w, entry in
            w.int(entry.key)
            Self.write(entry.value, to: &w)
        }
        w.array(programFacts.sorted { $0.key < $1.key }) { w, entry in
            w.int(entry.key)
            w.choice(entry.value.level)
            w.optional(entry.value.stem) { $0.bool($1) }
            w.optional(entry.value.stemBasis) { $0.string($1) }
        }
        w.array(fieldFacts.sorted { $0.key < $1.key }) { w, entry in
            w.int(entry.key)
            w.int(entry.value.number)
            w.choice(entry.value.framework)
        }
        w.array(commodities.sorted { $0.key < $1.key }) { w, entry in
            w.int(entry.key)
            w.string(entry.value.code)
            w.string(entry.value.title)
        }
        w.array(onetTitles) { w, entry in
            w.int(entry.node)
            w.string(entry.title)
        }
        w.array(soc2010Links) { w, link in
            w.string(link.soc2010)
            w.string(link.title)
            w.int(link.code)
            w.bool(link.split)
            w.bool(link.merged)
        }
        w.array(escoTitles) { w, title in
            w.int(title.isco)
            w.string(title.label)
            w.bool(title.preferred)
        }
        return w.finish()
    }

    /// The graph written by `cacheBytes()`; throws `CacheReader.Damage` when the bytes are not such a graph.
    init(cache r: inout CacheReader) throws {
        let nodes = try r.array { r in Node(id: try r.string(), kind: try r.choice(), title: try r.string()) }
        guard zip(nodes, nodes.dropFirst()).allSatisfy({ $0.kind <= $1.kind }) else { throw CacheReader.Damage() }
        let n = nodes.count
        func node(_ r: inout CacheReader) throws -> NodeIndex { try r.index(below: n) }
        let edges = try r.array { r in try Self.readEdge(&r, nodeCount: n) }
        let sources = try r.array { try $0.source() }
        let categories = try r.array { r in
            EducationCategory(category: try r.int(), title: try r.string(), level: try r.choice())
        }
        let titles = try r.array { r in TitleEntry(node: try node(&r), title: try r.string(), source: try r.choice()) }
        var curation = Curation()
        for table in CurationTable.allCases {
            for link in try r.array({ r in
                CurationLink(subject: try node(&r), term: try r.optional { try $0.string() }, field: try node(&r),
                             grade: try r.optional { try $0.choice() }, rationale: try r.string(),
                             file: try r.string(), line: try r.int())
            }) { curation.append(link, to: table) }
        }
        let facts = try r.array { r in (try node(&r), try Self.readFacts(&r)) }
        let programs = try r.array { r in
            (try node(&r), Program(level: try r.choice(), stem: try r.optional { try $0.bool() },
                                   stemBasis: try r.optional { try $0.string() }))
        }
        let numbers = try r.array { r in (try node(&r), FieldFacts(number: try r.int(), framework: try r.choice())) }
        let commodities = try r.array { r in (try node(&r), Commodity(code: try r.string(), title: try r.string())) }
        let onetTitles = try r.array { r in (node: try node(&r), title: try r.string()) }
        let soc2010 = try r.array { r in
            SOC2010Link(soc2010: try r.string(), title: try r.string(), code: try node(&r), split: try r.bool(),
                        merged: try r.bool())
        }
        let esco = try r.array { r in ESCOTitle(isco: try node(&r), label: try r.string(), preferred: try r.bool()) }
        guard r.isAtEnd else { throw CacheReader.Damage() }
        func table<Value>(_ pairs: [(NodeIndex, Value)]) -> [NodeIndex: Value] {
            Dictionary(pairs, uniquingKeysWith: { first, _ in first })
        }
        self.init(Parts(
            nodes: nodes, edges: edges, sources: sources, educationCategories: categories, titles: titles,
            curation: curation, facts: table(facts), programFacts: table(programs), fieldFacts: table(numbers),
            commodities: table(commodities), onetTitles: onetTitles, soc2010: soc2010, escoTitles: esco))
    }

    private static func write(_ edge: Edge, to w: inout CacheWriter) {
        w.int(edge.from)
        w.int(edge.to)
        w.choice(edge.kind)
        switch edge.attributes {
        case .none:
            w.int(0)
        case let .entryEducation(entry):
            w.int(1)
            w.choice(entry.education)
            w.string(entry.workExperience)
            w.string(entry.training)
            w.string(entry.epCode)
        case let .jobZone(onetCode):
            w.int(2)
            w.string(onetCode)
        case let .related(link):
            w.int(3)
            w.choice(link.tier)
            w.int(link.index)
            w.string(link.onetCode)
            w.string(link.relatedOnetCode)
        case let .uses(use):
            w.int(4)
            w.bool(use.hot)
            w.bool(use.inDemand)
        case let .designated(basis):
            w.int(5)
            w.string(basis)
        case let .alignment(a):
            w.int(6)
            for value in [a.occupation, a.field] { w.int(value) }
            w.choice(a.grade)
            w.double(a.strength)
            let c = a.counts
            for value in [c.programs, c.programTotal, c.technologies, c.hotTechnologies, c.technologyPoints, c.titles,
                          c.titleTotal] { w.int(value) }
            w.optional(a.direct) { $0.choice($1) }
            w.optional(a.specialty) { $0.int($1) }
            w.optional(a.specialtyGrade) { $0.choice($1) }
            w.bool(a.catchAll)
            w.bool(a.userGroup)
            w.array(a.evidence) { w, evidence in
                w.choice(evidence.kind)
                w.optional(evidence.via) { $0.int($1) }
                w.optional(evidence.title) { $0.string($1) }
                w.optional(evidence.term) { $0.string($1) }
                w.optional(evidence.hot) { $0.bool($1) }
                w.optional(evidence.grade) { $0.choice($1) }
                w.string(evidence.rationale)
                w.string(evidence.curationFile)
                w.int(evidence.curationLine)
            }
        case let .crosswalk(steps):
            w.int(7)
            w.array(steps) { w, step in
                w.string(step.soc2010)
                w.bool(step.partial)
            }
        }
    }

    private static func readEdge(_ r: inout CacheReader, nodeCount n: Int) throws -> Edge {
        let from = try r.index(below: n), to = try r.index(below: n)
        let kind: EdgeKind = try r.choice()
        let attributes: EdgeAttributes
        switch try r.index(below: 8) {
        case 0: attributes = .none
        case 1:
            attributes = .entryEducation(EntryEducation(
                education: try r.choice(), workExperience: try r.string(), training: try r.string(),
                epCode: try r.string()))
        case 2: attributes = .jobZone(onetCode: try r.string())
        case 3:
            attributes = .related(RelatedLink(tier: try r.choice(), index: try r.int(), onetCode: try r.string(),
                                              relatedOnetCode: try r.string()))
        case 4: attributes = .uses(TechnologyUse(hot: try r.bool(), inDemand: try r.bool()))
        case 5: attributes = .designated(basis: try r.string())
        case 7:
            attributes = .crosswalk(try r.array { r in CrosswalkStep(soc2010: try r.string(), partial: try r.bool()) })
        default:
            let occupation = try r.index(below: n), field = try r.index(below: n)
            let grade: AlignmentGrade = try r.choice()
            let strength = try r.double()
            let c = try (0..<7).map { _ in try r.int() }
            let counts = AlignmentStrength.Counts(
                programs: c[0], programTotal: c[1], technologies: c[2], hotTechnologies: c[3], technologyPoints: c[4],
                titles: c[5], titleTotal: c[6])
            let direct: AlignmentGrade? = try r.optional { try $0.choice() }
            let specialty = try r.optional { try $0.index(below: n) }
            let specialtyGrade: AlignmentGrade? = try r.optional { try $0.choice() }
            let catchAll = try r.bool()
            let userGroup = try r.bool()
            let evidence = try r.array { r in
                Evidence(kind: try r.choice(), via: try r.optional { try $0.index(below: n) },
                         title: try r.optional { try $0.string() }, term: try r.optional { try $0.string() },
                         hot: try r.optional { try $0.bool() }, grade: try r.optional { try $0.choice() },
                         rationale: try r.string(), curationFile: try r.string(), curationLine: try r.int())
            }
            attributes = .alignment(FieldAlignment(
                occupation: occupation, field: field, grade: grade, strength: strength, counts: counts,
                direct: direct, specialty: specialty, specialtyGrade: specialtyGrade, catchAll: catchAll,
                userGroup: userGroup, evidence: evidence))
        }
        return Edge(from: from, to: to, kind: kind, attributes: attributes)
    }

    private static func write(_ facts: OccupationFacts, to w: inout CacheWriter) {
        w.optional(facts.wages) { w, wages in
            w.string(wages.oewsCode)
            for value in [wages.employment, wages.annualMean, wages.annualP10, wages.annualP25, wages.annualMedian,
                          wages.annualP75, wages.annualP90] { w.optional(value) { $0.int($1) } }
            w.optional(wages.hourlyMedian) { $0.double($1) }
            w.array(wages.footnotes) { $0.int($1) }
        }
        w.optional(facts.projection) { w, p in
            w.string(p.epCode)
            for value in [p.employment2024, p.employment2034, p.changeNumeric, p.changePercent, p.openingsAnnual] {
                w.optional(value) { $0.double($1) }
            }
            w.optional(p.medianWage2024) { $0.int($1) }
            w.bool(p.medianWage2024TopCoded)
        }
        w.array(facts.educationDistribution) { w, share in
            w.int(share.category)
            w.double(share.percent)
        }
    }

    private static func readFacts(_ r: inout CacheReader) throws -> OccupationFacts {
        let wages = try r.optional { r in
            let code = try r.string()
            let ints = try (0..<7).map { _ in try r.optional { try $0.int() } }
            return Wages(oewsCode: code, employment: ints[0], annualMean: ints[1], annualP10: ints[2],
                         annualP25: ints[3], annualMedian: ints[4], annualP75: ints[5], annualP90: ints[6],
                         hourlyMedian: try r.optional { try $0.double() }, footnotes: try r.array { try $0.int() })
        }
        let projection = try r.optional { r in
            let code = try r.string()
            let numbers = try (0..<5).map { _ in try r.optional { try $0.double() } }
            return Projection(epCode: code, employment2024: numbers[0], employment2034: numbers[1],
                              changeNumeric: numbers[2], changePercent: numbers[3], openingsAnnual: numbers[4],
                              medianWage2024: try r.optional { try $0.int() }, medianWage2024TopCoded: try r.bool())
        }
        let distribution = try r.array { r in EducationShare(category: try r.int(), percent: try r.double()) }
        return OccupationFacts(wages: wages, projection: projection, educationDistribution: distribution)
    }
}

extension CacheWriter {
    /// A manifest row, its seven fields in order.
    mutating func source(_ source: DataSource) {
        for field in [source.source, source.publisher, source.title, source.vintage, source.url, source.file,
                      source.sha256] { string(field) }
    }
}

extension CacheReader {
    mutating func source() throws -> DataSource {
        DataSource(source: try string(), publisher: try string(), title: try string(), vintage: try string(),
                   url: try string(), file: try string(), sha256: try string())
    }
}
