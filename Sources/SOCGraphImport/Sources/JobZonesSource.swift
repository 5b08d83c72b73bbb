import Foundation
import SOCGraph

/// Reads O*NET 29.3 Job Zones (the zone of each rated O*NET-SOC code) and Job Zone Reference (the zones that exist).
public struct JobZonesSource: Sendable {
    public static let file = OfficialFile.onetJobZones
    public static let referenceFile = OfficialFile.onetJobZoneReference

    public struct Rating: Sendable, Equatable {
        public let onetCode: String
        public let jobZone: Int
    }

    public let ratings: [Rating]
    /// Zone number → name ("Job Zone Five: Extensive Preparation Needed").
    public let zones: [Int: String]

    /// `onetCodes`: the codes of Occupation Data; a row naming any other code is a problem.
    public static func read(from directory: SourceDirectory, onetCodes: Set<String>) throws -> JobZonesSource {
        var problems = SourceProblems()
        let reference = try XLSXTable(
            sheet: directory.workbook(referenceFile).sheet(at: 0), requiredColumns: ["Job Zone", "Name"])
        var zones: [Int: String] = [:]
        for row in reference.dataRows where !row.isEmpty {
            try problems.attempt {
                guard let zone = try reference.integer(row, "Job Zone") else {
                    throw SOCGraphError.sourceProblem("empty value in \(reference.location(row, "Job Zone"))")
                }
                zones[zone] = try reference.string(row, "Name")
            }
        }
        try problems.throwIfAny()

        let table = try XLSXTable(
            sheet: directory.workbook(file).sheet(at: 0), requiredColumns: ["O*NET-SOC Code", "Job Zone"])
        var ratings: [Rating] = []
        var seen: Set<String> = []
        for row in table.dataRows where !row.isEmpty {
            try problems.attempt {
                let code = try ONetColumns.code(table, row, known: onetCodes)
                guard let zone = try table.integer(row, "Job Zone"), zones[zone] != nil else {
                    throw SOCGraphError.sourceProblem(
                        "job zone '\(table.optionalString(row, "Job Zone") ?? "")' in \(table.location(row, "Job Zone")) "
                            + "is not one of the zones in \(reference.file) (\(zones.keys.sorted().map(String.init).joined(separator: ", ")))")
                }
                guard seen.insert(code).inserted else {
                    throw SOCGraphError.sourceProblem("second job zone for '\(code)' in \(table.location(row, "O*NET-SOC Code"))")
                }
                ratings.append(Rating(onetCode: code, jobZone: zone))
            }
        }
        try problems.throwIfAny()
        return JobZonesSource(ratings: ratings, zones: zones)
    }
}
