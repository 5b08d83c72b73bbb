import Foundation

/// What `find` needs to know about the graph; the graph implements it, tests use a small fake.
///
/// Every function takes a SOC detailed code from `occupationCodes`. "No value" is nil (or empty), never a default.
public protocol FindContext {
    /// Every SOC detailed code.
    var occupationCodes: [String] { get }
    /// Ids of the national-interest fields.
    var knownFields: Set<String> { get }
    /// Codes of the groups containing the occupation, such as `15-0000`, `15-1200`, `15-1250` for 15-1252.
    func majorGroup(of code: String) -> String?
    func minorGroup(of code: String) -> String?
    func broadGroup(of code: String) -> String?
    /// BLS typical education needed for entry.
    func typicalEducation(of code: String) -> EducationLevel?
    /// O*NET Job Zone as coded (2–5 since O*NET 30, 2 standing for "Job Zone 1-2").
    func jobZone(of code: String) -> Int?
    /// The graph's Job Zones: number → label (`2: "1-2"`, `3: "3"`).
    var jobZoneLabels: [Int: String] { get }
    /// Codes of the ISCO-08 groups the BLS crosswalks link to the occupation.
    func iscoGroups(of code: String) -> [String]
    /// Ids of the fields the occupation aligns with, with their grades.
    func fieldGrades(of code: String) -> [String: AlignmentGrade]
    /// Whether the occupation is on the STEM occupation list.
    func isSTEM(_ code: String) -> Bool
    /// CIP 2020 codes (`11.0102`) of the programs that prepare for the occupation.
    func programs(of code: String) -> [String]
    /// Names of the technology examples the occupation uses.
    func technologies(of code: String) -> [String]
    /// OEWS annual median wage, dollars.
    func annualMedianWage(of code: String) -> Double?
    /// Projected employment change, percent.
    func growthPercent(of code: String) -> Double?
    /// SOC title, Direct Match Titles and O*NET titles.
    func titles(of code: String) -> [String]
}

extension FindQuery {
    /// The detailed codes the query selects, sorted.
    ///
    /// Throws `SOCGraphError.invalidInput` for a field or SOC group that does not exist (with the column and the
    /// nearest valid ones) or a word too common to search for. Cost: one pass over the occupations per term.
    ///
    /// `separateForms` are the -ing and -ed words that are terms of their own (`SearchIndex.separateForms`): with them,
    /// `accounting` finds "Accountants and Auditors", not "Account Managers".
    public func evaluate(in context: some FindContext, separateForms: Set<String> = []) throws -> [String] {
        var evaluator = FindEvaluator(context: context, separateForms: separateForms)
        let terms = expression.terms
        let grades = terms.compactMap { term -> (FindComparison, AlignmentGrade)? in
            if case let .grade(comparison, grade) = term { return (comparison, grade) }
            return nil
        }
        if grades.count > 1 {
            throw SOCGraphError.invalidInput("find: give at most one grade qualifier (it applies to every field: term)")
        }
        if let grade = grades.first {
            guard terms.contains(where: { if case .field = $0 { return true } else { return false } }) else {
                throw SOCGraphError.invalidInput("find: 'grade\(grade.0.rawValue)\(grade.1.name)' qualifies field: "
                                                 + "terms; add one, such as field:artificial-intelligence")
            }
            evaluator.grade = grade
        }
        let resolved = try evaluator.resolve(expression)
        return context.occupationCodes.filter { evaluator.matches(resolved, code: $0) }.sorted()
    }
}

/// A query with its names resolved against the graph, ready to test occupations against.
indirect enum ResolvedFindExpression {
    case term(ResolvedFindTerm)
    case not(ResolvedFindExpression)
    case and([ResolvedFindExpression])
    case or([ResolvedFindExpression])
}

enum ResolvedFindTerm {
    case field(String)
    /// Matches every occupation: a grade qualifier only sets `FindEvaluator.grade`.
    case always
    case education(FindComparison, EducationLevel)
    case jobZone(FindComparison, Int)
    case isco(String)
    case group(SOCGroupLevel, String)
    case stem(Bool)
    case program(String)
    case uses(String)
    case wage(FindComparison, Double)
    case growth(FindComparison, Double)
    /// Stemmed terms that must appear consecutively in one title.
    case titleTerms([String])
}

struct FindEvaluator<Context: FindContext> {
    let context: Context
    /// The grade a field: term asks for: substantial or core unless the query says otherwise.
    var grade: (FindComparison, AlignmentGrade) = (.atLeast, .substantial)
    /// Stemmed terms of each occupation's titles, computed on first use.
    var titleTerms: [String: [[String]]] = [:]
    /// Each occupation's technology names in lower case, computed on first use.
    var technologyNames: [String: [String]] = [:]

    /// The -ing and -ed words kept apart from their base (`SearchIndex.separateForms`).
    let separateForms: Set<String>

    init(context: Context, separateForms: Set<String> = []) {
        self.context = context
        self.separateForms = separateForms
    }

    /// The terms of a title or a query word, as the search index makes them.
    func terms(_ text: String) -> [String] {
        SearchText.tokens(text).filter(SearchText.isMeaningful).map {
            SearchIndex.term($0, separateForms: separateForms)
        }
    }

    mutating func resolve(_ expression: FindExpression) throws -> ResolvedFindExpression {
        switch expression {
        case let .term(term, column): return .term(try resolve(term, column: column))
        case let .not(inner): return .not(try resolve(inner))
        case let .and(operands): return .and(try operands.map { try resolve($0) })
        case let .or(operands): return .or(try operands.map { try resolve($0) })
        }
    }

    mutating func resolve(_ term: FindTerm, column: Int) throws -> ResolvedFindTerm {
        switch term {
        case let .field(slug):
            return .field(try resolveField(slug, term: term, column: column))
        case .grade:
            return .always
        case let .group(level, digits):
            return .group(level, try resolveGroup(level, digits: digits, term: term, column: column))
        case let .word(word):
            return .titleTerms(try titleQueryTerms(word, term: term, column: column))
        case let .phrase(phrase):
            return .titleTerms(try titleQueryTerms(phrase, term: term, column: column))
        case let .education(comparison, level): return .education(comparison, level)
        case let .jobZone(comparison, label):
            return .jobZone(comparison, try resolveJobZone(label, comparison, term: term, column: column))
        case let .isco(digits):
            guard context.occupationCodes.contains(where: { code in
                context.iscoGroups(of: code).contains { $0.hasPrefix(digits) }
            }) else {
                throw FindQueryParser.error(
                    "no ISCO-08 group starting with \(digits) is crosswalked to a SOC 2018 occupation",
                    column: column, text: term.description)
            }
            return .isco(digits)
        case let .stem(flag): return .stem(flag)
        case let .program(cip): return .program(cip)
        case let .uses(name): return .uses(name.lowercased())
        case let .wage(comparison, amount): return .wage(comparison, amount)
        case let .growth(comparison, percent): return .growth(comparison, percent)
        }
    }

    /// The zone number of a Job Zone label of the graph. Since O*NET 30 zones 1 and 2 are one level, "1-2"
    /// (coded 2): `zone>=1` is then refused with that explanation rather than silently read as 1-2.
    func resolveJobZone(_ label: String, _ comparison: FindComparison, term: FindTerm, column: Int) throws -> Int {
        let labels = context.jobZoneLabels
        if let zone = labels.first(where: { $0.value == label })?.key { return zone }
        // The zone as coded: 2 is Job Zone 1-2.
        if let zone = Int(label), labels[zone] != nil { return zone }
        let known = labels.sorted { $0.key < $1.key }.map(\.value)
        let containing = labels.first { _, name in
            let bounds = name.split(separator: "-").compactMap { Int($0) }
            return bounds.count == 2 && Int(label).map { (bounds[0]...bounds[1]).contains($0) } == true
        }
        if let (zone, name) = containing {
            throw FindQueryParser.error(
                "this graph's O*NET has no Job Zone \(label): zones \(name) are one level, Job Zone \(name) (coded "
                    + "\(zone))", column: column, text: term.description,
                suggestion: "'zone\(comparison.rawValue)\(name)'")
        }
        throw FindQueryParser.error(
            "no Job Zone \(label) in this graph (its zones: \(known.joined(separator: ", ")))", column: column,
            text: term.description)
    }

    /// A field id, or a prefix of exactly one.
    func resolveField(_ slug: String, term: FindTerm, column: Int) throws -> String {
        let known = context.knownFields.sorted()
        if context.knownFields.contains(slug) { return slug }
        let prefixed = known.filter { $0.hasPrefix(slug) }
        if prefixed.count == 1 { return prefixed[0] }
        if prefixed.count > 1 {
            throw FindQueryParser.error(
                "field '\(slug)' is the start of several fields: \(prefixed.joined(separator: ", "))",
                column: column, text: term.description)
        }
        let suggestion = FindSuggestions.closest(to: slug, among: known).first
            ?? known.first { $0.contains(slug) }
        throw FindQueryParser.error(
            "unknown field '\(slug)'", column: column, text: term.description,
            suggestion: suggestion.map { "'\($0)'" } ?? "one of \(known.joined(separator: ", "))")
    }

    /// The code of the group whose digits are `digits` or start with them; exactly one must exist.
    func resolveGroup(_ level: SOCGroupLevel, digits: String, term: FindTerm, column: Int) throws -> String {
        var groups = Set<String>()
        for code in context.occupationCodes {
            let group: String?
            switch level {
            case .major: group = context.majorGroup(of: code)
            case .minor: group = context.minorGroup(of: code)
            case .broad: group = context.broadGroup(of: code)
            }
            if let group { groups.insert(group) }
        }
        let matching = groups.filter { $0.filter { $0 != "-" }.hasPrefix(digits) }.sorted()
        if matching.count == 1 { return matching[0] }
        if matching.count > 1 {
            let shown = matching.prefix(8).joined(separator: ", ") + (matching.count > 8 ? ", …" : "")
            throw FindQueryParser.error(
                "\(level.rawValue):\(digits) matches several \(level.rawValue) groups (\(shown)); give more digits",
                column: column, text: term.description)
        }
        let nearby = groups.filter { $0.prefix(2) == digits.prefix(2) }.sorted().prefix(5)
        throw FindQueryParser.error(
            "no \(level.rawValue) group \(Self.formatted(digits))", column: column, text: term.description,
            suggestion: nearby.isEmpty ? nil : nearby.joined(separator: ", "))
    }

    static func formatted(_ digits: String) -> String {
        digits.count > 2 ? digits.prefix(2) + "-" + digits.dropFirst(2) : digits
    }

    func titleQueryTerms(_ text: String, term: FindTerm, column: Int) throws -> [String] {
        let terms = terms(text)
        guard !terms.isEmpty else {
            let hint = text.lowercased() == "or" || text.lowercased() == "and" || text.lowercased() == "not"
                ? "; write \(text.uppercased()) in capitals to combine terms" : "; remove it"
            throw FindQueryParser.error(
                "'\(text)' is too common to search titles for\(hint)", column: column, text: term.description)
        }
        return terms
    }

    mutating func matches(_ expression: ResolvedFindExpression, code: String) -> Bool {
        switch expression {
        case let .term(term): return matches(term, code: code)
        case let .not(inner): return !matches(inner, code: code)
        case let .and(operands):
            for operand in operands where !matches(operand, code: code) { return false }
            return true
        case let .or(operands):
            for operand in operands where matches(operand, code: code) { return true }
            return false
        }
    }

    mutating func matches(_ term: ResolvedFindTerm, code: String) -> Bool {
        switch term {
        case let .field(id):
            guard let found = context.fieldGrades(of: code)[id] else { return false }
            return grade.0.holds(found, grade.1)
        case .always:
            return true
        case let .education(comparison, level):
            guard let education = context.typicalEducation(of: code) else { return false }
            return comparison.holds(education, level)
        case let .jobZone(comparison, zone):
            guard let jobZone = context.jobZone(of: code) else { return false }
            return comparison.holds(jobZone, zone)
        case let .isco(digits):
            return context.iscoGroups(of: code).contains { $0.hasPrefix(digits) }
        case let .group(level, group):
            switch level {
            case .major: return context.majorGroup(of: code) == group
            case .minor: return context.minorGroup(of: code) == group
            case .broad: return context.broadGroup(of: code) == group
            }
        case let .stem(flag):
            return context.isSTEM(code) == flag
        case let .program(cip):
            let prefix = cip.count == 2 ? cip + "." : cip
            return context.programs(of: code).contains { $0 == cip || $0.hasPrefix(prefix) }
        case let .uses(name):
            return technologies(of: code).contains { Self.containsWords($0, name) }
        case let .wage(comparison, amount):
            guard let wage = context.annualMedianWage(of: code) else { return false }
            return comparison.holds(wage, amount)
        case let .growth(comparison, percent):
            guard let growth = context.growthPercent(of: code) else { return false }
            return comparison.holds(growth, percent)
        case let .titleTerms(terms):
            return titles(of: code).contains { Self.containsRun(terms, in: $0) }
        }
    }

    mutating func technologies(of code: String) -> [String] {
        if let cached = technologyNames[code] { return cached }
        let names = context.technologies(of: code).map { $0.lowercased() }
        technologyNames[code] = names
        return names
    }

    mutating func titles(of code: String) -> [[String]] {
        if let cached = titleTerms[code] { return cached }
        let terms = context.titles(of: code).map(terms)
        titleTerms[code] = terms
        return terms
    }

    /// Whether `words` occurs in `text` with no letter or digit right before or after it.
    static func containsWords(_ text: String, _ words: String) -> Bool {
        guard !words.isEmpty, words.utf8.count <= text.utf8.count else { return false }
        var searchStart = text.startIndex
        while let range = text[searchStart...].firstRange(of: words) {
            let before = range.lowerBound == text.startIndex ? nil : text[text.index(before: range.lowerBound)]
            let after = range.upperBound == text.endIndex ? nil : text[range.upperBound]
            let isBoundary = { (character: Character?) in character.map { !$0.isLetter && !$0.isNumber } ?? true }
            if isBoundary(before) && isBoundary(after) { return true }
            searchStart = text.index(after: range.lowerBound)
        }
        return false
    }

    /// Whether `run` occurs consecutively in `terms`.
    static func containsRun(_ run: [String], in terms: [String]) -> Bool {
        guard run.count <= terms.count else { return false }
        return (0...(terms.count - run.count)).contains { start in
            run.indices.allSatisfy { terms[start + $0] == run[$0] }
        }
    }
}
