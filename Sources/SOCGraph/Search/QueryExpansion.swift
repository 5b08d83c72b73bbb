/// A small, reviewed table of query words that U.S. occupational titles spell or name differently.
///
/// Applied to queries only. Each expansion adds its words as alternatives for the query word:
/// a spelling variant counts as the word itself, a synonym counts at `synonymCredit` of it. Every expansion that
/// contributes to a hit is reported in the hit's `matches` (`expansion: leader → supervisor`).
public struct QueryExpansion: Sendable, Equatable {
    public enum Kind: String, Sendable {
        /// British or international spelling of the same word (`labour` → `labor`): full credit.
        case spelling
        /// A word used for the same role in other countries' titles (`leader` → `supervisor`): partial credit.
        case expansion
        /// The base of an -ing or -ed word of a description that the index keeps whole (`monitoring` → `monitor`):
        /// full credit in the texts, none in titles.
        case inflection
        /// A word no title holds that names development tools (`python` → `software`,
        /// `SearchIndex.developmentTerms`): a title naming one is of software work. Partial credit, `synonymCredit`.
        case developmentTool = "development tool"
    }

    /// The query word as typed (lower case).
    public var word: String
    /// Words searched in its place as well.
    public var alternatives: [String]
    public var kind: Kind
    /// Whether the alternatives name the same occupation in U.S. titles (`lecturer` → professor, teacher; not
    /// `leader` → supervisor, which may be a manager or an engineer): a title headed by one is of the query's
    /// family, though it still earns only `synonymCredit`.
    public var sameRole = false
    /// Words written for the same role, searched at full credit beside `alternatives` (`lead` → `leader`).
    public var spellings: [String] = []

    /// The share of a full match an alternative of kind `.expansion` earns.
    public static let synonymCredit = 0.6

    /// Credit of a match through this expansion.
    public var credit: Double { kind == .spelling ? 1.0 : Self.synonymCredit }

    /// Every word searched in the query word's place, with its credit, kind and whether it names the same role:
    /// `spellings` at full credit as `.spelling`, then `alternatives` as this expansion says.
    var searched: [(word: String, credit: Double, kind: Kind, sameRole: Bool)] {
        spellings.map { ($0, 1.0, Kind.spelling, false) } + alternatives.map { ($0, credit, kind, sameRole) }
    }

    /// The table. Kept short: each entry is a word common in non-U.S. job titles whose U.S. counterpart is plain.
    public static let table: [String: QueryExpansion] = {
        // Each row: the word, its synonyms, whether they name the same role, and words written for the same role
        // at full credit (`spellings`).
        let synonyms: [(String, [String], sameRole: Bool, spellings: [String])] = [
            // "Team Leader", "Shift Leader": U.S. titles say supervisor (First-Line Supervisors of …).
            ("leader", ["supervisor"], false, []),
            // A "Team Lead" is a "Team Leader" (O*NET's title of 11-9199): U.S. titles write the role noun so.
            ("lead", ["supervisor"], false, ["leader"]),
            // "Head of Finance", "Head Teacher": U.S. titles say manager, director or chief.
            ("head", ["manager", "director", "chief"], false, []),
            // "Strategy Manager", "Strategy Consultant": U.S. titles say strategic, strategist, planning, consultant.
            ("strategy", ["strategic", "strategist", "planning", "consultant"], false, []),
            // Legal professions outside the U.S.
            ("solicitor", ["lawyer", "attorney"], true, []),
            ("barrister", ["lawyer", "attorney"], true, []),
            // "Lecturer" in U.K. and Commonwealth universities: U.S. postsecondary teacher or professor.
            ("lecturer", ["professor", "teacher"], true, []),
            // "Doctor" as a medical title.
            ("doctor", ["physician"], true, []),
        ]
        let spellings: [(String, [String])] = [
            ("labour", ["labor"]), ("labourer", ["laborer"]), ("labourers", ["laborers"]),
            ("organisation", ["organization"]), ("organisational", ["organizational"]),
            ("programme", ["program"]), ("programmes", ["programs"]),
            ("centre", ["center"]), ("theatre", ["theater"]), ("colour", ["color"]),
            ("behaviour", ["behavior"]), ("behavioural", ["behavioral"]),
            ("analyse", ["analyze"]),
            ("paediatric", ["pediatric"]), ("paediatrician", ["pediatrician"]),
            ("anaesthetist", ["anesthesiologist"]), ("orthopaedic", ["orthopedic"]),
            ("haematology", ["hematology"]), ("aluminium", ["aluminum"]), ("tyre", ["tire"]),
            ("defence", ["defense"]), ("licence", ["license"]), ("catalogue", ["catalog"]),
        ]
        var table: [String: QueryExpansion] = [:]
        for (word, alternatives, sameRole, spelled) in synonyms {
            table[word] = QueryExpansion(word: word, alternatives: alternatives, kind: .expansion, sameRole: sameRole,
                                         spellings: spelled)
        }
        for (word, alternatives) in spellings {
            table[word] = QueryExpansion(word: word, alternatives: alternatives, kind: .spelling)
        }
        return table
    }()

    /// The expansion of a lower-case query word: an entry of `table`, or the spelling rule
    /// `-isation` → `-ization` (`organisation`, `digitisation`, `optimisation`).
    public static func lookup(_ word: String) -> QueryExpansion? {
        if let entry = table[word] { return entry }
        for (british, american) in [("isations", "izations"), ("isation", "ization")] where word.hasSuffix(british) {
            return QueryExpansion(
                word: word, alternatives: [String(word.dropLast(british.count)) + american], kind: .spelling)
        }
        // A field names its practitioners: "epidemiology" epidemiologists, "physics" physicists.
        for (field, practitioners) in fieldPractitioners where word.hasSuffix(field) && word.count > field.count + 2
            && !notFields.contains(word)
        {
            let stem = String(word.dropLast(field.count))
            return QueryExpansion(word: word, alternatives: practitioners.map { stem + $0 }.filter { $0 != "physician" },
                                  kind: .expansion)
        }
        return nil
    }

    /// The American spelling of a British medical or scientific word in "ae" or "oe" ("haematologist" →
    /// "hematologist", "oesophageal" → "esophageal", "gynaecologist" → "gynecologist"), or nil when it has neither.
    /// The search asks for it only when the index lacks the word as written ("aerospace" stays).
    public static func americanSpelling(_ word: String) -> String? {
        let american = word.replacingOccurrences(of: "ae", with: "e").replacingOccurrences(of: "oe", with: "e")
        return american == word ? nil : american
    }

    /// The American spellings a lower-case British word may be, by the regular differences of the two: "-our" →
    /// "-or" in a word of six letters or more ("harbour", "labour"; not "flour"), "-re" after a consonant → "-er"
    /// ("fibre", "centre"; not "timbre"), "-ogue" → "-og", "-ence" → "-ense" ("defence", "licence"), each with its
    /// plural in -s ("harbours", "fibres"); the "-yse" forms → "-yze" ("analysed"), the "-ise" forms → "-ize" in a
    /// word of seven letters or more ("specialised", "optimiser"; not "raise"); and a final "l" doubled before
    /// "-ing", "-ed", "-er", "-or" (and their plurals) after one vowel in a word of two syllables or more, or after
    /// "ue" or "ia" ("travelling", "counsellor", "jewellers", "fuelling", "dialling"; not "filling" or "drilling",
    /// whose "l" is their base's).
    /// The search uses them only for a word no U.S. title writes, and only those U.S. titles write as they are
    /// (`SearchIndex.usTitles(holding:word:)`): "science" and "controlled" stay, and "patrolling" gives no
    /// "patroling".
    public static func americanSpellings(_ word: String) -> [String] {
        guard word.count >= 4, word.allSatisfy({ $0.isASCII && $0.isLetter }) else { return [] }
        var out: [String] = []
        let vowels = Set("aeiouy")
        // The word without a plural "s", and the "s" to put back.
        let (core, plural) = word.hasSuffix("s") && !word.hasSuffix("ss") ? (String(word.dropLast()), "s") : (word, "")
        if core.count >= 6, core.hasSuffix("our") { out.append(String(core.dropLast(3)) + "or" + plural) }
        if core.count >= 5, core.hasSuffix("re"), let c = core.dropLast(2).last, !vowels.contains(c),
           !Self.notBritishRe.contains(core) {
            out.append(String(core.dropLast(2)) + "er" + plural)
        }
        for ending in ["yse", "ysed", "yses", "ysing"] where word.hasSuffix(ending) {
            out.append(String(word.dropLast(ending.count)) + "yz" + ending.dropFirst(2))
        }
        if core.hasSuffix("ogue") { out.append(String(core.dropLast(2)) + plural) }
        if core.hasSuffix("ence") { out.append(String(core.dropLast(3)) + "nse" + plural) }
        for ending in ["ise", "ised", "ises", "ising", "iser", "isers"] where word.hasSuffix(ending) && word.count > 6 {
            out.append(String(word.dropLast(ending.count)) + "iz" + ending.dropFirst(2))
        }
        for ending in ["lling", "lled", "ller", "llers", "llor", "llors"] where word.hasSuffix(ending) {
            let base = Array(word.dropLast(ending.count))
            // One vowel before the "ll", a consonant before it, and a vowel earlier still: "trav-e-lling"; or the
            // two syllables of "ue" or "ia" after a consonant: "f-ue-lling", "d-ia-lling".
            guard base.count >= 3, vowels.contains(base[base.count - 1]) else { continue }
            let pair = String(base.suffix(2))
            let oneVowel = !vowels.contains(base[base.count - 2]) && base.dropLast(2).contains(where: vowels.contains)
            let twoSyllables = (pair == "ue" || pair == "ia") && !vowels.contains(base[base.count - 3])
            guard oneVowel || twoSyllables else { continue }
            out.append(String(base) + ending.dropFirst())
        }
        return out.filter { $0 != word }
    }

    /// Words in "-re" after a consonant that are American too: "timbre" is no "timber".
    static let notBritishRe: Set<String> = ["timbre", "genre", "lucre", "macabre", "massacre", "mediocre"]

    /// Endings of a field's name and of its practitioners', the longer first ("-ology" → "-ologist", "-istry" →
    /// "-ist", "-graphy" → "-grapher", "-omy" → "-omer" and "-omist", "-acy" → "-acist", "-istics" → "-istician"
    /// and "-ist", "-ematics" → "-ematician", "-ics" → "-icist", "-ician" and "-ist"; never "physics" →
    /// "physician"). Only the words the index holds are searched, at `synonymCredit`.
    static let fieldPractitioners: [(String, [String])] = [
        ("ology", ["ologist"]), ("istry", ["ist"]), ("graphy", ["grapher"]), ("omy", ["omer", "omist"]),
        ("acy", ["acist"]), ("istics", ["istician", "ist"]), ("ematics", ["ematician"]),
        ("ics", ["icist", "ician", "ist"]),
    ]
    /// Words with those endings whose "practitioner" is another occupation: technologists are a level of
    /// technicians' work, not the workers of a technology; an optician fits glasses; artistry is not artists'
    /// management.
    static let notFields: Set<String> = ["technology", "technologies", "optics", "artistry"]
}
