/// The curation tables and the aligns-with edges: every row checked against the loaded graph.
extension GraphBuilder {
    /// Reads the curation tables, applying `CurationRules` (the importer's rules) to every row.
    func readCuration() {
        let vocabulary = LoadedVocabulary(builder: self)
        for kind in CurationTable.allCases {
            guard let table = read(GraphFile.curation(kind)) else { continue }
            var seen: [String: Int] = [:]
            for row in table.rows {
                let (key, fieldID, rationale) = (row[0], row[1], row[kind.rationaleColumn])
                let messages = [
                    CurationRules.keyProblem(kind, key, in: vocabulary),
                    kind.isInclusion ? CurationRules.includedProblem(fieldID, in: vocabulary)
                        : CurationRules.fieldProblem(fieldID, in: vocabulary),
                    kind == .occupations ? CurationRules.gradeProblem(row[2]) : nil,
                    CurationRules.rationaleProblem(kind, rationale),
                ].compactMap { $0 }
                for message in messages { problem(table.file, row.line, message) }
                if let first = seen[key + "\t" + fieldID] {
                    problem(table.file, row.line,
                            CurationRules.duplicateProblem(kind, key: key, field: fieldID, firstLine: first))
                    continue
                }
                seen[key + "\t" + fieldID] = row.line
                guard messages.isEmpty else { continue }
                let link: CurationLink
                switch kind {
                case .titles:
                    guard let field = index[fieldID] else { continue }
                    link = CurationLink(subject: field, term: key, field: field, rationale: rationale,
                                        file: table.file, line: row.line)
                case .inclusions:
                    guard let area = index[key], let included = index[fieldID] else { continue }
                    link = CurationLink(subject: included, field: area, rationale: rationale, file: table.file,
                                        line: row.line)
                default:
                    guard let subject = index[key], let field = index[fieldID] else { continue }
                    link = CurationLink(subject: subject, field: field,
                                        grade: kind == .occupations ? AlignmentGrade(name: row[2]) : nil,
                                        rationale: rationale, file: table.file, line: row.line)
                }
                curation.append(link, to: kind)
            }
        }
    }

    /// An alignments.tsv row waiting for its evidence.
    private struct PendingAlignment {
        let line: Int
        let occupation: NodeIndex
        let field: NodeIndex
        let grade: AlignmentGrade
        let strength: Double
        let counts: AlignmentStrength.Counts
        let direct: AlignmentGrade?
        let specialty: NodeIndex?
        let catchAll: Bool
        var evidence: [Evidence] = []
    }

    /// Reads alignments.tsv and alignment-evidence.tsv into aligns-with edges. Checks each row's references and
    /// numbers, the strength and grade against the rule and its counts, the counts against the crosswalk, uses.tsv,
    /// titles.tsv and the evidence rows, each path against cip-soc.tsv, uses.tsv or titles.tsv, and that each path
    /// has its curation row, whose rationale it then carries. A specialty's totals are its own O*NET rows, which
    /// Graph/ does not keep apart from its code's: they are checked at import only.
    func readAlignments() {
        guard let table = read(.alignments) else { return }
        var pending: [PendingAlignment] = []
        var position: [NodePair: Int] = [:]
        // Pairs of rows that name a known occupation and field, sound or not: their evidence is not orphaned.
        var listed: Set<NodePair> = []
        var seen = KeyTracker(columns: 2)
        let totals = occupationTotals()
        for row in table.rows {
            guard unique(row, &seen, table, what: "occupation and field"),
                  let occupation = resolve(row[0], [.detailed, .specialty], column: "code", table, row),
                  let field = resolve(row[1], [.field], column: "field", table, row) else { continue }
            listed.insert(NodePair(occupation, field))
            guard let grade = AlignmentGrade(name: row[2]) else {
                problem(table.file, row.line, "grade: '\(row[2])' is not core, substantial or incidental")
                continue
            }
            guard let strength = strength(row[3], table, row) else { continue }
            let numbers = (4...10).map { int(row[$0], column: table.header[$0], table, row, range: 0...99_999) }
            guard numbers.allSatisfy({ $0 != nil }) else { continue }
            let n = numbers.map { $0 ?? 0 }
            let counts = AlignmentStrength.Counts(
                programs: n[0], programTotal: n[1], technologies: n[2], hotTechnologies: n[3], technologyPoints: n[4],
                titles: n[5], titleTotal: n[6])
            var direct: AlignmentGrade?
            if !row[11].isEmpty {
                guard let value = AlignmentGrade(name: row[11]), value.isCitable else {
                    problem(table.file, row.line, "direct: '\(row[11])' is not core, substantial or empty")
                    continue
                }
                direct = value
            }
            var specialty: NodeIndex?
            if !row[12].isEmpty {
                guard let node = resolve(row[12], [.specialty], column: "specialty", table, row) else { continue }
                specialty = node
            }
            var sound = true
            func check(_ holds: Bool, _ message: @autoclosure () -> String) {
                if !holds { problem(table.file, row.line, message()) ; sound = false }
            }
            let isSpecialty = nodes[occupation].kind == .specialty
            if !isSpecialty {
                let total = totals[occupation] ?? (0, 0, 0)
                check(counts.programTotal == total.programs, "program_total: \(counts.programTotal), but cip-soc.tsv "
                      + "crosswalks \(total.programs) program\(total.programs == 1 ? "" : "s") to \(row[0])")
                check(counts.technologyPoints == total.points, "technology_points: \(counts.technologyPoints), but "
                      + "uses.tsv gives \(row[0]) \(total.points) (2 per hot technology, 1 per other)")
                check(counts.titleTotal == total.titles, "title_total: \(counts.titleTotal), but titles.tsv has "
                      + "\(total.titles) distinct titles for \(row[0])")
            } else {
                check(counts.programs == 0 && counts.programTotal == 0,
                      "programs: a specialty has no programs (the crosswalk pairs programs with SOC codes)")
                check(specialty == nil, "specialty: a specialty row names no specialty")
            }
            if specialty != nil {
                check(row[12].hasPrefix(row[0] + "."), "specialty: \(row[12]) is not a specialty of \(row[0])")
            }
            check(counts.programs <= counts.programTotal, "programs: \(counts.programs) is more than program_total")
            check(counts.hotTechnologies <= counts.technologies, "hot_technologies: more than technologies")
            check(counts.titles <= counts.titleTotal, "titles: \(counts.titles) is more than title_total")
            check(counts.hasEvidence || direct != nil || specialty != nil,
                  "no evidence: programs, technologies and titles are 0, and no direct link or specialty is named")
            let parts = AlignmentStrength.parts(counts)
            check(!sound || AlignmentStrength.text(parts.value) == row[3], "strength: \(row[3]), but the rule of "
                  + "Graph/README.md gives \(AlignmentStrength.text(parts.value)) for these counts")
            guard sound else { continue }
            position[NodePair(occupation, field)] = pending.count
            pending.append(PendingAlignment(
                line: row.line, occupation: occupation, field: field, grade: grade, strength: strength,
                counts: counts, direct: direct, specialty: specialty,
                catchAll: !isSpecialty && CatchAll.isCatchAll(title: nodes[occupation].title)))
        }
        readEvidence(into: &pending, position: position, listed: listed)
        // Per (code, field): its specialties graded core or substantial; per code: its O*NET occupations, the `.00`
        // one counted twice (`AlignmentStrength.rolledUp`).
        var citableSpecialties: [NodePair: Int] = [:]
        for alignment in pending where nodes[alignment.occupation].kind == .specialty && alignment.grade.isCitable {
            if let code = index[String(nodes[alignment.occupation].id.prefix(7))] {
                citableSpecialties[NodePair(code, alignment.field), default: 0] += 1
            }
        }
        var onetOccupations: [NodeIndex: Int] = [:]
        for code in onetCodes {
            if let node = index[String(code.prefix(7))] { onetOccupations[node, default: 0] += code.hasSuffix(".00") ? 2 : 1 }
        }
        for alignment in pending {
            let found = Dictionary(grouping: alignment.evidence, by: \.kind).mapValues(\.count)
            let hotFound = alignment.evidence.filter { $0.hot == true }.count
            let c = alignment.counts
            let expected: [(String, Int, Int, String)] = [
                ("programs", c.programs, found[.program] ?? 0, "program"),
                ("technologies", c.technologies, found[.technology] ?? 0, "technology"),
                ("hot_technologies", c.hotTechnologies, hotFound, "hot technology"),
                ("titles", c.titles, found[.title] ?? 0, "title"),
                ("direct", alignment.direct == nil ? 0 : 1, found[.direct] ?? 0, "direct"),
            ]
            var sound = true
            for (column, stated, listed, what) in expected where stated != listed {
                let value = column == "direct" ? (alignment.direct?.name ?? "empty") : String(stated)
                problem(table.file, alignment.line, "\(column): \(value), but alignment-evidence.tsv lists \(listed) "
                        + "\(what) path\(listed == 1 ? "" : "s") for \(nodes[alignment.occupation].id) "
                        + nodes[alignment.field].id)
                sound = false
            }
            if let direct = alignment.direct,
               let path = alignment.evidence.first(where: { $0.kind == .direct }), path.grade != direct {
                problem(table.file, alignment.line, "direct: \(direct.name), but the curated link says "
                        + (path.grade?.name ?? "no grade"))
                sound = false
            }
            let specialtyGrade = alignment.specialty.flatMap { position[NodePair($0, alignment.field)] }
                .flatMap { slot in
                    AlignmentStrength.rolledUp(best: pending[slot].grade,
                                               graded: citableSpecialties[NodePair(alignment.occupation, alignment.field)] ?? 0,
                                               occupations: onetOccupations[alignment.occupation] ?? 2)
                }
            if alignment.specialty != nil, specialtyGrade == nil {
                problem(table.file, alignment.line, "specialty: \(nodes[alignment.specialty ?? 0].id) has no "
                        + "alignment with \(nodes[alignment.field].id)")
                sound = false
            }
            let userGroup = AlignmentStrength.isUserGroup(nodes[alignment.occupation].id)
            let rule = AlignmentStrength.grade(AlignmentStrength.parts(alignment.counts), direct: alignment.direct,
                                               specialty: specialtyGrade, catchAll: alignment.catchAll,
                                               userGroup: userGroup)
            if sound, rule != alignment.grade {
                problem(table.file, alignment.line, "grade: \(alignment.grade.name), but the rule of Graph/README.md "
                        + "gives \(rule?.name ?? "no grade") for these counts, direct link and specialty")
                sound = false
            }
            guard sound else { continue }
            let edge = FieldAlignment(
                occupation: alignment.occupation, field: alignment.field, grade: alignment.grade,
                strength: alignment.strength, counts: alignment.counts, direct: alignment.direct,
                specialty: alignment.specialty, specialtyGrade: specialtyGrade, catchAll: alignment.catchAll,
                userGroup: userGroup, evidence: alignment.evidence)
            addEdge(alignment.occupation, alignment.field, .alignsWith, .alignment(edge))
        }
    }

    /// Per detailed code: crosswalked programs, technology points of uses.tsv and distinct titles of titles.tsv.
    private func occupationTotals() -> [NodeIndex: (programs: Int, points: Int, titles: Int)] {
        var result: [NodeIndex: (programs: Int, points: Int, titles: Int)] = [:]
        for (code, count) in programTotals { result[code, default: (0, 0, 0)].programs = count }
        for (pair, hot) in technologyUses { result[pair.first, default: (0, 0, 0)].points += hot ? 2 : 1 }
        var distinct: [NodeIndex: Set<String>] = [:]
        for entry in titleEntries where nodes[entry.node].kind == .detailed {
            distinct[entry.node, default: []].insert(TitleTerms.words(entry.title))
        }
        for (code, titles) in distinct { result[code, default: (0, 0, 0)].titles = titles.count }
        return result
    }

    /// Reads alignment-evidence.tsv, attaching each path to its pending alignment.
    private func readEvidence(into pending: inout [PendingAlignment], position: [NodePair: Int],
                              listed: Set<NodePair>) {
        guard let table = read(.alignmentEvidence) else { return }
        // The curated rows that signal each field (a focus area's through its included categories), by subject.
        var curated: [CurationTable: [NodePair: CurationLink]] = [:]
        var terms: [NodeIndex: [CurationLink]] = [:]
        for field in nodes.indices where nodes[field].kind == .field {
            for kind in [CurationTable.programs, .technologies, .occupations] {
                // The first row, or for direct links the best grade (a focus area may inherit two).
                for link in curation.links(kind, signalling: field) {
                    let key = NodePair(link.subject, field)
                    if let old = curated[kind]?[key], (old.grade ?? .incidental) >= (link.grade ?? .incidental) { continue }
                    curated[kind, default: [:]][key] = link
                }
            }
            terms[field] = curation.links(.titles, signalling: field)
        }
        var titlesOf: [NodeIndex: Set<String>] = [:]
        for entry in titleEntries where nodes[entry.node].kind == .detailed { titlesOf[entry.node, default: []].insert(entry.title) }
        var seen = KeyTracker(columns: 4)
        for row in table.rows {
            guard unique(row, &seen, table, what: "path"),
                  let occupation = resolve(row[0], [.detailed, .specialty], column: "code", table, row),
                  let field = resolve(row[1], [.field], column: "field", table, row) else { continue }
            guard let kind = Evidence.Kind(rawValue: row[2]) else {
                problem(table.file, row.line, "kind: '\(row[2])' is not program, technology, title or direct")
                continue
            }
            guard let slot = position[NodePair(occupation, field)] else {
                if listed.contains(NodePair(occupation, field)) { continue }  // its row is reported already
                problem(table.file, row.line, "no aligns-with row for \(row[0]) \(row[1]) in alignments.tsv: "
                        + "evidence must belong to an alignment (re-import)")
                continue
            }
            // A specialty's technologies and titles are listed under its SOC code in uses.tsv and titles.tsv.
            let code = nodes[occupation].kind == .specialty ? (index[String(row[0].prefix(7))] ?? occupation) : occupation
            var link: CurationLink?
            var via: NodeIndex?
            var hot: Bool?
            var title: String?
            switch kind {
            case .program:
                guard let program = resolve(row[3], [.program], column: "via", table, row),
                      checkEmptyHot(row, table) else { continue }
                guard crosswalk.contains(NodePair(program, occupation)) else {
                    problem(table.file, row.line, "via: CIP \(row[3]) does not prepare for \(row[0]) in cip-soc.tsv")
                    continue
                }
                via = program
                link = curated[.programs]?[NodePair(program, field)]
            case .technology:
                guard let technology = resolve(row[3], [.technology], column: "via", table, row),
                      let flagged = flag(row[4], column: "hot", table, row) else { continue }
                guard let listedHot = technologyUses[NodePair(code, technology)] else {
                    problem(table.file, row.line, "via: uses.tsv does not list '\(row[3])' for \(row[0])")
                    continue
                }
                guard listedHot == flagged || code != occupation else {
                    problem(table.file, row.line, "hot: '\(row[4])', but uses.tsv has '\(listedHot ? "yes" : "no")' "
                            + "for \(row[0]) and '\(row[3])'")
                    continue
                }
                via = technology
                hot = flagged
                link = curated[.technologies]?[NodePair(technology, field)]
            case .title:
                guard checkEmptyHot(row, table) else { continue }
                guard titlesOf[code]?.contains(row[3]) == true else {
                    problem(table.file, row.line, "via: titles.tsv has no title '\(row[3])' for \(nodes[code].id)")
                    continue
                }
                title = row[3]
                link = terms[field]?.first { TitleTerms.contains(row[3], term: $0.term ?? "") }
            case .direct:
                guard row[3].isEmpty else {
                    problem(table.file, row.line, "via: a direct path names no program, technology or title")
                    continue
                }
                guard checkEmptyHot(row, table) else { continue }
                link = curated[.occupations]?[NodePair(occupation, field)]
            }
            guard let link else {
                problem(table.file, row.line, "no row for '\(row[3].isEmpty ? row[0] : row[3])' and \(row[1]) in the "
                        + "curation tables: the path has no curated rationale (re-import after editing the curation "
                        + "tables)")
                continue
            }
            pending[slot].evidence.append(Evidence(
                kind: kind, via: via, title: title, term: link.term, hot: hot, grade: link.grade,
                rationale: link.rationale, curationFile: link.file, curationLine: link.line))
        }
    }

    private func checkEmptyHot(_ row: TSVTable.Row, _ table: TSVTable) -> Bool {
        if row[4].isEmpty { return true }
        problem(table.file, row.line, "hot: '\(row[4])' given for a \(row[2]) path (only technologies are flagged)")
        return false
    }

    /// A strength as written in alignments.tsv: `0.00` to `1.00`, exactly two decimals.
    private func strength(_ text: String, _ table: TSVTable, _ row: TSVTable.Row) -> Double? {
        let bytes = Array(text.utf8)
        guard bytes.count == 4, bytes[1] == UInt8(ascii: "."), let value = Double(text), value >= 0, value <= 1,
              Self.isDecimal(text, fraction: true) else {
            problem(table.file, row.line, "strength: '\(text)' is not a decimal with two places from 0.00 to 1.00")
            return nil
        }
        return value
    }
}

/// The curation vocabulary of the graph being loaded: CIP levels and crosswalk, technology nodes, SOC levels and
/// field nodes, all through the builder's id index.
private struct LoadedVocabulary: CurationVocabulary {
    unowned let builder: GraphBuilder

    private func kind(_ id: String) -> NodeKind? { builder.index[id].map { builder.nodes[$0].kind } }

    func cipLevel(of code: String) -> CIPLevel? {
        builder.node(code, ofKind: .program).flatMap { builder.programFacts[$0]?.level }
    }

    func isCrosswalked(_ program: String) -> Bool {
        guard let node = builder.index[program] else { return false }
        return builder.crosswalkedPrograms.contains(node)
    }

    func isTechnology(_ name: String) -> Bool { kind(name) == .technology }

    func socLevel(of code: String) -> NodeKind? {
        guard let kind = kind(code), kind.isSOCGroup || kind == .detailed else { return nil }
        return kind
    }

    func occupationTitle(of code: String) -> String? {
        guard let node = builder.index[code], [.detailed, .specialty].contains(builder.nodes[node].kind) else { return nil }
        return builder.nodes[node].title
    }

    func framework(of id: String) -> Framework? { builder.index[id].flatMap { builder.fieldFacts[$0]?.framework } }
}
