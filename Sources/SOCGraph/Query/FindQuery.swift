/// A parsed `socgraph find` query: which detailed occupations to select.
///
/// The language, in full:
///
/// ```
/// query      := or-expr
/// or-expr    := and-expr ( "OR" and-expr )*
/// and-expr   := unary ( ["AND"] unary )*          (juxtaposition is AND; AND binds tighter than OR)
/// unary      := ( "-" | "NOT" ) unary | primary   (a "-" glued to the term it negates: -major:29)
/// primary    := "(" or-expr ")" | qualifier | word | "quoted phrase"
/// qualifier  := name op value                      (no spaces inside; quote a value that has spaces)
/// ```
///
/// | qualifier | operators | value | selects occupations … |
/// |---|---|---|---|
/// | `field:` | `:` | a field id, or a unique prefix of one (`field:semiconductors`) | aligned with that national-interest field at grade substantial or core |
/// | `education` | `: >= <= > <` | `none` `high-school` `some-college` `postsecondary-nondegree` `associate` `bachelor` `master` `doctoral` | by BLS typical entry education |
/// | `zone` | `: >= <= > <` | 1–5 | by O*NET Job Zone |
/// | `major:` `minor:` `broad:` | `:` | a group code (`15-1200`, `151200`) or a unique leading part of its digits (`major:15`, `minor:151`) | in that SOC group |
/// | `stem:` | `:` | `yes` `no` | on (or off) the STEM occupation list |
/// | `program:` | `:` | a CIP code `11.0102`, series `11.01` or family `11` | that a matching CIP program prepares for (NCES crosswalk) |
/// | `uses:` | `:` | a technology name, quoted if it has spaces (`uses:"Microsoft Excel"`) | whose technology examples include it (case-insensitive, whole words) |
/// | `wage` | `>= <= > <` | dollars a year (`100000`, `100,000`, `100k`) | by OEWS annual median wage |
/// | `growth` | `>= <= > <` | percent (`5`, `-2.5`, `5%`) | by projected employment change, percent |
///
/// A bare word matches occupations with a title (SOC, Direct Match or O*NET title) containing it, compared after
/// stemming (`engineers` finds `Engineer`); a "quoted phrase" needs its words consecutive within one title.
/// `AND`, `OR` and `NOT` are operators only in capitals. Occupations with no value for a comparison (no published
/// wage, say) never satisfy it, so `-wage>=100000` includes them. Errors name the column they were found at.
public struct FindQuery: Sendable, Equatable, CustomStringConvertible {
    /// The query as given.
    public let source: String
    public let expression: FindExpression

    /// Whether a term searches the titles (a word or a quoted phrase), for which the caller may pass the search
    /// index's words kept whole to `evaluate(in:separateForms:)`.
    public var searchesTitles: Bool {
        expression.terms.contains {
            switch $0 {
            case .word, .phrase: return true
            default: return false
            }
        }
    }

    /// Parses `source`; throws `SOCGraphError.invalidInput` naming the column of the first problem, or saying the
    /// query is longer than `maximumLength` characters or has more than `maximumTerms` terms.
    public init(parsing source: String) throws {
        guard source.count <= Self.maximumLength else {
            throw SOCGraphError.invalidInput("find: the query is \(source.count) characters long, over the limit of "
                                             + "\(Self.maximumLength); shorten it")
        }
        self.source = source
        var parser = try FindQueryParser(source)
        let terms = parser.tokens.count { $0.kind.isTerm }
        guard terms <= Self.maximumTerms else {
            throw SOCGraphError.invalidInput("find: the query has \(terms) terms, over the limit of "
                                             + "\(Self.maximumTerms); keep the qualifiers that select")
        }
        self.expression = try parser.parseQuery()
    }

    /// Bounds on a query, far beyond any written by hand, that keep every query fast: evaluation costs
    /// O(terms · occupations).
    public static let maximumLength = 2_000
    public static let maximumTerms = 100

    /// The canonical form of the query: fully parenthesised prefix notation, as the tests spell it.
    public var description: String { expression.description }
}

/// A node of a parsed `find` query.
public indirect enum FindExpression: Sendable, Equatable, CustomStringConvertible {
    /// A qualifier, word or phrase, with the 1-based column where it starts in the query.
    case term(FindTerm, column: Int)
    case not(FindExpression)
    case and([FindExpression])
    case or([FindExpression])

    /// Every term of the expression, in order.
    public var terms: [FindTerm] {
        switch self {
        case let .term(term, _): return [term]
        case let .not(inner): return inner.terms
        case let .and(operands), let .or(operands): return operands.flatMap(\.terms)
        }
    }

    public var description: String {
        switch self {
        case let .term(term, _): return term.description
        case let .not(expression): return "(not \(expression))"
        case let .and(operands): return "(and " + operands.map(\.description).joined(separator: " ") + ")"
        case let .or(operands): return "(or " + operands.map(\.description).joined(separator: " ") + ")"
        }
    }
}

/// A comparison in a qualifier: `:` is equality, the others compare.
public enum FindComparison: String, Sendable, Equatable, CaseIterable {
    case equal = ":"
    case atLeast = ">="
    case atMost = "<="
    case greater = ">"
    case less = "<"

    public func holds<T: Comparable>(_ lhs: T, _ rhs: T) -> Bool {
        switch self {
        case .equal: return lhs == rhs
        case .atLeast: return lhs >= rhs
        case .atMost: return lhs <= rhs
        case .greater: return lhs > rhs
        case .less: return lhs < rhs
        }
    }
}

/// The level of a SOC group named in `major:`, `minor:` or `broad:`.
public enum SOCGroupLevel: String, Sendable, Equatable, CaseIterable {
    case major, minor, broad
}

/// One condition of a `find` query.
public enum FindTerm: Sendable, Equatable, CustomStringConvertible {
    /// A national-interest field id or prefix, checked against the known fields when evaluated.
    case field(String)
    /// The grade `field:` terms ask for (`grade>=core`); without one they ask for substantial or core.
    case grade(FindComparison, AlignmentGrade)
    case education(FindComparison, EducationLevel)
    /// A Job Zone label as written (`4`, `1-2`), checked against the graph's zones when evaluated.
    case jobZone(FindComparison, String)
    /// An ISCO-08 group code or its first digits (`2512`, `25`): occupations the BLS crosswalks link to it.
    case isco(String)
    /// A SOC group: its digits without the hyphen, 2 to 6 of them (`15`, `151200`), resolved when evaluated.
    case group(SOCGroupLevel, String)
    case stem(Bool)
    /// A CIP code, series or family: `11.0102`, `11.01`, `11`.
    case program(String)
    case uses(String)
    case wage(FindComparison, Double)
    case growth(FindComparison, Double)
    case word(String)
    case phrase(String)

    public var description: String {
        switch self {
        case let .field(slug): return "field:\(slug)"
        case let .grade(comparison, grade): return "grade\(comparison.rawValue)\(grade.name)"
        case let .education(comparison, level): return "education\(comparison.rawValue)\(level.rawValue)"
        case let .jobZone(comparison, zone): return "zone\(comparison.rawValue)\(zone)"
        case let .isco(digits): return "isco:\(digits)"
        case let .group(level, digits): return "\(level.rawValue):\(digits)"
        case let .stem(flag): return "stem:\(flag ? "yes" : "no")"
        case let .program(cip): return "program:\(cip)"
        case let .uses(name): return name.contains(" ") ? "uses:\"\(name)\"" : "uses:\(name)"
        case let .wage(comparison, amount): return "wage\(comparison.rawValue)\(Format.number(amount))"
        case let .growth(comparison, percent): return "growth\(comparison.rawValue)\(Format.number(percent))"
        case let .word(word): return word
        case let .phrase(phrase): return "\"\(phrase)\""
        }
    }
}
