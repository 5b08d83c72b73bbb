import Foundation
import Testing
@testable import SOCGraph

/// Thousands of seeded random strings through code resolution and search on the fixture graph: each resolves or
/// fails with a `SOCGraphError` of the documented exit status and a one-line message; nothing crashes or hangs.
@Suite("Generated input: resolution and search")
struct GeneratedInputTests {
    let graph = Fixture.graph

    /// Checks a failure's status and message, recording the input that caused it.
    func expectCleanFailure(_ error: Error, statuses: Set<Int32>, input: String,
                            sourceLocation: SourceLocation = #_sourceLocation) {
        guard let error = error as? SOCGraphError else {
            Issue.record("\(input.debugDescription.prefix(200)): not a SOCGraphError: \(error)",
                         sourceLocation: sourceLocation)
            return
        }
        let message = error.description
        #expect(statuses.contains(error.exitStatus), "\(input.debugDescription.prefix(200)): \(message)",
                sourceLocation: sourceLocation)
        #expect(!message.isEmpty, sourceLocation: sourceLocation)
        #expect(message.isOneSafeLine, "\(input.debugDescription.prefix(200)): \(message.debugDescription)",
                sourceLocation: sourceLocation)
        #expect(message.count <= 1_000, "\(input.debugDescription.prefix(200)): \(message.count) characters",
                sourceLocation: sourceLocation)
    }

    @Test("3,000 random strings resolve to a node or fail with exit status 2 and one line")
    func resolveRandomStrings() {
        var text = GeneratedText(seed: 2_018)
        var resolved = 0, rejected = 0
        for _ in 0..<3_000 {
            let input = text.next()
            do {
                let node = try graph.resolve(input)
                #expect(node >= 0 && node < graph.nodes.count)
                resolved += 1
            } catch {
                expectCleanFailure(error, statuses: [2], input: input)
                rejected += 1
            }
        }
        // Both outcomes must occur, or the generator is not reaching the interesting paths.
        #expect(resolved > 25, "resolved \(resolved)")
        #expect(rejected > 500, "rejected \(rejected)")
    }

    @Test("random strings resolved as one kind fail with exit status 2 and one line")
    func resolveRandomStringsAsAKind() {
        var text = GeneratedText(seed: 29)
        let kinds: [Set<NodeKind>] = [[.detailed, .specialty], [.field], [.program], [.technology]]
        for round in 0..<500 {
            let input = text.next()
            do {
                let node = try graph.resolve(input, as: kinds[round % kinds.count])
                #expect(kinds[round % kinds.count].contains(graph[node].kind))
            } catch {
                expectCleanFailure(error, statuses: [2], input: input)
            }
        }
    }

    @Test("every accepted spelling of every occupation code survives surrounding noise or is rejected cleanly")
    func codesWithNoise() throws {
        var generator = SeededGenerator(state: 152_051)
        let noise = ["", " ", "\t", "\n", "\u{A0}", "\u{0}", "\u{FEFF}", "x", "-", ".", "0", "’"]
        for node in graph.nodes(ofKind: .detailed) {
            let code = graph[node].id
            let spellings = [code, code.replacingOccurrences(of: "-", with: ""), code + ".00"]
            for spelling in spellings {
                #expect(try graph.resolve(spelling) == node, "\(spelling)")
                for _ in 0..<20 {
                    let noisy = noise.randomElement(using: &generator)! + spelling + noise.randomElement(using: &generator)!
                    do {
                        _ = try graph.resolve(noisy)
                    } catch {
                        expectCleanFailure(error, statuses: [2], input: noisy)
                    }
                }
            }
        }
    }

    @Test("a 300,000-digit code is rejected quickly, its message cut to a readable length")
    func veryLongCode() throws {
        let input = String(repeating: "5", count: 300_000)
        let clock = ContinuousClock()
        var caught: Error?
        let elapsed = clock.measure {
            do { _ = try graph.resolve(input) } catch { caught = error }
        }
        let error = try #require(caught as? SOCGraphError)
        #expect(error.exitStatus == 2)
        #expect(error.description.hasPrefix("'\(String(repeating: "5", count: 60))…' (300000 characters) is too long"))
        // Measuring every code's edit distance to 300,000 digits took seconds; the length bound skips them all.
        #expect(elapsed < .seconds(5), "\(elapsed)")
    }

    @Test("2,000 random search texts give results or fail with exit status 1 or 2 and one line")
    func searchRandomText() {
        let index = SearchIndex(graph: graph)
        var text = GeneratedText(seed: 4_096)
        var answered = 0, rejected = 0
        for _ in 0..<2_000 {
            let input = text.next()
            do {
                let results = try index.search(input, limit: 5)
                #expect(results.hits.count <= 5)
                #expect(results.hits.allSatisfy { $0.score.isFinite && $0.score >= 0 })
                answered += 1
            } catch {
                expectCleanFailure(error, statuses: [1, 2], input: input)
                rejected += 1
            }
        }
        #expect(answered > 100, "answered \(answered)")
        #expect(rejected > 100, "rejected \(rejected)")
    }
}

/// How messages carry user values: one line, terminal-safe, bounded.
@Suite("One-line error messages")
struct OneLineMessageTests {
    @Test func controlCharactersAreEscaped() {
        let error = SOCGraphError.unknownCode("a\nb\r\u{1B}[31m\u{202E}\u{0}\tc\u{2028}", suggestions: [])
        #expect(error.description == #"unknown code 'a\nb\r\u{1B}[31m\u{202E}\u{0}\tc\u{2028}'"#)
    }

    @Test func ordinaryTextIsUnchanged() {
        for text in ["15-2051", "Données ‘scientifiques’ & <co>", "مطورو البرمجيات", "日本語 😀 👩‍💻"] {
            #expect(SOCGraphError.singleLine(text) == text)
        }
    }

    @Test func longValuesAreCut() {
        let long = String(repeating: "é", count: 500)
        let error = SOCGraphError.unknownNode(long, kind: "field", suggestions: ["x"])
        #expect(error.description
            == "unknown field '\(String(repeating: "é", count: 60))…' (500 characters); did you mean x?")
    }

    @Test func diagnosticsAreOneLineAndSortedSoTheCauseComesFirst() {
        let problems = [
            Diagnostic(file: "cip-soc.tsv", line: 2, message: "code: unknown detailed occupation '15-1221'"),
            Diagnostic(file: "text/tasks.tsv", line: 2, message: "x"),
            Diagnostic(file: "soc.tsv", line: 1, message: "header is '\u{FEFF}code'"),
            Diagnostic(file: "manifest.tsv", line: 3, message: "y"),
        ].sorted()
        #expect(problems.map(\.file) == ["manifest.tsv", "soc.tsv", "cip-soc.tsv", "text/tasks.tsv"])
        #expect(problems[1].description == #"soc.tsv:1: header is '\u{FEFF}code'"#)
    }
}
