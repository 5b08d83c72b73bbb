import Foundation
import SOCGraph

/// Reads O*NET 29.3 Task Statements. The task sentences are verbatim prose: the importer writes them only to
/// Graph/text/ (`--with-text`), but always reads and checks the file so that the manifest pins it.
public struct TaskStatementsSource: Sendable {
    public static let file = OfficialFile.onetTaskStatements
    static let columns = ["O*NET-SOC Code", "Task ID", "Task", "Task Type"]

    public struct Task: Sendable, Equatable {
        public let onetCode: String
        public let taskID: Int
        /// `Core`, `Supplemental`, or empty when O*NET gives none.
        public let taskType: String
        public let text: String
    }

    public let tasks: [Task]

    /// `onetCodes`: the codes of Occupation Data; a row naming any other code is a problem.
    public static func read(from directory: SourceDirectory, onetCodes: Set<String>) throws -> TaskStatementsSource {
        let table = try XLSXTable(sheet: directory.workbook(file).sheet(at: 0), requiredColumns: columns)
        var problems = SourceProblems()
        var tasks: [Task] = []
        var seen: Set<Int> = []
        for row in table.dataRows where !row.isEmpty {
            try problems.attempt {
                let code = try ONetColumns.code(table, row, known: onetCodes)
                guard let id = try table.integer(row, "Task ID"), seen.insert(id).inserted else {
                    throw SOCGraphError.sourceProblem(
                        "missing or repeated task id '\(table.optionalString(row, "Task ID") ?? "")' in "
                            + "\(table.location(row, "Task ID"))")
                }
                let type = table.optionalString(row, "Task Type") ?? ""
                guard ["", "Core", "Supplemental"].contains(type) else {
                    throw SOCGraphError.sourceProblem(
                        "unknown task type '\(type)' in \(table.location(row, "Task Type")); expected Core or Supplemental")
                }
                tasks.append(Task(onetCode: code, taskID: id, taskType: type, text: try table.string(row, "Task")))
            }
        }
        try problems.throwIfAny()
        return TaskStatementsSource(tasks: tasks)
    }
}
