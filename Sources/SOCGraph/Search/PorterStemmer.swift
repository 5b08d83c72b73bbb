/// The Porter stemming algorithm (M. F. Porter, "An algorithm for suffix stripping", Program 14(3), 1980),
/// as in the author's reference ANSI C implementation, including its two published departures from the paper
/// (`-bli` → `-ble` replaces `-abli` → `-able` in step 2, and `-logi` → `-log` is added).
///
/// It maps inflected and derived English words onto a common stem (`engineering`, `engineers` → `engin`;
/// `relational` → `relat`). Stems are index keys, not words. Only lower-case ASCII letters are stemmed;
/// any other word, and words of one or two letters, are returned unchanged.
public enum PorterStemmer {
    /// The stem of `word`, which should already be lower-case.
    public static func stem(_ word: String) -> String {
        stem(word, derivational: true)
    }

    /// The stem of `word` after Porter's step 1 only: inflections (`engineers`, `engineering` → `engineer`;
    /// `designed` → `design`; `technologies` → `technologi`), never derivational suffixes, so words of different
    /// meaning keep apart (`distributed` → `distribut`, `distribution`; `fabrication`, `fabric`; `manager`,
    /// `management`; `engineer`, `engine`). This is the stem search indexes by.
    public static func inflectionalStem(_ word: String) -> String {
        stem(word, derivational: false)
    }

    private static func stem(_ word: String, derivational: Bool) -> String {
        let bytes = Array(word.utf8)
        guard bytes.count > 2, bytes.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return word }
        var stemmer = Buffer(bytes)
        stemmer.run(derivational: derivational)
        return String(decoding: stemmer.b[0...stemmer.k], as: UTF8.self)
    }

    /// The working state of the reference implementation: the word in `b`, its current end `k`,
    /// and `j`, the end of the stem before the suffix last tested by `ends`.
    private struct Buffer {
        var b: [UInt8]
        var k: Int
        var j = 0

        init(_ bytes: [UInt8]) {
            b = bytes
            k = bytes.count - 1
        }

        mutating func run(derivational: Bool) {
            step1ab()
            if k > 0 {
                step1c()
                guard derivational else { return }
                step2()
                step3()
                step4()
                step5()
            }
        }

        /// Whether `b[i]` is a consonant: not a, e, i, o, u, and not a `y` preceded by a consonant.
        func isConsonant(_ i: Int) -> Bool {
            switch b[i] {
            case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "u"):
                return false
            case UInt8(ascii: "y"):
                return i == 0 ? true : !isConsonant(i - 1)
            default:
                return true
            }
        }

        /// m, the number of vowel-consonant sequences in `b[0...j]` ([C](VC)^m[V]).
        func measure() -> Int {
            var n = 0
            var i = 0
            while true {
                if i > j { return n }
                if !isConsonant(i) { break }
                i += 1
            }
            i += 1
            while true {
                while true {
                    if i > j { return n }
                    if isConsonant(i) { break }
                    i += 1
                }
                i += 1
                n += 1
                while true {
                    if i > j { return n }
                    if !isConsonant(i) { break }
                    i += 1
                }
                i += 1
            }
        }

        /// Whether `b[0...j]` contains a vowel.
        func vowelInStem() -> Bool {
            guard j >= 0 else { return false }
            return (0...j).contains { !isConsonant($0) }
        }

        /// Whether `b[i-1]`, `b[i]` are the same consonant.
        func doubleConsonant(_ i: Int) -> Bool {
            i >= 1 && b[i] == b[i - 1] && isConsonant(i)
        }

        /// Whether `b[i-2]`, `b[i-1]`, `b[i]` are consonant-vowel-consonant and the last is not w, x or y.
        func consonantVowelConsonant(_ i: Int) -> Bool {
            guard i >= 2, isConsonant(i), !isConsonant(i - 1), isConsonant(i - 2) else { return false }
            let ch = b[i]
            return ch != UInt8(ascii: "w") && ch != UInt8(ascii: "x") && ch != UInt8(ascii: "y")
        }

        /// Whether `b[0...k]` ends with `suffix`; if so, sets `j` to the end of what precedes it.
        mutating func ends(_ suffix: StaticString) -> Bool {
            let length = suffix.utf8CodeUnitCount
            let s = suffix.utf8Start
            guard s[length - 1] == b[k], length <= k + 1 else { return false }
            for offset in 0..<length where b[k - length + 1 + offset] != s[offset] { return false }
            j = k - length
            return true
        }

        /// Replaces `b[j+1...k]` with `replacement`.
        mutating func setTo(_ replacement: StaticString) {
            let length = replacement.utf8CodeUnitCount
            let s = replacement.utf8Start
            b.removeSubrange((j + 1)...)
            for offset in 0..<length { b.append(s[offset]) }
            k = j + length
        }

        /// Replaces the suffix when m of the stem before it is positive.
        mutating func replaceIfMeasured(_ replacement: StaticString) {
            if measure() > 0 { setTo(replacement) }
        }

        /// Plurals and -ed or -ing: caresses → caress, ponies → poni, agreed → agree, hopping → hop.
        mutating func step1ab() {
            if b[k] == UInt8(ascii: "s") {
                if ends("sses") {
                    k -= 2
                } else if ends("ies") {
                    setTo("i")
                } else if b[k - 1] != UInt8(ascii: "s") {
                    k -= 1
                }
            }
            if ends("eed") {
                if measure() > 0 { k -= 1 }
            } else if (ends("ed") || ends("ing")) && vowelInStem() {
                k = j
                if ends("at") {
                    setTo("ate")
                } else if ends("bl") {
                    setTo("ble")
                } else if ends("iz") {
                    setTo("ize")
                } else if doubleConsonant(k) {
                    k -= 1
                    let ch = b[k]
                    if ch == UInt8(ascii: "l") || ch == UInt8(ascii: "s") || ch == UInt8(ascii: "z") { k += 1 }
                } else if measure() == 1 && consonantVowelConsonant(k) {
                    setTo("e")
                }
            }
            b.removeSubrange((k + 1)...)
        }

        /// A final y after a vowel-containing stem becomes i: happy → happi.
        mutating func step1c() {
            if ends("y") && vowelInStem() { b[k] = UInt8(ascii: "i") }
        }

        /// Double suffixes to single ones: relational → relate, digitizer → digitize.
        mutating func step2() {
            guard k >= 1 else { return }
            let rules: [(StaticString, StaticString)]
            switch b[k - 1] {
            case UInt8(ascii: "a"): rules = [("ational", "ate"), ("tional", "tion")]
            case UInt8(ascii: "c"): rules = [("enci", "ence"), ("anci", "ance")]
            case UInt8(ascii: "e"): rules = [("izer", "ize")]
            case UInt8(ascii: "l"): rules = [("bli", "ble"), ("alli", "al"), ("entli", "ent"), ("eli", "e"), ("ousli", "ous")]
            case UInt8(ascii: "o"): rules = [("ization", "ize"), ("ation", "ate"), ("ator", "ate")]
            case UInt8(ascii: "s"): rules = [("alism", "al"), ("iveness", "ive"), ("fulness", "ful"), ("ousness", "ous")]
            case UInt8(ascii: "t"): rules = [("aliti", "al"), ("iviti", "ive"), ("biliti", "ble")]
            case UInt8(ascii: "g"): rules = [("logi", "log")]
            default: return
            }
            applyFirst(rules)
        }

        /// -ic-, -full, -ness and the like: triplicate → triplic, hopeful → hope, goodness → good.
        mutating func step3() {
            let rules: [(StaticString, StaticString)]
            switch b[k] {
            case UInt8(ascii: "e"): rules = [("icate", "ic"), ("ative", ""), ("alize", "al")]
            case UInt8(ascii: "i"): rules = [("iciti", "ic")]
            case UInt8(ascii: "l"): rules = [("ical", "ic"), ("ful", "")]
            case UInt8(ascii: "s"): rules = [("ness", "")]
            default: return
            }
            applyFirst(rules)
        }

        /// The first rule whose suffix matches is the only one tried, as in the reference implementation.
        mutating func applyFirst(_ rules: [(StaticString, StaticString)]) {
            for (suffix, replacement) in rules where ends(suffix) {
                replaceIfMeasured(replacement)
                return
            }
        }

        /// Drops -ant, -ence and the like when m > 1: revival → reviv, adjustment → adjust.
        mutating func step4() {
            guard k >= 1 else { return }
            let suffixes: [StaticString]
            switch b[k - 1] {
            case UInt8(ascii: "a"): suffixes = ["al"]
            case UInt8(ascii: "c"): suffixes = ["ance", "ence"]
            case UInt8(ascii: "e"): suffixes = ["er"]
            case UInt8(ascii: "i"): suffixes = ["ic"]
            case UInt8(ascii: "l"): suffixes = ["able", "ible"]
            case UInt8(ascii: "n"): suffixes = ["ant", "ement", "ment", "ent"]
            case UInt8(ascii: "o"):
                if ends("ion") && j >= 0 && (b[j] == UInt8(ascii: "s") || b[j] == UInt8(ascii: "t")) {
                    if measure() > 1 { k = j }
                    return
                }
                suffixes = ["ou"]
            case UInt8(ascii: "s"): suffixes = ["ism"]
            case UInt8(ascii: "t"): suffixes = ["ate", "iti"]
            case UInt8(ascii: "u"): suffixes = ["ous"]
            case UInt8(ascii: "v"): suffixes = ["ive"]
            case UInt8(ascii: "z"): suffixes = ["ize"]
            default: return
            }
            guard suffixes.contains(where: { ends($0) }) else { return }
            if measure() > 1 { k = j }
        }

        /// A final -e when m > 1 (or m = 1 and not *o), and -ll to -l when m > 1: probate → probat, controll → control.
        mutating func step5() {
            j = k
            if b[k] == UInt8(ascii: "e") {
                let m = measure()
                if m > 1 || (m == 1 && !consonantVowelConsonant(k - 1)) { k -= 1 }
            }
            if b[k] == UInt8(ascii: "l") && doubleConsonant(k) && measure() > 1 { k -= 1 }
        }
    }
}
