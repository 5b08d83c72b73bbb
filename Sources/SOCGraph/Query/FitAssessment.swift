import Foundation

/// `socgraph fit PROFILE`: candidate codes for one client, each assessed against the client's duties, degree,
/// experience and endeavor, and the code to use with its reasons.
///
/// Candidates are the profile's own `candidates` and what search finds for the title (with a clear first hit's O*NET
/// Related Occupations, which get no title score), for each duty line and for the endeavor. Each is assessed on four things, and ranked by `score`:
/// - duties (`DutyMatcher`): each duty's closest task, DWA or definition clause; coverage is the share of duties
///   scoring `DutyMatcher.covered` or more; the rest are gaps; the codes whose clauses cover the duties best
///   (`DutyMatcher.rank`) are candidates too;
/// - qualification: BLS typical entry education, Job Zone and O*NET's education shares against the client's
///   degree and experience, the profession check, and whether the code supports the EB-2 advanced-degree framing;
/// - national interest: the code's core and substantial alignments, and which of them the endeavor names;
/// - risks: a catch-all code, a title match whose duties do not match, BLS and Job Zone disagreeing, entry below a
///   bachelor's degree, a code only a weak search found.
///
/// The best candidate is recommended (`FitRecommendation`), unless it is a guess (`withheld`).
///
/// `score` (0–1, for ranking only) weighs duty match 0.50, the title search 0.15 (a weak one counts half), the duty searches 0.10 and the
/// endeavor search 0.10; then adds 0.10 when the code supports the advanced-degree framing, 0.05 when a CIP
/// program NCES crosswalks to the code names the client's degree field, 0.10 (0.05) for a
/// core (substantial) alignment the endeavor names, and takes off 0.30 for entry below a bachelor's degree, 0.15
/// for a catch-all, 0.10 when the client's degree is below the typical entry. Without the text layer, the duty
/// match is unknown and its weight goes to the searches (title 0.40, duties 0.30, endeavor 0.15).
public struct FitReport: Encodable, Sendable {
    public let client: ClientProfile
    /// Whether Graph/text/ was present, so that duties could be held against tasks.
    public let textLayer: Bool
    /// The national-interest fields the endeavor names, with the words that name them.
    public let endeavorFields: [EndeavorField]
    /// Best first.
    public let candidates: [FitCandidate]
    @Nullable public var recommendation: FitRecommendation?
    /// What the reader should know about the assessment as a whole (no text layer, a weak title search, …).
    public let notes: [String]
    public let sources: [SourceCitation]

    /// How the note saying why no code is recommended begins (`withheld`).
    public static let withheldPrefix = "no recommendation: "

    /// Why no code is recommended although there are candidates (a note of `notes`), or nil.
    public var withheld: String? {
        notes.first { $0.hasPrefix(Self.withheldPrefix) }.map { String($0.dropFirst(Self.withheldPrefix.count)) }
    }

    /// The notes but `withheld`'s, which a reader shows where the recommendation would be.
    public var otherNotes: [String] { notes.filter { !$0.hasPrefix(Self.withheldPrefix) } }

    /// How many search hits each query adds, and how many candidates are kept.
    public static let titleHits = 5
    public static let dutyHits = 3
    /// How many hits of each duty line's search are weighed (`FitCandidate.dutySearch`).
    public static let dutyLineHits = 10
    public static let endeavorHits = 3
    public static let dutyMatchHits = 5
    /// Scores this close to the best are a close call (see `init`).
    public static let closeMargin = 0.08
    public static let candidateLimit = 8
    /// How many of a title search hit's title lines a candidate keeps (`FitCandidate.titleMatches`).
    public static let titleReasons = 2

    /// Assesses `profile`. `text` is Graph/text/ (nil when absent). Throws `SOCGraphError` for a candidate code
    /// that names no occupation.
    public init(profile: ClientProfile, graph: KnowledgeGraph, index: SearchIndex, text: OccupationText?,
                matcher: DutyMatcher?) throws
    {
        client = profile
        textLayer = text != nil
        var notes: [String] = []
        if text == nil { notes.append("duties were not held against tasks: " + OccupationText.howToGet) }

        // Candidates: given first, then search.
        var found: [String: [FoundBy]] = [:]
        var order: [String] = []
        func add(_ code: String, _ how: FoundBy) {
            if found[code] == nil { order.append(code) }
            if !(found[code] ?? []).contains(how) { found[code, default: []].append(how) }
        }
        for input in profile.candidates {
            var node = try graph.resolve(input, as: [.detailed, .specialty])
            if graph[node].kind == .specialty, let parent = graph.parent(of: node) { node = parent }
            add(graph[node].id, .given)
        }
        let titleSearch = try? index.search(profile.title, limit: Self.titleHits)
        var titleScores: [String: Double] = [:]
        var titleMatches: [String: [String]] = [:]
        var foundThrough: [String: FitCandidate.Source] = [:]
        // The title search ranks a clear first hit's O*NET Related Occupations before the codes that matched worse
        // ("ASIC Engineer": 17-2072 Electronics Engineers after 17-2061, not every code with an "Engineer" title);
        // such a candidate says it was found so. The duty and endeavor searches give only what matched.
        for hit in titleSearch?.hits ?? [] {
            if hit.isRelated {
                // Found through the title, not matched by it: no title score, so the duties and the endeavor decide.
                titleMatches[hit.code] = Array(hit.matches.prefix(1))
                if let first = hit.relatedTo, let node = graph.node(id: first) {
                    foundThrough[hit.code] = FitCandidate.Source(code: first, title: graph[node].title)
                }
                add(hit.code, .relatedOccupation)
            } else {
                // A weak title search is a guess: it counts half.
                titleScores[hit.code] = titleSearch?.weak == true ? hit.score / 2 : hit.score
                titleMatches[hit.code] = Array(hit.titleMatches.prefix(Self.titleReasons))
                add(hit.code, .titleSearch)
            }
        }
        // Every search whose scores rank the candidates; ESCO is cited when one of them matched an ESCO title.
        var searches: [SearchResults] = titleSearch.map { [$0] } ?? []
        // "Co-Founder" is searched as "chief executive": the note says how and why, as search does.
        if let readAs = titleSearch?.readAs, readAs.contains("(") {
            notes.append("the title \"\(profile.title)\" was read as \(readAs)")
        }
        if let titleSearch, titleSearch.weak {
            notes.append("the title \"\(profile.title)\" alone is a weak guess"
                         + (titleSearch.weakReason.map { " (\($0))" } ?? "") + ": the duties decide")
        }
        var weakOnly: Set<String> = Set(titleSearch?.weak == true ? titleSearch!.hits.map(\.code) : [])
        // Per code listed by a duty line's search (its first `dutyLineHits`, weak or not), the mean score.
        var dutyScores: [String: Double] = [:]
        for duty in profile.duties {
            guard let results = try? index.search(duty, limit: Self.dutyLineHits, related: false) else { continue }
            searches.append(results)
            for (rank, hit) in results.hits.enumerated() {
                dutyScores[hit.code, default: 0] += hit.score / Double(profile.duties.count)
                if rank < Self.dutyHits, !results.weak { add(hit.code, .dutySearch) }
            }
        }
        if let matcher {
            // The codes whose clauses cover the duties best, when they cover at least half of them.
            for (code, _) in matcher.rank(profile.duties).prefix(Self.dutyMatchHits)
            where Double(matcher.match(profile.duties, in: code).filter(\.covered).count) * 2 >= Double(profile.duties.count)
            {
                add(code, .dutiesMatch)
            }
        }
        var endeavorScores: [String: Double] = [:]
        if let results = try? index.search(profile.endeavor, limit: 10, related: false) {
            searches.append(results)
            for (rank, hit) in results.hits.enumerated() {
                endeavorScores[hit.code] = hit.score
                if rank < Self.endeavorHits, !results.weak { add(hit.code, .endeavorSearch) }
            }
        }
        weakOnly = weakOnly.filter { found[$0] == [.titleSearch] || found[$0] == [.relatedOccupation] }

        let endeavorFields = Self.endeavorFields(profile.endeavor, graph: graph)
        self.endeavorFields = endeavorFields
        let named = Self.relatedFields(endeavorFields.map(\.id), graph: graph)

        var assessed: [FitCandidate] = []
        for code in order {
            let node = try graph.resolve(code, as: [.detailed])
            assessed.append(FitCandidate(
                graph: graph, node: node, profile: profile, foundBy: found[code] ?? [],
                titleMatches: titleMatches[code] ?? [], foundThrough: foundThrough[code],
                titleScore: titleScores[code] ?? 0,
                dutySearch: dutyScores[code] ?? 0, endeavorScore: endeavorScores[code] ?? 0, weakOnly: weakOnly.contains(code),
                matcher: matcher, text: text, named: named))
        }
        assessed.sort { $0.score > $1.score || ($0.score == $1.score && $0.code < $1.code) }
        let given = Set(found.filter { $0.value.contains(.given) }.keys)
        // A close call goes to the attorney: among codes within `closeMargin` of the best, the given ones come
        // first (the tool cannot tell them apart, the attorney may know more).
        if let best = assessed.first?.score, !given.contains(assessed[0].code),
           let index = assessed.firstIndex(where: { given.contains($0.code) && best - $0.score <= Self.closeMargin })
        {
            let chosen = assessed.remove(at: index)
            assessed.insert(chosen, at: 0)
            notes.append("\(chosen.code) was given and scores within \(FitCandidate.decimal(Self.closeMargin)) of the "
                         + "best (\(FitCandidate.decimal(chosen.score)) against \(FitCandidate.decimal(best))): a close "
                         + "call, kept first")
        }
        var kept = Array(assessed.prefix(Self.candidateLimit))
        for candidate in assessed.dropFirst(Self.candidateLimit) where given.contains(candidate.code) {
            kept.append(candidate)
        }
        candidates = kept
        // A guess is not recommended: the best candidate found by a weak title search alone, which no duty line's
        // search lists and whose tasks cover no duty (or were not held against the duties), would put a code before
        // USCIS on nothing more.
        if let best = kept.first, weakOnly.contains(best.code), dutyScores[best.code] == nil,
           (best.coverage ?? 0) == 0
        {
            recommendation = nil
            let tasks = best.coverage == nil ? "its tasks were not held against the duties"
                : "its tasks cover none of the duties"
            notes.insert(Self.withheldPrefix + "the best-scoring candidate, \(best.code) \(best.title), rests on a "
                         + "weak title search alone: no duty's search lists it among its first \(Self.dutyLineHits), "
                         + "and \(tasks); compare the candidates against the client's work, describe the duties in more "
                         + "detail, or give the codes under consideration as candidates", at: 0)
        } else {
            recommendation = kept.first.map { FitRecommendation(best: $0, others: Array(kept.dropFirst())) }
        }
        self.notes = notes
        // ESCO titles reach SOC codes through the ISCO-08 and SOC 2010 crosswalks: all three are cited with them.
        sources = graph.sources.citations
            + (searches.contains(where: \.matchedESCO) ? graph.sources.translationCitations : [])
    }

    /// The fields whose curated title terms or technologies the endeavor names (word for word, case ignored).
    static func endeavorFields(_ endeavor: String, graph: KnowledgeGraph) -> [EndeavorField] {
        let words = " " + SearchText.tokens(endeavor).map(\.text).joined(separator: " ") + " "
        var terms: [NodeIndex: Set<String>] = [:]
        for link in graph.curation.links(.titles) {
            guard let term = link.term else { continue }
            let phrase = SearchText.tokens(term).map(\.text).joined(separator: " ")
            if !phrase.isEmpty, words.contains(" \(phrase) ") { terms[link.field, default: []].insert(term) }
        }
        for link in graph.curation.links(.technologies) {
            let name = graph[link.subject].title
            let phrase = SearchText.tokens(name).map(\.text).joined(separator: " ")
            if phrase.count >= 4, words.contains(" \(phrase) ") { terms[link.field, default: []].insert(name) }
        }
        return terms.map { field, words in
            EndeavorField(id: graph[field].id, name: graph[field].title,
                          framework: graph.framework(of: field)?.label ?? "", terms: words.sorted())
        }.sorted { $0.id < $1.id }
    }

    /// `ids` with the fields that include them or that they include (CHIPS focus areas and CET categories).
    static func relatedFields(_ ids: [String], graph: KnowledgeGraph) -> [String: [String]] {
        var out: [String: [String]] = [:]
        for id in ids { out[id, default: []].append(id) }
        for link in graph.curation.links(.inclusions) {
            let (area, category) = (graph[link.subject].id, graph[link.field].id)
            if ids.contains(category) { out[area, default: []].append(category) }
            if ids.contains(area) { out[category, default: []].append(area) }
        }
        return out
    }
}

/// A national-interest field the endeavor names.
public struct EndeavorField: Encodable, Hashable, Sendable {
    public let id: String
    public let name: String
    public let framework: String
    /// The curated terms or technologies found in the endeavor.
    public let terms: [String]
}

/// How a candidate of `fit` was found; in JSON, the raw value.
public enum FoundBy: String, Encodable, Hashable, Sendable {
    /// Among the profile's candidates.
    case given
    /// Among the first hits of a search for the client's title.
    case titleSearch = "title search"
    /// Among the first hits of that search as an O*NET Related Occupation of its first hit
    /// (`SearchIndex.relatedShare`).
    case relatedOccupation = "title search, related occupation"
    /// Among the first hits of a search for one duty.
    case dutySearch = "duty search"
    /// Among the codes whose O*NET tasks cover the duties best (text layer).
    case dutiesMatch = "duties match its tasks"
    /// Among the first hits of a search for the proposed endeavor.
    case endeavorSearch = "endeavor search"
}

/// One candidate code held against the client.
public struct FitCandidate: Encodable, Hashable, Sendable {
    public let code: String
    public let title: String
    /// For ranking only (see `FitReport`), rounded to two places.
    public let score: Double
    /// How it was found, in the order found.
    public let foundBy: [FoundBy]
    /// What the client's title matched in this code when the title search listed it (the first title lines of its
    /// hit, such as `alternate: Machine Learning Engineer` or `ESCO: strategy manager (ISCO 2422)`, or for a related
    /// occupation of its first hit the `related:` line); else empty.
    public let titleMatches: [String]
    /// For a candidate found as an O*NET Related Occupation of a hit of the title search (its first hit, or the hit
    /// that matched the title at another level: see `SearchHit.relatedTo`), that hit; in JSON only then.
    public let foundThrough: Source?
    /// The title search's score for this code (0 when it did not list it).
    public let titleScore: Double
    /// Each duty with its closest clause; empty without the text layer.
    public let duties: [DutyMatcher.Match]
    /// The share of duties covered (0–1), nil without the text layer.
    @Nullable public var coverage: Double?
    /// The duties nothing in the code covers.
    public let gaps: [String]
    public let qualification: FitQualification
    /// The core and substantial alignments, with the endeavor's words that name each field.
    public let alignments: [FitAlignment]
    public let risks: [String]
    public let catchAll: Bool
    public let onetURL: String
    public let blsURL: String
    /// The definition and tasks, when the text layer is present.
    @Nullable public var text: CodeWords?

    /// An occupation another was found through.
    public struct Source: Encodable, Hashable, Sendable {
        public let code: String
        public let title: String
    }

    init(graph: KnowledgeGraph, node: NodeIndex, profile: ClientProfile, foundBy: [FoundBy], titleMatches: [String],
         foundThrough: Source?, titleScore: Double,
         dutySearch: Double, endeavorScore: Double, weakOnly: Bool, matcher: DutyMatcher?, text: OccupationText?,
         named: [String: [String]])
    {
        let report = OccupationReport(graph: graph, node: node)
        code = report.code
        title = report.title
        self.foundBy = foundBy
        self.titleMatches = titleMatches
        self.foundThrough = foundThrough
        self.titleScore = titleScore
        onetURL = "https://www.onetonline.org/link/summary/\(code).00"
        blsURL = "https://www.bls.gov/oes/current/oes\(code.replacingOccurrences(of: "-", with: "")).htm"
        let code = report.code
        self.text = text.map { CodeWords(text: $0, code: code) }

        var matches: [DutyMatcher.Match] = []
        var coverage: Double?
        if let matcher, matcher.hasClauses(for: report.code) {
            matches = matcher.match(profile.duties, in: report.code)
            coverage = (Double(matches.filter(\.covered).count) / Double(max(matches.count, 1)) * 100).rounded() / 100
        }
        let coveredCount = matches.filter(\.covered).count
        duties = matches
        self.coverage = coverage
        gaps = matches.filter { !$0.covered }.map(\.duty)
        let qualification = FitQualification(report: report, profile: profile)
        self.qualification = qualification

        var endeavorEndorsed = 0.0
        alignments = report.citableFields.map { field in
            let words = named[field.id] ?? []
            if !words.isEmpty { endeavorEndorsed = max(endeavorEndorsed, field.grade == "core" ? 0.10 : 0.05) }
            return FitAlignment(field: field.id, name: field.name, framework: field.frameworkLabel,
                                grade: field.grade, evidence: Array(field.evidence.prefix(3)), endeavorFields: words)
        }

        let catchAll = CatchAll.isCatchAll(title: report.title)
        var risks: [String] = []
        if catchAll {
            risks.append("a catch-all code (\"All Other\"): it names no specific occupation, and an officer may "
                         + "read it as a code chosen for want of one")
        }
        if let coverage, coverage < 0.5 {
            risks.append(titleScore >= 0.6
                ? "the title matches (\(Self.decimal(titleScore))) but only \(coveredCount) of \(matches.count) duties "
                    + "match the code's tasks"
                : "only \(coveredCount) of \(matches.count) duties match the code's tasks: the duties describe another "
                    + "occupation in part")
        }
        if report.profession.bachelorOrHigher == false {
            risks.append("typical entry (\(report.education.typicalEntryTitle ?? "—")) is below a bachelor's degree: "
                         + "the code fails the USCIS profession check")
        }
        for warning in report.profession.warnings where warning.contains("Job Zone") {
            risks.append("BLS and O*NET disagree: \(warning)")
        }
        if weakOnly { risks.append("only a weak title search suggests it") }
        if qualification.meetsEntry == false {
            risks.append("the client's \(profile.degree.blsTitle.lowercased()) is below the typical entry "
                         + "(\(report.education.typicalEntryTitle ?? "—"))")
        }
        if !named.isEmpty, endeavorEndorsed == 0 {
            risks.append("no core or substantial alignment with a field the endeavor names")
        }
        self.risks = risks
        self.catchAll = catchAll

        var score: Double
        if coverage != nil {
            score = 0.50 * DutyMatcher.fit(matches) + 0.15 * titleScore + 0.10 * min(1, dutySearch)
                + 0.10 * endeavorScore
        } else {
            score = 0.40 * titleScore + 0.30 * min(1, dutySearch) + 0.15 * endeavorScore
        }
        if qualification.supportsAdvancedDegreeFraming { score += 0.10 }
        if qualification.degreeProgram != nil { score += 0.05 }
        score += endeavorEndorsed
        if report.profession.bachelorOrHigher == false { score -= 0.30 }
        if catchAll { score -= 0.15 }
        if qualification.meetsEntry == false { score -= 0.10 }
        self.score = (score * 100).rounded() / 100
    }

    public static func decimal(_ value: Double) -> String { String(format: "%.2f", value) }

    /// How the candidate was found, with what the title matched: "title search (ESCO: strategy manager (ISCO
    /// 2422)), duty search".
    public var foundByText: String {
        foundBy.map { how in
            guard how == .titleSearch || how == .relatedOccupation, !titleMatches.isEmpty else { return how.rawValue }
            return how.rawValue + " (" + titleMatches.joined(separator: "; ") + ")"
        }.joined(separator: ", ")
    }

    /// "4 of 6 duties", or nil without the text layer.
    public var coverageText: String? {
        coverage == nil ? nil : "\(duties.filter(\.covered).count) of \(duties.count) duties"
    }
}

/// What the code asks for against what the client has.
public struct FitQualification: Encodable, Hashable, Sendable {
    @Nullable public var typicalEntry: String?
    @Nullable public var workExperience: String?
    @Nullable public var jobZone: String?
    /// The share of O*NET respondents saying the job requires a master's degree or more (a bachelor's or more).
    @Nullable public var mastersOrHigherPercent: Double?
    @Nullable public var bachelorOrHigherPercent: Double?
    public let clientDegree: String
    public let clientYears: Double
    /// Whether the client's degree reaches the typical entry education; nil when BLS publishes none.
    @Nullable public var meetsEntry: Bool?
    public let profession: ProfessionCheck
    /// EB-2 advanced-degree framing: entry at a master's or above, or a bachelor's that the client exceeds with an
    /// advanced degree (a master's, or a bachelor's plus five years of progressive experience).
    public let supportsAdvancedDegreeFraming: Bool
    /// The framing in one sentence.
    public let framing: String
    /// The CIP 2020 program, among those NCES crosswalks to the code, that names the client's degree field (its
    /// words within the field's, or sharing two thirds of them); nil when none does.
    @Nullable public var degreeProgram: String?

    init(report: OccupationReport, profile: ClientProfile) {
        degreeProgram = Self.program(naming: profile.degreeField, in: report.programs)
        let education = report.education
        typicalEntry = education.typicalEntryTitle
        workExperience = education.workExperience
        jobZone = education.jobZoneLabel
        func share(_ minimum: EducationLevel) -> Double? {
            guard !education.distribution.isEmpty else { return nil }
            let total = education.distribution.filter { (EducationLevel(rawValue: $0.level) ?? .none) >= minimum }
                .reduce(0) { $0 + $1.percent }
            return total.rounded()
        }
        mastersOrHigherPercent = share(.master)
        bachelorOrHigherPercent = share(.bachelor)
        clientDegree = profile.degree.blsTitle
        clientYears = profile.yearsExperience
        profession = report.profession
        let entry = education.typicalEntry.flatMap(EducationLevel.init(rawValue:))
        meetsEntry = entry.map { profile.degree >= $0 }
        let client = "the client's \(profile.degree.blsTitle.lowercased()) in \(profile.degreeField)"
            + (profile.yearsExperience > 0 ? " with \(Self.years(profile.yearsExperience)) of experience" : "")
        switch entry {
        case let entry? where entry >= .master:
            supportsAdvancedDegreeFraming = true
            framing = "typical entry is a \(entry.blsTitle.lowercased()): the occupation itself normally requires "
                + "an advanced degree; " + client + (profile.degree >= entry ? " meets it" : " is below it")
        case .bachelor?:
            supportsAdvancedDegreeFraming = profile.holdsAdvancedDegree
            framing = "typical entry is a bachelor's degree: the advanced-degree framing rests on "
                + client + (profile.holdsAdvancedDegree
                    ? ", which is an advanced degree in the EB-2 sense"
                    : ", which is not an advanced degree (a master's, or a bachelor's plus five years of progressive "
                        + "experience)")
        case let entry?:
            supportsAdvancedDegreeFraming = false
            framing = "typical entry is \(entry.blsTitle.lowercased()), below a bachelor's degree: the code does not "
                + "support the advanced-degree framing"
        case nil:
            supportsAdvancedDegreeFraming = profile.holdsAdvancedDegree && (education.jobZone ?? 0) >= 4
            framing = "BLS publishes no typical entry education; O*NET Job Zone "
                + (education.jobZoneLabel ?? "not rated") + "; the framing rests on " + client
        }
    }

    /// The program whose title's words all appear in `field`, or whose words and the field's overlap by at
    /// least two thirds (Dice of the word sets); the closest one.
    static func program(naming field: String, in programs: [ProgramSummary]) -> String? {
        let fieldTerms = Set(SearchText.terms(field))
        guard !fieldTerms.isEmpty else { return nil }
        var best: (title: String, score: Double)?
        for program in programs {
            let terms = Set(SearchText.terms(program.title)).subtracting(["general"])
            guard !terms.isEmpty else { continue }
            let shared = Double(terms.intersection(fieldTerms).count)
            let score = terms.isSubset(of: fieldTerms) ? 1 + shared : 2 * shared / Double(terms.count + fieldTerms.count)
            if score >= 0.66, score > (best?.score ?? 0) { best = ("\(program.cip) \(program.title)", score) }
        }
        return best?.title
    }

    public static func years(_ value: Double) -> String {
        let text = value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
        return text + (value == 1 ? " year" : " years")
    }
}

/// A core or substantial alignment of a candidate, and the endeavor fields it answers to.
public struct FitAlignment: Encodable, Hashable, Sendable {
    public let field: String
    public let name: String
    public let framework: String
    public let grade: String
    public let evidence: [String]
    /// The fields named by the endeavor that this field is, includes or is included by; empty when none.
    public let endeavorFields: [String]
}

/// The code to use, why, and why not each alternative.
public struct FitRecommendation: Encodable, Hashable, Sendable {
    public let code: String
    public let title: String
    public let reasons: [String]
    public let alternatives: [Alternative]

    public struct Alternative: Encodable, Hashable, Sendable {
        public let code: String
        public let title: String
        /// Why not this one, against the recommended code.
        public let reasons: [String]
    }

    init(best: FitCandidate, others: [FitCandidate]) {
        code = best.code
        title = best.title
        var reasons: [String] = []
        if let text = best.coverageText {
            reasons.append("its tasks cover \(text)"
                           + (best.duties.filter(\.covered).max { $0.score < $1.score }.map {
                               "; closest: \"\($0.duty)\" ~ \"\($0.clause ?? "")\" (\(FitCandidate.decimal($0.score)))"
                           } ?? ""))
        }
        if best.titleScore >= 0.5, !best.foundBy.contains(.relatedOccupation) {
            reasons.append("the client's title matches it ("
                           + (best.titleMatches.first.map { $0 + "; " } ?? "")
                           + "search score \(FitCandidate.decimal(best.titleScore)))")
        }
        reasons.append(best.qualification.framing)
        if let program = best.qualification.degreeProgram {
            // CIP titles end in a period ("Business Administration and Management, General."), not mid-sentence.
            let named = program.hasSuffix(".") ? String(program.dropLast()) : program
            reasons.append("the client's degree field matches CIP \(named), which NCES crosswalks to it")
        }
        let endorsed = best.alignments.filter { !$0.endeavorFields.isEmpty }
        if !endorsed.isEmpty {
            reasons.append("the endeavor's fields: " + endorsed.map { "\($0.name) (\($0.framework), \($0.grade))" }
                .joined(separator: "; "))
        } else if let first = best.alignments.first {
            reasons.append("aligned with \(first.name) (\(first.framework), \(first.grade))")
        }
        reasons.append(best.risks.isEmpty ? "no risk found" : "risks to address: " + best.risks.joined(separator: "; "))
        self.reasons = reasons
        alternatives = others.map { other in
            var why: [String] = []
            if let mine = best.coverage, let theirs = other.coverage, theirs < mine {
                let covered = best.duties.filter(\.covered).count
                why.append("covers fewer duties (\(other.coverageText ?? "") against \(covered))")
            }
            if other.catchAll { why.append("a catch-all code") }
            if other.qualification.profession.bachelorOrHigher == false {
                why.append("entry below a bachelor's degree fails the profession check")
            }
            if best.qualification.supportsAdvancedDegreeFraming, !other.qualification.supportsAdvancedDegreeFraming {
                why.append("does not support the advanced-degree framing")
            }
            if best.alignments.contains(where: { !$0.endeavorFields.isEmpty }),
               !other.alignments.contains(where: { !$0.endeavorFields.isEmpty })
            {
                why.append("no core or substantial alignment with the endeavor's fields")
            }
            if best.qualification.degreeProgram != nil, other.qualification.degreeProgram == nil {
                why.append("no program NCES crosswalks to it names the client's degree field")
            }
            if other.qualification.meetsEntry == false {
                why.append("the client's degree is below its typical entry")
            }
            if other.titleScore + 0.2 < best.titleScore, other.titleScore < 0.5 {
                why.append(other.foundBy.contains(.relatedOccupation)
                           ? "the client's title does not match it: it is an O*NET Related Occupation of "
                               + (other.foundThrough.map { "\($0.code) \($0.title)" } ?? "the title's first hit")
                           : other.titleScore == 0 ? "the client's title does not point to it"
                           : "the client's title matches it less (\(FitCandidate.decimal(other.titleScore)))")
            }
            if why.isEmpty {
                why.append("a defensible alternative that scores a little lower "
                           + "(\(FitCandidate.decimal(other.score)) against \(FitCandidate.decimal(best.score)))")
            }
            return Alternative(code: other.code, title: other.title, reasons: why)
        }
    }
}
