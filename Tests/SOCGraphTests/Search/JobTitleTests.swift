import Testing
@testable import SOCGraph

@Suite("Job-title normalisation and the ranking rules built on it")
struct JobTitleTests {
    func read(_ title: String) -> String { JobTitle.normalize(title).text.lowercased() }

    /// The terms of art are the abbreviations' spellings that name no role, and a query's pairs are found in order.
    @Test func termsOfArt() {
        let terms = JobTitle.termsOfArt.map { $0.joined(separator: " ") }
        #expect(terms.contains("machine learning") && terms.contains("research development"), "\(terms)")
        #expect(!terms.contains("vice president") && !terms.contains("software engineer"), "\(terms)")
        #expect(JobTitle.termsOfArtPairs(["senior", "machine", "learning", "director"]) == [1])
        #expect(JobTitle.termsOfArtPairs(["learning", "machine"]) == [])
        #expect(JobTitle.termsOfArtPairs(["natural", "language", "processing"]) == [0, 1])
    }

    @Test("levels, grades and ranks before the head are dropped", arguments: [
        ("Sr. Software Engineer II", "software engineer"), ("Senior Staff Software Engineer", "software engineer"),
        ("Software Engineer Level 3", "software engineer"), ("Principal Data Analyst", "data analyst"),
        ("Lead Test Engineer", "test engineer"), ("Assistant Professor of Marketing", "marketing professor"),
        ("MTS Systems Design Eng.", "systems design engineer"), ("Data Scientist L4", "data scientist"),
        ("Deputy General Manager", "general manager"),
    ])
    func levels(_ title: String, _ expected: String) {
        #expect(read(title) == expected)
    }

    @Test("a grade word is a level only beside its mark or after a level or rank", arguments: [
        ("Engineer - Band B", "engineer"), ("Band 6 Nurse", "nurse"), ("Grade 7 Teacher", "teacher"),
        ("Mid-Level Data Analyst", "data analyst"), ("Entry Level Software Engineer", "software engineer"),
        ("Senior Level Accountant", "accountant"), ("Level II Technician", "technician"),
        ("Band Manager", "band manager"), ("Level Designer", "level designer"),
        ("Grade School Teacher", "grade school teacher"), ("Marching Band Director", "marching band director"),
    ])
    func gradeWords(_ title: String, _ expected: String) {
        #expect(read(title) == expected)
    }

    @Test("a principal investigator is a research scientist, its field kept", arguments: [
        ("Principal Investigator", "research scientist"), ("Co-Investigator", "research scientist"),
        ("Co-Principal Investigator", "research scientist"),
        ("Principal Investigator, Immunology", "research scientist immunology"),
    ])
    func principalInvestigator(_ title: String, _ expected: String) throws {
        let reading = try #require(JobTitle.readingPhrases(JobTitle.normalize(title, query: true)))
        #expect(reading.normalized.text.lowercased() == expected)
        #expect(reading.normalized.head == "scientist")
        #expect(reading.note.contains("funded research project"), "\(reading.note)")
    }

    @Test("a research investigator is a research scientist", arguments: [
        ("Research Investigator", "research scientist"), ("Senior Research Investigator", "research scientist"),
        ("Research Investigator, Oncology", "research scientist oncology"),
    ])
    func researchInvestigator(_ title: String, _ expected: String) throws {
        let reading = try #require(JobTitle.readingPhrases(JobTitle.normalize(title, query: true)))
        #expect(reading.normalized.text.lowercased() == expected)
        #expect(reading.note.contains("research-track title"), "\(reading.note)")
    }

    @Test("university and hospital grades from abroad are read as the U.S. occupation", arguments: [
        ("Reader in Physics", "professor in physics"), ("Senior House Officer", "resident physician"),
        ("Specialist Registrar, Cardiology", "resident physician cardiology"), ("Medical Officer", "physician"),
        ("Principal Scientific Officer", "research scientist"), ("Higher Scientific Officer, Chemistry",
                                                                "research scientist chemistry"),
    ])
    func gradesFromAbroad(_ title: String, _ expected: String) throws {
        let reading = try #require(JobTitle.readingPhrases(JobTitle.normalize(title, query: true)))
        #expect(reading.normalized.text.lowercased() == expected)
    }

    @Test("the phrases read only where they start the title", arguments: [
        "Reader", "Meter Reader", "Proof Reader in Publishing", "Chief Medical Officer", "Clearing House Officer",
        "Chief Scientific Officer",
        "research assistant to the principal investigator", "Private Investigator",
    ])
    func gradesKeepOtherSenses(_ title: String) {
        #expect(JobTitle.readingPhrases(JobTitle.normalize(title, query: true)) == nil)
    }

    @Test("a query's own levels: a trainee and a grade letter apart from the title", arguments: [
        ("Software Engineer Trainee", "software engineer"), ("Graduate Engineer Trainee", "engineer"),
        ("Scientist B", "scientist"),
        ("Scientist 'D'", "scientist"), ("Scientist-C", "scientist"), ("Technical Officer-C", "technical officer"),
        ("PA-C", "pa c"), ("Programmer in C", "programmer in c"), ("Vitamin D Researcher", "vitamin d researcher"),
    ])
    func queryLevels(_ title: String, _ expected: String) {
        #expect(JobTitle.normalize(title, query: true).text.lowercased() == expected)
        // Official titles keep them.
        if title.hasSuffix("Trainee") { #expect(JobTitle.normalize(title).text.lowercased() == title.lowercased()) }
    }

    @Test("a field names its practitioners", arguments: [
        ("epidemiology", ["epidemiologist"]), ("chemistry", ["chemist"]), ("agronomy", ["agronomer", "agronomist"]),
        ("statistics", ["statistician", "statist"]), ("mathematics", ["mathematician"]), ("pharmacy", ["pharmacist"]),
        ("physics", ["physicist", "physist"]), ("oceanography", ["oceanographer"]),
        ("obstetrics", ["obstetricist", "obstetrician", "obstetrist"]), ("linguistics", ["linguistician", "linguist"]),
    ])
    func fieldPractitioners(_ field: String, _ practitioners: [String]) throws {
        let expansion = try #require(QueryExpansion.lookup(field))
        #expect(expansion.alternatives == practitioners && expansion.kind == .expansion)
    }

    @Test("not every word with a field's ending is a field", arguments: ["technology", "optics", "artistry", "ology"])
    func notFields(_ word: String) {
        #expect(QueryExpansion.lookup(word) == nil)
    }

    @Test("British spellings give their American forms by the regular differences", arguments: [
        ("harbour", ["harbor"]), ("harbours", ["harbors"]), ("fibre", ["fiber"]), ("centres", ["centers"]),
        ("counsellor", ["counselor"]), ("travelling", ["traveling"]), ("jewellers", ["jewelers"]),
        ("analysed", ["analyzed"]), ("catalogue", ["catalog"]), ("defence", ["defense"]), ("licences", ["licenses"]),
        ("specialised", ["specialized"]), ("optimiser", ["optimizer"]), ("dialling", ["dialing"]),
        ("refueller", ["refueler"]),
        // Not a base's own "ll", a short "-our", a vowel before "-re", an American "-re", nor a short "-ise" word.
        ("filling", []), ("drilling", []), ("flour", []), ("hardware", []), ("timbre", []), ("raise", []),
    ])
    func americanSpellings(_ word: String, _ expected: [String]) {
        #expect(QueryExpansion.americanSpellings(word) == expected)
    }

    @Test("the segments after a qualified title are its qualifiers", arguments: [
        ("Client Strategist (Management Analyst)", ["management analyst"]),
        ("Project Manager - Civil Engineer", ["civil engineer"]), ("Software Engineer, ML", ["machine learning"]),
        ("Manager, Software Development", []), ("Sr. Software Engineer - External", []), ("Data Scientist", []),
    ])
    func qualifiers(_ title: String, _ expected: [String]) {
        #expect(JobTitle.normalize(title, query: true).qualifiers == expected)
    }

    /// A slash between spaces cuts a query, when asked (`SearchIndex.cutsAtSlash(_:)`), as a dash between spaces
    /// does: the job's second title follows. A slash inside a word joins alternatives of one title
    /// ("Network/Telecom Engineer"), and an official title keeps its slashes (O*NET's military "Air Mobility /
    /// Logistics Officer" titles are of one occupation).
    @Test("a slash between spaces cuts a query before its second title", arguments: [
        ("Mechanical Engineer / Project Manager", "mechanical engineer", ["project manager"]),
        ("Physical Therapist / Clinic Director", "physical therapist", ["clinic director"]),
        ("Network/Telecom Engineer III", "network telecom engineer", []),
    ])
    func spacedSlash(_ title: String, _ text: String, _ qualifiers: [String]) {
        let normalized = JobTitle.normalize(title, query: true, cutsAtSlash: true)
        let read = normalized.qualified ? normalized.titleSegment : normalized.text
        #expect(read.lowercased() == text && normalized.qualifiers == qualifiers, "\(read) \(normalized.qualifiers)")
        #expect(JobTitle.normalize(title).qualifiers.isEmpty && JobTitle.normalize(title, query: true).qualifiers.isEmpty)
    }

    @Test("postdoctoral titles and technical-staff ranks are read at the start of a title", arguments: [
        ("Postdoctoral Fellow", "research scientist"), ("Post-Doctoral Research Associate in Chemistry",
                                                        "research scientist in chemistry"),
        ("Postdoc", "research scientist"), ("Member of Technical Staff", "engineer"), ("SMTS", "engineer"),
        ("MTS II", "engineer"), ("Member of Technical Staff II", "engineer"),
    ])
    func postdocsAndTechnicalStaff(_ title: String, _ expected: String) throws {
        let reading = try #require(JobTitle.readingPhrases(JobTitle.normalize(title, query: true)))
        #expect(reading.normalized.text.lowercased() == expected)
    }

    @Test("a rank word that is the head stays", arguments: [
        ("Team Lead", "team lead"), ("Research Associate", "research associate"), ("Medical Assistant", "medical assistant"),
        ("Assistant Principal", "principal"),
    ])
    func headsStay(_ title: String, _ expected: String) {
        #expect(read(title) == expected)
    }

    @Test("employer noise after a dash or in brackets goes", arguments: [
        ("Software Engineer - External", "software engineer"), ("Technology Analyst - US", "technology analyst"),
        ("Systems Analyst - IV", "systems analyst"), ("Medical Laboratory Scientist III (Remote)", "medical laboratory scientist"),
        ("Data Engineer (Remote)", "data engineer"), ("Business Analyst - R12345", "business analyst"),
        ("Product Designer (2024.031.7)", "product designer"), ("Chemist - 4471", "chemist"),
        ("Software Engineer (Req #12345)", "software engineer"), ("Software Engineer JR12345", "software engineer"),
        ("R0012345 Data Analyst", "data analyst"), ("A320 Pilot", "a320 pilot"), ("5G Engineer", "5g engineer"),
    ])
    func noise(_ title: String, _ expected: String) {
        #expect(read(title) == expected)
    }

    @Test("abbreviations are spelled out", arguments: [
        ("SDE", "software development engineer"), ("QA Analyst", "quality assurance analyst"),
        ("UX Designer", "user experience designer"), ("HR Manager", "human resources manager"),
        ("CTO", "chief technology officer"), ("VP, Engineering", "engineering vice president"),
        ("Oracle Apps DBA", "oracle apps database administrator"),
        ("FP&A Manager", "financial planning and analysis manager"),
        ("M&A Associate", "mergers and acquisitions associate"),
        ("HRBP", "human resources business partner"), ("MLE II", "machine learning engineer"),
        ("Sr. Info Security Engineer", "information security engineer"),
        ("InfoSec Analyst", "information security analyst"), ("Info Sec Analyst", "information security analyst"),
        ("Cyber Sec Engineer", "cyber security engineer"), ("SEC Reporting Manager", "sec reporting manager"),
        // "Tech" ending a title is a technician; before another word, or a qualifier alone, it is technical.
        ("Glass Tech", "glass technician"), ("Sr. Tech", "technician"), ("Tech Lead", "technical lead"),
        ("Data Scientist, Tech", "data scientist technical"),
        // Spelled out before the rank and "of" rules, as if written in full.
        ("Asst. Dir. of Finance", "finance director"), ("Dir. of Eng.", "engineer director"),
    ])
    func abbreviations(_ title: String, _ expected: String) {
        #expect(read(title) == expected)
    }

    /// An occupation's titles that spell an abbreviation otherwise than `abbreviations` decide what it stands for in
    /// its titles; the same spelling written apart or in the singular is no other meaning.
    @Test func anOccupationsOwnSpellingOfAnAbbreviation() {
        let breeders = ["Artificial Insemination Technician", "AI Technician", "Animal Breeder"]
        let spellings = JobTitle.localSpellings(of: breeders)
        #expect(spellings == ["ai": "artificial insemination"])
        let read = { (spellings: [String: String]) in
            JobTitle.normalize("AI Technician", spellings: spellings).text.lowercased()
        }
        #expect(read(spellings) == "artificial insemination technician")
        #expect(read([:]) == "artificial intelligence technician")
        // Spelled both ways: the common spelling stands.
        #expect(JobTitle.localSpellings(of: breeders + ["Artificial Intelligence Technician"]).isEmpty)
        #expect(JobTitle.localSpellings(of: ["DBA", "data base administrator", "HR Generalist",
                                             "Human Resource Generalist"]).isEmpty)
        #expect(JobTitle.localSpellings(of: ["ENG Camera Operator", "Electronic News Gathering Camera Operator"])
                == ["eng": "electronic news gathering"])
        // Words that do not start with the abbreviation's letters spell nothing.
        #expect(JobTitle.localSpellings(of: ["AI Technician", "Animal Care Technician"]).isEmpty)
    }

    @Test("a bare head first reads last; the head is the last word of the title part", arguments: [
        ("Manager, Software Development", "software development manager", "manager"),
        ("Engineer - Software", "software engineer", "engineer"),
        ("Professor of Civil Engineering", "civil engineering professor", "professor"),
        ("Director of Engineering", "engineering director", "director"),
        ("Head of Operations", "operations manager", "manager"),
        ("Director of Research and Development", "research and development director", "director"),
        ("Head of Product for the Payments Platform Team", "head of product for the payments platform team", "head"),
        ("Director, Data Analytics and Insights", "data analytics and insights director", "director"),
        ("Software Engineer, Machine Learning", "software engineer machine learning", "engineer"),
        // A bracket inside a title interrupts it: the head is after the bracket, the bracketed words follow.
        ("Aptitude Test (SAT) Grader", "aptitude test grader sat", "grader"),
        ("Transportation Security Administration (TSA) Screener", "transportation security administration screener tsa",
         "screener"),
        ("(Visiting) Assistant Professor of French", "french professor visiting", "professor"),
        ("Research Associate (Environmental Scientist)", "research associate environmental scientist", "associate"),
    ])
    func heads(_ title: String, _ text: String, _ head: String) {
        let normalized = JobTitle.normalize(title)
        #expect(normalized.text.lowercased() == text)
        #expect(normalized.head == head)
    }

    @Test func dropsAndExpansionsAreReported() {
        let normalized = JobTitle.normalize("Sr. SDE II - External")
        #expect(normalized.dropped == ["sr", "ii", "external"])
        #expect(normalized.expanded == [JobTitle.Expansion(abbreviation: "sde", meaning: "software development engineer")])
    }

    @Test func nothingButLevelsIsKeptAsWritten() {
        #expect(read("Senior") == "senior")
    }

    @Test func aTitleWithNoHeadBeforeItsFirstStopWordDoesNotTrap() throws {
        let index = Self.index([SearchDocument(code: "15-1252", title: "Software Developers")])
        for query in ["of\u{FEFF}\u{7F}00日本abZ9", "of of 00", "for software", "(x) - 3"] {
            _ = try? index.search(query)
        }
    }

    @Test func capitalisedITSurvives() {
        #expect(SearchText.terms(JobTitle.normalize("IT Project Manager I").text) == ["it", "project", "manager"])
    }

    /// A query in capitals is read in lower case, but for "IT", the acronym in a title and the pronoun only where a
    /// sentence of duties ends in it.
    @Test func aQueryInCapitalsKeepsIT() {
        #expect(JobTitle.fromCapitals("HEAD OF IT") == "head of IT")
        #expect(JobTitle.fromCapitals("DIRECTOR, IT - EMEA") == "director, IT - emea")
        #expect(JobTitle.fromCapitals("SENIOR IT PROJECT MANAGER") == "senior IT project manager")
        #expect(JobTitle.fromCapitals("OR NURSE OF THE UNIT") == "or nurse of the unit")
        #expect(JobTitle.fromCapitals("IT/OPERATIONS MANAGER") == "IT/operations manager")
        #expect(JobTitle.fromCapitals("HEAD OF THE DEPARTMENT OF IT") == "head of the department of IT")
        #expect(JobTitle.fromCapitals("WRITE TEST PLANS FOR THE PAYROLL SYSTEM AND MAINTAIN IT.")
                    == "write test plans for the payroll system and maintain it.")
        #expect(JobTitle.fromCapitals("KEEP IT SYSTEMS RUNNING FOR THE WHOLE COMPANY")
                    == "keep IT systems running for the whole company")
    }

    @Test func roleWordsOnlyIsGeneric() {
        #expect(JobTitle.normalize("Team Leader").isGeneric)
        #expect(JobTitle.normalize("Head of Strategy").isGeneric)
        #expect(!JobTitle.normalize("Team Leader, AI Platform").isGeneric)
        #expect(!JobTitle.normalize("QA Engineer").isGeneric)
        // "Technical" names no field before a team or a lead; it does before a project (15-1299 lists "Technical
        // Project Manager").
        #expect(JobTitle.isGeneric(["technical", "team", "lead"]))
        #expect(!JobTitle.isGeneric(["technical", "project", "manager"]))
    }

    @Test func aLeadIsALeader() throws {
        // "Lead" as a role is "Leader" as U.S. titles write it, at full credit; an ESCO label holding "team lead" and a
        // field the query does not name ("physiotherapy team lead") no longer comes before the team leaders.
        let index = Self.index([
            SearchDocument(code: "11-9199", title: "Managers, All Other", alternateTitles: ["Team Leader"]),
            SearchDocument(code: "29-1123", title: "Physical Therapists", alternateTitles: ["Physiotherapy Team Lead"]),
        ])
        let results = try index.search("Team Lead")
        #expect(results.hits.first?.code == "11-9199", "\(results.hits.map(\.code))")
        #expect(results.hits.first?.matches.contains("spelling: lead → leader") == true)
        #expect(results.weak)
    }

    // MARK: Ranking rules, on small indexes written for each rule.

    static func index(_ documents: [SearchDocument]) -> SearchIndex { SearchIndex(documents: documents) }

    @Test func stemsOfDifferentWordsDoNotMeet() throws {
        #expect(PorterStemmer.inflectionalStem("distributed") != PorterStemmer.inflectionalStem("distribution"))
        #expect(PorterStemmer.inflectionalStem("fabrication") != PorterStemmer.inflectionalStem("fabric"))
        #expect(PorterStemmer.inflectionalStem("engineering") == PorterStemmer.inflectionalStem("engineers"))
        #expect(PorterStemmer.inflectionalStem("engineer") != PorterStemmer.inflectionalStem("engine"))
        let index = Self.index([
            SearchDocument(code: "17-2071", title: "Electrical Engineers", alternateTitles: ["Distribution Engineer"]),
            SearchDocument(code: "15-1252", title: "Software Developers", alternateTitles: ["Distributed Systems Engineer"]),
        ])
        let results = try index.search("distributed systems engineer")
        #expect(results.hits.map(\.code) == ["15-1252", "17-2071"])
        #expect(results.hits[1].matches.last == "terms: engineer")
    }

    @Test func phrasesOutrankScatteredWords() throws {
        let index = Self.index([
            SearchDocument(code: "15-1221", title: "Computer and Information Research Scientists",
                           alternateTitles: ["Computer Vision Scientist"]),
            SearchDocument(code: "29-1122", title: "Occupational Therapists",
                           alternateTitles: ["Low Vision Therapist", "Computer Access Therapist"]),
        ])
        #expect(try index.search("computer vision scientist").hits.first?.code == "15-1221")
    }

    @Test func theHeadDecidesTheFamily() throws {
        let index = Self.index([
            SearchDocument(code: "11-3021", title: "Computer and Information Systems Managers",
                           alternateTitles: ["Software Development Manager", "IT Manager"]),
            SearchDocument(code: "15-1252", title: "Software Developers",
                           alternateTitles: ["Software Development Engineer", "Software Developer"]),
        ])
        #expect(try index.search("Manager, Software Development").hits.first?.code == "11-3021")
        #expect(try index.search("Software Development Engineer II").hits.first?.code == "15-1252")
    }

    @Test func aTitleIncumbentsReportKeepsItsFamily() throws {
        // Sixty titles of other heads: "Database Engineer" is one of many, so the family factor would lower it.
        let others = ["Administrator", "Coordinator", "Specialist", "Analyst", "Manager", "Technician", "Consultant",
                      "Programmer", "Officer", "Operator"].flatMap { head in
            ["Database", "Data", "SQL", "Oracle", "Data Warehouse", "Records"].map { "\($0) \(head)" }
        }
        func index(reported: [String], directMatch: [String] = []) -> SearchIndex {
            Self.index([
                SearchDocument(code: "15-1242", title: "Database Administrators", directMatchTitles: directMatch,
                               alternateTitles: ["Database Engineer"] + others, reportedTitles: reported),
                SearchDocument(code: "15-1243", title: "Database Architects",
                               alternateTitles: ["Database Engineer", "Data Engineer", "Database Architect"]),
            ])
        }
        let collected = try index(reported: []).search("Database Engineer")
        #expect(collected.hits.map(\.code) == ["15-1243", "15-1242"])
        #expect(collected.hits[1].score < collected.hits[0].score * 0.95)
        #expect(collected.hits[1].matches.first == "alternate: Database Engineer")

        let reported = try index(reported: ["Database Engineer"]).search("Database Engineer")
        let administrators = try #require(reported.hits.first { $0.code == "15-1242" })
        #expect(administrators.score >= reported.hits[0].score * 0.99)
        #expect(administrators.matches.first == "reported: Database Engineer")
        #expect(reported.weak, "two occupations match equally well: \(reported.weakReason ?? "")")

        // Also when a Direct Match Title of the same words is the better match.
        let both = try index(reported: ["Database Engineer"], directMatch: ["Database Engineer"]).search("Database Engineer")
        let listed = try #require(both.hits.first { $0.code == "15-1242" })
        #expect(listed.score >= both.hits[0].score * 0.99)
        #expect(listed.matches.prefix(2) == ["direct-match: Database Engineer", "reported: Database Engineer"])
    }

    @Test func aCatchAllRanksAfterASpecificCodeThatMatchesAsWell() throws {
        let index = Self.index([
            SearchDocument(code: "17-2199", title: "Engineers, All Other", alternateTitles: ["Energy Engineer"]),
            SearchDocument(code: "17-2111", title: "Health and Safety Engineers", alternateTitles: ["Energy Engineer"]),
        ])
        let results = try index.search("Energy Engineer")
        #expect(results.hits.map(\.code) == ["17-2111", "17-2199"])
        #expect(results.hits[1].matches.contains {
            $0.hasPrefix("catch-all: scored 3 % less than a specific occupation would for the same match")
        })
        let specialty = Self.index([
            SearchDocument(code: "17-2199", title: "Engineers, All Other", onetTitles: ["Solar Energy Systems Engineers"]),
            SearchDocument(code: "17-2111", title: "Health and Safety Engineers", alternateTitles: ["Solar Engineer"]),
        ])
        #expect(try specialty.search("Solar Energy Systems Engineer").hits.first?.code == "17-2199")
    }

    @Test func aTitleFewOccupationsReportPlacesTheJobInTheCatchAllsSpecialty() throws {
        // Incumbents of 15-1299.08 Computer Systems Engineers/Architects report "Solutions Architect": the catch-all
        // keeps its whole score while at most three occupations' incumbents report the title.
        func document(_ code: String, _ title: String, reported: String, others: [String] = []) -> SearchDocument {
            SearchDocument(code: code, title: title, alternateTitles: [reported] + others, reportedTitles: [reported])
        }
        let catchAll = document("15-1299", "Computer Occupations, All Other", reported: "Solutions Architect",
                                others: ["Cloud Solutions Architect"])
        let specific = [("15-1241", "Computer Network Architects"), ("15-1243", "Database Architects"),
                        ("15-1252", "Software Developers")]
        func demoted(reportedBy count: Int, as title: String = "Solutions Architect") throws -> Bool {
            let others = specific.prefix(count).map {
                document($0.0, $0.1, reported: title, others: ["Network Solutions Architect"])
            }
            let hits = try Self.index([catchAll] + others).search("Solutions Architect").hits
            let hit = try #require(hits.first { $0.code == "15-1299" })
            return hit.matches.contains { $0.hasPrefix("catch-all:") }
        }
        #expect(try !demoted(reportedBy: 1))
        #expect(try !demoted(reportedBy: 2))
        #expect(try demoted(reportedBy: 3))
        // Other occupations reporting a longer title of the same words do not count.
        #expect(try !demoted(reportedBy: 3, as: "Solutions Architect Manager"))
        // A title the incumbents of many occupations report ("Engineer") places the job in no specialty.
        let many = Self.index([
            document("17-2199", "Engineers, All Other", reported: "Engineer"),
            document("17-2051", "Civil Engineers", reported: "Engineer"),
            document("17-2112", "Industrial Engineers", reported: "Engineer"),
            document("17-2141", "Mechanical Engineers", reported: "Engineer"),
        ])
        let bare = try many.search("Lead Engineer")
        #expect(bare.hits.last?.code == "17-2199", "\(bare.hits.map(\.code))")
        #expect(bare.hits.last?.matches.contains { $0.hasPrefix("catch-all:") } == true)
    }

    @Test func anUncorroboratedAlternateTitleWeighsLess() throws {
        let index = Self.index([
            SearchDocument(code: "17-2061", title: "Computer Hardware Engineers",
                           alternateTitles: ["Computer Vision Engineer", "Hardware Engineer"]),
            SearchDocument(code: "15-1221", title: "Computer and Information Research Scientists",
                           alternateTitles: ["Computer Vision Engineer", "Computer Vision Scientist"]),
        ])
        let results = try index.search("computer vision engineer")
        #expect(results.hits.map(\.code) == ["15-1221", "17-2061"])
        #expect(results.hits[0].score > results.hits[1].score)
    }

    @Test func aDescriptionIsPlacedByItsTitleAndItsDuties() throws {
        let index = Self.index([
            // Enough titles in "engineer" for it to be a common head, as it is among the official titles.
            SearchDocument(code: "17-2081", title: "Environmental Engineers",
                           alternateTitles: ["Air Engineer", "Soil Engineer", "Waste Engineer", "Water Engineer", "Site Engineer"],
                           tasks: ["Design water treatment systems."]),
            SearchDocument(code: "17-2051", title: "Civil Engineers",
                           alternateTitles: ["Wastewater Engineer", "Bridge Engineer", "Road Engineer", "Rail Engineer", "Dam Engineer"],
                           tasks: ["Design wastewater treatment plants and pipelines."]),
        ])
        let results = try index.search("environmental engineer designing wastewater treatment plants")
        #expect(results.hits.first?.code == "17-2081")
    }

    @Test func weakWhenTheTitleIsOnlyARole() throws {
        let index = Self.index([
            SearchDocument(code: "11-9199", title: "Managers, All Other", alternateTitles: ["Team Leader"]),
            SearchDocument(code: "15-1252", title: "Software Developers", alternateTitles: ["Software Team Leader"]),
        ])
        let generic = try index.search("Team Leader")
        #expect(generic.weak)
        #expect(generic.weakReason?.contains("add the duties or the field") == true)
        let specific = try index.search("Software Team Leader")
        #expect(specific.hits.first?.code == "15-1252")
        #expect(specific.weakReason?.contains("add the duties") != true)
    }
}
