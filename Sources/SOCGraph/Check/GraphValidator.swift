import Foundation

/// The outcome of `socgraph check`: every problem, or the size of a sound graph.
public struct GraphCheckResult: Sendable {
    /// Every problem, sorted by file (in load order, see `Diagnostic`) and line; empty when the graph is sound.
    public let diagnostics: [Diagnostic]
    /// The fully loaded graph when there is no problem.
    public let graph: KnowledgeGraph?

    /// One line naming the counts of nodes and edges, e.g. for `check`'s success message.
    public var summary: String {
        guard let graph else { return "\(diagnostics.count) problem\(diagnostics.count == 1 ? "" : "s")" }
        return graph.sizeSummary
    }
}

extension KnowledgeGraph {
    /// The counts of nodes and edges, in total and by kind (kinds with none left out): `13548 nodes (23 major, …),
    /// 60040 edges (4210 parent, …)`. What `check` and `export` report.
    public var sizeSummary: String {
        let kinds = NodeKind.allCases.compactMap { kind -> String? in
            let count = nodes(ofKind: kind).count
            return count == 0 ? nil : "\(count) \(kind.rawValue)"
        }
        let counts = edgeCounts
        let edges = EdgeKind.allCases.compactMap { kind in counts[kind].map { "\($0) \(kind.rawValue)" } }
        return "\(nodes.count) nodes (\(kinds.joined(separator: ", "))), "
            + "\(self.edges.count) edges (\(edges.joined(separator: ", ")))"
    }
}

/// Checks a whole Graph/ directory: every file and row (through the loader, which validates each row as it reads
/// it: headers, column counts, UTF-8, escapes, sort order, unique keys, numbers, code shapes, known references;
/// the curation tables by `CurationRules`, the importer's rules; the aligns-with edges against the strength rule,
/// their evidence, the crosswalk, the technology uses and the curation rows), then the rules that concern the graph
/// as a whole (below).
public enum GraphValidator {
    /// Loads the graph and applies the whole-graph rules; collects every problem. O(size of the graph).
    public static func check(directory: URL) -> GraphCheckResult {
        let graph: KnowledgeGraph
        do {
            graph = try GraphStore(directory: directory).loadFromFiles()
        } catch let SOCGraphError.damagedGraph(diagnostics) {
            return GraphCheckResult(diagnostics: diagnostics, graph: nil)
        } catch {
            return GraphCheckResult(diagnostics: [Diagnostic(file: directory.path, line: 0, message: "\(error)")],
                                    graph: nil)
        }
        let problems = wholeGraphProblems(graph).sorted()
        return GraphCheckResult(diagnostics: problems, graph: problems.isEmpty ? graph : nil)
    }

    /// Rules over the loaded graph:
    /// - every detailed occupation has a broad, minor and major group above it, in that order;
    /// - every major group has at least one detailed occupation;
    /// - every specialty belongs to a detailed occupation;
    /// - the field numbers are 1…n without gaps;
    /// - the manifest lists at least one source (checked while loading).
    static func wholeGraphProblems(_ graph: KnowledgeGraph) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        let soc = GraphFile.soc.name
        for node in graph.nodes(ofKind: .detailed) {
            let levels = graph.ancestors(of: node).map { graph[$0].kind }
            if levels != [.major, .minor, .broad] {
                problems.append(Diagnostic(file: soc, line: 0,
                                           message: "\(graph[node].id) lacks a complete broad/minor/major chain"))
            }
        }
        for node in graph.nodes(ofKind: .major) where graph.detailedOccupations(under: node).isEmpty {
            problems.append(Diagnostic(file: soc, line: 0, message: "major group \(graph[node].id) has no occupations"))
        }
        for node in graph.nodes(ofKind: .specialty) where graph.parent(of: node).map({ graph[$0].kind }) != .detailed {
            problems.append(Diagnostic(file: GraphFile.onetOccupations.name, line: 0,
                                       message: "\(graph[node].id) has no detailed occupation"))
        }
        for framework in Framework.allCases {
            let numbers = graph.nodes(ofKind: .field).filter { graph.framework(of: $0) == framework }
                .compactMap { graph.fieldNumber($0) }.sorted()
            if numbers != Array(1..<(numbers.count + 1)) {
                problems.append(Diagnostic(file: GraphFile.fields.name, line: 0, message: "\(framework.rawValue) "
                                           + "field numbers are not 1…\(numbers.count) without gaps"))
            }
        }
        return problems
    }
}
