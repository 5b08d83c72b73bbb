import Foundation
import Testing
@testable import SOCGraph

/// The aligns-with edges of the shipped Graph/ (committed with the package), loaded by the core and queried as the
/// `why`, `fields`, `find` and `show` commands do.
@Suite("Shipped field alignments")
struct ShippedAlignmentTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let directory = packageRoot.appendingPathComponent("Graph")

    static let loaded = Result { try GraphStore(directory: directory).load() }

    func graph() throws -> KnowledgeGraph { try Self.loaded.get() }

    @Test func researchScientistsAlignWithAIThroughProgramsTechnologiesAndTitles() throws {
        let graph = try graph()
        let report = try WhyReport(graph: graph, occupation: try graph.resolve("15-1221"),
                                   field: try graph.resolveField("artificial-intelligence"))
        #expect(report.grade == "core")
        #expect(report.framework == "cet-2024")
        let programs = report.paths.filter { $0.kind == "program" }
        #expect(programs.contains { $0.via == "11.0102" && $0.nodes.map(\.code) == ["15-1221", "11.0102",
                                                                                     "artificial-intelligence"] })
        let technologies = report.paths.filter { $0.kind == "technology" }
        #expect(!technologies.isEmpty)
        #expect(technologies.contains { $0.via == "TensorFlow" && $0.hot == true })
        let titles = report.paths.filter { $0.kind == "title" }
        #expect(!titles.isEmpty)
        #expect(titles.allSatisfy { TitleTerms.contains($0.via ?? "", term: $0.term ?? "-") })
        #expect(report.paths.allSatisfy { $0.rationale.hasPrefix("CET 2024 ") })
        #expect(AlignmentStrength.text(report.computation.value) == AlignmentStrength.text(report.strength))
    }

    @Test func nursesHaveNoEvidenceForSemiconductors() throws {
        let graph = try graph()
        let error = #expect(throws: SOCGraphError.self) {
            try WhyReport(graph: graph, occupation: try graph.resolve("29-1141"),
                          field: try graph.resolveField("semiconductors-and-microelectronics"))
        }
        #expect(error?.exitStatus == 1)
        #expect(error?.description.hasPrefix(
            "no evidence links 29-1141 Registered Nurses to semiconductors-and-microelectronics: none of its") == true)
    }

    @Test func aiRanksResearchScientistsAndDataScientistsInItsTopTen() throws {
        let graph = try graph()
        let report = try FieldOccupationsReport(graph: graph, field: try graph.resolveField("artificial-intelligence"),
                                                limit: 10)
        let codes = report.occupations.map(\.code)
        #expect(codes.contains("15-1221"))
        #expect(codes.contains("15-2051"))
        #expect(report.minimumGrade == "substantial")
        // Best grade first, then the strongest evidence.
        let ranks = report.occupations.map { (AlignmentGrade(name: $0.grade)?.rawValue ?? 0, $0.strength) }
        #expect(zip(ranks, ranks.dropFirst()).allSatisfy { $0.0 > $1.0 || ($0.0 == $1.0 && $0.1 >= $1.1) })
        #expect(report.occupations.allSatisfy { AlignmentGrade(name: $0.grade)?.isCitable == true })
    }

    @Test func everyFieldHasCitableOccupationsAndCurationRows() throws {
        let graph = try graph()
        let list = FieldListReport(graph: graph)
        #expect(list.fields.count == 28)
        #expect(list.fields.filter { $0.framework == Framework.cet.rawValue }.map(\.number) == Array(1...18))
        #expect(list.fields.filter { $0.framework == Framework.chips.rawValue }.map(\.number) == Array(1...10))
        for field in list.fields {
            #expect(field.core + field.substantial > 0, "\(field.id) has no citable occupation")
            #expect(field.programs + field.technologies + field.titleTerms + field.directLinks > 0,
                    "\(field.id) has no curation row")
        }
        // The counts are of detailed codes; the other edges are O*NET specialties'.
        let detailed = graph.edges.filter { edge in
            edge.kind == .alignsWith && graph[edge.from].kind == .detailed
        }.count
        #expect(list.fields.map { $0.core + $0.substantial + $0.incidental }.reduce(0, +) == detailed)
        #expect(detailed < graph.edgeCounts[.alignsWith] ?? 0)
    }

    @Test func everyEdgeIsTheRuleAppliedToItsEvidence() throws {
        let graph = try graph()
        var catchAlls = 0
        for edge in graph.edges where edge.kind == .alignsWith {
            guard case let .alignment(a) = edge.attributes else {
                Issue.record("aligns-with edge without its alignment")
                continue
            }
            let code = graph[a.occupation].id, field = graph[a.field].id
            #expect(a.evidence.filter { $0.kind == .program }.count == a.programs, "\(code) \(field)")
            #expect(a.evidence.filter { $0.kind == .technology }.count == a.technologies, "\(code) \(field)")
            #expect(a.evidence.filter { $0.kind == .title }.count == a.titles, "\(code) \(field)")
            #expect(a.evidence.contains { $0.kind == .direct } == (a.direct != nil), "\(code) \(field)")
            #expect(AlignmentStrength.text(a.parts.value) == AlignmentStrength.text(a.strength), "\(code) \(field)")
            #expect(AlignmentStrength.grade(a.parts, direct: a.direct, specialty: a.specialtyGrade,
                                            catchAll: a.catchAll, userGroup: a.userGroup) == a.grade,
                    "\(code) \(field)")
            #expect(a.userGroup == AlignmentStrength.isUserGroup(code), "\(code) \(field)")
            #expect(a.evidence.allSatisfy { !$0.rationale.isEmpty })
            // A catch-all code is graded for its typical incumbent: never citable.
            #expect(a.catchAll == (graph[a.occupation].kind == .detailed
                                   && CatchAll.isCatchAll(title: graph[a.occupation].title)), "\(code) \(field)")
            if a.catchAll {
                catchAlls += 1
                #expect(a.grade == .incidental, "\(code) is a catch-all graded \(a.grade.name) in \(field)")
            }
            if let specialty = a.specialty {
                // The named specialty is the code's best graded one, graded core or substantial on its own; the
                // code takes its grade one step down when such specialties are half the code, else incidental.
                #expect(graph.parent(of: specialty) == a.occupation, "\(code) \(field)")
                let own = try #require(graph.alignment(of: specialty, with: a.field), "\(code) \(field)")
                #expect(own.occupation == specialty && own.grade.isCitable, "\(code) \(field)")
                #expect(a.specialtyGrade == own.grade.lowered || a.specialtyGrade == .incidental, "\(code) \(field)")
                let others = graph.children(of: a.occupation).compactMap { graph.alignment(of: $0, with: a.field) }
                    .filter { graph[$0.occupation].kind == .specialty }
                #expect(others.allSatisfy { $0.grade <= own.grade }, "\(code) \(field)")
            } else {
                #expect(a.specialtyGrade == nil, "\(code) \(field)")
            }
        }
        #expect(catchAlls > 0)
    }

    @Test func showOfResearchScientistsHasFieldsAndDesignations() throws {
        let graph = try graph()
        guard case let .occupation(report) = NodeReport(graph: graph, node: try graph.resolve("15-1221")) else {
            Issue.record("15-1221 is not an occupation")
            return
        }
        #expect(report.fields.contains { $0.id == "artificial-intelligence" && $0.grade == "core" })
        #expect(report.fields.contains {
            $0.id == "artificial-intelligence-machine-learning-autonomy-and-related-advances" && $0.isCitable
        })
        #expect(report.designations.map(\.id) == ["stem"])
    }

    // MARK: Pinned judgments

    /// The grade of `code` in `field`; nil when no edge links them.
    func grade(_ graph: KnowledgeGraph, _ code: String, _ field: String,
               sourceLocation: SourceLocation = #_sourceLocation) throws -> AlignmentGrade? {
        let occupation = try graph.expectNode(code, sourceLocation: sourceLocation)
        let field = try graph.expectNode(field, sourceLocation: sourceLocation)
        return graph.alignment(of: occupation, with: field)?.grade
    }

    @Test func aCatchAllIsNotCitableEvenWhenASpecialtyIsCore() throws {
        let graph = try graph()
        let mathematical = try #require(graph.alignment(of: try graph.expectNode("15-2099"),
                                                        with: try graph.expectNode("biotechnologies")))
        #expect(graph[mathematical.occupation].title == "Mathematical Science Occupations, All Other")
        #expect(mathematical.catchAll)
        #expect(mathematical.grade <= .incidental)
        #expect(mathematical.specialty.map { graph[$0].id.hasPrefix("15-2099.") } ?? true)

        let engineers = try #require(graph.alignment(of: try graph.expectNode("17-2199"),
                                                     with: try graph.expectNode("clean-energy-generation-and-storage")))
        #expect(engineers.catchAll)
        #expect(engineers.grade <= .incidental)
        let specialty = try #require(engineers.specialty, "17-2199 names no specialty in clean energy")
        // 17-2199.11 Solar Energy Systems Engineers or 17-2199.10 Wind Energy Engineers.
        #expect(["17-2199.10", "17-2199.11"].contains(graph[specialty].id))
        #expect(graph.alignment(of: specialty, with: engineers.field)?.occupation == specialty)
        #expect(graph.alignment(of: specialty, with: engineers.field)?.grade == .core)
        // Listed with the specialties, the specialty ranks above its catch-all code.
        let listed = graph.occupations(alignedWith: engineers.field, specialties: true).map(\.occupation)
        let position = try #require(listed.firstIndex(of: specialty))
        #expect(position < (listed.firstIndex(of: engineers.occupation) ?? listed.count))
    }

    @Test func anthropologistsAreNotCitableInBiotechnologies() throws {
        let graph = try graph()
        let anthropology = graph.nodes(ofKind: .detailed).filter { graph[$0].title.hasPrefix("Anthropologists") }
        #expect(anthropology.map { graph[$0].id } == ["19-3091"])  // Anthropologists and Archeologists
        let code = graph[try #require(anthropology.first)].id
        let anthropologists = try grade(graph, code, "biotechnologies")
        #expect(anthropologists?.isCitable != true)
        let medical = try #require(try grade(graph, "19-1042", "biotechnologies"))
        #expect(medical.rawValue > anthropologists?.rawValue ?? 0)
        #expect(medical.isCitable)
    }

    @Test func surveyResearchersAreNotCitableInAI() throws {
        let graph = try graph()
        #expect(try grade(graph, "19-3022", "artificial-intelligence")?.isCitable != true)
        #expect(try grade(graph, "19-3022", "artificial-intelligence-machine-learning-autonomy-and-related-advances")?
            .isCitable != true)
    }

    @Test func findForAIMastersInJobZoneFiveLeavesOutEnglishTeachers() throws {
        let graph = try graph()
        let selected = try FindQuery(parsing: "field:artificial-intelligence education>=master zone>=5").evaluate(in: graph)
        #expect(!selected.contains("25-1123"))  // English Language and Literature Teachers, Postsecondary
        #expect(selected.contains("15-1221"))
        // field: asks for substantial or core: every occupation selected is citable in the field.
        #expect(selected.allSatisfy { graph.fieldGrades(of: $0)["artificial-intelligence"]?.isCitable == true })
        #expect(try FindQuery(parsing: "field:artificial-intelligence grade>=incidental").evaluate(in: graph).count
                >= (try FindQuery(parsing: "field:artificial-intelligence").evaluate(in: graph).count))
    }

    @Test func industrialMachineryMechanicsAreNotCitableInCleanEnergy() throws {
        let graph = try graph()
        #expect(try grade(graph, "49-9041", "clean-energy-generation-and-storage")?.isCitable != true)
        #expect(try grade(graph, "49-9041", "advanced-energy-and-industrial-efficiency-technologies")?.isCitable != true)
    }

    @Test func engineersAreCitableInTheirDefenseFields() throws {
        let graph = try graph()
        #expect(try grade(graph, "17-2072", "advanced-and-networked-sensing-and-signature-management")?.isCitable
                == true)
        #expect(try grade(graph, "17-2011", "positioning-navigation-and-timing-technologies")?.isCitable == true)
        #expect(try grade(graph, "15-1241", "integrated-communication-and-networking-technologies") == .core)
    }

    @Test func everyCHIPSFocusAreaHasACitableOccupation() throws {
        let graph = try graph()
        let areas = graph.nodes(ofKind: .field).filter { graph.framework(of: $0) == .chips }
        #expect(areas.count == 10)
        for area in areas {
            #expect(!graph.occupations(alignedWith: area, minimum: .substantial).isEmpty,
                    "\(graph[area].id) has no citable occupation")
        }
        #expect(try grade(graph, "11-9161", "natural-and-anthropogenic-disaster-prevention-or-mitigation")?.isCitable
                == true)  // Emergency Management Directors
    }

    // MARK: Graded examples (../shared/eval/alignment-examples.tsv)

    /// `alignment-examples.tsv` of the evaluation files: `$SOCGRAPH_EVAL`, else `../shared/eval` beside the package.
    static let examples: URL = {
        let environment = ProcessInfo.processInfo.environment
        let folder = environment["SOCGRAPH_EVAL"].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0) }
            ?? packageRoot.deletingLastPathComponent().appendingPathComponent("shared/eval")
        return folder.appendingPathComponent("alignment-examples.tsv")
    }()

    /// Run when the file is there; on CI, its absence is a failure.
    static var examplesAvailable: Bool {
        FileManager.default.fileExists(atPath: examples.path)
            || !(ProcessInfo.processInfo.environment["CI"] ?? "").isEmpty
    }

    @Test(.enabled(if: examplesAvailable, "alignment-examples.tsv is absent (and CI is not set)"))
    func noPairGradedNotAlignedIsAligned() throws {
        let graph = try graph()
        let text = try String(contentsOf: Self.examples, encoding: .utf8)
        // Rows `field code grade reason`, grade 3 core … 0 not aligned; comment lines (#) and the header skipped.
        let rows = text.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
            .filter { !$0.isEmpty && !$0[0].hasPrefix("#") && $0[0] != "field" && $0.count >= 3 }
        let absurd = rows.filter { $0[2].trimmingCharacters(in: .whitespaces) == "0" }
        #expect(!absurd.isEmpty, "no pair graded 0 in \(Self.examples.path)")
        var checked = 0
        for row in absurd {
            let field = String(row[0]), code = String(row[1])
            // A code or field the graph does not have is aligned with nothing.
            guard let fieldNode = graph.node(id: field), let occupation = graph.node(id: code) else { continue }
            checked += 1
            let found = graph.alignment(of: occupation, with: fieldNode)
            #expect(found == nil, "\(code) is aligned \(found?.grade.name ?? "") with \(field), graded 0 (not aligned)")
        }
        #expect(checked > 0)
    }
}
