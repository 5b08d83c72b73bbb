import Foundation
import Testing

@Suite("socgraph why")
struct WhyCommandTests {
    let graph = ["--graph", CLI.fixture.path]

    @Test func tableShowsPathsRationalesAndTheStrengthRule() throws {
        let result = try CLI.run(["why", "15-1221", "artificial-intelligence"] + graph)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr == "")
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first == "15-1221  Computer and Information Research Scientists")
        #expect(lines.allSatisfy { $0.count <= 80 }, "a line is wider than 80 columns")
        #expect(result.stdout.contains("Strength 0.83 = 1 − (1 − p)(1 − 0.8·t)(1 − 0.9·d)"))
        #expect(result.stdout.contains("p  2 of 15 crosswalked programs signal the field  0.1333"))
        #expect(result.stdout.contains("1 − (1 − 0.1333)(1 − 0.8·1)(1 − 0.9·0) = 0.8267 → 0.83"))
        #expect(result.stdout.contains("15-1221 ← prepares-for ← 11.0102 Artificial Intelligence →\n"
                                       + "    artificial-intelligence"))
        #expect(result.stdout.contains("15-1221 → uses → TensorFlow (hot) → artificial-intelligence"))
        #expect(result.stdout.contains("rationale: CET 2024 AI: machine learning and deep learning frameworks"))
        #expect(result.stdout.contains("Sources:"))
        #expect(result.stdout.contains("O*NET 30.2 (CC BY 4.0)"))
    }

    @Test func directLinkAndSpecialtyAndFieldPrefix() throws {
        let result = try CLI.run(["why", "15-1221.00", "quantum"] + graph)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Direct link (curation/occupation-fields.tsv)"))
        #expect(result.stdout.contains("15-1221 → quantum-information-and-enabling-technologies (direct)"))
        #expect(result.stdout.contains("d  curated direct link"))
        let specialty = try CLI.run(["why", "15-2051.01", "Artificial Intelligence"] + graph)
        #expect(specialty.status == 0, "\(specialty.stderr)")
        #expect(specialty.stdout.hasPrefix("15-2051  Data Scientists\n"))
    }

    @Test func json() throws {
        let result = try CLI.run(["why", "152051", "artificial-intelligence", "--format", "json"] + graph)
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["code"] as? String == "15-2051")
        #expect(object["field"] as? String == "artificial-intelligence")
        #expect(object["strength"] as? Double == 0.82)
        let paths = try #require(object["paths"] as? [[String: Any]])
        #expect(paths.count == 13)
        let first = try #require(paths.first)
        #expect(Set(first.keys) == ["kind", "via", "viaTitle", "hot", "rationale", "curation", "nodes"])
        #expect(first["kind"] as? String == "program")
        #expect(first["via"] as? String == "11.0102")
        #expect(first["hot"] is NSNull)
        let nodes = try #require(first["nodes"] as? [[String: Any]])
        #expect(nodes.compactMap { $0["code"] as? String } == ["15-2051", "11.0102", "artificial-intelligence"])
        #expect(paths.contains { $0["via"] as? String == "PyTorch" && $0["hot"] as? Bool == true })
        let computation = try #require(object["computation"] as? [String: Any])
        #expect(computation["programs"] as? Int == 3)
        #expect(computation["programTotal"] as? Int == 35)
        #expect((object["sources"] as? [Any])?.isEmpty == false)
    }

    @Test func tsv() throws {
        let result = try CLI.run(["why", "15-1221", "artificial-intelligence", "--format", "tsv"] + graph)
        #expect(result.status == 0, "\(result.stderr)")
        let rows = result.stdout.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
        #expect(rows.first == ["code", "field", "strength", "kind", "via", "via_title", "hot", "rationale", "curation"])
        #expect(rows.count == 8)
        #expect(rows.allSatisfy { $0.count == 9 })
        #expect(rows.dropFirst().allSatisfy { $0[0] == "15-1221" && $0[2] == "0.83" })
        #expect(rows.contains { $0[3] == "technology" && $0[4] == "TensorFlow" && $0[6] == "yes" })
    }

    @Test func noEvidenceExitsOne() throws {
        let result = try CLI.run(["why", "29-1141", "semiconductors-and-microelectronics"] + graph)
        #expect(result.status == 1)
        #expect(result.stdout == "")
        #expect(result.stderr == "socgraph: error: no evidence links 29-1141 Registered Nurses to "
                + "semiconductors-and-microelectronics: none of its 21 crosswalked programs or 90 technologies is "
                + "curated for that field, nor is a direct link\n")
        let json = try CLI.run(["why", "29-1141", "semiconductors-and-microelectronics", "--format", "json"] + graph)
        #expect(json.status == 1)
        #expect(json.stdout == "")
    }

    @Test func badInputExitsTwoWithSuggestions() throws {
        let field = try CLI.run(["why", "15-1221", "ai"] + graph)
        #expect(field.status == 2)
        #expect(field.stderr == "socgraph: error: unknown national-interest field 'ai'; did you mean "
                + "artificial-intelligence?\n")
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
        try text.replacingOccurrences(of: "\t0.83\t", with: "\t0.93\t").write(to: url, atomically: true, encoding: .utf8)
        let result = try CLI.run(["why", "15-1221", "artificial-intelligence", "--graph", directory.path])
        #expect(result.status == 3)
        #expect(result.stderr.contains("alignments.tsv:3: strength: 0.93, but the rule of Graph/README.md gives 0.83"))
    }
}
