import Foundation
import Testing

/// `socgraph diff` between the fixture graph and a copy with one change of every kind the report lists.
@Suite("socgraph diff")
struct DiffCommandTests {
    /// A directory holding `old` (the fixture graph) and `new` (the fixture with the edits of `edit(_:)`), so that
    /// the report names them `old` and `new`. The caller removes it.
    static func graphs() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("socgraph-diff-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: false)
        for name in ["old", "new"] {
            try FileManager.default.moveItem(at: try CLI.fixtureCopy(), to: root.appendingPathComponent(name))
        }
        try edit(root.appendingPathComponent("new"))
        return root
    }

    /// Every file stays sorted and consistent: the alignment rows keep their counts, strengths and evidence true to
    /// the rule, so that the edited graph loads.
    static func edit(_ graph: URL) throws {
        func replace(_ file: String, _ old: String, _ new: String) throws {
            let url = graph.appendingPathComponent(file)
            let text = try String(contentsOf: url, encoding: .utf8)
            #expect(text.contains(old + "\n"), "\(file) has no line \(old)")
            try text.replacingOccurrences(of: old + "\n", with: new.isEmpty ? "" : new + "\n")
                .write(to: url, atomically: true, encoding: .utf8)
        }
        try replace("soc.tsv", "15-2051\tdetailed\tData Scientists\t15-2050",
                    "15-2051\tdetailed\tData Scientists and Analysts\t15-2050")
        try replace("entry-education.tsv", "15-1252\tbachelor\tNone\tNone\t15-1252", "15-1252\tmaster\tNone\tNone\t15-1252")
        try replace("job-zones.tsv", "15-1253.00\t15-1253\t4", "15-1253.00\t15-1253\t3")
        try replace("related.tsv", "15-2051\t15-1252\tsupplemental\t12\t15-2051.01\t15-1252.00",
                    "15-2051\t15-1253\tsupplemental\t12\t15-2051.01\t15-1253.00")
        try replace("wages.tsv", "15-1221\t15-1221\t37200\t153930\t82200\t103570\t140300\t188700\t230630\t67.45\t",
                    "15-1221\t15-1221\t37200\t153930\t82200\t103570\t145000\t188700\t230630\t67.45\t")
        // Removed: 15-1253's incidental advanced-computing alignment. Changed: 15-2051 advanced-computing loses one
        // of its 4 programs of 35 (3/35, weighed half: 0.06 → 0.04; still substantial by its direct link). Added: a
        // curated direct link of 15-1253 to quantum information (substantial, 0.00), and so to the CHIPS focus area
        // that includes it.
        try replace("alignments.tsv", "15-1253\tadvanced-computing\tincidental\t0.07\t2\t15\t0\t0\t551\t0\t68\t\t", "")
        try replace("alignment-evidence.tsv", "15-1253\tadvanced-computing\tprogram\t11.0701\t", "")
        try replace("alignment-evidence.tsv", "15-1253\tadvanced-computing\tprogram\t14.0901\t", "")
        try replace("alignments.tsv", "15-2051\tadvanced-computing\tsubstantial\t0.06\t4\t35\t0\t0\t372\t0\t78\tsubstantial\t",
                    "15-2051\tadvanced-computing\tsubstantial\t0.04\t3\t35\t0\t0\t372\t0\t78\tsubstantial\t")
        try replace("alignment-evidence.tsv", "15-2051\tadvanced-computing\tprogram\t30.3001\t", "")
        let quantum = "quantum-information-and-enabling-technologies", chips = "quantum-information-science-and-technology"
        let hpc = "15-1253\thigh-performance-computing-semiconductors-and-advanced-computer-hardware-and-software\t"
        try replace("alignments.tsv", hpc + "incidental\t0.07\t2\t15\t0\t0\t551\t0\t68\t\t",
                    hpc + "incidental\t0.07\t2\t15\t0\t0\t551\t0\t68\t\t\n"
                        + "15-1253\t\(quantum)\tsubstantial\t0.00\t0\t15\t0\t0\t551\t0\t68\tsubstantial\t\n"
                        + "15-1253\t\(chips)\tsubstantial\t0.00\t0\t15\t0\t0\t551\t0\t68\tsubstantial\t")
        try replace("alignment-evidence.tsv", hpc + "program\t14.0901\t",
                    hpc + "program\t14.0901\t\n15-1253\t\(quantum)\tdirect\t\t\n15-1253\t\(chips)\tdirect\t\t")
        // The curation row, in its sorted place.
        let curation = graph.appendingPathComponent("curation/occupation-fields.tsv")
        var lines = try String(contentsOf: curation, encoding: .utf8).split(separator: "\n").map(String.init)
        lines.append("15-1253\t\(quantum)\tsubstantial\tCET 2024 Quantum Information Technologies: quantum software "
                     + "(test fixture)")
        lines[1...].sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        try (lines.joined(separator: "\n") + "\n").write(to: curation, atomically: true, encoding: .utf8)
        try replace("designations.tsv", "29-1123\tstem\t29-1123.00 Research, Development, Design, and Practitioners", "")
    }

    /// `socgraph diff old new arguments` run in `root`.
    func diff(_ root: URL, _ arguments: [String] = []) throws -> HardenedResult {
        try HardenedCLI.run(["diff", "old", "new"] + arguments, directory: root)
    }

    @Test func tableHeaderSummaryAndEveryChange() throws {
        let root = try Self.graphs()
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try diff(root)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr == "")
        let expected = """
            Changes from old to new
            Data: the same vintages in both graphs
            Unchanged: CET list Feb 2024 · NCES CIP 2020 · DHS STEM list July 2024 · EP
            2024–34 · OEWS May 2025 · O*NET 30.2 · O*NET OnLine 2022 · SOC 2018

            Summary
              Detailed codes compared         7
              Codes with changes              5
                SOC title                     1
                Typical entry education       1
                O*NET Job Zone                1
                Related occupations           1
                National-interest alignments  2
                STEM and Schedule A           1
                OEWS annual median wage       1
              Only in the old graph           0
              Only in the new graph           0

            15-1221  Computer and Information Research Scientists
              OEWS annual median wage  $140,300 → $145,000

            15-1252  Software Developers
              Typical entry education  Bachelor's degree → Master's degree

            15-1253  Software Quality Assurance Analysts and Testers
              O*NET Job Zone  4 → 3
              National-interest alignments
                field                                          change   grade, strength
                ---------------------------------------------  -------  --------------------
                advanced-computing                             removed  incidental 0.07 → —
                quantum-information-and-enabling-technologies  added    — → substantial 0.00
                quantum-information-science-and-technology     added    — → substantial 0.00

            15-2051  Data Scientists and Analysts
              SOC title  Data Scientists → Data Scientists and Analysts
              Related occupations
                added    15-1253  Software Quality Assurance Analysts and Testers
                removed  15-1252  Software Developers
              National-interest alignments
                field               change   grade, strength
                ------------------  -------  -----------------------------------
                advanced-computing  changed  substantial 0.06 → substantial 0.04

            29-1123  Physical Therapists
              STEM and Schedule A
                removed  STEM occupation (O*NET OnLine STEM occupations)

            Sources: CET list Feb 2024 · NCES CIP 2020 · DHS STEM list July 2024 ·
              EP 2024–34 · OEWS May 2025 · O*NET 30.2 (CC BY 4.0) ·
              O*NET OnLine 2022 (CC BY 4.0) · SOC 2018

            """
        #expect(result.stdout == expected)
    }

    /// An alignment state of the JSON report as `grade strength`.
    func state(_ value: Any?) -> String? {
        guard let object = value as? [String: Any], let grade = object["grade"] as? String,
              let strength = object["strength"] as? Double else { return nil }
        return "\(grade) \(strength)"
    }

    @Test func jsonKeysAndEveryChange() throws {
        let root = try Self.graphs()
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try diff(root, ["--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["old", "new", "vintageChanges", "summary", "changes", "onlyInOld", "onlyInNew",
                                     "sources"])
        #expect((object["old"] as? [String: Any])?["graph"] as? String == "old")
        #expect(((object["new"] as? [String: Any])?["vintages"] as? [String])?.contains("O*NET 30.2") == true)
        #expect((object["vintageChanges"] as? [Any])?.isEmpty == true)
        let summary = try #require(object["summary"] as? [String: Any])
        #expect(summary["compared"] as? Int == 7)
        #expect(summary["changed"] as? Int == 5)
        #expect(summary["aspects"] as? [String: Int] == ["title": 1, "entryEducation": 1, "jobZone": 1, "related": 1,
                                                         "alignments": 2, "designations": 1, "wages": 1])
        let changes = try #require(object["changes"] as? [[String: Any]])
        #expect(changes.compactMap { $0["code"] as? String } == ["15-1221", "15-1252", "15-1253", "15-2051", "29-1123"])
        func changed(_ code: String) throws -> [String: Any] {
            let entry = try #require(changes.first { $0["code"] as? String == code })
            let aspects = try #require(entry["changes"] as? [String: Any])
            #expect(aspects.count == 7, "every aspect has its key")
            return aspects.filter { !($0.value is NSNull) }
        }
        let wages = try #require(try changed("15-1221")["wages"] as? [String: [String: Any]])
        #expect(wages["old"]?["annualMedian"] as? Int == 140300)
        #expect(wages["new"]?["annualMedian"] as? Int == 145000)
        #expect(wages["new"]?["topCoded"] as? Bool == false)
        #expect(try changed("15-1252")["entryEducation"] as? [String: String] == ["old": "bachelor", "new": "master"])
        let qa = try changed("15-1253")
        #expect(Set(qa.keys) == ["jobZone", "alignments"])
        #expect(qa["jobZone"] as? [String: String] == ["old": "4", "new": "3"])
        let qaAlignments = try #require(qa["alignments"] as? [[String: Any]])
        #expect(qaAlignments.compactMap { $0["field"] as? String } == [
            "advanced-computing", "quantum-information-and-enabling-technologies",
            "quantum-information-science-and-technology",
        ])
        #expect(qaAlignments.compactMap { $0["change"] as? String } == ["removed", "added", "added"])
        let removed = qaAlignments[0]
        #expect(state(removed["old"]) == "incidental 0.07")
        #expect(removed["new"] is NSNull)
        let added = qaAlignments[1]
        #expect(Set(added.keys) == ["field", "name", "change", "old", "new"])
        #expect(added["name"] as? String == "Quantum Information and Enabling Technologies")
        #expect(added["old"] is NSNull)
        #expect(state(added["new"]) == "substantial 0.0")
        let scientists = try changed("15-2051")
        #expect(Set(scientists.keys) == ["title", "related", "alignments"])
        #expect(scientists["title"] as? [String: String] == ["old": "Data Scientists", "new": "Data Scientists and Analysts"])
        let related = try #require(scientists["related"] as? [String: [[String: Any]]])
        #expect(related["added"]?.compactMap { $0["code"] as? String } == ["15-1253"])
        #expect(related["removed"]?.compactMap { $0["code"] as? String } == ["15-1252"])
        let alignments = try #require(scientists["alignments"] as? [[String: Any]])
        #expect(alignments.compactMap { $0["field"] as? String } == ["advanced-computing"])
        #expect(alignments.compactMap { $0["change"] as? String } == ["changed"])
        #expect(state(alignments[0]["old"]) == "substantial 0.06")
        #expect(state(alignments[0]["new"]) == "substantial 0.04")
        let designations = try #require(try changed("29-1123")["designations"] as? [String: [[String: Any]]])
        #expect(designations["added"]?.isEmpty == true)
        #expect(designations["removed"]?.compactMap { $0["id"] as? String } == ["stem"])
    }

    @Test func tsvRowPerChange() throws {
        let root = try Self.graphs()
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try diff(root, ["--format", "tsv"])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = [
            "code\ttitle\taspect\titem\titem_title\tchange\told\tnew",
            "15-1221\tComputer and Information Research Scientists\twages\tannualMedian\t\tchanged\t140300\t145000",
            "15-1252\tSoftware Developers\tentryEducation\t\t\tchanged\tbachelor\tmaster",
            "15-1253\tSoftware Quality Assurance Analysts and Testers\tjobZone\t\t\tchanged\t4\t3",
            "15-1253\tSoftware Quality Assurance Analysts and Testers\talignments\tadvanced-computing\tAdvanced Computing\t"
                + "removed\tincidental 0.07\t",
            "15-1253\tSoftware Quality Assurance Analysts and Testers\talignments\tquantum-information-and-enabling-technologies\t"
                + "Quantum Information and Enabling Technologies\tadded\t\tsubstantial 0.00",
            "15-1253\tSoftware Quality Assurance Analysts and Testers\talignments\tquantum-information-science-and-technology\t"
                + "Quantum information science and technology\tadded\t\tsubstantial 0.00",
            "15-2051\tData Scientists and Analysts\ttitle\t\t\tchanged\tData Scientists\tData Scientists and Analysts",
            "15-2051\tData Scientists and Analysts\trelated\t15-1253\tSoftware Quality Assurance Analysts and Testers\tadded\t\t",
            "15-2051\tData Scientists and Analysts\trelated\t15-1252\tSoftware Developers\tremoved\t\t",
            "15-2051\tData Scientists and Analysts\talignments\tadvanced-computing\tAdvanced Computing\tchanged\t"
                + "substantial 0.06\tsubstantial 0.04",
            "29-1123\tPhysical Therapists\tdesignations\tstem\tSTEM occupation (O*NET OnLine STEM occupations)\tremoved\t\t",
        ]
        #expect(result.stdout == rows.joined(separator: "\n") + "\n")
    }

    @Test func codesRestrictTheReport() throws {
        let root = try Self.graphs()
        defer { try? FileManager.default.removeItem(at: root) }
        // A specialty stands for its detailed code, a group for the detailed codes under it.
        let result = try diff(root, ["15-2051.01", "29-0000", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect((object["summary"] as? [String: Any])?["compared"] as? Int == 3)
        let changes = try #require(object["changes"] as? [[String: Any]])
        #expect(changes.compactMap { $0["code"] as? String } == ["15-2051", "29-1123"])
        let unchanged = try diff(root, ["15-2041"])
        #expect(unchanged.status == 0, "\(unchanged.stderr)")
        #expect(unchanged.stdout.split(separator: "\n").contains { $0.hasPrefix("  Codes with changes") && $0.hasSuffix(" 0") })
        #expect(unchanged.stdout.contains("\nNo differences.\n"))
    }

    @Test func badCodesDirectoriesAndDamage() throws {
        let root = try Self.graphs()
        defer { try? FileManager.default.removeItem(at: root) }
        let unknown = try diff(root, ["15-2052"])
        #expect(unknown.status == 2)
        #expect(unknown.stdout == "")
        #expect(unknown.stderr.hasPrefix("socgraph: error: unknown code '15-2052'"), "\(unknown.stderr)")
        #expect(unknown.stderr.filter { $0 == "\n" }.count == 1)
        let missing = try HardenedCLI.run(["diff", "old", "newer"], directory: root)
        #expect(missing.status == 2)
        #expect(missing.stdout == "")
        #expect(missing.stderr.hasPrefix("socgraph: error: new graph directory 'newer' not found"), "\(missing.stderr)")
        #expect(missing.stderr.filter { $0 == "\n" }.count == 1)
        let related = root.appendingPathComponent("new/related.tsv")
        try (try String(contentsOf: related, encoding: .utf8) + "15-2051\t99-9999\tprimary-short\t2\t15-2051.00\t99-9999.00\n")
            .write(to: related, atomically: true, encoding: .utf8)
        let damaged = try diff(root)
        #expect(damaged.status == 3)
        #expect(damaged.stdout == "")
        #expect(damaged.stderr.hasPrefix("socgraph: error: damaged graph data in the new graph 'new' (2 problems): "
                                         + "related.tsv:13: "), "\(damaged.stderr)")
        #expect(damaged.stderr.hasSuffix("(run 'socgraph check --graph new' for all)\n"), "\(damaged.stderr)")
        let swapped = try HardenedCLI.run(["diff", "new", "old"], directory: root)
        #expect(swapped.status == 3)
        #expect(swapped.stderr.hasPrefix("socgraph: error: damaged graph data in the old graph 'new' "), "\(swapped.stderr)")
    }
}
