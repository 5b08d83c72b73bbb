import Foundation
import SOCGraph
@testable import SOCGraphImport
import Testing

/// The derivation of `aligns-with` edges on the small fixture of `AlignmentFixture`.
@Suite struct FieldAlignmentTests {
    typealias F = AlignmentFixture

    func standard() throws -> FieldAlignments {
        F.derive(try F.tables(programs: F.programs, technologies: F.technologies, occupations: F.occupations))
    }

    func alignment(_ derived: FieldAlignments, _ code: String, _ field: String) -> FieldAlignments.Alignment? {
        derived.alignments.first { $0.code == code && $0.field == field }
    }

    @Test func fieldReachedOnlyThroughTechnologies() throws {
        let edge = try #require(alignment(try standard(), "17-2061", "semiconductors-and-microelectronics"))
        #expect(edge.programs.isEmpty)
        #expect(edge.programTotal == 1)
        #expect(edge.technologies.map(\.name) == ["Cadence Virtuoso", "Synopsys HSPICE"])
        #expect(edge.hotTechnologies == 0)
        #expect(!edge.direct)
        #expect(AlignmentStrength.text(edge.strength) == "0.27")  // t = 2/6, 0.8 × 1/3
    }

    @Test func fieldReachedOnlyThroughAProgram() throws {
        let derived = try standard()
        let edge = try #require(alignment(derived, "15-1221", "artificial-intelligence"))
        #expect(edge.programs == ["11.0102"])
        #expect(edge.programTotal == 2)
        #expect(edge.technologies.isEmpty)
        #expect(AlignmentStrength.text(edge.strength) == "0.25")  // 1 of 2 programs, halved: a single program
        #expect(derived.alignments.filter { $0.code == "15-1221" }.map(\.field)
            == ["advanced-computing", "artificial-intelligence"])
    }

    @Test func fieldReachedThroughBothProgramsAndTechnologies() throws {
        let derived = try standard()
        let edge = try #require(alignment(derived, "15-2051", "artificial-intelligence"))
        #expect(edge.programs == ["11.0102"])
        #expect(edge.technologies.map(\.name) == ["PyTorch", "TensorFlow"])
        #expect(edge.technologies.map(\.hot) == [false, true])
        #expect(AlignmentStrength.text(edge.strength) == "0.55")  // 1 − (1 − 0.25)(1 − 0.8 × 3/6)
        #expect(derived.alignmentsFile.rows.contains(
            ["15-2051", "artificial-intelligence", "0.55", "1", "2", "2", "1", "no"]))
        let evidence = derived.evidenceFile.rows.filter { $0[0] == "15-2051" && $0[1] == "artificial-intelligence" }
        #expect(evidence == [
            ["15-2051", "artificial-intelligence", "program", "11.0102", ""],
            ["15-2051", "artificial-intelligence", "technology", "PyTorch", "no"],
            ["15-2051", "artificial-intelligence", "technology", "TensorFlow", "yes"],
        ])
    }

    @Test func fieldReachedThroughADirectLink() throws {
        let derived = try standard()
        let edge = try #require(alignment(derived, "17-2011", "highly-automated-autonomous-and-uncrewed-systems-and-robotics"))
        #expect(edge.direct && edge.programs.isEmpty && edge.technologies.isEmpty)
        #expect(AlignmentStrength.text(edge.strength) == "0.90")
        #expect(derived.alignmentsFile.rows.contains(
            ["17-2011", "highly-automated-autonomous-and-uncrewed-systems-and-robotics", "0.90", "0", "1", "0", "0",
             "yes"]))
        #expect(derived.evidenceFile.rows.contains(
            ["17-2011", "highly-automated-autonomous-and-uncrewed-systems-and-robotics", "direct", "", ""]))
        // The same occupation keeps its program path to another field.
        #expect(alignment(derived, "17-2011", "space-technologies-and-systems")?.programs == ["14.0201"])
    }

    @Test func occupationsWithoutSignallingPathsHaveNoEdge() throws {
        let derived = try standard()
        // 19-2012 is reached only by 40.0807, which no curation row names; 29-1141 uses only Microsoft Excel.
        #expect(!derived.alignments.contains { $0.code == "19-2012" || $0.code == "29-1141" })
        #expect(derived.belowThreshold.isEmpty)
    }

    @Test func removingAProgramFromCurationDropsTheEdge() throws {
        let without = F.derive(try F.tables(programs: F.programs.filter { $0.0 != "11.0102" },
                                            technologies: F.technologies, occupations: F.occupations))
        #expect(alignment(without, "15-1221", "artificial-intelligence") == nil)
        #expect(!without.evidenceFile.rows.contains { $0[3] == "11.0102" })
        // 15-2051 keeps its technology paths, with the program part gone.
        let kept = try #require(alignment(without, "15-2051", "artificial-intelligence"))
        #expect(kept.programs.isEmpty)
        #expect(AlignmentStrength.text(kept.strength) == "0.40")
        #expect(AlignmentStrength.text(try #require(alignment(try standard(), "15-2051", "artificial-intelligence")).strength)
            == "0.55")
    }

    @Test func hotTechnologiesCountMore() throws {
        let curation = try F.tables(technologies: F.technologies)
        let cold = FieldAlignments(crosswalk: [], uses: [("17-2061", "Synopsys HSPICE", false),
                                                         ("17-2061", "Cadence Virtuoso", false)], curation: curation)
        let hot = FieldAlignments(crosswalk: [], uses: [("17-2061", "Synopsys HSPICE", true),
                                                        ("17-2061", "Cadence Virtuoso", false)], curation: curation)
        let coldStrength = try #require(cold.alignments.first).strength
        let hotStrength = try #require(hot.alignments.first).strength
        #expect(hotStrength > coldStrength)
        #expect(AlignmentStrength.text(coldStrength) == "0.27")
        #expect(AlignmentStrength.text(hotStrength) == "0.40")
        #expect(hot.alignmentsFile.rows == [["17-2061", "semiconductors-and-microelectronics", "0.40", "0", "0", "2", "1",
                                             "no"]])
        // A technology O*NET flags hot under any O*NET-SOC code of the occupation is hot.
        let twice = FieldAlignments(crosswalk: [], uses: [("17-2061", "Synopsys HSPICE", false),
                                                          ("17-2061", "Synopsys HSPICE", true)], curation: curation)
        #expect(twice.alignments.first?.hotTechnologies == 1)
    }

    @Test func strengthFormula() {
        func text(_ programs: Int, _ total: Int, hot: Int = 0, other: Int = 0, direct: Bool = false) -> String {
            AlignmentStrength.text(AlignmentStrength.value(
                programs: programs, programTotal: total, hotTechnologies: hot, otherTechnologies: other, direct: direct))
        }
        #expect(text(2, 15, hot: 2, other: 3) == "0.83")  // README example: 1 − (13/15)(1 − 0.8)
        #expect(text(3, 4) == "0.75")
        #expect(text(2, 2) == "1.00")
        #expect(text(1, 1) == "0.50")  // a single program counts half
        #expect(text(1, 14) == "0.04")  // 1/14 halved: one weak crosswalk row
        #expect(text(0, 5, other: 1) == "0.07")  // a single technology counts half: 0.8 × 1/6 / 2
        #expect(text(0, 5, hot: 1) == "0.13")
        #expect(text(0, 5, other: 2) == "0.27")
        #expect(text(0, 5, hot: 3) == "0.80")  // 6 points saturate the technology part
        #expect(text(0, 5, hot: 10, other: 30) == "0.80")
        #expect(text(0, 0, direct: true) == "0.90")
        #expect(text(1, 1, hot: 3, direct: true) == "0.99")  // 1 − 0.5 × 0.2 × 0.1
        #expect(text(0, 0) == "0.00")
        #expect(AlignmentStrength.text(0.125) == "0.13")  // half up
        #expect(AlignmentStrength.text(0.145) == "0.15")  // stored as 0.14499999…: float noise does not decide a tie
        #expect(AlignmentStrength.text(0.005) == "0.01")
        #expect(AlignmentStrength.isWritten(0.005))
        #expect(!AlignmentStrength.isWritten(0.0049))
    }

    @Test func edgesBelowOneHundredthAreNotWritten() throws {
        let curation = try F.tables(programs: F.programs)
        // 1 signalling program of 60 → 1/120 ≈ 0.008 → 0.01, written; of 101 → 1/202 ≈ 0.005 → 0.00, left out.
        let written = FieldAlignments(crosswalk: [("11.0102", "15-1221")] + (1..<60).map { ("x\($0)", "15-1221") },
                                      uses: [], curation: curation)
        #expect(written.alignmentsFile.rows == [["15-1221", "artificial-intelligence", "0.01", "1", "60", "0", "0", "no"]])
        let dropped = FieldAlignments(crosswalk: [("11.0102", "15-1221")] + (1..<101).map { ("x\($0)", "15-1221") },
                                      uses: [], curation: curation)
        #expect(dropped.alignments.isEmpty)
        #expect(dropped.belowThreshold.map(\.code) == ["15-1221"])
        #expect(dropped.evidenceFile.rows.isEmpty)
        #expect(dropped.summary.contains("1 occupation-field pairs below strength 0.01 left out: 15-1221 artificial-intelligence"))
    }

    @Test func derivationIsIndependentOfInputOrder() throws {
        let curation = try F.tables(programs: F.programs, technologies: F.technologies, occupations: F.occupations)
        let forward = FieldAlignments(crosswalk: F.crosswalk, uses: F.uses, curation: curation)
        let backward = FieldAlignments(crosswalk: F.crosswalk.reversed(), uses: F.uses.reversed(), curation: curation)
        #expect(forward.alignments == backward.alignments)
        #expect(forward.alignmentsFile.text == backward.alignmentsFile.text)
        #expect(forward.evidenceFile.text == backward.evidenceFile.text)
    }
}
