import Testing
@testable import SOCGraph

@Suite("find on the graph")
struct FindContextTests {
    let graph = Fixture.graph

    func select(_ query: String, in graph: KnowledgeGraph = Fixture.graph) throws -> [String] {
        try FindQuery(parsing: query).evaluate(in: graph)
    }

    @Test func factsByCode() {
        #expect(graph.occupationCodes == ["15-1221", "15-1252", "15-1253", "15-2041", "15-2051", "29-1123", "29-1141"])
        #expect(graph.majorGroup(of: "15-1252") == "15-0000")
        #expect(graph.minorGroup(of: "15-1252") == "15-1200")
        #expect(graph.broadGroup(of: "15-1252") == "15-1250")
        #expect(graph.typicalEducation(of: "15-1221") == .master)
        #expect(graph.jobZone(of: "15-1221") == 5)
        #expect(graph.isSTEM("15-2051"))
        #expect(graph.programs(of: "15-2051").contains("11.0102"))
        #expect(graph.technologies(of: "15-2051").contains("AJAX"))
        #expect(graph.annualMedianWage(of: "15-1252") == 135980)
        #expect(graph.growthPercent(of: "15-2051") == 33.5)
        #expect(graph.knownFields.count == 28)  // 18 CET 2024 categories and 10 CHIPS focus areas
        #expect(graph.knownFields.contains("artificial-intelligence"))
    }

    @Test func titlesLeaveAlternateTitlesToSearch() {
        let titles = graph.titles(of: "15-2051")
        #expect(titles.contains("Data Scientists"))
        #expect(titles.contains("Business Intelligence Analysts"))
        #expect(titles.contains("Business Intelligence Developer"))
        #expect(!titles.contains("Analytics Consultant"))
    }

    @Test func unknownCodesHaveNoValues() {
        #expect(graph.typicalEducation(of: "15-0000") == nil)
        #expect(graph.jobZone(of: "99-9999") == nil)
        #expect(graph.fieldGrades(of: "99-9999").isEmpty)
        #expect(!graph.isSTEM("15-1250"))
    }

    @Test func fieldsComeFromAlignsWithEdges() throws {
        // The fixture's aligns-with edges: the computer and math occupations align with AI, the nurses with nothing.
        #expect(graph.fieldGrades(of: "15-2051")["artificial-intelligence"] == .core)
        #expect(graph.fieldGrades(of: "15-1221")["artificial-intelligence"] == .substantial)
        #expect(graph.fieldGrades(of: "15-1253") == [
            "advanced-computing": .incidental,
            "high-performance-computing-semiconductors-and-advanced-computer-hardware-and-software": .incidental,
        ])
        #expect(graph.fieldGrades(of: "29-1141").isEmpty)
        // 15-2041's curated AI paths are too thin for an edge.
        #expect(graph.fieldGrades(of: "15-2041").isEmpty)
        #expect(try select("field:artificial-intelligence") == ["15-1221", "15-1252", "15-2051"])
        #expect(try select("field:artificial-intelligence grade>=core") == ["15-2051"])
        // field: alone asks for substantial or core; an incidental alignment needs grade>=incidental.
        #expect(try select("field:advanced-computing") == ["15-1221", "15-1252", "15-2051"])
        #expect(try select("field:advanced-computing grade>=incidental") == ["15-1221", "15-1252", "15-1253", "15-2051"])
        #expect(try select("field:advanced-computing grade:incidental") == ["15-1253"])
        // A CHIPS focus area is a field like any other.
        #expect(try select("field:artificial-intelligence-machine-learning") == ["15-1221", "15-1252", "15-2051"])
        // "artificial" starts a CET category and a CHIPS focus area.
        let error = try #require(throws: SOCGraphError.self) { try select("field:artificial") }
        #expect(error.description.contains("is the start of several fields: artificial-intelligence, "
                                           + "artificial-intelligence-machine-learning-autonomy-and-related-advances"))
    }

    @Test func queriesSelectByTheGraphsFacts() throws {
        #expect(try select("education>=master") == ["15-1221", "15-2041", "29-1123"])
        #expect(try select("major:15 education:bachelor") == ["15-1252", "15-2051", "15-1253"].sorted())
        #expect(try select("zone>=5 -major:15") == ["29-1123"])
        #expect(try select("program:11.0102") == ["15-1221", "15-1252", "15-2051"])
        #expect(try select("wage>=130k") == ["15-1221", "15-1252"])
        #expect(try select("growth>=20") == ["15-2051"])
        #expect(try select("nurses") == ["29-1141"])
        #expect(try select("stem:no").isEmpty)
    }

    @Test func aBadGroupNamesTheNearestOnes() throws {
        let error = try #require(throws: SOCGraphError.self) { try select("minor:15-9") }
        #expect(error.exitStatus == 2)
        #expect(error.description.contains("column 1"))
    }

    @Test func listingsCarryTheTableFacts() throws {
        let listing = OccupationListing(graph: graph, node: try graph.expectNode("15-1221"))
        #expect(listing.code == "15-1221")
        #expect(listing.education == "master")
        #expect(listing.jobZone == 5)
        #expect(listing.annualMedian != nil)
        #expect(!listing.topCoded)
    }
}
