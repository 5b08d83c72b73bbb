import Foundation
import Testing
@testable import SOCGraph

@Suite("GraphDiff")
struct GraphDiffTests {
    @Test func aGraphAgainstItselfHasNoChanges() {
        let diff = GraphDiff(old: Fixture.graph, new: Fixture.graph)
        #expect(diff.isEmpty)
        #expect(diff.summary.compared == 7)
        #expect(diff.summary.aspects == Dictionary(uniqueKeysWithValues: GraphDiff.Aspect.allCases.map { ($0.rawValue, 0) }))
        #expect(diff.vintageChanges.isEmpty)
        #expect(diff.new.vintages.contains("O*NET 30.2"))
    }

    @Test func changesPerCodeWithAlignmentsStrongestFirst() throws {
        let directory = try Fixture.copy()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Fixture.edit("job-zones.tsv", in: directory) { lines in
            lines = lines.map { $0 == "15-2051.00\t15-2051\t4" ? "15-2051.00\t15-2051\t5" : $0 }
        }
        // 15-2051 loses its curated direct link to artificial-intelligence (core), so that its AI alignments are graded
        // on their evidence (incidental), and one AI program: 2 programs of 35 give 0.16 with its 10 technologies
        // (2 hot) and 4 titles. It also loses its high-performance computing alignment (substantial, 0.06).
        let hpc = "15-2051\thigh-performance-computing-semiconductors-and-advanced-computer-hardware-and-software\t"
        let chipsAI = "15-2051\tartificial-intelligence-machine-learning-autonomy-and-related-advances\t"
        try Fixture.edit("curation/occupation-fields.tsv", in: directory) { lines in
            lines.removeAll { $0.hasPrefix("15-2051\tartificial-intelligence\tcore\t") }
        }
        try Fixture.edit("alignments.tsv", in: directory) { lines in
            lines.removeAll { $0.hasPrefix(hpc) }
            lines = lines.map {
                $0 == "15-2051\tartificial-intelligence\tcore\t0.17\t3\t35\t10\t2\t372\t4\t78\tcore\t"
                    ? "15-2051\tartificial-intelligence\tincidental\t0.16\t2\t35\t10\t2\t372\t4\t78\t\t"
                    : $0 == chipsAI + "core\t0.17\t3\t35\t10\t2\t372\t4\t78\tcore\t"
                    ? chipsAI + "incidental\t0.17\t3\t35\t10\t2\t372\t4\t78\t\t" : $0
            }
        }
        try Fixture.edit("alignment-evidence.tsv", in: directory) { lines in
            lines.removeAll {
                $0.hasPrefix(hpc) || $0 == "15-2051\tartificial-intelligence\tprogram\t30.4801\t"
                    || $0 == "15-2051\tartificial-intelligence\tdirect\t\t" || $0 == chipsAI + "direct\t\t"
            }
        }
        let edited = try GraphStore(directory: directory, environment: ["SOCGRAPH_NO_CACHE": "1"]).load()
        let diff = GraphDiff(old: Fixture.graph, new: edited, oldLabel: "before", newLabel: "after")
        #expect(diff.old.graph == "before")
        #expect(diff.changes.map(\.code) == ["15-2051"])
        let change = try #require(diff.changes.first)
        #expect(change.aspects == ["jobZone", "alignments"])
        #expect(change.changes.jobZone == ValueChange(old: "4", new: "5"))
        #expect(change.changes.alignments == [
            AlignmentChange(field: "artificial-intelligence", name: "Artificial Intelligence", change: .changed,
                            old: AlignmentState(strength: 0.17, grade: "core"),
                            new: AlignmentState(strength: 0.16, grade: "incidental")),
            AlignmentChange(field: "artificial-intelligence-machine-learning-autonomy-and-related-advances",
                            name: "Artificial intelligence, machine learning, autonomy, and related advances",
                            change: .changed, old: AlignmentState(strength: 0.17, grade: "core"),
                            new: AlignmentState(strength: 0.17, grade: "incidental")),
            AlignmentChange(field: "high-performance-computing-semiconductors-and-advanced-computer-hardware-and-software",
                            name: "High performance computing, semiconductors, and advanced computer hardware and software",
                            change: .removed, old: AlignmentState(strength: 0.06, grade: "substantial"), new: nil),
        ])
        #expect(diff.summary.changed == 1)
        #expect(diff.summary.aspects["jobZone"] == 1)
        #expect(diff.summary.aspects["related"] == 0)
    }

    @Test func vintagesPairThroughTheirManifestSource() {
        func source(_ id: String, _ vintage: String) -> DataSource {
            DataSource(source: id, publisher: "", title: "", vintage: vintage, url: "", file: "", sha256: "")
        }
        let old = [source("soc", "SOC 2018"), source("onet-jobs", "O*NET 29.3"), source("onet-titles", "O*NET 29.3"),
                   source("stem", "O*NET OnLine 2022")]
        let new = [source("soc", "SOC 2018"), source("onet-jobs", "O*NET 30.2"), source("onet-titles", "O*NET 30.2"),
                   source("stem-list", "O*NET STEM 2022"), source("soc-2010", "SOC 2010–2018 crosswalk")]
        #expect(GraphDiff.vintageChanges(old: old, new: new) == [
            VintageChange(old: "O*NET 29.3", new: "O*NET 30.2"),
            VintageChange(old: nil, new: "O*NET STEM 2022"),
            VintageChange(old: nil, new: "SOC 2010–2018 crosswalk"),
            VintageChange(old: "O*NET OnLine 2022", new: nil),
        ])
    }

    @Test func codesNamedInEitherGraph() throws {
        let graph = Fixture.graph
        #expect(try GraphDiff.detailedCodes(named: ["15-2051.01", "152051", "Registered Nurses"], old: graph, new: graph)
                == ["15-2051", "29-1141"])
        #expect(try GraphDiff.detailedCodes(named: ["15-2000"], old: graph, new: graph) == ["15-2041", "15-2051"])
        #expect(throws: SOCGraphError.self) { try GraphDiff.detailedCodes(named: ["15-2052"], old: graph, new: graph) }
        do {
            _ = try GraphDiff.detailedCodes(named: ["stem"], old: graph, new: graph)
            Issue.record("a designation was taken for an occupation")
        } catch let SOCGraphError.unknownNode(input, kind, _) {
            #expect(input == "stem")
            #expect(kind == "SOC occupation or group")
        }
    }
}
