import Foundation
import SOCGraph
import Testing

/// `SearchIndex.degreeVerbs` is what the O*NET task statements show, recomputed from the text layer built from the
/// official files: the verbs that start 20 or more task statements, 80 % or more of them of occupations typically
/// entered with a bachelor's degree or more (the shipped entry-education.tsv).
@Suite("verbs of degree-level duties")
struct DegreeVerbTests {
    @Test("the list in the ranking is the one the task statements give")
    func recomputedFromTheTaskStatements() throws {
        guard let graph = TextGraph.require() else { return }
        let education = try String(contentsOf: graph.appendingPathComponent("entry-education.tsv"), encoding: .utf8)
        var levels: [String: String] = [:]
        for line in education.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            levels[fields[0]] = fields[1]
        }
        let tasks = try String(contentsOf: graph.appendingPathComponent("text/tasks.tsv"), encoding: .utf8)
        var count: [String: Int] = [:], degree: [String: Int] = [:]
        for line in tasks.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 5, let level = levels[fields[1]],
                  let first = fields[4].split(separator: " ").first else { continue }
            let verb = first.lowercased().trimmingCharacters(in: .punctuationCharacters)
            count[verb, default: 0] += 1
            if ["bachelor", "master", "doctoral"].contains(level) { degree[verb, default: 0] += 1 }
        }
        #expect(count.values.reduce(0, +) > 18_000, "\(count.values.reduce(0, +)) task statements read")
        let derived = Set(count.filter { verb, n in n >= 20 && Double(degree[verb] ?? 0) >= 0.8 * Double(n) }.keys)
        #expect(derived == SearchIndex.degreeVerbs, "\(derived.sorted())")
    }
}
