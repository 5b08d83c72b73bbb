import Foundation
import Testing

@Suite("socgraph why")
struct WhyCommandTests {
    let graph = ["--graph", CLI.fixture.path]

    @Test func tableShowsGradePathsRationalesAndTheStrengthRule() throws {
        let result = try CLI.run(["why", "15-1221", "artificial-intelligence"] + graph)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr == "")
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first == "15-1221  Computer and Information Research Scientists")
        #expect(lines.allSatisfy { $0.count <= 80 }, "a line is wider than 80 columns")
        #expect(result.stdout.contains("aligns-with: national-interest field 6 of the Critical and Emerging\n"
                                       + "  Technologies List Update (NSTC, Feb 2024)"))
        #expect(result.stdout.contains("Grade: substantial (many incumbents work in the field)\n"
                                       + "  substantial: the evidence (strength 0.43, 3 kinds of evidence) supports\n"
                                       + "  substantial"))
        #expect(result.stdout.contains("Strength 0.43 = 1 − (1 − ½·p)(1 − t)(1 − n) (Graph/README.md)"))
        #expect(result.stdout.contains("p  2 of 15 crosswalked programs signal the field"))
        #expect(result.stdout.contains("t  5 signalling (2 hot) = 7 of 213 technology points: min(1, 2·share)  0.0657"))
        #expect(result.stdout.contains("n  7 of 30 distinct titles name the field's work: min(1, 1.5·share)      0.35"))
        #expect(result.stdout.contains("1 − (1 − ½·0.1333)(1 − 0.0657)(1 − 0.35) = 0.4332 → 0.43; evidence alone:\n"
                                       + "    substantial"))
        #expect(result.stdout.contains("15-1221 ← prepares-for ← 11.0102 Artificial Intelligence →\n"
                                       + "    artificial-intelligence"))
        #expect(result.stdout.contains("15-1221 → uses → TensorFlow (hot) → artificial-intelligence"))
        #expect(result.stdout.contains("rationale: CET 2024 AI: machine learning and deep learning frameworks"))
        #expect(result.stdout.contains("15-1221 titled “Machine Learning Engineer” (names “machine learning”) →\n"
                                       + "    artificial-intelligence"))
        #expect(result.stdout.contains("Sources:"))
        #expect(result.stdout.contains("O*NET 30.2 (CC BY 4.0)"))
    }

    @Test func directLinkAndSpecialtyAndFieldPrefix() throws {
        let result = try CLI.run(["why", "15-1221.00", "quantum-information-and"] + graph)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Grade: substantial (many incumbents work in the field)\n"
                                       + "  substantial: the curated direct link says substantial"))
        #expect(result.stdout.contains("Direct link (curation/occupation-fields.tsv)"))
        #expect(result.stdout.contains("15-1221 → quantum-information-and-enabling-technologies (direct,\n"
                                       + "    substantial)"))
        #expect(result.stdout.contains("evidence alone: no grade; curated\n    direct link: substantial"))
        // A specialty without its own alignment answers with its SOC code's.
        let specialty = try CLI.run(["why", "15-2051.01", "Artificial Intelligence"] + graph)
        #expect(specialty.status == 0, "\(specialty.stderr)")
        #expect(specialty.stdout.hasPrefix("15-2051  Data Scientists\n"))
        // A CHIPS focus area, and the specialty graded on its own in it.
        let focus = try CLI.run(["why", "15-2051", "data-storage"] + graph)
        #expect(focus.status == 0, "\(focus.stderr)")
        #expect(focus.stdout.contains("aligns-with: national-interest field 8 of the CHIPS and Science Act of 2022,\n"
                                      + "  sec. 10387 key technology focus areas"))
        #expect(focus.stdout.contains("Grade: incidental (some incumbents touch the field's tools or programs; not an\n"
                                      + "alignment to cite)"))
        #expect(focus.stdout.contains("Specialties graded on their own: 15-2051.02 Clinical Data Managers (core)"))
        // "quantum" starts two fields now: the CET category and the CHIPS focus area.
        let ambiguous = try CLI.run(["why", "15-1221", "quantum"] + graph)
        #expect(ambiguous.status == 2)
        #expect(ambiguous.stderr == "socgraph: error: unknown national-interest field 'quantum'; did you mean "
                + "quantum-information-and-enabling-technologies, quantum-information-science-and-technology?\n")
    }

    @Test func json() throws {
        let result = try CLI.run(["why", "152051", "artificial-intelligence", "--format", "json"] + graph)
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["code"] as? String == "15-2051")
        #expect(object["field"] as? String == "artificial-intelligence")
        #expect(object["framework"] as? String == "cet-2024")
        #expect(object["grade"] as? String == "core")
        #expect(object["gradeReason"] as? String == "core: the evidence (strength 0.17, 3 kinds of evidence) supports "
                + "incidental; the curated direct link says core")
        #expect(object["strength"] as? Double == 0.17)
        #expect(object["catchAll"] as? Bool == false)
        #expect(object["specialty"] is NSNull)
        #expect((object["specialties"] as? [Any])?.isEmpty == true)
        let paths = try #require(object["paths"] as? [[String: Any]])
        #expect(paths.count == 18)  // 3 programs, 10 technologies, 4 titles, the direct link
        #expect(paths.filter { $0["kind"] as? String == "title" }.count == 4)
        #expect(paths.allSatisfy {
            Set($0.keys) == ["kind", "via", "viaTitle", "term", "grade", "hot", "rationale", "curation", "nodes"]
        })
        let direct = try #require(paths.first { $0["kind"] as? String == "direct" })
        #expect(direct["grade"] as? String == "core")
        #expect(direct["via"] is NSNull)
        let program = try #require(paths.first { $0["kind"] as? String == "program" })
        #expect(program["via"] as? String == "11.0102")
        #expect(program["hot"] is NSNull)
        let nodes = try #require(program["nodes"] as? [[String: Any]])
        #expect(nodes.compactMap { $0["code"] as? String } == ["15-2051", "11.0102", "artificial-intelligence"])
        #expect(paths.contains { $0["via"] as? String == "PyTorch" && $0["hot"] as? Bool == true })
        let title = try #require(paths.first { $0["kind"] as? String == "title" })
        #expect(title["term"] as? String == "machine learning")
        let computation = try #require(object["computation"] as? [String: Any])
        #expect(computation["programs"] as? Int == 3)
        #expect(computation["programTotal"] as? Int == 35)
        #expect(computation["titles"] as? Int == 4)
        #expect(computation["titleTotal"] as? Int == 78)
        #expect(computation["technologyPoints"] as? Int == 372)
        #expect(computation["evidenceGrade"] as? String == "incidental")
        #expect(computation["direct"] as? String == "core")
        #expect((object["sources"] as? [Any])?.isEmpty == false)
    }

    @Test func tsv() throws {
        let result = try CLI.run(["why", "15-1221", "artificial-intelligence", "--format", "tsv"] + graph)
        #expect(result.status == 0, "\(result.stderr)")
        let rows = result.stdout.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
        #expect(rows.first == ["code", "field", "framework", "grade", "strength", "kind", "via", "via_title", "hot",
                               "rationale", "curation"])
        #expect(rows.count == 15)  // 2 programs, 5 technologies, 7 titles
        #expect(rows.allSatisfy { $0.count == 11 })
        #expect(rows.dropFirst().allSatisfy {
            $0[0] == "15-1221" && $0[2] == "cet-2024" && $0[3] == "substantial" && $0[4] == "0.43"
        })
        #expect(rows.contains { $0[5] == "technology" && $0[6] == "TensorFlow" && $0[8] == "yes" })
        #expect(rows.contains { $0[5] == "title" && $0[6] == "Machine Learning Engineer" && $0[8] == "" })
    }

    @Test func noEvidenceExitsOne() throws {
        let result = try CLI.run(["why", "29-1141", "semiconductors-and-microelectronics"] + graph)
        #expect(result.status == 1)
        #expect(result.stdout == "")
        #expect(result.stderr == "socgraph: error: no evidence links 29-1141 Registered Nurses to "
                + "semiconductors-and-microelectronics: none of its 21 crosswalked programs, 90 technologies or titles "
                + "is curated for that field, nor is a direct link\n")
        let json = try CLI.run(["why", "29-1141", "semiconductors-and-microelectronics", "--format", "json"] + graph)
        #expect(json.status == 1)
        #expect(json.stdout == "")
    }

    @Test func badInputExitsTwoWithSuggestions() throws {
        let field = try CLI.run(["why", "15-1221", "ai"] + graph)
        #expect(field.status == 2)
        #expect(field.stderr == "socgraph: error: unknown national-interest field 'ai'; did you mean "
                + "artificial-intelligence, artificial-intelligence-machine-learning-autonomy-and-related-advances?\n")
        let code = try CLI.run(["why", "15-1222", "artificial-intelligence"] + graph)
        #expect(code.status == 2)
        #expect(code.stderr.contains("'15-1222'; did you mean 15-1221 Computer and Information Research Scientists"))
        let group = try CLI.run(["why", "15-2000", "artificial-intelligence"] + graph)
        #expect(group.status == 2)
        #expect(group.stderr.contains("did you mean 15-2041 Statisticians, 15-2051 Data Scientists?"))
        let missing = try CLI.run(["why", "15-1221"] + graph)
        #expect(missing.status == 2)
        #expect(missing.stderr.hasPrefix("socgraph: error: Missing expected argument '<field>'"))
    }

    @Test func damagedAlignmentsExitThree() throws {
        let directory = try CLI.fixtureCopy()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("alignments.tsv")
        let text = try String(contentsOf: url, encoding: .utf8)
        try text.replacingOccurrences(of: "\tsubstantial\t0.43\t", with: "\tsubstantial\t0.53\t")
            .write(to: url, atomically: true, encoding: .utf8)
        let result = try CLI.run(["why", "15-1221", "artificial-intelligence", "--graph", directory.path])
        #expect(result.status == 3)
        #expect(result.stderr.contains("alignments.tsv:3: strength: 0.53, but the rule of Graph/README.md gives 0.43"))
    }
}
