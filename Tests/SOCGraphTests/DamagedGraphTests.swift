import Foundation
import Testing
@testable import SOCGraph

/// Each test damages a copy of the fixture one way and expects that problem, with its file and line, among the
/// diagnostics of both `check` and `load` (which never returns a partial graph).
@Suite("Damaged graphs")
struct DamagedGraphTests {
    /// Damages a copy, returns every diagnostic of `GraphValidator.check`, and checks that loading throws them.
    func damage(_ file: String, _ transform: @escaping (inout [String]) -> Void) throws -> [Diagnostic] {
        try damage { directory in try Fixture.edit(file, in: directory, transform) }
    }

    func damage(_ change: (URL) throws -> Void) throws -> [Diagnostic] {
        let directory = try Fixture.copy()
        defer { try? FileManager.default.removeItem(at: directory) }
        try change(directory)
        let diagnostics = Fixture.diagnostics(directory)
        #expect(!diagnostics.isEmpty)
        #expect(throws: SOCGraphError.damagedGraph(diagnostics)) {
            try GraphStore(directory: directory).load()
        }
        return diagnostics
    }

    func expect(_ diagnostics: [Diagnostic], file: String, line: Int, containing text: String,
                sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(diagnostics.contains { $0.file == file && $0.line == line && $0.message.contains(text) },
                "no '\(text)' at \(file):\(line) in \(diagnostics)", sourceLocation: sourceLocation)
    }

    @Test func truncatedRow() throws {
        let problems = try damage("related.tsv") { lines in lines[3] = lines[3].components(separatedBy: "\t")
            .prefix(3).joined(separator: "\t") }
        expect(problems, file: "related.tsv", line: 4, containing: "3 columns, expected 6")
    }

    @Test func truncatedFile() throws {
        let problems = try damage { directory in
            let url = directory.appendingPathComponent("wages.tsv")
            let data = try Data(contentsOf: url)
            try data.prefix(data.count - 20).write(to: url)
        }
        expect(problems, file: "wages.tsv", line: 8, containing: "does not end with a newline")
    }

    @Test func unknownCodeReference() throws {
        let problems = try damage("related.tsv") { lines in
            lines[2] = lines[2].replacingOccurrences(of: "\t15-2051\t", with: "\t15-2059\t")
        }
        expect(problems, file: "related.tsv", line: 3, containing: "related: unknown detailed occupation '15-2059'")
    }

    @Test func referenceToTheWrongKind() throws {
        let problems = try damage("cip-soc.tsv") { lines in
            lines[1] = lines[1].replacingOccurrences(of: "\t15-1221", with: "\t15-1220")
        }
        expect(problems, file: "cip-soc.tsv", line: 2,
               containing: "'15-1220' is a broad occupation, expected a detailed occupation")
    }

    @Test func badNumbers() throws {
        let problems = try damage("wages.tsv") { lines in
            lines[1] = lines[1].replacingOccurrences(of: "140300", with: "140,300")
            lines[2] = lines[2].replacingOccurrences(of: "65.38", with: "sixty")
        }
        expect(problems, file: "wages.tsv", line: 2, containing: "annual_median: '140,300' is not a whole number")
        expect(problems, file: "wages.tsv", line: 3, containing: "hourly_median: 'sixty' is not a number")
    }

    @Test func outOfRangeNumber() throws {
        let problems = try damage("job-zones.tsv") { lines in
            lines[1] = lines[1].replacingOccurrences(of: "\t5", with: "\t6")
        }
        expect(problems, file: "job-zones.tsv", line: 2, containing: "job_zone: 6 is not a zone of job-zone-names.tsv")
    }

    /// Every file of the SOC 2010 and ISCO-08 crosswalks, ESCO titles and Job Zone names: a damaged row is named
    /// with its file and line.
    @Test func crosswalkFilesNameTheDamagedRow() throws {
        let cases: [(file: String, line: Int, row: String, text: String)] = [
            ("soc-2010.tsv", 2, "15-1111\tComputer and Information Research Scientists\t15-9999\tno\tno",
             "code: unknown detailed occupation '15-9999'"),
            ("soc-2010.tsv", 2, "15-1111\tComputer and Information Research Scientists\t15-1221\tmaybe\tno",
             "split"),
            ("isco-groups.tsv", 2, "21X0\tMathematicians, actuaries and statisticians\tesco", "isco: '21X0'"),
            ("isco-soc2010.tsv", 2, "2120\t15-2099\tno", "soc2010: '15-2099' is not a SOC 2010 code"),
            ("isco-soc2010.tsv", 2, "9999\t15-2041\tno", "isco: unknown ISCO-08 group 'isco:9999'"),
            ("esco.tsv", 2, "2120.1\t2120\t\tpreferred", "label"),
            ("esco.tsv", 2, "2120.1\t2120\tstatistician\tfavourite", "label_type: 'favourite'"),
            ("job-zone-names.tsv", 2, "2\t1-3\tJob Zone 1-3: Very Little to Some Preparation Needed", "label: '1-3'"),
        ]
        for item in cases {
            let problems = try damage(item.file) { lines in lines[item.line - 1] = item.row }
            expect(problems, file: item.file, line: item.line, containing: item.text)
        }
    }

    /// A translation file the manifest's sources say the import wrote is damage when missing; a graph whose
    /// manifest does not list the source (one written before it existed) loads without it.
    @Test func missingTranslationFileListedInTheManifest() throws {
        let problems = try damage { directory in
            try Fixture.edit("manifest.tsv", in: directory) { lines in
                lines.append("esco-occupations\tEuropean Commission (ESCO)\tESCO occupations, English\tESCO v1.2\t"
                             + "https://esco.ec.europa.eu/en/use-esco/download\tesco-1.2/occupations_en.csv\t"
                             + String(repeating: "0", count: 64))
                let rows = lines.dropFirst().filter { !$0.isEmpty }.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
                lines = [lines[0]] + rows
            }
            try FileManager.default.removeItem(at: directory.appendingPathComponent("esco.tsv"))
        }
        expect(problems, file: "esco.tsv", line: 0, containing: "missing, although manifest.tsv lists 'esco-occupations'")
        let older = try Fixture.copy()
        defer { try? FileManager.default.removeItem(at: older) }
        try FileManager.default.removeItem(at: older.appendingPathComponent("esco.tsv"))
        #expect(Fixture.diagnostics(older).isEmpty)
    }

    @Test func duplicateKey() throws {
        let problems = try damage("soc.tsv") { lines in
            lines.insert("15-1221\tdetailed\tSome Other Title\t15-1220", at: 5)
        }
        expect(problems, file: "soc.tsv", line: 6, containing: "duplicate code '15-1221' (first on line 5)")
    }

    @Test func unsortedRows() throws {
        let problems = try damage("projections.tsv") { lines in lines.swapAt(1, 2) }
        expect(problems, file: "projections.tsv", line: 3, containing: "row out of order")
    }

    @Test func missingFile() throws {
        let problems = try damage { directory in
            try FileManager.default.removeItem(at: directory.appendingPathComponent("entry-education.tsv"))
        }
        expect(problems, file: "entry-education.tsv", line: 0, containing: "missing; re-create it")
    }

    @Test func wrongHeader() throws {
        let problems = try damage("cip.tsv") { lines in lines[0] = "cip\tlevel\ttitle\tparent\tstem" }
        expect(problems, file: "cip.tsv", line: 1, containing: "expected 'cip | level | title | parent | stem | stem_basis'")
    }

    @Test func badUTF8() throws {
        let problems = try damage { directory in
            let url = directory.appendingPathComponent("onet-occupations.tsv")
            var data = try Data(contentsOf: url)
            let secondLineEnd = data.firstIndex(of: 0x0A, after: data.firstIndex(of: 0x0A)!)!
            data.insert(contentsOf: [0xFF, 0xFE], at: secondLineEnd)
            try data.write(to: url)
        }
        expect(problems, file: "onet-occupations.tsv", line: 2, containing: "not valid UTF-8")
    }

    @Test func unknownEducationZoneAndField() throws {
        let problems = try damage { directory in
            try Fixture.edit("entry-education.tsv", in: directory) { lines in
                lines[1] = lines[1].replacingOccurrences(of: "\tmaster\t", with: "\tmasters\t")
            }
            try Fixture.edit("curation/cip-fields.tsv", in: directory) { lines in
                lines[1] = lines[1].replacingOccurrences(of: "artificial-intelligence", with: "ai")
            }
            try Fixture.edit("education-categories.tsv", in: directory) { lines in
                lines[1] = lines[1].replacingOccurrences(of: "\tnone", with: "\tnothing")
            }
        }
        expect(problems, file: "entry-education.tsv", line: 2, containing: "unknown education level 'masters'")
        expect(problems, file: "curation/cip-fields.tsv", line: 2, containing: "unknown field 'ai': use one of the ids of fields.tsv")
        expect(problems, file: "education-categories.tsv", line: 2, containing: "unknown education level 'nothing'")
    }

    @Test func brokenHierarchy() throws {
        let problems = try damage("soc.tsv") { lines in
            lines = lines.map { $0.hasPrefix("15-2051\t") ? "15-2051\tdetailed\tData Scientists\t15-2000" : $0 }
        }
        expect(problems, file: "soc.tsv", line: 13,
               containing: "parent: '15-2000' is a minor group, expected a broad occupation")
    }

    @Test("a code whose parent group is missing is reported at the code's row")
    func missingParent() throws {
        let problems = try damage("soc.tsv") { lines in lines.removeAll { $0.hasPrefix("15-2050\t") } }
        expect(problems, file: "soc.tsv", line: 12, containing: "parent: ")
        #expect(problems.contains { $0.file == "soc.tsv" && $0.line == 12 && $0.message.contains("15-2050") },
                "\(problems)")
    }

    @Test func levelThatDoesNotFitTheCode() throws {
        let problems = try damage("soc.tsv") { lines in
            lines[2] = lines[2].replacingOccurrences(of: "\tminor\t", with: "\tbroad\t")
        }
        expect(problems, file: "soc.tsv", line: 3, containing: "level: 'broad' does not fit code 15-1200")
    }

    @Test func manifestWithoutChecksum() throws {
        let problems = try damage("manifest.tsv") { lines in
            var fields = lines[1].components(separatedBy: "\t")
            fields[6] = "not-a-digest"
            lines[1] = fields.joined(separator: "\t")
        }
        expect(problems, file: "manifest.tsv", line: 2, containing: "sha256: 'not-a-digest' is not 64 lower-case hex")
    }

    @Test func fieldIdBreakingTheSlugRule() throws {
        let problems = try damage("fields.tsv") { lines in
            lines = lines.map { $0.hasPrefix("artificial-intelligence\t") ? "ai\tcet-2024\t6\tArtificial Intelligence" : $0 }
            lines[1...].sort()
        }
        #expect(problems.contains { $0.file == "fields.tsv" && $0.message.contains("slug rule") })
        // A CHIPS focus area's id is the slug of its name up to ", such as" or ", including".
        let chips = try damage("fields.tsv") { lines in
            lines = lines.map {
                $0.hasPrefix("advanced-materials-science\t")
                    ? $0.replacingOccurrences(of: "advanced-materials-science\t",
                                              with: "advanced-materials-science-including-composites-2d-materials\t")
                    : $0
            }
            lines[1...].sort()
        }
        #expect(chips.contains { $0.file == "fields.tsv" && $0.message.contains("(expected 'advanced-materials-science')") })
    }

    @Test func fieldFrameworkAndNumbers() throws {
        let problems = try damage("fields.tsv") { lines in
            lines = lines.map {
                $0.hasPrefix("hypersonics\t") ? $0.replacingOccurrences(of: "\tcet-2024\t", with: "\tcet-2023\t")
                    : $0.hasPrefix("directed-energy\t") ? $0.replacingOccurrences(of: "\t10\t", with: "\t9\t") : $0
            }
        }
        expect(problems, file: "fields.tsv", line: try AlignmentDamageTests.line("fields.tsv", "hypersonics\t"),
               containing: "framework: 'cet-2023' is not one of cet-2024, chips-2022")
        expect(problems, file: "fields.tsv", line: try AlignmentDamageTests.line("fields.tsv", "directed-energy\t"),
               containing: "duplicate framework and field number")
        // Numbers run 1… in each framework without gaps (a check of `socgraph check`, which loading leaves out).
        let directory = try Fixture.copy()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Fixture.edit("fields.tsv", in: directory) { lines in
            lines = lines.map {
                $0.hasPrefix("directed-energy\t") ? $0.replacingOccurrences(of: "\tcet-2024\t10\t", with: "\tcet-2024\t19\t") : $0
            }
        }
        let gap = Fixture.diagnostics(directory)
        #expect(gap.contains { $0.file == "fields.tsv" && $0.message.contains("cet-2024 field numbers are not 1…18 without gaps") })
        #expect(!gap.contains { $0.message.contains("chips-2022 field numbers") })
    }

    @Test func everyProblemIsReportedNotJustTheFirst() throws {
        let problems = try damage { directory in
            try Fixture.edit("wages.tsv", in: directory) { lines in
                for index in 1..<lines.count { lines[index] = lines[index].replacingOccurrences(of: "\t", with: "\tx", options: [], range: nil) }
            }
            try Fixture.edit("related.tsv", in: directory) { lines in lines[1] += "\textra" }
        }
        #expect(problems.filter { $0.file == "wages.tsv" }.count == 7)
        #expect(problems.contains { $0.file == "related.tsv" && $0.line == 2 })
        #expect(problems == problems.sorted())
    }
}

extension Data {
    func firstIndex(of byte: UInt8, after index: Int) -> Int? {
        self[(index + 1)...].firstIndex(of: byte)
    }
}
