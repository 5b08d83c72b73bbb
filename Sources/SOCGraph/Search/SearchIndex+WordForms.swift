/// Which -ing and -ed words keep apart from their base. Stemming joins inflections under one term (`engineering`,
/// `engineers` → `engineer`), which is right where the two name the same work, and wrong where the inflected word is
/// a word of its own: `accounting` is not `account` ("Accounting Manager" is no "Account Manager", a sales title),
/// `training` is not `train`, `modeling` not `model`, `registered` not `register`, `based` not `base` ("Web-based
/// Developer" is no "Data Base Developer"). The official titles tell the two cases apart: a word and its base that
/// name mostly the same occupations are one term.
extension SearchIndex {
    /// The least share of the occupations of the rarer of an -ing or -ed word and its base (the other words of its
    /// stem) that must hold both for the two to be one term. "Engineering" and "engineer" share 38 of the 58
    /// occupations whose titles hold "engineering" (0.66); "accounting" and "account" 5 of 13 (0.38), so they keep
    /// apart.
    public static let sharedFormShare = 0.5
    /// The fewest occupations each side must have for the two to keep apart: a word of one or two occupations'
    /// titles ("broadcasting") says too little to part it from its base. The cache keeps the derived words: a change
    /// of this rule needs a new `GraphCache.formatVersion`.
    public static let separateFormHolders = 3

    /// The words ending in -ing or -ed that are terms of their own: each is a word of the SOC, Direct Match, O*NET
    /// occupation or O*NET alternate titles of `documents`, whose inflectional stem other words of those titles
    /// share, each side held by `separateFormHolders` occupations or more, and fewer than `sharedFormShare` of the
    /// occupations of the rarer side hold both. A plural of an -ing word counts as the word ("drawings" as
    /// "drawing"; `term(_:)` reads it so too). And a word of the technology names and program titles that no title
    /// holds, ending in -ing or -ed, whose stem the titles hold only in participles of another ending: "distributed"
    /// (of "Distributed control system software") is no "distributing" ("Distributing Clerk"), an adjective no
    /// activity, where the titles hold no base to join the two. O(words of the titles and names).
    static func separateForms(of documents: [SearchDocument]) -> Set<String> {
        var holders: [String: Set<Int>] = [:]
        for (d, document) in documents.enumerated() {
            let titles = [document.title] + document.directMatchTitles + document.onetTitles + document.alternateTitles
            for title in titles {
                for token in SearchText.tokens(title) where !token.protected && SearchText.isMeaningful(token) {
                    holders[Self.singularOfIng(token.text) ?? token.text, default: []].insert(d)
                }
            }
        }
        var byStem: [String: [String]] = [:]
        for word in holders.keys { byStem[PorterStemmer.inflectionalStem(word), default: []].append(word) }
        var separate = Set<String>()
        for (stem, words) in byStem where words.count > 1 {
            for word in words where (word.hasSuffix("ing") || word.hasSuffix("ed")) && word != stem {
                let own = holders[word] ?? []
                var base = Set<Int>()
                for other in words where other != word { base.formUnion(holders[other] ?? []) }
                let both = own.intersection(base).count, rarer = min(own.count, base.count)
                if rarer >= separateFormHolders, Double(both) < sharedFormShare * Double(rarer) {
                    separate.insert(word)
                }
            }
        }
        let isParticiple = { (word: String) in
            (word.hasSuffix("ing") || word.hasSuffix("ed")) && PorterStemmer.inflectionalStem(word) != word
        }
        for document in documents {
            for name in document.technologies.map(\.name) + document.programTitles {
                for token in SearchText.tokens(name) where !token.protected && SearchText.isMeaningful(token)
                    && holders[token.text] == nil && isParticiple(token.text)
                {
                    let titled = byStem[PorterStemmer.inflectionalStem(token.text)]
                    if let titled, titled.allSatisfy(isParticiple) { separate.insert(token.text) }
                }
            }
        }
        return separate
    }

    /// The -ing word a plural of one stands for ("drawings" → "drawing"), or nil.
    static func singularOfIng(_ word: String) -> String? {
        word.hasSuffix("ings") && word.count > 5 ? String(word.dropLast()) : nil
    }

    /// The index term of a meaningful token given the words kept whole: the word itself (or, for a plural of one,
    /// its singular), else its inflectional stem (`SearchText.term(_:)`).
    static func term(_ token: SearchText.Token, separateForms: Set<String>) -> String {
        if separateForms.contains(token.text) { return token.text }
        if let singular = singularOfIng(token.text), separateForms.contains(singular) { return singular }
        return SearchText.term(token)
    }
}
