import Testing
@testable import SOCGraph

/// Pairs from M. F. Porter's paper and the reference implementation's test vocabulary.
@Suite struct PorterStemmerTests {
    static let pairs: [(String, String)] = [
        // Step 1a, 1b, 1c
        ("caresses", "caress"), ("ponies", "poni"), ("ties", "ti"), ("caress", "caress"), ("cats", "cat"),
        ("feed", "feed"), ("agreed", "agre"), ("plastered", "plaster"), ("bled", "bled"), ("motoring", "motor"),
        ("sing", "sing"), ("conflated", "conflat"), ("troubled", "troubl"), ("sized", "size"), ("hopping", "hop"),
        ("tanned", "tan"), ("falling", "fall"), ("hissing", "hiss"), ("fizzed", "fizz"), ("failing", "fail"),
        ("filing", "file"), ("happy", "happi"), ("sky", "sky"),
        // Step 2
        ("relational", "relat"), ("conditional", "condit"), ("rational", "ration"), ("valenci", "valenc"),
        ("hesitanci", "hesit"), ("digitizer", "digit"), ("conformabli", "conform"), ("radicalli", "radic"),
        ("differentli", "differ"), ("vileli", "vile"), ("analogousli", "analog"), ("vietnamization", "vietnam"),
        ("predication", "predic"), ("operator", "oper"), ("feudalism", "feudal"), ("decisiveness", "decis"),
        ("hopefulness", "hope"), ("callousness", "callous"), ("formaliti", "formal"), ("sensitiviti", "sensit"),
        ("sensibiliti", "sensibl"), ("archaeologi", "archaeolog"),
        // Step 3
        ("triplicate", "triplic"), ("formative", "form"), ("formalize", "formal"), ("electriciti", "electr"),
        ("electrical", "electr"), ("hopeful", "hope"), ("goodness", "good"),
        // Step 4
        ("revival", "reviv"), ("allowance", "allow"), ("inference", "infer"), ("airliner", "airlin"),
        ("gyroscopic", "gyroscop"), ("adjustable", "adjust"), ("defensible", "defens"), ("irritant", "irrit"),
        ("replacement", "replac"), ("adjustment", "adjust"), ("dependent", "depend"), ("adoption", "adopt"),
        ("homologou", "homolog"), ("communism", "commun"), ("activate", "activ"), ("angulariti", "angular"),
        ("homologous", "homolog"), ("effective", "effect"), ("bowdlerize", "bowdler"),
        // Step 5
        ("probate", "probat"), ("rate", "rate"), ("cease", "ceas"), ("controll", "control"), ("roll", "roll"),
        // Whole words through several steps
        ("generalizations", "gener"), ("oscillators", "oscil"), ("engineering", "engin"), ("engineers", "engin"),
        ("managers", "manag"), ("management", "manag"), ("nurses", "nurs"), ("scientists", "scientist"),
        ("developers", "develop"), ("supervisors", "supervisor"), ("analysts", "analyst"),
    ]

    @Test(arguments: pairs)
    func stems(word: String, expected: String) {
        #expect(PorterStemmer.stem(word) == expected, "stem(\(word))")
    }

    @Test func leavesShortAndNonLetterWordsAlone() {
        for word in ["a", "is", "as", "c++", "c#", ".net", "2024", "café", "x11", ""] {
            #expect(PorterStemmer.stem(word) == word)
        }
    }

    @Test func inflectionsShareAStem() {
        #expect(PorterStemmer.stem("engineering") == PorterStemmer.stem("engineer"))
        #expect(PorterStemmer.stem("analyzing") == PorterStemmer.stem("analyze"))
        #expect(PorterStemmer.stem("supervising") == PorterStemmer.stem("supervise"))
    }
}
