import Foundation
import Testing
@testable import SOCGraph

@Suite("Comparison")
struct ComparisonTests {
    let graph = Fixture.graph

    func compare(_ codes: String...) throws -> ComparisonReport {
        try ComparisonReport(graph: graph, inputs: codes)
    }

    func values(_ report: ComparisonReport, _ key: String) throws -> [String?] {
        try #require(report.attribute(key)).values.map(\.value)
    }

    func difference(_ report: ComparisonReport, _ attribute: String) throws -> ComparisonDifference {
        try #require(report.differences.first { $0.attribute == attribute }, "no difference \(attribute)")
    }

    /// The share of categories 8–12 for `onetCode`, read from the fixture file itself rather than the loaded graph.
    func mastersShareInFixture(_ onetCode: String) throws -> Double {
        let text = try String(contentsOf: Fixture.directory.appendingPathComponent("education-distribution.tsv"),
                              encoding: .utf8)
        return text.split(separator: "\n").dropFirst().map { $0.split(separator: "\t").map(String.init) }
            .filter { $0[0] == onetCode && Int($0[2])! >= 8 }.reduce(0) { $0 + Double($1[3])! }
    }

    @Test func researchScientistsAreTheMastersOneAmongThree() throws {
        let r = try compare("15-2051", "15-1252", "15-1221")
        #expect(r.codes == ["15-2051", "15-1252", "15-1221"])
        #expect(try values(r, "typicalEntry") == ["bachelor", "bachelor", "master"])
        let education = try difference(r, "typicalEntry")
        #expect(!education.same)
        #expect(education.text == "typical entry education: 15-1221 Master's degree; 15-2051, 15-1252 Bachelor's degree")
        #expect(education.groups.map(\.codes) == [["15-1221"], ["15-2051", "15-1252"]])
        #expect(r.attribute("typicalEntry")?[2].text == "Master's degree (rank 7 of 8)")
        #expect(try difference(r, "jobZone").text == "O*NET Job Zone: 15-1221 5; 15-2051, 15-1252 4")
        #expect(try difference(r, "stem").text == "STEM occupation: all")
        #expect(try difference(r, "scheduleA").text == "Schedule A Group I: none")
        #expect(try difference(r, "workExperience").text == "work experience: all None")
        #expect(try difference(r, "minorGroup").groups.map(\.codes) == [["15-2051"], ["15-1252", "15-1221"]])
        // Differences before agreements.
        let firstSame = try #require(r.differences.firstIndex { $0.same })
        #expect(r.differences[firstSame...].allSatisfy { $0.same })
        #expect(r.differences[..<firstSame].contains { $0.attribute == "typicalEntry" })
    }

    @Test func mastersShareIsTheOccupationsOwnOrNotSurveyedWithSpecialtiesBeside() throws {
        let r = try compare("15-2051", "15-1252", "15-1221")
        let own = r.occupations[2].mastersOrHigher
        #expect(own.basis == "onet")
        let expected = try mastersShareInFixture("15-1221.00")
        #expect(abs((own.percent ?? -1) - expected) < 0.005)
        #expect(r.attribute("mastersOrHigher")?[2].text == "\(Int(expected.rounded()))%")

        // O*NET 30.2 rates 15-2051's specialties, not 15-2051.00: shown beside, never merged.
        let scientists = r.occupations[0].mastersOrHigher
        #expect(scientists.percent == nil)
        #expect(scientists.basis == "not-surveyed")
        #expect(scientists.specialties.map(\.code) == ["15-2051.01", "15-2051.02"])
        #expect(abs(scientists.specialties[0].percent - (try mastersShareInFixture("15-2051.01"))) < 0.005)
        #expect(r.attribute("mastersOrHigher")?[0].value == nil)
        #expect(r.attribute("mastersOrHigher")?[0].text.hasPrefix("not surveyed (specialties: 15-2051.01 23%") == true)
        let developers = r.occupations[1].mastersOrHigher
        #expect(developers.percent == nil && developers.specialties.isEmpty)
        #expect(r.attribute("mastersOrHigher")?[1].text == "not surveyed")
        let share = try difference(r, "mastersOrHigher")
        #expect(share.groups.last?.codes == ["15-2051", "15-1252"])
        #expect(share.groups.last?.text == "not surveyed")
    }

    @Test func sharedProgramsRelatedOccupationsAndLinksBetweenCandidates() throws {
        let r = try compare("15-2051", "15-1252", "15-1221")
        let ai = try #require(r.shared.programs.first { $0.cip == "11.0102" })
        #expect(ai.codes == ["15-2051", "15-1252", "15-1221"])
        #expect(!r.shared.programs.contains { $0.cip == "11.0101" }, "11.0101 prepares for one candidate only")
        let counts = r.shared.programs.map(\.codes.count)
        #expect(counts == counts.sorted(by: >))
        #expect(r.shared.candidateLinks.map { "\($0.from)>\($0.to) \($0.index)" }
                == ["15-2051>15-1221 9", "15-2051>15-1252 12", "15-1221>15-2051 1", "15-1221>15-1252 4"])
        #expect(r.attribute("relatedCandidates")?[1].text == "none")
        #expect(r.attribute("programs")?[0].value == String(r.occupations[0].report.programs.count))

        let pair = try compare("15-2051", "15-2041")
        let statisticsShared = pair.shared.related.map(\.code)
        #expect(statisticsShared == ["15-1221"])
        #expect(pair.shared.related[0].relatedTo.map(\.code) == ["15-2051", "15-2041"])
        #expect(pair.shared.candidateLinks.map(\.to) == ["15-2041", "15-2051"])
    }

    @Test func professionWarningsAndSpecialties() throws {
        let r = try compare("29-1141.01", "29-1123")
        #expect(r.codes == ["29-1141.01", "29-1123"])
        let warnings = r.occupations[0].report.profession.warnings
        #expect(warnings.contains { $0.contains("Job Zone 3") })
        #expect(r.attribute("profession")?[0].text == "yes (\(warnings.count) warning\(warnings.count == 1 ? "" : "s"))")
        #expect(r.attribute("profession")?[1].text == "yes")
        #expect(try difference(r, "profession").same)
        #expect(try difference(r, "scheduleA").text == "Schedule A Group I: all")
        #expect(try difference(r, "typicalEntry").text
                == "typical entry education: 29-1123 Doctoral or professional degree; 29-1141.01 Bachelor's degree")
    }

    @Test func fieldsComeFromTheAlignmentsAndAreComparedOneByOne() throws {
        let r = try compare("15-2051", "15-1252")
        #expect(r.attribute("fields")?[0].text.hasPrefix("Artificial Intelligence (CET 2024, core); Artificial "
                                                          + "intelligence, machine learning, autonomy, and related "
                                                          + "advances (CHIPS 10387, core)") == true)
        #expect(r.attribute("fields")?[1].text.hasPrefix("Advanced Computing (CET 2024, substantial)") == true)
        let ai = try difference(r, "field:artificial-intelligence")
        #expect(ai.text == "field Artificial Intelligence: 15-2051 core; 15-1252 substantial")
        #expect(!ai.same)
        #expect(try difference(r, "field:advanced-computing").same)
        // A field only one of them aligns with names the other as "none"; an incidental alignment is "none".
        let researchers = try compare("15-2051", "15-1221")
        #expect(try difference(researchers, "field:human-machine-interfaces").text
                == "field Human-Machine Interfaces: 15-1221 substantial; 15-2051 none")
        let dataStorage = "field:data-storage-data-management-distributed-ledger-technologies-and-cybersecurity"
        // 15-2051 is incidental in data storage: "none", like no alignment at all.
        #expect(try difference(researchers, dataStorage).text.hasSuffix(": 15-1221 substantial; 15-2051 none"))
        // Incidental alignments are not compared: they are not alignments to cite.
        let analysts = try compare("15-1253", "29-1141")
        #expect(analysts.attribute("fields")?.values.map(\.text) == ["none graded core or substantial",
                                                              "none graded core or substantial"])
        #expect(analysts.differences.filter { $0.attribute.hasPrefix("field") }.map(\.attribute) == ["fields"])
        let withDevelopers = try compare("15-1253", "15-1252")
        #expect(try difference(withDevelopers, "field:advanced-computing").text
                == "field Advanced Computing: 15-1252 substantial; 15-1253 none")
    }

    @Test func wagesAndProjectionsAreRankedHighestFirst() throws {
        let r = try compare("15-2051", "15-1252", "15-1221")
        let medians = r.occupations.map { $0.report.wages?.annualMedian }
        let wage = try difference(r, "annualMedian")
        let expectedOrder = zip(r.codes, medians).sorted { ($0.1 ?? 0) > ($1.1 ?? 0) }.map(\.0)
        #expect(wage.groups.flatMap(\.codes) == expectedOrder)
        #expect(r.attribute("annualMedian")?[0].text == "$120,230")
        #expect(r.attribute("projectedGrowth")?[0].text == "+33.5%")
    }

    @Test func badInputIsRejectedWithTheReason() throws {
        #expect(throws: SOCGraphError.self) { try compare("15-2051") }
        do {
            _ = try compare("15-2051", "152051")
            Issue.record("a duplicate was accepted")
        } catch let SOCGraphError.invalidInput(message) {
            #expect(message.contains("given twice"))
            #expect(message.contains("'15-2051' and '152051'"))
        }
        do {
            _ = try compare("15-2051", "15-2052")
            Issue.record("an unknown code was accepted")
        } catch let error as SOCGraphError {
            #expect(error.exitStatus == 2)
            #expect(error.description.contains("did you mean"))
        }
        do {
            _ = try compare("15-2051", "15-2000")
            Issue.record("a group was accepted")
        } catch let SOCGraphError.invalidInput(message) {
            #expect(message.contains("minor group"))
            #expect(message.contains("15-2051 Data Scientists"))
        }
        let nine = ["15-1221", "15-1252", "15-1253", "15-2041", "15-2051", "29-1123", "29-1141", "15-2051.01",
                    "15-2051.02"]
        do {
            _ = try ComparisonReport(graph: graph, inputs: nine)
            Issue.record("nine codes were accepted")
        } catch let SOCGraphError.invalidInput(message) {
            #expect(message.contains("at most 8"))
        }
        #expect(try ComparisonReport(graph: graph, inputs: Array(nine.prefix(8))).codes.count == 8)
    }

    @Test func encodesShowLikeOccupationsAndTheDocumentedKeys() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(try compare("15-2051", "15-1221"))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(Set(object.keys) == ["codes", "occupations", "attributes", "differences", "shared", "sources"])
        let occupations = try #require(object["occupations"] as? [[String: Any]])
        #expect(occupations.count == 2)
        let show = try JSONSerialization.jsonObject(with: try encoder.encode(
            NodeReport(graph: graph, node: try graph.expectNode("15-2051")))) as? [String: Any]
        let showKeys = Set(try #require(show).keys)
        #expect(Set(occupations[0].keys) == showKeys.union(["mastersOrHigher"]))
        let share = try #require(occupations[0]["mastersOrHigher"] as? [String: Any])
        #expect(share["percent"] is NSNull)
        #expect(share["basis"] as? String == "not-surveyed")
        let shared = try #require(object["shared"] as? [String: Any])
        #expect(Set(shared.keys) == ["programs", "related", "candidateLinks"])
        let differences = try #require(object["differences"] as? [[String: Any]])
        #expect(differences.allSatisfy { Set($0.keys) == ["attribute", "name", "same", "text", "groups"] })
    }
}

/// The comparison on the shipped Graph/. Skipped while Graph/ is absent, except on CI (env CI set).
@Suite("Comparison on the shipped graph")
struct ShippedComparisonTests {
    static let directory = Fixture.directory.deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Graph")

    /// Loaded once; nil when Graph/ is absent.
    static let loaded: Result<KnowledgeGraph, any Error>? = {
        guard FileManager.default.fileExists(atPath: directory.appendingPathComponent("soc.tsv").path) else {
            return nil
        }
        return Result { try GraphStore(directory: directory).load() }
    }()

    func requireGraph() throws -> KnowledgeGraph? {
        if let loaded = Self.loaded { return try loaded.get() }
        if ProcessInfo.processInfo.environment["CI"] != nil {
            Issue.record("Graph/soc.tsv is missing: run 'make graph' before testing on CI")
        }
        return nil
    }

    @Test func researchScientistsAreTheMastersOne() throws {
        guard let graph = try requireGraph() else { return }
        let r = try ComparisonReport(graph: graph, inputs: ["15-2051", "15-1252", "15-1221"])
        let education = try #require(r.differences.first { $0.attribute == "typicalEntry" })
        #expect(education.text == "typical entry education: 15-1221 Master's degree; 15-2051, 15-1252 Bachelor's degree")
        #expect(r.attribute("typicalEntry")?.values.filter { $0.value == "master" }.map(\.code) == ["15-1221"])
        #expect(r.attribute("jobZone")?.values.map(\.value) == ["4", "4", "5"])
        #expect(r.occupations[2].mastersOrHigher.percent.map { $0 > 50 } == true)
        #expect(r.occupations[0].mastersOrHigher.basis == "not-surveyed")
        #expect(r.attribute("annualMedian")?.values.map(\.value) == ["120230", "135980", "140300"])
        #expect(r.shared.programs.contains { $0.cip == "11.0102" && $0.codes.count == 3 })
        #expect(r.differences.contains { $0.attribute == "stem" && $0.text == "STEM occupation: all" })
    }
}
