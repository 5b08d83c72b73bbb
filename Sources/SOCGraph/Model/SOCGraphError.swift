/// Every failure socgraph reports, each case carrying the file, line, code or value at fault.
///
/// `exitStatus` is the documented exit status of the CLI: 1 a query found nothing, 2 bad usage or input,
/// 3 damaged graph data or a source file not as the manifest pins it, 4 a failure writing or rendering output,
/// 5 a download that failed (no network, a refused or broken transfer).
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
    /// The problems of one of several graphs a command reads (`diff` reads an old and a new one), named by its role
    /// (`old`, `new`) and its directory as given.
    case damagedGraphIn(role: String, directory: String, [Diagnostic])
    /// A download that could not be completed: the address, and why (no network, an HTTP error, a broken transfer).
    case downloadFailed(String)

    public var exitStatus: Int32 {
        switch self {
        case .nothingFound: return 1
        case .unknownCode, .malformedCode, .unknownNode, .invalidInput: return 2
        case .damagedGraph, .damagedGraphIn, .sourceProblem: return 3
        case .outputFailed: return 4
        case .downloadFailed: return 5
        }
    }

    /// One line, whatever the values carry: control characters, line and paragraph separators and bidirectional
    /// formatting characters are shown escaped (`\n`, `\u{1B}`), so a message can neither break a line nor
    /// restyle or reorder a terminal.
    public var description: String {
        Self.singleLine(message)
    }

    private var message: String {
        switch self {
        case let .unknownCode(code, suggestions):
            return "unknown code \(Self.quoted(code))" + Self.suggesting(suggestions)
        case let .malformedCode(code, suggestions):
            return "malformed code \(Self.quoted(code)): expected a SOC code such as 15-2051, 152051 or 15-2051.00, "
                + "or an exact occupation title" + Self.suggesting(suggestions)
        case let .unknownNode(id, kind, suggestions):
            return "unknown \(kind) \(Self.quoted(id))" + Self.suggesting(suggestions)
        case let .nothingFound(what):
            return what
        case let .invalidInput(message):
            return message
        case let .damagedGraph(diagnostics):
            if diagnostics.count == 1 { return "damaged graph data: \(diagnostics[0])" }
            return "damaged graph data (\(diagnostics.count) problems): \(diagnostics[0]) (run 'socgraph check' for all)"
        case let .damagedGraphIn(role, directory, diagnostics):
            let graph = "damaged graph data in the \(role) graph \(Self.quoted(directory))"
            if diagnostics.count == 1 { return "\(graph): \(diagnostics[0])" }
            return "\(graph) (\(diagnostics.count) problems): \(diagnostics[0]) (run 'socgraph check --graph "
                + "\(directory)' for all)"
        case let .sourceProblem(message):
            return message
        case let .outputFailed(message):
            return message
        case let .downloadFailed(message):
            return message
        }
    }

    static func suggesting(_ suggestions: [String]) -> String {
        suggestions.isEmpty ? "" : "; did you mean " + suggestions.joined(separator: ", ") + "?"
    }

    /// The longest user value a message repeats in full; longer ones are cut, saying how long they were.
    static let quotedLimit = 60

    /// `'value'` for a message: at most `quotedLimit` characters, then `…' (N characters)`.
    public static func quoted(_ value: String) -> String {
        guard value.count > quotedLimit else { return "'\(value)'" }
        return "'\(value.prefix(quotedLimit))…' (\(value.count) characters)"
    }

    /// `text` on one line, safe to print on a terminal: C0 and C1 control characters (tab included), DEL, line
    /// and paragraph separators and bidirectional formatting characters become escapes (`\n`, `\t`, `\u{1B}`).
    public static func singleLine(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count + 8)
        for scalar in text.unicodeScalars {
            guard needsEscape(scalar) else { out.unicodeScalars.append(scalar); continue }
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default: out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            }
        }
        return out
    }

    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x20, 0x7F..<0xA0: return true  // C0, DEL, C1 (NEL included)
        case 0x2028, 0x2029: return true  // line and paragraph separators
        case 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x061C: return true  // bidirectional formatting
        case 0x200B, 0x2060, 0xFEFF: return true  // invisible: zero-width space, word joiner, byte order mark
        default: return false
        }
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

    /// `file:line: message` on one terminal-safe line (`SOCGraphError.singleLine`); a message longer than
    /// `descriptionLimit` characters (a whole line of garbage quoted as a header) keeps its start and end.
    public var description: String {
        var text = SOCGraphError.singleLine(message)
        if text.count > Self.descriptionLimit {
            let half = Self.descriptionLimit / 2
            text = text.prefix(half) + " … " + text.suffix(half)
        }
        return line > 0 ? "\(file):\(line): \(text)" : "\(file): \(text)"
    }

    static let descriptionLimit = 400

    /// By file in load order (a file before the files that refer to it, so that the first problem listed is the
    /// likeliest cause of the others: a broken soc.tsv before the unknown codes it leaves elsewhere; files the
    /// loader does not know last, by name), then line, then message.
    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        (lhs.fileRank, lhs.file, lhs.line, lhs.message) < (rhs.fileRank, rhs.file, rhs.line, rhs.message)
    }

    private var fileRank: Int {
        GraphFile.all.firstIndex { $0.name == file } ?? GraphFile.all.count
    }
}
