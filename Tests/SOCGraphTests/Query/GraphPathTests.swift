import Testing
@testable import SOCGraph

@Suite("Shortest explained paths")
struct GraphPathTests {
    let graph = Fixture.graph

    func path(_ from: String, _ to: String, _ scope: PathScope = .structure) throws -> GraphPath? {
        graph.shortestPath(from: try graph.expectNode(from), to: try graph.expectNode(to), scope: scope)
    }

    func ids(_ path: GraphPath?) -> [String] { path?.nodes.map { graph[$0].id } ?? [] }

    @Test func relatedLinksArePreferredAmongEquallyShortPaths() throws {
        // 15-2051 and 15-1253 are also two links apart through CIP 11.0103; related occupations come first.
        let found = try #require(try path("15-2051", "15-1253"))
        #expect(ids(found) == ["15-2051", "15-1252", "15-1253"])
        #expect(found.steps.map(\.edge.kind) == [.related, .related])
        #expect(graph.sentence(found.steps[0])
                == "15-2051 Data Scientists —is related to (O*NET supplemental, index 12)→ 15-1252 Software Developers")
    }

    @Test func linksAreFollowedAgainstTheirDirectionAndSaySo() throws {
        let found = try #require(try path("15-1253", "15-2051"))
        #expect(found.steps.count == 2)
        #expect(found.steps.contains { !$0.forward })
        let backwards = try #require(found.steps.first { !$0.forward && $0.edge.kind == .related })
        #expect(graph.phrase(backwards).hasPrefix("is listed as related by (O*NET"))
    }

    @Test func structureNeverPassesThroughAHub() throws {
        let found = try #require(try path("15-2051", "29-1141"))
        #expect(found.steps.count == 7)
        #expect(found.steps.allSatisfy { PathScope.structuralKinds.contains($0.edge.kind) })
        #expect(ids(found).contains("51"))
        // With every link, the shared entry education is two links.
        let all = try #require(try path("15-2051", "29-1141", .all))
        #expect(ids(all) == ["15-2051", "bachelor", "29-1141"])
        #expect(graph.sentence(all.steps[1])
                == "bachelor Bachelor's degree —is the typical entry education (BLS) of→ 29-1141 Registered Nurses")
    }

    @Test func aHubAtEitherEndIsReached() throws {
        #expect(ids(try path("29-1123", "stem")) == ["29-1123", "stem"])
        #expect(ids(try path("job-zone-4", "15-2051")) == ["job-zone-4", "15-2051"])
        let python = try #require(try path("Python", "15-1253"))
        #expect(graph[python.nodes[0]].kind == .technology)
        #expect(python.steps.filter { $0.edge.kind == .uses }.count == 1)
    }

    @Test func specialtiesAndProgramHierarchy() throws {
        let found = try #require(try path("15-2051.01", "11"))
        #expect(found.steps.map(\.edge.kind) == [.parent, .preparesFor, .parent, .parent])
        #expect(graph.phrase(found.steps[0]) == "is part of")
        #expect(graph.phrase(found.steps[1]) == "is prepared for by (NCES CIP–SOC crosswalk)")
    }

    @Test func aNodeToItselfHasNoSteps() throws {
        let found = try #require(try path("15-2051", "15-2051"))
        #expect(found.steps.isEmpty)
        #expect(ids(found) == ["15-2051"])
    }

    @Test func noPathIsNilNotAnError() throws {
        // No curation row names this field, so nothing links to it.
        #expect(try path("15-2051", "advanced-gas-turbine-engine-technologies") == nil)
        #expect(try path("15-2051", "advanced-gas-turbine-engine-technologies", .all) == nil)
    }

    @Test func lengthsAreSymmetricAndPathsReproducible() throws {
        let occupations = Array(graph.nodes(ofKind: .detailed))
        for a in occupations {
            for b in occupations {
                for scope in PathScope.allCases {
                    let forward = graph.shortestPath(from: a, to: b, scope: scope)
                    let backward = graph.shortestPath(from: b, to: a, scope: scope)
                    #expect(forward?.steps.count == backward?.steps.count)
                    #expect(forward == graph.shortestPath(from: a, to: b, scope: scope))
                    if let forward {
                        // Consecutive nodes are the two ends of each step.
                        for (i, step) in forward.steps.enumerated() {
                            #expect(Set([step.edge.from, step.edge.to]) == Set([forward.nodes[i], forward.nodes[i + 1]]))
                        }
                    }
                }
            }
        }
    }

    @Test func reportCarriesTheContractKeys() throws {
        let found = try #require(try path("15-2051", "11.0102"))
        let report = PathReport(graph: graph, path: found, scope: .structure)
        #expect(report.nodes.map(\.id) == ["15-2051", "11.0102"])
        #expect(report.nodes.map(\.kind) == ["detailed", "program"])
        #expect(report.edges.count == 1)
        #expect(report.edges[0].from == "11.0102")
        #expect(report.edges[0].to == "15-2051")
        #expect(report.edges[0].kind == "prepares-for")
        #expect(report.via == "structure")
        #expect(!report.sources.isEmpty)
    }
}
