import Foundation
import SOCGraph

/// A level of the SOC 2018 hierarchy.
public enum SOCLevel: String, CaseIterable, Sendable {
    case major, minor, broad, detailed

    /// How many leading characters a code shares with its parent however the parent is numbered: a detailed code
    /// its broad group's `NN-NN`, a broad group its minor group's `NN-N`, a minor group its major group's `NN`.
    var sharedPrefix: Int {
        switch self {
        case .major: return 0
        case .minor: return 2
        case .broad: return 4
        case .detailed: return 5
        }
    }

    /// The level one up, nil for major groups.
    var parentLevel: SOCLevel? {
        switch self {
        case .major: return nil
        case .minor: return .major
        case .broad: return .minor
        case .detailed: return .broad
        }
    }
}

/// One SOC 2018 code as published in the structure file.
public struct SOCGroup: Sendable, Equatable {
    public let code: String
    public let level: SOCLevel
    public let title: String
    /// The group one level up; nil for major groups.
    public let parent: String?
    /// The SOC definition (detailed occupations only); verbatim prose, written only to Graph/text/.
    public let definition: String?
}

/// Reads the BLS "2018 SOC structure and definitions" workbook: every major, minor, broad and detailed code.
///
/// The parent of a code is the group one level up that precedes it in the published order, checked against the
/// code pattern (detailed `15-1252` → broad `15-1250`, broad → minor `15-1200` or `15-1000`, minor → major
/// `15-0000`). Where the pattern's parent does not exist (the physicians `29-1221`…`29-1229` sit in broad group
/// `29-1210`), the published position is used, provided it shares the code's leading digits (`29-12`), and the
/// code is listed in `patternExceptions`. Any other disagreement is a problem.
public struct SOCStructureSource: Sendable {
    public static let file = OfficialFile.socDefinitions
    static let columns = ["SOC Group", "SOC Code", "SOC Title", "SOC Definition"]

    /// In published order.
    public let groups: [SOCGroup]
    /// Codes whose parent is not the one their code pattern suggests (see the type's comment).
    public let patternExceptions: [String]

    public static func read(from directory: SourceDirectory) throws -> SOCStructureSource {
        let workbook = try directory.workbook(file)
        let table = try XLSXTable(sheet: workbook.sheet(at: 0), requiredColumns: columns)
        var problems = SourceProblems()
        var published: [(row: XLSXRow, code: String, level: SOCLevel, title: String, definition: String?)] = []
        for row in table.dataRows where !row.isEmpty {
            try problems.attempt {
                let levelText = try table.string(row, "SOC Group")
                guard let level = SOCLevel(rawValue: levelText.lowercased()) else {
                    throw SOCGraphError.sourceProblem(
                        "unknown level '\(levelText)' in \(table.location(row, "SOC Group")); "
                            + "expected Major, Minor, Broad or Detailed")
                }
                let code = try table.string(row, "SOC Code")
                guard CodeFormat.isSOC(code), Self.shapeFits(code, level) else {
                    throw SOCGraphError.sourceProblem(
                        "'\(code)' is not a \(level.rawValue) SOC code in \(table.location(row, "SOC Code"))")
                }
                let title = try table.string(row, "SOC Title")
                published.append((row, code, level, title, table.optionalString(row, "SOC Definition")))
            }
        }

        var levels: [String: SOCLevel] = [:]
        for entry in published {
            if levels[entry.code] != nil {
                problems.record("duplicate code '\(entry.code)' in \(table.location(entry.row, "SOC Code"))")
            }
            levels[entry.code] = entry.level
        }

        var groups: [SOCGroup] = []
        var exceptions: [String] = []
        var latest: [SOCLevel: String] = [:]
        for entry in published {
            latest[entry.level] = entry.code
            var parent: String?
            if let parentLevel = entry.level.parentLevel {
                let patternParent = Self.patternParents(of: entry.code, level: entry.level)
                    .first { levels[$0] == parentLevel }
                let positionParent = latest[parentLevel]
                    .flatMap { $0.prefix(2) == entry.code.prefix(2) ? $0 : nil }
                switch (patternParent, positionParent) {
                case let (pattern?, position) where pattern == position:
                    parent = pattern
                case let (nil, position?) where position.prefix(entry.level.sharedPrefix) == entry.code.prefix(entry.level.sharedPrefix):
                    parent = position
                    exceptions.append(entry.code)
                default:
                    problems.record(
                        "\(table.location(entry.row, "SOC Code")): '\(entry.code)' follows "
                            + "\(positionParent.map { "'\($0)'" } ?? "no \(parentLevel.rawValue) group") but its code "
                            + "points to \(patternParent.map { "'\($0)'" } ?? "no existing group"); is the file sorted?")
                }
            }
            groups.append(SOCGroup(
                code: entry.code, level: entry.level, title: entry.title, parent: parent,
                definition: entry.level == .detailed ? entry.definition : nil))
        }
        if groups.isEmpty && problems.isEmpty { problems.record("\(table.file): no SOC codes below the header row \(table.headerRow)") }
        try problems.throwIfAny()
        return SOCStructureSource(groups: groups, patternExceptions: exceptions)
    }

    /// Major `NN-0000`, minor `NN-NN00`/`NN-N000`, broad `NN-NNN0`, detailed anything else.
    static func shapeFits(_ code: String, _ level: SOCLevel) -> Bool {
        let digits = Array(code.utf8.dropFirst(3))
        let zeros = digits.reversed().prefix { $0 == UInt8(ascii: "0") }.count
        switch level {
        case .major: return zeros == 4
        case .minor: return zeros == 2 || zeros == 3
        case .broad: return zeros == 1
        case .detailed: return zeros == 0
        }
    }

    /// The parents the code pattern suggests, most specific first.
    static func patternParents(of code: String, level: SOCLevel) -> [String] {
        let characters = Array(code)
        func replacingTail(keeping count: Int) -> String {
            String(characters.prefix(count)) + String(repeating: "0", count: characters.count - count)
        }
        switch level {
        case .major: return []
        case .minor: return [replacingTail(keeping: 3)]
        case .broad: return [replacingTail(keeping: 5), replacingTail(keeping: 4)]
        case .detailed: return [replacingTail(keeping: 6)]
        }
    }
}

/// The SOC 2018 hierarchy indexed for the cross-checks of the other sources.
struct SOCIndex: Sendable {
    let groups: [String: SOCGroup]
    /// The detailed codes under each broad group, sorted.
    let detailedByBroad: [String: [String]]
    let detailedCodes: Set<String>

    init(_ source: SOCStructureSource) {
        groups = Dictionary(source.groups.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        var byBroad: [String: [String]] = [:]
        for group in source.groups where group.level == .detailed {
            if let parent = group.parent { byBroad[parent, default: []].append(group.code) }
        }
        detailedByBroad = byBroad.mapValues { $0.sorted() }
        detailedCodes = Set(source.groups.filter { $0.level == .detailed }.map(\.code))
    }

    func level(of code: String) -> SOCLevel? { groups[code]?.level }
}
