import Foundation
import SOCGraph

/// SOC 2010 and ISCO-08 crosswalks and ESCO titles.
extension GraphTableBuilder {
    mutating func crosswalkFiles() -> [GraphTable] {
        [soc2010File(), iscoGroupsFile(), iscoSOC2010File(), escoFile()]
    }

    /// `soc-2010.tsv`: the BLS 2010 → 2018 crosswalk, marks as flags.
    mutating func soc2010File() -> GraphTable {
        let pairs = data.soc2010.pairs
        let yes = { (flag: Bool) in flag ? "yes" : "no" }
        note("soc-2010: \(pairs.count) pairs, \(Set(pairs.map(\.soc2010)).count) SOC 2010 codes, "
            + "\(Set(pairs.map(\.code)).count) SOC 2018 codes; \(Set(pairs.filter(\.split).map(\.soc2010)).count) "
            + "2010 codes marked split (#), \(Set(pairs.filter(\.merged).map(\.code)).count) 2018 codes marked (##); "
            + "2018 titles spelled otherwise than in the SOC 2018 structure (the code counts, soc.tsv keeps the "
            + "structure's title): \(data.soc2010.retitled.joined(separator: " "))")
        return GraphTable(path: "soc-2010.tsv", header: ["soc2010", "soc2010_title", "code", "split", "merged"],
                         rows: pairs.map { [$0.soc2010, $0.soc2010Title, $0.code, yes($0.split), yes($0.merged)] })
    }

    /// `isco-groups.tsv`: the ISCO-08 groups the crosswalk or ESCO names, with the ESCO export's English title
    /// (the crosswalk's own title for a group that export lacks).
    mutating func iscoGroupsFile() -> GraphTable {
        var groups: [String: (title: String, source: String)] = [:]
        for pair in data.isco.pairs where groups[pair.isco] == nil {
            groups[pair.isco] = data.esco.groups[pair.isco].map { ($0, "esco") } ?? (pair.iscoTitle, "bls-crosswalk")
        }
        for label in data.esco.labels where groups[label.isco] == nil {
            groups[label.isco] = (data.esco.groups[label.isco] ?? "", "esco")
        }
        let fallback = groups.filter { $0.value.source == "bls-crosswalk" }.keys.sorted()
        note("isco-groups: \(groups.count) ISCO-08 groups, titled from the ESCO export"
            + (fallback.isEmpty ? "" : " except \(fallback.joined(separator: " ")) (not in it: the crosswalk's title)"))
        return GraphTable(path: "isco-groups.tsv", header: ["isco", "title", "title_source"],
                         rows: groups.map { [$0.key, $0.value.title, $0.value.source] })
    }

    /// `isco-soc2010.tsv`: the BLS ISCO-08 × SOC 2010 pairs with the partial-match mark.
    mutating func iscoSOC2010File() -> GraphTable {
        let pairs = data.isco.pairs
        note("isco-soc2010: \(pairs.count) pairs (\(pairs.filter(\.partial).count) partial), "
            + "\(Set(pairs.map(\.isco)).count) ISCO-08 groups; \(data.isco.trimmedCodes) codes had spaces trimmed")
        return GraphTable(path: "isco-soc2010.tsv", header: ["isco", "soc2010", "partial"],
                         rows: pairs.map { [$0.isco, $0.soc2010, $0.partial ? "yes" : "no"] })
    }

    /// `esco.tsv`: ESCO occupation titles (preferred and alternative labels) with their ISCO-08 unit group.
    mutating func escoFile() -> GraphTable {
        let labels = data.esco.labels
        note("esco: \(Set(labels.map(\.code)).count) occupations, \(labels.filter(\.preferred).count) preferred "
            + "and \(labels.filter { !$0.preferred }.count) alternative labels; \(data.esco.tidiedLabels) labels "
            + "had spaces trimmed or closed up; repeated labels of one occupation written once")
        return GraphTable(path: "esco.tsv", header: ["esco_code", "isco", "label", "label_type"],
                         rows: labels.map { [$0.code, $0.isco, $0.label, $0.preferred ? "preferred" : "alternative"] })
    }
}
