import Foundation
import Testing
@testable import SOCGraph

/// The aligns-with edges of the fixture graph: loading, typed facts, reports and field resolution. The fixture's
/// alignments are those of the shipped graph for its seven occupations, plus one direct link (15-1221 to quantum
/// information) so that every kind of path is present.
@Suite("Field alignments")
struct AlignmentTests {
    let graph = Fixture.graph

    func alignment(_ code: String, _ field: String) throws -> FieldAlignment {
        try #require(graph.alignment(of: try graph.expectNode(code), with: try graph.expectNode(field)))
    }

    @Test func alignmentsLoadWithTheirCountsAndEvidence() throws {
        let ai = try alignment("15-1221", "artificial-intelligence")
        #expect(ai.strength == 0.83)
        #expect((ai.programs, ai.programTotal, ai.technologies, ai.hotTechnologies, ai.direct) == (2, 15, 5, 2, false))
        #expect(ai.evidence.map(\.kind) == [.program, .program] + Array(repeating: .technology, count: 5))
        #expect(ai.evidence.compactMap { $0.via.map { graph[$0].id } } == [
            "11.0102", "30.7001", "Bidirectional encoder representations from transformers (BERT)", "Hugging Face",
            "PyTorch", "Scikit-learn", "TensorFlow",
        ])
        #expect(ai.evidence.filter { $0.hot == true }.compactMap { $0.via.map { graph[$0].id } }
                == ["PyTorch", "TensorFlow"])
        #expect(ai.evidence.filter { $0.kind == .program }.allSatisfy { $0.hot == nil })
        // Every path carries its curation row.
        let first = try #require(ai.evidence.first)
        #expect(first.rationale.hasPrefix("CET 2024 AI: machine learning"))
        #expect(first.curationFile == "curation/cip-fields.tsv")
        #expect(first.curationLine == 2)
        #expect(ai.evidence.allSatisfy { !$0.rationale.isEmpty })

        let direct = try alignment("15-1221", "quantum-information-and-enabling-technologies")
        #expect(direct.strength == 0.90)
        #expect(direct.evidence == [Evidence(
            kind: .direct, via: nil, hot: nil, rationale: try #require(direct.evidence.first).rationale,
            curationFile: "curation/occupation-fields.tsv", curationLine: 2)])
    }

    @Test func strengthPartsFollowTheRule() throws {
        let parts = try alignment("15-1221", "artificial-intelligence").parts
        #expect(abs(parts.program - 2.0 / 15) < 1e-12)
        #expect(parts.technology == 1)
        #expect(parts.direct == 0)
        #expect(AlignmentStrength.text(parts.value) == "0.83")
        // One program of 26 counts half: 1/26/2; one technology counts half: (1/6)/2.
        let single = try alignment("15-2041", "artificial-intelligence").parts
        #expect(abs(single.program - 1.0 / 52) < 1e-12)
        #expect(abs(single.technology - 1.0 / 12) < 1e-12)
        #expect(AlignmentStrength.text(single.value) == "0.08")
    }

    @Test func alignmentsOfAnOccupationStrongestFirst() throws {
        let fields = graph.alignments(of: try graph.expectNode("15-1221"))
        #expect(fields.map { graph[$0.field].id } == [
            "quantum-information-and-enabling-technologies", "advanced-computing", "artificial-intelligence",
            "human-machine-interfaces", "biotechnologies",
        ])
        #expect(fields.map(\.strength) == [0.90, 0.85, 0.83, 0.19, 0.03])
        // A specialty stands for its detailed code.
        #expect(graph.alignments(of: try graph.expectNode("15-2051.01"))
                == graph.alignments(of: try graph.expectNode("15-2051")))
        #expect(graph.alignments(of: try graph.expectNode("29-1141")).isEmpty)
    }

    @Test func occupationsOfAFieldStrongestFirst() throws {
        let ai = try graph.expectNode("artificial-intelligence")
        let aligned = graph.occupations(alignedWith: ai)
        #expect(aligned.map { graph[$0.occupation].id } == ["15-1221", "15-2051", "15-1252", "15-2041"])
        #expect(aligned.map(\.strength) == [0.83, 0.82, 0.60, 0.08])
        #expect(graph.occupations(alignedWith: try graph.expectNode("hypersonics")).isEmpty)
        let hmi = graph.occupations(alignedWith: try graph.expectNode("human-machine-interfaces"))
        #expect(hmi.map { graph[$0.occupation].id } == ["15-1221", "15-1252", "15-2051"])
        #expect(hmi.map(\.strength) == [0.19, 0.03, 0.01])
    }

    @Test func everyEvidencePathCarriesItsCurationRow() throws {
        let fields = graph.alignments(of: try graph.expectNode("15-1221"))
        #expect(fields.map(\.strength) == [0.90, 0.85, 0.83, 0.19, 0.03])
        #expect(fields.allSatisfy { $0.evidence.allSatisfy { !$0.rationale.isEmpty && $0.curationLine > 1 } })
    }

    @Test func showReportListsFieldsWithShortEvidence() throws {
        guard case let .occupation(r) = NodeReport(graph: graph, node: try graph.resolve("15-2051")) else {
            Issue.record("15-2051 is not an occupation report")
            return
        }
        let ai = try #require(r.fields.first)
        #expect(ai.id == "artificial-intelligence")
        #expect(ai.name == "Artificial Intelligence")
        #expect(ai.number == 6)
        #expect(ai.strength == 0.82)
        #expect((ai.programs, ai.programTotal, ai.technologies, ai.hotTechnologies) == (3, 35, 10, 2))
        // Programs first, then hot technologies, then the others.
        #expect(Array(ai.evidence.prefix(5)) == [
            "program 11.0102 Artificial Intelligence", "program 30.4801 Linguistics and Computer Science",
            "program 30.7001 Data Science, General", "technology PyTorch (hot)", "technology TensorFlow (hot)",
        ])
        #expect(ai.evidence.count == 13)
        let json = String(decoding: try JSONEncoder().encode(r), as: UTF8.self)
        #expect(json.contains("\"strength\":0.82"))
        guard case let .occupation(researchers) = NodeReport(graph: graph, node: try graph.resolve("15-1221")) else {
            return
        }
        #expect(researchers.fields.first?.evidence == ["direct curated link"])
    }

    @Test func whyListsEveryPathWithItsNodesAndRationale() throws {
        let report = try WhyReport(graph: graph, occupation: try graph.resolve("15-1221"),
                                   field: try graph.resolveField("artificial-intelligence"))
        #expect(report.code == "15-1221")
        #expect(report.field == "artificial-intelligence")
        #expect(report.strength == 0.83)
        #expect(report.paths.count == 7)
        let program = try #require(report.paths.first)
        #expect(program.kind == "program")
        #expect(program.via == "11.0102")
        #expect(program.viaTitle == "Artificial Intelligence")
        #expect(program.nodes.map(\.code) == ["15-1221", "11.0102", "artificial-intelligence"])
        #expect(program.curation == "curation/cip-fields.tsv:2")
        let tensorFlow = try #require(report.paths.first { $0.via == "TensorFlow" })
        #expect(tensorFlow.hot == true)
        #expect(tensorFlow.nodes.map(\.level) == ["detailed", "technology", "field"])
        #expect(tensorFlow.rationale.contains("deep learning frameworks"))
        #expect(report.computation.programPart == 0.1333)
        #expect(report.computation.technologyPart == 1)
        #expect(report.computation.value == 0.8267)

        let direct = try WhyReport(graph: graph, occupation: try graph.resolve("15-1221"),
                                   field: try graph.resolveField("quantum"))
        #expect(direct.paths.map(\.kind) == ["direct"])
        #expect(direct.paths.first?.nodes.map(\.code) == ["15-1221", "quantum-information-and-enabling-technologies"])
        #expect(direct.computation.directPart == 1)
    }

    @Test func whyWithoutEvidenceSaysSo() throws {
        let nurses = try graph.resolve("29-1141")
        let field = try graph.resolveField("semiconductors-and-microelectronics")
        #expect(throws: SOCGraphError.nothingFound(
            "no evidence links 29-1141 Registered Nurses to semiconductors-and-microelectronics: none of its 21 "
                + "crosswalked programs or 90 technologies is curated for that field, nor is a direct link")) {
            try WhyReport(graph: graph, occupation: nurses, field: field)
        }
        do {
            _ = try WhyReport(graph: graph, occupation: nurses, field: field)
        } catch let error as SOCGraphError {
            #expect(error.exitStatus == 1)
        }
    }

    @Test func whyNamesCuratedPathsThatMakeNoEdge() throws {
        // Without its aligns-with row (and evidence), 15-2041's curated AI paths remain in the graph.
        let directory = try Fixture.copy()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Fixture.edit("alignments.tsv", in: directory) { lines in
            lines.removeAll { $0.hasPrefix("15-2041\tartificial-intelligence\t") }
        }
        try Fixture.edit("alignment-evidence.tsv", in: directory) { lines in
            lines.removeAll { $0.hasPrefix("15-2041\tartificial-intelligence\t") }
        }
        let damaged = try GraphStore(directory: directory).load()
        let error = #expect(throws: SOCGraphError.self) {
            try WhyReport(graph: damaged, occupation: try damaged.resolve("15-2041"),
                          field: try damaged.resolveField("artificial-intelligence"))
        }
        #expect(error?.description.contains("its curated paths (program 30.7001 Data Science, General; technology "
                                            + "SAS Enterprise Miner) give a strength below 0.01") == true)
    }

    @Test func fieldsResolveByIdNameOrUniquePrefix() throws {
        let ai = try graph.expectNode("artificial-intelligence")
        #expect(try graph.resolveField("artificial-intelligence") == ai)
        #expect(try graph.resolveField("Artificial Intelligence") == ai)
        #expect(try graph.resolveField("artificial") == ai)
        #expect(graph[try graph.resolveField("quantum")].id == "quantum-information-and-enabling-technologies")
        #expect(throws: SOCGraphError.unknownNode("ai", kind: "national-interest field",
                                                  suggestions: ["artificial-intelligence"])) {
            try graph.resolveField("ai")
        }
        #expect(graph.fieldSuggestions(for: "quantom") == ["quantum-information-and-enabling-technologies"])
        #expect(graph.fieldSuggestions(for: "pnt") == ["positioning-navigation-and-timing-technologies"])
        #expect(graph.fieldSuggestions(for: "cyber") == ["data-privacy-data-security-and-cybersecurity-technologies"])
        #expect(graph.fieldSuggestions(for: "artifical-inteligence") == ["artificial-intelligence"])
        // Several fields start with "advanced": suggest them rather than pick one.
        let advanced = #expect(throws: SOCGraphError.self) { try graph.resolveField("advanced") }
        #expect(advanced?.description.contains("advanced-and-networked-sensing-and-signature-management") == true)
        #expect(advanced?.exitStatus == 2)
        #expect(throws: SOCGraphError.self) { try graph.resolveField("15-1221") }
    }

    @Test func fieldReports() throws {
        let list = FieldListReport(graph: graph)
        #expect(list.fields.map(\.number) == Array(1...18))
        let ai = try #require(list.fields.first { $0.id == "artificial-intelligence" })
        #expect((ai.occupations, ai.programs, ai.technologies, ai.directLinks) == (4, 3, 13, 0))
        let quantum = try #require(list.fields.first { $0.id == "quantum-information-and-enabling-technologies" })
        #expect((quantum.occupations, quantum.directLinks) == (1, 1))

        let top = try FieldOccupationsReport(graph: graph, field: try graph.resolveField("artificial-intelligence"),
                                             limit: 2)
        #expect(top.total == 4)
        #expect(top.occupations.map(\.code) == ["15-1221", "15-2051"])
        #expect(top.occupations.first?.programTotal == 15)
        #expect(throws: SOCGraphError.self) {
            try FieldOccupationsReport(graph: graph, field: try graph.resolveField("hypersonics"))
        }
    }
}
