/// The curation tables and the aligns-with edges: every row checked against the loaded graph.
extension GraphBuilder {
    /// Reads the three curation tables, applying `CurationRules` (the importer's rules) to every row.
    func readCuration() {
        let vocabulary = LoadedVocabulary(builder: self)
        for kind in CurationTable.allCases {
            guard let table = read(GraphFile.curation(kind)) else { continue }
            var seen: [String: Int] = [:]
            for row in table.rows {
                let (key, fieldID, rationale) = (row[0], row[1], row[2])
                let messages = [
                    CurationRules.keyProblem(kind, key, in: vocabulary),
                    CurationRules.fieldProblem(fieldID, in: vocabulary),
                    CurationRules.rationaleProblem(kind, rationale),
                ].compactMap { $0 }
                for message in messages { problem(table.file, row.line, message) }
                if let first = seen[key + "\t" + fieldID] {
                    problem(table.file, row.line,
                            CurationRules.duplicateProblem(kind, key: key, field: fieldID, firstLine: first))
                    continue
                }
                seen[key + "\t" + fieldID] = row.line
                guard messages.isEmpty, let subject = index[key], let field = index[fieldID] else { continue }
                let link = CurationLink(subject: subject, field: field, rationale: rationale, file: table.file,
                                        line: row.line)
                switch kind {
                case .programs: curation.cipFields.append(link)
                case .technologies: curation.technologyFields.append(link)
                case .occupations: curation.occupationFields.append(link)
                }
            }
        }
    }

    /// An alignments.tsv row waiting for its evidence.
    private struct PendingAlignment {
        let line: Int
        let occupation: NodeIndex
        let field: NodeIndex
        let strength: Double
        let programs: Int
        let programTotal: Int
        let technologies: Int
        let hotTechnologies: Int
        let direct: Bool
        var evidence: [Evidence] = []
    }

    /// Reads alignments.tsv and alignment-evidence.tsv into aligns-with edges. Checks each row's references and
    /// numbers, the strength against the rule and its counts, the counts against the crosswalk and the evidence
    /// rows, each path against cip-soc.tsv or uses.tsv, and that each path has its
    /// curation row, whose rationale it then carries.
    func readAlignments() {
        guard let table = read(.alignments) else { return }
        var pending: [PendingAlignment] = []
        var position: [NodePair: Int] = [:]
        // Pairs of rows that name a known occupation and field, sound or not: their evidence is not orphaned.
        var listed: Set<NodePair> = []
        var seen = KeyTracker(columns: 2)
        for row in table.rows {
            guard unique(row, &seen, table, what: "occupation and field"),
                  let occupation = resolve(row[0], [.detailed], column: "code", table, row),
                  let field = resolve(row[1], [.field], column: "field", table, row) else { continue }
            listed.insert(NodePair(occupation, field))
            guard let strength = strength(row[2], table, row) else { continue }
            let counts = (3...6).map { int(row[$0], column: table.header[$0], table, row, range: 0...99_999) }
            guard let programs = counts[0], let programTotal = counts[1], let technologies = counts[2],
                  let hot = counts[3], let direct = flag(row[7], column: "direct", table, row) else { continue }
            var sound = true
            func check(_ holds: Bool, _ message: @autoclosure () -> String) {
                if !holds { problem(table.file, row.line, message()); sound = false }
            }
            let crosswalked = programTotals[occupation] ?? 0
            check(programTotal == crosswalked, "program_total: \(programTotal), but cip-soc.tsv crosswalks "
                  + "\(crosswalked) program\(crosswalked == 1 ? "" : "s") to \(row[0])")
            check(programs <= programTotal, "programs: \(programs) is more than program_total \(programTotal)")
            check(hot <= technologies, "hot_technologies: \(hot) is more than technologies \(technologies)")
            check(programs + technologies > 0 || direct,
                  "no evidence: programs and technologies are 0 and direct is 'no'")
            let rule = AlignmentStrength.value(programs: programs, programTotal: programTotal, hotTechnologies: hot,
                                               otherTechnologies: technologies - hot, direct: direct)
            check(!sound || AlignmentStrength.text(rule) == row[2], "strength: \(row[2]), but the rule of "
                  + "Graph/README.md gives \(AlignmentStrength.text(rule)) for these counts")
            guard sound else { continue }
            position[NodePair(occupation, field)] = pending.count
            pending.append(PendingAlignment(
                line: row.line, occupation: occupation, field: field, strength: strength, programs: programs,
                programTotal: programTotal, technologies: technologies, hotTechnologies: hot, direct: direct))
        }
        readEvidence(into: &pending, position: position, listed: listed)
        for alignment in pending {
            let found = Dictionary(grouping: alignment.evidence, by: \.kind).mapValues(\.count)
            let hotFound = alignment.evidence.filter { $0.hot == true }.count
            let expected: [(String, Int, Int, String)] = [
                ("programs", alignment.programs, found[.program] ?? 0, "program"),
                ("technologies", alignment.technologies, found[.technology] ?? 0, "technology"),
                ("hot_technologies", alignment.hotTechnologies, hotFound, "hot technology"),
                ("direct", alignment.direct ? 1 : 0, found[.direct] ?? 0, "direct"),
            ]
            var sound = true
            for (column, stated, listed, what) in expected where stated != listed {
                let value = column == "direct" ? (alignment.direct ? "yes" : "no") : String(stated)
                problem(table.file, alignment.line, "\(column): \(value), but alignment-evidence.tsv lists \(listed) "
                        + "\(what) path\(listed == 1 ? "" : "s") for \(nodes[alignment.occupation].id) "
                        + nodes[alignment.field].id)
                sound = false
            }
            guard sound else { continue }
            let edge = FieldAlignment(
                occupation: alignment.occupation, field: alignment.field, strength: alignment.strength,
                programs: alignment.programs, programTotal: alignment.programTotal,
                technologies: alignment.technologies, hotTechnologies: alignment.hotTechnologies,
                direct: alignment.direct, evidence: alignment.evidence)
            addEdge(alignment.occupation, alignment.field, .alignsWith, .alignment(edge))
        }
    }

    /// Reads alignment-evidence.tsv, attaching each path to its pending alignment.
    private func readEvidence(into pending: inout [PendingAlignment], position: [NodePair: Int],
                              listed: Set<NodePair>) {
        guard let table = read(.alignmentEvidence) else { return }
        var curated: [CurationTable: [NodePair: CurationLink]] = [:]
        for kind in CurationTable.allCases {
            let links = curation.links(kind)
            curated[kind] = Dictionary(links.map { (NodePair($0.subject, $0.field), $0) }, uniquingKeysWith: { a, _ in a })
        }
        var seen = KeyTracker(columns: 4)
        for row in table.rows {
            guard unique(row, &seen, table, what: "path"),
                  let occupation = resolve(row[0], [.detailed], column: "code", table, row),
                  let field = resolve(row[1], [.field], column: "field", table, row) else { continue }
            guard let kind = Evidence.Kind(rawValue: row[2]) else {
                problem(table.file, row.line, "kind: '\(row[2])' is not program, technology or direct")
                continue
            }
            guard let slot = position[NodePair(occupation, field)] else {
                if listed.contains(NodePair(occupation, field)) { continue }  // its row is reported already
                problem(table.file, row.line, "no aligns-with row for \(row[0]) \(row[1]) in alignments.tsv: "
                        + "evidence must belong to an alignment (re-import)")
                continue
            }
            var via: NodeIndex?
            var hot: Bool?
            var curationKind = CurationTable.occupations
            switch kind {
            case .program:
                guard let program = resolve(row[3], [.program], column: "via", table, row),
                      checkEmptyHot(row, table) else { continue }
                guard crosswalk.contains(NodePair(program, occupation)) else {
                    problem(table.file, row.line, "via: CIP \(row[3]) does not prepare for \(row[0]) in cip-soc.tsv")
                    continue
                }
                via = program
                curationKind = .programs
            case .technology:
                guard let technology = resolve(row[3], [.technology], column: "via", table, row),
                      let flagged = flag(row[4], column: "hot", table, row) else { continue }
                guard let listedHot = technologyUses[NodePair(occupation, technology)] else {
                    problem(table.file, row.line, "via: uses.tsv does not list '\(row[3])' for \(row[0])")
                    continue
                }
                guard listedHot == flagged else {
                    problem(table.file, row.line, "hot: '\(row[4])', but uses.tsv has '\(listedHot ? "yes" : "no")' "
                            + "for \(row[0]) and '\(row[3])'")
                    continue
                }
                via = technology
                hot = flagged
                curationKind = .technologies
            case .direct:
                guard row[3].isEmpty else {
                    problem(table.file, row.line, "via: a direct path names no program or technology")
                    continue
                }
                guard checkEmptyHot(row, table) else { continue }
            }
            guard let link = curated[curationKind]?[NodePair(via ?? occupation, field)] else {
                problem(table.file, row.line, "no row for '\(via.map { nodes[$0].id } ?? row[0])' and \(row[1]) "
                        + "in \(curationKind.path): the path has no curated rationale (re-import after editing "
                        + "the curation tables)")
                continue
            }
            pending[slot].evidence.append(Evidence(kind: kind, via: via, hot: hot, rationale: link.rationale,
                                                   curationFile: link.file, curationLine: link.line))
        }
    }

    private func checkEmptyHot(_ row: TSVTable.Row, _ table: TSVTable) -> Bool {
        if row[4].isEmpty { return true }
        problem(table.file, row.line, "hot: '\(row[4])' given for a \(row[2]) path (only technologies are flagged)")
        return false
    }

    /// A strength as written in alignments.tsv: `0.01` to `1.00`, exactly two decimals.
    private func strength(_ text: String, _ table: TSVTable, _ row: TSVTable.Row) -> Double? {
        let bytes = Array(text.utf8)
        guard bytes.count == 4, bytes[1] == UInt8(ascii: "."), let value = Double(text), value >= 0.01, value <= 1,
              Self.isDecimal(text, fraction: true) else {
            problem(table.file, row.line, "strength: '\(text)' is not a decimal with two places from 0.01 to 1.00")
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

    func isField(_ id: String) -> Bool { kind(id) == .field }
}
