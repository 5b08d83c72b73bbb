import Foundation

/// The verbatim sentences of Graph/text/ (SOC 2018 definitions, O*NET task statements), which `socgraph import
/// --with-text` writes and git never holds. Search reads them when they are present.
public struct OccupationText: Sendable, Equatable {
    /// The SOC 2018 definition of each detailed code.
    public let definitions: [String: String]
    /// The O*NET task statements of each detailed code (those of its O*NET-SOC codes), in file order.
    public let tasks: [String: [String]]

    public init(definitions: [String: String] = [:], tasks: [String: [String]] = [:]) {
        self.definitions = definitions
        self.tasks = tasks
    }

    static let definitionsFile = "text/definitions.tsv"
    static let tasksFile = "text/tasks.tsv"
    static let definitionsHeader = ["code", "definition"]
    static let tasksHeader = ["onet_code", "code", "task_id", "task_type", "task"]
}

extension GraphStore {
    /// Reads Graph/text/ for `graph` (loaded from this directory); nil when the folder is absent.
    ///
    /// Each of its two files may be absent; a file that is present must be well formed and name only detailed
    /// codes of `graph`, else `SOCGraphError.damagedGraph` lists every problem (file and line). O(rows).
    public func loadText(for graph: KnowledgeGraph) throws -> OccupationText? {
        let folder = directory.appendingPathComponent("text")
        guard FileManager.default.isDirectory(atPath: folder.path) == true else { return nil }
        var diagnostics: [Diagnostic] = []
        func table(_ name: String, _ header: [String]) -> TSVTable? {
            guard FileManager.default.fileExists(atPath: directory.appendingPathComponent(name).path) else {
                return nil
            }
            let (table, problems) = TSVTable.readCollecting(name, in: directory, expecting: header)
            diagnostics += problems
            return table
        }
        func isDetailed(_ code: String, _ file: String, _ line: Int) -> Bool {
            if let node = graph.node(id: code), graph[node].kind == .detailed { return true }
            diagnostics.append(Diagnostic(file: file, line: line, message: "unknown SOC detailed code '\(code)'"))
            return false
        }
        var definitions: [String: String] = [:]
        if let rows = table(OccupationText.definitionsFile, OccupationText.definitionsHeader)?.rows {
            for row in rows where isDetailed(row[0], OccupationText.definitionsFile, row.line) {
                definitions[row[0]] = row[1]
            }
        }
        var tasks: [String: [String]] = [:]
        if let rows = table(OccupationText.tasksFile, OccupationText.tasksHeader)?.rows {
            for row in rows where isDetailed(row[1], OccupationText.tasksFile, row.line) {
                if !row[4].isEmpty { tasks[row[1], default: []].append(row[4]) }
            }
        }
        if !diagnostics.isEmpty { throw SOCGraphError.damagedGraph(diagnostics.sorted()) }
        return OccupationText(definitions: definitions, tasks: tasks)
    }
}
