import Testing
@testable import SOCGraph

@Suite("Resolving codes and titles")
struct ResolveTests {
    let graph = Fixture.graph

    func id(_ input: String) throws -> String { graph[try graph.resolve(input)].id }

    @Test(arguments: [
        ("15-2051", "15-2051"), ("152051", "15-2051"), ("15-2051.00", "15-2051"), ("152051.00", "15-2051"),
        (" 15-2051 ", "15-2051"), ("15-2051.01", "15-2051.01"), ("15-2000", "15-2000"), ("29-0000", "29-0000"),
        ("11.0102", "11.0102"), ("11.01", "11.01"), ("11", "11"), ("artificial-intelligence", "artificial-intelligence"),
        ("Artificial Intelligence", "artificial-intelligence"), ("data scientists", "15-2051"),
        ("SOFTWARE DEVELOPERS", "15-1252"), ("Business Intelligence Analysts", "15-2051.01"),
        ("Computer Occupations", "15-1200"), ("bachelor", "bachelor"), ("job-zone-4", "job-zone-4"),
        ("stem", "stem"), ("TensorFlow", "TensorFlow"),
    ])
    func acceptedSpellings(input: String, expected: String) throws {
        #expect(try id(input) == expected)
    }

    @Test func unknownCodeSuggestsNearestCodes() {
        // Distance 1: 15-2051 (detailed first), then 15-2050; at distance 2 detailed codes come before groups.
        #expect(throws: SOCGraphError.unknownCode("15-2059", suggestions: [
            "15-2051 Data Scientists", "15-2050 Data Scientists", "15-2041 Statisticians",
        ])) {
            try graph.resolve("15-2059")
        }
        do {
            _ = try graph.resolve("152052")
            Issue.record("152052 resolved")
        } catch let SOCGraphError.unknownCode(code, suggestions) {
            #expect(code == "152052")
            #expect(suggestions.first == "15-2051 Data Scientists")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func unknownSpecialtyAndProgram() throws {
        do {
            _ = try graph.resolve("15-2051.07")
            Issue.record("resolved")
        } catch let SOCGraphError.unknownCode(_, suggestions) {
            #expect(suggestions.contains("15-2051.01 Business Intelligence Analysts"))
        }
        do {
            _ = try graph.resolve("11.0109")
            Issue.record("resolved")
        } catch let SOCGraphError.unknownCode(_, suggestions) {
            #expect(suggestions.first?.hasPrefix("11.010") == true)
        }
    }

    @Test(arguments: ["15-205", "15-20511", "1520", "15--2051", "-", "15-2051.1"])
    func malformedCodes(input: String) {
        do {
            _ = try graph.resolve(input)
            Issue.record("\(input) resolved")
        } catch let SOCGraphError.malformedCode(code, _) {
            #expect(code == input)
        } catch {
            Issue.record("\(input): unexpected \(error)")
        }
    }

    @Test func malformedCodeStillSuggests() {
        do {
            _ = try graph.resolve("15-205")
        } catch let SOCGraphError.malformedCode(_, suggestions) {
            #expect(suggestions.contains("15-2050 Data Scientists"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func unknownTitleSuggestsSimilarTitles() {
        do {
            _ = try graph.resolve("Data Scientist")
        } catch let SOCGraphError.unknownCode(_, suggestions) {
            #expect(suggestions.first == "15-2051 Data Scientists")
        } catch {
            Issue.record("unexpected \(error)")
        }
        do {
            _ = try graph.resolve("underwater basket weaving")
        } catch let SOCGraphError.unknownCode(_, suggestions) {
            #expect(suggestions == [])
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func wrongKindIsUnknownNode() throws {
        #expect(graph[try graph.resolve("artificial-intelligence", as: [.field])].kind == .field)
        do {
            _ = try graph.resolve("11.0102", as: [.field])
            Issue.record("resolved")
        } catch let SOCGraphError.unknownNode(id, kind, _) {
            #expect(id == "11.0102")
            #expect(kind == "national-interest field")
        }
        let error = SOCGraphError.unknownCode("15-2059", suggestions: ["15-2051 Data Scientists"])
        #expect(error.exitStatus == 2)
        #expect(error.description == "unknown code '15-2059'; did you mean 15-2051 Data Scientists?")
    }

    @Test func codeShapes() {
        #expect(CodeShape.socLevel("15-0000") == .major)
        #expect(CodeShape.socLevel("29-1000") == .minor)
        #expect(CodeShape.socLevel("15-1200") == .minor)
        #expect(CodeShape.socLevel("15-1250") == .broad)
        #expect(CodeShape.socLevel("15-1252") == .detailed)
        #expect(CodeShape.socLevel("15-125") == nil)
        #expect(CodeShape.isONET("15-2051.01"))
        #expect(!CodeShape.isONET("15-2051.1"))
        #expect(CodeShape.cipLevel("11.0102") == .program)
        #expect(CodeShape.cipLevel("11.01") == .series)
        #expect(CodeShape.cipLevel("11") == .family)
        #expect(CodeShape.isSOCPart("15-2051", of: "15-2051.01"))
        #expect(!CodeShape.isSOCPart("15-2052", of: "15-2051.01"))
        #expect(CodeShape.slug("Data Privacy, Data Security, and Cybersecurity Technologies")
                == "data-privacy-data-security-and-cybersecurity-technologies")
        #expect(CodeShape.slug("Highly Automated, Autonomous, and Uncrewed Systems, and Robotics")
                == "highly-automated-autonomous-and-uncrewed-systems-and-robotics")
    }
}
