/// Phase 1: the manifest and the files that define nodes.
extension GraphBuilder {
    func readManifest() {
        guard let table = read(.manifest) else { return }
        var seen = KeyTracker(columns: 1)
        for row in table.rows {
            let source = DataSource(source: row[0], publisher: row[1], title: row[2], vintage: row[3], url: row[4],
                                    file: row[5], sha256: row[6])
            guard unique(row, &seen, table, what: "source") else { continue }
            for (column, value) in [("source", source.source), ("publisher", source.publisher),
                                    ("title", source.title), ("vintage", source.vintage), ("url", source.url),
                                    ("file", source.file)] {
                _ = nonEmpty(value, column: column, table, row)
            }
            let hex = source.sha256.utf8.allSatisfy { ($0 >= 48 && $0 <= 57) || ($0 >= 97 && $0 <= 102) }
            if source.sha256.utf8.count != 64 || !hex {
                problem(table.file, row.line, "sha256: '\(source.sha256)' is not 64 lower-case hex digits")
            }
            sources.append(source)
        }
        if table.rows.isEmpty { problem(table.file, 0, "no sources listed") }
    }

    func defineNodes() {
        defineSOC()
        defineEducationLevels()
        defineJobZones()
        definePrograms()
        defineFields()
        for designation in Designation.allCases {
            define(Node(id: designation.rawValue, kind: .designation, title: designation.title),
                   GraphFile.designations.name, 0)
        }
        defineTechnologies()
        defineISCOGroups()
    }

    /// The zones of Job Zone Reference, titled by their label (`Job Zone 1-2`); the label must be the zone's
    /// number or end in it, and the name must start with "Job Zone <label>:".
    private func defineJobZones() {
        guard let table = read(.jobZoneNames) else {
            // A graph from before O*NET 30: the five zones of those releases.
            for zone in 1...5 {
                define(Node(id: KnowledgeGraph.jobZoneID(zone), kind: .jobZone, title: "Job Zone \(zone)"),
                       GraphFile.jobZones.name, 0)
            }
            return
        }
        var seen = KeyTracker(columns: 1)
        for row in table.rows {
            guard unique(row, &seen, table, what: "job zone"),
                  let zone = int(row[0], column: "job_zone", table, row, range: 1...9) else { continue }
            let parts = row[1].split(separator: "-", omittingEmptySubsequences: false)
            guard (1...2).contains(parts.count), parts.allSatisfy({ Int($0) != nil }), parts.last == "\(zone)" else {
                problem(table.file, row.line, "label: '\(row[1])' is not \(zone) or a range ending in \(zone)")
                continue
            }
            guard row[2].hasPrefix("Job Zone \(row[1]): ") || Self.spelledZone(row[2], zone) else {
                problem(table.file, row.line, "name: '\(row[2])' does not name Job Zone \(row[1])")
                continue
            }
            define(Node(id: KnowledgeGraph.jobZoneID(zone), kind: .jobZone, title: "Job Zone \(row[1])"),
                   table.file, row.line)
        }
    }

    /// "Job Zone Three: …" for zone 3, as O*NET spells single zones.
    private static func spelledZone(_ name: String, _ zone: Int) -> Bool {
        let words = ["One", "Two", "Three", "Four", "Five"]
        return (1...5).contains(zone) && name.hasPrefix("Job Zone \(words[zone - 1]): ")
    }

    /// ISCO-08 groups (`isco:2512`) with their English titles.
    private func defineISCOGroups() {
        guard let table = read(.iscoGroups) else { return }
        var seen = KeyTracker(columns: 1)
        for row in table.rows {
            guard unique(row, &seen, table, what: "ISCO-08 group") else { continue }
            guard (3...4).contains(row[0].utf8.count), row[0].utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else {
                problem(table.file, row.line, "isco: '\(row[0])' is not an ISCO-08 unit or minor group (NNNN or NNN)")
                continue
            }
            guard ["esco", "bls-crosswalk"].contains(row[2]) else {
                problem(table.file, row.line, "title_source: '\(row[2])' is not esco or bls-crosswalk")
                continue
            }
            guard nonEmpty(row[1], column: "title", table, row) else { continue }
            define(Node(id: KnowledgeGraph.iscoID(row[0]), kind: .isco, title: row[1]), table.file, row.line)
        }
    }

    private func defineSOC() {
        if let table = read(.soc) {
            tables[table.file] = table
            var seen = KeyTracker(columns: 1)
            for row in table.rows {
                guard unique(row, &seen, table, what: "code") else { continue }
                guard let shape = CodeShape.socLevel(row[0]) else {
                    problem(table.file, row.line, "code: '\(row[0])' is not a SOC code (NN-NNNN)")
                    continue
                }
                guard let kind = NodeKind(rawValue: row[1]), kind.isSOCGroup || kind == .detailed else {
                    problem(table.file, row.line, "level: '\(row[1])' is not major, minor, broad or detailed")
                    continue
                }
                if kind != shape {
                    problem(table.file, row.line,
                            "level: '\(row[1])' does not fit code \(row[0]) (a \(shape.rawValue) code)")
                }
                guard nonEmpty(row[2], column: "title", table, row) else { continue }
                define(Node(id: row[0], kind: kind, title: row[2]), table.file, row.line)
            }
        }
        if let table = read(.onetOccupations) {
            tables[table.file] = table
            onetCodes = Set(table.rows.map { $0[0] })
            var seen = KeyTracker(columns: 1)
            for row in table.rows {
                guard unique(row, &seen, table, what: "O*NET code") else { continue }
                guard CodeShape.isONET(row[0]) else {
                    problem(table.file, row.line, "onet_code: '\(row[0])' is not an O*NET-SOC code (NN-NNNN.NN)")
                    continue
                }
                guard CodeShape.isSOCPart(row[1], of: row[0]) else {
                    problem(table.file, row.line, "code: '\(row[1])' is not the first seven characters of \(row[0])")
                    continue
                }
                guard nonEmpty(row[2], column: "title", table, row) else { continue }
                if row[0].hasSuffix(".00") {
                    onetTitles.append((row[1], row[2]))
                } else {
                    define(Node(id: row[0], kind: .specialty, title: row[2]), table.file, row.line)
                }
            }
        }
    }

    private func defineEducationLevels() {
        guard let table = read(.educationLevels) else { return }
        var seen = KeyTracker(columns: 1)
        var found = Set<EducationLevel>()
        for row in table.rows {
            guard unique(row, &seen, table, what: "id") else { continue }
            guard let level = EducationLevel(rawValue: row[0]) else {
                problem(table.file, row.line, "id: '\(row[0])' is not one of "
                        + EducationLevel.allCases.map(\.rawValue).joined(separator: ", "))
                continue
            }
            if let rank = int(row[1], column: "rank", table, row), rank != level.rank {
                problem(table.file, row.line, "rank: \(rank) for '\(level.rawValue)', expected \(level.rank)")
            }
            guard nonEmpty(row[2], column: "title", table, row) else { continue }
            define(Node(id: level.rawValue, kind: .educationLevel, title: row[2]), table.file, row.line)
            found.insert(level)
        }
        for level in EducationLevel.allCases where !found.contains(level) {
            problem(table.file, 0, "education level '\(level.rawValue)' is missing")
        }
    }

    private func definePrograms() {
        guard let table = read(.cip) else { return }
        tables[table.file] = table
        var seen = KeyTracker(columns: 1)
        let bases: Set<String> = ["listed", "series-14", "series-26", "series-27", "series-40"]
        for row in table.rows {
            guard unique(row, &seen, table, what: "CIP code") else { continue }
            guard let shape = CodeShape.cipLevel(row[0]) else {
                problem(table.file, row.line, "cip: '\(row[0])' is not a CIP code (NN, NN.NN or NN.NNNN)")
                continue
            }
            guard let level = CIPLevel(rawValue: row[1]), level == shape else {
                problem(table.file, row.line,
                        "level: '\(row[1])' does not fit CIP code \(row[0]) (a \(shape.rawValue))")
                continue
            }
            guard nonEmpty(row[2], column: "title", table, row) else { continue }
            var stem: Bool? = nil
            let basis = row[5].isEmpty ? nil : row[5]
            if level == .program {
                stem = flag(row[4], column: "stem", table, row)
                if stem == true, !bases.contains(basis ?? "") {
                    problem(table.file, row.line, "stem_basis: '\(basis ?? "")' is not one of "
                            + bases.sorted().joined(separator: ", "))
                }
                if stem == false, let basis {
                    problem(table.file, row.line, "stem_basis: '\(basis)' given for a program that is not STEM")
                }
            } else if !row[4].isEmpty || basis != nil {
                problem(table.file, row.line, "stem: only programs (six-digit codes) carry a STEM designation")
            }
            let cip = row[0]
            define(Node(id: cip, kind: .program, title: row[2]), table.file, row.line)
            pendingPrograms.append((cip, Program(level: level, stem: stem, stemBasis: basis)))
        }
    }

    private func defineFields() {
        guard let table = read(.fields) else { return }
        var seen = KeyTracker(columns: 1)
        var numbers: [String: Int] = [:]
        for row in table.rows {
            let id = row[0], name = row[3]
            guard unique(row, &seen, table, what: "field id") else { continue }
            guard let framework = Framework(rawValue: row[1]) else {
                problem(table.file, row.line, "framework: '\(row[1])' is not one of "
                        + Framework.allCases.map(\.rawValue).joined(separator: ", "))
                continue
            }
            guard unique(row[1] + " " + row[2], in: &numbers, table, row, what: "framework and field number"),
                  let number = int(row[2], column: "number", table, row, range: 1...99),
                  nonEmpty(name, column: "name", table, row) else { continue }
            let expected = FieldID.id(name: name, framework: framework)
            if id != expected {
                problem(table.file, row.line, "id: '\(id)' does not follow the slug rule for '\(name)' "
                        + "(expected '\(expected)')")
                continue
            }
            define(Node(id: id, kind: .field, title: name), table.file, row.line)
            pendingFieldNumbers.append((id, FieldFacts(number: number, framework: framework)))
        }
    }

    /// Defines the technology nodes of technologies.tsv.
    private func defineTechnologies() {
        guard let table = read(.technologies) else { return }
        // O*NET files one example under several commodities: the key is (technology, commodity_code); the node is
        // defined once, with the first (lowest-coded) commodity as its category.
        var seen = KeyTracker(columns: 2)
        var previousName: String?
        for row in table.rows {
            let name = row[0]
            guard unique(row, &seen, table, what: "technology and commodity"),
                  nonEmpty(name, column: "technology", table, row) else { continue }
            if !row[1].isEmpty, !row[1].allSatisfy(\.isASCII) || Int(row[1]) == nil {
                problem(table.file, row.line, "commodity_code: '\(row[1])' is not a number")
            }
            defer { previousName = name }
            guard name != previousName else { continue }
            define(Node(id: name, kind: .technology, title: name), table.file, row.line)
            pendingCommodities.append((name, Commodity(code: row[1], title: row[2])))
        }
    }
}
