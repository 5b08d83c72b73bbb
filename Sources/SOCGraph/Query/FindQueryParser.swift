/// One lexical token of a `find` query, with the 1-based column where it starts.
struct FindToken: Equatable {
    enum Kind: Equatable {
        case word(String)
        case phrase(String)
        case qualifier(name: String, comparison: FindComparison, value: String, valueColumn: Int)
        case openParenthesis, closeParenthesis, not, and, or

        /// A qualifier, a word or a quoted phrase: what the query selects by.
        var isTerm: Bool {
            switch self {
            case .word, .phrase, .qualifier: return true
            default: return false
            }
        }
    }

    var kind: Kind
    var column: Int
    /// The token as written, for messages.
    var text: String
}

/// Splits a `find` query into tokens.
struct FindQueryLexer {
    let characters: [Character]
    var position = 0

    init(_ source: String) { characters = Array(source) }

    static let qualifierNames = [
        "field", "grade", "education", "zone", "isco", "major", "minor", "broad", "stem", "program", "uses", "wage",
        "growth",
    ]

    mutating func tokens() throws -> [FindToken] {
        var tokens: [FindToken] = []
        while true {
            while position < characters.count && characters[position].isWhitespace { position += 1 }
            guard position < characters.count else { return tokens }
            let start = position
            let character = characters[position]
            switch character {
            case "(":
                position += 1
                tokens.append(FindToken(kind: .openParenthesis, column: start + 1, text: "("))
            case ")":
                position += 1
                tokens.append(FindToken(kind: .closeParenthesis, column: start + 1, text: ")"))
            case "\"":
                let phrase = try quoted()
                guard !phrase.trimmingWhitespace.isEmpty else {
                    throw FindQueryParser.error("empty phrase", column: start + 1, text: "\"\"")
                }
                tokens.append(FindToken(kind: .phrase(phrase), column: start + 1, text: text(from: start)))
            case "-":
                position += 1
                guard position < characters.count, !characters[position].isWhitespace, characters[position] != ")" else {
                    throw FindQueryParser.error(
                        "expected a term right after '-' (write -major:29 to exclude)", column: start + 1, text: "-")
                }
                tokens.append(FindToken(kind: .not, column: start + 1, text: "-"))
            default:
                tokens.append(try bare())
            }
        }
    }

    /// Reads a quoted string starting at the current `"`; the position ends after the closing quote.
    mutating func quoted() throws -> String {
        let start = position
        position += 1
        var value = ""
        while position < characters.count && characters[position] != "\"" {
            value.append(characters[position])
            position += 1
        }
        guard position < characters.count else {
            throw FindQueryParser.error("unclosed quote", column: start + 1, text: text(from: start))
        }
        position += 1
        return value
    }

    /// A word, an operator word or a qualifier.
    mutating func bare() throws -> FindToken {
        let start = position
        while position < characters.count && characters[position].isLetter && characters[position].isASCII {
            position += 1
        }
        let name = String(characters[start..<position])
        if !name.isEmpty, let comparison = comparisonHere() {
            position += comparison.rawValue.count
            return try qualifier(name: name, comparison: comparison, start: start)
        }
        while position < characters.count && !Self.endsBareWord(characters[position]) { position += 1 }
        let word = String(characters[start..<position])
        switch word {
        case "OR": return FindToken(kind: .or, column: start + 1, text: word)
        case "AND": return FindToken(kind: .and, column: start + 1, text: word)
        case "NOT": return FindToken(kind: .not, column: start + 1, text: word)
        default: break
        }
        if let operatorIndex = word.firstIndex(where: { $0 == ":" || $0 == ">" || $0 == "<" || $0 == "=" }) {
            throw FindQueryParser.error(
                "unexpected '\(word[operatorIndex])' in a word (quote it to search titles for it: \"\(word)\")",
                column: start + 1, text: word)
        }
        return FindToken(kind: .word(word), column: start + 1, text: word)
    }

    mutating func qualifier(name: String, comparison: FindComparison, start: Int) throws -> FindToken {
        let lowered = name.lowercased()
        guard Self.qualifierNames.contains(lowered) else {
            while position < characters.count && !characters[position].isWhitespace { position += 1 }
            let suggestion = FindSuggestions.closest(to: lowered, among: Self.qualifierNames).first
            throw FindQueryParser.error(
                "unknown qualifier '\(name)'", column: start + 1, text: text(from: start),
                suggestion: suggestion.map { "'\($0)'" })
        }
        let valueStart = position
        var value: String
        if position < characters.count && characters[position] == "\"" {
            value = try quoted()
        } else {
            while position < characters.count && !Self.endsBareWord(characters[position]) { position += 1 }
            value = String(characters[valueStart..<position])
        }
        guard !value.trimmingWhitespace.isEmpty else {
            throw FindQueryParser.error(
                "expected a value after '\(name)\(comparison.rawValue)'", column: valueStart + 1,
                text: text(from: start))
        }
        value = value.trimmingWhitespace
        return FindToken(
            kind: .qualifier(name: lowered, comparison: comparison, value: value, valueColumn: valueStart + 1),
            column: start + 1, text: text(from: start))
    }

    /// The comparison operator at the current position, if any (longest first).
    func comparisonHere() -> FindComparison? {
        guard position < characters.count else { return nil }
        let next = position + 1 < characters.count ? characters[position + 1] : nil
        switch characters[position] {
        case ":", "=": return .equal
        case ">": return next == "=" ? .atLeast : .greater
        case "<": return next == "=" ? .atMost : .less
        default: return nil
        }
    }

    static func endsBareWord(_ character: Character) -> Bool {
        character.isWhitespace || character == "(" || character == ")" || character == "\""
    }

    func text(from start: Int) -> String { String(characters[start..<min(position, characters.count)]) }
}

/// Recursive-descent parser of the `find` language (grammar in `FindQuery`).
struct FindQueryParser {
    let tokens: [FindToken]
    let source: String
    var index = 0
    /// Open parentheses and negations around the current position; bounded so no input exhausts the stack.
    var depth = 0
    static let maximumDepth = 64

    init(_ source: String) throws {
        self.source = source
        var lexer = FindQueryLexer(source)
        tokens = try lexer.tokens()
    }

    mutating func parseQuery() throws -> FindExpression {
        guard !tokens.isEmpty else {
            throw SOCGraphError.invalidInput(
                "find: empty query; give qualifiers or words, such as field:artificial-intelligence education>=master")
        }
        let expression = try parseOr()
        if index < tokens.count {
            let token = tokens[index]
            if token.kind == .closeParenthesis {
                throw Self.error("unmatched ')'", column: token.column, text: ")")
            }
            throw Self.error("unexpected '\(token.text)'", column: token.column, text: token.text)
        }
        return expression
    }

    mutating func parseOr() throws -> FindExpression {
        var operands = [try parseAnd()]
        while index < tokens.count, tokens[index].kind == .or {
            let or = tokens[index]
            index += 1
            guard index < tokens.count, startsTerm(tokens[index]) else {
                throw Self.error("expected a term after 'OR'", column: or.column, text: "OR")
            }
            operands.append(try parseAnd())
        }
        return operands.count == 1 ? operands[0] : .or(operands)
    }

    mutating func parseAnd() throws -> FindExpression {
        var operands = [try parseUnary()]
        while index < tokens.count {
            let token = tokens[index]
            if token.kind == .and {
                index += 1
                guard index < tokens.count, startsTerm(tokens[index]) else {
                    throw Self.error("expected a term after 'AND'", column: token.column, text: "AND")
                }
            } else if !startsTerm(token) {
                break
            }
            operands.append(try parseUnary())
        }
        return operands.count == 1 ? operands[0] : .and(operands)
    }

    mutating func parseUnary() throws -> FindExpression {
        guard index < tokens.count else {
            let column = (tokens.last?.column ?? 0) + (tokens.last?.text.count ?? 0)
            throw Self.error("expected a term at the end", column: column, text: source)
        }
        let token = tokens[index]
        if token.kind == .not || token.kind == .openParenthesis {
            depth += 1
            guard depth <= Self.maximumDepth else {
                throw Self.error(
                    "parentheses and negations nested more than \(Self.maximumDepth) deep", column: token.column,
                    text: token.text)
            }
        }
        defer { if token.kind == .not || token.kind == .openParenthesis { depth -= 1 } }
        if token.kind == .not {
            index += 1
            guard index < tokens.count, startsTerm(tokens[index]) else {
                throw Self.error("expected a term after '\(token.text)'", column: token.column, text: token.text)
            }
            return .not(try parseUnary())
        }
        return try parsePrimary()
    }

    mutating func parsePrimary() throws -> FindExpression {
        let token = tokens[index]
        index += 1
        switch token.kind {
        case .openParenthesis:
            guard index < tokens.count, startsTerm(tokens[index]) else {
                if index < tokens.count, tokens[index].kind == .closeParenthesis {
                    throw Self.error("empty parentheses", column: token.column, text: "()")
                }
                throw Self.error("expected a term after '('", column: token.column, text: "(")
            }
            let inner = try parseOr()
            guard index < tokens.count, tokens[index].kind == .closeParenthesis else {
                throw Self.error("unclosed '('", column: token.column, text: "(")
            }
            index += 1
            return inner
        case let .word(word):
            return .term(.word(word), column: token.column)
        case let .phrase(phrase):
            return .term(.phrase(phrase.trimmingWhitespace), column: token.column)
        case let .qualifier(name, comparison, value, valueColumn):
            let term = try FindQualifierParser(
                name: name, comparison: comparison, value: value, column: valueColumn, text: token.text
            ).term()
            return .term(term, column: token.column)
        case .closeParenthesis:
            throw Self.error("unmatched ')'", column: token.column, text: ")")
        case .and, .or:
            throw Self.error("expected a term before '\(token.text)'", column: token.column, text: token.text)
        case .not:
            throw Self.error("expected a term after '\(token.text)'", column: token.column, text: token.text)
        }
    }

    func startsTerm(_ token: FindToken) -> Bool {
        switch token.kind {
        case .word, .phrase, .qualifier, .openParenthesis, .not: return true
        case .closeParenthesis, .and, .or: return false
        }
    }

    /// The one-line error of the `find` language: `find: PROBLEM at column N: TEXT (did you mean X?)`.
    static func error(_ problem: String, column: Int, text: String, suggestion: String? = nil) -> SOCGraphError {
        let hint = suggestion.map { " (did you mean \($0)?)" } ?? ""
        return .invalidInput("find: \(problem) at column \(column): \(text)\(hint)")
    }
}
