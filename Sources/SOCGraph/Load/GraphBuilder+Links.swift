/// Phase 2: edges and attributes, every reference resolved through the id index.
extension GraphBuilder {
    private static let detailed: [NodeKind] = [.detailed]
    private static let program: [NodeKind] = [.program]
    private static let technology: [NodeKind] = [.technology]
    private static let designation: [NodeKind] = [.designation]
    private static let socLevels: [NodeKind] = [.major, .minor, .broad, .detailed]
    private static let upward: [NodeKind: NodeKind] = [.minor: .major, .broad: .minor, .detailed: .broad]

    func linkHierarchy() {
        if let table = tables[GraphFile.soc.name] {
            for row in table.rows {
                guard let child = row.withBytes(0, { index.find($0) }),
                      nodeKinds[child].isSOCGroup || nodeKinds[child] == .detailed else { continue }
                let kind = nodeKinds[child]
                if kind == .major {
                    if !row.isEmpty(3) { problem(table.file, row.line, "parent: a major group has no parent") }
                    continue
                }
                guard let expected = Self.upward[kind] else { continue }
                guard !row.isEmpty(3) else {
                    problem(table.file, row.line, "parent: a \(kind.displayName) needs its \(expected.displayName)")
                    continue
                }
                guard let parent = resolve(field: 3, [expected], column: "parent", table, row) else { continue }
                let sameMajor = row.withBytes(3) { parentCode in
                    row.withBytes(0) { code in parentCode.prefix(2).elementsEqual(code.prefix(2)) }
                }
                if !sameMajor {
                    problem(table.file, row.line, "parent: \(row[3]) is in another major group than \(row[0])")
                    continue
                }
                addEdge(child, parent, .parent)
            }
        }
        if let table = tables[GraphFile.onetOccupations.name] {
            for row in table.rows {
                guard let code = resolve(field: 1, Self.detailed, column: "code", table, row) else { continue }
                if let specialty = row.withBytes(0, { index.find($0) }), nodeKinds[specialty] == .specialty {
                    addEdge(specialty, code, .parent)
                }
            }
        }
        if let table = tables[GraphFile.cip.name] {
            for row in table.rows {
                guard let child = row.withBytes(0, { index.find($0) }), nodeKinds[child] == .program,
                      let level = programFacts[child]?.level else { continue }
                if level == .family {
                    if !row.isEmpty(3) { problem(table.file, row.line, "parent: a CIP family has no parent") }
                    continue
                }
                let length = level == .series ? 2 : 5
                let fits = row.withBytes(3) { parentCode in
                    row.withBytes(0) { code in parentCode.elementsEqual(code.prefix(length)) }
                }
                guard fits else {
                    problem(table.file, row.line, "parent: '\(row[3])', expected '\(String(row[0].prefix(length)))'")
                    continue
                }
                guard let parent = resolve(field: 3, Self.program, column: "parent", table, row) else { continue }
                addEdge(child, parent, .parent)
            }
        }
    }

    /// The O*NET code in field `field` if onet-occupations.tsv lists it and field `codeField` is its SOC part:
    /// its position in `onetCodeList`, else nil (with a problem recorded).
    private func checkONET(field: Int, codeField: Int, _ codes: IDIndex, _ table: TSVTable,
                           _ row: TSVTable.Row) -> Int? {
        guard let known = row.withBytes(field, { codes.find($0) }) else {
            problem(table.file, row.line, "onet_code: unknown O*NET-SOC code '\(row[field])'")
            return nil
        }
        let isPart = row.withBytes(codeField) { code in row.withBytes(field) { CodeShape.isSOCPart(code, of: $0) } }
        guard isPart else {
            problem(table.file, row.line, "code: '\(row[codeField])' is not the SOC part of \(row[field])")
            return nil
        }
        return known
    }

    /// The O*NET codes of onet-occupations.tsv, indexed by their bytes.
    private var onetCodes: (index: IDIndex, list: [String]) {
        if let cached = onetCodeCache { return cached }
        var codes = (index: IDIndex(), list: [String]())
        if let rows = tables[GraphFile.onetOccupations.name]?.rows {
            codes.index = IDIndex(capacity: rows.count)
            for row in rows {
                let code = row[0]
                if codes.index.insert(code, codes.list.count) == nil { codes.list.append(code) }
            }
        }
        onetCodeCache = codes
        return codes
    }

    private var jobZoneNodes: [NodeIndex?] { (0...5).map { index[KnowledgeGraph.jobZoneID($0)] } }

    func readEducation() {
        if let table = read(.entryEducation) {
            var seen = KeyTracker(columns: 1)
            let levels = RawValueTable(EducationLevel.self)
            for row in table.rows {
                guard unique(row, &seen, table, what: "code"),
                      let code = resolve(field: 0, Self.detailed, column: "code", table, row) else { continue }
                guard let level = levels.value(row, 1), let target = index[level.rawValue],
                      nodeKinds[target] == .educationLevel else {
                    problem(table.file, row.line, "education: unknown education level '\(row[1])'")
                    continue
                }
                guard nonEmpty(field: 2, column: "work_experience", table, row),
                      nonEmpty(field: 3, column: "training", table, row) else { continue }
                guard row.withBytes(4, CodeShape.isSOC) else {
                    problem(table.file, row.line, "ep_code: '\(row[4])' is not a SOC code")
                    continue
                }
                let entry = EntryEducation(education: level, workExperience: row[2], training: row[3], epCode: row[4])
                addEdge(code, target, .entryEducation, .entryEducation(entry))
            }
        }
        if let table = read(.jobZones) {
            var seen = KeyTracker(columns: 1)
            var zones: [(onetCode: String, code: NodeIndex, zone: Int)] = []
            let zoneNodes = jobZoneNodes
            let onetCodes = onetCodes
            for row in table.rows {
                guard unique(row, &seen, table, what: "O*NET code"),
                      let onet = checkONET(field: 0, codeField: 1, onetCodes.index, table, row),
                      let code = resolve(field: 1, Self.detailed, column: "code", table, row),
                      let zone = int(field: 2, column: "job_zone", table, row, range: 1...5) else { continue }
                let onetCode = onetCodes.list[onet]
                zones.append((onetCode, code, zone))
                if let specialty = row.withBytes(0, { index.find($0) }), nodeKinds[specialty] == .specialty,
                   let target = zoneNodes[zone] {
                    addEdge(specialty, target, .jobZone, .jobZone(onetCode: onetCode))
                }
            }
            // A detailed code takes its .00 rating, else the lowest among its specialties.
            var best: [NodeIndex: (onetCode: String, zone: Int, own: Bool)] = [:]
            for (onetCode, code, zone) in zones {
                let own = onetCode.hasSuffix(".00")
                if let current = best[code], current.own || (!own && current.zone <= zone) { continue }
                best[code] = (onetCode, zone, own)
            }
            for (code, choice) in best {
                if let target = zoneNodes[choice.zone] {
                    addEdge(code, target, .jobZone, .jobZone(onetCode: choice.onetCode))
                }
            }
        }
        if let table = read(.educationCategories) {
            var seen = KeyTracker(columns: 1)
            for row in table.rows {
                guard unique(row, &seen, table, what: "category"),
                      let category = int(row[0], column: "category", table, row, range: 1...12),
                      nonEmpty(row[1], column: "title", table, row) else { continue }
                guard let level = EducationLevel(rawValue: row[2]) else {
                    problem(table.file, row.line, "level: unknown education level '\(row[2])'")
                    continue
                }
                educationCategories.append(EducationCategory(category: category, title: row[1], level: level))
            }
        }
        if let table = read(.educationDistribution) {
            var categories = [Bool](repeating: false, count: 13)
            for category in educationCategories { categories[category.category] = true }
            var seen = KeyTracker(columns: 3)
            var shares = [[EducationShare]](repeating: [], count: nodes.count)
            let onetCodes = onetCodes.index
            for row in table.rows {
                guard unique(row, &seen, table, what: "row"),
                      checkONET(field: 0, codeField: 1, onetCodes, table, row) != nil,
                      let code = resolve(field: 1, Self.detailed, column: "code", table, row),
                      let category = int(field: 2, column: "category", table, row),
                      let percent = double(field: 3, column: "percent", table, row, range: 0...100) else { continue }
                guard categories.indices.contains(category), categories[category] else {
                    problem(table.file, row.line, "category: \(category) is not in education-categories.tsv")
                    continue
                }
                let node: NodeIndex? = row.field(0, hasSuffix: ".00") ? code : row.withBytes(0, { index.find($0) })
                guard let node else { continue }
                shares[node].append(EducationShare(category: category, percent: percent))
            }
            for (node, list) in shares.enumerated() where !list.isEmpty {
                facts[node, default: OccupationFacts()].educationDistribution =
                    list.sorted { $0.category < $1.category }
            }
        }
    }

    func readProjections() {
        guard let table = read(.projections) else { return }
        var seen = KeyTracker(columns: 1)
        for row in table.rows {
            guard unique(row, &seen, table, what: "code"),
                  let code = resolve(field: 0, Self.detailed, column: "code", table, row) else { continue }
            guard row.withBytes(1, CodeShape.isSOC) else {
                problem(table.file, row.line, "ep_code: '\(row[1])' is not a SOC code")
                continue
            }
            let headers = table.header
            let numbers = (2...6).map { optionalDouble(field: $0, column: headers[$0], table, row) }
            // A top-coded wage is published as a floor, `>=239200`.
            let topCoded = row[7].hasPrefix(">=")
            let wageText = topCoded ? String(row[7].dropFirst(2)) : row[7]
            let projection = Projection(
                epCode: row[1], employment2024: numbers[0], employment2034: numbers[1], changeNumeric: numbers[2],
                changePercent: numbers[3], openingsAnnual: numbers[4],
                medianWage2024: optionalInt(wageText, column: headers[7], table, row),
                medianWage2024TopCoded: topCoded)
            facts[code, default: OccupationFacts()].projection = projection
        }
    }

    func readWages() {
        guard let table = read(.wages) else { return }
        var seen = KeyTracker(columns: 1)
        for row in table.rows {
            guard unique(row, &seen, table, what: "code"),
                  let code = resolve(field: 0, Self.detailed, column: "code", table, row) else { continue }
            guard row.withBytes(1, CodeShape.isSOC) else {
                problem(table.file, row.line, "oews_code: '\(row[1])' is not a SOC code")
                continue
            }
            let headers = table.header
            let ints = (2...8).map { optionalInt(field: $0, column: headers[$0], table, row) }
            let footnotes = row.isEmpty(10) ? [] : row[10].split(separator: ",", omittingEmptySubsequences: false)
                .compactMap { int(String($0), column: "footnotes", table, row) }
            let wages = Wages(
                oewsCode: row[1], employment: ints[0], annualMean: ints[1], annualP10: ints[2], annualP25: ints[3],
                annualMedian: ints[4], annualP75: ints[5], annualP90: ints[6],
                hourlyMedian: optionalDouble(field: 9, column: headers[9], table, row), footnotes: footnotes)
            facts[code, default: OccupationFacts()].wages = wages
        }
    }

    func readRelated() {
        guard let table = read(.related) else { return }
        var seen = KeyTracker(columns: 2)
        let onetCodes = onetCodes
        let tiers = RawValueTable(RelatedTier.self)
        for row in table.rows {
            guard unique(row, &seen, table, what: "pair"),
                  let code = resolve(field: 0, Self.detailed, column: "code", table, row),
                  let related = resolve(field: 1, Self.detailed, column: "related", table, row) else { continue }
            guard code != related else {
                problem(table.file, row.line, "related: an occupation is not related to itself")
                continue
            }
            guard let tier = tiers.value(row, 2) else {
                problem(table.file, row.line, "tier: '\(row[2])' is not primary-short, primary-long or supplemental")
                continue
            }
            guard let rank = int(field: 3, column: "index", table, row, range: 1...999),
                  let onet = checkONET(field: 4, codeField: 0, onetCodes.index, table, row),
                  let relatedONET = checkONET(field: 5, codeField: 1, onetCodes.index, table, row) else { continue }
            let link = RelatedLink(tier: tier, index: rank, onetCode: onetCodes.list[onet],
                                   relatedOnetCode: onetCodes.list[relatedONET])
            addEdge(code, related, .related, .related(link), order: rank)
        }
    }

    func readProgramLinks() {
        guard let table = read(.cipSOC) else { return }
        var seen = KeyTracker(columns: 2)
        for row in table.rows {
            guard unique(row, &seen, table, what: "pair"),
                  let program = resolve(field: 0, Self.program, column: "cip", table, row),
                  let code = resolve(field: 1, Self.detailed, column: "code", table, row) else { continue }
            guard programFacts[program]?.level == .program else {
                problem(table.file, row.line, "cip: '\(row[0])' is not a six-digit CIP program")
                continue
            }
            addEdge(program, code, .preparesFor)
            if crosswalk.insert(NodePair(program, code)).inserted { programTotals[code, default: 0] += 1 }
            crosswalkedPrograms.insert(program)
        }
    }

    func readDesignations() {
        guard let table = read(.designations) else { return }
        var seen = KeyTracker(columns: 2)
        for row in table.rows {
            guard unique(row, &seen, table, what: "designation"),
                  let code = resolve(field: 0, Self.detailed, column: "code", table, row),
                  let target = resolve(field: 1, Self.designation, column: "designation", table, row),
                  nonEmpty(field: 2, column: "basis", table, row) else { continue }
            addEdge(code, target, .designated, .designated(basis: row[2]))
        }
    }

    func readTitles() {
        guard let table = read(.titles) else { return }
        titleEntries.reserveCapacity(table.rows.count)
        let sources = RawValueTable(TitleSource.self)
        for row in table.rows {
            guard let node = resolve(field: 0, Self.socLevels, column: "code", table, row),
                  nonEmpty(field: 1, column: "title", table, row) else { continue }
            guard let source = sources.value(row, 2) else {
                problem(table.file, row.line, "source: '\(row[2])' is not one of "
                        + TitleSource.allCases.map(\.rawValue).joined(separator: ", "))
                continue
            }
            titleEntries.append(TitleEntry(node: node, title: row[1], source: source))
        }
    }

    func readUses() {
        guard let table = read(.uses) else { return }
        let keepsUses = sections.contains(.alignments)
        if keepsUses { technologyUses.reserveCapacity(table.rows.count) }
        var seen = KeyTracker(columns: 2)
        for row in table.rows {
            guard unique(row, &seen, table, what: "pair"),
                  let code = resolve(field: 0, Self.detailed, column: "code", table, row),
                  let technology = resolve(field: 1, Self.technology, column: "technology", table, row),
                  let hot = flag(field: 2, column: "hot", table, row),
                  let inDemand = flag(field: 3, column: "in_demand", table, row) else { continue }
            addEdge(code, technology, .uses, .uses(TechnologyUse(hot: hot, inDemand: inDemand)))
            if keepsUses { technologyUses[NodePair(code, technology)] = hot }
        }
    }
}
