import SOCGraph

/// Splits a batch line into arguments as a POSIX shell would, without expansions: words separated by blanks,
/// `'…'` taken literally, `"…"` with `\"`, `\\`, `\$` and `` \` `` escapes, a backslash outside quotes escaping the
/// next character, and an unquoted `#` at the start of a word beginning a comment.
enum ShellWords {
    /// - Throws: `SOCGraphError.invalidInput` for an unterminated quote or a trailing backslash.
    static func split(_ line: String) throws -> [String] {
        var words: [String] = []
        var current = ""
        var inWord = false
        var iterator = line.makeIterator()
        while let character = iterator.next() {
            switch character {
            case " ", "\t", "\r", "\n":
                if inWord { words.append(current); current = ""; inWord = false }
            case "#" where !inWord:
                return words
            case "'":
                inWord = true
                while true {
                    guard let next = iterator.next() else { throw unterminated("'") }
                    if next == "'" { break }
                    current.append(next)
                }
            case "\"":
                inWord = true
                while true {
                    guard let next = iterator.next() else { throw unterminated("\"") }
                    if next == "\"" { break }
                    if next == "\\" {
                        guard let escaped = iterator.next() else { throw unterminated("\"") }
                        if !"\"\\$`".contains(escaped) { current.append("\\") }
                        current.append(escaped)
                    } else {
                        current.append(next)
                    }
                }
            case "\\":
                guard let escaped = iterator.next() else {
                    throw SOCGraphError.invalidInput("the line ends with a backslash; remove it or quote the word")
                }
                inWord = true
                current.append(escaped)
            default:
                inWord = true
                current.append(character)
            }
        }
        if inWord { words.append(current) }
        return words
    }

    private static func unterminated(_ quote: String) -> SOCGraphError {
        .invalidInput("unterminated \(quote) quote; close it at the end of the argument")
    }
}
