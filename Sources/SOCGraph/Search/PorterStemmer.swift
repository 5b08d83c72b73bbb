/// Step 1 of the Porter stemming algorithm (M. F. Porter, "An algorithm for suffix stripping", Program 14(3),
/// 1980), as in the author's reference ANSI C implementation: plurals, `-ed` and `-ing`, and a final `y`.
/// The later steps, which strip derivational suffixes (`-ational`, `-ment`, `-ion`), are left out on purpose: they
/// join words of different meaning in job titles (`management` and `manager`, `distribution` and `distributed`).
/// Stems are index keys, not words.
public enum PorterStemmer {
    /// The stem of `word` (lower case) after Porter's step 1 only: inflections (`engineers`, `engineering` →
    /// `engineer`; `designed` → `design`; `technologies` → `technologi`), never derivational suffixes, so words of
    /// different meaning keep apart (`distributed` → `distribut`, `distribution`; `fabrication`, `fabric`; `manager`,
    /// `management`; `engineer`, `engine`). This is the stem search indexes by. Only lower-case ASCII letters are
    /// stemmed; any other word, and words of three letters or fewer, are returned unchanged: at that length a
    /// final "s" is more often a name's or an acronym's than a plural's (`iOS` is no `IO`, `AWS` no `AW`, `gas` no
    /// `GA`).
    ///
    /// One departure from the reference: a plural or verb in -ches, -shes or -xes loses "es", not only "s", so that
    /// it meets its singular (`coaches`, `coach`; `teaches`, `teach`; `boxes`, `box`). Step 1 alone would leave
    /// `coache`, which only the later step 5 takes back to `coach`. Not -zes, whose singular mostly ends in "e"
    /// (`sizes`, `analyzes`).
    public static func inflectionalStem(_ word: String) -> String {
        let bytes = Array(word.utf8)
        guard bytes.count > 3, bytes.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return word }
        var stemmer = Buffer(bytes)
        stemmer.run()
        let stem = String(decoding: stemmer.b[0...stemmer.k], as: UTF8.self)
        if ["ches", "shes", "xes"].contains(where: word.hasSuffix), stem.count == bytes.count - 1 {
            return String(stem.dropLast())
        }
        return stem
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

        mutating func run() {
            step1ab()
            if k > 0 { step1c() }
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
    }
}
