import Foundation
import SOCGraph
@testable import SOCGraphImport
import Testing

/// The committed `alignments.tsv` and `alignment-evidence.tsv`, recomputed row by row from the committed
/// crosswalk, uses and curation tables with plain dictionaries, and checked against what a domain expert expects.
@Suite struct ShippedAlignmentTests {
    static var graph: URL { OfficialSources.packageRoot.appendingPathComponent("Graph") }

    static func table(_ name: String, _ header: [String]) throws -> [[String]] {
        try TSVTable.read(name, in: graph, expecting: header).rows.map(\.fields)
    }

    static func alignments() throws -> [[String]] {
        try table("alignments.tsv", FieldAlignments.alignmentsHeader)
    }

    static func evidence() throws -> [[String]] {
        try table("alignment-evidence.tsv", FieldAlignments.evidenceHeader)
    }

    /// The occupations aligned with `field`, strongest first (ties by code).
    static func ranking(_ field: String) throws -> [String] {
        try alignments().filter { $0[1] == field }
            .sorted { (Double($0[2]) ?? 0, $1[0]) > (Double($1[2]) ?? 0, $0[0]) }
            .map { $0[0] }
    }

    @Test func computerResearchScientistsAlignWithAIThroughProgramsAndTechnologies() throws {
        let paths = try Self.evidence().filter { $0[0] == "15-1221" && $0[1] == "artificial-intelligence" }
        #expect(paths.contains(["15-1221", "artificial-intelligence", "program", "11.0102", ""]))
        #expect(paths.contains { $0[2] == "technology" && $0[4] == "yes" })
        #expect(paths.filter { $0[2] == "technology" }.count >= 2)
        let edge = try #require(try Self.alignments().first { $0[0] == "15-1221" && $0[1] == "artificial-intelligence" })
        #expect(Double(edge[2]).map { $0 >= 0.5 } == true)
    }

    @Test func registeredNursesHaveNoSemiconductorAlignment() throws {
        #expect(!(try Self.alignments().contains { $0[0] == "29-1141" && $0[1] == "semiconductors-and-microelectronics" }))
        #expect(!(try Self.evidence().contains { $0[0] == "29-1141" && $0[1] == "semiconductors-and-microelectronics" }))
    }

    @Test func everyFieldHasAlignedOccupations() throws {
        let fields = try Self.table("fields.tsv", ["id", "number", "name"]).map { $0[0] }
        #expect(fields.count == 18)
        let aligned = Set(try Self.alignments().map { $0[1] })
        for field in fields {
            #expect(aligned.contains(field), "no occupation aligns with \(field)")
        }
        #expect(aligned.isSubset(of: Set(fields)))
    }

    @Test func aiTopTenHoldsResearchScientistsAndDataScientists() throws {
        let top = try Self.ranking("artificial-intelligence").prefix(10)
        #expect(top.contains("15-1221"))
        #expect(top.contains("15-2051"))
    }

    @Test func semiconductorProcessingTechniciansAlignOnlyWithSemiconductors() throws {
        #expect(try Self.alignments().filter { $0[0] == "51-9141" }.map { $0[1] } == ["semiconductors-and-microelectronics"])
    }

    /// Every evidence row and every count, recomputed from cip-soc.tsv, uses.tsv and the curation tables; every
    /// strength recomputed from its counts by the rule of Graph/README.md.
    @Test func everyRowRecomputedFromTheCommittedTables() throws {
        let programFields = Dictionary(grouping: try Self.table("curation/cip-fields.tsv", ["cip", "field", "rationale"]),
                                       by: { $0[0] }).mapValues { $0.map { $0[1] } }
        let technologyFields = Dictionary(
            grouping: try Self.table("curation/technology-fields.tsv", ["technology", "field", "rationale"]),
            by: { $0[0] }).mapValues { $0.map { $0[1] } }
        let direct = try Self.table("curation/occupation-fields.tsv", ["code", "field", "rationale"])
        let crosswalk = try Self.table("cip-soc.tsv", ["cip", "code"])
        let uses = try Self.table("uses.tsv", ["code", "technology", "hot", "in_demand"])

        var expected: Set<[String]> = []
        var programTotal: [String: Int] = [:]
        for pair in crosswalk {
            programTotal[pair[1], default: 0] += 1
            for field in programFields[pair[0]] ?? [] { expected.insert([pair[1], field, "program", pair[0], ""]) }
        }
        for use in uses {
            for field in technologyFields[use[1]] ?? [] { expected.insert([use[0], field, "technology", use[1], use[2]]) }
        }
        for link in direct { expected.insert([link[0], link[1], "direct", "", ""]) }

        let edges = try Self.alignments()
        let written = Set(edges.map { [$0[0], $0[1]] })
        let evidence = try Self.evidence()
        #expect(Set(evidence) == expected.filter { written.contains([$0[0], $0[1]]) })
        #expect(Set(expected.map { [$0[0], $0[1]] }).count - written.count <= 10, "few pairs fall below 0.01")

        let byEdge = Dictionary(grouping: evidence) { [$0[0], $0[1]] }
        for edge in edges {
            let paths = byEdge[[edge[0], edge[1]]] ?? []
            let programs = paths.filter { $0[2] == "program" }.count
            let technologies = paths.filter { $0[2] == "technology" }
            let hot = technologies.filter { $0[4] == "yes" }.count
            let isDirect = paths.contains { $0[2] == "direct" }
            let total = programTotal[edge[0]] ?? 0
            #expect(edge[3...] == [String(programs), String(total), String(technologies.count), String(hot),
                                   isDirect ? "yes" : "no"][...], "\(edge)")
            var p = total == 0 ? 0 : Double(programs) / Double(total)
            if programs == 1 { p /= 2 }
            var t = min(1, Double(2 * hot + technologies.count - hot) / 6)
            if technologies.count == 1 { t /= 2 }
            let strength = 1 - (1 - p) * (1 - 0.8 * t) * (1 - (isDirect ? 0.9 : 0))
            #expect(edge[2] == String(format: "%.2f", (strength * 100 + 1e-9).rounded() / 100), "\(edge)")
            #expect(edge[2] >= "0.01" && edge[2] <= "1.00")
        }
    }
}
