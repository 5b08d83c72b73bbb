import Testing
@testable import SOCGraph

@Suite("Related-occupation walk")
struct RelatedWalkTests {
    let graph = Fixture.graph

    func walk(_ code: String, depth: Int, tiers: RelatedTierFilter = .primary) throws -> RelatedWalk {
        try RelatedWalk(graph: graph, from: try graph.expectNode(code), depth: depth, tiers: tiers)
    }

    @Test func depthOneFollowsPrimaryLinksInONetOrder() throws {
        let steps = try walk("15-2051", depth: 1).steps
        #expect(steps.map(\.code) == ["15-2041", "15-1221"])
        #expect(steps.map(\.tier) == [.primaryShort, .primaryLong])
        #expect(steps.map(\.index) == [1, 9])
        #expect(steps.allSatisfy { $0.depth == 1 && $0.via == "15-2051" })
        #expect(steps[0].title == "Statisticians")
    }

    @Test func deeperLevelsComeAfterAndNameTheOccupationTheyWereReachedFrom() throws {
        let steps = try walk("15-2051", depth: 3).steps
        #expect(steps.map(\.code) == ["15-2041", "15-1221", "15-1252", "15-1253"])
        #expect(steps.map(\.depth) == [1, 1, 2, 3])
        #expect(steps.map(\.via) == ["15-2051", "15-2051", "15-1221", "15-1252"])
        // Nothing further is related: depth 5 gives the same walk.
        #expect(try walk("15-2051", depth: 5).steps == steps)
    }

    @Test func tierAllAddsSupplementalLinks() throws {
        let steps = try walk("15-2051", depth: 1, tiers: .all).steps
        #expect(steps.map(\.code) == ["15-2041", "15-1221", "15-1252"])
        #expect(steps.last?.tier == .supplemental)
        #expect(steps.last?.index == 12)
        // Reached at depth 1 with `all`, so it is not repeated at depth 2.
        let two = try walk("15-2051", depth: 2, tiers: .all).steps
        #expect(two.filter { $0.code == "15-1252" }.count == 1)
        #expect(two.map(\.code) == ["15-2041", "15-1221", "15-1252", "15-1253"])
    }

    @Test func supplementalOnlyLinksAreNotFollowedByDefault() throws {
        // 29-1141 lists 29-1123 only as supplemental.
        #expect(try walk("29-1141", depth: 2).steps.isEmpty)
        #expect(try walk("29-1141", depth: 1, tiers: .all).steps.map(\.code) == ["29-1123"])
    }

    @Test func aSpecialtyWalksFromItsDetailedCode() throws {
        let specialty = try walk("15-2051.01", depth: 2)
        #expect(graph[specialty.start].id == "15-2051")
        #expect(specialty.steps == (try walk("15-2051", depth: 2)).steps)
    }

    @Test func eachOccupationOnceAtItsSmallestDepthNeverTheStart() throws {
        for node in graph.nodes(ofKind: .detailed) {
            let steps = try RelatedWalk(graph: graph, from: node, depth: 5, tiers: .all).steps
            #expect(Set(steps.map(\.code)).count == steps.count)
            #expect(!steps.contains { $0.node == node })
            for step in steps where step.depth > 1 {
                #expect(steps.contains { $0.code == step.via && $0.depth == step.depth - 1 })
            }
            #expect(steps.map(\.depth) == steps.map(\.depth).sorted())
        }
    }

    @Test func depthOutOfRangeIsBadInputNamingTheRange() throws {
        for depth in [0, 6, -1] {
            let error = try #require(throws: SOCGraphError.self) { try walk("15-2051", depth: depth) }
            #expect(error.exitStatus == 2)
            #expect(error.description.contains("from 1 to 5"))
        }
    }

    @Test func aGroupIsNotAnOccupation() throws {
        let error = try #require(throws: SOCGraphError.self) { try walk("15-2000", depth: 1) }
        #expect(error.exitStatus == 2)
        #expect(error.description.contains("15-2000 Mathematical Science Occupations is a minor group"))
        #expect(error.description.contains("15-2041 Statisticians"))
    }
}
