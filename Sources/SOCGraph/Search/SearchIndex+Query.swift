import Foundation

extension SearchIndex {
    /// A word of the query the index looks up, with its expansions and its weights (inverse document frequency).
    struct Slot {
        var word: String
        var term: String
        var id: Int?
        var alternatives: [Alternative]
        /// Its weight in text relevance: its rarity among the occupations' texts.
        var weight: Double
        /// Its weight in a title match: its rarity among the occupations' titles (`titleDocumentCount(_:)`), or
        /// `weight` for a word no title holds.
        var titleWeight: Double
        /// Whether it is a description's verb ("designs", "developing"): counted in text relevance, never in a title
        /// match ("develops" is no "Developing Machine Operator").
        var verb = false

        /// The ids that count as the word itself: the word and its spelling variants.
        var fullCreditIDs: [Int] {
            (id.map { [$0] } ?? []) + alternatives.filter { $0.credit >= 1 && !$0.textOnly }.map(\.id)
        }

    }

    /// The query's term ids in flat arrays, to match many titles quickly: each id with the slot it serves and the
    /// credit it earns there (1 the word itself or a spelling variant, less a synonym).
    struct QueryTerms {
        var ids: [Int] = []
        var slots: [Int] = []
        var credits: [Double] = []
        /// Per slot: its weight, and the ids that count as the word itself (for phrases).
        var weights: [Double]
        var fullCredit: [[Int]]
        /// Per slot: the credit a title's word must earn for the title to be of the word's family when the word is
        /// the head: 1, or a synonym's when the word's alternatives name the same occupation (`sameRole`).
        var familyCredit: [Double]
        var totalWeight: Double
        /// Per term id of the index: whether it is in `ids`.
        var isQueryTerm: [Bool]
        /// The slot of the query's head word (`JobTitle`), if it has one.
        var head: Int?
        /// Pairs of slots, neither the head, whose words follow each other in the query as in a term of art that
        /// job titles abbreviate (`JobTitle.termsOfArt`, "machine learning") or as a hyphenated compound
        /// ("solid-state"): a title holding one of the two without the other earns `brokenPhrase` of each ("Learning
        /// Director" is not of machine learning, "Solid Waste Driver" not of solid-state drives).
        var phrases: [(Int, Int)] = []

        init(_ slots: [Slot], termCount: Int, phrases termPhrases: [(String, String)] = []) {
            for (s, slot) in slots.enumerated() where !slot.verb {
                if let id = slot.id {
                    ids.append(id)
                    self.slots.append(s)
                    credits.append(1)
                }
                for alternative in slot.alternatives where !alternative.textOnly {
                    ids.append(alternative.id)
                    self.slots.append(s)
                    credits.append(alternative.credit)
                }
            }
            weights = slots.map { $0.verb ? 0 : $0.titleWeight }
            fullCredit = slots.map(\.fullCreditIDs)
            familyCredit = slots.map { slot in
                slot.alternatives.filter(\.sameRole).map(\.credit).min() ?? 1
            }
            totalWeight = weights.reduce(0, +)
            for (a, b) in termPhrases {
                if let i = slots.firstIndex(where: { $0.term == a }), let j = slots.firstIndex(where: { $0.term == b }) {
                    phrases.append((i, j))
                }
            }
            isQueryTerm = [Bool](repeating: false, count: termCount)
            for id in ids { isQueryTerm[id] = true }
        }

        /// Makes slot `slot` the head: a pair of `phrases` with the head in it is no term of art's to break.
        mutating func setHead(_ slot: Int?) {
            head = slot
            phrases.removeAll { $0.0 == slot || $0.1 == slot }
        }

        /// Whether `term` is a word of the query or one of its alternatives.
        func contains(_ term: Int) -> Bool { isQueryTerm[term] }
    }

    struct Alternative {
        var id: Int
        var word: String
        var credit: Double
        var kind: QueryExpansion.Kind
        /// Whether it names the same occupation as the word (`QueryExpansion.sameRole`).
        var sameRole = false
        /// Counted in text relevance only, never in a title match: the base of an -ing or -ed word kept whole
        /// (`SearchIndex.separateForms`), for a description ("monitoring" meets a task's "Monitor"; a title match
        /// with "Monitor Technician" it does not earn).
        var textOnly = false
    }

    /// The pairs of lower-case words of `text` written as one with a hyphen between them, each of two letters or
    /// more ("solid-state", "large-scale"; not a chain of three or more), the first not a word titles commonly end
    /// in (in "Classroom Teacher-Elementary" the hyphen ends the title) nor one U.S. titles write before the word
    /// after the pair (in "Sound-Lighting Technician" and "Accounts Payable-Receivable Clerk" the hyphen joins
    /// alternatives: "Sound Technician", "Payable Clerk"). The writer made the two one term: a title holding one
    /// without the other uses it in another sense ("Solid Waste Driver", "Large Animal Veterinarian", "Scale
    /// Operator", "Film Editor" for "thin-film"). Those U.S. titles write as one word are joined before
    /// (`joiningHyphens(_:)`).
    func hyphenated(_ text: String) -> [(String, String)] {
        let words = text.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "-") })
            .map { $0.lowercased() }
        let meaningful = { (part: String) in
            part.count >= 2 && SearchText.isMeaningful(.init(text: part, protected: false))
        }
        var pairs: [(String, String)] = []
        for (w, word) in words.enumerated() {
            let parts = word.split(separator: "-").map(String.init)
            guard parts.count == 2, parts.allSatisfy(meaningful), !(termID(parts[0]).map(headTerms.contains) ?? false),
                !(w + 1 < words.count && isTitlePhrase(parts[0], words[w + 1]))
            else { continue }
            pairs.append((parts[0], parts[1]))
        }
        return pairs
    }

    /// How one title matches the query.
    struct TitleMatch {
        var entry: Int
        var quality: Double
        /// Whether the title is the query's words, all of them and no other, or those of its title part or of a second
        /// title (`partialTieMargin`).
        var whole = false

        /// Best first: higher quality, then the earlier entry (titles come in a document's order of fields).
        static func better(_ a: TitleMatch, _ b: TitleMatch) -> Bool {
            a.quality != b.quality ? a.quality > b.quality : a.entry < b.entry
        }
    }

    /// Ranks the occupations for a job title or a description of duties; at most `limit` hits, best first.
    ///
    /// With `related`, the first hit's O*NET Related Occupations follow it (`relatedShare`); without, only what
    /// matched is ranked, as `FitAssessment` wants its candidates.
    ///
    /// Throws `SOCGraphError.invalidInput` when the query has no meaningful word or more than `maxQueryWords`
    /// different ones, or `limit` is not positive.
    /// A query that matches nothing returns no hits, marked weak.
    public func search(_ query: String, limit: Int = 10, related: Bool = true) throws -> SearchResults {
        guard limit > 0 else { throw SOCGraphError.invalidInput("search: the limit must be at least 1, not \(limit)") }
        if let problem = Self.lengthProblem(query) { throw SOCGraphError.invalidInput(problem) }
        let reading = try slots(for: query)
        let slots = reading.slots
        let phrases = reading.phrases + reading.compounds.filter { compound in
            !reading.phrases.contains { $0 == compound }
        }
        let queryTerms = QueryTerms(slots, termCount: postings.count, phrases: phrases)
        // Titles are matched against the whole query and, when it goes on past its title part ("materials
        // engineer" of "materials engineer developing lightweight composites"), against the title part too, at
        // `titlePartShare`; the rest counts through text relevance.
        var fullTerms = queryTerms
        fullTerms.setHead(slots.firstIndex { $0.term == reading.titlePart.head })
        let titleSlots = slots.filter { reading.titlePart.terms.contains($0.term) }
        var titleTerms = QueryTerms(titleSlots, termCount: postings.count, phrases: phrases)
        titleTerms.setHead(titleSlots.firstIndex { $0.term == reading.titlePart.head })
        let headID = reading.titlePart.head.flatMap { termIDs[$0] }
        let titlePartShare = JobTitle.isGeneric(titleSlots.map(\.word)) ? Self.roleTitlePartShare : Self.titlePartShare
        let secondTitleTerms = reading.secondTitles.map { second in
            let secondSlots = slots.filter { second.terms.contains($0.term) }
            var terms = QueryTerms(secondSlots, termCount: postings.count, phrases: phrases)
            terms.setHead(secondSlots.firstIndex { $0.term == second.head })
            return (terms: terms, among: second.among)
        }

        let totalWeight = slots.reduce(0) { $0 + $1.weight }
        let count = self.count

        // Per slot and document: the best saturated frequency of the word (or credit × that of an alternative),
        // and which matched (-1 the word itself, otherwise the index of the alternative).
        var satisfied = [[Double]](repeating: [Double](repeating: 0, count: count), count: slots.count)
        var via = [[Int]](repeating: [Int](repeating: -1, count: count), count: slots.count)
        var touched = [Bool](repeating: false, count: count)
        for (s, slot) in slots.enumerated() {
            var sources: [(id: Int, credit: Double, alternative: Int)] = []
            if let id = slot.id { sources.append((id, 1, -1)) }
            for (a, alternative) in slot.alternatives.enumerated() { sources.append((alternative.id, alternative.credit, a)) }
            for source in sources {
                for posting in postings[source.id] {
                    let d = posting.document
                    let frequency = Double(posting.frequency)
                    let value = source.credit * frequency / (Self.k1 + frequency)
                    if value > satisfied[s][d] {
                        satisfied[s][d] = value
                        via[s][d] = source.alternative
                    }
                    touched[d] = true
                }
            }
        }

        // A term of art of the query ("machine learning") counts in an occupation's texts only where one of them
        // writes it: "machine" in a machinist's titles and "learning" in a trainer's say nothing of machine learning.
        // Elsewhere each word earns `brokenPhrase` of its credit, as in a title match.
        for (a, b) in queryTerms.phrases {
            let first = Set(queryTerms.fullCredit[a].map(Int32.init))
            let second = Set(queryTerms.fullCredit[b].map(Int32.init))
            for d in 0..<count where satisfied[a][d] > 0 || satisfied[b][d] > 0 {
                if satisfied[a][d] > 0, satisfied[b][d] > 0, writesPhrase(document: d, first, second) { continue }
                satisfied[a][d] *= Self.brokenPhrase
                satisfied[b][d] *= Self.brokenPhrase
            }
        }

        // A field term the query holds, its words in a row ("deep learning"), counts in the occupations it is given
        // to (`FieldTermLink`) as a word of their SOC title would; no official title or ESCO label writes it.
        var fieldLines: [Int: [String]] = [:]
        let words = reading.order
        for link in fieldTerms {
            guard let start = words.indices.first(where: { start in
                start + link.terms.count <= words.count
                    && link.terms.indices.allSatisfy { slots[words[start + $0]].id == Int(link.terms[$0]) }
            }) else { continue }
            let d = link.document
            for s in words[start..<(start + link.terms.count)] where Self.fieldTermCredit > satisfied[s][d] {
                satisfied[s][d] = Self.fieldTermCredit
                via[s][d] = Self.fieldTermVia
            }
            touched[d] = true
            fieldLines[d, default: []].append(link.shown)
        }

        // The title entries sharing a word with the query, in increasing order, hence grouped by document.
        var sharedTitles: [Int32] = []
        for id in Set(queryTerms.ids) { sharedTitles += titleEntries(with: id) }
        sharedTitles.sort()
        var unique = 0
        for entry in sharedTitles where unique == 0 || sharedTitles[unique - 1] != entry {
            sharedTitles[unique] = entry
            unique += 1
        }
        sharedTitles.removeLast(sharedTitles.count - unique)
        var next = 0
        // The head's spelling variants ("labourer" → laborer) and expansions that name the same occupation
        // ("lecturer" → professor, teacher): titles headed by them are of the query's family too.
        let headAlternatives = fullTerms.head.map { h in
            slots[h].alternatives.filter { $0.sameRole || $0.kind == .spelling }.map(\.id)
        } ?? []
        let heads = (headID.map { [$0] } ?? []) + headAlternatives
        let headed = headedTitles(heads.isEmpty ? nil : heads)
        // A military code scores `civilianFirst` unless the query names military work or is the code's own title.
        let military = slots.contains { $0.id.map(namesMilitaryWork) ?? false }
        let halved = { (d: Int, titles: [TitleMatch]) in
            !military && self.isMilitary(d) && !self.isOfficialTitle(titles.first)
        }

        struct Candidate {
            var document: Int
            var score: Double
            var relevance: Double
            var titles: [TitleMatch]
            /// The first hit and O*NET's index of this occupation among its related ones (`relatedShare`).
            var relatedTo: (document: Int, rank: Int)? = nil
            /// Whether it matched a title its incumbents report (`reportedMatch`): among equal scores it comes first.
            var reported = false
            /// Whether it scored `escoBesideUSTitle` less: its best match is an ESCO title, another's a U.S. title.
            var escoBesideUSTitle = false
        }
        // The verbs' words and alternatives, for `holdsOutsideTitles`.
        let verbIDs = slots.indices.filter { slots[$0].verb }.map { s in
            (s, Set(((slots[s].id.map { [$0] } ?? []) + slots[s].alternatives.map(\.id)).map(Int32.init)))
        }
        var candidates: [Candidate] = []
        let prior = { (d: Int) in self.prior(of: d, degreeVerb: reading.degreeVerb) }
        // Duties after a title part of one word that names a profession, not a role ("scientist developing mRNA
        // vaccines"): the word is all the query says of the family (`professionOnlyFamilyTitles`).
        let familyLoss = reading.isDescription && reading.professionAlone
            ? Self.professionOnlyFamilyTitles : Self.otherFamilyTitles
        var credit = [Double](repeating: 0, count: slots.count)
        for d in 0..<count where touched[d] {
            let titleEntries = documents[d].titleEntries
            while next < sharedTitles.count, sharedTitles[next] < titleEntries.lowerBound { next += 1 }
            var end = next
            while end < sharedTitles.count, sharedTitles[end] < titleEntries.upperBound { end += 1 }
            let shared = sharedTitles[next..<end]
            var relevance = 0.0
            // A description's verb ("develops") supports what the other words match; alone it is no evidence:
            // "Develops biosensors", whose other word no text holds, put 51-9151 Photographic Process Workers first
            // through "Developing Machine Operator".
            guard slots.indices.contains(where: { !slots[$0].verb && satisfied[$0][d] > 0 }) else { continue }
            // A verb counts where a text other than a title holds it (a task, a technology, a program) or a field
            // term gives it: a title's "Developing" is photographic film's ("Develops software" put 51-9151 first).
            for (s, ids) in verbIDs where satisfied[s][d] > 0 && via[s][d] != Self.fieldTermVia
                && !holdsOutsideTitles(document: d, ids: ids)
            {
                satisfied[s][d] = 0
            }
            for s in slots.indices { relevance += slots[s].weight * satisfied[s][d] }
            relevance /= totalWeight
            var titles = titleMatches(document: d, entries: shared, query: fullTerms, credit: &credit)
            if titleSlots.count > 1 {
                let partial = titleMatches(document: d, entries: shared, query: titleTerms, credit: &credit).map {
                    TitleMatch(entry: $0.entry, quality: $0.quality * titlePartShare, whole: $0.whole)
                }
                titles = (titles + partial).sorted(by: TitleMatch.better)
            }
            // A second title's match adds to the first's as independent evidence: the occupation both name ranks
            // first.
            var quality = titles.first?.quality ?? 0
            var secondTitle = false
            for (terms, among) in secondTitleTerms where among?.contains(documents[d].code) ?? true {
                let second = titleMatches(document: d, entries: shared, query: terms, credit: &credit)
                guard let best = second.first else { continue }
                secondTitle = secondTitle || best.quality >= Self.reportedMatch
                quality = 1 - (1 - quality) * (1 - best.quality * Self.secondTitleShare)
                titles = (titles + second.map {
                    TitleMatch(entry: $0.entry, quality: $0.quality * Self.secondTitleShare, whole: $0.whole)
                }).sorted(by: TitleMatch.better)
            }
            // A title incumbents report is the occupation's, whatever its other titles' heads (`reportedMatch`).
            // So is a second title the query names.
            let reported = titles.contains { entries[$0.entry].reported && $0.quality >= Self.reportedMatch }
            var score = (1 - (1 - quality) * (1 - Self.relevanceShare * relevance)) * prior(d)
                * (reported || secondTitle ? 1 : family(of: d, headed: headed, loss: familyLoss))
            if demotedCatchAll(d, titles: titles) { score *= Self.catchAll }
            if halved(d, titles) { score *= Self.civilianFirst }
            candidates.append(Candidate(document: d, score: score, relevance: relevance, titles: titles,
                                        reported: reported))
        }
        let order = { (a: Candidate, b: Candidate) -> Bool in
            let (x, y) = (Self.shownScore(a.score), Self.shownScore(b.score))
            if x != y { return x > y }
            // Among equal scores, a title incumbents report is stronger evidence than one O*NET collected
            // elsewhere ("Social Worker" is what 21-1022's and 21-1023's incumbents report, an alternate of 21-1021).
            if a.reported != b.reported { return a.reported }
            let (m, n) = (self.documents[a.document].employment, self.documents[b.document].employment)
            if m != n { return m > n }
            if a.score != b.score { return a.score > b.score }
            if a.relevance != b.relevance { return a.relevance > b.relevance }
            return self.documents[a.document].code < self.documents[b.document].code
        }
        // When the query is a U.S. title of some occupation, a match through an ESCO label alone says less
        // (`escoBesideUSTitle`). Not a description's title part, nor a second title: the query as a whole.
        if !reading.isDescription, reading.secondTitles.isEmpty, candidates.contains(where: { candidate in
            candidate.titles.first.map {
                $0.whole && entries[$0.entry].field != .esco && $0.quality >= Self.reportedMatch
            } ?? false
        }) {
            for i in candidates.indices
            where candidates[i].titles.first.map({ entries[$0.entry].field == .esco }) == true {
                candidates[i].score *= Self.escoBesideUSTitle
                candidates[i].escoBesideUSTitle = true
            }
        }
        candidates.sort(by: order)
        // A first hit entered below a bachelor's degree, for a title whose head mostly names occupations entered with
        // one or more (`degreeHeadShare`: "Semiconductor Process Engineer", an O*NET alternate title of Semiconductor
        // Processing Technicians), matched through a title incumbents or job boards use rather than the SOC's own or
        // the Direct Match file's ("Locomotive Engineer" is 53-4011's SOC title, "Stationary Engineer" a part of
        // 51-8021's): the level of the work is to check.
        var level: (head: String, id: Int, headed: [Int], share: Int, all: Int, hit: Candidate, title: Int)? = nil
        // A description's title part is read so too ("additive manufacturing engineer qualifying 3D printed
        // titanium parts"), its own words the title.
        let named = !reading.isDescription ? Set(slots.map(\.term))
            : reading.titlePart.terms.isEmpty ? Set(reading.titlePart.head.map { [$0] } ?? []) : reading.titlePart.terms
        if reading.isTitle || reading.isDescription,
           let head = reading.titlePart.head, let id = termIDs[head], let first = candidates.first,
           documents[first.document].prior < 1, let best = first.titles.first,
           ![.title, .directMatch, .onet].contains(entries[best.entry].field),
           !isPartOfSOCTitle(documents[first.document].title, terms: named),
           let headed = headedTitles([id]), let (share, all) = degreeHead(headed)
        {
            level = (head, id, headed, share, all, first, best.entry)
        }
        // When that title is of another head ("Additive Manufacturing Engineer" in 17-3026's "Additive Manufacturing
        // Technician"), the query names the work at another level: the first occupation O*NET relates to the hit
        // that is entered with a bachelor's degree or more and of the query's family (`familyShare` of its own titles
        // have the query's head) comes first (17-2112 Industrial Engineers), at the score the hit would have without
        // its education prior and catch-all factor, times the counterpart's own; only when that puts it first.
        var counterpart: Candidate? = nil
        if related, let level, entries[level.title].head != level.id {
            let source = documents[level.hit.document]
            if let (code, index) = zip(source.related, source.relatedIndex).first(where: { code, _ in
                let d = Int(code)
                return documents[d].entryEducation.map { $0 >= .bachelor } == true && ownTitleCounts[d] > 0
                    && Double(level.headed[d]) >= Self.familyShare * Double(ownTitleCounts[d])
            }) {
                let d = Int(code)
                let at = candidates.firstIndex { $0.document == d }
                var raised = at.map { candidates[$0] } ?? Candidate(document: d, score: 0, relevance: 0, titles: [])
                var score = level.hit.score / prior(level.hit.document)
                    / (demotedCatchAll(level.hit.document, titles: level.hit.titles) ? Self.catchAll : 1)
                if demotedCatchAll(d, titles: raised.titles) { score *= Self.catchAll }
                if halved(d, raised.titles) { score *= Self.civilianFirst }
                raised.score = max(raised.score, score)
                raised.relatedTo = (level.hit.document, Int(index))
                raised.escoBesideUSTitle = false
                if order(raised, level.hit) {
                    if let at { candidates[at] = raised } else { candidates.append(raised) }
                    candidates.sort(by: order)
                    counterpart = raised
                }
            }
        }
        // The related occupations of a clear first hit (`relatedShare`) rank before occupations that matched worse.
        if related, counterpart == nil, let first = candidates.first, first.score >= Self.weakScore,
           (first.titles.first?.quality ?? 0) >= Self.relatedTitleMatch, !documents[first.document].isCatchAll,
           candidates.count < 2 || candidates[1].score < first.score * (1 - Self.tieMargin)
        {
            var at = [Int](repeating: -1, count: count)
            for (i, candidate) in candidates.enumerated() { at[candidate.document] = i }
            let source = documents[first.document]
            for (related, index) in zip(source.related, source.relatedIndex) {
                let d = Int(related)
                if at[d] < 0 {
                    at[d] = candidates.count
                    candidates.append(Candidate(document: d, score: 0, relevance: 0, titles: []))
                }
                var score = first.score * Self.relatedShare * pow(Self.relatedDecay, Double(index - 1)) * prior(d)
                if demotedCatchAll(d, titles: candidates[at[d]].titles) { score *= Self.catchAll }
                if halved(d, candidates[at[d]].titles) { score *= Self.civilianFirst }
                if score > candidates[at[d]].score {
                    candidates[at[d]].score = score
                    candidates[at[d]].escoBesideUSTitle = false
                    candidates[at[d]].relatedTo = (first.document, Int(index))
                }
            }
            candidates.sort(by: order)
        }

        // Two hits at least, whatever the limit, so that a near tie is seen under `--limit 1` too.
        var hits = candidates.prefix(max(limit, 2)).map { candidate in
            let d = candidate.document
            let related = candidate.relatedTo.map { source in
                ["\(SearchHit.relatedLabel): \(documents[source.document].code) \(documents[source.document].title) "
                    + "(O*NET Related Occupations, #\(source.rank))"
                    + (counterpart?.document != d ? "" : level.map { level in
                        ", which matched \"\(text(of: level.title))\"; first at the level of \"\(level.head)\": the "
                            + "first of its related occupations entered with a bachelor's degree or more with titles "
                            + "ending in it"
                    } ?? "")]
            } ?? []
            return SearchHit(
                code: documents[d].code, title: documents[d].title, score: min(max(candidate.score, 0), 1),
                matches: related + explanation(
                    document: d, titles: candidate.titles, slots: slots, query: queryTerms,
                    satisfied: slots.indices.map { satisfied[$0][d] }, via: slots.indices.map { via[$0][d] },
                    civilianFirst: halved(d, candidate.titles), escoBesideUSTitle: candidate.escoBesideUSTitle,
                    fieldTerms: fieldLines[d] ?? [], degreeVerb: reading.degreeVerb),
                relatedTo: candidate.relatedTo.map { documents[$0.document].code })
        }
        // The first hit's own official name is the query as written, not as read by a rule ("Electrical Engineer" is
        // 17-2071's SOC title; "Founder" is read as a chief executive), and the second's is not: an alternate title
        // the second shares does not make the two a tie, nor is a role named by the classification itself ("Chief
        // Executive Officer") a role without a field.
        let isOfficial = { (candidate: Candidate) in self.isOfficialTitle(candidate.titles.first) }
        // Not a military code ("Operations Specialist" is a Direct Match title of 55-3015), and not when the second
        // hit has the title as incumbents report it (a reported title is what people in the job call it).
        let official = !reading.adopted && candidates.first.map { isOfficial($0)
            && !isMilitary($0.document) } == true
            && !(candidates.count > 1 && (isOfficial(candidates[1])
                || candidates[1].titles.first.map { entries[$0.entry].reported } == true))
        var (weak, reason) = Self.weakness(query: query, hits: hits, official: official,
                                           description: reading.isDescription)
        // A reason more: before the others, or after them when it is the least telling.
        func flag(_ note: String, last: Bool = false) {
            weak = true
            reason = reason.map { last ? $0 + "; " + note : note + "; " + $0 } ?? note
        }
        // Words the graph has never seen: when they are half of the query or more (but not all of it: then
        // nothing matched), the ranking is a guess.
        let unknown = slots.filter { $0.id == nil && $0.alternatives.isEmpty }.map(\.word)
        if !unknown.isEmpty, unknown.count < slots.count,
           Double(unknown.count) >= Double(slots.count) * Self.unknownShare
        {
            let words = unknown.map { "\"\($0)\"" }.joined(separator: ", ")
            let note = "\(words) " + (unknown.count == 1 ? "is" : "are") + " not in the graph: the ranking rests on "
                + "the other words; check the spelling, spell out an abbreviation, or "
                + (reading.isDescription ? "give the job title too" : "describe the duties")
            flag(note)
        }
        // A title whose first hit matches it loosely, below `relatedTitleMatch` ("Topology Engineer" in Mathematical
        // Science Teachers' "Topology Professor"): the answer rests on some of its words, or on a label of many
        // occupations. Said after the other reasons, and not when the score already says the match is poor; a
        // description of duties is not asked to match a title whole.
        if reading.isTitle, counterpart == nil, let first = candidates.first, let top = hits.first,
           top.score >= Self.weakScore, let quality = first.titles.first?.quality, quality < Self.relatedTitleMatch
        {
            let shown = Self.formatted(quality, below: Self.relatedTitleMatch)
            // (A first hit with no title of the query's words is not said to match loosely; in the shipped graph it
            // scores below `weakScore` anyway: without a title of the query's head it loses `otherFamilyTitles`.)
            let note = "the best title match of \(top.code) is loose (\(shown), below "
                + "\(Self.formatted(Self.relatedTitleMatch))): it rests on some of the title's words, or on a "
                + "label of many occupations; check the title, or add the duties"
            flag(note, last: true)
        }
        // Whether some occupation has a title of the query's words and no others (`TitleMatch.whole`).
        let someTitleIsTheQuery = candidates.contains { $0.titles.contains(where: \.whole) }
        // A title no occupation's title is, word for word, whose first hit matched other words ("Engagement Manager" in
        // ESCO's "visitor engagement manager", "Technical Officer" in "Chief Technical Officer") and whose runner-up is
        // within `partialTieMargin` (wider than `tieMargin`): which one the job is, the duties tell.
        if reading.isTitle, !official, let first = candidates.first, let best = first.titles.first,
           !someTitleIsTheQuery,
           candidates.count > 1, hits.count > 1,
           candidates[1].score >= first.score * (1 - Self.partialTieMargin),
           candidates[1].score < first.score * (1 - Self.tieMargin)
        {
            flag("no title SOC, O*NET or ESCO lists has the words of \"\(query.trimmed)\" and no others: "
                 + "\(hits[0].code) matched \"\(text(of: best.entry))\", and \(hits[1].code) scores within "
                 + "\(Int((Self.partialTieMargin * 100).rounded())) % of it (\(Self.formatted(hits[0].score)) and "
                 + "\(Self.formatted(hits[1].score))); compare them, or add the duties")
        }
        // Two titles of different occupations ("Executive Assistant - Chief Executive"): which one the job is, the
        // user decides.
        let firstCodes = reading.firstTitleCodes
        if !reading.secondTitles.isEmpty, (1...Self.secondTitleCodes).contains(firstCodes.count), let top = hits.first,
           !firstCodes.contains(top.code)
        {
            let note = "the title's first part is a title of \(firstCodes.joined(separator: ", ")) and the part "
                + "after it of \(top.code): say which the job is, or compare them"
            flag(note)
        }
        if let guess = reading.guess { flag(guess) }
        if let level, let entry = documents[level.hit.document].entryEducation, let top = hits.first {
            let hit = documents[level.hit.document].code, title = text(of: level.title)
            let education = entry.blsTitle.lowercased()
            if counterpart != nil {
                flag("\(hit) matched \"\(title)\", work at another level (typically entered with \(education)); "
                     + "\(top.code), which O*NET relates to it, comes first at the level of \"\(level.head)\": check "
                     + "the duties against both")
            } else {
                flag("\(level.share) % of the \(level.all) titles SOC and O*NET list ending in \"\(level.head)\" are "
                     + "of occupations typically entered with a bachelor's degree or more, but \(top.code) is typically "
                     + "entered with \(education) and matched through \"\(title)\", a title incumbents or job boards "
                     + "use: check that the work is at the level of \(top.code)")
            }
        }
        if let last = reading.roleless {
            let counted = "ends \(last.ending) of the \(last.holding) titles SOC and O*NET list holding it"
            flag("the title's last word as read, \"\(last.word)\", \(counted), and no other word of it names a role: "
                 + "it may name a field or a department, not the job; add the role (\"… Engineer\", \"… Manager\") or "
                 + "the duties")
        }
        // "Product Owner", "Process Owner": a role inside a company (`JobTitle.corporateOwnerRoles`), which no title
        // names whole; the titles that end in "Owner" are owners' of businesses ("Funeral Home Owner").
        let writtenWords = JobTitle.wordsOf(query).map { $0.lowercased() }
        if !reading.isDescription, let at = writtenWords.lastIndex(where: { $0 == "owner" || $0 == "owners" }), at > 0,
           JobTitle.corporateOwnerRoles.contains(writtenWords[at - 1]),
           !someTitleIsTheQuery
        {
            flag("\"\(writtenWords[at - 1]) owner\" is a role inside a company, which no title SOC, O*NET or ESCO "
                 + "lists names: the titles that end in \"Owner\" are owners' of businesses; add the duties")
        }
        // "Principal" after other work ("Design Principal"): official titles mean a school's principal by it, a firm
        // a partner or senior professional.
        if reading.isTitle, reading.titlePart.head == "principal" || (reading.titlePart.head == nil
            && slots.last?.term == "principal"),
           slots.contains(where: { $0.term != "principal" && !JobTitle.schoolWords.contains($0.word)
               && !JobTitle.roleWords.contains($0.word) })
        {
            flag("\"Principal\" after other work may be a firm's rank, a partner or senior professional, while official "
                 + "titles mean a school's principal by it: name the work, or add the duties")
        }
        // A title of generic words only ("Team Leader", "General Manager") fits occupations in many fields.
        // A slot of a stop word is an acronym in capitals ("Head of IT"): a field, not a role.
        if titleSlots.isEmpty, !official,
           JobTitle.isGeneric(slots.map { SearchText.stopWords.contains($0.word) ? $0.word.uppercased() : $0.word })
        {
            let note = "\"\(query.trimmed)\" says what rank or role the job has, not what the work is about; "
                + "add the duties or the field of the work, after a comma (\"\(query.trimmed), …\")"
            flag(note)
        }
        // A description of duties ranked without the prose: said, with the command that adds it. Duties that name
        // no job title ("Developing hospital software", "Performs cardiac surgery") are matched on their words
        // alone, which titles and tasks of other work share (Registered Nurses' titles speak of cardiac care and
        // surgery): a guess however high it scores, with or without the prose.
        let untitled = reading.isDescription && reading.titlePart.head == nil
        if reading.isDescription, !hasDuties, weak || untitled {
            let asked = reason?.contains("give the job title too") == true
            flag("the SOC definitions and O*NET task statements are not installed, so the duties were matched on "
                 + "titles, technologies and study programs only; "
                 + (untitled && !asked ? "give the job title too, or " : "")
                 + "run socgraph text to add them", last: true)
        } else if untitled {
            flag("the duties name no job title, so they were matched on their words alone, which other work shares; "
                 + "give the job title too", last: true)
        }
        hits = Array(hits.prefix(limit))
        return SearchResults(query: query, hits: hits, weak: weak, weakReason: reason, ignoredWords: reading.ignored,
                             readAs: reading.readAs, unknownWords: unknown)
    }

    /// The share of the titles SOC and O*NET list ending in a head (`headed`: per document, from `headedTitles`)
    /// that are of occupations typically entered with a bachelor's degree or more, and how many titles end in it,
    /// when there are `commonHead` titles or more and the share is `degreeHeadShare` or more ("engineer": 83 % of
    /// 1,834). Occupations with no published entry education are not counted.
    func degreeHead(_ headed: [Int]) -> (share: Int, all: Int)? {
        var degree = 0, all = 0
        for (d, titles) in headed.enumerated() where documents[d].entryEducation != nil {
            all += titles
            if documents[d].prior == 1 { degree += titles }
        }
        guard all >= Self.commonHead, Double(degree) >= Self.degreeHeadShare * Double(all) else { return nil }
        return (Int((100 * Double(degree) / Double(all)).rounded()), all)
    }

    /// A query as `slots(for:)` reads it.
    struct QueryReading {
        /// Its meaningful words.
        var slots: [Slot]
        /// The words `JobTitle` left out.
        var ignored: [String]
        /// The terms of the words that name the job (empty when the query is nothing but a title, or starts with
        /// none) and its head.
        var titlePart: (terms: Set<String>, head: String?)
        /// Qualifiers that are titles of their own (`secondTitleShare`), with the codes they may tell apart.
        var secondTitles: [(terms: Set<String>, head: String?, among: Set<String>?)]
        /// The codes of which the title's first part is a title, when a second title may contradict it.
        var firstTitleCodes: [String]
        /// The query as read, when normalisation corrected a typing error, spelled out or moved words.
        var readAs: String?
        /// Whether the query reads as a job title, not a description of duties: its title part ends in a word that
        /// official titles commonly end in, fewer than `contextWords` words follow it (unless the title is
        /// qualified, "Mobile Developer - iOS"), and no verb form in -ing is followed by a word other than such a
        /// head ("engineer designing bridges", but "Wafer Processing Engineer").
        var isTitle: Bool
        /// The terms of consecutive query words that are consecutive words of a term of art (`JobTitle.termsOfArt`).
        var phrases: [(String, String)]
        /// The terms of the two words of each hyphenated compound of the query that stays two words ("solid-state",
        /// "large-scale"): a term of art too (`hyphenated(_:)`).
        var compounds: [(String, String)] = []
        /// The slot of each meaningful word, in the query's order: a word repeated ("Machine Learning / Deep Learning
        /// Engineer") has its first word's slot. Field terms are found in it (`FieldTermLink`).
        var order: [Int] = []
        /// Why the reading itself is a guess to check, when it is ("VP of Engineering" read as an engineering
        /// manager): the results are flagged weak with it.
        var guess: String? = nil
        /// The title's last word, when the query is a short title with no word of a role ("Professional Services",
        /// "Product Marketing"): it may name a field or a department, not the job.
        var roleless: Roleless? = nil
        /// Whether the query was read as another title ("Founder" as the chief executive, "VP, Data Scientist" as a
        /// data scientist): what it matches is the reading's title, not the user's.
        var adopted = false
        /// Whether the query reads as a description of duties: a verb form in -ing, or `contextWords` words or more
        /// after its title part's head, or more than `contextWords` + 1 words with no head.
        var isDescription = false
        /// Whether the words that name the job are one word, a word official titles commonly end in that names a
        /// profession, not a role (`JobTitle.roleWords`): "scientist" of "scientist developing mRNA vaccines", not
        /// "biomedical engineer" or "manager" (`professionOnlyFamilyTitles`).
        var professionAlone = false
        /// The verb a description of duties with no title part starts with, as written ("develops", "designing") and
        /// as its base form in `SearchIndex.degreeVerbs`, when it is one of them: the education prior then counts
        /// `degreeVerbPower` times.
        var degreeVerb: (written: String, base: String)? = nil
    }

    /// A query's last word that few of the official titles holding it end in: `ending` of `holding`.
    struct Roleless {
        var word: String
        var ending: Int
        var holding: Int
    }

    /// Reads the query: its words as slots, its title part, second titles and the reading said to the user.
    func slots(for query: String) throws -> QueryReading {
        let trimmed = query.trimmed
        guard !trimmed.isEmpty else {
            throw SOCGraphError.invalidInput(
                "empty query: give a job title or a description of duties, such as \"data scientist\"")
        }
        // Ranking costs O(words × titles); a pasted document would take minutes, so it is refused (before the
        // typing errors are looked for, and again after normalisation, which spells out abbreviations).
        try checkWordCount(SearchText.tokens(trimmed).filter(SearchText.isMeaningful))
        // Typing errors are corrected first ("Systems Ananlyst"), and the correction is said with the reading.
        // A word written with a hyphen that titles write as one ("Co-ordinator") is joined first, unless the query
        // as written is an official title ("Day-Care Attendant" is 39-9011's "Day Care Attendant").
        var (solid, joins) = joiningHyphens(trimmed)
        if !joins.isEmpty, !titleCodes(JobTitle.normalize(trimmed).text).isEmpty { (solid, joins) = (trimmed, []) }
        let (spelled, corrections, splits, abbreviated) = correctingSpelling(solid)
        // A query typed all in capitals is read in lower case, so its stop words are not taken for acronyms, but
        // "IT" (`JobTitle.fromCapitals(_:)`).
        let allCapitals = spelled.contains(" ") && !spelled.contains(where: \.isLowercase)
        let cased = allCapitals ? JobTitle.fromCapitals(spelled) : spelled
        // The query's own levels ("Trainee", a grade letter) yield to an official title that has them ("Management
        // Trainee").
        let plain = JobTitle.normalize(cased)
        let slash = cutsAtSlash(cased)
        var normalized = JobTitle.normalize(cased, query: true, cutsAtSlash: slash)
        if plain.text != normalized.text, !titleCodes(plain.text).isEmpty { normalized = plain }
        // "Founder", "Restaurant Owner", "Principal Investigator": read as the U.S. occupation
        // (`readingOwnership(_:)`, `JobTitle.readingPhrases`), unless an official title is the query as written and
        // the reading would change the work it names ("Iron Founder").
        let written = titleCodes(normalized.text)
        let writtenKey = OtherSpelling.key(normalized.text)
        var readings: [String] = []
        var readText = cased
        // Takes a reading's text, keeping the words left out so far and adding those it left out.
        var adopted = false
        func adopt(_ text: String, dropping readingDropped: [String], note: String) {
            let dropped = normalized.dropped
            normalized = JobTitle.normalize(text, query: true, cutsAtSlash: slash)
            var seen = Set<String>()
            normalized.dropped = (dropped + readingDropped + normalized.dropped).filter { seen.insert($0).inserted }
            readings.append(note)
            readText = text
            adopted = true
        }
        if let reading = readingOwnership(cased), !(reading.yieldsToTitle && !written.isEmpty) {
            adopt(reading.text, dropping: reading.dropped, note: reading.note)
        }
        // A vice president's rank beside another role or a function (`readingVicePresident(_:)`), unless an
        // official title is the query as written ("Sales VP").
        var guess: String?
        if written.isEmpty, let reading = readingVicePresident(readText) {
            adopt(reading.text, dropping: reading.dropped, note: reading.note)
            guess = reading.guess
        }
        // A team lead beside the work led (`readingTeamLead(_:)`).
        if written.isEmpty, guess == nil, let reading = readingTeamLead(readText) {
            adopt(reading.text, dropping: reading.dropped, note: reading.note)
            guess = reading.guess
        }
        if let reading = JobTitle.readingPhrases(normalized) {
            normalized = reading.normalized
            readings.append(reading.note)
            adopted = true
        }
        if !readings.isEmpty, !written.isEmpty {
            let named = written.map { code in
                documents.first { $0.code == code }.map { "\(code) \($0.title)" } ?? code
            }
            readings.append("as written, also a title SOC or O*NET lists under " + named.joined(separator: ", "))
        }
        // Written as an official title whose occupation spells an abbreviation of it otherwise (`otherSpellings`):
        // "AI Technician" is read as artificial intelligence, and is also Animal Breeders' artificial insemination
        // technician.
        var spelledOtherwise = Set<Int>()
        let writtenWords = Set(JobTitle.wordsOf(cased).map { $0.lowercased() })
        let named = otherSpellings.filter {
            $0.key == writtenKey && writtenWords.contains($0.abbreviation)
                && spelledOtherwise.insert($0.document).inserted
        }
            .map { "\(documents[$0.document].code) \(documents[$0.document].title), where "
                + "\"\($0.abbreviation.uppercased())\" is \($0.spelling)" }
        if !named.isEmpty {
            readings.append("as written, also a title O*NET lists under " + named.joined(separator: "; "))
        }
        // A word of the job's reach or terms before the head of the title part (a word titles commonly end in) goes,
        // unless official titles write it before the next word (`JobTitle.scopeWords`, `JobTitle.termWords`).
        let isCommonHead = { (term: String) in self.termIDs[term].map(self.headTerms.contains) ?? false }
        let title = normalized.headCandidates
        let headAt = title.indices.last { isCommonHead(term(.init(text: title[$0], protected: false))) } ?? 0
        let beforeRole = { (i: Int) in i + 1 == headAt || JobTitle.roleWords.contains(title[i + 1]) }
        for i in title.indices.prefix(headAt).reversed()
        where (JobTitle.termWords.contains(title[i]) || (JobTitle.scopeWords.contains(title[i]) && beforeRole(i)))
            && !isTitlePhrase(title[i], title[i + 1])
        {
            var words = normalized.text.split(separator: " ").map(String.init)
            guard let at = words.firstIndex(where: { $0.lowercased() == title[i] }) else { continue }
            words.remove(at: at)
            normalized.text = words.joined(separator: " ")
            normalized.headCandidates.remove(at: i)
            normalized.dropped.append(title[i])
        }
        let tokens = SearchText.tokens(normalized.text).filter(SearchText.isMeaningful)
        guard !tokens.isEmpty else {
            throw SOCGraphError.invalidInput(
                "empty query: \(SOCGraphError.quoted(trimmed)) has only common words; give a job title or a "
                    + "description of duties")
        }
        try checkWordCount(tokens)
        let ignored = normalized.dropped
        // The head: the last word of the title part that titles commonly end in, else its last word. The query has
        // a title part of its own when such a head is followed by `contextWords` other words or more.
        var candidates = normalized.headCandidates.map { self.term(.init(text: $0, protected: false)) }
        // The title part of a text also ends at a verb form: a word in -ing followed by a word that is not a
        // common head ("engineer designing wastewater plants", but "machine learning engineer", "mechanical
        // engineering").
        // A verb form: a word in -ing before a word (its term given) that is not a common head, and not with the
        // word before it a phrase of official titles ("Machine Learning Platform Engineer", "Signal Processing
        // Algorithm Engineer"). First, it starts a sentence of duties ("Developing hospital software") when the query
        // has three words or more, no comma, dash or bracket, no word that titles commonly end in and no role word,
        // and the word after it is no phrase with it in official titles: titles start with a field in -ing
        // ("Marketing Communications Manager", "Nursing Unit Head", "Mining Engineer").
        // Before a common head too, when that word is in the plural (a verb's object, not the one person a title
        // names), after a common head, and no official title writes the two in a row: "firmware engineer writing
        // drivers for solid-state drives" is an engineer, not a driver ("Driver Hiring Manager" and "Engineering &
        // Adjusting Manager" are titles).
        let isVerbForm = { (i: Int, words: [String], nextTerm: String?) in
            guard words[i].count > 5, words[i].lowercased().hasSuffix("ing"), let nextTerm else { return false }
            if isCommonHead(nextTerm) {
                let next = words[i + 1].lowercased()
                return i > 0 && next.hasSuffix("s") && !next.hasSuffix("ss") && nextTerm != next
                    && isCommonHead(self.term(.init(text: words[i - 1].lowercased(), protected: false)))
                    && !self.isTitlePhrase(words[i], words[i + 1])
            }
            if i > 0 { return !self.isTitlePhrase(words[i - 1], words[i]) }
            return words.count > 2 && !normalized.qualified
                && !words.contains { word in
                    JobTitle.roleWords.contains(word.lowercased())
                        || isCommonHead(self.term(.init(text: word.lowercased(), protected: false)))
                }
                && !self.isTitlePhrase(words[0], words[1])
        }
        let words = normalized.headCandidates
        // A verb in the third person first ("designs roads and highways"): the query has no title part. Beside a word
        // titles end in, only in a query too long for a title ("develops machine learning models for fraud
        // detection"): "Imports Manager" and "Stores Clerk" are titles that titles seldom write in the plural.
        let thirdPerson = tokens.count >= 2 && isThirdPerson(tokens[0].text)
            && (!candidates.contains(where: isCommonHead) || tokens.count > Self.contextWords + 1)
        if thirdPerson {
            candidates = []
        } else if let verb = words.indices.first(where: { i in
            isVerbForm(i, words, i + 1 < words.count ? candidates[i + 1] : nil)
        }) {
            candidates = Array(candidates[..<verb])
        }
        let common = candidates.lastIndex(where: isCommonHead)
        let headIndex = common ?? (candidates.isEmpty ? nil : candidates.count - 1)
        let head = headIndex.map { candidates[$0] }
        var titleTerms = Set<String>()
        let context = common.map { Set(tokens.map(term)).subtracting(candidates[...$0]).count } ?? 0
        if let common, common > 0 || normalized.qualified,
            context >= Self.contextWords || (normalized.qualified && context > 0)
        {
            titleTerms = Set(candidates[...common])
        }

        let tokenWords = tokens.map(\.text)
        // A qualifier of a few words after the title names its field, in -ing too ("Financial Analyst, Accounting
        // Operations", "Associate - Construction Planning"): its words are no verbs.
        let fields = Set(normalized.qualifiers.flatMap { qualifier in
            let words = SearchText.tokens(qualifier).filter(SearchText.isMeaningful)
            return words.count <= Self.contextWords ? words.map(\.text) : []
        })
        var verbs = Set(tokens.indices.filter { i in
            !fields.contains(tokens[i].text)
                && isVerbForm(i, tokenWords, i + 1 < tokens.count ? term(tokens[i + 1]) : nil)
        })
        let verbForm = !verbs.isEmpty
        if thirdPerson { verbs.insert(0) }
        let isDescription = verbForm || thirdPerson || (common != nil && context >= Self.contextWords)
            || (common == nil && tokens.count > Self.contextWords + 1)

        var slots: [Slot] = []
        var seenWords = Set<String>(), seenTerms = Set<String>()
        for (i, token) in tokens.enumerated() where seenWords.insert(token.text).inserted {
            let term = self.term(token)
            guard seenTerms.insert(term).inserted else { continue }
            var alternatives: [Alternative] = []
            // In duties an -ing or -ed word kept whole is a verb too: its base counts in the texts.
            let base = SearchText.term(token)
            if isDescription, base != term, let id = termIDs[base] {
                alternatives.append(Alternative(id: id, word: base, credit: 1, kind: .inflection, textOnly: true))
            }
            // A British spelling the index lacks, whose American one it has ("haematologist").
            if termIDs[term] == nil, let american = QueryExpansion.americanSpelling(token.text),
               let id = termIDs[self.term(.init(text: american, protected: false))]
            {
                alternatives.append(Alternative(id: id, word: american, credit: 1, kind: .spelling))
            }
            // A British spelling ("harbour", "fibre", "counsellor") of a word the U.S. titles (SOC, Direct Match,
            // O*NET) never write as typed (as its term) and do write in the American spelling (as that word, or
            // its singular): ESCO's labels have the British one, the U.S. titles the other, and both are searched,
            // the word weighed by the American one's rarity. "Controlled" stays (U.S. titles write it), and
            // "patrolling" gives no "patroling", which no title writes.
            // Only a word with an American spelling is looked up in the titles.
            let americans = QueryExpansion.americanSpellings(token.text)
            let british = !americans.isEmpty && QueryExpansion.table[token.text] == nil
                && !(termIDs[term].map { usTitles(holding: $0, word: nil) } ?? false)
            var americanID: Int?
            for american in americans where british {
                let americanTerm = self.term(.init(text: american, protected: false))
                guard americanTerm != term, let id = termIDs[americanTerm], usTitles(holding: id, word: american),
                      !alternatives.contains(where: { $0.id == id })
                else { continue }
                alternatives.append(Alternative(id: id, word: american, credit: 1, kind: .spelling))
                americanID = americanID ?? id
            }
            // A development tool's name no title holds ("Python Engineer") names software work.
            if let id = termIDs[term], developmentTerms.contains(id), let software = termIDs["software"] {
                alternatives.append(Alternative(id: software, word: "software", credit: QueryExpansion.synonymCredit,
                                                kind: .developmentTool))
            }
            for searched in QueryExpansion.lookup(token.text)?.searched ?? [] {
                let alternativeTerm = self.term(.init(text: searched.word, protected: false))
                guard alternativeTerm != term, let id = termIDs[alternativeTerm] else { continue }
                alternatives.append(Alternative(id: id, word: searched.word, credit: searched.credit,
                                                kind: searched.kind, sameRole: searched.sameRole))
            }
            let id = termIDs[term]
            var slot = Slot(word: token.text, term: term, id: id, alternatives: alternatives, weight: 0, titleWeight: 0,
                            verb: verbs.contains(i))
            let frequencySource = americanID ?? id ?? slot.fullCreditIDs.first
            slot.weight = inverseDocumentFrequency(frequencySource.map { postings[$0].count } ?? 0)
            let titled = frequencySource.map(titleDocumentCount) ?? 0
            slot.titleWeight = titled > 0 ? inverseDocumentFrequency(titled) : slot.weight
            slots.append(slot)
        }
        // A qualifier that is an official title of a few occupations ("Client Strategist (Management Analyst)",
        // "Project Manager - Civil Engineer") names the job a second time (`secondTitleShare`); one of many
        // ("Research Associate", "Security Engineer") does not say which, nor does one word ("Manager", "Tech").
        var secondTitles: [(terms: Set<String>, head: String?, among: Set<String>?)] = []
        // A qualifier is read as a title is ("Postdoctoral Researcher" as a research scientist, a title of many); a
        // field ending in -ing is a department, not a title ("Civil Engineering" stems as "civil engineer"). When
        // the title part is itself a title of a few occupations and not of role words only, the second title can
        // only tell them apart: "Administrative Assistant - Chief Executive" stays an assistant, and "Software
        // Engineer (Computer Programmer)", whose titles name different occupations, has no second title.
        let qualifiers = normalized.qualifiers.map { qualifier in
            JobTitle.readingPhrases(JobTitle.normalize(qualifier, query: true))?.normalized.text ?? qualifier
        }
        let firstCodes = titleCodes(normalized.titleSegment)
        let firstIsTitle = (1...Self.secondTitleCodes).contains(firstCodes.count)
            && !JobTitle.isGeneric(normalized.titleSegment.split(separator: " ").map(String.init))
        for qualifier in qualifiers where qualifier.contains(" ") && !qualifier.hasSuffix("ing") {
            let codes = titleCodes(qualifier)
            guard (1...Self.secondTitleCodes).contains(codes.count),
                  !firstIsTitle || !Set(codes).isDisjoint(with: firstCodes)
            else { continue }
            let terms = SearchText.tokens(qualifier).filter(SearchText.isMeaningful).map(term)
            secondTitles.append((Set(terms), terms.last, firstIsTitle ? Set(firstCodes) : nil))
            readings.append("\"\(qualifier)\" is a title of its own, matched as a second title of the job")
        }
        // Said when normalisation did more than drop words: corrected a typing error, wrote a compound apart, spelled
        // out an abbreviation or moved the head.
        let kept = JobTitle.wordsOf(trimmed).map { $0.lowercased() }.filter { !ignored.contains($0) }
        let read = normalized.text.lowercased()
        var notes: [String] = []
        if !corrections.isEmpty { notes.append("spelling corrected: " + corrections.joined(separator: ", ")) }
        if !splits.isEmpty { notes.append("written apart as official titles write it: " + splits.joined(separator: ", ")) }
        if !abbreviated.isEmpty {
            notes.append("written apart as abbreviations of job titles: " + abbreviated.joined(separator: ", "))
        }
        if !joins.isEmpty { notes.append("written as one word as official titles write it: " + joins.joined(separator: ", ")) }
        notes += readings
        let readAs = notes.isEmpty
            ? (read == kept.joined(separator: " ") ? nil : read)
            : read + " (" + notes.joined(separator: "; ") + ")"
        let firstHead = normalized.titleSegment.split(separator: " ").last.map(String.init) ?? ""
        let leads = JobTitle.leadingHeads.contains(firstHead)
        let isTitle = common != nil && !verbForm && (normalized.qualified || context < Self.contextWords)
        // A short title none of whose words is a role ("Professional Services", "Product Marketing"): it ends in a
        // word that ends fewer than `roleHeadShare` of the official titles holding it, and no word of it ends more,
        // nor is a leading head ("Manager Analytical Research", "Data Warehouse Lead"), nor is it an official title.
        // A last word no title holds is said by the note on unknown words, or is a technology's name.
        var roleless: Roleless?
        let endsTitles = { (token: SearchText.Token) in
            let (ending, holding) = self.titleEnding(term(token))
            return holding > 0 && Double(ending) >= Double(holding) * Self.roleHeadShare
        }
        if !normalized.qualified, !isDescription, written.isEmpty, tokens.count <= Self.contextWords + 1,
           let last = tokens.last, candidates.last == term(last),
           !JobTitle.roleWords.union(JobTitle.academicRoles).contains(last.text.lowercased()),
           !JobTitle.wordsOf(trimmed).contains(where: { JobTitle.leadingHeads.contains($0.lowercased()) }),
           !tokens.contains(where: endsTitles)
        {
            let (ending, holding) = titleEnding(term(last))
            if holding > 0 { roleless = Roleless(word: last.text, ending: ending, holding: holding) }
        }
        return QueryReading(slots: slots, ignored: ignored, titlePart: (titleTerms, head), secondTitles: secondTitles,
                            firstTitleCodes: leads ? [] : firstCodes, readAs: readAs, isTitle: isTitle,
                            phrases: JobTitle.termsOfArtPairs(tokens.map(\.text)).map {
                                (term(tokens[$0]), term(tokens[$0 + 1]))
                            },
                            compounds: hyphenated(solid).map { (term(.init(text: $0, protected: false)),
                                                                term(.init(text: $1, protected: false))) },
                            order: tokens.compactMap { token in
                                let term = self.term(token)
                                return slots.firstIndex { $0.term == term }
                            },
                            guess: guess, roleless: roleless, adopted: adopted,
                            isDescription: isDescription,
                            professionAlone: common == 0 && !JobTitle.roleWords.contains(candidates[0]),
                            degreeVerb: isDescription && candidates.isEmpty
                                ? tokens.first.flatMap { token in Self.degreeVerb(token.text).map { (token.text, $0) } }
                                : nil)
    }

    /// Whether a slash between spaces cuts the query as a dash between spaces does: when the words before the first
    /// end in a word official titles commonly end in, the job's second title follows ("Physical Therapist / Clinic
    /// Director"); otherwise it joins alternatives of a modifier ("Machine Learning / Deep Learning Engineer",
    /// "Accounts Payable / Receivable Clerk").
    func cutsAtSlash(_ query: String) -> Bool {
        guard let range = query.range(of: " / "),
              let last = JobTitle.wordsOf(String(query[..<range.lowerBound])).last
        else { return false }
        return termID(last.lowercased()).map(headTerms.contains) ?? false
    }

    /// Whether a query's first word is a verb in the third person ("designs roads and highways", "develops fraud
    /// models"): it ends in -s, and fewer than `thirdPersonShare` of the titles holding its term write it so, as
    /// titles write "Sales", "Operations", "Claims", "Plans" ("Plans Examiner"), "Networks" or "Loans";
    /// one of the hundreds of titles holding "design" writes "Designs" ("Textile Designs Sales Representative").
    /// O(titles holding its term).
    func isThirdPerson(_ word: String) -> Bool {
        let lower = word.lowercased()
        guard lower.count > 4, lower.hasSuffix("s"), !["ss", "us", "is"].contains(where: lower.hasSuffix),
              let id = termID(lower) else { return false }
        var holding = 0, written = 0
        forEachTitle(with: id) { e, _ in
            holding += 1
            if SearchText.tokens(text(of: e)).contains(where: { $0.text == lower }) { written += 1 }
        }
        return Double(written) < Self.thirdPersonShare * Double(holding)
    }

    /// The share of the titles holding a word's term below which its form in -s, first in a query, is a verb
    /// (`isThirdPerson(_:)`).
    static let thirdPersonShare = 0.02

    /// Whether the words of one part of SOC title `title`, cut at commas and "and", are `terms` ("Stationary
    /// Engineer" in "Stationary Engineers and Boiler Operators").
    func isPartOfSOCTitle(_ title: String, terms: Set<String>) -> Bool {
        title.components(separatedBy: ",").flatMap { $0.components(separatedBy: " and ") }.contains { part in
            Set(SearchText.tokens(part).filter(SearchText.isMeaningful).map(term)) == terms
        }
    }

    /// How many official titles (SOC, Direct Match, O*NET) hold term `term`, and how many of them end in it (have
    /// it as their head). Role words end most titles that hold them ("Specialist", "Nurse"), words of a field or a
    /// department few ("Services", "Marketing"). O(titles holding it).
    func titleEnding(_ term: String) -> (ending: Int, holding: Int) {
        guard let id = termIDs[term] else { return (0, 0) }
        var holding = 0, ending = 0
        forEachTitle(with: id) { e, _ in
            guard entries[e].field != .esco else { return }
            holding += 1
            if entries[e].head == id { ending += 1 }
        }
        return (ending, holding)
    }

    /// Whether a U.S. title (SOC, Direct Match, O*NET) holds term `id`, and, when `word` is given, that word as
    /// written or its singular in -s. It stops at the first such title: O(titles holding the term) at most.
    func usTitles(holding id: Int, word: String?) -> Bool {
        let singular = word.flatMap { $0.hasSuffix("s") ? String($0.dropLast()) : nil }
        return titleEntries(with: id).contains { entry in
            guard entries[Int(entry)].field != .esco else { return false }
            guard let word else { return true }
            return SearchText.tokens(text(of: Int(entry))).contains { $0.text == word || $0.text == singular }
        }
    }

    /// The U.S. title entries (SOC, Direct Match, O*NET; not ESCO) holding term `id`, in order, each once:
    /// `titleEntries(with:)` lists a title that holds the term twice twice. O(titles holding the term).
    func usTitleEntries(with id: Int) -> [Int] {
        var last = -1
        return titleEntries(with: id).compactMap { entry in
            let e = Int(entry)
            defer { last = e }
            return e != last && entries[e].field != .esco ? e : nil
        }
    }

    /// The codes of the occupations with a title of their own (SOC, Direct Match, O*NET; not ESCO) of exactly the
    /// terms of `text` (after `JobTitle` normalisation), in code order.
    func titleCodes(_ text: String) -> [String] {
        let ids = SearchText.tokens(text).filter(SearchText.isMeaningful).map { termIDs[term($0)] }
        guard let first = ids.first, let firstID = first, ids.allSatisfy({ $0 != nil }) else { return [] }
        let wanted = Set(ids.compactMap { $0 })
        var codes = Set<String>()
        var d = 0
        for entry in titleEntries(with: firstID) {
            let e = Int(entry)
            let terms = self.terms(of: e)
            guard entries[e].field != .esco, terms.count == ids.count, Set(terms.map(Int.init)) == wanted else {
                continue
            }
            while !documents[d].titleEntries.contains(e) { d += 1 }
            codes.insert(documents[d].code)
        }
        return codes.sorted()
    }

    /// Whether `first` and `second` follow each other, as written (case and common words such as "of" aside), in
    /// a title of SOC, the Direct Match file or O*NET: "machine learning" and "data processing" do, "engineer
    /// designing" does not. O(titles holding `second`'s term).
    func isTitlePhrase(_ first: String, _ second: String) -> Bool {
        let pair = [first.lowercased(), second.lowercased()]
        guard let id = termID(pair[1]) else { return false }
        var seen = Set<Int32>()
        for entry in titleEntries(with: id)
        where entries[Int(entry)].field != .esco && seen.insert(entries[Int(entry)].text).inserted {
            let words = SearchText.tokens(text(of: Int(entry))).filter(SearchText.isMeaningful)
                .map { $0.text.lowercased() }
            if words.indices.dropLast().contains(where: { words[$0] == pair[0] && words[$0 + 1] == pair[1] }) {
                return true
            }
        }
        return false
    }

    /// Why a query is too long to search (over `maximumLength` characters), or nil: a caller can say so before it
    /// loads the graph.
    public static func lengthProblem(_ query: String) -> String? {
        query.count <= maximumLength ? nil
            : "search: the query is \(query.count) characters long, over the limit of \(maximumLength); give a job "
                + "title or a few lines of duties"
    }

    /// Refuses a query of more than `maxQueryWords` different meaningful words.
    func checkWordCount(_ tokens: [SearchText.Token]) throws {
        let distinct = Set(tokens.map(\.text)).count
        guard distinct <= Self.maxQueryWords else {
            throw SOCGraphError.invalidInput(
                "search: the query has \(distinct) different words, more than \(Self.maxQueryWords); "
                    + "give a job title or a few lines of duties")
        }
    }

    /// The document's titles that share a word with the query, best first, with their quality (see `SearchIndex`).
    /// `shared` are the document's title entries holding a query term (`titleEntries(with:)`); `credit` is scratch
    /// space of one element per slot. O(title words × query terms).
    func titleMatches(
        document d: Int, entries shared: ArraySlice<Int32>, query: QueryTerms, credit: inout [Double]
    ) -> [TitleMatch] {
        var matches: [TitleMatch] = []
        for entry in shared {
            let e = Int(entry)
            let terms = self.terms(of: e)
            // How many of the title's words the query explains; most titles of a document have none.
            var explained = 0
            for term in terms where query.contains(Int(term)) { explained += 1 }
            guard explained > 0 else { continue }
            // The credit of each slot: the best among its word and alternatives found in the title.
            for s in query.weights.indices { credit[s] = 0 }
            for term in terms where query.contains(Int(term)) {
                for k in query.ids.indices where query.ids[k] == Int(term) {
                    credit[query.slots[k]] = max(credit[query.slots[k]], query.credits[k])
                }
            }
            // A term of art of the query ("machine learning") half of which the title holds ("Learning Director") is
            // broken: the word held names something else there.
            for (a, b) in query.phrases where (credit[a] > 0) != (credit[b] > 0) {
                credit[a] *= Self.brokenPhrase
                credit[b] *= Self.brokenPhrase
            }
            var covered = 0.0
            var allFull = true
            for s in query.weights.indices where query.weights[s] > 0 {
                covered += query.weights[s] * credit[s]
                if credit[s] < 1 { allFull = false }
            }
            let precision = Double(explained) / Double(terms.count)
            var quality: Double
            let whole = allFull && explained == terms.count
            if whole {
                quality = 1
            } else if allFull && precision >= Self.phrasePrecision && containsPhrase(terms, query: query) {
                quality = 0.7 + 0.15 * precision
            } else {
                quality = 0.6 * (covered / query.totalWeight) * (0.4 + 0.6 * precision)
            }
            // A title of another family: the query's head word is not in it, or its own head is not in the query.
            let missesHead = query.head.map { credit[$0] < query.familyCredit[$0] } ?? false
            let headUnexplained = entries[e].head.map { !query.contains($0) } ?? false
            if missesHead || headUnexplained { quality *= Self.otherFamily }
            if entries[e].field == .directMatch { quality *= 0.99 }
            // Corroboration is asked of the titles that match the query whole (a partial match already counts
            // less): scanning the occupation's texts for every partial match of a description would be slow.
            if entries[e].field == .alternate {
                quality *= 0.97 * (quality >= 0.7 ? corroboration(of: e, document: d, query: query) : 1)
            }
            if entries[e].field == .esco { quality *= Self.escoTitle * entries[e].share }
            matches.append(TitleMatch(entry: e, quality: quality, whole: whole))
        }
        return matches.sorted(by: TitleMatch.better)
    }

    /// A score as the JSON output shows it, in thousandths: hits whose scores show the same are ordered by
    /// employment.
    static func shownScore(_ score: Double) -> Int { Int((score * 1000).rounded()) }

    /// How many occupations have a title (SOC, Direct Match, O*NET, ESCO) holding term `term`: its rarity among titles
    /// weighs a query word in a title match. "Software" is in nearly every occupation's text, as a quarter of O*NET's
    /// technology names have it, but in the titles of few, so in "Software Engineering Manager" it weighs as much
    /// as "engineering". O(titles holding it + occupations).
    func titleDocumentCount(_ term: Int) -> Int {
        var count = 0
        var last = -1
        forEachTitle(with: term) { _, d in
            if d != last { count += 1; last = d }
        }
        return count
    }

    /// Whether document `d` is a military occupation (Major Group 55-0000).
    func isMilitary(_ d: Int) -> Bool { documents[d].code.hasPrefix(Self.militaryMajorGroup) }

    /// Whether `term` names military work: one of `armedForcesWords`, or a word two thirds or more of the
    /// occupations whose own titles (SOC, Direct Match, O*NET) hold it are military, of three or more ("infantry",
    /// "artillery"; not "officer", 11 of 132, nor "launch", 5 of 9, "mission" or "attack").
    func namesMilitaryWork(_ term: Int) -> Bool {
        if Self.armedForcesWords.contains(where: { termID($0) == term }) { return true }
        var holding = 0, military = 0, last = -1
        forEachTitle(with: term) { e, d in
            guard d != last, entries[e].field != .esco else { return }
            last = d
            holding += 1
            if isMilitary(d) { military += 1 }
        }
        return holding >= 3 && military * 3 >= holding * 2
    }

    /// Words that name the armed forces, whatever the titles holding them ("Military Officer": "military" is in
    /// civilian titles too, 9 of the 13 occupations holding it).
    static let armedForcesWords = ["military", "army", "navy", "armed", "soldier", "sailor", "airman", "marines"]

    /// Whether a title match is the query itself as an occupation's SOC, Direct Match or O*NET title.
    func isOfficialTitle(_ match: TitleMatch?) -> Bool {
        match.map { $0.quality >= Self.officialMatch && [.title, .directMatch, .onet].contains(entries[$0.entry].field) }
            ?? false
    }

    /// Whether document `d` is a catch-all ranked down: an "All Other" code whose best title match is not one of
    /// its O*NET specialty titles (`Computer Systems Engineers/Architects` for 15-1299), and none of whose title
    /// matches of `reportedMatch` or more is a title that its specialties' incumbents report and those of at most
    /// `specialtyReports` occupations report (`reportedByFew(_:)`): "Solutions Architect", reported by 15-1299.08
    /// Computer Systems Engineers/Architects and by 15-1241 Computer Network Architects, places the job in the
    /// specialty, while "Engineer" or "Research Scientist", which many report, places it nowhere.
    func demotedCatchAll(_ d: Int, titles: [TitleMatch]) -> Bool {
        guard documents[d].isCatchAll else { return false }
        if let best = titles.first, entries[best.entry].field == .onet { return false }
        return !titles.contains { $0.quality >= Self.reportedMatch && reportedByFew($0.entry) }
    }

    /// Whether entry `e` is a title incumbents report (`Entry.reported`) that the incumbents of at most
    /// `specialtyReports` occupations report, by its text as written. Counted when a catch-all asks, over the titles
    /// holding the entry's first term, not at every load: few queries need it.
    func reportedByFew(_ e: Int) -> Bool {
        guard entries[e].reported, let first = terms(of: e).first else { return false }
        var reporting = 0, last = -1
        forEachTitle(with: Int(first)) { other, document in
            guard document != last, entries[other].reported, entries[other].text == entries[e].text else { return }
            reporting += 1
            last = document
        }
        return reporting <= Self.specialtyReports
    }

    /// The factor on the score of a document for the family of the query's head (`familyShare`): 1 when at
    /// least that share of the document's own titles (SOC, Direct Match, O*NET) have that head, down to
    /// 1 − `loss` (`otherFamilyTitles`, or `professionOnlyFamilyTitles`) when none has ("Postdoctoral Researcher"
    /// is one of Natural Sciences Managers' titles, but their titles are managers', directors' and coordinators').
    /// `headed` is `headedTitles(head)`.
    /// The search leaves it out when a title incumbents report matched (`reportedMatch`).
    func family(of d: Int, headed: [Int]?, loss: Double) -> Double {
        guard let headed, ownTitleCounts[d] > 0 else { return 1 }
        let share = Double(headed[d]) / Double(ownTitleCounts[d])
        return 1 - loss * (1 - min(1, share / Self.familyShare))
    }

    /// Per document, how many of its own titles (SOC, Direct Match, O*NET) have one of `heads` (the query's head
    /// word and its expansions) as their head; nil without a head. O(titles holding the head words).
    func headedTitles(_ heads: [Int]?) -> [Int]? {
        guard let heads else { return nil }
        var headed = [Int](repeating: 0, count: count)
        for head in Set(heads) {
            forEachTitle(with: head) { e, d in
                if entries[e].head == head, entries[e].field != .esco { headed[d] += 1 }
            }
        }
        return headed
    }

    /// Calls `body` with each title entry holding term `term`, once, in increasing order, and its document.
    /// O(titles holding it + occupations).
    func forEachTitle(with term: Int, _ body: (_ entry: Int, _ document: Int) -> Void) {
        var d = 0
        var previous: Int32 = -1
        for entry in titleEntries(with: term) where entry != previous {
            previous = entry
            let e = Int(entry)
            while !documents[d].titleEntries.contains(e) { d += 1 }
            body(e, d)
        }
    }

    /// The factor on an alternate title's match (see `uncorroborated`): 1 when the document's other texts name every
    /// query word of the title other than its head, less in proportion to the weight of those they do not. Another
    /// text is one of other bytes (`Entry.text`), not one Unicode would call equal.
    func corroboration(of e: Int, document d: Int, query: QueryTerms) -> Double {
        var wanted = Set<Int>()
        for (k, id) in query.ids.enumerated() where query.slots[k] != query.head && terms(of: e).contains(Int32(id)) {
            wanted.insert(query.slots[k])
        }
        guard !wanted.isEmpty else { return 1 }
        var found = Set<Int>()
        for other in documents[d].entries where other != e && entries[other].text != entries[e].text {
            for (k, id) in query.ids.enumerated() where wanted.contains(query.slots[k]) {
                if terms(of: other).contains(Int32(id)) { found.insert(query.slots[k]) }
            }
            if found.count == wanted.count { return 1 }
        }
        let total = wanted.reduce(0) { $0 + query.weights[$1] }
        let missing = wanted.subtracting(found).reduce(0) { $0 + query.weights[$1] }
        return 1 - Self.uncorroborated * missing / max(total, 1e-9)
    }

    /// Whether a text of document `d` other than a title holds one of `ids` (a word and its alternatives).
    /// O(the document's texts).
    func holdsOutsideTitles(document d: Int, ids: Set<Int32>) -> Bool {
        for e in documents[d].textEntries where terms(of: e).contains(where: ids.contains) {
            return true
        }
        return false
    }

    /// Whether a text of document `d` (a title, technology, program, task, …) has a word of `first` followed by one
    /// of `second`. O(the document's texts).
    func writesPhrase(document d: Int, _ first: Set<Int32>, _ second: Set<Int32>) -> Bool {
        documents[d].entries.contains { e in
            let t = terms(of: e)
            return t.indices.dropLast().contains { first.contains(t[$0]) && second.contains(t[$0 + 1]) }
        }
    }

    /// Whether the query's words appear in `terms` consecutively, in the query's order.
    func containsPhrase(_ terms: ArraySlice<Int32>, query: QueryTerms) -> Bool {
        let wanted = query.fullCredit
        guard wanted.count <= terms.count else { return false }
        for start in terms.startIndex...(terms.endIndex - wanted.count)
        where wanted.indices.allSatisfy({ wanted[$0].contains(Int(terms[start + $0])) }) {
            return true
        }
        return false
    }
}
