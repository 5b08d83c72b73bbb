import Foundation
import SOCGraph

/// Reads the BLS 2010 SOC to 2018 SOC crosswalk. `(#)` after a 2010 title marks a 2010 code split across several
/// 2018 codes; `(##)` after a 2018 title marks a 2018 code formed from several 2010 codes. The marks are read into
/// flags and taken off the titles.
public struct SOC2010CrosswalkSource: Sendable {
    public static let file = OfficialFile.soc2010Crosswalk
    static let columns = ["2010 SOC Code", "2010 SOC Title", "2018 SOC Code", "2018 SOC Title"]

    public struct Pair: Sendable, Equatable {
        public let soc2010: String
        public let soc2010Title: String
        public let code: String
        /// The 2010 title carries `(#)`.
        public let split: Bool
        /// The 2018 title carries `(##)`.
        public let merged: Bool
    }

    public let pairs: [Pair]
    /// 2018 codes whose title in the crosswalk differs from the SOC 2018 structure's (spelling, capitals,
    /// apostrophes): the code is what counts; the import's note lists them.
    public let retitled: [String]

    /// `soc`: the SOC 2018 structure; every 2018 code must be one of its detailed codes.
    public static func read(from directory: SourceDirectory, soc: SOCStructureSource) throws -> SOC2010CrosswalkSource {
        let table = try XLSXTable(sheet: directory.workbook(file).sheet(at: 0), requiredColumns: columns)
        let titles = Dictionary(soc.groups.filter { $0.level == .detailed }.map { ($0.code, $0.title) },
                                uniquingKeysWith: { first, _ in first })
        var problems = SourceProblems()
        var pairs: [Pair] = []
        var seen: Set<String> = [], titlesOf2010: [String: String] = [:], retitled: Set<String> = []
        for row in table.dataRows where !row.isEmpty {
            try problems.attempt {
                let old = try table.string(row, "2010 SOC Code"), new = try table.string(row, "2018 SOC Code")
                guard CodeFormat.isSOC(old) else {
                    throw SOCGraphError.sourceProblem(
                        "'\(old)' is not a SOC code (NN-NNNN) in \(table.location(row, "2010 SOC Code"))")
                }
                let (oldTitle, split) = marked(try table.string(row, "2010 SOC Title"), "(#)")
                let (newTitle, merged) = marked(try table.string(row, "2018 SOC Title"), "(##)")
                guard let title = titles[new] else {
                    throw SOCGraphError.sourceProblem(
                        "'\(new)' is not a SOC 2018 detailed code in \(table.location(row, "2018 SOC Code"))")
                }
                if title != newTitle { retitled.insert(new) }
                guard seen.insert(old + " " + new).inserted else {
                    throw SOCGraphError.sourceProblem(
                        "pair \(old) → \(new) listed twice in \(table.location(row, "2010 SOC Code"))")
                }
                if let earlier = titlesOf2010.updateValue(oldTitle, forKey: old), earlier != oldTitle {
                    throw SOCGraphError.sourceProblem(
                        "2010 code \(old) has two titles ('\(earlier)', '\(oldTitle)') in "
                            + table.location(row, "2010 SOC Title"))
                }
                pairs.append(Pair(soc2010: old, soc2010Title: oldTitle, code: new, split: split, merged: merged))
            }
        }
        try problems.throwIfAny()
        return SOC2010CrosswalkSource(pairs: pairs, retitled: retitled.sorted())
    }

    /// `("Web Developers", true)` for `"Web Developers (#)"` and mark `(#)`.
    static func marked(_ title: String, _ mark: String) -> (String, Bool) {
        let trimmed = title.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasSuffix(" " + mark) else { return (trimmed, false) }
        return (String(trimmed.dropLast(mark.count + 1)), true)
    }
}

/// Reads the BLS ISCO-08 to 2010 SOC crosswalk (the first sheet of the published .xls, extracted as TSV): ISCO-08
/// groups paired with SOC 2010 detailed codes, `*` in `part` marking a partial match. Codes carrying a trailing
/// space in the .xls are trimmed (the import's note counts them); two rows pair a three-digit ISCO minor group.
public struct ISCOCrosswalkSource: Sendable {
    public static let file = OfficialFile.iscoSOCCrosswalk
    /// The published workbook, pinned in the manifest; its first sheet is what `file` holds.
    public static let workbookFile = OfficialFile.iscoSOCCrosswalkWorkbook

    public struct Pair: Sendable, Equatable {
        public let isco: String
        /// The ISCO-08 title as the crosswalk writes it.
        public let iscoTitle: String
        public let soc2010: String
        public let partial: Bool
    }

    public let pairs: [Pair]
    /// How many codes had spaces around them.
    public let trimmedCodes: Int

    /// `soc2010Codes`: the 2010 codes of the SOC 2010 to 2018 crosswalk; a row naming any other is a problem.
    public static func read(from directory: SourceDirectory, soc2010Codes: Set<String>) throws -> ISCOCrosswalkSource {
        _ = try directory.bytes(of: workbookFile)  // present, so that the manifest can pin it
        let tsv = try directory.tsv(file)
        let isco = try tsv.column("isco08_code"), title = try tsv.column("isco08_title")
        let part = try tsv.column("part"), soc = try tsv.column("soc2010_code")
        var problems = SourceProblems()
        var pairs: [Pair] = [], seen: Set<String> = []
        var trimmed = 0
        for row in tsv.rows {
            let group = row.fields[isco].trimmingCharacters(in: .whitespaces)
            let code = row.fields[soc].trimmingCharacters(in: .whitespaces)
            if group != row.fields[isco] { trimmed += 1 }
            if code != row.fields[soc] { trimmed += 1 }
            guard (3...4).contains(group.count), group.allSatisfy({ $0.isASCII && $0.isNumber }) else {
                problems.record("'\(row.fields[isco])' is not an ISCO-08 unit or minor group in "
                                + tsv.location(line: row.line, column: "isco08_code"))
                continue
            }
            guard soc2010Codes.contains(code) else {
                problems.record("'\(code)' is not a 2010 code of \(SOC2010CrosswalkSource.file.path) in "
                                + tsv.location(line: row.line, column: "soc2010_code"))
                continue
            }
            guard ["", "*"].contains(row.fields[part]) else {
                problems.record("unexpected mark '\(row.fields[part])' in \(tsv.location(line: row.line, column: "part"))"
                                + "; expected * or nothing")
                continue
            }
            guard seen.insert(group + " " + code).inserted else {
                problems.record("pair \(group) – \(code) listed twice in \(tsv.location(line: row.line, column: "isco08_code"))")
                continue
            }
            pairs.append(Pair(isco: group, iscoTitle: row.fields[title].trimmingCharacters(in: .whitespaces),
                              soc2010: code, partial: row.fields[part] == "*"))
        }
        try problems.throwIfAny()
        return ISCOCrosswalkSource(pairs: pairs, trimmedCodes: trimmed)
    }
}

/// Reads ESCO v1.2 occupations (English) and the ISCO-08 group titles of the ESCO export. Only titles are kept:
/// each occupation's code, ISCO-08 unit group, preferred label and alternative labels; descriptions are never read
/// into the graph. Labels are trimmed and runs of spaces closed up (the import's note counts them).
public struct ESCOSource: Sendable {
    public static let file = OfficialFile.escoOccupations
    public static let groupsFile = OfficialFile.escoISCOGroups

    public struct Label: Sendable, Equatable {
        /// The ESCO occupation code (`2512.4`).
        public let code: String
        public let isco: String
        public let label: String
        public let preferred: Bool
    }

    public let labels: [Label]
    /// ISCO-08 group code → English title.
    public let groups: [String: String]
    /// Labels whose spacing was tidied.
    public let tidiedLabels: Int

    public static func read(from directory: SourceDirectory) throws -> ESCOSource {
        var problems = SourceProblems()
        let groupsCSV = try directory.csv(groupsFile)
        let groupCode = try groupsCSV.column("code"), groupLabel = try groupsCSV.column("preferredLabel")
        var groups: [String: String] = [:]
        for row in groupsCSV.rows {
            let code = row.fields[groupCode], title = tidy(row.fields[groupLabel])
            guard (1...4).contains(code.count), code.allSatisfy({ $0.isASCII && $0.isNumber }), !title.isEmpty,
                  groups.updateValue(title, forKey: code) == nil
            else {
                problems.record("bad or repeated ISCO group '\(code)' in \(groupsCSV.file), line \(row.line)")
                continue
            }
        }
        try problems.throwIfAny()

        let csv = try directory.csv(file)
        let code = try csv.column("code"), isco = try csv.column("iscoGroup")
        let preferred = try csv.column("preferredLabel"), alternatives = try csv.column("altLabels")
        var labels: [Label] = [], codes: Set<String> = []
        var tidied = 0
        for row in csv.rows {
            let occupation = row.fields[code], group = row.fields[isco]
            guard !occupation.isEmpty, codes.insert(occupation).inserted else {
                problems.record("empty or repeated ESCO code '\(occupation)' in \(csv.file), line \(row.line)")
                continue
            }
            guard group.count == 4, groups[group] != nil, occupation.hasPrefix(group + ".") else {
                problems.record("ISCO group '\(group)' of ESCO occupation \(occupation) in \(csv.file), line "
                                + "\(row.line) is not a unit group of \(groupsFile.path) or not the start of its code")
                continue
            }
            guard !tidy(row.fields[preferred]).isEmpty else {
                problems.record("ESCO occupation \(occupation) in \(csv.file), line \(row.line) has no preferred label")
                continue
            }
            let raw = [(row.fields[preferred], true)]
                + row.fields[alternatives].split(separator: "\n").map { (String($0), false) }
            var seen: Set<String> = []
            for (text, isPreferred) in raw {
                let label = tidy(text)
                if label != text { tidied += 1 }
                guard !label.isEmpty, seen.insert(label).inserted else { continue }
                labels.append(Label(code: occupation, isco: group, label: label, preferred: isPreferred))
            }
        }
        try problems.throwIfAny()
        return ESCOSource(labels: labels, groups: groups, tidiedLabels: tidied)
    }

    /// Trimmed, every run of white space one space.
    static func tidy(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
