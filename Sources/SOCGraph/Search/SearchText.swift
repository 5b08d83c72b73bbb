import Foundation

/// How search splits text into terms: tokens, stop words and stems, the same for documents and queries.
///
/// - Text is folded to lower case without diacritics and split on every character that is not a letter or digit.
/// - Programming names stay whole: a run of `+` or `#` right after a letter is part of the word (`c++`, `c#`, `f#`);
///   `.NET` is kept as `.net` wherever it appears (`.NET Developer`, `ASP.NET`, `Visual Basic.NET` all give
///   `.net`; `dotnet` is read the same way). Other dots separate words (`Node.js` → `node`, `js`).
/// - An apostrophe inside a word is dropped (`don't` → `dont`); a possessive `'s` is dropped with it.
/// - A stop word written in capitals is an acronym and is kept (`IT`, `IS`, `OR` as in `OR RN`); `it` in lower case
///   is a stop word.
/// - Stop words are common English function words (`the`, `of`, `and`, `all`, `other`, …). Job-title words such as
///   `manager`, `engineer` or `specialist` are not stop words: their rarity decides their weight.
/// - What remains is stemmed for inflection only (`PorterStemmer.inflectionalStem`); words holding digits or
///   symbols are kept as they are.
public enum SearchText {
    /// One word of a text, lower-cased, before stop words and stemming.
    public struct Token: Equatable, Sendable {
        public var text: String
        public init(text: String, protected: Bool) {
            self.text = text
            self.protected = protected
        }
        /// A word kept even though its lower-case form is a stop word (an acronym in capitals such as `IT`).
        public var protected: Bool
    }

    /// Common English function words that carry no meaning in a title or duty statement.
    public static let stopWords: Set<String> = [
        "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as",
        "at", "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could",
        "did", "do", "does", "doing", "down", "during", "e", "each", "eg", "etc", "except", "few", "for", "from",
        "further", "g", "had", "has", "have", "having", "he", "her", "here", "hers", "him", "his", "how", "i", "ie",
        "if", "in", "include", "includes", "including", "into", "is", "it", "its", "itself", "just", "may", "me",
        "more", "most", "my", "no", "nor", "not", "now", "of", "off", "on", "once", "only", "or", "other", "others",
        "our", "out", "over", "own", "same", "she", "should", "so", "some", "such", "than", "that", "the", "their",
        "them", "then", "there", "these", "they", "this", "those", "through", "to", "too", "under", "until", "up",
        "upon", "use", "using", "very", "was", "we", "were", "what", "when", "where", "which", "while", "who",
        "whom", "why", "will", "with", "within", "would", "you", "your",
    ]

    /// Splits `text` into lower-case tokens (see the type's documentation for the rules), after folding diacritics
    /// and half- and full-width forms.
    public static func tokens(_ text: String) -> [Token] {
        let folded = text.folding(options: [.diacriticInsensitive, .widthInsensitive], locale: nil)
        let scalars = Array(folded.unicodeScalars)
        var tokens: [Token] = []
        var current = String.UnicodeScalarView()
        var upperCaseOnly = true

        func flush() {
            guard !current.isEmpty else { return }
            let word = String(current)
            if word == "dotnet" {
                tokens.append(Token(text: ".net", protected: false))
            } else {
                tokens.append(Token(text: word, protected: upperCaseOnly && word.count >= 2 && stopWords.contains(word)))
            }
            current = String.UnicodeScalarView()
            upperCaseOnly = true
        }

        var i = 0
        while i < scalars.count {
            let scalar = scalars[i]
            if isWordCharacter(scalar) {
                if isUpperCase(scalar) {
                    current.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
                } else {
                    current.append(scalar)
                    if scalar.properties.isAlphabetic { upperCaseOnly = false }
                }
                i += 1
                continue
            }
            if (scalar == "+" || scalar == "#"), let last = current.last, last.properties.isAlphabetic {
                while i < scalars.count && (scalars[i] == "+" || scalars[i] == "#") {
                    current.append(scalars[i])
                    i += 1
                }
                flush()
                continue
            }
            if scalar == "." && startsDotNet(scalars, at: i) {
                flush()
                tokens.append(Token(text: ".net", protected: false))
                i += 4
                continue
            }
            if (scalar == "'" || scalar == "\u{2019}"), !current.isEmpty, i + 1 < scalars.count,
                isWordCharacter(scalars[i + 1])
            {
                let possessive = (scalars[i + 1] == "s" || scalars[i + 1] == "S")
                    && (i + 2 == scalars.count || !isWordCharacter(scalars[i + 2]))
                i += possessive ? 2 : 1
                continue
            }
            flush()
            i += 1
        }
        flush()
        return tokens
    }

    /// Whether a token carries meaning for search (not a stop word, unless protected).
    public static func isMeaningful(_ token: Token) -> Bool {
        token.protected || !stopWords.contains(token.text)
    }

    /// The index term of a meaningful token: its inflectional stem (`PorterStemmer.inflectionalStem`).
    public static func term(_ token: Token) -> String {
        PorterStemmer.inflectionalStem(token.text)
    }

    /// The index terms of `text`, in order: tokens, without stop words, stemmed.
    public static func terms(_ text: String) -> [String] {
        tokens(text).filter(isMeaningful).map(term)
    }

    static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let v = scalar.value
            return (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A) || (v >= 0x30 && v <= 0x39)
        }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    static func isUpperCase(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return scalar.value >= 0x41 && scalar.value <= 0x5A }
        return scalar.properties.isUppercase
    }

    /// Whether `.net` (any case) starts at `i` and ends at a word boundary.
    static func startsDotNet(_ scalars: [Unicode.Scalar], at i: Int) -> Bool {
        guard i + 3 < scalars.count else { return false }
        let letters = scalars[(i + 1)...(i + 3)].map { Character($0).lowercased() }.joined()
        guard letters == "net" else { return false }
        return i + 4 == scalars.count || !isWordCharacter(scalars[i + 4])
    }
}

extension StringProtocol {
    /// The text without leading and trailing whitespace (no Foundation round trip).
    var trimmingWhitespace: String {
        guard let first = firstIndex(where: { !$0.isWhitespace }),
            let last = lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return String(self[first...last])
    }
}
