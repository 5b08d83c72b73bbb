import Foundation
import Testing
@testable import SOCGraph

@Suite("Search over the graph")
struct GraphSearchTests {
    let graph = Fixture.graph

    @Test func oneDocumentPerDetailedOccupationWithEveryKindOfText() throws {
        let documents = graph.searchDocuments()
        #expect(documents.map(\.code) == graph.occupationCodes)
        let scientists = try #require(documents.first { $0.code == "15-2051" })
        #expect(scientists.title == "Data Scientists")
        #expect(scientists.directMatchTitles.contains("Business Intelligence Developer"))
        #expect(scientists.alternateTitles.contains("Analytics Consultant"))
        #expect(scientists.onetTitles.contains("Business Intelligence Analysts"))
        // O*NET files both under development software (Web platform development, Development environment), MySQL
        // under database software. Apache Spark is In Demand for data scientists; AJAX, a Hot Technology, is not.
        #expect(scientists.technologies.contains(.init(name: "AJAX", inDemand: false, development: true)))
        #expect(scientists.technologies.contains(.init(name: "Adobe ActionScript", inDemand: false, development: true)))
        #expect(scientists.technologies.contains(.init(name: "MySQL", inDemand: false, development: false)))
        #expect(scientists.technologies.contains(.init(name: "Apache Spark", inDemand: true, development: false)))
        #expect(scientists.programTitles.contains("Artificial Intelligence."))
        #expect(scientists.definition == nil)
        #expect(scientists.tasks.isEmpty)
    }

    @Test func theFixtureRanksItsOwnTitlesFirst() throws {
        let index = SearchIndex(graph: graph)
        #expect(index.count == 7)
        #expect(try index.search("data scientist").hits.first?.code == "15-2051")
        #expect(try index.search("registered nurse").hits.first?.code == "29-1141")
        #expect(try index.search("physical therapist").hits.first?.code == "29-1123")
    }

    @Test func noTextFolderMeansNoText() throws {
        #expect(try GraphStore(directory: Fixture.directory).loadText(for: graph) == nil)
    }

    @Test func definitionsAndTasksAreSearchedWhenPresent() throws {
        let directory = try Fixture.copy()
        defer { try? FileManager.default.removeItem(at: directory) }
        try writeText(in: directory,
                      definitions: "code\tdefinition\n15-2051\tBuild models of zeppelin traffic.\n",
                      tasks: "onet_code\tcode\ttask_id\ttask_type\ttask\n"
                          + "29-1141.00\t29-1141\t1\tCore\tCalibrate the gyroscope of a dirigible.\n"
                          + "29-1141.01\t29-1141\t2\t\tLog dirigible flights.\n")
        let loaded = try GraphStore(directory: directory).load()
        let text = try #require(try GraphStore(directory: directory).loadText(for: loaded))
        #expect(text.definitions["15-2051"] == "Build models of zeppelin traffic.")
        #expect(text.tasks["29-1141"]?.count == 2)
        let index = SearchIndex(graph: loaded, text: text)
        let zeppelin = try #require(try index.search("zeppelin").hits.first)
        #expect(zeppelin.code == "15-2051")
        #expect(zeppelin.matches.contains("definition"))
        let dirigible = try #require(try index.search("dirigible").hits.first)
        #expect(dirigible.code == "29-1141")
        #expect(dirigible.matches.contains("tasks: 2"))
    }

    @Test func aDamagedTextFileIsReportedWithItsLine() throws {
        let directory = try Fixture.copy()
        defer { try? FileManager.default.removeItem(at: directory) }
        try writeText(in: directory,
                      definitions: "code\tdefinition\n15-2051\tOne.\n15-9999\tTwo.\n",
                      tasks: "onet_code\tcode\ttask\n")
        let error = try #require(throws: SOCGraphError.self) {
            try GraphStore(directory: directory).loadText(for: graph)
        }
        guard case let .damagedGraph(diagnostics) = error else { Issue.record("\(error)"); return }
        #expect(diagnostics.contains(Diagnostic(file: "text/definitions.tsv", line: 3,
                                                message: "unknown SOC detailed code '15-9999'")))
        #expect(diagnostics.contains { $0.file == "text/tasks.tsv" && $0.line == 1 })
        #expect(error.exitStatus == 3)
    }

    func writeText(in directory: URL, definitions: String, tasks: String) throws {
        let folder = directory.appendingPathComponent("text")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(definitions.utf8).write(to: folder.appendingPathComponent("definitions.tsv"))
        try Data(tasks.utf8).write(to: folder.appendingPathComponent("tasks.tsv"))
    }
}
