import Foundation
import Testing
@testable import SOCGraph

/// Damaged alignments.tsv, alignment-evidence.tsv and curation tables: each problem is reported with its file and
/// line by `check` and by `load`.
@Suite("Damaged alignments and curation")
struct AlignmentDamageTests {
    let base = DamagedGraphTests()

    func damage(_ file: String, _ transform: @escaping (inout [String]) -> Void) throws -> [Diagnostic] {
        try base.damage(file, transform)
    }

    func expect(_ diagnostics: [Diagnostic], file: String, line: Int, containing text: String,
                sourceLocation: SourceLocation = #_sourceLocation) {
        base.expect(diagnostics, file: file, line: line, containing: text, sourceLocation: sourceLocation)
    }

    /// Replaces the row starting with `prefix` by `transform` of it.
    static func edit(_ lines: inout [String], _ prefix: String, _ transform: (String) -> String) {
        lines = lines.map { $0.hasPrefix(prefix) ? transform($0) : $0 }
    }

    static let researchAI = "15-1221\tartificial-intelligence\t"

    /// The number of lines of the fixture's `file`, its header included.
    static func lineCount(_ file: String) throws -> Int {
        try String(contentsOf: Fixture.directory.appendingPathComponent(file), encoding: .utf8)
            .split(separator: "\n").count
    }

    /// The line number of the first row of the fixture's `file` that starts with `prefix`.
    static func line(_ file: String, _ prefix: String) throws -> Int {
        let lines = try String(contentsOf: Fixture.directory.appendingPathComponent(file), encoding: .utf8)
            .components(separatedBy: "\n")
        return try #require(lines.firstIndex { $0.hasPrefix(prefix) }, "no \(prefix) in \(file)") + 1
    }

    // MARK: alignments.tsv

    @Test func unknownCodeAndField() throws {
        let problems = try damage("alignments.tsv") { lines in
            lines[1] = lines[1].replacingOccurrences(of: "15-1221\t", with: "15-1229\t")
            lines[2] = lines[2].replacingOccurrences(of: "\tartificial-intelligence\t", with: "\tai\t")
        }
        expect(problems, file: "alignments.tsv", line: 2, containing: "code: unknown detailed occupation or O*NET specialty '15-1229'")
        expect(problems, file: "alignments.tsv", line: 3, containing: "field: unknown national-interest field 'ai'")
        // Their evidence rows lose their alignment.
        expect(problems, file: "alignment-evidence.tsv", line: try Self.line("alignment-evidence.tsv", Self.researchAI),
               containing: "no aligns-with row for 15-1221 artificial-intelligence in alignments.tsv")
    }

    @Test func badStrength() throws {
        let problems = try damage("alignments.tsv") { lines in
            Self.edit(&lines, "15-1221\tadvanced-computing\t") { $0.replacingOccurrences(of: "\t0.19\t", with: "\t.19\t") }
            Self.edit(&lines, Self.researchAI) { $0.replacingOccurrences(of: "\t0.43\t", with: "\t1.50\t") }
            Self.edit(&lines, "15-1221\tdata-privacy-") { $0.replacingOccurrences(of: "\t0.05\t", with: "\t0.5\t") }
        }
        expect(problems, file: "alignments.tsv", line: 2, containing: "strength: '.19' is not a decimal with two places")
        expect(problems, file: "alignments.tsv", line: 3, containing: "strength: '1.50' is not a decimal")
        expect(problems, file: "alignments.tsv", line: 5, containing: "strength: '0.5' is not a decimal")
        // A damaged row's evidence is not reported again as orphaned.
        #expect(!problems.contains { $0.message.contains("no aligns-with row") })
    }

    @Test func badGradeDirectAndSpecialty() throws {
        let dataStorage = "data-storage-data-management-distributed-ledger-technologies-and-cybersecurity"
        let problems = try damage("alignments.tsv") { lines in
            Self.edit(&lines, Self.researchAI) { $0.replacingOccurrences(of: "\tsubstantial\t", with: "\tstrong\t") }
            Self.edit(&lines, "15-1221\tadvanced-computing\t") { $0.replacingOccurrences(of: "\tcore\t", with: "\tincidental\t") }
            Self.edit(&lines, "15-2051\t\(dataStorage)\t") { $0.replacingOccurrences(of: "15-2051.02", with: "15-2051.01") }
            Self.edit(&lines, "15-2051\tadvanced-computing\t") { $0 + "15-2041.01" }
            Self.edit(&lines, "15-1252\tadvanced-computing\t") { $0 + "15-1252.00" }
        }
        expect(problems, file: "alignments.tsv", line: 3, containing: "grade: 'strong' is not core, substantial or incidental")
        expect(problems, file: "alignments.tsv", line: 2, containing: "direct: 'incidental' is not core, substantial or empty")
        expect(problems, file: "alignments.tsv", line: try Self.line("alignments.tsv", "15-2051\t\(dataStorage)\t"),
               containing: "specialty: 15-2051.01 has no alignment with \(dataStorage)")
        expect(problems, file: "alignments.tsv", line: try Self.line("alignments.tsv", "15-2051\tadvanced-computing\t"),
               containing: "specialty: 15-2041.01 is not a specialty of 15-2051")
        expect(problems, file: "alignments.tsv", line: try Self.line("alignments.tsv", "15-1252\tadvanced-computing\t"),
               containing: "specialty: unknown O*NET specialty '15-1252.00'")
    }

    @Test func gradeThatDoesNotFollowTheRule() throws {
        let problems = try damage("alignments.tsv") { lines in
            // Evidence of 0.43 with three kinds supports substantial, not core; a direct core link makes core.
            Self.edit(&lines, Self.researchAI) { $0.replacingOccurrences(of: "\tsubstantial\t", with: "\tcore\t") }
            // 15-1253's 0.07 on programs alone supports incidental.
            Self.edit(&lines, "15-1253\tadvanced-computing\t") {
                $0.replacingOccurrences(of: "\tincidental\t", with: "\tsubstantial\t")
            }
            // One core specialty of four shares gives 15-2051 incidental, not substantial.
            Self.edit(&lines, "15-2051\tdata-storage-") { $0.replacingOccurrences(of: "\tincidental\t", with: "\tsubstantial\t") }
        }
        expect(problems, file: "alignments.tsv", line: 3, containing: "grade: core, but the rule of Graph/README.md "
               + "gives substantial for these counts, direct link and specialty")
        expect(problems, file: "alignments.tsv", line: try Self.line("alignments.tsv", "15-1253\tadvanced-computing\t"),
               containing: "grade: substantial, but the rule of Graph/README.md gives incidental")
        expect(problems, file: "alignments.tsv", line: try Self.line("alignments.tsv", "15-2051\tdata-storage-"),
               containing: "grade: substantial, but the rule of Graph/README.md gives incidental")
        // A row whose grade breaks the rule makes no edge.
        #expect(!problems.contains { $0.file == "alignment-evidence.tsv" })
    }

    @Test func strengthThatDoesNotFollowTheRule() throws {
        let problems = try damage("alignments.tsv") { lines in
            Self.edit(&lines, Self.researchAI) { $0.replacingOccurrences(of: "\t0.43\t", with: "\t0.40\t") }
        }
        expect(problems, file: "alignments.tsv", line: 3,
               containing: "strength: 0.40, but the rule of Graph/README.md gives 0.43 for these counts")
    }

    @Test func countsThatDisagreeWithTheCrosswalkOrTheEvidence() throws {
        let problems = try damage("alignments.tsv") { lines in
            // program_total 14 instead of 15; programs 3 of 15 (strength recomputed so only the count is wrong).
            Self.edit(&lines, "15-1221\tadvanced-computing\t") { $0.replacingOccurrences(of: "\t4\t15\t", with: "\t4\t14\t") }
            Self.edit(&lines, Self.researchAI) { _ in Self.researchAI + "substantial\t0.45\t3\t15\t5\t2\t213\t7\t30\t\t" }
            // Two titles of 30 instead of one: 1.5 · 2/30.
            Self.edit(&lines, "15-1221\tdata-privacy-") { line in
                line.replacingOccurrences(of: "\t0.05\t0\t15\t0\t0\t213\t1\t", with: "\t0.10\t0\t15\t0\t0\t213\t2\t")
            }
            // The totals of the whole profile: technology points and distinct titles.
            Self.edit(&lines, "15-1252\tadvanced-computing\t") { $0.replacingOccurrences(of: "\t575\t", with: "\t574\t") }
            Self.edit(&lines, "15-1253\tadvanced-computing\t") { $0.replacingOccurrences(of: "\t68\t", with: "\t67\t") }
            // Neither evidence, nor a direct link, nor a specialty.
            Self.edit(&lines, "15-1221\tquantum-information-and-") { _ in
                "15-1221\tquantum-information-and-enabling-technologies\tsubstantial\t0.00\t0\t15\t0\t0\t213\t0\t30\t\t"
            }
            // A specialty has no programs; a direct grade other than the curated one.
            Self.edit(&lines, "15-2051.02\t") { $0.replacingOccurrences(of: "\t0\t0\t0\t0\t78\t", with: "\t0\t35\t0\t0\t78\t") }
            Self.edit(&lines, "15-2051\tartificial-intelligence\t") {
                $0.replacingOccurrences(of: "\t78\tcore\t", with: "\t78\tsubstantial\t")
            }
        }
        func line(_ prefix: String) throws -> Int { try Self.line("alignments.tsv", prefix) }
        expect(problems, file: "alignments.tsv", line: 2,
               containing: "program_total: 14, but cip-soc.tsv crosswalks 15 programs to 15-1221")
        expect(problems, file: "alignments.tsv", line: 3,
               containing: "programs: 3, but alignment-evidence.tsv lists 2 program paths for 15-1221 artificial-intelligence")
        expect(problems, file: "alignments.tsv", line: try line("15-1221\tdata-privacy-"),
               containing: "titles: 2, but alignment-evidence.tsv lists 1 title path for 15-1221 "
                + "data-privacy-data-security-and-cybersecurity-technologies")
        expect(problems, file: "alignments.tsv", line: try line("15-1252\tadvanced-computing\t"),
               containing: "technology_points: 574, but uses.tsv gives 15-1252 575 (2 per hot technology, 1 per other)")
        expect(problems, file: "alignments.tsv", line: try line("15-1253\tadvanced-computing\t"),
               containing: "title_total: 67, but titles.tsv has 68 distinct titles for 15-1253")
        expect(problems, file: "alignments.tsv", line: try line("15-1221\tquantum-information-and-"),
               containing: "no evidence: programs, technologies and titles are 0, and no direct link or specialty is named")
        expect(problems, file: "alignments.tsv", line: try line("15-2051.02\t"),
               containing: "programs: a specialty has no programs (the crosswalk pairs programs with SOC codes)")
        expect(problems, file: "alignments.tsv", line: try line("15-2051\tartificial-intelligence\t"),
               containing: "direct: substantial, but the curated link says core")
    }

    @Test func duplicateAlignment() throws {
        let problems = try damage("alignments.tsv") { lines in lines.insert(lines[2], at: 3) }
        expect(problems, file: "alignments.tsv", line: 4, containing: "duplicate")
    }

    @Test func alignmentWithoutEvidenceAndEvidenceWithoutAlignment() throws {
        let interfaces = "15-1221\thuman-machine-interfaces\t"
        let withoutEvidence = try damage("alignment-evidence.tsv") { lines in
            lines.removeAll { $0.hasPrefix(interfaces) }
        }
        let line = try Self.line("alignments.tsv", interfaces)
        expect(withoutEvidence, file: "alignments.tsv", line: line,
               containing: "programs: 2, but alignment-evidence.tsv lists 0 program paths")
        expect(withoutEvidence, file: "alignments.tsv", line: line,
               containing: "technologies: 1, but alignment-evidence.tsv lists 0 technology paths")
        expect(withoutEvidence, file: "alignments.tsv", line: line,
               containing: "direct: substantial, but alignment-evidence.tsv lists 0 direct paths")

        let orphaned = try damage("alignments.tsv") { lines in
            lines.removeAll { $0.hasPrefix(interfaces) }
        }
        #expect(orphaned.filter { $0.file == "alignment-evidence.tsv" && $0.message.contains(
            "no aligns-with row for 15-1221 human-machine-interfaces in alignments.tsv") }.count == 4)
    }

    // MARK: alignment-evidence.tsv

    @Test func evidenceThatTheGraphDoesNotSupport() throws {
        let problems = try damage("alignment-evidence.tsv") { lines in
            Self.edit(&lines, Self.researchAI + "program\t11.0102") { _ in Self.researchAI + "program\t11.9999\t" }
            Self.edit(&lines, Self.researchAI + "program\t30.7001") { _ in Self.researchAI + "program\t51.3801\t" }
            Self.edit(&lines, Self.researchAI + "technology\tPyTorch") { _ in Self.researchAI + "technology\tPyTorch\tno" }
            Self.edit(&lines, Self.researchAI + "technology\tScikit-learn") { _ in
                Self.researchAI + "technology\tScikit learn\tno"
            }
            Self.edit(&lines, Self.researchAI + "technology\tHugging Face") { _ in
                Self.researchAI + "gadget\tHugging Face\tno"
            }
            Self.edit(&lines, Self.researchAI + "title\tMachine Learning Engineer\t") { _ in
                Self.researchAI + "title\tMachine Learning Wizard\t"
            }
            Self.edit(&lines, Self.researchAI + "title\tMachine Learning Scientist\t") { _ in
                Self.researchAI + "title\tMachine Learning Scientist\tyes"
            }
            Self.edit(&lines, Self.researchAI + "title\tComputer Vision Scientist\t") { _ in
                Self.researchAI + "title\tComputer and Information Research Scientists\t"
            }
            Self.edit(&lines, "15-1221\tquantum-information-and-enabling-technologies\tdirect") { line in
                line.replacingOccurrences(of: "\tdirect\t\t", with: "\tdirect\t11.0102\t")
            }
        }
        let file = "alignment-evidence.tsv"
        func line(_ prefix: String) throws -> Int { try Self.line(file, Self.researchAI + prefix) }
        expect(problems, file: file, line: try line("program\t11.0102"), containing: "via: unknown CIP program '11.9999'")
        expect(problems, file: file, line: try line("program\t30.7001"),
               containing: "via: CIP 51.3801 does not prepare for 15-1221 in cip-soc.tsv")
        expect(problems, file: file, line: try line("technology\tPyTorch"),
               containing: "hot: 'no', but uses.tsv has 'yes' for 15-1221 and 'PyTorch'")
        expect(problems, file: file, line: try line("technology\tScikit-learn"),
               containing: "via: unknown technology 'Scikit learn'")
        expect(problems, file: file, line: try line("technology\tHugging Face"),
               containing: "kind: 'gadget' is not program, technology, title or direct")
        expect(problems, file: file, line: try line("title\tMachine Learning Engineer\t"),
               containing: "via: titles.tsv has no title 'Machine Learning Wizard' for 15-1221")
        expect(problems, file: file, line: try line("title\tMachine Learning Scientist\t"),
               containing: "hot: 'yes' given for a title path (only technologies are flagged)")
        // A title of the occupation that names no curated term of the field has no rationale.
        expect(problems, file: file, line: try line("title\tComputer Vision Scientist\t"),
               containing: "no row for 'Computer and Information Research Scientists' and artificial-intelligence in "
                + "the curation tables")
        expect(problems, file: file,
               line: try Self.line(file, "15-1221\tquantum-information-and-enabling-technologies\tdirect"),
               containing: "via: a direct path names no program, technology or title")
    }

    @Test func evidenceWithoutItsCurationRow() throws {
        let problems = try damage("curation/cip-fields.tsv") { lines in
            lines.removeAll { $0.hasPrefix("11.0102\tartificial-intelligence\t") }
        }
        #expect(problems.contains { $0.file == "alignment-evidence.tsv" && $0.message.contains(
            "no row for '11.0102' and artificial-intelligence in the curation tables") })
        // The focus area including artificial-intelligence loses its path through the same row.
        #expect(problems.contains { $0.file == "alignment-evidence.tsv" && $0.message.contains(
            "no row for '11.0102' and artificial-intelligence-machine-learning-autonomy-and-related-advances") })
        let direct = try damage("curation/occupation-fields.tsv") { lines in
            lines.removeAll { $0.hasPrefix("15-1221\tquantum-information-and-enabling-technologies\t") }
        }
        #expect(direct.contains { $0.file == "alignment-evidence.tsv" && $0.message.contains(
            "no row for '15-1221' and quantum-information-and-enabling-technologies in the curation tables") })
        let term = try damage("curation/title-terms.tsv") { lines in
            lines.removeAll { $0.hasPrefix("machine learning\t") }
        }
        #expect(term.contains { $0.file == "alignment-evidence.tsv" && $0.message.contains(
            "no row for 'Machine Learning Engineer' and artificial-intelligence in the curation tables") })
        // Without its inclusion row, the focus area is reached by none of the category's paths.
        let inclusion = try damage("curation/field-includes.tsv") { lines in
            lines.removeAll { $0.hasPrefix("quantum-information-science-and-technology\t") }
        }
        #expect(inclusion.contains { $0.file == "alignment-evidence.tsv" && $0.message.contains(
            "no row for '15-1221' and quantum-information-science-and-technology in the curation tables") })
    }

    // MARK: curation tables

    @Test func curationRowsAreCheckedAgainstTheGraph() throws {
        let problems = try DamagedGraphTests().damage { directory in
            try Fixture.edit("curation/cip-fields.tsv", in: directory) { lines in
                lines.append("99.1234\tadvanced-computing\tCET 2024 Advanced Computing: none")
                lines.append("99.1\tadvanced-computing\tCET 2024 Advanced Computing: none")
            }
            try Fixture.edit("curation/technology-fields.tsv", in: directory) { lines in
                lines.append("Zzz unknown tool\tadvanced-computing\tCET 2024 Advanced Computing: none")
                lines.append("spaCy\tartificial-intelligence\t  ")
            }
            try Fixture.edit("curation/title-terms.tsv", in: directory) { lines in
                lines.append("Machine Learning\tartificial-intelligence\tCET 2024 AI: none")
                lines.append("deep learning\tml\tCET 2024 AI: none")
            }
            try Fixture.edit("curation/occupation-fields.tsv", in: directory) { lines in
                lines.append("15-1299\tadvanced-computing\tcore\tCET 2024 Advanced Computing: none")
                lines.append("15-2000\tadvanced-computing\tcore\tCET 2024 Advanced Computing: none")
                lines.append("15-2051\tmachine-learning\tcore\tCET 2024 AI: none")
                lines.append("15-2051\tbiotechnologies\tincidental\tCET 2024 Biotechnologies: none")
                lines.append("15-2051.09\tadvanced-computing\tcore\tCET 2024 Advanced Computing: none")
            }
            try Fixture.edit("curation/field-includes.tsv", in: directory) { lines in
                lines.append("advanced-computing\tartificial-intelligence\tnot a focus area")
                lines.append("quantum-information-science-and-technology\tadvanced-materials-science\tnot a category")
            }
        }
        let cip = "curation/cip-fields.tsv", technology = "curation/technology-fields.tsv"
        let terms = "curation/title-terms.tsv", occupation = "curation/occupation-fields.tsv"
        let inclusions = "curation/field-includes.tsv"
        func end(_ file: String) throws -> Int { try Self.lineCount(file) }
        expect(problems, file: cip, line: try end(cip) + 1, containing: "unknown CIP code '99.1234': not a CIP 2020 code")
        expect(problems, file: cip, line: try end(cip) + 2, containing: "'99.1' is not a CIP code")
        expect(problems, file: technology, line: try end(technology) + 1, containing: "unknown technology 'Zzz unknown tool'")
        expect(problems, file: technology, line: try end(technology) + 2, containing: "empty rationale")
        expect(problems, file: technology, line: try end(technology) + 2,
               containing: "duplicate (technology, field) pair 'spaCy'")
        expect(problems, file: terms, line: try end(terms) + 1,
               containing: "term 'Machine Learning' is not written as lower-case words")
        expect(problems, file: terms, line: try end(terms) + 2, containing: "unknown field 'ml'")
        expect(problems, file: occupation, line: try end(occupation) + 1, containing: "unknown SOC code '15-1299'")
        expect(problems, file: occupation, line: try end(occupation) + 2,
               containing: "SOC code '15-2000' is a minor group, not a detailed occupation")
        expect(problems, file: occupation, line: try end(occupation) + 3, containing: "unknown field 'machine-learning'")
        expect(problems, file: occupation, line: try end(occupation) + 4,
               containing: "grade 'incidental' is not core or substantial")
        expect(problems, file: occupation, line: try end(occupation) + 5,
               containing: "unknown O*NET-SOC code '15-2051.09'")
        expect(problems, file: inclusions, line: try end(inclusions) + 1,
               containing: "'advanced-computing' is not a field of the chips-2022 framework")
        expect(problems, file: inclusions, line: try end(inclusions) + 2,
               containing: "'advanced-materials-science' is not a field of the cet-2024 framework")
    }

    @Test func curationProgramsMustBeCrosswalkedSixDigitPrograms() throws {
        let problems = try DamagedGraphTests().damage { directory in
            // A CIP program no occupation is crosswalked to.
            try Fixture.edit("cip.tsv", in: directory) { lines in
                lines.append("11.0105\tprogram\tHuman-Centered Technology Design.\t11.01\tyes\tlisted")
                lines[1...].sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            }
            try Fixture.edit("curation/cip-fields.tsv", in: directory) { lines in
                lines.insert("11.01\tartificial-intelligence\tCET 2024 AI: the series", at: 1)
                lines.insert("11.0105\thuman-machine-interfaces\tCET 2024 Human-Machine Interfaces: design", at: 3)
            }
        }
        let file = "curation/cip-fields.tsv"
        expect(problems, file: file, line: 2, containing: "CIP code '11.01' is a series, not a 6-digit program")
        expect(problems, file: file, line: 4, containing: "CIP program '11.0105' has no SOC match in the CIP 2020")
        #expect(!problems.contains { $0.file == "cip.tsv" })
    }
}
