import Foundation

/// Phase 2: edges and attributes, every reference resolved through the id index.
extension GraphBuilder {
    static let detailed: [NodeKind] = [.detailed]
    private static let program: [NodeKind] = [.program]
    private static let technology: [NodeKind] = [.technology]
    private static let designation: [NodeKind] = [.designation]
    private static let socLevels: [NodeKind] = [.major, .minor, .broad, .detailed]
    private static let upward: [NodeKind: NodeKind] = [.minor: .major, .broad: .minor, .detailed: .broad]

    func linkHierarchy() {
        if let table = tables[GraphFile.soc.name] {
            for row in table.rows {
                guard let child = index[row[0]], nodes[child].kind.isSOCGroup || nodes[child].kind == .detailed
                else { continue }
                let kind = nodes[child].kind
                if kind == .major {
                    if !row[3].isEmpty { problem(table.file, row.line, "parent: a major group has no parent") }
                    continue
                }
                guard let expected = Self.upward[kind] else { continue }
                guard !row[3].isEmpty else {
                    problem(table.file, row.line, "parent: a \(kind.displayName) needs its \(expected.displayName)")
                    continue
                }
                guard let parent = resolve(row[3], [expected], column: "parent", table, row) else { continue }
                if !row[3].utf8.prefix(2).elementsEqual(row[0].utf8.prefix(2)) {
                    problem(table.file, row.line, "parent: \(row[3]) is in another major group than \(row[0])")
                    continue
                }
                addEdge(child, parent, .parent)
            }
        }
        if let table = tables[GraphFile.onetOccupations.name] {
            for row in table.rows {
                guard let code = resolve(row[1], Self.detailed, column: "code", table, row) else { continue }
                if let specialty = node(row[0], ofKind: .specialty) { addEdge(specialty, code, .parent) }
            }
        }
        if let table = tables[GraphFile.cip.name] {
            for row in table.rows {
                guard let child = node(row[0], ofKind: .program), let level = programFacts[child]?.level else {
                    continue
                }
                if level == .family {
                    if !row[3].isEmpty { problem(table.file, row.line, "parent: a CIP family has no parent") }
                    continue
                }
                let length = level == .series ? 2 : 5
                guard row[3].utf8.elementsEqual(row[0].utf8.prefix(length)) else {
                    problem(table.file, row.line, "parent: '\(row[3])', expected '\(String(row[0].prefix(length)))'")
                    continue
                }
                guard let parent = resolve(row[3], Self.program, column: "parent", table, row) else { continue }
                addEdge(child, parent, .parent)
            }
        }
    }

    /// The O*NET code in field `field` when onet-occupations.tsv lists it and field `codeField` is its SOC part;
    /// else nil, with a problem recorded.
    private func checkONET(field: Int, codeField: Int, _ table: TSVTable, _ row: TSVTable.Row) -> String? {
        guard onetCodes.contains(row[field]) else {
            problem(table.file, row.line, "onet_code: unknown O*NET-SOC code '\(row[field])'")
            return nil
        }
        guard CodeShape.isSOCPart(row[codeField], of: row[field]) else {
            problem(table.file, row.line, "code: '\(row[codeField])' is not the SOC part of \(row[field])")
            return nil
        }
        return row[field]
    }

    func readEducation() {
        if let table = read(.entryEducation) {
            var seen = KeyTracker(columns: 1)
            for row in table.rows {
                guard unique(row, &seen, table, what: "code"),
                      let code = resolve(row[0], Self.detailed, column: "code", table, row) else { continue }
                guard let level = EducationLevel(rawValue: row[1]), let target = node(level.rawValue, ofKind: .educationLevel)
                else {
                    problem(table.file, row.line, "education: unknown education level '\(row[1])'")
                    continue
                }
                guard nonEmpty(row[2], column: "work_experience", table, row),
                      nonEmpty(row[3], column: "training", table, row) else { continue }
                guard CodeShape.isSOC(row[4]) else {
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
            for row in table.rows {
                guard unique(row, &seen, table, what: "O*NET code"),
                      let onetCode = checkONET(field: 0, codeField: 1, table, row),
                      let code = resolve(row[1], Self.detailed, column: "code", table, row),
                      let zone = int(row[2], column: "job_zone", table, row, range: 1...9) else { continue }
                guard let target = node(KnowledgeGraph.jobZoneID(zone), ofKind: .jobZone) else {
                    problem(table.file, row.line, "job_zone: \(zone) is not a zone of \(GraphFile.jobZoneNames.name)")
                    continue
                }
                zones.append((onetCode, code, zone))
                if let specialty = node(onetCode, ofKind: .specialty) {
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
                if let target = node(KnowledgeGraph.jobZoneID(choice.zone), ofKind: .jobZone) {
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
            let categories = Set(educationCategories.map(\.category))
            var seen = KeyTracker(columns: 3)
            var shares: [NodeIndex: [EducationShare]] = [:]
            var lastRow: [NodeIndex: (onetCode: String, line: Int)] = [:]
            for row in table.rows {
                guard unique(row, &seen, table, what: "row"),
                      checkONET(field: 0, codeField: 1, table, row) != nil,
                      let code = resolve(row[1], Self.detailed, column: "code", table, row),
                      let category = int(row[2], column: "category", table, row),
                      let percent = double(row[3], column: "percent", table, row, range: 0...100) else { continue }
                guard categories.contains(category) else {
                    problem(table.file, row.line, "category: \(category) is not in education-categories.tsv")
                    continue
                }
                // A detailed code takes the distribution of its .00 code; a specialty its own.
                guard let node = row[0].hasSuffix(".00") ? code : index[row[0]] else { continue }
                shares[node, default: []].append(EducationShare(category: category, percent: percent))
                lastRow[node] = (row[0], row.line)
            }
            for (node, list) in shares {
                // Published shares are rounded, so they sum to 100 within a few hundredths; a whole point off is
                // a lost or doubled row.
                let total = list.reduce(0) { $0 + $1.percent }
                guard abs(total - 100) <= 1 else {
                    let (onetCode, line) = lastRow[node] ?? ("", 0)
                    problem(table.file, line, "percent: the shares of \(onetCode) sum to "
                            + String(format: "%.2f", total) + "%, not about 100%")
                    continue
                }
                facts[node, default: OccupationFacts()].educationDistribution = list.sorted { $0.category < $1.category }
            }
        }
    }

    func readProjections() {
        guard let table = read(.projections) else { return }
        var seen = KeyTracker(columns: 1)
        for row in table.rows {
            guard unique(row, &seen, table, what: "code"),
                  let code = resolve(row[0], Self.detailed, column: "code", table, row) else { continue }
            guard CodeShape.isSOC(row[1]) else {
                problem(table.file, row.line, "ep_code: '\(row[1])' is not a SOC code")
                continue
            }
            let headers = table.header
            let numbers = (2...6).map { optionalDouble(row[$0], column: headers[$0], table, row) }
            if let negative = [2, 3, 6].first(where: { (numbers[$0 - 2] ?? 0) < 0 }) {
                problem(table.file, row.line, "\(headers[negative]): \(row[negative]) is negative")
                continue
            }
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
                  let code = resolve(row[0], Self.detailed, column: "code", table, row) else { continue }
            guard CodeShape.isSOC(row[1]) else {
                problem(table.file, row.line, "oews_code: '\(row[1])' is not a SOC code")
                continue
            }
            let headers = table.header
            let ints = (2...8).map { optionalInt(row[$0], column: headers[$0], table, row) }
            let footnotes = row[10].isEmpty ? [] : row[10].split(separator: ",", omittingEmptySubsequences: false)
                .compactMap { int(String($0), column: "footnotes", table, row) }
            let wages = Wages(
                oewsCode: row[1], employment: ints[0], annualMean: ints[1], annualP10: ints[2], annualP25: ints[3],
                annualMedian: ints[4], annualP75: ints[5], annualP90: ints[6],
                hourlyMedian: optionalDouble(row[9], column: headers[9], table, row), footnotes: footnotes)
            guard consistent(wages, table, row) else { continue }
            facts[code, default: OccupationFacts()].wages = wages
        }
    }

    /// Employment is not negative and the percentiles that are published rise from the 10th to the 90th: a median
    /// above its own 90th percentile would be shown as a fact.
    func consistent(_ wages: Wages, _ table: TSVTable, _ row: TSVTable.Row) -> Bool {
        if let employment = wages.employment, employment < 0 {
            problem(table.file, row.line, "employment: \(employment) is negative")
            return false
        }
        let percentiles = [("annual_p10", wages.annualP10), ("annual_p25", wages.annualP25),
                           ("annual_median", wages.annualMedian), ("annual_p75", wages.annualP75),
                           ("annual_p90", wages.annualP90)].compactMap { name, value in value.map { (name, $0) } }
        for (lower, upper) in zip(percentiles, percentiles.dropFirst()) where lower.1 > upper.1 {
            problem(table.file, row.line, "\(lower.0) \(lower.1) is above \(upper.0) \(upper.1): percentiles must rise")
            return false
        }
        return true
    }

    func readRelated() {
        guard let table = read(.related) else { return }
        var seen = KeyTracker(columns: 2)
        for row in table.rows {
            guard unique(row, &seen, table, what: "pair"),
                  let code = resolve(row[0], Self.detailed, column: "code", table, row),
                  let related = resolve(row[1], Self.detailed, column: "related", table, row) else { continue }
            guard code != related else {
                problem(table.file, row.line, "related: an occupation is not related to itself")
                continue
            }
            guard let tier = RelatedTier(rawValue: row[2]) else {
                problem(table.file, row.line, "tier: '\(row[2])' is not primary-short, primary-long or supplemental")
                continue
            }
            guard let rank = int(row[3], column: "index", table, row, range: 1...999),
                  let onet = checkONET(field: 4, codeField: 0, table, row),
                  let relatedONET = checkONET(field: 5, codeField: 1, table, row) else { continue }
            let link = RelatedLink(tier: tier, index: rank, onetCode: onet, relatedOnetCode: relatedONET)
            addEdge(code, related, .related, .related(link))
        }
    }

    func readProgramLinks() {
        guard let table = read(.cipSOC) else { return }
        var seen = KeyTracker(columns: 2)
        for row in table.rows {
            guard unique(row, &seen, table, what: "pair"),
                  let program = resolve(row[0], Self.program, column: "cip", table, row),
                  let code = resolve(row[1], Self.detailed, column: "code", table, row) else { continue }
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
                  let code = resolve(row[0], Self.detailed, column: "code", table, row),
                  let target = resolve(row[1], Self.designation, column: "designation", table, row),
                  nonEmpty(row[2], column: "basis", table, row) else { continue }
            addEdge(code, target, .designated, .designated(basis: row[2]))
        }
    }

    func readTitles() {
        guard let table = read(.titles) else { return }
        titleEntries.reserveCapacity(table.rows.count)
        for row in table.rows {
            guard let node = resolve(row[0], Self.socLevels, column: "code", table, row),
                  nonEmpty(row[1], column: "title", table, row) else { continue }
            guard let source = TitleSource(rawValue: row[2]) else {
                problem(table.file, row.line, "source: '\(row[2])' is not one of "
                        + TitleSource.allCases.map(\.rawValue).joined(separator: ", "))
                continue
            }
            titleEntries.append(TitleEntry(node: node, title: row[1], source: source))
        }
    }

    func readUses() {
        guard let table = read(.uses) else { return }
        technologyUses.reserveCapacity(table.rows.count)
        var seen = KeyTracker(columns: 2)
        for row in table.rows {
            guard unique(row, &seen, table, what: "pair"),
                  let code = resolve(row[0], Self.detailed, column: "code", table, row),
                  let technology = resolve(row[1], Self.technology, column: "technology", table, row),
                  let hot = flag(row[2], column: "hot", table, row),
                  let inDemand = flag(row[3], column: "in_demand", table, row) else { continue }
            addEdge(code, technology, .uses, .uses(TechnologyUse(hot: hot, inDemand: inDemand)))
            technologyUses[NodePair(code, technology)] = hot
        }
    }
}
