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
        expect(problems, file: "alignments.tsv", line: 2, containing: "code: unknown detailed occupation '15-1229'")
        expect(problems, file: "alignments.tsv", line: 3, containing: "field: unknown national-interest field 'ai'")
        // Their evidence rows lose their alignment.
        expect(problems, file: "alignment-evidence.tsv", line: try Self.line("alignment-evidence.tsv", Self.researchAI),
               containing: "no aligns-with row for 15-1221 artificial-intelligence in alignments.tsv")
    }

    @Test func badStrength() throws {
        let problems = try damage("alignments.tsv") { lines in
            Self.edit(&lines, "15-1221\tadvanced-computing\t") { $0.replacingOccurrences(of: "\t0.85\t", with: "\t.85\t") }
            Self.edit(&lines, Self.researchAI) { $0.replacingOccurrences(of: "\t0.83\t", with: "\t1.50\t") }
            Self.edit(&lines, "15-1221\tbiotechnologies\t") { $0.replacingOccurrences(of: "\t0.03\t", with: "\t0.3\t") }
        }
        expect(problems, file: "alignments.tsv", line: 2, containing: "strength: '.85' is not a decimal with two places")
        expect(problems, file: "alignments.tsv", line: 3, containing: "strength: '1.50' is not a decimal")
        expect(problems, file: "alignments.tsv", line: 4, containing: "strength: '0.3' is not a decimal")
        // A damaged row's evidence is not reported again as orphaned.
        #expect(!problems.contains { $0.message.contains("no aligns-with row") })
    }

    @Test func strengthThatDoesNotFollowTheRule() throws {
        let problems = try damage("alignments.tsv") { lines in
            Self.edit(&lines, Self.researchAI) { $0.replacingOccurrences(of: "\t0.83\t", with: "\t0.80\t") }
        }
        expect(problems, file: "alignments.tsv", line: 3,
               containing: "strength: 0.80, but the rule of Graph/README.md gives 0.83 for these counts")
    }

    @Test func countsThatDisagreeWithTheCrosswalkOrTheEvidence() throws {
        let problems = try damage("alignments.tsv") { lines in
            // program_total 14 instead of 15; programs 3 of 15 (strength recomputed so only the count is wrong).
            Self.edit(&lines, "15-1221\tadvanced-computing\t") { $0.replacingOccurrences(of: "\t4\t15\t", with: "\t4\t14\t") }
            Self.edit(&lines, Self.researchAI) { _ in "15-1221\tartificial-intelligence\t0.84\t3\t15\t5\t2\tno" }
            Self.edit(&lines, "15-1221\tbiotechnologies\t") { _ in "15-1221\tbiotechnologies\t0.03\t0\t15\t0\t0\tno" }
        }
        expect(problems, file: "alignments.tsv", line: 2,
               containing: "program_total: 14, but cip-soc.tsv crosswalks 15 programs to 15-1221")
        expect(problems, file: "alignments.tsv", line: 3,
               containing: "programs: 3, but alignment-evidence.tsv lists 2 program paths for 15-1221 artificial-intelligence")
        expect(problems, file: "alignments.tsv", line: 4,
               containing: "no evidence: programs and technologies are 0 and direct is 'no'")
    }

    @Test func duplicateAlignment() throws {
        let problems = try damage("alignments.tsv") { lines in lines.insert(lines[2], at: 3) }
        expect(problems, file: "alignments.tsv", line: 4, containing: "duplicate")
    }

    @Test func alignmentWithoutEvidenceAndEvidenceWithoutAlignment() throws {
        let withoutEvidence = try damage("alignment-evidence.tsv") { lines in
            lines.removeAll { $0.hasPrefix("15-2041\tartificial-intelligence\t") }
        }
        let line = try Self.line("alignments.tsv", "15-2041\tartificial-intelligence\t")
        expect(withoutEvidence, file: "alignments.tsv", line: line,
               containing: "programs: 1, but alignment-evidence.tsv lists 0 program paths")
        expect(withoutEvidence, file: "alignments.tsv", line: line,
               containing: "technologies: 1, but alignment-evidence.tsv lists 0 technology paths")

        let orphaned = try damage("alignments.tsv") { lines in
            lines.removeAll { $0.hasPrefix("15-2041\tartificial-intelligence\t") }
        }
        #expect(orphaned.filter { $0.file == "alignment-evidence.tsv" && $0.message.contains(
            "no aligns-with row for 15-2041 artificial-intelligence in alignments.tsv") }.count == 2)
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
               containing: "kind: 'gadget' is not program, technology or direct")
    }

    @Test func evidenceWithoutItsCurationRow() throws {
        let problems = try damage("curation/cip-fields.tsv") { lines in
            lines.removeAll { $0.hasPrefix("11.0102\tartificial-intelligence\t") }
        }
        #expect(problems.contains { $0.file == "alignment-evidence.tsv" && $0.message.contains(
            "no row for '11.0102' and artificial-intelligence in curation/cip-fields.tsv") })
        let direct = try damage("curation/occupation-fields.tsv") { lines in lines.removeLast() }
        #expect(direct.contains { $0.file == "alignment-evidence.tsv" && $0.message.contains(
            "no row for '15-1221' and quantum-information-and-enabling-technologies in curation/occupation-fields.tsv") })
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
            try Fixture.edit("curation/occupation-fields.tsv", in: directory) { lines in
                lines.append("15-1299\tadvanced-computing\tCET 2024 Advanced Computing: none")
                lines.append("15-2000\tadvanced-computing\tCET 2024 Advanced Computing: none")
                lines.append("15-2051\tmachine-learning\tCET 2024 AI: none")
            }
        }
        let cip = "curation/cip-fields.tsv", technology = "curation/technology-fields.tsv"
        let occupation = "curation/occupation-fields.tsv"
        expect(problems, file: cip, line: 16, containing: "unknown CIP code '99.1234': not a CIP 2020 code")
        expect(problems, file: cip, line: 17, containing: "'99.1' is not a CIP code")
        expect(problems, file: technology, line: 27, containing: "unknown technology 'Zzz unknown tool'")
        expect(problems, file: technology, line: 28, containing: "empty rationale")
        expect(problems, file: technology, line: 28, containing: "duplicate (technology, field) pair 'spaCy'")
        expect(problems, file: occupation, line: 3, containing: "unknown SOC code '15-1299'")
        expect(problems, file: occupation, line: 4,
               containing: "SOC code '15-2000' is a minor group, not a detailed occupation")
        expect(problems, file: occupation, line: 5, containing: "unknown field 'machine-learning'")
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
