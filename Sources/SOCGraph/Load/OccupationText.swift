import Foundation

/// The verbatim sentences of Graph/text/ (SOC 2018 definitions, O*NET task statements and the detailed work
/// activities they are linked to), which `socgraph text` (or `import --with-text`) writes and git never holds.
/// Search, `show`, `compare`, `memo` and `fit` read them when they are present.
public struct OccupationText: Sendable, Equatable {
    /// One O*NET task statement.
    public struct Task: Sendable, Hashable, Codable {
        /// The O*NET-SOC code it belongs to (`15-2051.00`, or a specialty such as `15-2051.01`).
        public let onetCode: String
        public let id: Int
        /// `Core`, `Supplemental`, or empty when O*NET gives none.
        public let type: String
        public let text: String
        /// The titles of the detailed work activities O*NET links the task to.
        public let activities: [String]

        public init(onetCode: String, id: Int, type: String, text: String, activities: [String] = []) {
            self.onetCode = onetCode
            self.id = id
            self.type = type
            self.text = text
            self.activities = activities
        }

        public var isCore: Bool { type == "Core" }
    }

    /// The SOC 2018 definition of each detailed code.
    public let definitions: [String: String]
    /// The O*NET task statements of each detailed code (those of all its O*NET-SOC codes), in file order.
    public let tasks: [String: [Task]]

    public init(definitions: [String: String] = [:], tasks: [String: [Task]] = [:]) {
        self.definitions = definitions
        self.tasks = tasks
    }

    /// The tasks of `code`, a SOC detailed code (all its O*NET-SOC codes) or an O*NET-SOC code (its own): those
    /// of the code's own `.00` occupation first, then its specialties'; within each, core tasks first, then
    /// supplemental, then untyped (O*NET leaves newer occupations' tasks untyped); then file order.
    public func tasks(of code: String) -> [Task] {
        let detailed = String(code.prefix(7))
        var list = tasks[detailed] ?? []
        if code.count > 7 { list = list.filter { $0.onetCode == code } }
        func rank(_ task: Task) -> Int {
            (task.onetCode.hasSuffix(".00") ? 0 : 10) + (task.isCore ? 0 : task.type == "Supplemental" ? 1 : 2)
        }
        return list.sortedStable(by: rank)
    }

    static let definitionsFile = "text/definitions.tsv"
    static let tasksFile = "text/tasks.tsv"
    static let taskActivitiesFile = "text/task-dwas.tsv"
    static let activitiesFile = "text/dwas.tsv"
    static let definitionsHeader = ["code", "definition"]
    static let tasksHeader = ["onet_code", "code", "task_id", "task_type", "task"]
    static let taskActivitiesHeader = ["onet_code", "code", "task_id", "dwa_id"]
    static let activitiesHeader = ["dwa_id", "iwa_id", "element_id", "title"]

    /// The command that obtains the text layer, for the one line printed where it is missing.
    public static let howToGet = "the SOC definitions and O*NET tasks are not in this graph: run 'socgraph text' "
        + "(downloads them from BLS and O*NET) or 'socgraph text --from DIR'"
}

private extension Array {
    /// Sorted by `key`, keeping the current order among equal keys.
    func sortedStable(by key: (Element) -> Int) -> [Element] {
        enumerated().sorted { (key($0.element), $0.offset) < (key($1.element), $1.offset) }.map(\.element)
    }
}

extension GraphStore {
    /// Reads Graph/text/ for `graph` (loaded from this directory); nil when the folder is absent.
    ///
    /// Each of its files may be absent; a file that is present must be well formed and name only detailed
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
        var activityTitles: [String: String] = [:]
        for row in table(OccupationText.activitiesFile, OccupationText.activitiesHeader)?.rows ?? [] {
            activityTitles[row[0]] = row[3]
        }
        var taskActivities: [Int: [String]] = [:]
        for row in table(OccupationText.taskActivitiesFile, OccupationText.taskActivitiesHeader)?.rows ?? [] {
            guard let id = Int(row[2]) else {
                diagnostics.append(Diagnostic(file: OccupationText.taskActivitiesFile, line: row.line,
                                              message: "task id '\(row[2])' is not a number"))
                continue
            }
            guard let title = activityTitles[row[3]] else {
                diagnostics.append(Diagnostic(file: OccupationText.taskActivitiesFile, line: row.line,
                                              message: "DWA id '\(row[3])' is not in \(OccupationText.activitiesFile)"))
                continue
            }
            taskActivities[id, default: []].append(title)
        }
        var tasks: [String: [OccupationText.Task]] = [:]
        if let rows = table(OccupationText.tasksFile, OccupationText.tasksHeader)?.rows {
            for row in rows where isDetailed(row[1], OccupationText.tasksFile, row.line) {
                guard let id = Int(row[2]) else {
                    diagnostics.append(Diagnostic(file: OccupationText.tasksFile, line: row.line,
                                                  message: "task id '\(row[2])' is not a number"))
                    continue
                }
                if !row[4].isEmpty {
                    tasks[row[1], default: []].append(OccupationText.Task(
                        onetCode: row[0], id: id, type: row[3], text: row[4], activities: taskActivities[id] ?? []))
                }
            }
        }
        if !diagnostics.isEmpty { throw SOCGraphError.damagedGraph(diagnostics.sorted()) }
        return OccupationText(definitions: definitions, tasks: tasks)
    }

    /// The O*NET-SOC codes of the graph (`onet-occupations.tsv`), against which `socgraph text` checks the task
    /// files it reads.
    public func onetCodes() throws -> Set<String> {
        let table = try TSVTable.read(GraphFile.onetOccupations.name, in: directory,
                                      expecting: GraphFile.onetOccupations.header)
        return Set(table.rows.map { $0[0] })
    }
}
