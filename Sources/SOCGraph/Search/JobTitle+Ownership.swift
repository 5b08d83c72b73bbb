/// Titles that say the person owns or started the business ("Founder", "Co-Founder", "Business Owner",
/// "Entrepreneur"), read as the U.S. occupation of running it. Applied to queries only: official titles keep their
/// words ("Iron Founder" is a metal caster, "Owner" an O*NET title of 29-1229).
///
/// SOC classifies workers by the work they perform (SOC 2018 Manual, Classification Principle 2), not by whether
/// they own the business. A founder or owner whose title names no other work runs the business, which is the
/// work of Chief Executives (11-1011: "determine and formulate policies and provide overall direction"); ESCO
/// files its founders and entrepreneurs under ISCO-08 1120 Managing directors and chief executives, which the BLS
/// crosswalks link to 11-1011 and 11-1021 General and Operations Managers. The title alone cannot say what else
/// the person does, so the result stays flagged as a role without a field, asking for the duties.
extension JobTitle {
    /// Words that say who owns or started the business.
    public static let ownershipWords: Set<String> = ["founder", "cofounder", "owner", "proprietor", "entrepreneur"]
    /// Words that say what kind of business or ownership it is, not what work is done in it ("Startup Founder",
    /// "Small Business Owner", "Technical Co-Founder", "Sole Proprietor").
    static let businessWords: Set<String> = [
        "startup", "company", "firm", "venture", "enterprise", "small", "family", "sole", "technical",
    ]
    /// What an ownership word is read as.
    public static let ownershipReading = ["chief", "executive"]

    /// The query's normalised title read the U.S. way when its title part (the words before the first boundary
    /// word such as `of`) is an ownership word with nothing but role words, business words and a "co-" beside it:
    /// the ownership words become `ownershipReading`, the business words are dropped (returned as `dropped`).
    /// Nil when the rule does not apply: "Product Owner", "Restaurant Owner" and "Iron Founder" name other work.
    public static func readingOwnership(_ normalized: Normalized) -> (reading: Normalized, word: String)? {
        let words = normalized.text.split(separator: " ").map(String.init)
        let lower = words.map { $0.lowercased() }
        let end = lower.firstIndex(where: headBoundaries.contains) ?? lower.count
        guard let owner = lower[..<end].first(where: ownershipWords.contains) else { return nil }
        for (i, word) in lower[..<end].enumerated() {
            let co = word == "co" && i + 1 < end && ownershipWords.contains(lower[i + 1])
            guard co || ownershipWords.contains(word) || businessWords.contains(word) || roleWords.contains(word)
                || SearchText.stopWords.contains(word) || !word.contains(where: \.isLetter)
            else { return nil }
        }
        var kept: [String] = []
        var dropped: [String] = []
        for (i, word) in words.enumerated() {
            let w = lower[i]
            guard i < end else { kept.append(word); continue }
            if ownershipWords.contains(w) {
                for part in ownershipReading where !kept.map({ $0.lowercased() }).contains(part) { kept.append(part) }
            } else if businessWords.contains(w) || (w == "co" && i + 1 < end && ownershipWords.contains(lower[i + 1])) {
                dropped.append(w)
            } else if !(w == "chief" || w == "executive") || !kept.map({ $0.lowercased() }).contains(w) {
                kept.append(word)
            }
        }
        var reading = normalized
        reading.text = kept.joined(separator: " ")
        reading.headCandidates = Array(kept.prefix(while: { !headBoundaries.contains($0.lowercased()) }))
            .map { $0.lowercased() }.filter { !SearchText.stopWords.contains($0) }
        reading.dropped += dropped
        return (reading, owner)
    }
}
