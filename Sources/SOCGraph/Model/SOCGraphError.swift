/// Every failure socgraph reports, each case carrying the file, line, code or value at fault.
///
/// `exitStatus` is the documented exit status of the CLI: 1 a query found nothing, 2 bad usage or input,
/// 3 damaged graph data, 4 a failure writing or rendering output.
public enum SOCGraphError: Error, CustomStringConvertible, Equatable, Sendable {
    /// A code or title that does not name any node; `suggestions` are the nearest valid codes with titles.
    case unknownCode(String, suggestions: [String])
    /// A code that is not of any accepted shape (`15-2051`, `152051`, `15-2051.00`, an exact title).
    case malformedCode(String, suggestions: [String])
    /// A node id given to a query that takes another kind (for example a CIP code where a field is expected).
    case unknownNode(String, kind: String, suggestions: [String])
    /// A query that ran but found nothing; the message says what was looked for.
    case nothingFound(String)
    /// Bad input that is not a code: a malformed qualifier, an option out of range, an unreadable input file.
    case invalidInput(String)
    /// One or more problems in Graph/ data, each with its file and line.
    case damagedGraph([Diagnostic])
    /// An official source file that is missing or not as documented (file, sheet, row, column).
    case sourceProblem(String)
    /// Writing an output file or rendering a diagram failed; nothing at the destination was changed.
    case outputFailed(String)

    public var exitStatus: Int32 {
        switch self {
        case .nothingFound: return 1
        case .unknownCode, .malformedCode, .unknownNode, .invalidInput: return 2
        case .damagedGraph, .sourceProblem: return 3
        case .outputFailed: return 4
        }
    }

    public var description: String {
        switch self {
        case let .unknownCode(code, suggestions):
            return "unknown code '\(code)'" + Self.suggesting(suggestions)
        case let .malformedCode(code, suggestions):
            return "malformed code '\(code)': expected a SOC code such as 15-2051, 152051 or 15-2051.00, "
                + "or an exact occupation title" + Self.suggesting(suggestions)
        case let .unknownNode(id, kind, suggestions):
            return "unknown \(kind) '\(id)'" + Self.suggesting(suggestions)
        case let .nothingFound(what):
            return what
        case let .invalidInput(message):
            return message
        case let .damagedGraph(diagnostics):
            if diagnostics.count == 1 { return "damaged graph data: \(diagnostics[0])" }
            return "damaged graph data (\(diagnostics.count) problems): \(diagnostics[0]) (run 'socgraph check' for all)"
        case let .sourceProblem(message):
            return message
        case let .outputFailed(message):
            return message
        }
    }

    static func suggesting(_ suggestions: [String]) -> String {
        suggestions.isEmpty ? "" : "; did you mean " + suggestions.joined(separator: ", ") + "?"
    }
}

/// One problem found in a Graph/ file: where it is and what is wrong.
public struct Diagnostic: CustomStringConvertible, Equatable, Hashable, Sendable, Comparable {
    /// The file, relative to the graph directory (for example `soc.tsv`).
    public var file: String
    /// 1-based line number; 0 when the problem concerns the whole file.
    public var line: Int
    public var message: String

    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String {
        line > 0 ? "\(file):\(line): \(message)" : "\(file): \(message)"
    }

    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        (lhs.file, lhs.line, lhs.message) < (rhs.file, rhs.line, rhs.message)
    }
}
