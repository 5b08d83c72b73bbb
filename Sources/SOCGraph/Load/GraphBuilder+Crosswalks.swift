/// Phase 2: the SOC 2010 and ISCO-08 crosswalks and the ESCO titles.
extension GraphBuilder {
    /// soc-2010.tsv, then isco-soc2010.tsv: an ISCO-08 group links to every SOC 2018 code its SOC 2010 codes map
    /// to, each link carrying the SOC 2010 codes it goes through and their partial-match marks.
    func readCrosswalks() {
        var targets: [String: [NodeIndex]] = [:]
        if let table = read(.soc2010) {
            var seen = KeyTracker(columns: 3)
            var titles: [String: String] = [:]
            for row in table.rows {
                guard unique(row, &seen, table, what: "pair") else { continue }
                guard CodeShape.isSOC(row[0]) else {
                    problem(table.file, row.line, "soc2010: '\(row[0])' is not a SOC code (NN-NNNN)")
                    continue
                }
                guard nonEmpty(row[1], column: "soc2010_title", table, row),
                      let code = resolve(row[2], Self.detailed, column: "code", table, row),
                      let split = flag(row[3], column: "split", table, row),
                      let merged = flag(row[4], column: "merged", table, row) else { continue }
                if let title = titles.updateValue(row[1], forKey: row[0]), title != row[1] {
                    problem(table.file, row.line, "soc2010_title: '\(row[1])' differs from the title '\(title)' "
                            + "given to \(row[0]) above")
                }
                soc2010.append(SOC2010Link(soc2010: row[0], title: row[1], code: code, split: split, merged: merged))
                targets[row[0], default: []].append(code)
            }
        }
        guard let table = read(.iscoSOC2010) else { return }
        var seen = KeyTracker(columns: 2)
        var steps: [NodePair: [CrosswalkStep]] = [:]
        for row in table.rows {
            guard unique(row, &seen, table, what: "pair"),
                  let group = resolve(KnowledgeGraph.iscoID(row[0]), [.isco], column: "isco", table, row),
                  let partial = flag(row[2], column: "partial", table, row) else { continue }
            guard let codes = targets[row[1]] else {
                problem(table.file, row.line, "soc2010: '\(row[1])' is not a SOC 2010 code of \(GraphFile.soc2010.name)")
                continue
            }
            for code in codes {
                steps[NodePair(group, code), default: []].append(CrosswalkStep(soc2010: row[1], partial: partial))
            }
        }
        for (pair, through) in steps {
            addEdge(pair.first, pair.second, .crosswalk, .crosswalk(through))
        }
    }

    /// esco.tsv: ESCO occupation titles under their ISCO-08 group.
    func readESCO() {
        guard let table = read(.esco) else { return }
        var seen = KeyTracker(columns: 3)
        escoTitles.reserveCapacity(table.rows.count)
        for row in table.rows {
            guard unique(row, &seen, table, what: "ESCO title"),
                  nonEmpty(row[0], column: "esco_code", table, row),
                  let group = resolve(KnowledgeGraph.iscoID(row[1]), [.isco], column: "isco", table, row),
                  nonEmpty(row[2], column: "label", table, row) else { continue }
            guard row[0].hasPrefix(row[1] + ".") else {
                problem(table.file, row.line, "esco_code: '\(row[0])' does not start with its ISCO-08 group \(row[1])")
                continue
            }
            guard row[3] == "preferred" || row[3] == "alternative" else {
                problem(table.file, row.line, "label_type: '\(row[3])' is not preferred or alternative")
                continue
            }
            escoTitles.append(ESCOTitle(isco: group, label: row[2], preferred: row[3] == "preferred"))
        }
    }
}
