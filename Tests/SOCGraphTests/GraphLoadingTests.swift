import Foundation
import Testing
@testable import SOCGraph

@Suite("Loading the fixture graph")
struct GraphLoadingTests {
    let graph = Fixture.graph

    @Test func nodesAreGroupedByKindInIdOrder() throws {
        #expect(graph.nodes(ofKind: .major).map { graph[$0].id } == ["15-0000", "29-0000"])
        #expect(graph.nodes(ofKind: .detailed).map { graph[$0].id }
                == ["15-1221", "15-1252", "15-1253", "15-2041", "15-2051", "29-1123", "29-1141"])
        #expect(graph.nodes(ofKind: .educationLevel).count == 8)
        #expect(graph.nodes(ofKind: .jobZone).map { graph[$0].title }
                == ["Job Zone 1-2", "Job Zone 3", "Job Zone 4", "Job Zone 5"])
        #expect(graph.nodes(ofKind: .isco).map { graph[$0].id } == ["isco:2120", "isco:2221", "isco:2512"])
        #expect(graph.nodes(ofKind: .field).count == 28)
        #expect(graph.nodes(ofKind: .field).filter { graph.framework(of: $0) == .cet }.count == 18)
        #expect(graph.nodes(ofKind: .field).filter { graph.framework(of: $0) == .chips }.count == 10)
        for kind in NodeKind.allCases {
            let ids = graph.nodes(ofKind: kind).map { graph[$0].id }
            #expect(ids == ids.sorted(), "\(kind) nodes out of order")
        }
        for (position, node) in graph.nodes.enumerated() {
            #expect(graph.node(id: node.id) == position)
        }
    }

    @Test func hierarchyRunsFromMajorGroupDown() throws {
        let dataScientists = try graph.expectNode("15-2051")
        #expect(graph.ancestors(of: dataScientists).map { graph[$0].id } == ["15-0000", "15-2000", "15-2050"])
        let nurses = try graph.expectNode("29-1141")
        // SOC minor groups are not always NN-NN00: registered nurses sit in 29-1000.
        #expect(graph.ancestors(of: nurses).map { graph[$0].id } == ["29-0000", "29-1000", "29-1140"])
        let specialty = try graph.expectNode("15-2051.01")
        #expect(graph[specialty].kind == .specialty)
        #expect(graph.parent(of: specialty) == dataScientists)
        let computers = try graph.expectNode("15-1200")
        #expect(graph.children(of: computers).map { graph[$0].id } == ["15-1220", "15-1250"])
        #expect(graph.detailedOccupations(under: try graph.expectNode("15-0000")).map { graph[$0].id }
                == ["15-1221", "15-1252", "15-1253", "15-2041", "15-2051"])
        let program = try graph.expectNode("11.0102")
        #expect(graph.ancestors(of: program).map { graph[$0].id } == ["11", "11.01"])
    }

    @Test func educationAndJobZones() throws {
        let researchers = try graph.expectNode("15-1221")
        let entry = try #require(graph.entryEducation(of: researchers))
        #expect(entry.education == .master)
        #expect(entry.workExperience == "None")
        #expect(entry.epCode == "15-1221")
        #expect(graph.jobZone(of: researchers)?.zone == 5)
        // A detailed code takes its .00 rating even when a specialty is rated lower (29-1141.01 is zone 3).
        let nurses = try graph.expectNode("29-1141")
        #expect(graph.jobZone(of: nurses)?.zone == 4)
        #expect(graph.jobZone(of: nurses)?.onetCode == "29-1141.00")
        #expect(graph.jobZone(of: try graph.expectNode("29-1141.01"))?.zone == 3)
        let shares = try #require(graph.facts(of: researchers)).educationDistribution
        #expect(shares.map(\.category) == Array(1...12))
        #expect(abs(shares.reduce(0) { $0 + $1.percent } - 100) < 0.5)
        #expect(graph.educationCategories.count == 12)
    }

    @Test func relatedOccupationsAreListedMostRelatedFirst() throws {
        let related = graph.related(of: try graph.expectNode("15-2051"))
        #expect(related.map { graph[$0.occupation].id } == ["15-2041", "15-1221", "15-1252"])
        #expect(related.map(\.link.index) == [1, 9, 12])
        #expect(related.first?.link.tier == .primaryShort)
        #expect(related.last?.link.onetCode == "15-2051.01")
    }

    @Test func programsWagesProjectionsDesignations() throws {
        let developers = try graph.expectNode("15-1252")
        let programs = graph.programs(preparingFor: developers).map { graph[$0].id }
        #expect(programs.contains("11.0102"))
        #expect(programs == programs.sorted())
        let ai = try graph.expectNode("11.0102")
        #expect(graph.program(ai) == Program(level: .program, stem: true, stemBasis: "listed"))
        #expect(graph.occupations(preparedBy: ai).map { graph[$0].id } == ["15-1221", "15-1252", "15-2051"])
        let wages = try #require(graph.facts(of: developers)?.wages)
        #expect(wages.annualMedian == 135980)
        #expect(wages.employment == 1_687_890)
        #expect(wages.hourlyMedian == 65.38)
        let projection = try #require(graph.facts(of: developers)?.projection)
        #expect(projection.employment2024 == 1693.8)
        #expect(projection.medianWage2024 == 133080)
        let nurses = try graph.expectNode("29-1141")
        #expect(graph.designations(of: nurses).map(\.designation) == [.scheduleAGroup1, .stem])
    }

    @Test func technologiesTitlesAndFields() throws {
        let developers = try graph.expectNode("15-1252")
        let uses = graph.technologies(of: developers)
        #expect(!uses.isEmpty)
        #expect(uses.contains { $0.use.hot })
        let titles = graph.titles(of: developers)
        #expect(titles.contains { $0.source == .soc && $0.title == "Software Developers" })
        #expect(titles.contains { $0.source == .onetAlternate })
        let ai = try graph.expectNode("artificial-intelligence")
        #expect(graph[ai].title == "Artificial Intelligence")
        #expect(graph.fieldNumber(ai) == 6)
        #expect(graph.framework(of: ai) == .cet)
        let chipsAI = try graph.expectNode("artificial-intelligence-machine-learning-autonomy-and-related-advances")
        #expect(graph.framework(of: chipsAI) == .chips)
        #expect(graph.fieldNumber(chipsAI) == 1)
        let cipRows = graph.curation.links(.programs).filter { $0.field == ai }.map { graph[$0.subject].id }
        #expect(cipRows == ["11.0102", "30.4801", "30.7001"])
        #expect(graph.curation.links(.programs).allSatisfy {
            !$0.rationale.isEmpty && $0.file == "curation/cip-fields.tsv" && $0.grade == nil && $0.term == nil
        })
        let technologies = graph.curation.links(.technologies)
        #expect(technologies.count == 31)
        #expect(technologies.first.map { graph[$0.subject].id } == "Amazon Web Services AWS SageMaker")
        #expect(technologies.first?.line == 2)
        #expect(technologies.allSatisfy { $0.file == "curation/technology-fields.tsv" })
        // Title terms: the term in `term`, the field as the subject.
        let terms = graph.curation.links(.titles)
        #expect(terms.count == 10)
        #expect(terms.first?.term == "ai engineer")
        #expect(terms.allSatisfy { $0.subject == $0.field && $0.file == "curation/title-terms.tsv" })
        // Direct links carry their grade, and may name an O*NET specialty.
        let direct = graph.curation.links(.occupations)
        #expect(direct.map { graph[$0.subject].id } == [
            "15-1221", "15-1221", "15-1221", "15-1221", "15-1221", "15-1252", "15-1252", "15-2051", "15-2051",
            "15-2051.02",
        ])
        #expect(direct.allSatisfy { $0.grade?.isCitable == true })
        #expect(direct.last?.grade == .core)
        #expect(graph[try #require(direct.last).subject].kind == .specialty)
        // An inclusion row: the CHIPS focus area receives the links of the CET category it includes.
        let inclusions = graph.curation.links(.inclusions)
        #expect(inclusions.count == 12)
        #expect(inclusions.contains { $0.field == chipsAI && $0.subject == ai })
        #expect(inclusions.allSatisfy { graph.framework(of: $0.field) == .chips && graph.framework(of: $0.subject) == .cet })
        // links(_:signalling:) adds the rows of the included categories, each keeping its own file and line.
        let chipsPrograms = graph.curation.links(.programs, signalling: chipsAI).map { graph[$0.subject].id }
        #expect(chipsPrograms == cipRows)
        #expect(graph.curation.links(.programs, signalling: chipsAI).allSatisfy { $0.field == ai })
        #expect(graph.curation.links(.occupations, signalling: chipsAI).map { graph[$0.subject].id }
                == ["15-1221", "15-1252", "15-2051"])
    }

    @Test func edgesAndAdjacencyAgree() throws {
        for kind in EdgeKind.allCases {
            var outgoing = 0, incoming = 0
            for node in graph.nodes.indices {
                outgoing += graph.degree(kind, .outgoing, of: node)
                incoming += graph.degree(kind, .incoming, of: node)
            }
            #expect(outgoing == (graph.edgeCounts[kind] ?? 0))
            #expect(incoming == outgoing)
        }
        #expect(graph.edgeCounts[.alignsWith] == 25)  // 23 of detailed codes, 2 of O*NET specialties
    }

    @Test func sourcesComeFromTheManifest() throws {
        let vintages = graph.sources.citations.map(\.vintage)
        #expect(vintages.contains("O*NET 30.2"))
        #expect(vintages.contains("OEWS May 2025"))
        #expect(graph.vintage(ofSourceMatching: "oews") == "OEWS May 2025")
        #expect(graph.vintage(ofSourceMatching: "bls-ep") == "EP 2024–34")
        #expect(graph.sources.allSatisfy { $0.sha256.count == 64 })
    }

    @Test func aCitationNamesEachPublisherOnce() {
        func source(_ id: String, _ publisher: String, _ title: String) -> DataSource {
            DataSource(source: id, publisher: publisher, title: title, vintage: "ESCO v1.2", url: "https://esco.example",
                       file: "", sha256: "")
        }
        let citations = [
            source("esco-isco-groups", "European Commission (ESCO); reuse with acknowledgement; ISCO-08 by the ILO",
                   "ISCO-08 groups"),
            source("esco-occupations", "European Commission (ESCO); reuse with acknowledgement", "ESCO occupations"),
            source("other", "European Commission and another publisher", "Another table"),
        ].allCitations
        #expect(citations.count == 1)
        #expect(citations.first?.publisher == "European Commission (ESCO); reuse with acknowledgement; ISCO-08 by the "
                + "ILO; European Commission and another publisher")
        #expect(citations.first?.titles == ["ISCO-08 groups", "ESCO occupations", "Another table"])
        #expect(citations.first?.urls == ["https://esco.example"])
    }

    @Test func checkPassesOnTheFixture() {
        let result = GraphValidator.check(directory: Fixture.directory)
        #expect(result.diagnostics == [])
        #expect(result.summary.contains("7 detailed"))
    }
}
