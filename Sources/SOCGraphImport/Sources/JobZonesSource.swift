import Foundation
import SOCGraph

/// Reads O*NET Job Zones (the zone of each rated O*NET-SOC code) and Job Zone Reference (the zones that exist).
/// Since O*NET 30.0 zones 1 and 2 are one level, "Job Zone 1-2", coded 2: the zones and their labels are taken
/// from the reference as published, never assumed to be 1–5.
public struct JobZonesSource: Sendable {
    public static let file = OfficialFile.onetJobZones
    public static let referenceFile = OfficialFile.onetJobZoneReference

    public struct Rating: Sendable, Equatable {
        public let onetCode: String
        public let jobZone: Int
    }

    public let ratings: [Rating]
    /// Zone number → name as published ("Job Zone Five: Extensive Preparation Needed").
    public let zones: [Int: String]

    /// The zone's short label from its published name: `1-2` for "Job Zone 1-2: …", `5` for "Job Zone Five: …";
    /// nil for a name of another shape.
    public static func label(ofName name: String) -> String? {
        guard name.hasPrefix("Job Zone "), let colon = name.firstIndex(of: ":") else { return nil }
        let text = name[name.index(name.startIndex, offsetBy: 9)..<colon]
        let words = ["One": "1", "Two": "2", "Three": "3", "Four": "4", "Five": "5"]
        if let digit = words[String(text)] { return digit }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }) else {
            return nil
        }
        return String(text)
    }

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
                let name = try reference.string(row, "Name")
                guard let label = label(ofName: name), label.split(separator: "-").last == Substring(String(zone))
                else {
                    throw SOCGraphError.sourceProblem(
                        "name '\(name)' in \(reference.location(row, "Name")) is not 'Job Zone N: …' for zone \(zone)")
                }
                zones[zone] = name
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
