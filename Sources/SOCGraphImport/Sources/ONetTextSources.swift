import Foundation
import SOCGraph

/// Reads O*NET Sample of Reported Titles: job titles incumbents reported for each O*NET-SOC code, with O*NET's flag
/// for the titles My Next Move shows. They join the search vocabulary (`titles.tsv`, source `onet-reported`).
public struct ReportedTitlesSource: Sendable {
    public static let file = OfficialFile.onetReportedTitles

    public struct Title: Sendable, Equatable {
        public let onetCode: String
        public let title: String
    }

    public let titles: [Title]

    /// `onetCodes`: the codes of Occupation Data; a row naming any other code is a problem.
    public static func read(from directory: SourceDirectory, onetCodes: Set<String>) throws -> ReportedTitlesSource {
        let table = try XLSXTable(
            sheet: directory.workbook(file).sheet(at: 0),
            requiredColumns: ["O*NET-SOC Code", "Reported Job Title", "Shown in My Next Move"])
        var problems = SourceProblems()
        var titles: [Title] = []
        for row in table.dataRows where !row.isEmpty {
            try problems.attempt {
                let code = try ONetColumns.code(table, row, known: onetCodes)
                _ = try ONetColumns.flag(table, row, "Shown in My Next Move")
                titles.append(Title(onetCode: code, title: try table.string(row, "Reported Job Title")))
            }
        }
        try problems.throwIfAny()
        return ReportedTitlesSource(titles: titles)
    }
}

/// Reads O*NET Tasks to DWAs and DWA Reference: which Detailed Work Activities each task statement belongs to, and
/// the DWA titles. DWA titles are O*NET prose: they are written only to Graph/text/, like the task statements.
public struct WorkActivitiesSource: Sendable {
    public static let file = OfficialFile.onetTasksToDWAs
    public static let referenceFile = OfficialFile.onetDWAReference

    public struct Activity: Sendable, Equatable {
        public let dwaID: String
        public let iwaID: String
        public let elementID: String
        public let title: String
    }

    public struct TaskLink: Sendable, Equatable {
        public let onetCode: String
        public let taskID: Int
        public let dwaID: String
    }

    /// Every DWA of DWA Reference, in file order.
    public let activities: [Activity]
    /// Every task–DWA pair of Tasks to DWAs, in file order.
    public let links: [TaskLink]

    /// `onetCodes` and `taskIDs`: the O*NET-SOC codes of Occupation Data and the ids of Task Statements; a row
    /// naming anything else, or a DWA that DWA Reference does not list, is a problem.
    public static func read(from directory: SourceDirectory, onetCodes: Set<String>, taskIDs: Set<Int>) throws
        -> WorkActivitiesSource
    {
        var problems = SourceProblems()
        let reference = try XLSXTable(
            sheet: directory.workbook(referenceFile).sheet(at: 0),
            requiredColumns: ["Element ID", "IWA ID", "DWA ID", "DWA Title"])
        var activities: [Activity] = []
        var known: Set<String> = []
        for row in reference.dataRows where !row.isEmpty {
            try problems.attempt {
                let id = try reference.string(row, "DWA ID")
                guard known.insert(id).inserted else {
                    throw SOCGraphError.sourceProblem("repeated DWA ID '\(id)' in \(reference.location(row, "DWA ID"))")
                }
                activities.append(Activity(
                    dwaID: id, iwaID: try reference.string(row, "IWA ID"),
                    elementID: try reference.string(row, "Element ID"), title: try reference.string(row, "DWA Title")))
            }
        }
        try problems.throwIfAny()

        let table = try XLSXTable(
            sheet: directory.workbook(file).sheet(at: 0), requiredColumns: ["O*NET-SOC Code", "Task ID", "DWA ID"])
        var links: [TaskLink] = []
        for row in table.dataRows where !row.isEmpty {
            try problems.attempt {
                let code = try ONetColumns.code(table, row, known: onetCodes)
                guard let task = try table.integer(row, "Task ID"), taskIDs.contains(task) else {
                    throw SOCGraphError.sourceProblem(
                        "task id '\(table.optionalString(row, "Task ID") ?? "")' in \(table.location(row, "Task ID")) "
                            + "is not in \(TaskStatementsSource.file.path)")
                }
                let dwa = try table.string(row, "DWA ID")
                guard known.contains(dwa) else {
                    throw SOCGraphError.sourceProblem(
                        "DWA ID '\(dwa)' in \(table.location(row, "DWA ID")) is not in \(referenceFile.path)")
                }
                links.append(TaskLink(onetCode: code, taskID: task, dwaID: dwa))
            }
        }
        try problems.throwIfAny()
        return WorkActivitiesSource(activities: activities, links: links)
    }
}
