import SOCGraph

/// `show --format tsv`: one fact per row, `section key value detail`, in a fixed order.
enum ReportTSV {
    static let header = ["section", "key", "value", "detail"]

    static func render(_ report: NodeReport) -> String {
        var rows: [[String]] = []
        func add(_ section: String, _ key: String, _ value: String?, _ detail: String = "") {
            rows.append([section, key, value ?? "", detail])
        }
        func sources(_ citations: [SourceCitation]) {
            for citation in citations { add("sources", citation.vintage, citation.publisher, citation.titles.joined(separator: "; ")) }
        }
        func references(_ section: String, _ items: [NodeReference]) {
            for item in items { add(section, item.code, item.title, item.level) }
        }
        switch report {
        case let .occupation(r):
            add("node", "code", r.code)
            add("node", "title", r.title)
            add("node", "level", r.level)
            references("hierarchy", r.hierarchy)
            references("specialties", r.specialties)
            let e = r.education
            add("education", "typicalEntry", e.typicalEntry, e.typicalEntryTitle ?? "")
            add("education", "typicalEntryRank", e.typicalEntryRank.map(String.init))
            add("education", "workExperience", e.workExperience)
            add("education", "training", e.training)
            add("education", "epCode", e.epCode)
            add("education", "jobZone", e.jobZone.map(String.init), e.jobZoneOnetCode ?? "")
            for share in e.distribution {
                add("distribution", String(share.category), Format.number(share.percent), share.title)
            }
            add("profession", "bachelorOrHigher", r.profession.bachelorOrHigher.map { $0 ? "yes" : "no" })
            add("profession", "basis", r.profession.basis)
            for warning in r.profession.warnings { add("profession", "warning", warning) }
            for field in r.fields {
                add("fields", field.id, field.name, "\(field.framework); grade \(field.grade); strength "
                    + "\(AlignmentStrength.text(field.strength)); programs \(field.programs)/\(field.programTotal); "
                    + "technologies \(field.technologies) (\(field.hotTechnologies) hot); titles \(field.titles); "
                    + "direct \(field.direct ?? "no")")
            }
            for designation in r.designations { add("designations", designation.id, designation.title, designation.basis) }
            if let w = r.wages {
                let values: [(String, String?)] = [
                    ("employment", w.employment.map(String.init)), ("annualMedian", w.annualMedian.map(String.init)),
                    ("annualP10", w.annualP10.map(String.init)), ("annualP25", w.annualP25.map(String.init)),
                    ("annualP75", w.annualP75.map(String.init)), ("annualP90", w.annualP90.map(String.init)),
                    ("annualMean", w.annualMean.map(String.init)), ("hourlyMedian", w.hourlyMedian.map(Format.number)),
                    ("topCoded", w.topCoded ? "yes" : "no"), ("oewsCode", w.oewsCode),
                ]
                for (key, value) in values { add("wages", key, value, w.vintage ?? "") }
            }
            if let p = r.projections {
                let values: [(String, String?)] = [
                    ("employment2024", p.employment2024.map(Format.number)),
                    ("employment2034", p.employment2034.map(Format.number)),
                    ("changeNumeric", p.changeNumeric.map(Format.number)),
                    ("changePercent", p.changePercent.map(Format.number)),
                    ("openingsAnnual", p.openingsAnnual.map(Format.number)),
                    ("medianWage2024", p.medianWage2024.map(String.init)), ("epCode", p.epCode),
                ]
                for (key, value) in values { add("projections", key, value, p.vintage ?? "") }
            }
            for item in r.related { add("related", item.code, item.title, "\(item.tier) \(item.index)") }
            for program in r.programs {
                add("programs", program.cip, program.title, program.stem.map { $0 ? "stem" : "not-stem" } ?? "")
            }
            sources(r.sources)
        case let .group(r):
            add("node", "code", r.code)
            add("node", "title", r.title)
            add("node", "level", r.level)
            references("hierarchy", r.hierarchy)
            references("children", r.children)
            references("occupations", r.occupations)
            sources(r.sources)
        case let .program(r):
            add("node", "cip", r.cip)
            add("node", "title", r.title)
            add("node", "level", r.level)
            add("node", "stem", r.stem.map { $0 ? "yes" : "no" }, r.stemBasis ?? "")
            references("hierarchy", r.hierarchy)
            references("children", r.children)
            references("occupations", r.occupations)
            sources(r.sources)
        case let .field(r):
            add("node", "id", r.id)
            add("node", "name", r.name)
            add("node", "number", r.number.map(String.init))
            references("occupations", r.occupations)
            sources(r.sources)
        case let .isco(r):
            add("node", "isco", r.isco)
            add("node", "title", r.title)
            for candidate in r.candidates {
                for step in candidate.via {
                    add("candidates", candidate.code, candidate.title,
                        "\(step.soc2010)\(step.partial ? " partial" : "")\(step.split ? " split" : "")")
                }
            }
            for label in r.escoOccupations { add("esco", label, nil) }
            sources(r.sources)
        case let .other(r):
            add("node", "id", r.id)
            add("node", "title", r.title)
            add("node", "kind", r.kind)
            references("occupations", r.occupations)
            sources(r.sources)
        }
        return TSVOutput.render(header: header, rows: rows)
    }
}
