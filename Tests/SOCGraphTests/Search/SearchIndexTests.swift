import Foundation
import Testing
@testable import SOCGraph

@Suite struct SearchIndexTests {
    let index = SearchCorpus.index

    func codes(_ results: SearchResults) -> [String] { results.hits.map(\.code) }

    @Test func exactSOCTitleRanksFirstNearOne() throws {
        let results = try index.search("Data Scientists")
        let top = try #require(results.hits.first)
        #expect(top.code == "15-2051")
        #expect(top.score >= 0.95)
        #expect(top.matches.first == "title: Data Scientists")
        #expect(!results.weak)
    }

    @Test func singularAndCaseDoNotMatter() throws {
        let results = try index.search("software developer")
        #expect(codes(results).first == "15-1252")
        #expect(results.hits[0].score >= 0.95)
        #expect(results.hits[0].score > results.hits[1].score)
        #expect(!results.weak)
    }

    @Test func sharedAlternateTitleIsATieAndWeak() throws {
        let results = try index.search("Machine Learning Engineer")
        #expect(Set(codes(results).prefix(2)) == ["15-2051", "15-1221"])
        #expect(results.hits[0].score >= 0.9)
        #expect(results.weak)
        let reason = try #require(results.weakReason)
        #expect(reason.contains("15-2051") && reason.contains("15-1221") && reason.contains("equally"))
        for hit in results.hits.prefix(2) {
            #expect(hit.matches.contains("alternate: Machine Learning Engineer"))
            #expect(hit.matches.contains("terms: machine, learning, engineer"))
        }
        // The tie is seen whatever the limit: one hit shown, still flagged, with the same reason.
        let one = try index.search("Machine Learning Engineer", limit: 1)
        #expect(one.hits.count == 1 && one.weak && one.weakReason == results.weakReason)
    }

    @Test func scoresAreNormalisedAndSorted() throws {
        for query in [
            "data scientists", "nurse", "manager", "python", "machine learning", "team leader", "strategy manager",
            "computer", "design and build computer applications", "engineer", "x",
        ] {
            let results = try index.search(query, limit: 50)
            for hit in results.hits {
                #expect(hit.score >= 0 && hit.score <= 1, "\(query): \(hit.code) \(hit.score)")
            }
            #expect(results.hits.map(\.score) == results.hits.map(\.score).sorted(by: >), "\(query)")
        }
    }

    @Test func weakWhenTheBestMatchIsPoor() throws {
        let results = try index.search("python beekeeper")
        let top = try #require(results.hits.first)
        #expect(top.score < SearchIndex.weakScore)
        #expect(results.weak)
        #expect(results.weakReason?.contains("scores only") == true)
    }

    @Test func aTitleMatchedLooselyIsWeakButADescriptionIsNot() throws {
        // Two of three words in "Python Developer", one in "Embedded Software Engineer": below 0.40.
        let loose = try index.search("Embedded Python Developer")
        let top = try #require(loose.hits.first)
        #expect(top.score >= SearchIndex.weakScore)
        #expect(loose.weak)
        #expect(loose.weakReason?.contains("the best title match of \(top.code) is loose (0.3") == true)
        #expect(try index.search("Machine Learning Research Scientist").weakReason?.contains("is loose") != true)
        // A description of duties is not asked to match a title whole: a verb form in -ing, words going on past
        // the title, or no title head at all.
        for duties in ["Embedded Python Developer writing drivers for sensors",
                       "Embedded Python developer at a start-up for medical devices", "write embedded code in Python"] {
            #expect(try index.search(duties).weakReason?.contains("is loose") != true, "\(duties)")
        }
    }

    /// A value below a bar never reads as the bar: "scores only 0.50 (below 0.50)" was said of 0.4962.
    @Test func aValueBelowTheBarShowsBelowIt() {
        #expect(SearchIndex.formatted(0.4962, below: 0.5) == "0.496")
        #expect(SearchIndex.formatted(0.4999, below: 0.5) == "0.499")
        #expect(SearchIndex.formatted(0.494, below: 0.5) == "0.49")
        #expect(SearchIndex.formatted(0.23, below: 0.5) == "0.23")
    }

    /// Occupations that match a shared title equally are listed by employment, largest first, whatever their codes'
    /// order, and the note says so; a better match still comes first whatever its employment.
    @Test func equalScoresAreListedByEmployment() throws {
        let index = SearchIndex(documents: [
            SearchDocument(code: "19-1013", title: "Soil Scientists", alternateTitles: ["Research Scientist"],
                           employment: 17.8),
            SearchDocument(code: "19-1042", title: "Cell Scientists", alternateTitles: ["Research Scientist"],
                           employment: 146.2),
            SearchDocument(code: "19-2012", title: "Physicists", alternateTitles: ["Research Physicist"],
                           employment: 21.4),
        ])
        let shared = try index.search("Research Scientist")
        #expect(codes(shared).prefix(2) == ["19-1042", "19-1013"], "\(codes(shared))")
        #expect(shared.hits[0].score == shared.hits[1].score)
        #expect(shared.weak && shared.weakReason?.contains("then by BLS employment, largest first") == true)
        let own = try index.search("Research Physicist")
        #expect(codes(own).first == "19-2012" && own.weakReason?.contains("by BLS employment") != true)
    }

    /// Among equal scores, an occupation whose incumbents report the title comes before one that only has it as an
    /// alternate title, whatever their employment; the others stay in employment order.
    @Test func equalScoresListAReportedTitleFirst() throws {
        let index = SearchIndex(documents: [
            SearchDocument(code: "21-1021", title: "Child Social Workers", alternateTitles: ["Social Worker"],
                           employment: 350),
            SearchDocument(code: "21-1022", title: "Healthcare Social Workers", alternateTitles: ["Social Worker"],
                           reportedTitles: ["Social Worker"], employment: 190),
            SearchDocument(code: "21-1023", title: "Hospice Social Workers", alternateTitles: ["Social Worker"],
                           reportedTitles: ["Social Worker"], employment: 120),
        ])
        let ranking = try index.search("Social Worker")
        #expect(codes(ranking) == ["21-1022", "21-1023", "21-1021"], "\(codes(ranking))")
        #expect(ranking.hits[0].score == ranking.hits[2].score)
        #expect(ranking.weakReason?.contains("with a title incumbents report first") == true)
    }

    /// A word no title holds that names mostly development tools among O*NET's technology examples names software
    /// work: "Python Engineer" is a software engineer, not the largest occupation of engineers who use Python. A word
    /// a title holds ("Rust Proofer") or that names mostly other software ("Microsoft") is not read so. The words
    /// survive the cache.
    @Test func aDevelopmentToolNamesSoftwareWork() throws {
        let python = SearchDocument.Technology(name: "Python", development: true)
        let index = SearchIndex(documents: [
            SearchDocument(code: "15-1252", title: "Software Developers", alternateTitles: ["Software Engineer"],
                           technologies: [.init(name: "Adobe Creative Cloud software"), python,
                                          .init(name: "Microsoft Visual Studio", development: true)],
                           employment: 100),
            SearchDocument(code: "17-2051", title: "Civil Engineers", alternateTitles: ["Civil Engineer"],
                           technologies: [python, .init(name: "Microsoft Excel"), .init(name: "Microsoft Word")],
                           employment: 300),
            SearchDocument(code: "51-9124", title: "Coating Workers", alternateTitles: ["Rust Proofer"],
                           technologies: [.init(name: "Rust programming language", development: true)]),
        ])
        let ranking = try index.search("Python Engineer")
        #expect(codes(ranking).first == "15-1252", "\(codes(ranking))")
        #expect(ranking.hits[0].matches.contains("development tool: python → software"), "\(ranking.hits[0].matches)")
        // The technologies listed are those naming the query's own words, not the expansion's.
        #expect(ranking.hits[0].matches.contains("technology: Python"), "\(ranking.hits[0].matches)")
        #expect(!ranking.hits[0].matches.contains("technology: Adobe Creative Cloud software"))
        for query in ["Rust Engineer", "Microsoft Engineer"] {
            let other = try index.search(query)
            #expect(!other.hits.flatMap(\.matches).contains { $0.hasPrefix("development tool") }, "\(query)")
        }
        let bytes = index.cacheBytes(sources: [])
        var reader = try CacheReader(bytes, bytes.indices)
        let (again, _) = try SearchIndex.read(cache: &reader)
        #expect(again.developmentTerms == index.developmentTerms)
        #expect(index.developmentTerms.contains(try #require(index.termIDs["python"])))
    }

    /// A development tool O*NET finds In Demand for engineering occupations (17-) alone names hardware work, not
    /// software: "Verilog Engineer" is no software engineer. Among the engineers who use it, the occupation O*NET
    /// finds it In Demand for ranks first, and its line says so. One In Demand for a computer occupation too, or for
    /// none, stays a software tool.
    @Test func anEngineersToolNamesNoSoftwareAndInDemandWeighsMore() throws {
        let verilog = SearchDocument.Technology(name: "Verilog", development: true)
        let index = SearchIndex(documents: [
            SearchDocument(code: "15-1252", title: "Software Developers", alternateTitles: ["Software Engineer"],
                           technologies: [verilog], employment: 1000),
            SearchDocument(code: "17-2061", title: "Computer Hardware Engineers", alternateTitles: ["Engineer"],
                           technologies: [.init(name: "Verilog", inDemand: true, development: true)],
                           employment: 50),
            SearchDocument(code: "17-2141", title: "Mechanical Engineers", alternateTitles: ["Engineer"],
                           technologies: [verilog], employment: 200),
        ])
        #expect(!index.developmentTerms.contains(try #require(index.termIDs["verilog"])))
        let shared = SearchIndex(documents: [
            SearchDocument(code: "15-1252", title: "Software Developers",
                           technologies: [.init(name: "Verilog", inDemand: true, development: true)]),
            SearchDocument(code: "17-2061", title: "Computer Hardware Engineers",
                           technologies: [.init(name: "Verilog", inDemand: true, development: true)]),
        ])
        #expect(shared.developmentTerms.contains(try #require(shared.termIDs["verilog"])))
        let ranking = try index.search("Verilog Engineer")
        #expect(codes(ranking).prefix(2) == ["17-2061", "17-2141"], "\(codes(ranking))")
        #expect(ranking.hits[0].matches.contains("technology: Verilog (In Demand)"), "\(ranking.hits[0].matches)")
        #expect(ranking.hits[1].matches.contains("technology: Verilog"), "\(ranking.hits[1].matches)")
        #expect(!ranking.hits.flatMap(\.matches).contains { $0.hasPrefix("development tool") })
    }

    /// An occupation's own spelling of an abbreviation reads its titles ("AI" of Animal Breeders is artificial
    /// insemination); a query written as such a title is read with the common spelling and told of the other. The
    /// titles survive the cache.
    @Test func aTitleSpelledOtherwiseIsToldOf() throws {
        let index = SearchIndex(documents: [
            SearchDocument(code: "15-1221", title: "Computer and Information Research Scientists",
                           alternateTitles: ["Artificial Intelligence Engineer", "AI Engineer"]),
            SearchDocument(code: "45-2021", title: "Animal Breeders",
                           alternateTitles: ["Artificial Insemination Technician (AI Technician)", "AI Technician"]),
        ])
        #expect(index.otherSpellings.map(\.document) == [1, 1])
        let engineer = try index.search("AI Engineer")
        #expect(codes(engineer).first == "15-1221")
        #expect(engineer.readAs?.contains("as written") != true)
        let technician = try index.search("AI Technician")
        let note = "as written, also a title O*NET lists under 45-2021 Animal Breeders, where \"AI\" is artificial "
            + "insemination"
        #expect(technician.readAs?.contains(note) == true, "\(technician.readAs ?? "")")
        // Not a query that does not hold the abbreviation.
        #expect(try index.search("Artificial Intelligence Technician").readAs?.contains("as written") != true)
        let bytes = index.cacheBytes(sources: [])
        var reader = try CacheReader(bytes, bytes.indices)
        let (again, _) = try SearchIndex.read(cache: &reader)
        #expect(again.otherSpellings == index.otherSpellings)
    }

    /// An -ing word keeps apart from its base when the titles holding the two name mostly different occupations
    /// ("training", "train"), and is stemmed onto it when they name mostly the same ("engineering", "engineer").
    @Test func anIngWordIsItsOwnTermWhenItsTitlesNameOtherOccupations() throws {
        let documents = [
            SearchDocument(code: "11-3131", title: "Training and Development Managers",
                           alternateTitles: ["Training Manager", "Training Director"]),
            SearchDocument(code: "13-1151", title: "Training and Development Specialists"),
            SearchDocument(code: "25-3021", title: "Self-Enrichment Teachers",
                           alternateTitles: ["Trainings Instructor"]),
            SearchDocument(code: "53-4031", title: "Railroad Conductors and Yardmasters",
                           alternateTitles: ["Train Conductor", "Passenger Train Manager"],
                           tasks: ["Train new staff in safety procedures."]),
            SearchDocument(code: "53-4011", title: "Locomotive Engineers", alternateTitles: ["Train Engineer"]),
            SearchDocument(code: "53-4022", title: "Railroad Brake, Signal, and Switch Operators",
                           alternateTitles: ["Train Operator"]),
            SearchDocument(code: "11-9041", title: "Architectural and Engineering Managers",
                           alternateTitles: ["Engineering Manager", "Engineer Manager"]),
            SearchDocument(code: "17-2141", title: "Mechanical Engineers",
                           alternateTitles: ["Mechanical Engineering Technologist", "Design Engineer"]),
            SearchDocument(code: "17-2071", title: "Electrical Engineers",
                           alternateTitles: ["Electrical Engineering Technologist"]),
            // A word of one or two occupations' titles is never parted from its base.
            SearchDocument(code: "27-4012", title: "Broadcast Technicians",
                           alternateTitles: ["Broadcasting Technician"]),
            // A participle of a technology's name is no other participle of the titles, with no base between them.
            SearchDocument(code: "43-5071", title: "Shipping, Receiving, and Inventory Clerks",
                           alternateTitles: ["Distributing Clerk"]),
            SearchDocument(code: "51-8013", title: "Power Plant Operators",
                           technologies: [.init(name: "Distributed control system DCS software")]),
        ]
        #expect(SearchIndex.separateForms(of: documents) == ["training", "distributed"])
        let index = SearchIndex(documents: documents)
        let training = try index.search("Training Manager")
        // The conductors' "Passenger Train Manager" matches on "manager" alone.
        #expect(codes(training).first == "11-3131", "\(training.hits)")
        #expect(training.hits.first { $0.code == "53-4031" }?.matches == ["alternate: Passenger Train Manager",
                                                                         "terms: manager"], "\(training.hits)")
        #expect(index.termID("training") != index.termID("train"))
        #expect(index.termID("trainings") == index.termID("training"))
        #expect(index.termID("distributed") != nil && index.termID("distributed") != index.termID("distributing"))
        // In duties "training" is a verb too: the task's "Train" counts, and the hit says so.
        let duties = try index.search("training new staff in safety procedures")
        #expect(duties.hits.first { $0.code == "53-4031" }?.matches.contains("inflection: training → train") == true,
                "\(duties.hits)")
        #expect(index.termID("engineering") != nil && index.termID("engineering") == index.termID("engineer"))
        // The cache keeps the words kept whole.
        let bytes = index.cacheBytes(sources: [])
        var reader = try CacheReader(bytes, bytes.indices)
        #expect(try SearchIndex.read(cache: &reader).index.separateForms == ["training", "distributed"])
        // And `find` reads them alone, from the start of the part.
        var start = try CacheReader(bytes, bytes.indices)
        #expect(try SearchIndex.readSeparateForms(cache: &start) == ["training", "distributed"])
    }

    /// A military code scores half, and says why, unless the query is its own title or a word of it is mostly in
    /// military titles.
    @Test func aMilitaryCodeRanksAfterACivilianOne() throws {
        let index = SearchIndex(documents: [
            SearchDocument(code: "11-9041", title: "Architectural and Engineering Managers",
                           alternateTitles: ["Engineering Manager", "Engineering Supervisor"]),
            SearchDocument(code: "55-2011", title: "First-Line Supervisors of Air Crew Members",
                           directMatchTitles: ["Flight Engineer Manager"]),
            SearchDocument(code: "55-1016", title: "Infantry Officers", directMatchTitles: ["Infantry Unit Leader"]),
            SearchDocument(code: "55-3016", title: "Infantry", directMatchTitles: ["Infantry Rifleman"]),
            SearchDocument(code: "55-2013", title: "First-Line Supervisors of Tactical Operations Specialists",
                           directMatchTitles: ["Infantry Squad Leader"]),
            SearchDocument(code: "33-3051", title: "Police and Sheriff's Patrol Officers",
                           alternateTitles: ["Police Officer", "Unit Leader"]),
            SearchDocument(code: "33-1012", title: "First-Line Supervisors of Police and Detectives",
                           alternateTitles: ["Police Sergeant", "Squad Leader"]),
            SearchDocument(code: "11-3021", title: "Computer and Information Systems Managers",
                           alternateTitles: ["IT Manager"]),
            SearchDocument(code: "17-2141", title: "Mechanical Engineers",
                           alternateTitles: ["Mechanical Engineering Technologist"]),
            SearchDocument(code: "17-2071", title: "Electrical Engineers"),
        ])
        // "Engineer" and "manager" are mostly in civilian titles here: 55-2011 scores half.
        let manager = try index.search("Engineering Manager")
        #expect(codes(manager).first == "11-9041", "\(manager.hits)")
        let flight = try #require(manager.hits.first { $0.code == "55-2011" })
        #expect(flight.matches.contains { $0.hasPrefix("military: scored half") }, "\(manager.hits)")
        // Its own Direct Match title keeps its score.
        let own = try index.search("Flight Engineer Manager")
        #expect(codes(own).first == "55-2011" && !own.hits[0].matches.contains { $0.hasPrefix("military") })
        // "Infantry" is in three military occupations' titles only.
        let infantry = try index.search("Infantry Leader")
        #expect(codes(infantry).first?.hasPrefix("55-") == true
                    && !infantry.hits[0].matches.contains { $0.hasPrefix("military") }, "\(infantry.hits)")
        // "Squad" and "unit" are in civilian titles as much: a civilian squad leader comes first.
        let squad = try index.search("Unit Squad Leader")
        #expect(codes(squad).first?.hasPrefix("33-") == true, "\(squad.hits)")
    }

    /// A query found as a phrase in an official title earns a phrase's match only when it is a third of the title's
    /// words or more: "Production Officer" in an eleven-word military title is a partial match.
    @Test func aPhraseInALongTitleIsAPartialMatch() throws {
        let index = SearchIndex(documents: [
            SearchDocument(code: "55-1015", title: "Command and Control Center Officers", directMatchTitles: [
                "Aoc Plans - Air Task Order / Air Control Order Production Officer"]),
            SearchDocument(code: "11-3051", title: "Industrial Production Managers",
                           alternateTitles: ["Chief Production Officer"]),
        ])
        let results = try index.search("Production Officer")
        let scores = Dictionary(uniqueKeysWithValues: results.hits.map { ($0.code, $0.score) })
        #expect(try #require(scores["55-1015"]) < 0.6, "\(results.hits)")
        #expect(try #require(scores["11-3051"]) >= 0.7, "\(results.hits)")
    }

    @Test func nothingMatchedIsWeakAndEmpty() throws {
        let results = try index.search("zyzzyva")
        #expect(results.hits.isEmpty)
        #expect(results.weak)
        #expect(results.weakReason?.contains("nothing matched") == true)
    }

    @Test func wordsTheGraphHasNeverSeenAreNamedAndMakeAGuessWeak() throws {
        // One word of two unknown: the ranking rests on "scientist" alone.
        let guess = try index.search("zyzzyva scientist")
        #expect(guess.unknownWords == ["zyzzyva"])
        #expect(!guess.hits.isEmpty)
        #expect(guess.weak)
        #expect(guess.weakReason?.hasPrefix("\"zyzzyva\" is not in the graph: the ranking rests on the other words")
                == true)
        // One of four: named, not by itself a reason to doubt the ranking.
        let mostly = try index.search("zyzzyva data scientists python")
        #expect(mostly.unknownWords == ["zyzzyva"])
        #expect(mostly.weakReason?.contains("not in the graph") != true)
        // Every word known, and every word unknown (then nothing matched says it).
        #expect(try index.search("Data Scientists").unknownWords == [])
        let nothing = try index.search("zyzzyva")
        #expect(nothing.unknownWords == ["zyzzyva"])
        #expect(nothing.weakReason?.hasPrefix("nothing matched") == true)
    }

    @Test func phraseInsideATitleBeatsScatteredWords() throws {
        // "research scientist" is a phrase in titles of 15-2051 and 15-1221; 17-2141 has only "Auto Research Engineer".
        let results = try index.search("research scientist")
        #expect(Set(codes(results).prefix(2)) == ["15-2051", "15-1221"])
        let mechanical = try #require(results.hits.first { $0.code == "17-2141" })
        #expect(mechanical.score < results.hits[1].score)
    }

    @Test func stemmingMatchesOtherForms() throws {
        let results = try index.search("mechanical engineering")
        #expect(codes(results).first == "17-2141")
        #expect(results.hits[0].score >= 0.95)
        #expect(results.hits[0].matches.contains("title: Mechanical Engineers"))
        #expect(results.hits[0].matches.contains("program: Mechanical Engineering"))
    }

    @Test func stopWordsAreIgnored() throws {
        let plain = try index.search("registered nurses")
        let padded = try index.search("the registered nurses of a hospital")
        #expect(codes(plain).first == "29-1141")
        #expect(codes(padded).first == "29-1141")
        #expect(SearchText.terms("Managers, All Other") == ["manager"])
    }

    @Test func onlyStopWordsOrNothingIsInvalidInput() {
        for query in ["", "   ", "the of and", "all other"] {
            #expect(throws: SOCGraphError.self, "\(query)") { try index.search(query) }
            do {
                _ = try index.search(query)
            } catch let error as SOCGraphError {
                guard case let .invalidInput(message) = error else {
                    Issue.record("expected invalidInput for '\(query)', got \(error)")
                    continue
                }
                #expect(message.hasPrefix("empty query: "))
                #expect(error.exitStatus == 2)
            } catch {
                Issue.record("unexpected error \(error)")
            }
        }
    }

    @Test func limitIsRespectedAndValidated() throws {
        #expect(try index.search("manager", limit: 3).hits.count == 3)
        #expect(throws: SOCGraphError.invalidInput("search: the limit must be at least 1, not 0")) {
            try index.search("manager", limit: 0)
        }
    }

    @Test func technologiesAreExplained() throws {
        let results = try index.search("TensorFlow")
        #expect(Set(codes(results).prefix(2)) == ["15-2051", "15-1221"])
        #expect(results.hits[0].matches.contains("technology: TensorFlow (In Demand)"))
        #expect(!codes(results).contains("15-1252"))
    }

    @Test func programmingNamesStayWhole() throws {
        #expect(SearchText.terms("C++ and C# developer, .NET") == ["c++", "c#", "developer", ".net"])
        #expect(SearchText.terms("Microsoft ASP.NET; Visual Basic.NET") == ["microsoft", "asp", ".net", "visual", "basic", ".net"])
        #expect(SearchText.terms("dotnet node.js") == [".net", "node", "js"])
        let results = try index.search(".NET developer")
        #expect(codes(results).first == "15-1252")
        #expect(results.hits[0].matches.contains("alternate: .NET Developer"))
        #expect(codes(try index.search("c++ developer")).first == "15-1252")
    }

    @Test func capitalisedITIsKept() throws {
        #expect(SearchText.terms("IT Manager") == ["it", "manager"])
        #expect(SearchText.terms("it manager") == ["manager"])
        #expect(SearchText.terms("Nurses' Association, don't") == ["nurse", "association", "dont"])
        #expect(SearchText.terms("Café Manager") == ["cafe", "manager"])
        #expect(SearchText.terms("Operating Room Registered Nurse (OR RN)") == ["operate", "room", "register", "nurse", "or", "rn"])
        #expect(SearchText.terms("Information Systems Manager (IS Manager)") == ["information", "system", "manager", "is", "manager"])
        #expect(try index.search("REGISTERED NURSES OF THE WARD").hits.first?.code == "29-1141")
        let results = try index.search("IT Manager")
        #expect(codes(results).first == "11-3021")
        #expect(results.hits[0].score >= 0.95)
    }

    @Test func teamLeaderFindsSupervisorsThroughTheExpansion() throws {
        let results = try index.search("Team Leader")
        #expect(codes(results).first == "11-9199")
        let top5 = Set(codes(results).prefix(5))
        #expect(top5.contains("43-1011"))
        #expect(top5.contains("41-1011"))
        let office = try #require(results.hits.first { $0.code == "43-1011" })
        #expect(office.matches.contains("expansion: leader → supervisor"))
        #expect(!results.hits[0].matches.contains { $0.hasPrefix("expansion:") })
    }

    @Test func strategyManagerGivesManagementCandidates() throws {
        let results = try index.search("Strategy Manager")
        let top = Array(codes(results).prefix(5))
        #expect(top.contains("13-1111"), "\(top)")
        #expect(top.contains("11-1021"), "\(top)")
        #expect(top.contains("11-1011"), "\(top)")
        let analysts = try #require(results.hits.first { $0.code == "13-1111" })
        #expect(analysts.matches.contains("expansion: strategy → consultant"))
    }

    @Test func britishSpellingsAreReadAsAmerican() throws {
        let results = try index.search("construction labourer")
        #expect(codes(results).first == "47-2061")
        #expect(results.hits[0].score >= 0.95)
        #expect(results.hits[0].matches.contains("spelling: labourer → laborer"))
        let lawyers = try index.search("solicitor")
        #expect(codes(lawyers).first == "23-1011")
        #expect(lawyers.hits[0].matches.contains("expansion: solicitor → lawyer"))
    }

    @Test func seniorityWordsAreIgnored() throws {
        let results = try index.search("Senior Software Engineer")
        #expect(results.ignoredWords == ["senior"])
        #expect(codes(results).first == "15-1252")
        #expect(results.hits[0].score >= 0.95)
        #expect(try index.search("senior").ignoredWords.isEmpty)
    }

    @Test func descriptionOfDutiesFindsTheOccupation() throws {
        let results = try index.search("train predictive models on large data sets with machine learning")
        #expect(codes(results).first == "15-2051")
        #expect(results.hits[0].matches.contains("definition"))
        #expect(results.hits[0].matches.contains("tasks: 2"))
    }

    @Test func titlesWithoutTextStillRank() throws {
        // An index without definitions or tasks (the graph without its text files) ranks titles the same way.
        let titlesOnly = SearchIndex(documents: SearchCorpus.documents.map {
            var document = $0
            document.definition = nil
            document.tasks = []
            return document
        })
        #expect(try titlesOnly.search("data scientist").hits.first?.code == "15-2051")
        #expect(try titlesOnly.search("registered nurse").hits.first?.code == "29-1141")
    }

    @Test func isDeterministic() throws {
        let again = SearchIndex(documents: SearchCorpus.documents)
        for query in ["manager", "nurse", "analyst", "engineer"] {
            #expect(try again.search(query, limit: 20) == index.search(query, limit: 20))
        }
    }

    /// The first hit's O*NET Related Occupations rank before occupations that matched worse, each saying through
    /// which hit; one that matched better keeps its own score; the others keep theirs.
    @Test func relatedOccupationsOfTheFirstHitFollowIt() throws {
        let index = SearchIndex(documents: [
            SearchDocument(code: "17-2061", title: "Computer Hardware Engineers",
                           alternateTitles: ["ASIC Design Engineer", "Hardware Engineer"],
                           related: [.init(code: "17-2072", index: 1), .init(code: "17-2141", index: 2),
                                     .init(code: "15-1252", index: 3)]),
            SearchDocument(code: "17-2072", title: "Electronics Engineers, Except Computer",
                           alternateTitles: ["Circuit Design Engineer"], related: [.init(code: "17-2061", index: 1)]),
            SearchDocument(code: "17-2141", title: "Mechanical Engineers",
                           alternateTitles: ["Analog ASIC Design Engineer"]),
            SearchDocument(code: "15-1252", title: "Software Developers", alternateTitles: ["Software Engineer"]),
            SearchDocument(code: "17-2131", title: "Materials Engineers", alternateTitles: ["Engineer"]),
        ])
        let results = try index.search("ASIC Design Engineer", limit: 5)
        let top = try #require(results.hits.first)
        #expect(top.code == "17-2061" && !top.isRelated)
        let byCode = Dictionary(uniqueKeysWithValues: results.hits.map { ($0.code, $0) })
        // 17-2072 matched only "engineer" and "design": it ranks as the first related occupation, and says so.
        let electronics = try #require(byCode["17-2072"])
        #expect(electronics.isRelated)
        #expect(electronics.matches.first
                == "related: 17-2061 Computer Hardware Engineers (O*NET Related Occupations, #1)")
        #expect(abs(electronics.score - top.score * SearchIndex.relatedShare) < 0.001)
        // The third related occupation reaches two decay steps less; it matched nothing at all.
        let software = try #require(byCode["15-1252"])
        #expect(software.isRelated && software.matches.first?.hasSuffix("#3)") == true)
        let decayed = top.score * SearchIndex.relatedShare * SearchIndex.relatedDecay * SearchIndex.relatedDecay
        #expect(abs(software.score - decayed) < 0.001)
        // A longer title holding the query matches better than half of the first hit: Mechanical Engineers keep
        // their own score.
        let mechanical = try #require(byCode["17-2141"])
        #expect(!mechanical.isRelated && mechanical.score > top.score * SearchIndex.relatedShare)
        // An unrelated occupation is neither raised nor marked.
        let materials = try #require(byCode["17-2131"])
        #expect(!materials.isRelated && materials.score < software.score)
        #expect(results.hits.map(\.score) == results.hits.map(\.score).sorted(by: >))
        // Without them (as `fit` searches), only what matched ranks: Electronics Engineers by "design engineer".
        let matched = try index.search("ASIC Design Engineer", limit: 5, related: false)
        #expect(matched.hits.allSatisfy { !$0.isRelated })
        #expect(matched.hits.first { $0.code == "15-1252" }.map { $0.score < software.score } ?? true)
        let matchedElectronics = try #require(matched.hits.first { $0.code == "17-2072" })
        #expect(matchedElectronics.score < electronics.score)
    }

    /// A qualifier that is an official title of a few occupations is a second title: its match adds to the
    /// first title's, so the occupation both name ranks first, and one that only the second names comes next.
    @Test func aQualifierThatIsATitleCountsAsASecondTitle() throws {
        let index = SearchIndex(documents: [
            SearchDocument(code: "15-1252", title: "Software Developers",
                           alternateTitles: ["Software Engineer", "Site Reliability Engineer"]),
            SearchDocument(code: "17-2112", title: "Industrial Engineers", alternateTitles: ["Site Reliability Engineer"]),
            SearchDocument(code: "13-1111", title: "Management Analysts", alternateTitles: ["Strategy Consultant"]),
        ])
        // The first part is not a title: the second names the job, the two occupations that list it come first.
        let second = try index.search("Platform Specialist (Site Reliability Engineer)")
        #expect(Set(codes(second).prefix(2)) == ["15-1252", "17-2112"])
        #expect(second.hits[1].score > 0.6)
        #expect(second.readAs?.contains("\"site reliability engineer\" is a title of its own") == true)
        // The first part is a title of one occupation: the second only confirms it, and lends nothing to another.
        let both = try index.search("Software Engineer (Site Reliability Engineer)")
        #expect(codes(both).first == "15-1252")
        #expect(both.hits[0].score > second.hits[0].score)
        let industrial = try #require(both.hits.first { $0.code == "17-2112" })
        let industrialSecond = try #require(second.hits.first { $0.code == "17-2112" })
        #expect(industrial.score < industrialSecond.score)
        // Not a title: an ordinary qualifier.
        let plain = try index.search("Software Engineer (Reliability)")
        #expect(plain.readAs?.contains("second title") != true)
    }

    /// A field term (`SearchDocument.FieldTerm`) counts for the occupation it is given to when the query holds all
    /// its words in a row, as a word of its SOC title would, and the hit says so; one of its words alone earns
    /// nothing from it. A term a title writes needs no bridge; one only a technology or study program writes keeps
    /// it. The cache keeps the terms.
    @Test func aFieldTermCountsOnlyWhole() throws {
        let index = SearchIndex(documents: [
            SearchDocument(code: "15-1221", title: "Computer and Information Research Scientists",
                           alternateTitles: ["Research Engineer"],
                           fieldTerms: [.init(term: "deep learning", field: "Artificial Intelligence")]),
            SearchDocument(code: "31-9011", title: "Massage Therapists",
                           alternateTitles: ["Deep Tissue Massage Therapist"]),
            SearchDocument(code: "25-9031", title: "Instructional Coordinators",
                           alternateTitles: ["Learning Coordinator"]),
        ])
        let whole = try index.search("Deep Learning Engineer")
        #expect(codes(whole).first == "15-1221", "\(codes(whole))")
        #expect(whole.hits[0].matches.contains(
            "field: deep learning → Artificial Intelligence, a core field (curation/title-terms.tsv)"),
                "\(whole.hits[0].matches)")
        #expect(!whole.hits[0].matches.contains { $0.hasPrefix("terms:") && $0.contains("deep") })
        let part = try index.search("Deep Research Engineer")
        #expect(!part.hits.flatMap(\.matches).contains { $0.hasPrefix("field:") }, "\(part.hits.map(\.matches))")
        // A word repeated keeps its place: "learning" stands after "deep" too.
        let repeated = try index.search("Learning Engineer / Deep Learning Engineer")
        #expect(repeated.hits.first { $0.code == "15-1221" }?.matches.contains { $0.hasPrefix("field:") } == true,
                "\(repeated.hits.map(\.matches))")
        // A term an official title or an ESCO label writes, as the index reads it, needs no bridge.
        let written = SearchIndex(documents: [
            SearchDocument(code: "15-1221", title: "Computer and Information Research Scientists",
                           fieldTerms: [.init(term: "deep learning", field: "Artificial Intelligence")]),
            SearchDocument(code: "15-2051", title: "Data Scientists", alternateTitles: ["Deep-Learning Scientist"]),
        ])
        #expect(written.fieldTerms.isEmpty)
        let labelled = SearchIndex(documents: [
            SearchDocument(code: "15-1221", title: "Computer and Information Research Scientists",
                           fieldTerms: [.init(term: "deep learning", field: "Artificial Intelligence")]),
            SearchDocument(code: "15-2051", title: "Data Scientists",
                           escoTitles: [.init(label: "deep learning engineer", isco: "2511")]),
        ])
        #expect(labelled.fieldTerms.isEmpty)
        // A technology or study program that writes it names a tool or a course, not whose work the term is: the
        // bridge stays, and the occupation it is given to comes first ("Chip design software" is a technology of
        // 17-2071 Electrical Engineers; "chip design" is a term of Semiconductors and Microelectronics, 17-2061
        // Computer Hardware Engineers' core field).
        let tool = SearchIndex(documents: [
            SearchDocument(code: "17-2061", title: "Computer Hardware Engineers", alternateTitles: ["Design Engineer"],
                           fieldTerms: [.init(term: "chip design", field: "Semiconductors and Microelectronics")]),
            SearchDocument(code: "17-2071", title: "Electrical Engineers", alternateTitles: ["Design Engineer"],
                           technologies: [.init(name: "Chip design software")], programTitles: ["Chip Design"],
                           employment: 200),
        ])
        #expect(tool.fieldTerms.count == 1)
        let chip = try tool.search("Chip Design Engineer")
        #expect(codes(chip).first == "17-2061", "\(codes(chip))")
        #expect(chip.hits[0].matches.contains { $0.hasPrefix("field: chip design") }, "\(chip.hits[0].matches)")
        let bytes = index.cacheBytes(sources: [])
        var reader = try CacheReader(bytes, bytes.indices)
        let (again, _) = try SearchIndex.read(cache: &reader)
        #expect(again.fieldTerms == index.fieldTerms && index.fieldTerms.count == 1)
    }
}
