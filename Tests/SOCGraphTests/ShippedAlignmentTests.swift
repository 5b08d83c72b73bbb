import Foundation
import Testing
@testable import SOCGraph

/// The aligns-with edges of the shipped Graph/ (committed with the package), loaded by the core and queried as the
/// `why`, `fields` and `show` commands do.
@Suite("Shipped field alignments")
struct ShippedAlignmentTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Graph")

    static let loaded = Result { try GraphStore(directory: directory).load() }

    func graph() throws -> KnowledgeGraph { try Self.loaded.get() }

    @Test func researchScientistsAlignWithAIThroughAProgramAndTechnologies() throws {
        let graph = try graph()
        let report = try WhyReport(graph: graph, occupation: try graph.resolve("15-1221"),
                                   field: try graph.resolveField("artificial-intelligence"))
        let programs = report.paths.filter { $0.kind == "program" }
        #expect(programs.contains { $0.via == "11.0102" && $0.nodes.map(\.code) == ["15-1221", "11.0102",
                                                                                     "artificial-intelligence"] })
        let technologies = report.paths.filter { $0.kind == "technology" }
        #expect(!technologies.isEmpty)
        #expect(technologies.contains { $0.via == "TensorFlow" && $0.hot == true })
        #expect(report.paths.allSatisfy { $0.rationale.hasPrefix("CET 2024 ") })
        #expect(AlignmentStrength.text(report.computation.value) == AlignmentStrength.text(report.strength))
    }

    @Test func nursesHaveNoEvidenceForSemiconductors() throws {
        let graph = try graph()
        let error = #expect(throws: SOCGraphError.self) {
            try WhyReport(graph: graph, occupation: try graph.resolve("29-1141"),
                          field: try graph.resolveField("semiconductors-and-microelectronics"))
        }
        #expect(error?.exitStatus == 1)
        #expect(error?.description.hasPrefix(
            "no evidence links 29-1141 Registered Nurses to semiconductors-and-microelectronics: none of its") == true)
    }

    @Test func aiRanksResearchScientistsAndDataScientistsInItsTopTen() throws {
        let graph = try graph()
        let report = try FieldOccupationsReport(graph: graph, field: try graph.resolveField("artificial-intelligence"),
                                                limit: 10)
        let codes = report.occupations.map(\.code)
        #expect(codes.contains("15-1221"))
        #expect(codes.contains("15-2051"))
        #expect(report.occupations.map(\.strength) == report.occupations.map(\.strength).sorted(by: >))
    }

    @Test func everyFieldHasAlignedOccupations() throws {
        let graph = try graph()
        let list = FieldListReport(graph: graph)
        #expect(list.fields.count == 18)
        for field in list.fields {
            #expect(field.occupations > 0, "\(field.id) has no aligned occupation")
            #expect(field.programs + field.technologies + field.directLinks > 0, "\(field.id) has no curation row")
        }
        #expect(list.fields.map(\.occupations).reduce(0, +) == graph.edgeCounts[.alignsWith])
    }

    @Test func everyEdgeIsTheRuleAppliedToItsEvidence() throws {
        let graph = try graph()
        for edge in graph.edges where edge.kind == .alignsWith {
            guard case let .alignment(a) = edge.attributes else {
                Issue.record("aligns-with edge without its alignment")
                continue
            }
            #expect(a.evidence.filter { $0.kind == .program }.count == a.programs)
            #expect(a.evidence.filter { $0.kind == .technology }.count == a.technologies)
            #expect(AlignmentStrength.text(a.parts.value) == AlignmentStrength.text(a.strength))
            #expect(a.evidence.allSatisfy { !$0.rationale.isEmpty })
        }
    }

    @Test func showOfResearchScientistsHasFieldsAndDesignations() throws {
        let graph = try graph()
        guard case let .occupation(report) = NodeReport(graph: graph, node: try graph.resolve("15-1221")) else {
            Issue.record("15-1221 is not an occupation")
            return
        }
        #expect(report.fields.contains { $0.id == "artificial-intelligence" && $0.strength == 0.83 })
        #expect(report.designations.map(\.id) == ["stem"])
    }
}
