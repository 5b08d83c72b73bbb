import Foundation
import SOCGraph

/// Education, job zones, projections and wages.
extension GraphTableBuilder {
    func educationLevelsFile() -> GraphTable {
        GraphTable(path: "education-levels.tsv", header: ["id", "rank", "title"],
                  rows: EducationLevel.allCases.map { [$0.rawValue, String($0.rank), $0.blsTitle] })
    }

    /// `entry-education.tsv` and `projections.tsv` from EP Table 1.2, aggregates mapped onto their detailed codes.
    mutating func employmentProjectionsFiles() -> [GraphTable] {
        let items = data.projections.items
        let coverage = data.projectionCoverage
        let byCode = Dictionary(items.map { ($0.epCode, $0) }, uniquingKeysWith: { first, _ in first })
        var education: [[String]] = [], projections: [[String]] = []
        for (code, epCode) in coverage.source {
            guard let item = byCode[epCode] else { continue }
            education.append([code, item.education.rawValue, item.workExperience, item.training, epCode])
            projections.append([
                code, epCode, Figure.fixed(item.employment2024, places: 1), Figure.fixed(item.employment2034, places: 1),
                Figure.fixed(item.changeNumeric, places: 1), Figure.fixed(item.changePercent, places: 1),
                Figure.fixed(item.openingsAnnual, places: 1), item.medianWage?.graphText ?? "",
            ])
        }
        note("entry-education, projections: \(items.count) EP line items; \(coverage.summary); "
            + "\(coverage.uncovered.count) SOC detailed codes have no EP line item: "
            + coverage.uncovered.joined(separator: " "))
        return [
            GraphTable(path: "entry-education.tsv",
                      header: ["code", "education", "work_experience", "training", "ep_code"], rows: education),
            GraphTable(path: "projections.tsv",
                      header: ["code", "ep_code", "employment_2024", "employment_2034", "change_numeric",
                               "change_percent", "openings_annual", "median_wage_2024"],
                      rows: projections),
        ]
    }

    func jobZonesFile() -> GraphTable {
        GraphTable(path: "job-zones.tsv", header: ["onet_code", "code", "job_zone"],
                  rows: data.jobZones.ratings.map { [$0.onetCode, Self.socCode($0.onetCode), String($0.jobZone)] })
    }

    /// The zones of Job Zone Reference: number, short label (`1-2`, `3`) and published name.
    func jobZoneNamesFile() -> GraphTable {
        GraphTable(path: "job-zone-names.tsv", header: ["job_zone", "label", "name"],
                  rows: data.jobZones.zones.map { zone, name in
                      [String(zone), JobZonesSource.label(ofName: name) ?? String(zone), name]
                  })
    }

    func educationCategoriesFile() -> GraphTable {
        GraphTable(path: "education-categories.tsv", header: ["category", "title", "level"],
                  rows: data.education.categories.map { [String($0.number), $0.title, $0.level.rawValue] })
    }

    func educationDistributionFile() -> GraphTable {
        GraphTable(path: "education-distribution.tsv", header: ["onet_code", "code", "category", "percent"],
                  rows: data.education.shares.map {
                      [$0.onetCode, Self.socCode($0.onetCode), String($0.category), Figure.fixed($0.percent, places: 2)]
                  })
    }

    /// `wages.tsv` from the OEWS detailed-level rows, aggregates mapped onto their detailed codes.
    mutating func wagesFile() -> GraphTable {
        let estimates = data.oews.estimates
        let coverage = data.wageCoverage
        let byCode = Dictionary(estimates.map { ($0.oewsCode, $0) }, uniquingKeysWith: { first, _ in first })
        let rows = coverage.source.compactMap { code, oewsCode -> [String]? in
            guard let estimate = byCode[oewsCode] else { return nil }
            return [code, oewsCode] + estimate.figures + [estimate.footnotes.joined(separator: ",")]
        }
        note("wages: \(estimates.count) OEWS detailed-level rows; \(coverage.summary); "
            + "\(coverage.uncovered.count) SOC detailed codes have no OEWS estimate: "
            + coverage.uncovered.joined(separator: " "))
        return GraphTable(
            path: "wages.tsv",
            header: ["code", "oews_code", "employment", "annual_mean", "annual_p10", "annual_p25", "annual_median",
                     "annual_p75", "annual_p90", "hourly_median", "footnotes"],
            rows: rows)
    }
}
