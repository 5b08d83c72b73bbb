/// The lexical side of DOT: identifiers, quoted strings, HTML-like labels and attribute lists.
///
/// Every string that reaches the DOT text goes through one of these functions.
enum DOTSyntax {
    /// A DOT attribute value: an escString (quoted when needed) or an HTML-like label (`<...>`).
    enum Value: Hashable, Sendable {
        case text(String)
        case html(String)
    }

    private static let keywords: Set<String> = ["node", "edge", "graph", "digraph", "subgraph", "strict"]

    /// `text` as a DOT ID: bare when it is a plain identifier (`[A-Za-z_][A-Za-z0-9_]*`, not a keyword),
    /// otherwise quoted with `quote`.
    static func id(_ text: String) -> String {
        isPlainIdentifier(text) ? text : quote(text)
    }

    static func isPlainIdentifier(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first == "_" || first.isASCIILetter else { return false }
        return text.unicodeScalars.allSatisfy { $0 == "_" || $0.isASCIILetter || ("0"..."9").contains($0) }
            && !keywords.contains(text.lowercased())
    }

    /// `text` as a double-quoted DOT string whose escString reading is `text` itself: `\` doubled first,
    /// then `"` escaped; a line break becomes `\n`; other control characters are dropped (a tab becomes a space).
    static func quote(_ text: String) -> String {
        var out = "\""
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\r": out += "\\n"
            case "\n": if !previousWasCR { out += "\\n" }
            case "\t": out += " "
            default:
                if isAllowed(scalar) { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }

    /// `text` as character data of an HTML-like label: `& < > " '` as entities, control characters
    /// (line breaks included: split lines yourself and join with `<BR/>`) dropped, a tab as a space.
    static func html(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n", "\r": out += " "
            default:
                if isAllowed(scalar) { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    /// Scalars that may appear in a label: no C0/C1 controls, no XML non-characters.
    private static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x20, 0x7F..<0xA0, 0xFFFE, 0xFFFF: return false
        default: return true
        }
    }

    /// An attribute list, `[a=1, b="x y"]`, sorted by name so the text is byte-stable; empty for no attributes.
    static func attributeList(_ attributes: [String: Value]) -> String {
        guard !attributes.isEmpty else { return "" }
        var out = "["
        for (index, item) in attributes.sorted(by: { $0.key < $1.key }).enumerated() {
            if index > 0 { out += ", " }
            out += item.key
            out += "="
            out += value(item.value)
        }
        out += "]"
        return out
    }

    static func value(_ value: Value) -> String {
        switch value {
        case let .text(text): return id(text)
        case let .html(markup): return "<" + markup + ">"
        }
    }

    /// Splits `text` into lines of at most `width` characters at spaces, cutting a word longer than a line
    /// after a `/` or `-` (else at the width, adding a hyphen); more than `maxLines` lines end with `…`.
    static func wrap(_ text: String, width: Int, maxLines: Int) -> [String] {
        precondition(width >= 4 && maxLines >= 1)
        var lines: [String] = []
        var current = ""
        var glued = false  // the last piece was cut from a longer word: the next one follows without a space
        for word in text.split(whereSeparator: { $0.isWhitespace }) {
            for (index, piece) in pieces(of: word, width: width).enumerated() {
                let separator = index > 0 && glued ? "" : " "
                if current.isEmpty {
                    current = piece
                } else if current.count + separator.count + piece.count <= width {
                    current += separator + piece
                } else {
                    lines.append(current)
                    current = piece
                }
                glued = true
            }
            glued = false
        }
        if !current.isEmpty { lines.append(current) }
        guard lines.count > maxLines else { return lines }
        var kept = Array(lines.prefix(maxLines))
        kept[maxLines - 1] = String(kept[maxLines - 1].prefix(width - 1)) + "\u{2026}"
        return kept
    }

    /// A word cut into pieces of at most `width` characters: after the last `/` or `-` in the second half
    /// of a line, else after `width - 1` characters with a hyphen added.
    private static func pieces(of word: Substring, width: Int) -> [String] {
        var out: [String] = []
        var rest = word
        while rest.count > width {
            let head = rest.prefix(width)
            if let mark = head.lastIndex(where: { $0 == "/" || $0 == "-" }),
                head.distance(from: head.startIndex, to: mark) >= width / 2
            {
                let end = head.index(after: mark)
                out.append(String(rest[..<end]))
                rest = rest[end...]
            } else {
                let end = rest.index(rest.startIndex, offsetBy: width - 1)
                out.append(String(rest[..<end]) + "-")
                rest = rest[end...]
            }
        }
        if !rest.isEmpty { out.append(String(rest)) }
        return out
    }
}

extension Unicode.Scalar {
    fileprivate var isASCIILetter: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) }
}
