import Foundation
import SOCGraph
@testable import SOCGraphImport
import Testing

/// The derivation of `aligns-with` edges on the small fixture of `AlignmentFixture`.
@Suite struct FieldAlignmentTests {
    typealias F = AlignmentFixture

    func standard() throws -> FieldAlignments {
        F.derive(try F.tables(programs: F.programs, technologies: F.technologies, titles: F.titleTerms,
                              occupations: F.occupations))
    }

    func alignment(_ derived: FieldAlignments, _ code: String, _ field: String) -> FieldAlignments.Alignment? {
        derived.alignments.first { $0.code == code && $0.field == field }
    }

    @Test func fieldReachedOnlyThroughTechnologies() throws {
        let edge = try #require(alignment(try standard(), "17-2061", F.semiconductors))
        #expect(edge.programs.isEmpty)
        #expect(edge.counts.programTotal == 1)
        #expect(edge.technologies == ["Cadence Virtuoso", "Synopsys HSPICE"])
        #expect(edge.hot.isEmpty)
        #expect(edge.direct == nil && edge.specialty == nil)
        // Both of its two technology points signal: t = min(1, 2 · 2/2) = 1; but one kind of evidence grades no
        // more than incidental.
        #expect(AlignmentStrength.text(edge.strength) == "1.00")
        #expect(edge.grade == .incidental)
    }

    @Test func fieldReachedOnlyThroughAProgram() throws {
        let derived = try standard()
        let edge = try #require(alignment(derived, "15-1221", F.ai))
        #expect(edge.programs == ["11.0102"])
        #expect(edge.counts.programTotal == 2)
        #expect(edge.technologies.isEmpty && edge.titles.isEmpty)
        // 1 of 2 programs, halved for a single program, weighed half: 0.125, written half up.
        #expect(AlignmentStrength.text(edge.strength) == "0.13")
        #expect(edge.grade == .incidental)
        #expect(derived.alignments.filter { $0.code == "15-1221" }.map(\.field) == [F.computing, F.ai])
    }

    @Test func fieldReachedThroughProgramsTechnologiesAndTitles() throws {
        let derived = try standard()
        let edge = try #require(alignment(derived, "15-2051", F.ai))
        #expect(edge.programs == ["11.0102"])
        #expect(edge.technologies == ["PyTorch", "TensorFlow"])
        #expect(edge.hot == ["TensorFlow"])
        #expect(edge.titles == ["Machine Learning Engineer"])
        #expect(edge.counts == AlignmentStrength.Counts(
            programs: 1, programTotal: 2, technologies: 2, hotTechnologies: 1, technologyPoints: 10, titles: 1,
            titleTotal: 3))
        // 1 − (1 − ½·0.25)(1 − min(1, 2 · 3/10))(1 − 1.5 · 1/3) = 1 − 0.875 · 0.4 · 0.5
        #expect(AlignmentStrength.text(edge.strength) == "0.83")
        #expect(edge.grade == .core)  // three kinds agree at 0.75 or more
        #expect(derived.alignmentsFile.rows.contains(
            ["15-2051", F.ai, "core", "0.83", "1", "2", "2", "1", "10", "1", "3", "", ""]))
        let evidence = derived.evidenceFile.rows.filter { $0[0] == "15-2051" && $0[1] == F.ai }
        #expect(evidence == [
            ["15-2051", F.ai, "program", "11.0102", ""],
            ["15-2051", F.ai, "technology", "PyTorch", "no"],
            ["15-2051", F.ai, "technology", "TensorFlow", "yes"],
            ["15-2051", F.ai, "title", "Machine Learning Engineer", ""],
        ])
    }

    @Test func fieldReachedThroughADirectLink() throws {
        let derived = try standard()
        let edge = try #require(alignment(derived, "17-2011", F.autonomy))
        #expect(edge.direct == .core && edge.programs.isEmpty && edge.technologies.isEmpty && edge.titles.isEmpty)
        #expect(edge.grade == .core)
        #expect(AlignmentStrength.text(edge.strength) == "0.00")
        #expect(derived.alignmentsFile.rows.contains(
            [
                "17-2011", F.autonomy, "core", "0.00", "0", "1", "0", "0", "0", "0", "1", "core", "",
            ]))
        #expect(derived.evidenceFile.rows.contains(["17-2011", F.autonomy, "direct", "", ""]))
        // The same occupation keeps its program path to another field.
        #expect(alignment(derived, "17-2011", F.space)?.programs == ["14.0201"])
        #expect(alignment(derived, "17-2011", F.space)?.grade == .incidental)
    }

    @Test func aDirectGradeNeverLowersTheEvidence() throws {
        let curation = try F.tables(programs: F.programs, technologies: F.technologies, titles: F.titleTerms,
                                    occupations: [("15-2051", F.ai, .substantial)])
        let edge = try #require(alignment(F.derive(curation), "15-2051", F.ai))
        #expect(edge.direct == .substantial)
        #expect(edge.grade == .core)
    }

    @Test func occupationsWithoutSignallingPathsHaveNoEdge() throws {
        let derived = try standard()
        // 19-2012 is reached only by 40.0807, which no curation row names; 29-1141 uses only Microsoft Excel.
        #expect(!derived.alignments.contains { $0.code == "19-2012" || $0.code == "29-1141" })
        #expect(derived.ungraded == 0)
        #expect(derived.summary.contains("0 occupation-field pairs with evidence below strength 0.05 left out"))
    }

    @Test func removingAProgramFromCurationDropsTheEdge() throws {
        let without = F.derive(try F.tables(programs: F.programs.filter { $0.0 != "11.0102" },
                                            technologies: F.technologies, titles: F.titleTerms,
                                            occupations: F.occupations))
        #expect(alignment(without, "15-1221", F.ai) == nil)
        #expect(!without.evidenceFile.rows.contains { $0[3] == "11.0102" })
        // 15-2051 keeps its technology and title paths, with the program part gone: 1 − 0.4 · 0.5.
        let kept = try #require(alignment(without, "15-2051", F.ai))
        #expect(kept.programs.isEmpty)
        #expect(AlignmentStrength.text(kept.strength) == "0.80")
        #expect(kept.grade == .core)
        #expect(AlignmentStrength.text(try #require(alignment(try standard(), "15-2051", F.ai)).strength) == "0.83")
    }

    @Test func titlesCountOncePerDistinctTitle() throws {
        let curation = try F.tables(titles: F.titleTerms)
        // Two spellings of one title are one title, written in its bytewise-first spelling.
        let titles = F.titles + [("15-2051", "Machine-Learning Engineer"), ("15-2051", "machine learning engineer")]
        let derived = F.derive(curation, titles: titles)
        let edge = try #require(alignment(derived, "15-2051", F.ai))
        #expect(edge.titles == ["Machine Learning Engineer"])
        #expect(edge.counts.titles == 1 && edge.counts.titleTotal == 3)
        #expect(AlignmentStrength.text(edge.strength) == "0.50")  // 1.5 · 1/3
        #expect(edge.grade == .incidental)  // one kind of evidence
        // A term is whole words of the title: "machine learning" is not in "Machine Learnings Engineer".
        let none = F.derive(curation, titles: [("15-2051", "Machine Learnings Engineer")])
        #expect(alignment(none, "15-2051", F.ai) == nil)
    }

    @Test func hotTechnologiesCountMore() throws {
        let curation = try F.tables(technologies: F.technologies)
        let others = ["Microsoft Excel", "Microsoft Word", "Python", "Tableau", "SAS", "Keras"].map {
            (code: "17-2061", technology: $0, hot: false)
        }
        func derived(_ hspice: Bool) -> FieldAlignments {
            F.derive(curation, crosswalk: [], uses: [("17-2061", "Synopsys HSPICE", hspice),
                                                     ("17-2061", "Cadence Virtuoso", false)] + others)
        }
        let cold = try #require(derived(false).alignments.first)
        let hot = try #require(derived(true).alignments.first)
        #expect(hot.strength > cold.strength)
        #expect(AlignmentStrength.text(cold.strength) == "0.50")  // 2 · 2/8
        #expect(AlignmentStrength.text(hot.strength) == "0.67")  // 2 · 3/9
        #expect(derived(true).alignmentsFile.rows == [
            ["17-2061", F.semiconductors, "incidental", "0.67", "0", "0", "2", "1", "9", "0", "1", "", ""],
        ])
        // A single signalling technology counts half: 2 · 1/7, halved.
        let single = F.derive(curation, crosswalk: [], uses: [("17-2061", "Synopsys HSPICE", false)] + others)
        #expect(AlignmentStrength.text(try #require(single.alignments.first).strength) == "0.14")
        // A technology O*NET flags hot under any O*NET-SOC code of the occupation is hot for the SOC code.
        func use(_ onetCode: String, hot: Bool) -> TechnologySkillsSource.Use {
            TechnologySkillsSource.Use(onetCode: onetCode, technology: "Synopsys HSPICE", commodityCode: "43232604",
                                       commodityTitle: "Computer aided design CAD software", hot: hot, inDemand: false)
        }
        let projected = GraphTableBuilder.socUses([use("17-2061.00", hot: false), use("17-2061.01", hot: true)])
        #expect(projected.map(\.code) == ["17-2061"])
        #expect(projected.map(\.hot) == [true])
    }

    @Test func edgesBelowIncidentalStrengthAreNotWritten() throws {
        let curation = try F.tables(programs: F.programs)
        // 1 signalling program of 5 → ½ · 1/5/2 = 0.05, written; of 6 → 0.0417 → 0.04, left out.
        let written = F.derive(curation, crosswalk: [("11.0102", "15-1221")] + (1..<5).map { ("x\($0)", "15-1221") })
        #expect(written.alignmentsFile.rows == [
            ["15-1221", F.ai, "incidental", "0.05", "1", "5", "0", "0", "0", "0", "1", "", ""],
        ])
        let dropped = F.derive(curation, crosswalk: [("11.0102", "15-1221")] + (1..<6).map { ("x\($0)", "15-1221") })
        #expect(dropped.alignments.isEmpty)
        #expect(dropped.ungraded == 1)
        #expect(dropped.evidenceFile.rows.isEmpty)
        #expect(dropped.summary.contains("1 occupation-field pairs with evidence below strength 0.05 left out"))
    }

    @Test func aCatchAllIsGradedForItsTypicalIncumbentAndNamesItsSpecialty() throws {
        // 17-2199.11 Solar Energy Systems Engineers: curated core; every title names solar work.
        let curation = try F.tables(titles: [("solar", F.cleanEnergy)],
                                    occupations: [("17-2199.11", F.cleanEnergy, .core)])
        let derived = F.derive(curation)
        let specialty = try #require(alignment(derived, "17-2199.11", F.cleanEnergy))
        #expect(specialty.grade == .core)
        #expect(specialty.direct == .core)
        #expect(specialty.titles == ["Solar Energy Systems Engineers", "Solar Engineer"])
        #expect(specialty.counts.programTotal == 0)
        #expect(AlignmentStrength.text(specialty.strength) == "1.00")
        // 17-2199 Engineers, All Other: a catch-all, graded for its typical incumbent, at most incidental, though
        // its specialty is core and one of its two titles names solar work (0.75, one kind of evidence).
        let code = try #require(alignment(derived, "17-2199", F.cleanEnergy))
        #expect(code.specialty == "17-2199.11")
        #expect(code.grade == .incidental)
        #expect(AlignmentStrength.text(code.strength) == "0.75")
        #expect(derived.alignmentsFile.rows.contains(
            ["17-2199", F.cleanEnergy, "incidental", "0.75", "0", "0", "0", "0", "0", "1", "2", "", "17-2199.11"]))
        #expect(derived.alignmentsFile.rows.contains(
            ["17-2199.11", F.cleanEnergy, "core", "1.00", "0", "0", "0", "0", "0", "2", "2", "core", ""]))
        // 17-2199.10 Wind Energy Engineers names no solar work and has no link: no edge.
        #expect(alignment(derived, "17-2199.10", F.cleanEnergy) == nil)

        // The best-graded specialty is named, then the strongest: a curated wind specialty (0.00) against the
        // curated solar one (1.00), then against a solar one graded on its titles alone (incidental, not named).
        let both = F.derive(try F.tables(titles: [("solar", F.cleanEnergy)], occupations: [
            ("17-2199.10", F.cleanEnergy, .core), ("17-2199.11", F.cleanEnergy, .core),
        ]))
        #expect(alignment(both, "17-2199", F.cleanEnergy)?.specialty == "17-2199.11")
        #expect(alignment(both, "17-2199", F.cleanEnergy)?.grade == .incidental)  // however many specialties
        let wind = F.derive(try F.tables(titles: [("solar", F.cleanEnergy)],
                                         occupations: [("17-2199.10", F.cleanEnergy, .core)]))
        #expect(alignment(wind, "17-2199", F.cleanEnergy)?.specialty == "17-2199.10")
        #expect(alignment(wind, "17-2199.11", F.cleanEnergy)?.grade == .incidental)
        // Without a graded specialty, the catch-all's own evidence still makes an incidental edge naming none.
        let alone = F.derive(try F.tables(titles: [("solar", F.cleanEnergy)]))
        #expect(alignment(alone, "17-2199", F.cleanEnergy)?.specialty == nil)
        #expect(alignment(alone, "17-2199", F.cleanEnergy)?.grade == .incidental)
    }

    @Test func specialtiesGiveTheirCodeOneGradeDownWhenTheyAreHalfOfIt() throws {
        var vocabulary = F.vocabulary
        vocabulary.occupationTitles["15-2051.01"] = "Business Intelligence Analysts"
        vocabulary.occupationTitles["15-2051.02"] = "Clinical Data Managers"
        func derive(_ links: [(String, String, AlignmentGrade)], occupations: Int) throws -> FieldAlignments {
            let text = F.texts(programs: F.rows(F.programs), occupations: F.rows(links))
            return FieldAlignments(
                socProfiles: F.socProfiles(), specialtyProfiles: ["15-2051.01": .init(), "15-2051.02": .init()],
                socTitles: F.socTitles, onetOccupations: ["15-2051": occupations],
                curation: try CurationTables.parse(text, vocabulary: vocabulary))
        }
        // 15-2051: incidental in advanced computing on its own evidence (one program of two, 0.13).
        // Two core specialties of 15-2051.00 (counted twice), .01 and .02: half of the code, one grade down.
        let half = try derive([("15-2051.01", F.computing, .core), ("15-2051.02", F.computing, .core)], occupations: 4)
        let code = try #require(alignment(half, "15-2051", F.computing))
        #expect(AlignmentStrength.text(code.strength) == "0.13")
        #expect(code.specialty == "15-2051.01")  // a tie: the lower code
        #expect(code.grade == .substantial)
        #expect(alignment(half, "15-2051.01", F.computing)?.grade == .core)
        // One of them: a quarter of the code, incidental.
        let quarter = try derive([("15-2051.01", F.computing, .core)], occupations: 4)
        #expect(alignment(quarter, "15-2051", F.computing)?.specialty == "15-2051.01")
        #expect(alignment(quarter, "15-2051", F.computing)?.grade == .incidental)
        // Substantial specialties give their code incidental, however many.
        let substantial = try derive([("15-2051.01", F.computing, .substantial), ("15-2051.02", F.computing, .substantial)],
                                     occupations: 4)
        #expect(alignment(substantial, "15-2051", F.computing)?.grade == .incidental)
        // A field the code has no evidence for at all: the specialties alone make its edge.
        let only = try derive([("15-2051.01", F.space, .core), ("15-2051.02", F.space, .core)], occupations: 4)
        let space = try #require(alignment(only, "15-2051", F.space))
        #expect(!space.counts.hasEvidence)
        #expect(space.grade == .substantial)
        #expect(space.specialty == "15-2051.01")
    }

    @Test func aFocusAreaReceivesTheLinksOfTheCategoriesItIncludes() throws {
        let inclusions = [(F.hpc, F.computing), (F.hpc, F.semiconductors)]
        let derived = F.derive(try F.tables(programs: F.programs, technologies: F.technologies, titles: F.titleTerms,
                                            occupations: F.occupations, inclusions: inclusions))
        // 17-2061: a computing program and semiconductor technologies, one kind of evidence in each category, both
        // kinds at once in the focus area that includes the two.
        let area = try #require(alignment(derived, "17-2061", F.hpc))
        #expect(area.programs == ["11.0701"])
        #expect(area.technologies == ["Cadence Virtuoso", "Synopsys HSPICE"])
        #expect(AlignmentStrength.text(area.strength) == "1.00")
        #expect(area.grade == .core)
        #expect(alignment(derived, "17-2061", F.computing)?.grade == .incidental)
        #expect(alignment(derived, "17-2061", F.semiconductors)?.grade == .incidental)
        #expect(alignment(derived, "15-1221", F.hpc)?.programs == ["11.0701"])
        // A focus area that includes no signalled category gets no edge.
        #expect(!derived.alignments.contains { $0.field == F.advancedEnergy })
        // A program signalling two included categories counts once for the focus area.
        let twice = F.derive(try F.tables(programs: F.programs + [("11.0701", F.semiconductors)],
                                          inclusions: inclusions))
        #expect(alignment(twice, "17-2061", F.hpc)?.programs == ["11.0701"])
        #expect(alignment(twice, "17-2061", F.hpc)?.counts.programs == 1)
        // Direct links are inherited too.
        let robotics = try F.tables(occupations: F.occupations, inclusions: [(F.hpc, F.autonomy)])
        #expect(alignment(F.derive(robotics), "17-2011", F.hpc)?.direct == .core)
        #expect(alignment(F.derive(robotics), "17-2011", F.hpc)?.grade == .core)
    }

    @Test func derivationIsIndependentOfInputOrder() throws {
        let curation = try F.tables(programs: F.programs, technologies: F.technologies, titles: F.titleTerms,
                                    occupations: F.occupations)
        let titles = F.titles + [("15-2051", "Machine-Learning Engineer")]
        let forward = F.derive(curation, titles: titles)
        let backward = F.derive(curation, crosswalk: F.crosswalk.reversed(), uses: F.uses.reversed(),
                                titles: titles.reversed(), specialties: F.specialtyTitles.reversed())
        #expect(forward.alignments == backward.alignments)
        #expect(forward.alignmentsFile.text == backward.alignmentsFile.text)
        #expect(forward.evidenceFile.text == backward.evidenceFile.text)
        #expect(alignment(forward, "15-2051", F.ai)?.titles == ["Machine Learning Engineer"])
    }
}
