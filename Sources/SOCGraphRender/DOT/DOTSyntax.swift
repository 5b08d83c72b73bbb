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
        var utf8 = text.utf8.makeIterator()
        guard let first = utf8.next(), first.isASCIILetterOrUnderscore else { return false }
        while let byte = utf8.next() {
            guard byte.isASCIILetterOrUnderscore || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
            else { return false }
        }
        // The keywords are 4 to 8 letters long; only those lengths need the (allocating) comparison.
        return !(4...8).contains(text.utf8.count) || !keywords.contains(text.lowercased())
    }

    /// `text` as a double-quoted DOT string whose escString reading is `text` itself: `\` doubled first,
    /// then `"` escaped; a line break becomes `\n`; other control characters are dropped (a tab becomes a space).
    static func quote(_ text: String) -> String {
        text.utf8.allSatisfy(\.isPlainPrintableASCII) ? "\"" + text + "\"" : quoteScalars(text)
    }

    /// `quote` scalar by scalar (what it does for text that is not plain printable ASCII).
    static func quoteScalars(_ text: String) -> String {
        var out = "\""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count + 2)
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
        text.utf8.allSatisfy({ $0.isPlainPrintableASCII && !$0.isHTMLSpecial }) ? text : htmlScalars(text)
    }

    /// `html` scalar by scalar (what it does for text with characters to replace or drop).
    static func htmlScalars(_ text: String) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
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
        out.reserveCapacity(attributes.count * 24)
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
        return text.utf8.allSatisfy({ $0 < 0x80 })
            ? wrapASCII(Array(text.utf8), width: width, maxLines: maxLines)
            : wrapCharacters(text, width: width, maxLines: maxLines)
    }

    /// `wrap` character by character (what it does for text that is not ASCII).
    static func wrapCharacters(_ text: String, width: Int, maxLines: Int) -> [String] {
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

    /// `wrap` for ASCII text, where a character is a byte: the same lines, without grapheme breaking.
    static func wrapASCII(_ bytes: [UInt8], width: Int, maxLines: Int) -> [String] {
        var lines: [String] = []
        var current: [UInt8] = []
        current.reserveCapacity(width + 1)
        var start = 0
        while start < bytes.count {
            guard !bytes[start].isASCIIWhitespace else {
                start += 1
                continue
            }
            var end = start
            while end < bytes.count, !bytes[end].isASCIIWhitespace { end += 1 }
            var glued = false  // as in `wrap`
            var rest = start
            while rest < end {
                // The next piece of the word, as `pieces(of:width:)` cuts it.
                var piece: ArraySlice<UInt8>
                var hyphen = false
                if end - rest > width {
                    let head = bytes[rest..<rest + width]
                    if let mark = head.lastIndex(where: { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "-") }),
                       mark - rest >= width / 2 {
                        piece = bytes[rest...mark]
                    } else {
                        piece = bytes[rest..<rest + width - 1]
                        hyphen = true
                    }
                } else {
                    piece = bytes[rest..<end]
                }
                rest = piece.endIndex
                let pieceCount = piece.count + (hyphen ? 1 : 0)
                let separator = glued ? 0 : 1
                if current.isEmpty {
                    current.append(contentsOf: piece)
                } else if current.count + separator + pieceCount <= width {
                    if separator == 1 { current.append(UInt8(ascii: " ")) }
                    current.append(contentsOf: piece)
                } else {
                    lines.append(String(decoding: current, as: UTF8.self))
                    current.removeAll(keepingCapacity: true)
                    current.append(contentsOf: piece)
                }
                if hyphen { current.append(UInt8(ascii: "-")) }
                glued = true
            }
            start = end
        }
        if !current.isEmpty { lines.append(String(decoding: current, as: UTF8.self)) }
        guard lines.count > maxLines else { return lines }
        var kept = Array(lines.prefix(maxLines))
        kept[maxLines - 1] = String(decoding: kept[maxLines - 1].utf8.prefix(width - 1), as: UTF8.self) + "\u{2026}"
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

extension UInt8 {
    fileprivate var isASCIILetterOrUnderscore: Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(self) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(self)
            || self == UInt8(ascii: "_")
    }

    /// A printable ASCII character that a quoted DOT string holds as itself (not `\` or `"`).
    fileprivate var isPlainPrintableASCII: Bool {
        (0x20...0x7E).contains(self) && self != UInt8(ascii: "\\") && self != UInt8(ascii: "\"")
    }

    /// `& < > '` (and `"`, which `isPlainPrintableASCII` excludes): written as entities in HTML-like labels.
    fileprivate var isHTMLSpecial: Bool {
        self == UInt8(ascii: "&") || self == UInt8(ascii: "<") || self == UInt8(ascii: ">") || self == UInt8(ascii: "'")
    }

    /// What `Character.isWhitespace` calls whitespace among ASCII characters: tab, line feed, vertical tab, form
    /// feed, carriage return and space.
    fileprivate var isASCIIWhitespace: Bool {
        (0x09...0x0D).contains(self) || self == 0x20
    }
}
