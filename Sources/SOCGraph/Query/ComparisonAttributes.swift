/// The rows of a comparison: which attributes are compared, in which order, and how each value is written.
enum ComparisonAttributes {
    /// Every compared attribute for `candidates`, in table order. O(candidates · (related + programs)).
    static func build(_ candidates: [ComparedOccupation], shared: SharedConnections) -> [ComparisonAttribute] {
        func row(_ key: String, _ label: String, _ name: String, _ rule: DifferenceRule,
                 _ value: (ComparedOccupation) -> ComparisonValue) -> ComparisonAttribute {
            ComparisonAttribute(key: key, label: label, name: name, values: candidates.map(value), comparison: rule)
        }
        let sharedPrograms = Dictionary(grouping: shared.programs.flatMap { p in p.codes.map { ($0, p.cip) } },
                                        by: \.0)
        return [
            row("title", "Title", "title", .none) { c in
                ComparisonValue(code: c.report.code, value: c.report.title, text: c.report.title)
            },
            row("majorGroup", "Major group", "major group", .values) { group($0.report, "major") },
            row("minorGroup", "Minor group", "minor group", .values) { group($0.report, "minor") },
            row("broadGroup", "Broad group", "broad group", .values) { group($0.report, "broad") },
            row("typicalEntry", "Entry education", "typical entry education", .values) { c in
                let e = c.report.education
                guard let title = e.typicalEntryTitle, let rank = e.typicalEntryRank else {
                    return ComparisonValue(code: c.report.code, value: nil, text: "not published")
                }
                return ComparisonValue(code: c.report.code, value: e.typicalEntry, text: "\(title) (rank \(rank) of 8)",
                                       summary: title, rank: Double(rank))
            },
            row("workExperience", "Work experience", "work experience", .values) { c in
                text(c.report.code, c.report.education.workExperience)
            },
            row("training", "Job training", "on-the-job training", .values) { c in
                text(c.report.code, c.report.education.training)
            },
            row("jobZone", "Job Zone", "O*NET Job Zone", .values) { c in
                guard let zone = c.report.education.jobZone else {
                    return ComparisonValue(code: c.report.code, value: nil, text: "not rated")
                }
                return ComparisonValue(code: c.report.code, value: String(zone),
                                       text: c.report.education.jobZoneLabel ?? String(zone), rank: Double(zone))
            },
            row("mastersOrHigher", "Master's or more", "share requiring a master's or more (O*NET)", .values) { c in
                mastersOrHigher(c)
            },
            row("profession", "Profession", "profession (BLS entry at least a bachelor's)", .values) { c in
                let check = c.report.profession
                let answer = check.bachelorOrHigher.map { $0 ? "yes" : "no" }
                let count = check.warnings.count
                let warnings = count == 0 ? "" : " (\(count) warning\(count == 1 ? "" : "s"))"
                return ComparisonValue(code: c.report.code, value: answer, text: (answer ?? "unknown") + warnings,
                                       summary: answer ?? "unknown",
                                       rank: check.bachelorOrHigher.map { $0 ? 1 : 0 })
            },
            row("fields", "Fields", "national-interest fields", .none) { c in
                let fields = c.report.citableFields
                return ComparisonValue(code: c.report.code,
                                       value: fields.map { "\($0.id):\($0.grade)" }.joined(separator: ","),
                                       text: fields.isEmpty ? "none graded core or substantial"
                                           : fields.map { "\($0.name) (\($0.frameworkLabel), \($0.grade))" }
                                               .joined(separator: "; "))
            },
            row("stem", "STEM", "STEM occupation", .flag) { c in
                flag(c.report.code, c.report.designations.contains { $0.id == Designation.stem.rawValue })
            },
            row("scheduleA", "Schedule A", "Schedule A Group I", .flag) { c in
                flag(c.report.code, c.report.designations.contains { $0.id == Designation.scheduleAGroup1.rawValue })
            },
            row("programs", "Programs (CIP)", "programs", .none) { c in
                let count = c.report.programs.count
                let common = sharedPrograms[c.report.code]?.count ?? 0
                return ComparisonValue(code: c.report.code, value: String(count),
                                       text: "\(count)" + (common > 0 ? " (\(common) shared)" : ""), rank: Double(count))
            },
            row("employment", "Employment", "employment", .none) { c in
                guard let value = c.report.wages?.employment else { return unpublished(c.report.code) }
                return ComparisonValue(code: c.report.code, value: String(value), text: Format.grouped(value),
                                       rank: Double(value))
            },
            row("annualMedian", "Median wage", "median annual wage", .values) { wage($0.report, \.annualMedian) },
            row("annualP10", "10th percentile", "10th percentile wage", .none) { wage($0.report, \.annualP10) },
            row("annualP90", "90th percentile", "90th percentile wage", .none) { wage($0.report, \.annualP90) },
            row("projectedGrowth", "Growth 2024–34", "projected growth 2024–34", .values) { c in
                guard let change = c.report.projections?.changePercent else { return unpublished(c.report.code) }
                return ComparisonValue(code: c.report.code, value: Format.number(change),
                                       text: Format.signedPercent(change), rank: change)
            },
            row("openingsAnnual", "Openings a year", "openings a year", .none) { c in
                guard let openings = c.report.projections?.openingsAnnual else { return unpublished(c.report.code) }
                return ComparisonValue(code: c.report.code, value: Format.number(openings),
                                       text: Format.grouped(Int((openings * 1000).rounded())), rank: openings)
            },
            row("relatedCandidates", "Lists as related", "candidates listed as related", .none) { c in
                let links = shared.candidateLinks.filter { $0.from == c.report.code }
                return ComparisonValue(code: c.report.code, value: links.map(\.to).joined(separator: ","),
                                       text: links.isEmpty ? "none"
                                           : links.map { "\($0.to) (\($0.tier) \($0.index))" }.joined(separator: "; "))
            },
        ]
    }

    /// One difference per national-interest field any candidate aligns with at grade substantial or core (its
    /// grade per candidate), or a single agreement that none is.
    static func fieldDifferences(_ reports: [OccupationReport]) -> [ComparisonDifference] {
        var order: [String] = []
        var names: [String: String] = [:]
        for field in reports.flatMap(\.citableFields) where names[field.id] == nil {
            order.append(field.id)
            names[field.id] = field.name
        }
        guard !order.isEmpty else {
            let values = reports.map { ComparisonValue(code: $0.code, value: nil, text: "none graded") }
            return [ComparisonDifference(attribute: "fields", name: "national-interest fields", values: values,
                                         agreement: "national-interest fields: none graded core or substantial for "
                                             + "any of them")]
        }
        return order.map { id in
            let values = reports.map { report -> ComparisonValue in
                guard let field = report.citableFields.first(where: { $0.id == id }) else {
                    return ComparisonValue(code: report.code, value: nil, text: "none")
                }
                return ComparisonValue(code: report.code, value: field.grade, text: field.grade,
                                       rank: AlignmentGrade(name: field.grade).map { Double($0.rawValue) })
            }
            return ComparisonDifference(attribute: "field:\(id)", name: "field \(names[id] ?? id)", values: values)
        }
    }

    private static func group(_ report: OccupationReport, _ level: String) -> ComparisonValue {
        guard let group = report.hierarchy.first(where: { $0.level == level }) else {
            return ComparisonValue(code: report.code, value: nil, text: "—")
        }
        return ComparisonValue(code: report.code, value: group.code, text: "\(group.code) \(group.title)",
                               summary: "\(group.title) (\(group.code))")
    }

    private static func text(_ code: String, _ value: String?) -> ComparisonValue {
        ComparisonValue(code: code, value: value, text: value ?? "not published")
    }

    private static func flag(_ code: String, _ value: Bool) -> ComparisonValue {
        ComparisonValue(code: code, value: value ? "yes" : "no", text: value ? "yes" : "no", rank: value ? 1 : 0)
    }

    private static func unpublished(_ code: String) -> ComparisonValue {
        ComparisonValue(code: code, value: nil, text: "not published")
    }

    /// An OEWS figure; a top-coded one (OEWS footnote 5: a floor) is written `≥$239,200`.
    private static func wage(_ report: OccupationReport, _ figure: KeyPath<WageSummary, Int?>) -> ComparisonValue {
        guard let wages = report.wages, let value = wages[keyPath: figure] else { return unpublished(report.code) }
        let floor = wages.topCoded && value >= WageSummary.topCodedFloor
        return ComparisonValue(code: report.code, value: String(value),
                               text: (floor ? "≥" : "") + Format.dollars(value), rank: Double(value))
    }

    private static func mastersOrHigher(_ c: ComparedOccupation) -> ComparisonValue {
        let share = c.mastersOrHigher
        if let percent = share.percent {
            return ComparisonValue(code: c.report.code, value: Format.number(percent),
                                   text: "\(Int(percent.rounded()))%", rank: percent)
        }
        let specialties = share.specialties.map { "\($0.code) \(Int($0.percent.rounded()))%" }
        return ComparisonValue(code: c.report.code, value: nil,
                               text: "not surveyed" + (specialties.isEmpty ? ""
                                   : " (specialties: " + specialties.joined(separator: ", ") + ")"),
                               summary: "not surveyed")
    }
}
