import Foundation
import Testing
@testable import SOCGraph

@Suite("Reports")
struct ReportTests {
    let graph = Fixture.graph

    func report(_ code: String) throws -> OccupationReport {
        let node = try graph.resolve(code)
        guard case let .occupation(report) = NodeReport(graph: graph, node: node) else {
            throw SOCGraphError.invalidInput("\(code) is not an occupation")
        }
        return report
    }

    func json(_ value: some Encodable) throws -> [String: Any] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(value)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func dataScientists() throws {
        let r = try report("15-2051")
        #expect(r.title == "Data Scientists")
        #expect(r.level == "detailed")
        #expect(r.hierarchy.map(\.code) == ["15-0000", "15-2000", "15-2050"])
        #expect(r.hierarchy.map(\.level) == ["major", "minor", "broad"])
        #expect(r.specialties.map(\.code) == ["15-2051.01", "15-2051.02"])
        #expect(r.education.typicalEntry == "bachelor")
        #expect(r.education.typicalEntryRank == 6)
        #expect(r.education.jobZone == 4)
        // O*NET 30.2 has no Required Level of Education ratings for 15-2051.00 itself.
        #expect(r.education.distribution.isEmpty)
        #expect(r.related.first == RelatedSummary(code: "15-2041", title: "Statisticians", tier: "primary-short", index: 1))
        #expect(r.programs.contains(ProgramSummary(cip: "11.0102", title: "Artificial Intelligence.", stem: true)))
        #expect(r.designations.map(\.id) == ["stem"])
        #expect(r.wages?.annualMedian == 120230)
        #expect(r.wages?.vintage == "OEWS May 2025")
        #expect(r.projections?.changePercent == 33.5)
        #expect(r.profession.bachelorOrHigher == true)
        #expect(r.profession.basis.contains("Bachelor's degree"))
        #expect(r.profession.warnings == [])
        // Best grade first, then the strongest evidence; both frameworks.
        #expect(r.fields.map(\.id) == [
            "artificial-intelligence", "artificial-intelligence-machine-learning-autonomy-and-related-advances",
            "advanced-computing", "high-performance-computing-semiconductors-and-advanced-computer-hardware-and-software",
            "data-storage-data-management-distributed-ledger-technologies-and-cybersecurity",
        ])
        #expect(r.fields.map(\.grade) == ["core", "core", "substantial", "substantial", "incidental"])
        #expect(r.fields.map(\.framework) == ["cet-2024", "chips-2022", "cet-2024", "chips-2022", "chips-2022"])
        #expect(r.fields.first?.strength == 0.17)
        #expect(r.sources.contains { $0.vintage == "O*NET 30.2" })
    }

    @Test func researchScientistsNeedAMastersDegree() throws {
        let r = try report("15-1221")
        #expect(r.education.typicalEntry == "master")
        #expect(r.education.jobZone == 5)
        #expect(r.education.distribution.count == 12)
        #expect(r.education.distribution.first?.level == "none")
        #expect(r.profession.bachelorOrHigher == true)
    }

    @Test func specialtyUsesItsOwnJobZoneAndItsSOCCodeFacts() throws {
        let r = try report("29-1141.01")
        #expect(r.level == "specialty")
        #expect(r.hierarchy.map(\.code) == ["29-0000", "29-1000", "29-1140", "29-1141"])
        #expect(r.education.jobZone == 3)
        #expect(r.education.typicalEntry == "bachelor")
        #expect(r.designations.map(\.id) == ["schedule-a-group-1", "stem"])
        #expect(r.wages?.oewsCode == "29-1141")
        #expect(r.profession.warnings.contains { $0.contains("Job Zone 3") })
    }

    @Test func professionCheckWarnsWhereSourcesDisagree() {
        let associate = EntryEducation(education: .associate, workExperience: "None", training: "None", epCode: "29-2034")
        let check = ProfessionCheck(code: "29-2034", entry: associate, epVintage: "EP 2024–34", jobZone: (4, "4"),
                                    distribution: [(.bachelor, 60), (.associate, 40)])
        #expect(check.bachelorOrHigher == false)
        #expect(check.warnings.count == 2)
        #expect(check.warnings[0].contains("Job Zone 4"))
        #expect(check.warnings[1].contains("60%"))
        let aggregate = EntryEducation(education: .bachelor, workExperience: "None", training: "None", epCode: "13-1020")
        let covered = ProfessionCheck(code: "13-1023", entry: aggregate, epVintage: nil, jobZone: (4, "4"), distribution: [])
        #expect(covered.bachelorOrHigher == true)
        #expect(covered.basis.contains("EP line item 13-1020"))
        let missing = ProfessionCheck(code: "11-9999", entry: nil, epVintage: nil, jobZone: nil, distribution: [])
        #expect(missing.bachelorOrHigher == nil)
        #expect(missing.warnings.count == 1)
    }

    @Test func jsonKeysAreTheDocumentedOnes() throws {
        let object = try json(NodeReport(graph: graph, node: try graph.resolve("15-2051")))
        let documented: Set = ["code", "title", "level", "hierarchy", "education", "fields", "related", "programs",
                               "designations", "wages", "projections", "profession", "sources"]
        #expect(documented.isSubset(of: Set(object.keys)))
        let education = try #require(object["education"] as? [String: Any])
        #expect(Set(["typicalEntry", "typicalEntryRank", "workExperience", "training", "jobZone", "distribution"])
            .isSubset(of: Set(education.keys)))
        let wages = try #require(object["wages"] as? [String: Any])
        #expect(Set(["employment", "annualMedian", "annualP10", "annualP90", "vintage"]).isSubset(of: Set(wages.keys)))
        let profession = try #require(object["profession"] as? [String: Any])
        #expect(Set(profession.keys) == ["bachelorOrHigher", "basis", "warnings"])
        let related = try #require(object["related"] as? [[String: Any]])
        #expect(Set(related[0].keys) == ["code", "title", "tier", "index"])
        let programs = try #require(object["programs"] as? [[String: Any]])
        #expect(Set(programs[0].keys) == ["cip", "title", "stem"])
    }

    @Test func missingValuesAreNullNotAbsent() throws {
        let education = EducationSummary(
            typicalEntry: nil, typicalEntryTitle: nil, typicalEntryRank: nil, workExperience: nil, training: nil,
            epCode: nil, jobZone: nil, jobZoneLabel: nil, jobZoneOnetCode: nil, distribution: [])
        let object = try json(education)
        #expect(object.count == 10)
        #expect(object["typicalEntry"] is NSNull)
    }

    @Test func otherKindsHaveTheirSubset() throws {
        guard case let .group(group) = NodeReport(graph: graph, node: try graph.resolve("15-2000")) else {
            Issue.record("15-2000 is not a group report")
            return
        }
        #expect(group.children.map(\.code) == ["15-2040", "15-2050"])
        #expect(group.occupations.map(\.code) == ["15-2041", "15-2051"])
        guard case let .program(program) = NodeReport(graph: graph, node: try graph.resolve("11.0102")) else {
            Issue.record("11.0102 is not a program report")
            return
        }
        #expect(program.stem == true)
        #expect(program.occupations.map(\.code) == ["15-1221", "15-1252", "15-2051"])
        guard case let .field(field) = NodeReport(graph: graph, node: try graph.resolve("artificial-intelligence"))
        else {
            Issue.record("not a field report")
            return
        }
        #expect(field.number == 6)
        #expect(field.occupations.map(\.code) == ["15-2051", "15-1221", "15-1252"])
        guard case let .other(level) = NodeReport(graph: graph, node: try graph.resolve("master")) else {
            Issue.record("not an other report")
            return
        }
        #expect(level.occupations.map(\.code) == ["15-1221", "15-2041"])
    }
}
