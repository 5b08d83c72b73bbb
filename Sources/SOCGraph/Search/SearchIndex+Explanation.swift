import Foundation

/// What a search says about its hits: why each matched, and whether the ranking is weak.
extension SearchIndex {
    /// What a `matches` line of an ESCO title starts with, before `: ` (`ESCO: software developer (ISCO 2512)`).
    public static let escoLabel = "ESCO"
    /// What a `matches` line of a field term starts with (`field: deep learning → Artificial Intelligence …`).
    public static let fieldTermLabel = "field"
    /// The `via` of a query word whose credit in an occupation is a field term's (`FieldTermLink`), not its own
    /// (-1) or an alternative's (its index).
    static let fieldTermVia = -2

    /// The `matches` lines of a hit.
    func explanation(
        document d: Int, titles: [TitleMatch], slots: [Slot], query: QueryTerms, satisfied: [Double], via: [Int],
        civilianFirst: Bool, escoBesideUSTitle: Bool, fieldTerms: [String],
        degreeVerb: (written: String, base: String)? = nil
    ) -> [String] {
        // A term no official title or ESCO label writes, which curation/title-terms.tsv ties to a field this
        // occupation is core-aligned with (`FieldTermLink`), first: no title says what it does of the query.
        var lines = fieldTerms.map { "\(Self.fieldTermLabel): \($0) (curation/title-terms.tsv)" }
        var listed: [Int] = []
        for title in titles {
            let entry = entries[title.entry]
            let label = entry.field == .esco ? Self.escoLabel : entry.reported ? "reported" : entry.field.rawValue
            let line = "\(label): \(text(of: title.entry))"
            if !lines.contains(line) { lines.append(line); listed.append(title.entry) }
            if lines.count == fieldTerms.count + 3 { break }
        }
        // The technologies and programs that hold the query's own words (or their spellings), its rarest words
        // first: for "Kafka Platform Engineer", "Apache Kafka", not "AEC Software FastTrack Schedule", which holds
        // only "software", the word "kafka" is searched for as a development tool.
        var technologies: [(text: String, weight: Double)] = []
        var programs: [(text: String, weight: Double)] = []
        var definition = false
        var tasks = 0
        for e in documents[d].textEntries {
            guard terms(of: e).contains(where: { query.contains(Int($0)) }) else { continue }
            switch entries[e].field {
            case .technology, .program:
                let weight = matchedWeight(of: e, slots: slots, query: query)
                guard weight > 0 else { continue }
                if entries[e].field == .technology {
                    // One O*NET finds In Demand for the occupation weighs more (`inDemandBoost`): the line says so.
                    technologies.append((text(of: e) + (entries[e].inDemand ? " (In Demand)" : ""), weight))
                } else {
                    programs.append((text(of: e), weight))
                }
            case .definition: definition = true
            case .task: tasks += 1
            case .title, .directMatch, .onet, .alternate, .esco: break
            }
        }
        let heaviest = { (entries: [(text: String, weight: Double)], count: Int) in
            entries.enumerated().sorted { ($0.element.weight, -$0.offset) > ($1.element.weight, -$1.offset) }
                .prefix(count).map(\.element.text)
        }
        lines += heaviest(technologies, 3).map { "technology: \($0)" }
        lines += heaviest(programs, 2).map { "program: \($0)" }
        if definition { lines.append("definition") }
        if tasks > 0 { lines.append("tasks: \(tasks)") }
        // The query's words as typed, not their stems ("learning", not "learn"; "security", not "securiti").
        let found = slots.indices.filter { satisfied[$0] > 0 && via[$0] == -1 }.map { slots[$0].word }
        if !found.isEmpty { lines.append("terms: " + found.joined(separator: ", ")) }
        if demotedCatchAll(d, titles: titles) {
            lines.append("catch-all: scored \(Self.percentLess(Self.catchAll)) less than a specific occupation would "
                         + "for the same match (no O*NET specialty title of it matched, nor a title its incumbents "
                         + "report that those of at most \(Self.specialtyReports) occupations report)")
        }
        if escoBesideUSTitle {
            lines.append("ESCO match: scored \(Self.percentLess(Self.escoBesideUSTitle)) less (the query is another "
                         + "occupation's U.S. title, word for word; this one's best match is an ESCO label, reached "
                         + "through an ISCO-08 group and the crosswalks)")
        }
        if civilianFirst {
            lines.append("military: scored half (the job a petition offers is civilian; no word of the query names "
                         + "military work, and it is not the occupation's own title)")
        }
        if documents[d].prior < 1, let education = documents[d].entryEducation {
            lines.append("entry education: \(education.blsTitle) (scored "
                         + "\(Self.percentLess(prior(of: d, degreeVerb: degreeVerb))) less than an occupation entered "
                         + "with a bachelor's degree or more would for the same match"
                         + (degreeVerb.map { verb in
                             "; the duties start with \"\(verb.written)\", and 80 % or more of the O*NET task "
                                 + "statements that start with \"\(verb.base)\" are of such occupations"
                         } ?? "") + ")")
        }
        // The line of an alternative used for a query word (`expansion: leader → supervisor`).
        let alternativeLine = { (s: Int, alternative: Alternative) in
            "\(alternative.kind.rawValue): \(slots[s].word) → \(alternative.word)"
        }
        for s in slots.indices where satisfied[s] > 0 && via[s] >= 0 {
            lines.append(alternativeLine(s, slots[s].alternatives[via[s]]))
        }
        // A title listed above that holds a spelling of a query word, not the word: the line says so even when the
        // word as typed was found elsewhere in the occupation (an ESCO label of "counsellor" beside a U.S. title's
        // "Counselor"). Not for a description's verb, which never counts in a title match.
        for s in slots.indices where !slots[s].verb {
            for alternative in slots[s].alternatives where alternative.kind == .spelling {
                let line = alternativeLine(s, alternative)
                guard !lines.contains(line), listed.contains(where: { e in
                    terms(of: e).contains(Int32(alternative.id)) && !terms(of: e).contains { Int($0) == slots[s].id }
                }) else { continue }
                lines.append(line)
            }
        }
        return lines
    }

    /// The text weight of the query's own words (or their spellings, `Slot.fullCreditIDs`) entry `e` holds, each
    /// word once: 0 when it holds only an expansion of them.
    func matchedWeight(of e: Int, slots: [Slot], query: QueryTerms) -> Double {
        let held = Set(terms(of: e).map(Int.init))
        return slots.reduce(0) { sum, slot in
            slot.fullCreditIDs.contains(where: held.contains) ? sum + slot.weight : sum
        }
    }

    /// How much less a factor below 1 scores, in whole percent ("3 %" for 0.97).
    static func percentLess(_ factor: Double) -> String { "\(Int(((1 - factor) * 100).rounded())) %" }

    /// Whether the hits are too weak or too close to trust the first one, and why. Not too close when `official`:
    /// the query is the first hit's SOC, Direct Match or O*NET occupation title and not the second's. A
    /// `description` of duties is asked for more of them, or the title, not to describe the duties.
    static func weakness(
        query: String, hits: [SearchHit], official: Bool = false, description: Bool = false
    ) -> (Bool, String?) {
        let advice = description ? "give the job title too, or more of the duties"
            : "try another title or describe the duties"
        guard let first = hits.first else {
            return (true, "nothing matched \"\(query)\"; \(advice)")
        }
        var reasons: [String] = []
        if first.score < weakScore {
            reasons.append(
                "the best match scores only \(formatted(first.score, below: weakScore)) (below \(formatted(weakScore))); "
                    + advice)
        }
        if hits.count > 1, !official, hits[1].score >= first.score * (1 - tieMargin) {
            reasons.append(
                "\(first.code) and \(hits[1].code) match about equally well (\(formatted(first.score)) and "
                    + "\(formatted(hits[1].score))); compare them before choosing"
                    + (shownScore(first.score) == shownScore(hits[1].score)
                        ? " (scores equal to three decimals are listed with a title incumbents report first, then by "
                            + "BLS employment, largest first, where it is published for the occupation alone)" : ""))
        }
        return (!reasons.isEmpty, reasons.isEmpty ? nil : reasons.joined(separator: "; "))
    }

    /// `score`, which is below `bar`, in two decimals, or in three, rounded down, when two would show the bar itself
    /// ("0.496 (below 0.50)", not "0.50 (below 0.50)").
    static func formatted(_ score: Double, below bar: Double) -> String {
        guard score < bar, formatted(score) == formatted(bar) else { return formatted(score) }
        return String(format: "%.3f", (score * 1000).rounded(.down) / 1000)
    }

    static func formatted(_ score: Double) -> String {
        let hundredths = Int((score * 100).rounded())
        return hundredths >= 100 ? "1.00" : "0." + (hundredths < 10 ? "0" : "") + String(hundredths)
    }
}
