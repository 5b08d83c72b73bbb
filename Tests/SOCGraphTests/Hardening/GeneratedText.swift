import Foundation

/// Seeded random text for robustness tests: the same strings on every run, built from pieces that stress code
/// normalisation, title matching and search (digits, dashes, dots, letters, other scripts, invisible and
/// control characters, whitespace of every kind, NUL), sometimes very long.
struct GeneratedText {
    static let pieces: [String] = [
        // Code-like
        "15", "-", "2051", ".", "00", "01", "152051", "15-2051", "15-2051.00", "15-2051.01", "15-0000", "1", "0",
        "9", "99-9999", "11.0102", "11.", "..", "--", "-.", "0000000", "123456789", "15–2051", "15‐2051",
        "１５", "٥", "१५", "½", "Ⅻ", "+", "e5", "0x1F", "1e308",
        // Words and titles
        "Data Scientists", "data scientist", "SOFTWARE", "developers", "nurse", "the", "and", "of",
        "artificial-intelligence", "Artificial Intelligence", "bachelor", "job-zone-4", "stem", "Microsoft Excel",
        "a", "Z", "é", "e\u{301}", "ß", "İ", "ﬁ", "日本語", "中文", "한국어", "Ελληνικά", "кириллица",
        "مطورو", "עברית", "😀", "👩‍💻", "🏳️‍🌈", "\u{FE0F}",
        // Quotes and markup
        "'", "\"", "’", "\\", "<script>", "&amp;", "%s", "%n", "$(", "`", "{", "}", "[", "]", ";", "|", "*", "?",
        // Whitespace, invisible and control characters
        " ", "  ", "\t", "\n", "\r", "\r\n", "\u{A0}", "\u{2028}", "\u{2029}", "\u{85}", "\u{200B}", "\u{FEFF}",
        "\u{202E}", "\u{2066}", "\u{0}", "\u{1B}[31m", "\u{7}", "\u{7F}", "\u{9B}", "\u{FFFD}", "\u{FFFF}",
    ]

    var generator: SeededGenerator

    init(seed: UInt64) {
        generator = SeededGenerator(state: seed)
    }

    /// One string: usually a few pieces; one time in fifty a very long one (a thousand to a hundred thousand
    /// characters of one piece or of random pieces).
    mutating func next() -> String {
        if Int.random(in: 0..<50, using: &generator) == 0 {
            let length = Int.random(in: 1_000...100_000, using: &generator)
            if Bool.random(using: &generator) {
                let piece = Self.pieces.randomElement(using: &generator)!
                return String(repeating: piece, count: max(1, length / max(1, piece.count)))
            }
            return (0..<(length / 8)).map { _ in Self.pieces.randomElement(using: &generator)! }.joined()
        }
        let count = Int.random(in: 0...8, using: &generator)
        return (0..<count).map { _ in Self.pieces.randomElement(using: &generator)! }.joined()
    }
}

extension String {
    /// True when the text holds no line break of any kind and no other control character (it prints as one line
    /// and cannot restyle a terminal).
    var isOneSafeLine: Bool {
        !unicodeScalars.contains { scalar in
            switch scalar.value {
            case 0..<0x20, 0x7F..<0xA0, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: return true
            default: return false
            }
        }
    }
}
