import Foundation

/// Holds a client's duty lines against a code's own words: its O*NET task statements, the detailed work
/// activities (DWAs) O*NET links them to, and the clauses of its SOC definition.
///
/// The method: each text becomes the set of its search terms (`SearchText.terms`: words without stop words, their
/// inflectional stems), each term weighted by its inverse document frequency over every task, DWA and definition
/// clause of the graph (capped at `rareDocuments`), so that "semiconductor" counts far more than "develop". A duty
/// and a clause score the weighted Dice overlap of their term sets, 2·shared / (duty + clause) (0–1); a duty's
/// match in a code is its best-scoring clause. A duty is covered at `covered` or above. Deterministic, offline, and explainable: every match names the clause and the
/// terms the two share.
public struct DutyMatcher: Sendable {
    /// The score at which a duty counts as covered by a clause.
    public static let covered = 0.30
    /// What a DWA match counts for against a task's: DWAs are O*NET's generalisations, shared by many occupations,
    /// where a task is the occupation's own statement.
    static let activityShare = 0.85
    /// Words rarer than this many clauses weigh no more than a word in this many.
    static let rareDocuments = 10
    /// A duty scoring below this in every clause matches nothing worth naming.
    public static let nothing = 0.12

    /// One text a duty can match: a task, a DWA or a definition clause.
    public struct Clause: Sendable, Hashable {
        /// `task`, `activity` (a DWA of one of the code's tasks) or `definition`.
        public let kind: String
        public let text: String
        /// The O*NET-SOC code of a task or DWA; the SOC code of a definition clause.
        public let source: String
        /// For a task: `Core`, `Supplemental` or empty.
        public let taskType: String
    }

    /// One duty held against one code.
    public struct Match: Encodable, Hashable, Sendable {
        public let duty: String
        /// The closest clause, nil when nothing scores `nothing` or more.
        @Nullable public var clause: String?
        /// `task`, `activity` or `definition`, nil with no clause.
        @Nullable public var kind: String?
        /// The O*NET-SOC or SOC code the clause belongs to.
        @Nullable public var source: String?
        /// The overlap score, rounded to two places.
        public let score: Double
        public let covered: Bool
        /// The words (as written in the duty) the duty and the clause share, most telling first.
        public let shared: [String]
    }

    private let weights: [String: Double]
    private let clauses: [String: [Clause]]
    private let clauseTerms: [String: [[String: Double]]]
    /// The summed weight of each clause's terms, as `clauseTerms`.
    private let clauseMasses: [String: [Double]]
    /// The weight of a term no clause has: that of a term in one document.
    private let unseenWeight: Double

    /// The matcher for the text layer `text`. O(total words of the text layer).
    public init(text: OccupationText) {
        var clauses: [String: [Clause]] = [:]
        for (code, tasks) in text.tasks {
            var seen: Set<String> = []
            for task in tasks {
                clauses[code, default: []].append(
                    Clause(kind: "task", text: task.text, source: task.onetCode, taskType: task.type))
                for activity in task.activities where seen.insert(activity).inserted {
                    clauses[code, default: []].append(
                        Clause(kind: "activity", text: activity, source: task.onetCode, taskType: ""))
                }
            }
        }
        for (code, definition) in text.definitions {
            for clause in Self.definitionClauses(definition) + Self.definitionFragments(definition) {
                clauses[code, default: []].append(Clause(kind: "definition", text: clause, source: code, taskType: ""))
            }
        }
        var frequency: [String: Int] = [:]
        var documents = 0
        var termSets: [String: [Set<String>]] = [:]
        for (code, list) in clauses {
            termSets[code] = list.map { clause in
                let terms = Set(SearchText.terms(clause.text))
                documents += 1
                for term in terms { frequency[term, default: 0] += 1 }
                return terms
            }
        }
        let total = Double(max(documents, 1))
        // A word in fewer than `rareDocuments` clauses weighs as one in that many: duty lines carry product and
        // employer words (cathode, lithium) that no clause has, and they must not drown the words they share.
        let cap = log((total + 1) / Double(Self.rareDocuments + 1)) + 1
        let weights = frequency.mapValues { min(cap, log((total + 1) / Double($0 + 1)) + 1) }
        self.weights = weights
        self.clauses = clauses
        let clauseTerms = termSets.mapValues { sets in
            sets.map { terms in Dictionary(uniqueKeysWithValues: terms.map { ($0, weights[$0] ?? 1) }) }
        }
        self.clauseTerms = clauseTerms
        clauseMasses = clauseTerms.mapValues { $0.map { $0.values.reduce(0, +) } }
        unseenWeight = cap
    }

    /// How well `matches` (one code's) cover the duties, 0–1: the mean of the duties' scores (each counted full
    /// at 0.5) and the covered share, weighed equally.
    public static func fit(_ matches: [Match]) -> Double {
        guard !matches.isEmpty else { return 0 }
        let strength = matches.map { min(1, $0.score / 0.5) }.reduce(0, +) / Double(matches.count)
        let coverage = Double(matches.filter(\.covered).count) / Double(matches.count)
        return 0.5 * strength + 0.5 * coverage
    }

    /// Every code with clauses, ranked by how well its clauses cover `duties` (`fit`), best first, ties by code.
    /// O(duties × all clauses).
    public func rank(_ duties: [String]) -> [(code: String, fit: Double)] {
        let weighted = duties.map(weightedTerms)
        return clauses.keys.map { code in
            let scores = weighted.map { best($0, in: code) }
            guard !scores.isEmpty else { return (code, 0) }
            // As `fit` of `match`: scores rounded to two places; covered only from `nothing` and `covered` up.
            let strength = scores.map { min(1, Self.rounded($0?.score ?? 0) / 0.5) }.reduce(0, +) / Double(scores.count)
            let coverage = Double(scores.filter { ($0?.score ?? 0) >= Self.covered }.count) / Double(scores.count)
            return (code, 0.5 * strength + 0.5 * coverage)
        }
        .sorted { $0.1 > $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }
    }

    /// Whether the text layer has any clause for `code` (a SOC detailed code).
    public func hasClauses(for code: String) -> Bool { !(clauses[code] ?? []).isEmpty }

    /// Each of `duties` matched to its closest clause of `code` (a SOC detailed code). O(duties × clauses).
    public func match(_ duties: [String], in code: String) -> [Match] {
        let list = clauses[code] ?? []
        let terms = clauseTerms[code] ?? []
        return duties.map { duty in
            let found = best(weightedTerms(duty), in: code)
            guard let found, found.score >= Self.nothing else {
                return Match(duty: duty, clause: nil, kind: nil, source: nil, score: Self.rounded(found?.score ?? 0),
                             covered: false, shared: [])
            }
            let clause = list[found.index]
            let shared = sharedWords(duty, terms[found.index])
            return Match(duty: duty, clause: clause.text, kind: clause.kind, source: clause.source,
                         score: Self.rounded(found.score), covered: found.score >= Self.covered, shared: shared)
        }
    }

    /// The clause of `code` that scores best against a duty's weighted terms, with its score; nil when none shares
    /// a term. Ties go to the earlier clause: tasks before DWAs, core tasks first (see `OccupationText`).
    private func best(_ dutyTerms: [String: Double], in code: String) -> (index: Int, score: Double)? {
        let dutyMass = mass(dutyTerms)
        guard dutyMass > 0, let list = clauses[code], let terms = clauseTerms[code], let masses = clauseMasses[code]
        else { return nil }
        var best: (index: Int, score: Double)?
        for (index, clause) in terms.enumerated() {
            var shared = 0.0
            for (term, weight) in dutyTerms where clause[term] != nil { shared += weight }
            guard shared > 0 else { continue }
            let score = 2 * shared / (dutyMass + masses[index]) * (list[index].kind == "activity" ? Self.activityShare : 1)
            if score > (best?.score ?? 0) + 1e-12 { best = (index, score) }
        }
        return best
    }

    /// A score as reported: two places.
    private static func rounded(_ score: Double) -> Double { (score * 100).rounded() / 100 }

    private func weightedTerms(_ text: String) -> [String: Double] {
        var out: [String: Double] = [:]
        for term in SearchText.terms(text) { out[term] = weights[term] ?? unseenWeight }
        return out
    }

    private func mass(_ terms: [String: Double]) -> Double {
        terms.values.reduce(0, +)
    }

    /// The duty's words whose terms the clause has, heaviest first, each once.
    private func sharedWords(_ duty: String, _ clause: [String: Double]) -> [String] {
        var seen: Set<String> = []
        var words: [(word: String, weight: Double)] = []
        for token in SearchText.tokens(duty) where SearchText.isMeaningful(token) {
            let term = SearchText.term(token)
            guard let weight = clause[term], seen.insert(term).inserted else { continue }
            words.append((token.text, weight))
        }
        return words.sorted { $0.weight > $1.weight || ($0.weight == $1.weight && $0.word < $1.word) }.map(\.word)
    }

    /// The comma-separated parts of a definition's sentences that hold at least three meaningful words, when a
    /// sentence has more than one: "Conduct organizational studies and evaluations, design systems and procedures,
    /// …" gives "design systems and procedures" as a clause of its own.
    static func definitionFragments(_ definition: String) -> [String] {
        definitionClauses(definition).flatMap { sentence -> [String] in
            let parts = sentence.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count > 1 else { return [] }
            return parts.filter { SearchText.terms($0).count >= 3 }
        }
    }

    /// A SOC definition cut into its sentences, without the "Excludes …" and "Includes …" sentences (they name
    /// other occupations, not duties).
    static func definitionClauses(_ definition: String) -> [String] {
        // A sentence ends at ". " before a capital letter (SOC definitions hold no abbreviations that do so).
        var sentences: [String] = []
        var current = ""
        let characters = Array(definition)
        for (index, character) in characters.enumerated() {
            current.append(character)
            let next = index + 2 < characters.count ? characters[index + 2] : nil
            if character == ".", index + 1 == characters.count
                || (characters[index + 1] == " " && next.map { $0.isUppercase || $0 == "“" || $0 == "\"" } == true)
            {
                let sentence = current.trimmingCharacters(in: .whitespacesAndNewlines)
                if !sentence.hasPrefix("Excludes"), !sentence.hasPrefix("Includes"), !sentence.isEmpty {
                    sentences.append(sentence)
                }
                current = ""
            }
        }
        let rest = current.trimmingCharacters(in: .whitespacesAndNewlines)
        if !rest.isEmpty, !rest.hasPrefix("Excludes"), !rest.hasPrefix("Includes") { sentences.append(rest) }
        return sentences
    }
}
