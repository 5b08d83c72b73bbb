import Testing
@testable import SOCGraph

/// A small graph for `find`: eight occupations with realistic codes and made-up but consistent facts.
struct FakeFindContext: FindContext {
    struct Occupation {
        var code: String
        var minor: String
        var education: EducationLevel?
        var zone: Int?
        /// The fields the occupation aligns with, with their grades.
        var fields: [String: AlignmentGrade] = [:]
        var stem = false
        var programs: [String] = []
        var technologies: [String] = []
        var wage: Double?
        var growth: Double?
        var titles: [String]
    }

    let occupations: [Occupation] = [
        Occupation(
            code: "15-2051", minor: "15-2000", education: .master, zone: 5,
            fields: ["artificial-intelligence": .core, "advanced-computing": .substantial], stem: true,
            programs: ["30.7001", "27.0501"], technologies: ["TensorFlow", "Python", "Microsoft Excel"],
            wage: 112_590, growth: 33.5,
            titles: ["Data Scientists", "Machine Learning Engineer"]),
        Occupation(
            code: "15-1252", minor: "15-1200", education: .bachelor, zone: 4,
            fields: ["advanced-computing": .substantial, "artificial-intelligence": .incidental], stem: true,
            programs: ["11.0701", "14.0903"], technologies: ["C++", "Python", "Git"], wage: 133_080, growth: 15.8, titles: ["Software Developers", "Software Engineer"]),
        Occupation(
            code: "15-1221", minor: "15-1200", education: .master, zone: 5,
            fields: ["artificial-intelligence": .core, "quantum-information-and-enabling-technologies": .substantial],
            stem: true, programs: ["11.0102", "11.0701"], technologies: ["TensorFlow", "The MathWorks MATLAB"],
            wage: 140_910, growth: 20, titles: ["Computer and Information Research Scientists", "Machine Learning Engineer"]),
        Occupation(
            code: "29-1141", minor: "29-1000", education: .bachelor, zone: 3, programs: ["51.3801"],
            technologies: ["Microsoft Excel"], wage: 93_600, growth: 5.2, titles: ["Registered Nurses", "Staff Nurse"]),
        Occupation(
            code: "29-1171", minor: "29-1000", education: .master, zone: 5, programs: ["51.3805"], wage: 129_210,
            growth: 40.1, titles: ["Nurse Practitioners"]),
        Occupation(
            code: "17-2141", minor: "17-2000", education: .bachelor, zone: 4,
            fields: ["advanced-manufacturing": .incidental], stem: true, programs: ["14.1901"], technologies: ["Dassault Systemes SolidWorks"], wage: 102_320,
            growth: 9.4, titles: ["Mechanical Engineers", "Design Engineer"]),
        Occupation(
            code: "47-2061", minor: "47-2000", education: Optional.none, zone: nil, wage: nil, growth: 7,
            titles: ["Construction Laborers", "Laborer"]),
        Occupation(
            code: "11-1021", minor: "11-1000", education: .bachelor, zone: 4, programs: ["52.0201"], wage: 102_950,
            growth: 5.7, titles: ["General and Operations Managers", "Operations Manager"]),
    ]

    func occupation(_ code: String) -> Occupation { occupations.first { $0.code == code }! }

    var occupationCodes: [String] { occupations.map(\.code) }
    var knownFields: Set<String> {
        [
            "artificial-intelligence", "advanced-computing", "advanced-manufacturing",
            "quantum-information-and-enabling-technologies", "space-technologies-and-systems",
        ]
    }
    func majorGroup(of code: String) -> String? { String(code.prefix(2)) + "-0000" }
    func minorGroup(of code: String) -> String? { occupation(code).minor }
    func broadGroup(of code: String) -> String? { String(code.prefix(6)) + "0" }
    func typicalEducation(of code: String) -> EducationLevel? { occupation(code).education }
    func jobZone(of code: String) -> Int? { occupation(code).zone }
    /// Five zones, as O*NET numbered them before release 30.
    var jobZoneLabels: [Int: String] { Dictionary(uniqueKeysWithValues: (1...5).map { ($0, String($0)) }) }
    func iscoGroups(of code: String) -> [String] { code.hasPrefix("15-12") ? ["2512"] : [] }
    func fieldGrades(of code: String) -> [String: AlignmentGrade] { occupation(code).fields }
    func isSTEM(_ code: String) -> Bool { occupation(code).stem }
    func programs(of code: String) -> [String] { occupation(code).programs }
    func technologies(of code: String) -> [String] { occupation(code).technologies }
    func annualMedianWage(of code: String) -> Double? { occupation(code).wage }
    func growthPercent(of code: String) -> Double? { occupation(code).growth }
    func titles(of code: String) -> [String] { occupation(code).titles }
}

@Suite struct FindQueryEvaluatorTests {
    let context = FakeFindContext()

    func find(_ query: String) throws -> [String] { try FindQuery(parsing: query).evaluate(in: context) }

    func failure(_ query: String) -> String? {
        do {
            _ = try find(query)
            return nil
        } catch let SOCGraphError.invalidInput(message) {
            return message
        } catch {
            return "unexpected error \(error)"
        }
    }

    @Test func eachQualifierSelects() throws {
        let cases: [(String, [String])] = [
            ("field:artificial-intelligence", ["15-1221", "15-2051"]),
            ("field:artificial", ["15-1221", "15-2051"]),
            ("field:quantum", ["15-1221"]),
            ("field:space-technologies-and-systems", []),
            // field: asks for substantial or core: incidental alignments are not selected.
            ("field:advanced-manufacturing", []),
            ("field:advanced-computing", ["15-1252", "15-2051"]),
            ("education>=master", ["15-1221", "15-2051", "29-1171"]),
            ("education:bachelor", ["11-1021", "15-1252", "17-2141", "29-1141"]),
            ("education<=high-school", []),
            ("-education>=none", ["47-2061"]),
            ("zone>=5", ["15-1221", "15-2051", "29-1171"]),
            ("zone<3", []),
            ("zone:4", ["11-1021", "15-1252", "17-2141"]),
            ("major:15", ["15-1221", "15-1252", "15-2051"]),
            ("major:15-0000", ["15-1221", "15-1252", "15-2051"]),
            ("-major:15", ["11-1021", "17-2141", "29-1141", "29-1171", "47-2061"]),
            ("minor:151", ["15-1221", "15-1252"]),
            ("minor:15-1200", ["15-1221", "15-1252"]),
            ("minor:152", ["15-2051"]),
            ("broad:15-1250", ["15-1252"]),
            ("broad:15125", ["15-1252"]),
            ("stem:yes", ["15-1221", "15-1252", "15-2051", "17-2141"]),
            ("stem:no", ["11-1021", "29-1141", "29-1171", "47-2061"]),
            ("program:11.0701", ["15-1221", "15-1252"]),
            ("program:11", ["15-1221", "15-1252"]),
            ("program:51.38", ["29-1141", "29-1171"]),
            ("program:51.3801", ["29-1141"]),
            ("program:14", ["15-1252", "17-2141"]),
            ("program:99.9999", []),
            ("uses:tensorflow", ["15-1221", "15-2051"]),
            ("uses:\"Microsoft Excel\"", ["15-2051", "29-1141"]),
            ("uses:excel", ["15-2051", "29-1141"]),
            ("uses:matlab", ["15-1221"]),
            ("uses:C++", ["15-1252"]),
            ("uses:solid", []),
            ("wage>=130000", ["15-1221", "15-1252"]),
            ("wage>=130k", ["15-1221", "15-1252"]),
            ("-wage>=100000", ["29-1141", "47-2061"]),
            ("wage<100000", ["29-1141"]),
            ("growth>=20", ["15-1221", "15-2051", "29-1171"]),
            ("growth<6", ["11-1021", "29-1141"]),
        ]
        for (query, expected) in cases {
            #expect(try find(query) == expected, "\(query)")
        }
    }

    @Test func aGradeQualifierSetsTheGradeFieldTermsAskFor() throws {
        // Without a grade qualifier, field: means grade >= substantial.
        #expect(try find("field:artificial-intelligence") == ["15-1221", "15-2051"])
        #expect(try find("field:artificial-intelligence grade>=substantial") == ["15-1221", "15-2051"])
        #expect(try find("field:artificial-intelligence grade>=incidental") == ["15-1221", "15-1252", "15-2051"])
        #expect(try find("field:artificial-intelligence grade:incidental") == ["15-1252"])
        #expect(try find("field:artificial-intelligence grade<substantial") == ["15-1252"])
        #expect(try find("field:advanced-computing grade>=core") == [])
        #expect(try find("field:advanced-computing grade:substantial") == ["15-1252", "15-2051"])
        #expect(try find("grade>=core field:quantum") == [])
        #expect(try find("grade>=substantial field:quantum") == ["15-1221"])
        #expect(try find("field:advanced-manufacturing grade>=incidental") == ["17-2141"])
        // The grade applies to every field: term of the query.
        #expect(try find("(field:quantum OR field:advanced-computing) grade>=core") == [])
        #expect(try find("field:artificial-intelligence -field:advanced-computing grade>=incidental") == ["15-1221"])
        // A grade qualifier selects nothing by itself.
        #expect(try find("field:artificial-intelligence grade>=core stem:yes") == ["15-1221", "15-2051"])
    }

    @Test func gradeQualifierMistakesAreErrors() {
        #expect(failure("grade>=core")?.contains("qualifies field: terms; add one") == true)
        #expect(failure("major:15 grade:substantial")?.contains("'grade:substantial' qualifies field: terms") == true)
        #expect(failure("field:quantum grade>=core grade<=substantial")?.contains("at most one grade qualifier") == true)
        #expect(failure("field:quantum grade>=high")?.contains("expected core, substantial or incidental after 'grade>='")
                == true)
    }

    @Test func wordsAndPhrasesMatchTitlesAfterStemming() throws {
        #expect(try find("engineer") == ["15-1221", "15-1252", "15-2051", "17-2141"])
        #expect(try find("engineering") == ["15-1221", "15-1252", "15-2051", "17-2141"])
        #expect(try find("NURSES") == ["29-1141", "29-1171"])
        #expect(try find("\"machine learning\"") == ["15-1221", "15-2051"])
        #expect(try find("\"learning machine\"") == [])
        #expect(try find("machine design") == [])
        #expect(try find("\"operations managers\"") == ["11-1021"])
    }

    /// A word the search index keeps apart from its base (`SearchIndex.separateForms`) finds only itself: with
    /// "learning" kept whole, "learn" no longer finds "Machine Learning Engineer".
    @Test func wordsKeptWholeFindOnlyThemselves() throws {
        #expect(try find("learn") == ["15-1221", "15-2051"])
        let whole: Set<String> = ["learning"]
        #expect(try FindQuery(parsing: "learn").evaluate(in: context, separateForms: whole) == [])
        #expect(try FindQuery(parsing: "learning").evaluate(in: context, separateForms: whole)
                    == ["15-1221", "15-2051"])
        #expect(try FindQuery(parsing: "learn").searchesTitles && !FindQuery(parsing: "major:15").searchesTitles)
    }

    @Test func combinationsFollowPrecedence() throws {
        #expect(
            try find("field:artificial-intelligence education>=master zone>=4 major:15 stem:yes \"machine learning\"")
                == ["15-1221", "15-2051"])
        #expect(try find("(major:29 OR major:17) wage>=100000") == ["17-2141", "29-1171"])
        #expect(try find("nurse OR engineer -major:15") == ["17-2141", "29-1141", "29-1171"])
        #expect(try find("(nurse OR engineer) -major:15") == ["17-2141", "29-1141", "29-1171"])
        #expect(try find("nurse OR (engineer AND NOT major:15)") == ["17-2141", "29-1141", "29-1171"])
        #expect(try find("-(major:15 OR major:29)") == ["11-1021", "17-2141", "47-2061"])
        #expect(try find("stem:yes -stem:yes") == [])
    }

    @Test func unknownNamesAreErrorsWithSuggestions() {
        let cases: [(String, String)] = [
            ("field:artifical-intelligence", "find: unknown field 'artifical-intelligence' at column 1: field:artifical-intelligence (did you mean 'artificial-intelligence'?)"),
            ("field:advanced", "find: field 'advanced' is the start of several fields: advanced-computing, advanced-manufacturing at column 1"),
            ("zone>=4 field:biotech", "find: unknown field 'biotech' at column 9"),
            ("major:99", "find: no major group 99 at column 1: major:99"),
            ("minor:15", "find: minor:15 matches several minor groups (15-1200, 15-2000); give more digits at column 1"),
            ("minor:15-9000", "find: no minor group 15-9000 at column 1: minor:159000 (did you mean 15-1200, 15-2000?)"),
            ("broad:1512", "matches several broad groups (15-1220, 15-1250)"),
            ("the", "find: 'the' is too common to search titles for; remove it at column 1: the"),
            ("nurse or engineer", "find: 'or' is too common to search titles for; write OR in capitals to combine terms at column 7"),
        ]
        for (query, expected) in cases {
            let message = failure(query)
            #expect(message?.contains(expected) == true, "\(query): \(message ?? "no error")")
        }
    }
}

/// SplitMix64: a small seeded generator, so the generated queries are the same on every run.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite struct FindQueryGeneratedInputTests {
    static let fragments = [
        "field:", "education>=", "education<=", "education:", "zone>=", "zone:", "major:", "minor:", "broad:",
        "stem:", "program:", "uses:", "wage>=", "wage<", "growth>=", "growth<=", "feild:", "Field:", "OR", "AND",
        "NOT", "or", "-", "--", "(", ")", "\"", " ", "  ", "\t", "\n", "15", "15-1200", "151", "-0000", "11.0102",
        "11.", ".01", "master", "bachelor", "phd", "yes", "no", "abc", "artificial", "quantum", "data scientist",
        "engineer", "the", "ü", "日本", "😀", "e\u{301}", ":", ">=", "<=", ">", "<", "=", "$", "%", "k", ",", ".",
        "\\", "0", "5", "9", "-2.5", "1e308", "nan", "inf", "100,000", "TensorFlow", "c++", "'", "grade>=", "grade:",
        "core", "incidental",
    ]

    @Test func twoThousandRandomQueriesParseOrFailCleanly() throws {
        var generator = SeededGenerator(state: 20_180_101)
        let context = FakeFindContext()
        var parsed = 0
        var rejected = 0
        for _ in 0..<2_000 {
            let length = Int.random(in: 0...12, using: &generator)
            let query = (0..<length).map { _ in Self.fragments.randomElement(using: &generator)! }.joined()
            do {
                let find = try FindQuery(parsing: query)
                parsed += 1
                _ = try find.evaluate(in: context)
            } catch let error as SOCGraphError {
                guard case let .invalidInput(message) = error else {
                    Issue.record("\(query.debugDescription): expected invalidInput, got \(error)")
                    continue
                }
                #expect(message.hasPrefix("find: "), "\(query.debugDescription): \(message)")
                rejected += 1
            } catch {
                Issue.record("\(query.debugDescription): unexpected error \(error)")
            }
        }
        // Both outcomes must occur, or the generator is not exercising the parser.
        #expect(parsed > 100)
        #expect(rejected > 100)
    }

    @Test func deepNestingIsRejectedNotACrash() {
        for query in [String(repeating: "(", count: 10_000) + "a", String(repeating: "-", count: 10_000) + "a",
                      String(repeating: "NOT ", count: 5_000) + "a"] {
            #expect(throws: SOCGraphError.self) { try FindQuery(parsing: query) }
        }
        #expect((try? FindQuery(parsing: String(repeating: "(", count: 30) + "a" + String(repeating: ")", count: 30))) != nil)
    }
}
