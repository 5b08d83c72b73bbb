import Foundation

/// Typing errors in a query: a word the index has never seen, one letter away from a common head of official titles
/// ("Systems Ananlyst", "Postdoctoral Reseacher", "Senior Mananger").
///
/// Only heads are corrected to: the head decides the family, so a typing error there sends a title astray, while an
/// unknown modifier is more often a real word the titles do not use ("drought", "inverters") or a name than a typing
/// error, and a word one letter away from it would change the meaning ("draught"). A compound written as one word
/// ("backend") is written apart when official titles write its two words together (`split(of:)`), and two words
/// joined by a hyphen are written as one when U.S. titles mostly write them so (`joiningHyphens(_:)`: "co-ordinator").
extension SearchIndex {
    /// The shortest word corrected: shorter words are more often abbreviations or names than typing errors.
    static let shortestCorrected = 6
    /// The shortest word written apart (`split(of:)`): two words of two letters or more, one of three.
    static let shortestSplit = 5
    /// The longest word corrected: common heads are 14 letters or less, and the work grows with the length.
    static let longestCorrected = 20
    /// How many title entries (any field, any position, ESCO's included) must hold the corrected word, a common
    /// head (`headTerms`): a correction goes to a word of the titles' common vocabulary, never to a rare one that
    /// happens to be one letter away.
    static let correctionTitles = 50

    /// The query with each unknown word replaced by its correction, the corrections made (`ananlyst → analyst`) and
    /// the compounds written apart (`backend → back end`, `split(of:)`).
    ///
    /// A word is corrected when it is ASCII letters only, `shortestCorrected` to `longestCorrected` long, not an
    /// inflected form (ending in `s`, `ed` or `ing`: "teaches", "analysing" are real words a description uses, one
    /// letter from "teacher", "analyst"), unknown to the index, the expansion table, the abbreviation table and the
    /// normalisation rules' own words (`JobTitle.isRuleWord`: "trainee" is a level, not "trainer" mistyped), and
    /// one edit (a letter deleted, inserted, replaced, or two neighbours swapped) turns it into a common head of
    /// titles held by at least `correctionTitles` title entries; the most held wins, then the first
    /// alphabetically. The replacement keeps the case of the word as typed. O(words × length × 26).
    func correctingSpelling(_ query: String)
        -> (text: String, corrections: [String], splits: [String], abbreviated: [String])
    {
        var text = ""
        var corrections: [String] = [], splits: [String] = [], abbreviated: [String] = []
        var word = ""
        // A run holding digits or letters beyond ASCII is a code or a name: kept as typed.
        var kept = false
        var known: [String: String?] = [:]
        var apart: [String: (split: String, abbreviations: Bool)?] = [:]
        func flush() {
            defer { word = ""; kept = false }
            let lower = word.lowercased()
            // A compound written as one word ("Backend", "Frontend") is written apart as official titles write it.
            if !kept, (Self.shortestSplit...Self.longestCorrected).contains(word.count) {
                if apart[lower] == nil {
                    apart[lower] = split(of: lower).map { ($0, false) }
                        ?? abbreviationSplit(of: lower).map { ($0, true) }
                }
                if let (split, abbreviations) = apart[lower] ?? nil {
                    let parts = split.split(separator: " ").map(String.init)
                    text += word.allSatisfy(\.isUppercase) ? split.uppercased()
                        : word.first!.isUppercase ? parts.map { $0.prefix(1).uppercased() + $0.dropFirst() }
                            .joined(separator: " ") : split
                    let note = "\(lower) → \(split)"
                    if abbreviations {
                        if !abbreviated.contains(note) { abbreviated.append(note) }
                    } else if !splits.contains(note) {
                        splits.append(note)
                    }
                    return
                }
            }
            guard !kept, (Self.shortestCorrected...Self.longestCorrected).contains(word.count),
                !["s", "ed", "ing"].contains(where: lower.hasSuffix)
            else {
                text += word
                return
            }
            if known[lower] == nil { known[lower] = correction(of: lower) }
            guard let correction = known[lower] ?? nil else {
                text += word
                return
            }
            let cased = word.allSatisfy(\.isUppercase) ? correction.uppercased()
                : word.first!.isUppercase ? correction.prefix(1).uppercased() + correction.dropFirst() : correction
            text += cased
            let note = "\(lower) → \(correction)"
            if !corrections.contains(note) { corrections.append(note) }
        }
        for character in query {
            if character.isLetter || character.isNumber {
                word.append(character)
                if !(character.isASCII && character.isLetter) { kept = true }
            } else {
                flush()
                text.append(character)
            }
        }
        flush()
        return (text, corrections, splits, abbreviated)
    }

    /// The query with each pair of words joined by a hyphen that U.S. titles write as one word more often than as
    /// the two in a row (`joined(_:_:)`): "Project Co-ordinator", ESCO's and the British spelling, as "Project
    /// Coordinator", "Bio-Medical Engineer" as "Biomedical Engineer"; and the joins made
    /// (`co-ordinator → coordinator`).
    /// The mirror of `split(of:)`. Both words are ASCII letters; in a chain ("a-b-c") each pair is judged from the
    /// left, a joined word with the next part ("ab" and "c"). The joined word is in capitals when both parts are, else its second part is in lower case.
    /// O(distinct hyphenated pairs × titles holding the rarer word).
    func joiningHyphens(_ query: String) -> (text: String, joins: [String]) {
        let characters = Array(query)
        var text = ""
        var joins: [String] = []
        var known: [String: String?] = [:]
        var i = 0
        // The run of ASCII letters starting at `start`, and where it ends.
        func run(from start: Int) -> Int {
            var end = start
            while end < characters.count, characters[end].isASCII, characters[end].isLetter { end += 1 }
            return end
        }
        while i < characters.count {
            let end = run(from: i)
            guard end > i else {
                text.append(characters[i])
                i += 1
                continue
            }
            // A run of letters is a word only where it starts one: not after a digit or a letter beyond ASCII.
            let startsWord = i == 0 || !(characters[i - 1].isLetter || characters[i - 1].isNumber)
            var word = String(characters[i..<end])
            var next = end
            while startsWord, next + 1 < characters.count, characters[next] == "-" {
                let after = run(from: next + 1)
                guard after > next + 1, after == characters.count
                    || !(characters[after].isLetter || characters[after].isNumber)
                else { break }
                let second = String(characters[(next + 1)..<after])
                let pair = word.lowercased() + "-" + second.lowercased()
                if known[pair] == nil { known[pair] = joined(word.lowercased(), second.lowercased()) }
                guard let solid = known[pair] ?? nil else { break }
                joins.append("\(word.lowercased())-\(second.lowercased()) → \(solid)")
                word += second.allSatisfy(\.isUppercase) && word.allSatisfy(\.isUppercase) ? second
                    : second.lowercased()
                next = after
            }
            text += word
            i = next
        }
        var seen = Set<String>()
        return (text, joins.filter { seen.insert($0).inserted })
    }

    /// The one word U.S. titles (SOC, Direct Match, O*NET) write for two lower-case words joined by a hyphen, or
    /// nil: the first has two letters or more and the second three or more ("Set-Up", "I-DEAS" and "Comp-U-Floor"
    /// keep their words), and the two written as one is a word of more U.S. title entries than the two in a row, one
    /// at least. The two in a row are counted as terms of the normalised titles (stop words left out), or as
    /// written where one is a stop word. "Non-Destructive Testing Specialist" and "Real-Time Captioner", whose two
    /// words U.S. titles write in a row as often as the one word or more, keep them, and so does "Multi-Channel
    /// Marketing Manager": "multichannel" is a word of a technology's name only. A title is counted once.
    func joined(_ first: String, _ second: String) -> String? {
        guard first.count >= 2, second.count >= 3, let id = termID(first + second) else { return nil }
        let together = usTitleEntries(with: id).count
        guard together > 0 else { return nil }
        // The two in a row: as terms, among the titles of the rarer; as written where one is a stop word ("on" of
        // "On-Site", which U.S. titles write so more often than "Onsite"), among the titles of the other.
        var apart = 0
        let stop = SearchText.stopWords.contains(first) || SearchText.stopWords.contains(second)
        switch (termID(first), termID(second)) {
        case let (firstID?, secondID?) where !stop:
            let (a, b) = (Int32(firstID), Int32(secondID))
            let rarer = titleEntries(with: firstID).count < titleEntries(with: secondID).count ? firstID : secondID
            for e in usTitleEntries(with: rarer) {
                let terms = self.terms(of: e)
                if terms.indices.dropLast().contains(where: { terms[$0] == a && terms[$0 + 1] == b }) {
                    apart += 1
                    if apart >= together { return nil }
                }
            }
        case let (firstID, secondID):
            guard let other = SearchText.stopWords.contains(first) ? secondID : firstID ?? secondID else { return nil }
            for e in usTitleEntries(with: other) {
                let words = SearchText.tokens(text(of: e)).map(\.text)
                if words.indices.dropLast().contains(where: { words[$0] == first && words[$0 + 1] == second }) {
                    apart += 1
                    if apart >= together { return nil }
                }
            }
        }
        return first + second
    }

    /// The letters of a lower-case word that may be two written as one: four or more, and the word unknown to the
    /// index, the expansion, abbreviation and normalisation tables; nil otherwise.
    func splittable(_ word: String) -> [Character]? {
        guard word.count >= 4, termID(word) == nil, QueryExpansion.lookup(word) == nil,
            JobTitle.abbreviations[word] == nil, !JobTitle.isRuleWord(word)
        else { return nil }
        return Array(word)
    }

    /// The two words a lower-case word of ASCII letters is written for, as "back end" for "backend", or nil: the
    /// word is unknown to the index, the expansion, abbreviation and normalisation tables, and it splits into two
    /// words of two letters or more that follow each other in an official title (`isTitlePhrase`: "Back End
    /// Engineer" is an O*NET alternate title of Web Developers). Of several such splits, the one whose words are
    /// held by most titles (the rarer of the two counted) wins. O(length × titles holding the second word).
    func split(of word: String) -> String? {
        guard let letters = splittable(word) else { return nil }
        var best: (split: String, titles: Int)?
        for i in 2...(letters.count - 2) {
            let (first, second) = (String(letters[..<i]), String(letters[i...]))
            guard let a = termID(first),
                let b = termID(second), isTitlePhrase(first, second)
            else { continue }
            let titles = min(titleEntries(with: a).count, titleEntries(with: b).count)
            if let current = best, current.titles >= titles { continue }
            best = (first + " " + second, titles)
        }
        return best?.split
    }

    /// The two words a lower-case word of ASCII letters is written for when it ends in an abbreviation of job titles
    /// (`JobTitle.abbreviations`) that U.S. titles (SOC, Direct Match, O*NET) glue to another abbreviation as one
    /// word, after an abbreviation or a word U.S. titles write as such (not a stop word: "ITOps" stays; not a
    /// stem: "Cyclops"), or nil: "MLOps" is "ML Ops", machine learning operations,
    /// as O*NET's "DevOps Engineer" writes "dev" and "ops" as one; so are "DataOps", "CloudOps", "AIOps". Not
    /// "EdTech" or "MedTech": no U.S. title glues "tech" to an abbreviation (a technology's "Infotech" is a name), so
    /// nothing says that "tech" ends a word as an abbreviation ("Biotech" is biotechnology). The word is unknown as
    /// `split(of:)` asks; the longest first word wins. O(length × abbreviations).
    func abbreviationSplit(of word: String) -> String? {
        guard let letters = splittable(word) else { return nil }
        for i in stride(from: letters.count - 2, through: 2, by: -1) {
            let (first, second) = (String(letters[..<i]), String(letters[i...]))
            guard JobTitle.abbreviations[second] != nil, second.allSatisfy(\.isLetter),
                JobTitle.abbreviations[first] != nil
                    || (SearchText.isMeaningful(.init(text: first, protected: false))
                        && termID(first).map { usTitles(holding: $0, word: first) } ?? false),
                JobTitle.abbreviations.keys.contains(where: { key in
                    termID(key + second).map { usTitles(holding: $0, word: nil) } ?? false
                })
            else { continue }
            return first + " " + second
        }
        return nil
    }

    /// The correction of a lower-case word of ASCII letters, or nil when it is known or nothing qualifies.
    func correction(of word: String) -> String? {
        guard termID(word) == nil,
            QueryExpansion.lookup(word)?.alternatives.contains(where: {
                termID($0) != nil
            }) != true,
            JobTitle.abbreviations[word] == nil, !JobTitle.isRuleWord(word)
        else { return nil }
        let letters = Array(word)
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz")
        var candidates = Set<String>()
        for i in letters.indices {
            var deleted = letters
            deleted.remove(at: i)
            candidates.insert(String(deleted))
            if i + 1 < letters.count {
                var swapped = letters
                swapped.swapAt(i, i + 1)
                candidates.insert(String(swapped))
            }
            for letter in alphabet where letter != letters[i] {
                var replaced = letters
                replaced[i] = letter
                candidates.insert(String(replaced))
            }
        }
        for i in 0...letters.count {
            for letter in alphabet {
                var inserted = letters
                inserted.insert(letter, at: i)
                candidates.insert(String(inserted))
            }
        }
        var best: (word: String, titles: Int)?
        for candidate in candidates {
            guard let id = termID(candidate), headTerms.contains(id) else { continue }
            let titles = titleEntries(with: id).count
            guard titles >= Self.correctionTitles else { continue }
            if let current = best, current.titles > titles || (current.titles == titles && current.word < candidate) {
                continue
            }
            best = (candidate, titles)
        }
        return best?.word
    }
}
