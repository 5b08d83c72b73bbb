import Testing
@testable import SOCGraph

@Suite struct FindQueryParserTests {
    func parsed(_ query: String) throws -> String { try FindQuery(parsing: query).description }

    /// The message of the invalidInput error `query` throws, or nil when it parses.
    func failure(_ query: String) -> String? {
        do {
            _ = try FindQuery(parsing: query)
            return nil
        } catch let SOCGraphError.invalidInput(message) {
            return message
        } catch {
            return "unexpected error \(error)"
        }
    }

    @Test func juxtapositionIsAndAndBindsTighterThanOr() throws {
        #expect(try parsed("a b OR c") == "(or (and a b) c)")
        #expect(try parsed("a OR b c") == "(or a (and b c))")
        #expect(try parsed("a OR b OR c") == "(or a b c)")
        #expect(try parsed("a AND b OR c AND d") == "(or (and a b) (and c d))")
        #expect(try parsed("a b c") == "(and a b c)")
    }

    @Test func parenthesesGroup() throws {
        #expect(try parsed("a (b OR c)") == "(and a (or b c))")
        #expect(try parsed("((a))") == "a")
        #expect(try parsed("(a OR b) (c OR -d)") == "(and (or a b) (or c (not d)))")
    }

    @Test func negationAppliesToTheNextTerm() throws {
        #expect(try parsed("-major:29") == "(not major:29)")
        #expect(try parsed("-a b") == "(and (not a) b)")
        #expect(try parsed("-(a OR b)") == "(not (or a b))")
        #expect(try parsed("NOT a OR b") == "(or (not a) b)")
        #expect(try parsed("--a") == "(not (not a))")
        #expect(try parsed("co-op") == "co-op")
    }

    @Test func quotingMakesPhrasesAndValues() throws {
        #expect(try parsed("\"machine learning\" engineer") == "(and \"machine learning\" engineer)")
        #expect(try parsed("uses:\"Microsoft Excel\"") == "uses:\"Microsoft Excel\"")
        #expect(try parsed("uses:TensorFlow") == "uses:TensorFlow")
        #expect(try parsed("-\"data scientist\"") == "(not \"data scientist\")")
        #expect(try parsed("\"OR\"") == "\"OR\"")
    }

    @Test func everyQualifier() throws {
        let cases: [(String, FindTerm)] = [
            ("field:artificial-intelligence", .field("artificial-intelligence")),
            ("FIELD:Quantum", .field("quantum")),
            ("grade>=core", .grade(.atLeast, .core)),
            ("grade:substantial", .grade(.equal, .substantial)),
            ("GRADE<=Incidental", .grade(.atMost, .incidental)),
            ("education>=master", .education(.atLeast, .master)),
            ("education<=high-school", .education(.atMost, .highSchool)),
            ("education:bachelor", .education(.equal, .bachelor)),
            ("education>phd", .education(.greater, .doctoral)),
            ("education<some-college", .education(.less, .someCollege)),
            ("education:postsecondary-nondegree", .education(.equal, .postsecondaryNondegree)),
            ("zone>=4", .jobZone(.atLeast, "4")),
            ("zone<=2", .jobZone(.atMost, "2")),
            ("zone:5", .jobZone(.equal, "5")),
            ("zone>=1-2", .jobZone(.atLeast, "1-2")),
            ("isco:2512", .isco("2512")),
            ("isco:25", .isco("25")),
            ("major:15", .group(.major, "15")),
            ("major:15-0000", .group(.major, "150000")),
            ("minor:15-1200", .group(.minor, "151200")),
            ("minor:151", .group(.minor, "151")),
            ("broad:15-1250", .group(.broad, "151250")),
            ("stem:yes", .stem(true)),
            ("stem:no", .stem(false)),
            ("program:11.0102", .program("11.0102")),
            ("program:11.01", .program("11.01")),
            ("program:11", .program("11")),
            ("uses:\"Apache Spark\"", .uses("Apache Spark")),
            ("uses:c++", .uses("c++")),
            ("wage>=100000", .wage(.atLeast, 100_000)),
            ("wage>=100,000", .wage(.atLeast, 100_000)),
            ("wage<$95.5k", .wage(.less, 95_500)),
            ("growth>=5", .growth(.atLeast, 5)),
            ("growth<-2.5", .growth(.less, -2.5)),
            ("growth>3%", .growth(.greater, 3)),
            ("engineer", .word("engineer")),
            ("\"software developer\"", .phrase("software developer")),
        ]
        for (query, term) in cases {
            let expression = try FindQuery(parsing: query).expression
            #expect(expression == .term(term, column: 1), "\(query)")
        }
    }

    @Test func columnsAreRecorded() throws {
        let expression = try FindQuery(parsing: "zone>=4  -major:29 (\"data\" OR x)").expression
        guard case let .and(operands) = expression, operands.count == 3,
            case .term(_, column: 1) = operands[0],
            case .not(.term(_, column: 11)) = operands[1],
            case let .or(inner) = operands[2], case .term(_, column: 21) = inner[0], case .term(_, column: 31) = inner[1]
        else {
            Issue.record("unexpected shape \(expression)")
            return
        }
    }

    @Test func errorsNameTheColumnAndSuggest() {
        let cases: [(String, String)] = [
            ("feild:ai", "find: unknown qualifier 'feild' at column 1: feild:ai (did you mean 'field'?)"),
            ("zone>=4 wage>=abc", "find: expected a number after 'wage>=', such as 100000 or 100k at column 15: wage>=abc"),
            ("education>=masterz", "(did you mean 'master'?)"),
            ("education>=msc", "find: unknown education level 'msc'"),
            ("zone>=12", "find: expected a job zone such as 4 or 1-2 after 'zone>=' at column 7: zone>=12"),
            ("zone:x", "job zone such as 4 or 1-2"),
            ("isco:25120", "expected an ISCO-08 code of 1 to 4 digits"),
            ("major:x", "find: expected a SOC group code after 'major:', such as major:15 at column 7: major:x"),
            ("minor:1512000", "such as minor:15-1200"),
            ("stem:maybe", "find: expected yes or no after 'stem:' at column 6: stem:maybe"),
            ("program:11.1", "expected a CIP code"),
            ("program:abc", "expected a CIP code"),
            ("wage:100000", "find: 'wage' compares with >=, <=, > or <, such as wage>=100000 at column 5: wage:100000"),
            ("growth>=lots", "expected a percent after 'growth>='"),
            ("field>=ai", "find: 'field' takes ':' (field:VALUE), not '>=' at column 6: field>=ai"),
            ("field:", "find: expected a value after 'field:' at column 7: field:"),
            ("grade>=high", "find: expected core, substantial or incidental after 'grade>=' at column 8: grade>=high"),
            ("uses:\"\"", "expected a value after 'uses:'"),
            ("uses:\"Excel", "find: unclosed quote at column 6: \"Excel"),
            ("\"data", "find: unclosed quote at column 1: \"data"),
            ("\"  \"", "find: empty phrase at column 1"),
            ("a OR", "find: expected a term after 'OR' at column 3: OR"),
            ("OR a", "find: expected a term before 'OR' at column 1: OR"),
            ("a AND OR b", "find: expected a term after 'AND' at column 3: AND"),
            ("(a", "find: unclosed '(' at column 1: ("),
            ("a)", "find: unmatched ')' at column 2: )"),
            ("()", "find: empty parentheses at column 1: ()"),
            ("- a", "find: expected a term right after '-'"),
            ("a -", "find: expected a term right after '-'"),
            ("NOT", "find: expected a term after 'NOT' at column 1: NOT"),
            ("re:design", "find: unknown qualifier 're' at column 1: re:design"),
            ("c++:x", "find: unexpected ':' in a word (quote it to search titles for it: \"c++:x\") at column 1: c++:x"),
            ("", "find: empty query"),
            ("   ", "find: empty query"),
        ]
        for (query, expected) in cases {
            let message = failure(query)
            #expect(message?.contains(expected) == true, "\(query): \(message ?? "parsed")")
            #expect(message?.contains("\n") != true)
        }
    }
}
