/// Reads the value of one `find` qualifier into a `FindTerm`, checking its shape and range.
struct FindQualifierParser {
    let name: String
    let comparison: FindComparison
    let value: String
    /// Column of the value in the query.
    let column: Int
    /// The whole qualifier as written.
    let text: String

    /// Accepted spellings of education levels besides the level ids.
    static let educationAliases: [String: EducationLevel] = [
        "highschool": .highSchool, "hs": .highSchool, "bachelors": .bachelor, "masters": .master,
        "doctorate": .doctoral, "phd": .doctoral, "postsecondary": .postsecondaryNondegree,
    ]

    func term() throws -> FindTerm {
        switch name {
        case "field":
            try requireEquality()
            let slug = value.lowercased()
            guard slug.allSatisfy({ ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "-" }) else {
                throw failure("expected a field id (letters, digits and hyphens) after 'field:'")
            }
            return .field(slug)
        case "grade":
            guard let grade = AlignmentGrade(name: value.lowercased()) else {
                throw failure("expected core, substantial or incidental after 'grade\(comparison.rawValue)'")
            }
            return .grade(comparison, grade)
        case "education":
            let key = value.lowercased()
            guard let level = EducationLevel(rawValue: key) ?? Self.educationAliases[key] else {
                let ids = EducationLevel.allCases.map(\.rawValue)
                let suggestion = FindSuggestions.closest(to: key, among: ids).first
                throw failure(
                    "unknown education level '\(value)' (one of \(ids.joined(separator: ", ")))",
                    suggestion: suggestion.map { "'\($0)'" })
            }
            return .education(comparison, level)
        case "zone":
            let parts = value.split(separator: "-", omittingEmptySubsequences: false)
            guard (1...2).contains(parts.count),
                  parts.allSatisfy({ $0.count == 1 && $0.allSatisfy { $0.isASCII && $0.isNumber } })
            else {
                throw failure("expected a job zone such as 4 or 1-2 after 'zone\(comparison.rawValue)'")
            }
            return .jobZone(comparison, value)
        case "isco":
            try requireEquality()
            guard (1...4).contains(value.count), value.allSatisfy({ $0.isASCII && $0.isNumber }) else {
                throw failure("expected an ISCO-08 code of 1 to 4 digits after 'isco:' (such as 2512)")
            }
            return .isco(value)
        case "major", "minor", "broad":
            try requireEquality()
            let digits = value.filter { $0 != "-" }
            guard (2...6).contains(digits.count), digits.allSatisfy({ $0.isASCII && $0.isNumber }),
                value.first != "-", value.last != "-"
            else {
                let example = ["major": "major:15", "minor": "minor:15-1200", "broad": "broad:15-1250"][name]!
                throw failure("expected a SOC group code after '\(name):', such as \(example)")
            }
            return .group(SOCGroupLevel(rawValue: name)!, digits)
        case "stem":
            try requireEquality()
            switch value.lowercased() {
            case "yes", "true", "y": return .stem(true)
            case "no", "false", "n": return .stem(false)
            default: throw failure("expected yes or no after 'stem:'")
            }
        case "program":
            try requireEquality()
            guard Self.isCIP(value) else {
                throw failure("expected a CIP code after 'program:', such as 11.0102, 11.01 or 11")
            }
            return .program(value)
        case "uses":
            try requireEquality()
            return .uses(value)
        case "wage":
            try requireOrder()
            guard let amount = Self.dollars(value) else {
                throw failure("expected a number after 'wage\(comparison.rawValue)', such as 100000 or 100k")
            }
            return .wage(comparison, amount)
        case "growth":
            try requireOrder()
            var number = value
            if number.hasSuffix("%") { number.removeLast() }
            guard let percent = Double(number), percent.isFinite, number.allSatisfy({ "+-.0123456789".contains($0) })
            else {
                throw failure("expected a percent after 'growth\(comparison.rawValue)', such as 5 or -2.5")
            }
            return .growth(comparison, percent)
        default:
            throw failure("unknown qualifier '\(name)'")
        }
    }

    func requireEquality() throws {
        guard comparison == .equal else {
            throw FindQueryParser.error(
                "'\(name)' takes ':' (\(name):VALUE), not '\(comparison.rawValue)'", column: column - comparison.rawValue.count,
                text: text)
        }
    }

    func requireOrder() throws {
        guard comparison != .equal else {
            throw FindQueryParser.error(
                "'\(name)' compares with >=, <=, > or <, such as \(name)>=\(name == "wage" ? "100000" : "5")",
                column: column - 1, text: text)
        }
    }

    func failure(_ problem: String, suggestion: String? = nil) -> SOCGraphError {
        FindQueryParser.error(problem, column: column, text: text, suggestion: suggestion)
    }

    /// `NN`, `NN.NN` or `NN.NNNN`.
    static func isCIP(_ value: String) -> Bool {
        let parts = value.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, parts[0].count == 2 else { return false }
        if parts.count == 2 && parts[1].count != 2 && parts[1].count != 4 { return false }
        return parts.allSatisfy { $0.allSatisfy { $0.isASCII && $0.isNumber } }
    }

    /// `100000`, `100,000`, `$100,000`, `100k`, `95.5k`.
    static func dollars(_ value: String) -> Double? {
        var text = value.lowercased().filter { $0 != "," && $0 != "_" }
        if text.hasPrefix("$") { text.removeFirst() }
        var multiplier = 1.0
        if text.hasSuffix("k") {
            multiplier = 1000
            text.removeLast()
        }
        guard !text.isEmpty, text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
            let number = Double(text), number.isFinite
        else { return nil }
        return number * multiplier
    }
}

/// Did-you-mean suggestions: the candidates nearest by edit distance, or starting with the word.
enum FindSuggestions {
    static func closest(to word: String, among candidates: [String], limit: Int = 1) -> [String] {
        let threshold = word.count <= 3 ? 1 : word.count < 9 ? 2 : 3
        var scored: [(candidate: String, distance: Int)] = []
        for candidate in candidates {
            // The distance is at least the difference in length: a far longer word is not measured.
            guard abs(word.count - candidate.count) <= threshold || candidate.hasPrefix(word) else { continue }
            let edits = distance(word, candidate)
            if edits <= threshold || (word.count >= 2 && candidate.hasPrefix(word)) {
                scored.append((candidate, edits))
            }
        }
        scored.sort { $0.distance != $1.distance ? $0.distance < $1.distance : $0.candidate < $1.candidate }
        return scored.prefix(limit).map(\.candidate)
    }

    /// Edit distance counting an insertion, deletion, substitution or swap of neighbours as one edit
    /// (optimal string alignment).
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
                }
            }
        }
        return table[a.count][b.count]
    }
}
