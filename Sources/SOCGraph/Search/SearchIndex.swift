import Foundation

/// An inverted index over the searchable text of every detailed occupation, built once, queried many times.
///
/// Ranking (the full account, with the reasons, is the DocC article "How search ranks occupations"):
///
/// - **Title match** `q`: the best single title of the occupation (SOC, Direct Match, O*NET occupation and
///   specialty, O*NET Alternate and Reported, ESCO), both sides normalised by `JobTitle`. The same words score 1; the
///   query as a phrase inside a longer title 0.7–0.85 (`phrasePrecision`); otherwise at most 0.6, in proportion to the share of the
///   query it covers (terms weighted by their rarity among titles, `Slot.titleWeight`) and the share of its own words the query explains. A title of
///   another family (`otherFamily`), an uncorroborated alternate title (`uncorroborated`) and an ESCO title
///   (`escoTitle`, `escoShare`) count less. A description's title part is matched too (`titlePartShare`).
/// - **Text relevance** `r`: BM25F over all fields (weights in `SearchField`), each entry length-normalised within
///   its field, with term saturation `k1`, divided by its asymptotic maximum, so that `r` is absolute.
///
/// The score is `(1 − (1 − q)(1 − 0.6·r))` times the occupation's prior (`belowDegree`; raised to `degreeVerbPower`
/// for duties that start with one of `degreeVerbs`), its family factor for the
/// query's head word (`family(of:headed:loss:)`, left out when a title its incumbents report matched, `reportedMatch`)
/// and, for an unspecific match of an "All Other" code, `catchAll`. Ties of the score as shown (three decimals) are
/// broken by a match of a title incumbents report (`reportedMatch`), then by employment (`Document.employment`),
/// largest first and unpublished last, then by the unrounded score, `r` and code. The first hit's O*NET Related
/// Occupations then score at least `relatedShare` of it.
///
/// Complexity: building is linear in the total length of the text; a query touches the postings of its terms
/// and the titles holding them (`titleEntries(with:)`).
public struct SearchIndex: Sendable {
    /// BM25 term-frequency saturation.
    public static let k1 = 1.2
    /// A top score below this marks the results weak.
    public static let weakScore = 0.5
    /// A runner-up within this fraction of the top score marks the results weak (a near tie).
    public static let tieMargin = 0.05
    /// A runner-up within this fraction of the top score marks the results of a title weak when no occupation has
    /// the query's words as a title (`TitleMatch.whole`), only titles of other words too or of part of them: on
    /// `make eval`'s LCA titles such results were right 42 % of the time, those not flagged 72 %.
    public static let partialTieMargin = 0.2
    /// The share of a query's words the graph has never seen (`SearchResults.unknownWords`) that marks the results
    /// weak: "LLM Engineer" rests on "engineer" alone.
    public static let unknownShare = 0.5
    /// The weight of text relevance against title match in the score (see above).
    public static let relevanceShare = 0.6
    /// The credit of a word of a term of art in the query ("machine learning") in a title that holds the term's other
    /// word not (`QueryTerms.phrases`), and in the texts of an occupation none of whose texts writes the term.
    public static let brokenPhrase = 0.5
    /// The least share of a title's words that the query, found in it as a phrase, must make up to earn a phrase's
    /// match (0.7–0.85): "Production Officer" is 2 of the 11 words of the military title "Aoc Plans - Air Task
    /// Order / Air Control Order Production Officer", which says little of it, so that match counts as a partial
    /// one.
    public static let phrasePrecision = 1.0 / 3
    /// The credit of a query word of a field term (`FieldTermLink`) in an occupation the term is given to: that of
    /// the word written once in its SOC title at the average length (weight 3 against `k1`), as the reviewed
    /// table says the term names the occupation's work.
    public static let fieldTermCredit = 3 / (k1 + 3)
    /// The factor on the match of a title of another family than the query's (see `JobTitle` for head words).
    public static let otherFamily = 0.6
    /// The factor on the score of an occupation typically entered with a high-school diploma, some college or less
    /// (halfway for a postsecondary award or an associate's degree): below a bachelor's degree, it fails the USCIS
    /// profession check. Among titles that match about equally, the one of the professional
    /// occupation ranks first, as the petitions socgraph serves concern professionals ("QA Tester" is 15-1253
    /// Software Quality Assurance Analysts and Testers before 51-9061 Inspectors, Testers, Sorters).
    public static let belowDegree = 0.94
    /// The verbs (O*NET's base forms) that start 20 or more of the O*NET 30.2 task statements, 80 % or more of them
    /// of occupations BLS lists as typically entered with a bachelor's degree or more (Employment Projections
    /// 2024–34); 43 % of all task statements are. Develop: 84 % of 569; design: 81 % of 264; write: 84 % of 214;
    /// collaborate: 81 % of 156; research: 83 % of 83; act: 84 % of 50; initiate: 91 % of 47; counsel: 84 % of 38;
    /// prescribe: 100 % of 35; formulate: 88 % of 25; represent: 90 % of 20. Not "study" (62 %), "conduct" (72 %),
    /// "analyze" (70 %), "manage" (72 %), "build" (26 %) or "test" (29 %). A description of duties with no title
    /// part that starts with one ("researches perovskite solar cells", "designs rocket engine injectors") describes
    /// degree-level work: the education prior counts `degreeVerbPower` times, so that a word of the duties naming a
    /// thing handled ("Cell Efficiency Supervisor", "Rocket Engine Tester") does not put the workers who handle it
    /// first; the verb counts in the third person ("develops") or in -ing ("designing"), as a description's first
    /// word is read as a verb (so not "acts", too short to be read so). `DegreeVerbTests` recomputes the list from
    /// the task statements when the text layer can be built from the official files.
    public static let degreeVerbs: Set<String> = [
        "develop", "design", "write", "collaborate", "research", "act", "initiate", "counsel", "prescribe", "formulate",
        "represent",
    ]
    /// How many times the education prior counts for duties that start with one of `degreeVerbs`: an occupation
    /// that scores 6 % less otherwise (a high-school diploma, some college or less) scores 22 % less, one that scores
    /// 3 % less (a postsecondary award or an associate's degree) 11 % less.
    public static let degreeVerbPower = 4.0

    /// The factor of occupation `d`'s typical entry education on its score (`belowDegree`), counted
    /// `degreeVerbPower` times when the duties start with one of `degreeVerbs`.
    func prior(of d: Int, degreeVerb: (written: String, base: String)?) -> Double {
        pow(documents[d].prior, degreeVerb == nil ? 1 : Self.degreeVerbPower)
    }

    /// The base form in `degreeVerbs` of a description's first word: the word itself, its third person ("develops",
    /// "researches") or its form in -ing ("designing", "writing").
    static func degreeVerb(_ word: String) -> String? {
        let lower = word.lowercased()
        return degreeVerbs.first { verb in
            [verb, verb + "s", verb + "es", verb + "ing"].contains(lower)
                || (verb.hasSuffix("e") && lower == verb.dropLast() + "ing")
        }
    }
    /// The factor on the match of an ESCO title: it reaches the occupation through an ISCO-08 group and the BLS
    /// crosswalks, often as a partial match, so it never equals the occupation's own titles.
    public static let escoTitle = 0.85
    /// The share of an ESCO title of an ISCO-08 group reaching `reach` SOC codes: all of `escoTitle` up to two
    /// codes, then in proportion (ISCO 1213 Policy and planning managers reaches eight codes through SOC 2010's
    /// 11-9199, so its "strategy manager" says little about any one of them).
    static func escoShare(reach: Int) -> Double { min(1, 2 / Double(max(reach, 1))) }
    /// How much an O*NET Alternate or Reported Title loses when nothing else of the occupation (its other titles,
    /// technologies, programs, definition, tasks) names the query's other words: one title collected from job
    /// postings is one observation ("Computer Vision Engineer" among Computer Hardware Engineers' titles), several
    /// agreeing texts are corroboration.
    public static let uncorroborated = 0.3
    /// The factor on the score of an occupation whose best match is an ESCO title when the query is a title, not a
    /// description of duties, with no second title, and another occupation has a U.S. title (SOC, Direct Match or
    /// O*NET) of its words and no others, a match of `reportedMatch` or more: the query is then a U.S. title, and
    /// the ESCO label reaches the occupation through an ISCO-08 group and the BLS crosswalks, not through U.S. usage
    /// ("Agronomist" is a Direct Match title of 19-1013 and ESCO files an "agronomist" under ISCO 2422, which the
    /// crosswalks link to 13-1082 Project Management Specialists).
    public static let escoBesideUSTitle = 0.9
    /// The factor on the score of an "All Other" code, unless one of its O*NET specialty titles is what matched, or a
    /// title its specialties' incumbents report that those of at most `specialtyReports` occupations report: a
    /// catch-all ranks first only when nothing specific matches as well, or when the title places the job in one of
    /// its specialties (`demotedCatchAll(_:titles:)`).
    public static let catchAll = 0.97
    /// The most occupations whose incumbents report a title for it to place a job in an "All Other" code's
    /// specialty, which then keeps its whole score (`demotedCatchAll(_:titles:)`).
    public static let specialtyReports = 3
    /// The factor on the score of a military occupation (Major Group 55-0000, work in the armed forces only) unless
    /// a word of the query names military work (`namesMilitaryWork(_:)`): the job a petition offers is civilian, so
    /// "Flight Engineer Manager" (55-2011) ranks after the civilian managers for "Engineering Manager", and "Chief
    /// Data Officer" finds no command and control center officers (55-1015) among its first hits.
    public static let civilianFirst = 0.5
    /// The share of the first hit's score that its O*NET Related Occupations reach (those of its `.00` O*NET code),
    /// `relatedDecay` less for each place down O*NET's list, times their own `prior` and `catchAll`: an
    /// occupation that matched worse ranks after them. After "ASIC Engineer" (17-2061 Computer Hardware Engineers,
    /// which list "ASIC Design Engineer"), the next hits are 17-2072 Electronics Engineers and the others O*NET
    /// relates to it, not every occupation with an "Engineer" title. Such a hit says so first (`related: 17-2061 …
    /// (O*NET Related Occupations, #1)`, with O*NET's index); it matched no better than that. Only a clear first
    /// hit lends its score: at least `weakScore`, with a title match of at least `relatedTitleMatch`, not a near tie
    /// (whose related list would be the tie-break's) and not an "All Other" code (whose related occupations say
    /// little).
    public static let relatedShare = 0.5
    /// The title match of a clear first hit: all the query's words in one of its titles ("ASIC Engineer" in "ASIC
    /// Design Engineer", 0.48), not one word of another family's title ("Topology Engineer" in "Topology
    /// Professor"). Below it, the first hit lends nothing to its related occupations, and the results of a title (not
    /// a description of duties, `QueryReading.isTitle`) are weak.
    public static let relatedTitleMatch = 0.4
    /// How much less a related occupation of the first hit reaches for each place down O*NET's list.
    public static let relatedDecay = 0.97
    /// How much a technology O*NET finds In Demand for the occupation counts relative to another of its
    /// technologies: "Verilog" is among the technologies of 23 occupations, In Demand for 17-2061 Computer Hardware
    /// Engineers alone.
    public static let inDemandBoost = 1.25
    /// The most different words a query may have (after stop words): a job title or a few lines of duties.
    public static let maxQueryWords = 100
    /// The longest query taken, in characters: room for a few paragraphs of duties.
    public static let maximumLength = 10_000

    /// A title read with its occupation's own spelling of an abbreviation (`otherSpellings`).
    struct OtherSpelling: Equatable {
        /// The title read with the common spelling: its words, lower case, sorted (`OtherSpelling.key(_:)`).
        let key: String
        let document: Int
        /// The abbreviation and the occupation's spelling of it: "ai", "artificial insemination".
        let abbreviation: String
        let spelling: String

        /// The words of a normalised title, lower case, sorted: the same title whatever the order of its words.
        static func key(_ text: String) -> String {
            JobTitle.wordsOf(text).map { $0.lowercased() }.sorted().joined(separator: " ")
        }
    }

    /// A term of a national-interest field that no official title or ESCO label writes ("deep learning"), given to an
    /// occupation core-aligned with the field (`SearchDocument.FieldTerm`): a query holding its words in a row earns
    /// `fieldTermCredit` for each in that occupation.
    struct FieldTermLink: Equatable {
        /// The term's ids, in the order of its meaningful words.
        let terms: [Int32]
        let document: Int
        /// What the hit says (`SearchDocument.FieldTerm.shown`).
        let shown: String
    }

    /// One occupation: its code, SOC title and entries.
    struct Document {
        let code: String
        let title: String
        /// Its entries in `entries`, titles first.
        let entries: Range<Int>
        /// Its title entries (SOC title, Direct Match, O*NET and ESCO titles), a prefix of `entries`.
        let titleEntries: Range<Int>
        /// Its entries other than titles (definition, tasks, technologies, programs), the rest of `entries`.
        var textEntries: Range<Int> { titleEntries.upperBound..<entries.upperBound }
        /// BLS typical education needed for entry.
        let entryEducation: EducationLevel?
        /// BLS Employment Projections' employment in 2024, in thousands; 0 when not published for the occupation
        /// alone (an EP aggregate's figure, or none: military occupations).
        var employment: Double = 0
        /// Its O*NET Related Occupations, most related first, as document positions, and their O*NET index.
        var related: [Int32] = []
        var relatedIndex: [Int32] = []

        /// An "All Other" residual code (`15-1299 Computer Occupations, All Other`).
        var isCatchAll: Bool { CatchAll.isCatchAll(title: title) }

        /// The factor on the score: 1 for an occupation entered with a bachelor's degree or more, less below
        /// (`belowDegree`).
        var prior: Double {
            guard let entryEducation, entryEducation < .bachelor else { return 1 }
            return entryEducation < .postsecondaryNondegree ? SearchIndex.belowDegree : (1 + SearchIndex.belowDegree) / 2
        }
    }

    /// One text of a document: a title, a technology name, a program title, the definition or one task. Its
    /// terms are `terms(of:)`, its words `text(of:)`.
    struct Entry {
        let field: SearchField
        /// A technology O*NET finds In Demand for the occupation (`SearchDocument.Technology.inDemand`).
        let inDemand: Bool
        /// The text as written, as its position in `texts`: the same text has the same position.
        let text: Int32
        /// A title's head word (`JobTitle.Normalized.head`), as a term id.
        let head: Int?
        /// The share of a full title match the entry can earn: 1, less for an ESCO title of an ISCO group that
        /// reaches several SOC codes (`escoShare`).
        var share: Double = 1
        /// An O*NET Alternate Title that O*NET's Sample of Reported Titles lists too: incumbents of the occupation
        /// call their job so (`reportedMatch`).
        var reported = false
    }

    /// How much a term counts in one document.
    struct Posting {
        let document: Int
        /// Σ over the document's fields of weight × length-normalised frequency (BM25F's pseudo-frequency), kept
        /// in single precision, which the scores `search` reports are computed from.
        let frequency: Float
    }

    /// The occupations, in the order given (code order from the graph).
    let documents: [Document]
    let entries: [Entry]
    /// The term ids of each entry, in the order of its words (a title's after `JobTitle.normalize`).
    let entryTerms: Runs<Int32>
    /// The entries' texts as written, each distinct text once, in UTF-8: only the hits' explanations read them.
    let texts: Runs<UInt8>
    /// The vocabulary: a term's id is its run in `postings`.
    let termIDs: [String: Int]
    /// The words ending in -ing or -ed that are terms of their own, not stemmed onto their base (`accounting`, not
    /// `account`): see `separateForms(of:)`.
    public let separateForms: Set<String>
    /// The postings of each term, by increasing document.
    let postings: Runs<Posting>
    /// The common heads of titles: the terms that are the head of at least `commonHead` title entries
    /// (`engineer`, `manager`, `scientist`, …), learned from the official titles; a query's head is one of them.
    let headTerms: Set<Int>
    /// The terms of words that name development tools (`developmentTerms(of:technologyTerms:)`): in a query, such a
    /// word names the work as software's ("Python Engineer"), `QueryExpansion.Kind.developmentTool`.
    let developmentTerms: Set<Int>
    /// The official titles (SOC, Direct Match, O*NET) whose occupation spells an abbreviation of theirs otherwise than
    /// `JobTitle.abbreviations` (`JobTitle.localSpellings(of:)`), as the common spelling reads them: a query written
    /// as one ("AI Technician", Animal Breeders' artificial insemination technician) is told so.
    let otherSpellings: [OtherSpelling]
    /// The terms of national-interest fields that no official title or ESCO label writes, each with an occupation it
    /// is given to (`SearchDocument.FieldTerm`), in document order.
    let fieldTerms: [FieldTermLink]
    /// Whether the index holds the SOC definitions or O*NET task statements (`Graph/text/`): the texts that state
    /// duties, which a description's verbs are matched with.
    let hasDuties: Bool
    /// The title entries (SOC, Direct Match, O*NET, ESCO) holding each term, by increasing entry
    /// (`titleEntries(with:)`): a query visits only the titles that share a word with it.
    let titlesWithTerm: Runs<Int32>
    /// Per document, how many of its titles are its own (SOC, Direct Match, O*NET), not ESCO's.
    let ownTitleCounts: [Int]
    /// How many words must follow a title for a query to be a title and its context ("materials engineer developing
    /// lightweight composites"), not one title ("Professor of Civil Engineering").
    public static let contextWords = 3
    /// The share of its title match a query's title part earns when the query goes on past it: `titlePartShare`
    /// for a part naming the work ("materials engineer"), `roleTitlePartShare` for one of role words only
    /// ("general manager", "team lead"). A part of one word ("engineer") is matched with no title: the rest of the
    /// text places it, its head gives the family.
    public static let titlePartShare = 0.9
    /// The share of its title match a qualifier that is an official title itself earns ("Management Analyst" of
    /// "Client Strategist (Management Analyst)"): employers write the working title first and the occupation's
    /// title after it. The occupation it matches keeps its whole score, without the family factor of the first
    /// title's head (`family(of:headed:loss:)`).
    public static let secondTitleShare = 0.9
    /// The most occupations a qualifier may be an official title of to count as a second title: "Civil Engineer"
    /// is one of 17-2051, 17-2081 and 17-3011, while "Research Associate" is one of eleven.
    public static let secondTitleCodes = 3
    public static let roleTitlePartShare = 0.5
    /// The share of an occupation's titles with the query's head word from which it is of that family (the factor
    /// `family(of:headed:loss:)` is on the whole score).
    public static let familyShare = 0.05
    /// A match of at least this quality with a title incumbents report (`Entry.reported`), after the factors on an
    /// alternate title's match, lets the occupation keep its whole score, without the family factor: "Database
    /// Engineer" is among the titles Database Administrators report, though few of their titles are engineers'. A
    /// title O*NET collected elsewhere ("Postdoctoral Researcher" among Natural Sciences Managers' titles) does not;
    /// nor does a description's title part (at most `titlePartShare` of a match).
    public static let reportedMatch = 0.9
    /// What an occupation none of whose titles has the query's head word loses on its title match.
    public static let otherFamilyTitles = 0.2
    /// What it loses instead when the query is a description of duties whose words naming the job are one word
    /// that official titles commonly end in and that names a profession, not a role
    /// (`QueryReading.professionAlone`): "scientist developing mRNA vaccines" says nothing else of the family, so
    /// Managers, All Other ("Vaccine Research Manager") and Farmworkers (who vaccinate livestock) no longer come
    /// before the scientists. A role word of `JobTitle.roleWords` (manager, director, analyst, specialist, lead, …)
    /// keeps `otherFamilyTitles`: a manager of engineers may be coded with the engineers.
    public static let professionOnlyFamilyTitles = 0.5
    /// How many titles must end in a word for it to count as a common head.
    static let commonHead = 10
    /// The share of the official titles holding a word that end in it, from which the word names a role
    /// (`endsTitles`): most titles holding "Specialist" or "Nurse" end in it, 40 % of those holding "Professional", 1 %
    /// of those holding "Services".
    static let roleHeadShare = 0.5
    /// The share of the titles ending in a query's head that are of occupations entered with a bachelor's degree or
    /// more, from which a first hit entered below one, through an alternate title, is flagged ("Engineer": 83 %).
    static let degreeHeadShare = 0.8
    /// The quality of a title match from which it is the query itself (a Direct Match title's is 0.99).
    static let officialMatch = 0.99
    /// The prefix of the military occupations (Major Group 55-0000), never the answer for a civilian petition.
    static let militaryMajorGroup = "55-"

    /// The index of these parts; `titlesWithTerm` and `headTerms` are derived from the entries unless given (as
    /// the cache keeps them).
    init(documents: [Document], entries: [Entry], entryTerms: Runs<Int32>, texts: Runs<UInt8>,
         termIDs: [String: Int], separateForms: Set<String>, postings: Runs<Posting>,
         titlesWithTerm: Runs<Int32>? = nil, headTerms: Set<Int>? = nil, developmentTerms: Set<Int> = [],
         otherSpellings: [OtherSpelling] = [], fieldTerms: [FieldTermLink] = [])
    {
        self.separateForms = separateForms
        self.fieldTerms = fieldTerms
        self.developmentTerms = developmentTerms
        self.otherSpellings = otherSpellings
        hasDuties = entries.contains { $0.field == .definition || $0.field == .task }
        self.documents = documents
        self.entries = entries
        self.entryTerms = entryTerms
        self.texts = texts
        self.termIDs = termIDs
        self.postings = postings
        self.titlesWithTerm = titlesWithTerm ?? {
            // Count the title entries of each term, then fill each term's run. A word twice in one title lists
            // the title twice (adjacent): the readers skip repeats.
            var starts = [Int32](repeating: 0, count: postings.count + 1)
            for document in documents {
                for e in document.titleEntries {
                    for term in entryTerms[e] { starts[Int(term) + 1] += 1 }
                }
            }
            for t in 0..<postings.count { starts[t + 1] += starts[t] }
            var list = [Int32](repeating: 0, count: Int(starts[postings.count]))
            var fill = starts
            for document in documents {
                for e in document.titleEntries {
                    for term in entryTerms[e] {
                        list[Int(fill[Int(term)])] = Int32(e)
                        fill[Int(term)] += 1
                    }
                }
            }
            return Runs(values: list, starts: starts)!
        }()
        ownTitleCounts = documents.map { document in
            document.titleEntries.reduce(0) { entries[$1].field == .esco ? $0 : $0 + 1 }
        }
        self.headTerms = headTerms ?? {
            var heads: [Int: Int] = [:]
            for entry in entries where entry.field != .esco {
                if let head = entry.head { heads[head, default: 0] += 1 }
            }
            return Set(heads.filter { $0.value >= Self.commonHead }.keys)
        }()
    }

    /// The title entries holding term `t`, by increasing entry (a title holding the term twice comes twice).
    func titleEntries(with t: Int) -> ArraySlice<Int32> { titlesWithTerm[t] }

    /// The index term of a query's meaningful token: its inflectional stem (`SearchText.term(_:)`), or the word itself
    /// when it is one of `separateForms`. A plural in -ches, -shes or -xes of a word the titles write in -e is that
    /// word ("attaches" of "Attache"; the stem drops "es" after -ch, -sh and -x).
    func term(_ token: SearchText.Token) -> String {
        if ["ches", "shes", "xes"].contains(where: token.text.hasSuffix) {
            let singular = String(token.text.dropLast())
            if termIDs[singular] != nil, PorterStemmer.inflectionalStem(singular) == singular { return singular }
        }
        return Self.term(token, separateForms: separateForms)
    }

    /// The term id of a lower-case word, if the index has its term.
    func termID(_ word: String) -> Int? { termIDs[term(.init(text: word, protected: false))] }

    /// The term ids of entry `e`, in the order of its words.
    func terms(of e: Int) -> ArraySlice<Int32> { entryTerms[e] }

    /// The text of entry `e` as written.
    func text(of e: Int) -> String { String(decoding: texts[Int(entries[e].text)], as: UTF8.self) }

    /// The number of occupations indexed.
    public var count: Int { documents.count }

    /// Inverse document frequency of a term found in `documentFrequency` of the documents (BM25's, never negative).
    func inverseDocumentFrequency(_ documentFrequency: Int) -> Double {
        let n = Double(count)
        let df = Double(documentFrequency)
        return log(1 + (n - df + 0.5) / (df + 0.5))
    }
}
