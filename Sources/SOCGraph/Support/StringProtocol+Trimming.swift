extension StringProtocol {
    /// The text without leading and trailing white space and line breaks: the characters Foundation's
    /// `trimmingCharacters(in: .whitespacesAndNewlines)` removes (Unicode White_Space, and U+200B ZERO WIDTH
    /// SPACE), one Unicode scalar at a time.
    public var trimmed: String { trimming { $0.properties.isWhitespace || $0.value == 0x200B } }

    /// The text without leading and trailing spaces and tabs, keeping line breaks: Foundation's
    /// `trimmingCharacters(in: .whitespaces)` (space separators, tab and U+200B).
    public var trimmedSpaces: String {
        trimming { $0.properties.generalCategory == .spaceSeparator || $0 == "\t" || $0.value == 0x200B }
    }

    private func trimming(_ isTrimmed: (Unicode.Scalar) -> Bool) -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !isTrimmed($0) }),
              let last = scalars.lastIndex(where: { !isTrimmed($0) })
        else { return "" }
        return String(String.UnicodeScalarView(scalars[first...last]))
    }
}

extension String {
    /// The text with every line feed (U+000A) replaced by `replacement`, the one of a CR LF pair too, as
    /// Foundation's `replacingOccurrences(of: "\n", with:)` does (the standard library's `replacing` compares
    /// whole characters, and CR LF is one). Foundation leaves some line feeds followed by a combining mark.
    public func replacingLineFeeds(with replacement: String) -> String {
        guard unicodeScalars.contains("\n") else { return self }
        var out = String.UnicodeScalarView()
        for scalar in unicodeScalars {
            if scalar == "\n" { out.append(contentsOf: replacement.unicodeScalars) } else { out.append(scalar) }
        }
        return String(out)
    }
}
