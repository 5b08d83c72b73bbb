import Foundation
import SOCGraph

// The Graph/ directory: the first argument, else the one of the socgraph checkout this example sits in.
let directory = CommandLine.arguments.dropFirst().first.map { URL(fileURLWithPath: $0) }
    ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Graph")

do {
    let store = GraphStore(directory: directory)
    let graph = try store.load()

    // One occupation: its groups, typical entry education, Job Zone and the fields a petition may cite.
    let node = try graph.resolve("15-2051", as: [.detailed, .specialty])
    let occupation = OccupationReport(graph: graph, node: node)
    print("\(occupation.code)  \(occupation.title)")
    for group in occupation.hierarchy { print("  in \(group.code)  \(group.title)") }
    print("  typical entry: \(occupation.education.typicalEntryTitle ?? "none given")")
    print("  Job Zone: \(occupation.education.jobZoneLabel ?? "none given")")
    for field in occupation.citableFields { print("  aligns with \(field.id) (\(field.grade))") }

    // A search for a job title: ranked occupations, each with what matched.
    let (index, _) = try store.loadSearchIndex()
    let results = try index.search("machine learning engineer", limit: 3)
    print("\nSearch: \(results.query)\(results.weak ? " (weak)" : "")")
    for hit in results.hits {
        print("  \(hit.code)  \(hit.title)  \(String(format: "%.2f", hit.score))")
    }

    // Three candidate codes side by side: where they differ.
    let comparison = try ComparisonReport(graph: graph, inputs: ["15-2051", "15-1252", "15-1221"])
    print("\nCompare \(comparison.codes.joined(separator: ", ")): they differ in")
    for difference in comparison.differences where !difference.same { print("  \(difference.text)") }
} catch let error as SOCGraphError {
    FileHandle.standardError.write(Data("LibraryUse: \(error.description)\n".utf8))
    exit(error.exitStatus)
}
