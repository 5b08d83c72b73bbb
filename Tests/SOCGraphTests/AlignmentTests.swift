import Foundation
import Testing
@testable import SOCGraph

/// The aligns-with edges of the fixture graph: loading, typed facts, reports and field resolution. The fixture's
/// alignments are derived by the grade rule from its seven occupations' own profiles (crosswalked programs, uses.tsv,
/// titles.tsv) and the shipped curation rows that reach them, with both frameworks' fields and the inclusions of
/// field-includes.tsv, as they stood when the fixture was made. One direct link is left out (15-1221 to
/// artificial-intelligence) so that an edge is graded on its evidence alone; 15-2051.02 Clinical Data Managers is
/// graded core in data storage on its own, one of 15-2051's four O*NET shares (the `.00` counted twice).
@Suite("Field alignments")
struct AlignmentTests {
    let graph = Fixture.graph

    func alignment(_ code: String, _ field: String) throws -> FieldAlignment {
        try #require(graph.alignment(of: try graph.expectNode(code), with: try graph.expectNode(field)))
    }

    func ids(_ nodes: [NodeIndex]) -> [String] { nodes.map { graph[$0].id } }

    @Test func alignmentsLoadWithTheirGradesCountsAndEvidence() throws {
        let ai = try alignment("15-1221", "artificial-intelligence")
        #expect(ai.grade == .substantial)
        #expect(ai.strength == 0.43)
        #expect(ai.counts == AlignmentStrength.Counts(
            programs: 2, programTotal: 15, technologies: 5, hotTechnologies: 2, technologyPoints: 213, titles: 7,
            titleTotal: 30))
        #expect(ai.direct == nil && ai.specialty == nil && ai.specialtyGrade == nil && !ai.catchAll)
        #expect(ai.evidence.map(\.kind) == [.program, .program] + Array(repeating: .technology, count: 5)
                + Array(repeating: .title, count: 7))
        #expect(ai.evidence.compactMap { $0.via.map { graph[$0].id } } == [
            "11.0102", "30.7001", "Bidirectional encoder representations from transformers (BERT)", "Hugging Face",
            "PyTorch", "Scikit-learn", "TensorFlow",
        ])
        #expect(ai.evidence.filter { $0.hot == true }.compactMap { $0.via.map { graph[$0].id } }
                == ["PyTorch", "TensorFlow"])
        #expect(ai.evidence.filter { $0.kind != .technology }.allSatisfy { $0.hot == nil })
        // A title path names the title and the curated term it contains; it goes through no node.
        let titles = ai.evidence.filter { $0.kind == .title }
        #expect(titles.allSatisfy { $0.via == nil && $0.curationFile == "curation/title-terms.tsv" })
        #expect(titles.compactMap(\.title) == [
            "AI Engineer (Artificial Intelligence Engineer)", "Artificial Intelligence Specialist (AI Specialist)",
            "Computer Vision Scientist", "Machine Learning Engineer", "Machine Learning Research Scientist",
            "Machine Learning Scientist", "NLP Engineer (Natural Language Processing Engineer)",
        ])
        #expect(titles.compactMap(\.term) == [
            "ai engineer", "ai specialist", "computer vision", "machine learning", "machine learning",
            "machine learning", "natural language processing",
        ])
        #expect(titles.allSatisfy { TitleTerms.contains($0.title ?? "", term: $0.term ?? "-") })
        // Every path carries its curation row.
        let first = try #require(ai.evidence.first)
        #expect(first.rationale.hasPrefix("CET 2024 AI: machine learning"))
        #expect(first.curationFile == "curation/cip-fields.tsv")
        #expect(first.curationLine == 2)
        #expect(ai.evidence.allSatisfy { !$0.rationale.isEmpty && $0.grade == nil })

        // A direct link alone: no evidence, strength 0, graded by its curated grade.
        let direct = try alignment("15-1221", "quantum-information-and-enabling-technologies")
        #expect(direct.grade == .substantial)
        #expect(direct.strength == 0)
        #expect(direct.direct == .substantial)
        #expect(!direct.counts.hasEvidence)
        #expect(direct.evidence == [Evidence(
            kind: .direct, via: nil, hot: nil, grade: .substantial,
            rationale: try #require(direct.evidence.first).rationale,
            curationFile: "curation/occupation-fields.tsv", curationLine: 6)])
        #expect(direct.evidence.first?.rationale.hasPrefix("CET 2024 Quantum:") == true)
    }

    @Test func strengthPartsFollowTheRule() throws {
        let parts = try alignment("15-1221", "artificial-intelligence").parts
        #expect(abs(parts.program - 2.0 / 15) < 1e-12)
        #expect(abs(parts.technology - 2.0 * 7 / 213) < 1e-12)  // 5 technologies, 2 of them hot: 7 points of 213
        #expect(abs(parts.title - 1.5 * 7 / 30) < 1e-12)
        #expect(parts.kinds == 3)
        #expect(abs(parts.value - (1 - (1 - 1.0 / 15) * (1 - 14.0 / 213) * (1 - 0.35))) < 1e-12)
        #expect(AlignmentStrength.text(parts.value) == "0.43")
        #expect(AlignmentStrength.evidenceGrade(parts) == .substantial)
        // One program of 35 counts half: 1/35/2; the technology part is not halved for two technologies.
        let dataStorage = try alignment(
            "15-2051", "data-storage-data-management-distributed-ledger-technologies-and-cybersecurity").parts
        #expect(abs(dataStorage.program - 1.0 / 70) < 1e-12)
        #expect(abs(dataStorage.technology - 2.0 * 3 / 372) < 1e-12)
        #expect(dataStorage.title == 0)
        #expect(dataStorage.kinds == 2)
        #expect(AlignmentStrength.text(dataStorage.value) == "0.02")
        #expect(AlignmentStrength.evidenceGrade(dataStorage) == nil)  // below 0.05: no grade from the evidence
    }

    @Test func gradesFollowTheRuleFromEvidenceDirectLinksAndSpecialties() throws {
        // Evidence alone: 0.43 with three kinds agreeing.
        let evidence = try alignment("15-1221", "artificial-intelligence")
        #expect(evidence.gradeReason == "substantial: the evidence (strength 0.43, 3 kinds of evidence) supports substantial")
        // A curated direct grade above what the evidence supports.
        let direct = try alignment("15-2051", "artificial-intelligence")
        #expect(direct.grade == .core)
        #expect(direct.direct == .core)
        #expect(AlignmentStrength.evidenceGrade(direct.parts) == .incidental)
        #expect(direct.gradeReason.hasPrefix("core: the evidence (strength 0.17, 3 kinds of evidence) supports incidental; "
                                             + "the curated direct link says core"))
        // Evidence alone, below substantial strength: incidental.
        let incidental = try alignment("15-1253", "advanced-computing")
        #expect(incidental.grade == .incidental)
        #expect(incidental.direct == nil && incidental.specialty == nil)
        #expect(!incidental.grade.isCitable)
        // A specialty graded core on its own, but one share of four of its code (15-2051.00 counts twice): it gives
        // its SOC code, whose own evidence is below incidental, no more than incidental.
        let field = "data-storage-data-management-distributed-ledger-technologies-and-cybersecurity"
        let code = try alignment("15-2051", field)
        #expect(code.grade == .incidental)
        #expect(code.specialty.map { graph[$0].id } == "15-2051.02")
        #expect(code.specialtyGrade == .incidental)
        #expect(AlignmentStrength.evidenceGrade(code.parts) == nil)
        #expect(code.gradeReason == "incidental: its O*NET specialties graded in the field give the code incidental")
        let specialty = try alignment("15-2051.02", field)
        #expect(specialty.occupation == (try graph.expectNode("15-2051.02")))
        #expect(specialty.grade == .core)
        #expect(specialty.direct == .core)
        #expect(specialty.programs == 0 && specialty.programTotal == 0)
        // A specialty graded incidental lends its code nothing: 15-2041 has no biotechnologies edge.
        let statistician = try alignment("15-2041.01", "biotechnologies")
        #expect(statistician.grade == .incidental)
        #expect(graph.alignment(of: try graph.expectNode("15-2041"), with: try graph.expectNode("biotechnologies"))
                == nil)
        // Every edge of the fixture is the rule applied to its counts, direct grade, specialty and catch-all flag.
        for edge in graph.edges where edge.kind == .alignsWith {
            guard case let .alignment(a) = edge.attributes else { continue }
            #expect(AlignmentStrength.grade(a.parts, direct: a.direct, specialty: a.specialtyGrade, catchAll: a.catchAll,
                                            userGroup: a.userGroup) == a.grade)
            #expect(!a.userGroup)  // the fixture's major groups (15, 29) work in fields
            #expect(AlignmentStrength.text(a.parts.value) == AlignmentStrength.text(a.strength))
        }
    }

    @Test func aFocusAreaReceivesTheLinksOfTheCategoriesItIncludes() throws {
        // The CHIPS AI focus area includes CET AI and CET autonomy: 15-1221 has AI evidence and an autonomy direct link.
        let chips = try alignment("15-1221", "artificial-intelligence-machine-learning-autonomy-and-related-advances")
        let cet = try alignment("15-1221", "artificial-intelligence")
        #expect(chips.counts == cet.counts)
        #expect(chips.direct == .substantial)
        #expect(chips.evidence.filter { $0.kind != .direct } == cet.evidence)
        let link = try #require(chips.evidence.first { $0.kind == .direct })
        #expect(link.curationLine == 4)  // the autonomy row of occupation-fields.tsv keeps its own line
        #expect(link.rationale.hasPrefix("CET 2024 Autonomous Systems and Robotics"))
        #expect(graph.framework(of: chips.field) == .chips)
        #expect(graph.framework(of: cet.field) == .cet)
    }

    @Test func alignmentsOfAnOccupationBestFirst() throws {
        let researchers = try graph.expectNode("15-1221")
        let fields = graph.alignments(of: researchers)
        #expect(ids(fields.map(\.field)) == [
            "advanced-computing", "high-performance-computing-semiconductors-and-advanced-computer-hardware-and-software",
            "artificial-intelligence", "artificial-intelligence-machine-learning-autonomy-and-related-advances",
            "human-machine-interfaces", "data-privacy-data-security-and-cybersecurity-technologies",
            "data-storage-data-management-distributed-ledger-technologies-and-cybersecurity",
            "highly-automated-autonomous-and-uncrewed-systems-and-robotics",
            "quantum-information-and-enabling-technologies", "quantum-information-science-and-technology",
            "robotics-automation-and-advanced-manufacturing",
        ])
        #expect(fields.map(\.grade) == [.core, .core] + Array(repeating: .substantial, count: 9))
        #expect(fields.map(\.strength) == [0.19, 0.19, 0.43, 0.43, 0.07, 0.05, 0.05, 0, 0, 0, 0])
        #expect(graph.alignments(of: researchers, minimum: .core).count == 2)
        #expect(graph.alignments(of: researchers, minimum: .substantial) == fields)
        #expect(graph.alignments(of: try graph.expectNode("15-1253"), minimum: .substantial).isEmpty)
        #expect(graph.alignments(of: try graph.expectNode("15-1253")).count == 2)
        // A specialty without alignments of its own stands for its detailed code.
        #expect(graph.alignments(of: try graph.expectNode("15-2051.01"))
                == graph.alignments(of: try graph.expectNode("15-2051")))
        // A specialty with one: its own for that field, its code's for the others.
        let managers = graph.alignments(of: try graph.expectNode("15-2051.02"))
        let field = "data-storage-data-management-distributed-ledger-technologies-and-cybersecurity"
        #expect(managers.count == graph.alignments(of: try graph.expectNode("15-2051")).count)
        #expect(managers.filter { graph[$0.occupation].id == "15-2051.02" }.map { graph[$0.field].id } == [field])
        #expect(managers.filter { graph[$0.field].id != field }.allSatisfy { graph[$0.occupation].id == "15-2051" })
        #expect(managers.map(\.grade) == managers.map(\.grade).sorted(by: >))
        #expect(graph.alignments(of: try graph.expectNode("29-1141")).isEmpty)
    }

    @Test func occupationsOfAFieldBestFirst() throws {
        let ai = try graph.expectNode("artificial-intelligence")
        let aligned = graph.occupations(alignedWith: ai)
        #expect(ids(aligned.map(\.occupation)) == ["15-2051", "15-1221", "15-1252"])
        #expect(aligned.map(\.grade) == [.core, .substantial, .substantial])
        #expect(aligned.map(\.strength) == [0.17, 0.43, 0.10])
        #expect(ids(graph.occupations(alignedWith: ai, minimum: .core).map(\.occupation)) == ["15-2051"])
        #expect(graph.occupations(alignedWith: try graph.expectNode("hypersonics")).isEmpty)
        let computing = try graph.expectNode("advanced-computing")
        #expect(ids(graph.occupations(alignedWith: computing).map(\.occupation))
                == ["15-1221", "15-1252", "15-2051", "15-1253"])
        #expect(ids(graph.occupations(alignedWith: computing, minimum: .substantial).map(\.occupation))
                == ["15-1221", "15-1252", "15-2051"])
        // Specialties graded on their own are listed only when asked for.
        let dataStorage = try graph.expectNode(
            "data-storage-data-management-distributed-ledger-technologies-and-cybersecurity")
        #expect(ids(graph.occupations(alignedWith: dataStorage).map(\.occupation)) == ["15-1221", "15-2051"])
        #expect(ids(graph.occupations(alignedWith: dataStorage, specialties: true).map(\.occupation))
                == ["15-2051.02", "15-1221", "15-2051"])
        #expect(ids(graph.occupations(alignedWith: dataStorage, minimum: .substantial, specialties: true)
            .map(\.occupation)) == ["15-2051.02", "15-1221"])
        let biotech = try graph.expectNode("biotechnologies")
        #expect(graph.occupations(alignedWith: biotech).isEmpty)
        #expect(ids(graph.occupations(alignedWith: biotech, specialties: true).map(\.occupation)) == ["15-2041.01"])
        #expect(graph.occupations(alignedWith: biotech, minimum: .substantial, specialties: true).isEmpty)
    }

    @Test func everyEvidencePathCarriesItsCurationRow() throws {
        var count = 0
        for code in Array(graph.nodes(ofKind: .detailed)) + Array(graph.nodes(ofKind: .specialty)) {
            for alignment in graph.alignments(of: code) {
                count += 1
                #expect(alignment.evidence.allSatisfy { !$0.rationale.isEmpty && $0.curationLine > 1 })
                #expect(alignment.evidence.allSatisfy { CurationTable.allCases.map(\.path).contains($0.curationFile) })
            }
        }
        #expect(count > graph.edgeCounts[.alignsWith] ?? 0)  // specialties repeat their codes' alignments
    }

    @Test func showReportListsFieldsWithShortEvidence() throws {
        guard case let .occupation(r) = NodeReport(graph: graph, node: try graph.resolve("15-2051")) else {
            Issue.record("15-2051 is not an occupation report")
            return
        }
        let ai = try #require(r.fields.first)
        #expect(ai.id == "artificial-intelligence")
        #expect(ai.name == "Artificial Intelligence")
        #expect(ai.number == 6)
        #expect(ai.framework == "cet-2024")
        #expect(ai.frameworkLabel == "CET 2024")
        #expect(ai.grade == "core")
        #expect(ai.isCitable)
        #expect(ai.direct == "core")
        #expect(ai.strength == 0.17)
        #expect((ai.programs, ai.programTotal, ai.technologies, ai.hotTechnologies, ai.titles) == (3, 35, 10, 2, 4))
        // The direct link first, then programs, titles, hot technologies and the others.
        #expect(Array(ai.evidence.prefix(7)) == [
            "direct curated link (core): CET 2024 Artificial Intelligence: machine learning; builds and evaluates predictive and machine learning models", "program 11.0102 Artificial Intelligence",
            "program 30.4801 Linguistics and Computer Science", "program 30.7001 Data Science, General",
            "title \u{201C}Machine Learning Data Scientist\u{201D}", "title \u{201C}Machine Learning Engineer\u{201D}",
            "title \u{201C}Machine Learning Scientist\u{201D}",
        ])
        #expect(ai.evidence[8...9] == ["technology PyTorch (hot)", "technology TensorFlow (hot)"])
        #expect(ai.evidence.count == 18)
        let chips = try #require(r.fields.dropFirst().first)
        #expect(chips.id == "artificial-intelligence-machine-learning-autonomy-and-related-advances")
        #expect(chips.frameworkLabel == "CHIPS 10387")
        let dataStorage = try #require(r.fields.first {
            $0.id == "data-storage-data-management-distributed-ledger-technologies-and-cybersecurity"
        })
        #expect(dataStorage.specialty == "15-2051.02")
        #expect(dataStorage.grade == "incidental")
        #expect(r.citableFields.map(\.id) == Array(r.fields.map(\.id).prefix(4)))
        let json = String(decoding: try JSONEncoder().encode(r), as: UTF8.self)
        #expect(json.contains("\"strength\":0.17"))
        #expect(json.contains("\"grade\":\"core\""))
        guard case let .occupation(analysts) = NodeReport(graph: graph, node: try graph.resolve("15-1253")) else {
            Issue.record("15-1253 is not an occupation report")
            return
        }
        #expect(analysts.fields.map(\.grade) == ["incidental", "incidental"])
        #expect(analysts.citableFields.isEmpty)
    }

    @Test func whyListsEveryPathWithItsNodesAndRationale() throws {
        let report = try WhyReport(graph: graph, occupation: try graph.resolve("15-1221"),
                                   field: try graph.resolveField("artificial-intelligence"))
        #expect(report.code == "15-1221")
        #expect(report.field == "artificial-intelligence")
        #expect(report.framework == "cet-2024")
        #expect(report.fieldNumber == 6)
        #expect(report.grade == "substantial")
        #expect(report.gradeReason == "substantial: the evidence (strength 0.43, 3 kinds of evidence) supports substantial")
        #expect(report.strength == 0.43)
        #expect(!report.catchAll && report.specialty == nil)
        #expect(report.paths.count == 14)
        let program = try #require(report.paths.first)
        #expect(program.kind == "program")
        #expect(program.via == "11.0102")
        #expect(program.viaTitle == "Artificial Intelligence")
        #expect(program.nodes.map(\.code) == ["15-1221", "11.0102", "artificial-intelligence"])
        #expect(program.curation == "curation/cip-fields.tsv:2")
        let tensorFlow = try #require(report.paths.first { $0.via == "TensorFlow" })
        #expect(tensorFlow.hot == true)
        #expect(tensorFlow.nodes.map(\.level) == ["detailed", "technology", "field"])
        #expect(tensorFlow.rationale.contains("deep learning frameworks"))
        let title = try #require(report.paths.first { $0.kind == "title" })
        #expect(title.via == "AI Engineer (Artificial Intelligence Engineer)")
        #expect(title.term == "ai engineer")
        #expect(title.nodes.map(\.code) == ["15-1221", "artificial-intelligence"])
        #expect(title.curation.hasPrefix("curation/title-terms.tsv:"))
        #expect(report.computation.programPart == 0.1333)
        #expect(report.computation.technologyPart == 0.0657)
        #expect(report.computation.titlePart == 0.35)
        #expect(report.computation.value == 0.4332)
        #expect(report.computation.evidenceGrade == "substantial")
        #expect(report.computation.direct == nil)
        #expect((report.computation.titles, report.computation.titleTotal, report.computation.technologyPoints)
                == (7, 30, 213))

        let direct = try WhyReport(graph: graph, occupation: try graph.resolve("15-1221"),
                                   field: try graph.resolveField("quantum-information-and"))
        #expect(direct.paths.map(\.kind) == ["direct"])
        #expect(direct.paths.first?.grade == "substantial")
        #expect(direct.paths.first?.nodes.map(\.code) == ["15-1221", "quantum-information-and-enabling-technologies"])
        #expect(direct.grade == "substantial")
        #expect(direct.gradeReason == "substantial: the curated direct link says substantial")
        #expect(direct.computation.value == 0)
        #expect(direct.computation.evidenceGrade == nil)
        #expect(direct.computation.direct == "substantial")
    }

    @Test func whyNamesTheSpecialtiesGradedInTheField() throws {
        let field = try graph.resolveField("data-storage")
        let code = try WhyReport(graph: graph, occupation: try graph.resolve("15-2051"), field: field)
        #expect(code.framework == "chips-2022")
        #expect(code.frameworkName.hasPrefix("CHIPS and Science Act of 2022"))
        #expect(code.grade == "incidental")
        #expect(code.specialty == "15-2051.02")
        #expect(code.specialtyTitle == "Clinical Data Managers")
        #expect(code.specialtyGrade == "incidental")
        #expect(code.specialties == [SpecialtyGrade(code: "15-2051.02", title: "Clinical Data Managers", grade: "core")])
        #expect(code.computation.specialtyGrade == "incidental")
        #expect(code.computation.evidenceGrade == nil)
        #expect(code.gradeReason.contains("its O*NET specialties graded in the field give the code incidental"))
        // No specialty of 15-2051 is graded in AI on its own.
        let ai = try WhyReport(graph: graph, occupation: try graph.resolve("15-2051"),
                               field: try graph.resolveField("artificial-intelligence"))
        #expect(ai.specialties.isEmpty && ai.specialty == nil && ai.specialtyGrade == nil)
        // The specialty's own report, and a specialty without its own alignment answering with its code's.
        let specialty = try WhyReport(graph: graph, occupation: try graph.resolve("15-2051.02"), field: field)
        #expect((specialty.code, specialty.grade) == ("15-2051.02", "core"))
        #expect(specialty.paths.map(\.kind) == ["direct"])
        let inherited = try WhyReport(graph: graph, occupation: try graph.resolve("15-2051.02"),
                                      field: try graph.resolveField("artificial-intelligence"))
        #expect((inherited.code, inherited.grade) == ("15-2051", "core"))
    }

    @Test func whyWithoutEvidenceSaysSo() throws {
        let nurses = try graph.resolve("29-1141")
        let field = try graph.resolveField("semiconductors-and-microelectronics")
        #expect(throws: SOCGraphError.nothingFound(
            "no evidence links 29-1141 Registered Nurses to semiconductors-and-microelectronics: none of its 21 "
                + "crosswalked programs, 90 technologies or titles is curated for that field, nor is a direct link")) {
            try WhyReport(graph: graph, occupation: nurses, field: field)
        }
        do {
            _ = try WhyReport(graph: graph, occupation: nurses, field: field)
        } catch let error as SOCGraphError {
            #expect(error.exitStatus == 1)
        }
    }

    @Test func whyNamesCuratedPathsThatMakeNoEdge() throws {
        // 15-2041's curated AI paths weigh too little against its whole profile for an edge.
        let error = #expect(throws: SOCGraphError.self) {
            try WhyReport(graph: graph, occupation: try graph.resolve("15-2041"),
                          field: try graph.resolveField("artificial-intelligence"))
        }
        #expect(error?.description.contains("no alignment of 15-2041 Statisticians with artificial-intelligence: its "
                                            + "curated paths (program 30.7001 Data Science, General; technology SAS "
                                            + "Enterprise Miner) weigh too little against its whole profile for a "
                                            + "grade (strength below 0.05)") == true)
        #expect(error?.exitStatus == 1)
        // Without its aligns-with row (and evidence), 15-1221's curated AI paths remain in the graph.
        let directory = try Fixture.copy()
        defer { try? FileManager.default.removeItem(at: directory) }
        for file in ["alignments.tsv", "alignment-evidence.tsv"] {
            try Fixture.edit(file, in: directory) { lines in
                lines.removeAll { $0.hasPrefix("15-1221\tartificial-intelligence\t") }
            }
        }
        let damaged = try GraphStore(directory: directory).load()
        let missing = #expect(throws: SOCGraphError.self) {
            try WhyReport(graph: damaged, occupation: try damaged.resolve("15-1221"),
                          field: try damaged.resolveField("artificial-intelligence"))
        }
        #expect(missing?.description.contains("its curated paths (program 11.0102 Artificial Intelligence; program "
                                              + "30.7001 Data Science, General; technology Bidirectional encoder "
                                              + "representations from transformers (BERT); technology Hugging Face; "
                                              + "technology PyTorch (hot); 9 more)") == true)
    }

    @Test func fieldsResolveByIdNameOrUniquePrefix() throws {
        let ai = try graph.expectNode("artificial-intelligence")
        #expect(try graph.resolveField("artificial-intelligence") == ai)
        #expect(try graph.resolveField("Artificial Intelligence") == ai)
        #expect(graph[try graph.resolveField("quantum-information-and")].id == "quantum-information-and-enabling-technologies")
        #expect(graph[try graph.resolveField("quantum-information-science")].id == "quantum-information-science-and-technology")
        #expect(graph[try graph.resolveField("artificial-intelligence-machine")].id
                == "artificial-intelligence-machine-learning-autonomy-and-related-advances")
        #expect(graph[try graph.resolveField("Natural and anthropogenic disaster prevention or mitigation")].id
                == "natural-and-anthropogenic-disaster-prevention-or-mitigation")
        // A prefix shared by a CET category and a CHIPS focus area suggests both.
        let both = ["artificial-intelligence", "artificial-intelligence-machine-learning-autonomy-and-related-advances"]
        #expect(throws: SOCGraphError.unknownNode("ai", kind: "national-interest field", suggestions: both)) {
            try graph.resolveField("ai")
        }
        #expect(throws: SOCGraphError.unknownNode("artificial", kind: "national-interest field", suggestions: both)) {
            try graph.resolveField("artificial")
        }
        let quantum = ["quantum-information-and-enabling-technologies", "quantum-information-science-and-technology"]
        #expect(graph.fieldSuggestions(for: "quantom") == quantum)
        #expect(graph.fieldSuggestions(for: "quantum") == quantum)
        #expect(graph.fieldSuggestions(for: "pnt") == ["positioning-navigation-and-timing-technologies"])
        #expect(graph.fieldSuggestions(for: "cyber") == [
            "data-privacy-data-security-and-cybersecurity-technologies",
            "data-storage-data-management-distributed-ledger-technologies-and-cybersecurity",
        ])
        #expect(graph.fieldSuggestions(for: "artifical-inteligence").first == "artificial-intelligence")
        // Several fields start with "advanced": suggest them rather than pick one.
        let advanced = #expect(throws: SOCGraphError.self) { try graph.resolveField("advanced") }
        #expect(advanced?.description.contains("advanced-and-networked-sensing-and-signature-management") == true)
        #expect(advanced?.exitStatus == 2)
        #expect(throws: SOCGraphError.self) { try graph.resolveField("15-1221") }
    }

    @Test func fieldReports() throws {
        let list = FieldListReport(graph: graph)
        #expect(list.fields.count == 28)
        #expect(list.fields.map(\.framework) == Array(repeating: "cet-2024", count: 18)
                + Array(repeating: "chips-2022", count: 10))
        #expect(list.fields.map(\.number) == Array(1...18) + Array(1...10))
        let ai = try #require(list.fields.first { $0.id == "artificial-intelligence" })
        #expect((ai.core, ai.substantial, ai.incidental) == (1, 2, 0))
        #expect((ai.programs, ai.technologies, ai.titleTerms, ai.directLinks) == (3, 13, 7, 2))
        #expect(ai.includes.isEmpty)
        let chipsAI = try #require(list.fields.first {
            $0.id == "artificial-intelligence-machine-learning-autonomy-and-related-advances"
        })
        #expect(chipsAI.includes == ["artificial-intelligence", "highly-automated-autonomous-and-uncrewed-systems-and-robotics"])
        #expect((chipsAI.core, chipsAI.substantial, chipsAI.incidental) == (1, 2, 0))
        #expect((chipsAI.programs, chipsAI.technologies, chipsAI.titleTerms, chipsAI.directLinks) == (3, 13, 7, 3))
        let computing = try #require(list.fields.first { $0.id == "advanced-computing" })
        #expect((computing.core, computing.substantial, computing.incidental) == (1, 2, 1))
        let quantum = try #require(list.fields.first { $0.id == "quantum-information-and-enabling-technologies" })
        #expect((quantum.core, quantum.substantial, quantum.incidental, quantum.directLinks) == (0, 1, 0, 1))
        // Counts are of detailed codes: the specialty 15-2041.01 graded in biotechnologies is not counted.
        let biotech = try #require(list.fields.first { $0.id == "biotechnologies" })
        #expect((biotech.core, biotech.substantial, biotech.incidental) == (0, 0, 0))

        let top = try FieldOccupationsReport(graph: graph, field: try graph.resolveField("artificial-intelligence"),
                                             limit: 2)
        #expect(top.total == 3)
        #expect(top.minimumGrade == "substantial")
        #expect(top.framework == "cet-2024")
        #expect(top.occupations.map(\.code) == ["15-2051", "15-1221"])
        #expect(top.occupations.map(\.grade) == ["core", "substantial"])
        #expect(top.occupations.first?.programTotal == 35)
        #expect(top.occupations.first?.direct == "core")
        let all = try FieldOccupationsReport(graph: graph, field: try graph.resolveField("advanced-computing"),
                                             minimum: .incidental)
        #expect(all.occupations.map(\.code) == ["15-1221", "15-1252", "15-2051", "15-1253"])
        #expect(all.occupations.last?.grade == "incidental")
        let dataStorage = try FieldOccupationsReport(graph: graph, field: try graph.resolveField("data-storage"))
        #expect(dataStorage.occupations.map(\.code) == ["15-2051.02", "15-1221"])
        let withIncidental = try FieldOccupationsReport(graph: graph, field: try graph.resolveField("data-storage"),
                                                        minimum: .incidental)
        #expect(withIncidental.occupations.map(\.code) == ["15-2051.02", "15-1221", "15-2051"])
        #expect(withIncidental.occupations.last?.specialty == "15-2051.02")
        #expect(throws: SOCGraphError.self) {
            try FieldOccupationsReport(graph: graph, field: try graph.resolveField("hypersonics"))
        }
        // Only incidental alignments: the error says how to list them.
        let biotechField = try graph.resolveField("biotechnologies")
        let error = #expect(throws: SOCGraphError.self) {
            try FieldOccupationsReport(graph: graph, field: biotechField)
        }
        #expect(error?.description.contains("(1 incidental: add --grade incidental)") == true)
        let incidental = try FieldOccupationsReport(graph: graph, field: biotechField, minimum: .incidental)
        #expect(incidental.occupations.map(\.code) == ["15-2041.01"])
    }
}

/// The grade rule itself, on counts: the three parts, the evidence grade and the grade.
@Suite("Alignment grade rule")
struct AlignmentGradeRuleTests {
    typealias Counts = AlignmentStrength.Counts

    func text(_ counts: Counts) -> String { AlignmentStrength.text(AlignmentStrength.parts(counts).value) }

    @Test func gradesAreOrderedAndNamed() {
        #expect(AlignmentGrade.incidental < .substantial && AlignmentGrade.substantial < .core)
        #expect(AlignmentGrade.allCases.map(\.name) == ["incidental", "substantial", "core"])
        #expect(AlignmentGrade.allCases.map { AlignmentGrade(name: $0.name) } == AlignmentGrade.allCases)
        #expect(AlignmentGrade(name: "Core") == nil)
        #expect(AlignmentGrade.allCases.filter(\.isCitable) == [.substantial, .core])
        #expect(AlignmentGrade.core.lowered == .substantial)
        #expect(AlignmentGrade.substantial.lowered == .incidental)
        #expect(AlignmentGrade.incidental.lowered == nil)
    }

    @Test func programPart() {
        #expect(AlignmentStrength.programPart(programs: 3, programTotal: 4) == 0.75)
        #expect(AlignmentStrength.programPart(programs: 1, programTotal: 1) == 0.5)  // a single program counts half
        #expect(AlignmentStrength.programPart(programs: 0, programTotal: 4) == 0)
        #expect(AlignmentStrength.programPart(programs: 2, programTotal: 0) == 0)
        // The program part weighs half: all programs signalling give 0.50.
        #expect(text(Counts(programs: 2, programTotal: 2)) == "0.50")
        #expect(text(Counts(programs: 1, programTotal: 1)) == "0.25")
    }

    @Test func technologyPart() {
        // 2 points per hot technology, 1 per other; twice the share of points, at most 1.
        #expect(AlignmentStrength.technologyPart(Counts(technologies: 2, technologyPoints: 20)) == 0.2)
        #expect(AlignmentStrength.technologyPart(Counts(technologies: 2, hotTechnologies: 2, technologyPoints: 20)) == 0.4)
        #expect(AlignmentStrength.technologyPart(Counts(technologies: 1, technologyPoints: 20)) == 0.05)  // halved
        #expect(AlignmentStrength.technologyPart(Counts(technologies: 1, hotTechnologies: 1, technologyPoints: 20)) == 0.1)
        #expect(AlignmentStrength.technologyPart(Counts(technologies: 6, technologyPoints: 12)) == 1)
        #expect(AlignmentStrength.technologyPart(Counts(technologies: 20, hotTechnologies: 5, technologyPoints: 30)) == 1)
        #expect(AlignmentStrength.technologyPart(Counts(technologies: 0, technologyPoints: 30)) == 0)
        #expect(Counts(technologies: 3, hotTechnologies: 2).signallingPoints == 5)
    }

    @Test func titlePart() {
        #expect(AlignmentStrength.titlePart(titles: 1, titleTotal: 3) == 0.5)
        #expect(AlignmentStrength.titlePart(titles: 2, titleTotal: 3) == 1)  // two titles in three make it whole
        #expect(AlignmentStrength.titlePart(titles: 9, titleTotal: 10) == 1)
        #expect(AlignmentStrength.titlePart(titles: 0, titleTotal: 10) == 0)
        #expect(text(Counts(titles: 1, titleTotal: 3)) == "0.50")
    }

    @Test func partsCombineAsIndependentEvidence() {
        // 1 − (1 − ½·0.5)(1 − 0.4)(1 − 0.5) = 1 − 0.75 · 0.6 · 0.5 = 0.775
        let counts = Counts(programs: 2, programTotal: 4, technologies: 2, hotTechnologies: 2, technologyPoints: 20,
                            titles: 1, titleTotal: 3)
        let parts = AlignmentStrength.parts(counts)
        #expect(parts.kinds == 3)
        #expect(abs(parts.value - 0.775) < 1e-12)
        #expect(AlignmentStrength.text(parts.value) == "0.78")
        #expect(AlignmentStrength.parts(Counts()).value == 0)
        #expect(AlignmentStrength.parts(Counts()).kinds == 0)
        #expect(!Counts(programTotal: 5, technologyPoints: 9, titleTotal: 4).hasEvidence)
        #expect(AlignmentStrength.text(0.125) == "0.13")  // half up
        #expect(AlignmentStrength.text(0.145) == "0.15")  // float noise does not decide a tie
        #expect(AlignmentStrength.text(1) == "1.00")
        #expect(AlignmentStrength.text(0.05) == "0.05")
    }

    @Test func evidenceGradesNeedStrengthAndTwoKinds() {
        func grade(_ counts: Counts) -> AlignmentGrade? { AlignmentStrength.evidenceGrade(AlignmentStrength.parts(counts)) }
        // Titles alone, however strong, are one kind of evidence: incidental.
        #expect(grade(Counts(titles: 9, titleTotal: 10)) == .incidental)
        #expect(grade(Counts(technologies: 10, technologyPoints: 10)) == .incidental)
        // Two kinds at 0.775: core; at 0.55: substantial.
        #expect(grade(Counts(programs: 2, programTotal: 4, technologies: 2, hotTechnologies: 2, technologyPoints: 20,
                             titles: 1, titleTotal: 3)) == .core)
        #expect(grade(Counts(technologies: 2, technologyPoints: 20, titles: 1, titleTotal: 3)) == .substantial)  // 0.60
        #expect(grade(Counts(technologies: 4, technologyPoints: 40, titles: 1, titleTotal: 5)) == .substantial)  // 1 − 0.8·0.7 = 0.44
        #expect(grade(Counts(technologies: 2, technologyPoints: 40, titles: 2, titleTotal: 10)) == .incidental)  // 1 − 0.9·0.7 = 0.37
        // The thresholds apply to the strength as written: exactly 0.40 and 0.75 are enough.
        #expect(grade(Counts(technologies: 2, technologyPoints: 20, titles: 1, titleTotal: 6)) == .substantial)  // 1 − 0.8·0.75
        #expect(grade(Counts(programs: 2, programTotal: 2, technologies: 5, technologyPoints: 20)) == .core)  // 1 − 0.5·0.5
        #expect(grade(Counts(programs: 2, programTotal: 2, technologies: 4, technologyPoints: 20)) == .substantial)  // 0.70
        #expect(grade(Counts(programs: 1, programTotal: 40, technologies: 1, technologyPoints: 100)) == nil)  // 0.02
        #expect(grade(Counts(technologies: 1, technologyPoints: 10)) == .incidental)  // 0.10
        #expect(grade(Counts(titles: 1, titleTotal: 30)) == .incidental)  // 0.05
        #expect(grade(Counts(titles: 1, titleTotal: 32)) == .incidental)  // 0.046875 is written 0.05
        #expect(grade(Counts(titles: 1, titleTotal: 34)) == nil)  // 0.044 is written 0.04: no alignment
    }

    @Test func gradeIsTheBestOfEvidenceDirectAndSpecialtyCappedForACatchAll() {
        let weak = AlignmentStrength.parts(Counts(technologies: 1, technologyPoints: 10))  // incidental evidence
        let none = AlignmentStrength.parts(Counts())
        let strong = AlignmentStrength.parts(Counts(programs: 2, programTotal: 4, technologies: 2, hotTechnologies: 2,
                                                    technologyPoints: 20, titles: 1, titleTotal: 3))  // core
        func grade(_ parts: AlignmentStrength.Parts, direct: AlignmentGrade? = nil, specialty: AlignmentGrade? = nil,
                   catchAll: Bool = false) -> AlignmentGrade? {
            AlignmentStrength.grade(parts, direct: direct, specialty: specialty, catchAll: catchAll)
        }
        #expect(grade(none) == nil)
        #expect(grade(weak) == .incidental)
        #expect(grade(strong) == .core)
        #expect(grade(weak, direct: .substantial) == .substantial)
        #expect(grade(none, direct: .core) == .core)
        #expect(grade(strong, direct: .substantial) == .core)  // the direct grade never lowers the evidence's
        // What the specialties give the code counts as given (`rolledUp`).
        #expect(grade(none, specialty: .substantial) == .substantial)
        #expect(grade(none, specialty: .incidental) == .incidental)
        #expect(grade(weak, specialty: .substantial) == .substantial)
        #expect(grade(none, direct: .core, specialty: .substantial) == .core)
        // A catch-all is graded for its typical incumbent: at most incidental, whatever carries it.
        #expect(grade(strong, catchAll: true) == .incidental)
        #expect(grade(none, direct: .core, catchAll: true) == .incidental)
        #expect(grade(none, specialty: .substantial, catchAll: true) == .incidental)
        #expect(grade(weak, catchAll: true) == .incidental)
        #expect(grade(none, catchAll: true) == nil)
        #expect(CatchAll.isCatchAll(title: "Engineers, All Other"))
        #expect(!CatchAll.isCatchAll(title: "Solar Energy Systems Engineers"))
    }

    @Test func inAUserMajorGroupEvidenceAloneCountsIncidental() {
        let strong = AlignmentStrength.parts(Counts(programs: 2, programTotal: 4, technologies: 2, hotTechnologies: 2,
                                                    technologyPoints: 20, titles: 1, titleTotal: 3))  // core
        func grade(_ parts: AlignmentStrength.Parts, direct: AlignmentGrade? = nil, specialty: AlignmentGrade? = nil)
            -> AlignmentGrade?
        {
            AlignmentStrength.grade(parts, direct: direct, specialty: specialty, catchAll: false, userGroup: true)
        }
        // Sales (41), office support (43), protective service (33), arts and media (27), military (55).
        #expect(AlignmentStrength.userMajorGroups == ["27", "33", "41", "43", "55"])
        #expect(AlignmentStrength.isUserGroup("41-4011"))
        #expect(AlignmentStrength.isUserGroup("41-4011.07"))
        #expect(!AlignmentStrength.isUserGroup("17-2199"))
        #expect(grade(strong) == .incidental)
        #expect(grade(AlignmentStrength.parts(Counts())) == nil)
        // A curated grade or what the specialties give still counts in full.
        #expect(grade(strong, direct: .substantial) == .substantial)
        #expect(grade(strong, specialty: .substantial) == .substantial)
        #expect(AlignmentStrength.grade(strong, direct: nil, specialty: nil, catchAll: false, userGroup: false) == .core)
        #expect(AlignmentStrength.reason(strong, direct: nil, specialty: nil, catchAll: false, userGroup: true)
                .contains("its major group uses the field's technology rather than working in it"))
    }

    @Test func specialtiesGiveTheirCodeOneGradeDownWhenTheyAreHalfOfIt() {
        // A code's O*NET occupations, its `.00` counted twice: 15-2051 with .00, .01 and .02 counts 4.
        #expect(AlignmentStrength.rolledUp(best: .core, graded: 2, occupations: 4) == .substantial)
        #expect(AlignmentStrength.rolledUp(best: .core, graded: 1, occupations: 4) == .incidental)
        #expect(AlignmentStrength.rolledUp(best: .substantial, graded: 2, occupations: 4) == .incidental)
        #expect(AlignmentStrength.rolledUp(best: .substantial, graded: 1, occupations: 4) == .incidental)
        // A code with no .00 occupation, whose one specialty is the whole of it.
        #expect(AlignmentStrength.rolledUp(best: .core, graded: 1, occupations: 1) == .substantial)
        // Only specialties graded core or substantial count; none graded gives nothing.
        #expect(AlignmentStrength.rolledUp(best: .incidental, graded: 0, occupations: 3) == nil)
        #expect(AlignmentStrength.rolledUp(best: nil, graded: 0, occupations: 3) == nil)
    }

    @Test func reasonsNameWhatDecidedTheGrade() {
        let none = AlignmentStrength.parts(Counts())
        let weak = AlignmentStrength.parts(Counts(technologies: 1, technologyPoints: 10))
        #expect(AlignmentStrength.reason(none, direct: nil, specialty: nil, catchAll: false)
                == "no grade: the evidence gives strength 0.00, below 0.05")
        #expect(AlignmentStrength.reason(weak, direct: nil, specialty: nil, catchAll: false)
                == "incidental: the evidence (strength 0.10, one kind of evidence) supports incidental")
        #expect(AlignmentStrength.reason(none, direct: nil, specialty: .substantial, catchAll: true)
                == "incidental: its O*NET specialties graded in the field give the code substantial; a catch-all code "
                + "is graded for its typical incumbent, at most incidental (cite the specialty)")
        #expect(AlignmentStrength.reason(weak, direct: .core, specialty: nil, catchAll: false)
                == "core: the evidence (strength 0.10, one kind of evidence) supports incidental; the curated direct "
                + "link says core")
        // A catch-all whose best is already incidental needs no cap note.
        #expect(!AlignmentStrength.reason(weak, direct: nil, specialty: nil, catchAll: true).contains("catch-all"))
    }
}
