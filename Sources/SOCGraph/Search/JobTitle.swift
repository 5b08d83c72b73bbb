import Foundation

/// Job-title normalisation, applied alike to every title search indexes and to the query, so that a title as an
/// employer writes it ("Sr. Software Development Engineer II - External") and a title as O*NET lists it
/// ("Software Development Engineer") meet.
///
/// The rules, in order:
/// 1. **Segments.** A title is cut at ` - `, `,`, `:`, `|`, `;` and `@`; a bracketed part is a segment of its own
///    after the one it interrupts ("Aptitude Test (SAT) Grader" is a grader). A segment that names no occupation (a
///    level such as `IV` or `Senior`, a place or arrangement such as `US`, `Remote`, `External`, a requisition
///    number) is dropped. When the first segment is a bare head word and another follows, the head goes last:
///    "Manager, Software Development" is read "software development manager", "Engineer - Software" "software
///    engineer". A first segment of three to five words "W of X" reads "X W" ("engineering director"), a "Head of
///    X" "X manager".
/// 2. **Levels.** Grade and level marks are dropped wherever they stand: `senior`, `sr`, `junior`, roman numerals
///    `ii`–`viii`, numbers, `level 3`, `L3`, `MTS` (member of technical staff). Rank words are dropped when they
///    come before the head (`Principal`, `Staff`, `Lead`, `Associate`, `Assistant`, `Deputy`, `Distinguished`):
///    "Lead Test Engineer" is a test engineer, "Assistant Professor" a professor, but "Research Associate" keeps
///    its word. A last `Lead` or `Leader` after a word naming work is a rank too ("Test Lead" leads testing);
///    after a role word it is the job ("Team Lead").
/// 3. **Abbreviations.** Common title abbreviations are spelled out (`SDE`, `QA`, `UX`, `HR`, `CTO`, `VP`,
///    `DBA`, `Eng.`, `Mgr`, …; the table is `abbreviations`).
/// 4. **Head.** The head word decides the family of the title: the last word of its title part, which ends at the
///    first preposition (`of`, `for`, `in`, `at`, `with`, `responsible`, …): "Professor of Civil Engineering" has
///    the head `professor`. In a longer text the head is the last word of that part that is a common head of
///    official titles: "computer vision engineer developing perception software" has the head `engineer`.
///
/// A query is read with two more rules (`normalize(_:query:)`): "Trainee" is a level, and so is a grade letter set
/// apart after the title ("Scientist B"). `SearchIndex.readingOwnership(_:)` and `readingPhrases(_:)` then read
/// owners' and founders' titles and a few titles of research, universities and hospitals as the U.S. occupation.
public enum JobTitle {
    /// A title after normalisation.
    public struct Normalized: Equatable, Sendable {
        /// The words kept, in reading order, joined by spaces (abbreviations spelled out).
        public var text: String
        /// The words of the title part that can be its head (lower case, in order): the first segment (or the
        /// bare head read last) up to the first boundary word. A title's head is the last; in a longer text, the
        /// last that is a common title head (`SearchIndex` learns them from the official titles).
        public var headCandidates: [String]
        /// Whether a title of several words is followed by a qualifying segment ("Software Engineer, Machine
        /// Learning"): the first segment is then the title part.
        public var qualified: Bool
        /// Whether the title is made of role words only (`roleWords`).
        public var isGeneric: Bool { JobTitle.isGeneric(text.lowercased().split(separator: " ").map(String.init)) }
        /// The head of a title: the last of `headCandidates`.
        public var head: String? { headCandidates.last }
        /// Words dropped as levels, ranks or employer noise, as written (lower case).
        public var dropped: [String]
        /// Abbreviations spelled out: (as written, spelled out).
        public var expanded: [Expansion]
        /// The words kept of each segment after the title part of a qualified title, lower case, abbreviations
        /// spelled out: "management analyst" of "Client Strategist (Management Analyst)".
        public var qualifiers: [String] = []
        /// The words kept of the title part of a qualified title, in the same form: "client strategist".
        public var titleSegment = ""
    }

    public struct Expansion: Equatable, Sendable {
        public var abbreviation: String
        public var meaning: String
    }

    /// Grade and level words, dropped wherever they stand.
    static let levelWords: Set<String> = [
        "senior", "sr", "snr", "junior", "jr", "ii", "iii", "iv", "vi", "vii", "viii", "mts", "smts", "pmts", "lmts",
    ]
    /// Words that name a grade only beside its mark, a number or a letter ("Level 3", "Band B", "Grade II"), or
    /// after a level or rank ("Senior Level", "Entry Level", "Mid-Level"), and are dropped then with the mark and
    /// "mid". Elsewhere they are words of the work: "Band Manager" (13-1011) is no "Manager", nor is "Level
    /// Designer" a designer of any kind or "Grade School Teacher" a teacher of any school.
    static let gradeWords: Set<String> = ["level", "grade", "band"]
    /// Rank words, dropped before the head word only.
    static let rankWords: Set<String> = [
        "principal", "staff", "lead", "associate", "assistant", "deputy", "distinguished", "intermediate", "entry",
    ]
    /// The rank words that name seniority only, never the job: dropped when alone before a title.
    static let seniorityRanks: Set<String> = ["principal", "staff", "lead", "distinguished", "intermediate", "entry"]
    /// A rank word and the head it makes a title with: "Principal Investigator" directs a research project, it is
    /// not a senior investigator.
    static let rankPhrases: Set<String> = ["principal investigator"]
    /// Words that name a rank, a role in an organisation or a kind of work found in every field: a title made of
    /// them only ("Team Leader", "Project Manager", "Senior Consultant", "Head of Strategy") does not say what
    /// the work is about, so search says so and asks for the duties, and in a description such a title weighs
    /// less than what the duties say.
    public static let roleWords: Set<String> = [
        "team", "leader", "lead", "head", "deputy", "chief", "general", "manager", "management", "director",
        "officer", "executive", "supervisor", "coordinator", "specialist", "consultant", "analyst", "associate",
        "assistant", "advisor", "adviser", "expert", "professional", "staff", "member", "administrator",
        "representative", "partner", "principal", "president", "vice", "project", "program", "programme",
        "strategy", "strategic", "operations", "business", "group", "unit", "department", "division", "section",
        "shift", "crew",
    ]

    /// Whether a lower-case word is one the normalisation rules name (a level, rank, role, noise, ownership or
    /// business word): such a word is meant as typed, never a typing error.
    public static func isRuleWord(_ word: String) -> Bool {
        levelWords.contains(word) || queryLevelWords.contains(word) || rankWords.contains(word)
            || roleWords.contains(word) || noiseWords.contains(word) || ownershipWords.contains(word)
            || businessWords.contains(word)
    }

    /// Whether every word of `words` (lower case, stop words aside) is a role word.
    public static func isGeneric(_ words: [String]) -> Bool {
        let meaningful = words.filter { !SearchText.stopWords.contains($0) }
        return !meaningful.isEmpty && meaningful.indices.allSatisfy { i in
            roleWords.contains(meaningful[i])
                || (meaningful[i] == "technical" && i + 1 < meaningful.count
                    && technicalRoles.contains(meaningful[i + 1]))
        }
    }

    /// The role words after which "technical" names no field either: a "Technical Lead", "Technical Team Lead",
    /// "Technical Manager" or "Technical Consultant" may work in any field, unlike a "Chief Technical Officer"
    /// (11-1011), a "Technical Director" (27-2012) or a "Technical Project Manager" (15-1299).
    static let technicalRoles: Set<String> = [
        "lead", "leader", "team", "manager", "specialist", "consultant", "analyst",
    ]

    /// The heads of titles that lead others' work: a leader or manager of some work is often its senior worker, so a
    /// second title naming that work ("Team Leader (Software Engineer)") does not contradict the first.
    static let leadingHeads: Set<String> = ["lead", "leader", "manager", "supervisor", "head", "director"]

    /// Words that, alone in a segment after the first, say where or how the job is held, not what it is.
    static let noiseWords: Set<String> = [
        "us", "usa", "u.s", "na", "emea", "apac", "latam", "remote", "hybrid", "onsite", "external", "internal",
        "contract", "contractor", "temporary", "temp", "full", "part", "time", "fulltime", "parttime", "req",
        "requisition", "new", "york", "california", "texas", "ny", "ca", "tx", "wa", "nj", "il", "ma", "ga",
    ]
    /// Words of the reach of a job, which say where its work is done, not what it is: before the head of a query's
    /// title, or before a role word that comes before it, they go ("Country Manager", "Global Head of Sales", "Zonal
    /// Manager", "Regional Operations Director") unless official titles write them before the next word ("Regional
    /// Manager", "District Manager", "Country Singer": `SearchIndex`). Before another word they may name a field
    /// ("International Development Specialist", "Area Studies Professor", "Global Health Researcher") and stay.
    public static let scopeWords: Set<String> = [
        "country", "global", "regional", "national", "international", "zonal", "zone", "area", "territory", "region",
        "district", "worldwide",
    ]
    /// Words of the terms a job is held on, which name no field: before the head of a query's title they go
    /// ("Independent Researcher", "Freelance Software Developer") unless official titles write them before the next
    /// word ("Independent Living Specialist", "Contract Specialist").
    public static let termWords: Set<String> = ["independent", "freelance", "contract"]

    /// Words after which the title part of a text ends (its head is the word before).
    static let headBoundaries: Set<String> = [
        "of", "for", "in", "at", "with", "responsible", "who", "that", "on", "to", "within",
    ]

    /// Abbreviations common in job titles, spelled out as O*NET and SOC titles spell them. Not one that official
    /// titles spell out in different ways: "CDO" is O*NET's Chief Diversity Officer (11-1011) and ESCO's chief data
    /// officer (ISCO 1330), so it is matched as written.
    public static let abbreviations: [String: String] = [
        "sde": "software development engineer", "sdet": "software development engineer in test",
        "swe": "software engineer", "qa": "quality assurance", "sqa": "software quality assurance",
        "qc": "quality control", "ux": "user experience", "ui": "user interface", "hr": "human resources",
        "ceo": "chief executive officer", "cfo": "chief financial officer", "coo": "chief operating officer",
        "cto": "chief technology officer", "cio": "chief information officer", "cmo": "chief marketing officer",
        "ciso": "chief information security officer", "vp": "vice president",
        "svp": "vice president", "evp": "vice president", "avp": "vice president", "dba": "database administrator",
        "bi": "business intelligence", "ml": "machine learning", "ai": "artificial intelligence",
        "nlp": "natural language processing", "eng": "engineer", "engr": "engineer", "mgr": "manager",
        "dev": "developer", "admin": "administrator", "asst": "assistant", "assoc": "associate", "sys": "systems",
        "sw": "software", "hw": "hardware", "dir": "director", "mgmt": "management", "svc": "service",
        "ops": "operations", "tech": "technical", "postdoc": "postdoctoral", "r&d": "research and development",
        "fp&a": "financial planning and analysis", "m&a": "mergers and acquisitions",
        "hrbp": "human resources business partner", "mle": "machine learning engineer", "info": "information",
        "infosec": "information security",
    ]

    /// Lower-case words with their abbreviations spelled out as `normalize` spells them (`abbreviationsAfter`,
    /// `abbreviations`), a spelling of several words as its words: for the readings' checks of a query's words.
    static func spelledOut(_ words: [String]) -> [String] {
        var spelled: [String] = []
        for (i, word) in words.enumerated() {
            if i > 0, let (after, meaning) = abbreviationsAfter[word], after.contains(words[i - 1]) {
                spelled.append(meaning)
            } else {
                spelled += abbreviations[word].map { $0.split(separator: " ").map(String.init) } ?? [word]
            }
        }
        return spelled
    }

    /// Abbreviations that name a role where they end a title, and stand for `abbreviations`' word elsewhere: a "Glass
    /// Tech", a "Lab Tech" are technicians, a "Tech Lead" a technical lead. Not a qualifier of one word after the
    /// title ("Director, Tech").
    static let headAbbreviations: [String: String] = ["tech": "technician"]

    /// Abbreviations that stand for a word only after certain words: "Info Sec" and "Cyber Sec" are information and
    /// cyber security, while "SEC" alone is the Securities and Exchange Commission ("SEC Reporting Manager", who
    /// reports to it) and stays as written.
    static let abbreviationsAfter: [String: (after: Set<String>, meaning: String)] = [
        "sec": (["info", "information", "cyber"], "security"),
    ]

    /// The abbreviations (`abbreviations`) that the titles of one occupation spell otherwise, with their spelling
    /// there: a title that is another title with the abbreviation in place of words of its initials gives the spelling.
    /// Animal Breeders' "Artificial Insemination Technician (AI Technician)" and ESCO's "AI engineer" beside
    /// "artificial insemination engineer" (ISCO 3240) spell "AI" as artificial insemination: their "AI Technician" and
    /// "AI engineer" are no artificial intelligence work; nor is the "ENG" of "ENG Camera Operator" (electronic news
    /// gathering) an engineer's. Where the titles also spell it as `abbreviations` does, that stands.
    /// O(titles × titles holding an abbreviation).
    public static func localSpellings(of titles: [String]) -> [String: String] {
        let worded = Set(titles.map { wordsOf($0).map { $0.lowercased() } })
        let byCount = Dictionary(grouping: worded, by: \.count)
        var found: [String: Set<String>] = [:]
        for words in worded {
            for (i, word) in words.enumerated() where abbreviations[word] != nil && word.allSatisfy(\.isLetter) {
                let n = word.count
                for other in byCount[words.count - 1 + n] ?? []
                where other[..<i] == words[..<i] && other[(i + n)...] == words[(i + 1)...] {
                    let spelled = other[i..<(i + n)]
                    if zip(spelled, word).allSatisfy({ $0.first == $1 }) {
                        found[word, default: []].insert(spelled.joined(separator: " "))
                    }
                }
            }
        }
        // The same spelling written apart or in the singular ("data base administrator", "human resource") is no
        // other meaning.
        let joined = { (text: String) in text.filter { $0 != " " } }
        let same = { (a: String, b: String) in
            let (a, b) = (joined(a), joined(b))
            return a == b || a + "s" == b || a == b + "s"
        }
        var spellings: [String: String] = [:]
        for (word, spelled) in found where !spelled.contains(where: { same($0, abbreviations[word] ?? "") }) {
            spellings[word] = spelled.sorted()[0]
        }
        return spellings
    }

    /// The terms of art among the abbreviations' spellings, as their meaningful words: "machine learning",
    /// "artificial intelligence", "quality assurance", "research development". A title holding one word of one
    /// without the other is of something else ("Learning Director", "Quality Engineer" for "quality assurance").
    /// Not the spellings of titles (ending in a common head, "software engineer", "vice president").
    static let termsOfArt: [[String]] = {
        let roles: Set<String> = ["engineer", "officer", "president", "administrator", "developer", "manager",
                                  "director", "assistant", "associate", "executive"]
        let phrases = Set(abbreviations.values).map { spelling in
            SearchText.tokens(spelling).filter(SearchText.isMeaningful).map(\.text)
        }.filter { $0.count >= 2 && !$0.contains(where: roles.contains) }
        return phrases.sorted { $0.joined(separator: " ") < $1.joined(separator: " ") }
    }()

    /// The indices i of `words` (lower case, meaningful words of a query) where words i and i + 1 are consecutive
    /// words of a term of art.
    static func termsOfArtPairs(_ words: [String]) -> [Int] {
        let lower = words.map { $0.lowercased() }
        return lower.indices.dropLast().filter { i in
            termsOfArt.contains { term in
                term.indices.dropLast().contains { term[$0] == lower[i] && term[$0 + 1] == lower[i + 1] }
            }
        }
    }

    /// Levels that only a query drops (`normalize(_:query:)`): official titles keep them ("Management Trainee" is
    /// an O*NET title of 11-9199), while a client's "Software Engineer Trainee" trains for the occupation named. So is
    /// "Chartered", a U.K. and Commonwealth professional body's qualification, not the work: a "Chartered Engineer"
    /// is an engineer of a field the title does not name, a "Chartered Accountant" an accountant ("Chartered
    /// Financial Analyst" is an O*NET title, and stays).
    static let queryLevelWords: Set<String> = ["trainee", "chartered"]
    /// Academic roles that official titles write before their field ("Faculty Member", "Chair of the Department"),
    /// so that few titles end in them: "Adjunct Faculty" and "Department Chair" name a role all the same.
    static let academicRoles: Set<String> = ["faculty", "chair", "chairperson", "chairman", "chairwoman"]
    /// Words of schools and of a school principal's status: beside another word, a query's "Principal" may be a
    /// firm's rank ("Design Principal"), and search says so (official titles end in "Principal" for schools only).
    static let schoolWords: Set<String> = [
        "school", "schools", "elementary", "secondary", "middle", "high", "junior", "senior", "primary", "hs", "ms",
        "k", "12", "8", "k-12", "k-8", "kindergarten", "preschool", "academy", "charter", "college", "campus",
        "district", "montessori", "special", "education", "interim", "acting", "founding", "turnaround", "building",
        "assistant", "associate", "deputy", "vice", "head", "lower", "upper", "public", "private", "catholic",
    ]
    /// The heads after which a query's first word "Graduate" is an employer's entry grade for a new graduate (U.K.,
    /// Indian and other employers: "Graduate Engineer", "Graduate Software Engineer"), not graduate school
    /// ("Graduate Research Assistant", "Graduate Program Coordinator", "Graduate Student Researcher").
    static let graduateGradeHeads: Set<String> = [
        "engineer", "analyst", "developer", "consultant", "programmer", "accountant", "architect", "designer",
    ]

    /// Normalises a job title, or the title part of a longer text (see the type's rules); `query` adds the rules
    /// for a query (a trainee, a grade letter). A text with nothing left after the rules is returned as written, so
    /// that "Senior" alone still searches for something.
    /// `spellings` overrides `abbreviations` for the titles of one occupation (`localSpellings(of:)`).
    public static func normalize(
        _ title: String, query: Bool = false, spellings: [String: String] = [:], cutsAtSlash: Bool = false
    ) -> Normalized {
        let spelling = { (word: String) in spellings[word] ?? abbreviations[word] }
        var dropped: [String] = []
        var expanded: [Expansion] = []
        var segments: [[String]] = []
        for (position, raw) in segmentsOf(title, cutsAtSlash: cutsAtSlash).enumerated() {
            // Abbreviations of one word are spelled out first, so that the rules below read "Asst. Dir." as
            // "Assistant Director"; those of several ("VP", "SDE") after them, as the words they stand for would not
            // be read as one ("VP, Engineering" is an engineering vice president).
            let rawWords = wordsOf(raw)
            var words = rawWords.enumerated().map { i, word in
                let lower = word.lowercased()
                let ending = i == rawWords.count - 1 && (rawWords.count > 1 || position == 0)
                guard let meaning = (ending ? headAbbreviations[lower] : nil) ?? spelling(lower),
                      !meaning.contains(" ") else { return word }
                expanded.append(Expansion(abbreviation: lower, meaning: meaning))
                return meaning
            }
            for i in words.indices.dropFirst() {
                guard let (after, meaning) = abbreviationsAfter[words[i].lowercased()],
                      after.contains(words[i - 1].lowercased()) else { continue }
                expanded.append(Expansion(abbreviation: words[i].lowercased(), meaning: meaning))
                words[i] = meaning
            }
            // A bracketed code or a segment of noise after the first names no occupation.
            let lower = words.map { $0.lowercased() }
            if position > 0, !words.isEmpty,
                lower.indices.allSatisfy({ isNoise(lower[$0]) || isLevel(at: $0, in: lower) })
            {
                dropped += lower
                continue
            }
            // Levels go wherever they stand; a rank word goes before the head of what is left ("Member of Technical
            // Staff II" keeps "staff").
            let lastWord = lower.indices
                .last { !isLevel(at: $0, in: lower) && !(query && queryLevelWords.contains(lower[$0])) }
                .map { lower[$0] }
            let isDroppedLevel = { (i: Int) in
                isLevel(at: i, in: lower) || (query && queryLevelWords.contains(lower[i]))
                    || (query && position == 0 && i == 0 && lower[i] == "graduate"
                        && lastWord.map(graduateGradeHeads.contains) == true)
            }
            let unleveled = words.indices.filter { !isDroppedLevel($0) }
            var keptIndices: [Int] = []
            for (j, i) in unleveled.enumerated() {
                let next = j + 1 < unleveled.count ? lower[unleveled[j + 1]] : nil
                if let next, rankWords.contains(lower[i]), !headBoundaries.contains(next),
                   !rankPhrases.contains(lower[i] + " " + next)
                {
                    continue
                }
                keptIndices.append(i)
            }
            var kept = keptIndices.map { words[$0] }
            dropped += words.indices.filter { !keptIndices.contains($0) }.map { lower[$0] }
            // "Scientist B", "Scientist 'D'", "Scientist-C": a grade letter ending a query's title, apart from the word
            // before it (Indian government scientists' grades); not "PA-C", "Maitre D'" or "Programmer in C".
            if query, position == 0, kept.count > 1, let last = kept.last, isGradeLetter(last, in: raw),
                !headBoundaries.contains(kept[kept.count - 2].lowercased()),
                kept[kept.count - 2].contains(where: \.isLetter)
            {
                dropped.append(last.lowercased())
                kept.removeLast()
            }
            // "Test Lead", "Data Warehouse Lead": a lead of some work is a senior worker in it, unlike a "Team Lead".
            if kept.count > 1, let last = kept.last?.lowercased(), last == "lead" || last == "leader",
                !roleWords.contains(kept[kept.count - 2].lowercased()), kept[kept.count - 2].lowercased() != "technical"
            {
                dropped.append(last)
                kept.removeLast()
            }
            // "Director of Engineering", "Head of Operations": a title of one head word and what it is of reads
            // the U.S. way, "engineering director", "operations manager".
            // Not "Head of the …"; but "Head of IT": a stop word in capitals is an acronym (`SearchText`).
            if position == 0, (3...5).contains(kept.count), kept[1].lowercased() == "of",
                !SearchText.stopWords.contains(kept[2].lowercased())
                    || (kept[2].count >= 2 && kept[2].allSatisfy { $0.isUppercase })
            {
                // A "Head of" something is, in U.S. titles, its manager.
                kept = Array(kept[2...]) + [kept[0].lowercased() == "head" ? "manager" : kept[0]]
            }
            words = kept
            if !words.isEmpty { segments.append(words) }
        }
        // "Manager, Software Development": a bare head first reads last.
        // "Principal II, Software", "Lead - Data Engineering": a first part that is a seniority rank alone says only
        // the rank; the part after it is the title. Not an assistant or associate ("Assistant, Marketing" is a
        // marketing assistant), nor a school's principal ("Principal, Elementary School").
        if segments.count > 1, segments[0].count == 1, seniorityRanks.contains(segments[0][0].lowercased()),
           !segments.dropFirst().joined().contains(where: { $0.lowercased() == "school" })
        {
            dropped.append(segments.removeFirst()[0].lowercased())
        }
        var titlePart = segments.first ?? []
        var qualified = segments.count > 1
        if segments.count > 1, segments[0].count == 1 {
            segments.append(segments.removeFirst())
            titlePart = Array(segments.joined())
            qualified = false
        }
        var candidates: [String] = []
        for word in titlePart.map({ $0.lowercased() }) {
            if headBoundaries.contains(word) { break }
            if SearchText.stopWords.contains(word) { continue }
            if let meaning = spelling(word) {
                candidates += meaning.split(separator: " ").map(String.init)
            } else {
                candidates.append(word)
            }
        }
        var words: [String] = []
        for word in segments.joined() {
            if let meaning = spelling(word.lowercased()) {
                expanded.append(Expansion(abbreviation: word.lowercased(), meaning: meaning))
                words += meaning.split(separator: " ").map(String.init)
            } else {
                words.append(word)
            }
        }
        guard !words.isEmpty else {
            let plain = wordsOf(title)
            return Normalized(text: plain.joined(separator: " "), headCandidates: plain.last.map { [$0.lowercased()] } ?? [],
                              qualified: false, dropped: [], expanded: [])
        }
        let spelledOut = { (segment: [String]) in
            segment.map { spelling($0.lowercased()) ?? $0.lowercased() }.joined(separator: " ")
        }
        return Normalized(text: words.joined(separator: " "), headCandidates: candidates, qualified: qualified,
                          dropped: dropped, expanded: expanded,
                          qualifiers: qualified ? segments.dropFirst().map(spelledOut) : [],
                          titleSegment: qualified ? spelledOut(segments[0]) : "")
    }

    /// Whether `word`, a single letter or one in single quotes, ends `segment` after a space, or after a hyphen that
    /// follows a word of four letters or more ("Scientist-B"; not "PA-C").
    static func isGradeLetter(_ word: String, in segment: String) -> Bool {
        let letter = word.filter { $0 != "'" }
        guard letter.count == 1, letter.first!.isLetter, word == letter || word == "'" + letter + "'" else {
            return false
        }
        let trimmed = segment.trimmingCharacters(in: .whitespaces)
        if trimmed.hasSuffix(" " + word) { return true }
        guard trimmed.hasSuffix("-" + word) else { return false }
        let before = trimmed.dropLast(word.count + 1).reversed().prefix { $0.isLetter }
        return before.count >= 4
    }

    /// Whether the word at `i` of `lower` (a segment's words, lower case) is a level: one of `isLevel(_:)`, a grade
    /// word beside its mark or after a level or rank, "mid" before a grade word, or a letter after one ("Band B").
    static func isLevel(at i: Int, in lower: [String]) -> Bool {
        let word = lower[i]
        let next = i + 1 < lower.count ? lower[i + 1] : nil
        let previous = i > 0 ? lower[i - 1] : nil
        if gradeWords.contains(word) {
            return next.map { isLevel($0) || isLetterMark($0) } == true
                || previous.map { levelWords.contains($0) || rankWords.contains($0) || $0 == "mid" } == true
        }
        if word == "mid" { return next.map(gradeWords.contains) == true }
        if isLetterMark(word), let previous, gradeWords.contains(previous) { return true }
        return isLevel(word)
    }

    /// A single letter, as a grade is marked ("Band B", "Grade C").
    static func isLetterMark(_ word: String) -> Bool { word.count == 1 && word.first!.isLetter }

    static func isLevel(_ word: String) -> Bool {
        if levelWords.contains(word) { return true }
        if word.allSatisfy(\.isNumber) { return true }
        if isRequisitionCode(word) { return true }
        // L3, T2, P4: one letter and a level number.
        if word.count <= 3, let first = word.first, first.isLetter, word.dropFirst().allSatisfy(\.isNumber),
            word.count > 1
        {
            return true
        }
        return false
    }

    /// A query typed all in capitals in lower case, so that its stop words are not taken for acronyms, except "IT":
    /// no SOC, Direct Match or O*NET title uses the pronoun, and over a hundred use the acronym ("HEAD OF IT" is
    /// "Head of IT", "IT/OPERATIONS MANAGER" "IT/operations manager"). Where a sentence of duties ends in it ("WRITE
    /// TEST PLANS FOR THE PAYROLL SYSTEM AND MAINTAIN IT") it is the pronoun.
    static func fromCapitals(_ text: String) -> String {
        let meaningful = SearchText.tokens(text.lowercased()).filter(SearchText.isMeaningful).count
        var out = ""
        var run = ""
        var index = text.startIndex
        // Each run of letters: "IT" stays unless a sentence of duties ends in it.
        func endRun() {
            let rest = text[index...].drop { $0 == " " }
            let endsSentence = rest.first.map { ".;:!?".contains($0) } ?? true
            out += run == "IT" && !(endsSentence && meaningful > titleWordsInCapitals) ? run : run.lowercased()
            run = ""
        }
        while index < text.endIndex {
            let character = text[index]
            if character.isLetter {
                run.append(character)
            } else {
                endRun()
                out += String(character).lowercased()
            }
            index = text.index(after: index)
        }
        endRun()
        return out
    }

    /// The most meaningful words a query in capitals may have for "IT" at its end to be the acronym
    /// (`fromCapitals(_:)`): more are a sentence of duties.
    static let titleWordsInCapitals = 5

    /// Whether a word is an employer's requisition or posting number, dropped wherever it stands: five digits or
    /// more after at most two letters or a `#` (`#12345`, `JR12345`, `R0012345`); not a model or a standard such
    /// as `A320`, `5G` or `ISO27001`.
    static func isRequisitionCode(_ word: String) -> Bool {
        var rest = Substring(word)
        if rest.first == "#" { rest = rest.dropFirst() }
        let letters = rest.prefix { $0.isLetter }
        rest = rest.dropFirst(letters.count)
        return letters.count <= 2 && rest.count >= 5 && rest.allSatisfy(\.isNumber)
    }

    /// Whether a word says nothing of the occupation in a segment after the first: a place or arrangement word, a
    /// code of letters and digits (`R12345`), or a dotted number (`118.871.11`, a requisition or grade code).
    static func isNoise(_ word: String) -> Bool {
        noiseWords.contains(word) || isRequisitionCode(word)
            || (word.contains(where: \.isNumber)
                && (word.contains(where: \.isLetter) || word.allSatisfy { $0.isNumber || $0 == "." }))
    }

    /// The segments of a title: cut at ` - `, `–`, `,`, `:`, `;`, `|` (and ` / ` with `cutsAtSlash`, for a query
    /// whose first part ends in a head: `SearchIndex.cutsAtSlash(_:)`); a bracketed part is a segment of its own,
    /// placed after the segment it interrupts, which goes on after the bracket: "Aptitude Test (SAT) Grader" is
    /// "Aptitude Test Grader" and "SAT", so its head is `grader`, not `test`.
    static func segmentsOf(_ title: String, cutsAtSlash: Bool = false) -> [String] {
        var segments: [String] = []
        var current = ""
        var bracketed: [String] = []
        var bracket: String?
        let characters = Array(title)
        for (i, character) in characters.enumerated() {
            if "([".contains(character) {
                if let open = bracket { bracketed.append(open) }
                bracket = ""
                continue
            }
            if ")]".contains(character) {
                if let open = bracket { bracketed.append(open) }
                bracket = nil
                current.append(" ")
                continue
            }
            if bracket != nil {
                bracket!.append(character)
                continue
            }
            // A hyphen cuts only between spaces ("Analyst - Testing", not "E-Drive"); a dash always; a slash between
            // spaces when asked ("Physical Therapist / Clinic Director").
            let spacedHyphen = (character == "-" || (cutsAtSlash && character == "/"))
                && (i == 0 || characters[i - 1] == " ") && (i + 1 == characters.count || characters[i + 1] == " ")
            if spacedHyphen || ",:;|–—@".contains(character) {
                segments.append(current)
                segments += bracketed.flatMap { segmentsOf($0, cutsAtSlash: cutsAtSlash) }
                bracketed = []
                current = ""
            } else {
                current.append(character)
            }
        }
        if let open = bracket { bracketed.append(open) }
        segments.append(current)
        segments += bracketed.flatMap { segmentsOf($0, cutsAtSlash: cutsAtSlash) }
        return segments.filter { !$0.allSatisfy(\.isWhitespace) }
    }

    /// The words of a segment as written: letters, digits and `&`, `+`, `#`, `.`, `'` inside words, split
    /// elsewhere; a trailing full stop is dropped (`Eng.` → `Eng`).
    static func wordsOf(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        for character in text {
            if character.isLetter || character.isNumber || "&+#.'".contains(character) {
                current.append(character)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words.map { word in
            var word = word
            while word.hasSuffix(".") { word.removeLast() }
            return word
        }.filter { !$0.isEmpty }
    }
}
