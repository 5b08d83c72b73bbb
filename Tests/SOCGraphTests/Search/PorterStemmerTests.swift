import Testing
@testable import SOCGraph

/// Step 1 pairs from M. F. Porter's paper and the reference implementation's test vocabulary, and the words of job
/// titles whose meanings must keep apart.
@Suite struct PorterStemmerTests {
    static let pairs: [(String, String)] = [
        ("caresses", "caress"), ("ponies", "poni"), ("ties", "ti"), ("caress", "caress"), ("cats", "cat"),
        ("feed", "feed"), ("agreed", "agree"), ("plastered", "plaster"), ("bled", "bled"), ("motoring", "motor"),
        ("sing", "sing"), ("conflated", "conflate"), ("troubled", "trouble"), ("sized", "size"), ("hopping", "hop"),
        ("tanned", "tan"), ("falling", "fall"), ("hissing", "hiss"), ("fizzed", "fizz"), ("failing", "fail"),
        ("filing", "file"), ("happy", "happi"), ("sky", "sky"),
        // Title words: inflections meet, derivations do not.
        ("engineering", "engineer"), ("engineers", "engineer"), ("managers", "manager"), ("management", "management"),
        ("nurses", "nurse"), ("scientists", "scientist"), ("developers", "developer"), ("technologies", "technologi"),
        // -ches, -shes and -xes lose "es" and meet their singular; -zes and -sses do not.
        ("coaches", "coach"), ("teaches", "teach"), ("dispatches", "dispatch"), ("finishes", "finish"),
        ("boxes", "box"), ("taxes", "tax"), ("sizes", "size"), ("analyzes", "analyze"), ("addresses", "address"),
    ]

    @Test(arguments: pairs)
    func stems(word: String, expected: String) {
        #expect(PorterStemmer.inflectionalStem(word) == expected, "stem(\(word))")
    }

    @Test func leavesShortAndNonLetterWordsAlone() {
        for word in ["a", "is", "as", "ios", "aws", "gas", "c++", "c#", ".net", "2024", "café", "x11", ""] {
            #expect(PorterStemmer.inflectionalStem(word) == word)
        }
    }

    @Test func inflectionsShareAStem() {
        // Step 1 with -ches, -shes and -xes losing "es": a singular in -che keeps its "e" (the index maps such
        // plurals to it, `SearchIndex.term(_:)`).
        #expect(PorterStemmer.inflectionalStem("attache") == "attache")
        #expect(PorterStemmer.inflectionalStem("analyzing") == PorterStemmer.inflectionalStem("analyzed"))
        #expect(PorterStemmer.inflectionalStem("supervising") == PorterStemmer.inflectionalStem("supervised"))
        #expect(PorterStemmer.inflectionalStem("designs") == PorterStemmer.inflectionalStem("designing"))
    }
}
