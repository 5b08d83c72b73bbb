import Foundation
import SOCGraph

/// Turns the checked official data into the Graph/ files of Graph/README.md, collecting notes on every rule
/// applied (aggregates mapped, rows left out) so that nothing is dropped silently.
struct GraphTableBuilder {
    let data: OfficialData
    let soc: SOCIndex
    /// The reviewed curation tables, checked against `data`.
    let curation: CurationTables
    /// Technology Skills projected onto SOC detailed codes (`uses.tsv`).
    let socUses: [(code: String, technology: String, hot: Bool, inDemand: Bool)]
    private(set) var notes: [String] = []

    init(data: OfficialData, curation: CurationTables) {
        self.data = data
        self.curation = curation
        soc = SOCIndex(data.soc)
        socUses = Self.socUses(data.technology.uses)
    }

    mutating func note(_ text: String) { notes.append(text) }

    /// The SOC detailed code of an O*NET-SOC code: its first seven characters (the readers checked it exists).
    static func socCode(_ onetCode: String) -> String { String(onetCode.prefix(7)) }

    /// Every Graph/ file except the manifest, in a fixed order.
    mutating func graphFiles() -> [GraphTable] {
        [
            socFile(), onetOccupationsFile(), educationLevelsFile(),
        ] + employmentProjectionsFiles() + [
            jobZonesFile(), jobZoneNamesFile(), educationCategoriesFile(), educationDistributionFile(), relatedFile(),
            cipFile(), cipSOCFile(), designationsFile(),
        ] + technologyFiles() + [
            wagesFile(), titlesFile(), fieldsFile(),
        ] + crosswalkFiles() + alignmentFiles()
    }

    /// `alignments.tsv` and `alignment-evidence.tsv`: the `aligns-with` edges derived from the curation tables.
    mutating func alignmentFiles() -> [GraphTable] {
        typealias Profile = FieldAlignments.Profile
        var socTitles: [String: String] = [:]
        var socProfiles: [String: Profile] = [:]
        for group in data.soc.groups where group.level == .detailed {
            socTitles[group.code] = group.title
            socProfiles[group.code, default: Profile()].add(title: group.title)
        }
        for pair in data.crosswalk.pairs { socProfiles[pair.code, default: Profile()].programs.insert(pair.cip) }
        for use in socUses { socProfiles[use.code, default: Profile()].technologies[use.technology] = use.hot }
        for title in data.directMatch.titles { socProfiles[title.code, default: Profile()].add(title: title.title) }
        var specialtyProfiles: [String: Profile] = [:]
        let onetTitles = data.onet.occupations.map { ($0.onetCode, $0.title) }
            + data.alternateTitles.titles.map { ($0.onetCode, $0.title) }
            + data.reportedTitles.titles.map { ($0.onetCode, $0.title) }
        for (onetCode, title) in onetTitles {
            socProfiles[Self.socCode(onetCode), default: Profile()].add(title: title)
            if !onetCode.hasSuffix(".00") { specialtyProfiles[onetCode, default: Profile()].add(title: title) }
        }
        for use in data.technology.uses where !use.onetCode.hasSuffix(".00") {
            let hot = specialtyProfiles[use.onetCode]?.technologies[use.technology] ?? false
            specialtyProfiles[use.onetCode, default: Profile()].technologies[use.technology] = hot || use.hot
        }
        var onetOccupations: [String: Int] = [:]
        for occupation in data.onet.occupations {
            onetOccupations[occupation.code, default: 0] += occupation.onetCode.hasSuffix(".00") ? 2 : 1
        }
        let alignments = FieldAlignments(socProfiles: socProfiles, specialtyProfiles: specialtyProfiles,
                                         socTitles: socTitles, onetOccupations: onetOccupations, curation: curation)
        note(alignments.summary)
        return [alignments.alignmentsFile, alignments.evidenceFile]
    }

    /// The verbatim prose for `text/` (written only with `--with-text`).
    func textFiles() -> [GraphTable] {
        TextLayer.tables(soc: data.soc, tasks: data.tasks, activities: data.activities)
    }

    // MARK: - SOC and O*NET occupations

    mutating func socFile() -> GraphTable {
        let counts = SOCLevel.allCases.map { level in
            "\(data.soc.groups.filter { $0.level == level }.count) \(level.rawValue)"
        }
        note("soc: \(counts.joined(separator: ", ")); parent taken from the published order where the code pattern "
            + "points to no group: \(data.soc.patternExceptions.joined(separator: " "))")
        return GraphTable(path: "soc.tsv", header: ["code", "level", "title", "parent"],
                         rows: data.soc.groups.map { [$0.code, $0.level.rawValue, $0.title, $0.parent ?? ""] })
    }

    func onetOccupationsFile() -> GraphTable {
        GraphTable(path: "onet-occupations.tsv", header: ["onet_code", "code", "title"],
                  rows: data.onet.occupations.map { [$0.onetCode, $0.code, $0.title] })
    }

    func titlesFile() -> GraphTable {
        var rows = data.soc.groups.map { [$0.code, $0.title, "soc"] }
        rows += data.directMatch.titles.map {
            [$0.code, $0.title, $0.illustrative ? "direct-match-illustrative" : "direct-match"]
        }
        rows += data.onet.occupations.map { [$0.code, $0.title, "onet"] }
        rows += data.alternateTitles.titles.map { [Self.socCode($0.onetCode), $0.title, "onet-alternate"] }
        rows += data.reportedTitles.titles.map { [Self.socCode($0.onetCode), $0.title, "onet-reported"] }
        return GraphTable(path: "titles.tsv", header: ["code", "title", "source"], rows: rows)
    }

    // MARK: - Related occupations

    /// Projects O*NET pairs onto SOC detailed pairs: same-SOC pairs dropped; of several O*NET pairs with one SOC
    /// pair the lowest index wins, ties broken by the O*NET codes (bytewise) so the choice is reproducible.
    mutating func relatedFile() -> GraphTable {
        var best: [String: RelatedOccupationsSource.Pair] = [:]
        var sameSOC = 0, ties = 0
        for pair in data.related.pairs {
            let from = Self.socCode(pair.onetCode), to = Self.socCode(pair.relatedONetCode)
            if from == to { sameSOC += 1; continue }
            let key = from + " " + to
            guard let current = best[key] else { best[key] = pair; continue }
            if pair.index == current.index { ties += 1 }
            if Self.precedes(pair, current) { best[key] = pair }
        }
        note("related: \(data.related.pairs.count) O*NET pairs; \(sameSOC) within one SOC detailed code dropped; "
            + "\(best.count) SOC pairs kept (\(ties) index ties broken by O*NET code)")
        let rows = best.values.map { pair in
            [Self.socCode(pair.onetCode), Self.socCode(pair.relatedONetCode), pair.tier.rawValue,
             String(pair.index), pair.onetCode, pair.relatedONetCode]
        }
        return GraphTable(path: "related.tsv",
                         header: ["code", "related", "tier", "index", "onet_code", "related_onet_code"], rows: rows)
    }

    static func precedes(_ a: RelatedOccupationsSource.Pair, _ b: RelatedOccupationsSource.Pair) -> Bool {
        if a.index != b.index { return a.index < b.index }
        if a.onetCode != b.onetCode { return a.onetCode.utf8.lexicographicallyPrecedes(b.onetCode.utf8) }
        return a.relatedONetCode.utf8.lexicographicallyPrecedes(b.relatedONetCode.utf8)
    }

    // MARK: - Technologies and fields

    /// Technology Skills projected onto SOC detailed codes: one use per (code, technology), flagged hot or in
    /// demand if any O*NET-SOC code under the detailed code flags it so.
    static func socUses(_ uses: [TechnologySkillsSource.Use]) -> [(code: String, technology: String, hot: Bool, inDemand: Bool)] {
        var flags: [String: (hot: Bool, inDemand: Bool)] = [:]
        var key: [String: (code: String, technology: String)] = [:]
        for use in uses {
            let code = socCode(use.onetCode)
            let id = code + "\t" + use.technology
            let old = flags[id] ?? (false, false)
            flags[id] = (old.hot || use.hot, old.inDemand || use.inDemand)
            key[id] = (code, use.technology)
        }
        return flags.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.compactMap { id in
            guard let key = key[id], let flag = flags[id] else { return nil }
            return (key.code, key.technology, flag.hot, flag.inDemand)
        }
    }

    func technologyFiles() -> [GraphTable] {
        let yes = { (flag: Bool) in flag ? "yes" : "no" }
        return [
            GraphTable(path: "technologies.tsv", header: ["technology", "commodity_code", "commodity_title"],
                      rows: data.technology.uses.map { [$0.technology, $0.commodityCode, $0.commodityTitle] }),
            GraphTable(path: "uses.tsv", header: ["code", "technology", "hot", "in_demand"],
                      rows: socUses.map { [$0.code, $0.technology, yes($0.hot), yes($0.inDemand)] }),
        ]
    }

    func fieldsFile() -> GraphTable {
        GraphTable(path: "fields.tsv", header: ["id", "framework", "number", "name"],
                  rows: data.cet.categories.map { [$0.id, $0.framework.rawValue, String($0.number), $0.name] })
    }
}
