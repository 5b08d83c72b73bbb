/// Titles that say the person owns or started the business ("Founder", "Co-Founder", "Business Owner",
/// "Entrepreneur", "Managing Partner"), read as the U.S. occupation of running it. Applied to queries only: official titles keep their
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
    /// Words that make "partner" an owner who runs the firm ("Managing Partner", "Founding Partner"), unlike an
    /// "HR Business Partner".
    static let partnerOwnership: Set<String> = ["managing", "founding"]
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
        let isOwner = { (i: Int) in
            ownershipWords.contains(lower[i])
                || (lower[i] == "partner" && i > 0 && partnerOwnership.contains(lower[i - 1]))
        }
        // "co" of "Co-Founder", "managing" of "Managing Partner".
        let isPrefix = { (i: Int) in
            i + 1 < end && isOwner(i + 1) && (lower[i] == "co" || partnerOwnership.contains(lower[i]))
        }
        guard let first = (0..<end).first(where: isOwner) else { return nil }
        let owner = (first > 0 && isPrefix(first - 1) && lower[first - 1] != "co" ? lower[first - 1] + " " : "")
            + lower[first]
        for (i, word) in lower[..<end].enumerated() {
            guard isOwner(i) || isPrefix(i) || businessWords.contains(word) || roleWords.contains(word)
                || SearchText.stopWords.contains(word) || !word.contains(where: \.isLetter)
            else { return nil }
        }
        var kept: [String] = []
        var dropped: [String] = []
        for (i, word) in words.enumerated() {
            let w = lower[i]
            guard i < end else { kept.append(word); continue }
            if isOwner(i) {
                for part in ownershipReading where !kept.map({ $0.lowercased() }).contains(part) { kept.append(part) }
            } else if isPrefix(i) {
                continue
            } else if businessWords.contains(w) {
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

extension JobTitle {
    /// Words that say the person owns a business named before them ("Restaurant Owner", "Shop Proprietor").
    static let ownerHeads: Set<String> = ["owner", "proprietor"]

    /// The query's normalised title read the U.S. way when its head (the last word before the first boundary word)
    /// is "owner" or "proprietor" after words naming the business: the owner of a named business manages it
    /// ("Restaurant Owner" is read "restaurant manager", "Product Owner", who manages a product's backlog, "product
    /// manager"). The caller keeps a title that is an official title as written ("Funeral Home Owner").
    public static func readingOwnedWork(_ normalized: Normalized) -> (reading: Normalized, word: String)? {
        var words = normalized.text.split(separator: " ").map(String.init)
        let lower = words.map { $0.lowercased() }
        let end = lower.firstIndex(where: headBoundaries.contains) ?? lower.count
        guard end >= 2, ownerHeads.contains(lower[end - 1]) else { return nil }
        words[end - 1] = "manager"
        var reading = normalized
        reading.text = words.joined(separator: " ")
        reading.headCandidates = normalized.headCandidates.map { ownerHeads.contains($0) ? "manager" : $0 }
        return (reading, lower[end - 1])
    }
}

/// Titles of research, universities and medicine abroad whose words official titles use in another sense, read as
/// the U.S. occupation they name: applied to queries only, like `readingOwnership(_:)`.
extension JobTitle {
    /// A phrase of a query's title, what it is read as, and why; not read so after one of `notAfter` ("Chief
    /// Medical Officer" is an executive).
    public struct PhraseReading: Sendable {
        public let phrase: [String]
        public let reading: [String]
        public let reason: String
        public var notAfter: Set<String> = []
    }

    /// The table. Each row is a title whose words official titles use otherwise, or not at all.
    public static let phraseReadings: [PhraseReading] = [
        // NIH and NSF call the scientist who directs a funded project its principal investigator; O*NET lists the
        // phrase only among Private Detectives and Investigators' titles.
        PhraseReading(phrase: ["principal", "investigator"], reading: ["research", "scientist"],
                      reason: "the scientist who directs a funded research project (NIH, NSF)"),
        PhraseReading(phrase: ["co", "principal", "investigator"], reading: ["research", "scientist"],
                      reason: "a scientist who co-directs a funded research project (NIH, NSF)"),
        PhraseReading(phrase: ["co", "investigator"], reading: ["research", "scientist"],
                      reason: "a scientist named on a funded research project (NIH, NSF)"),
        // U.K. and Commonwealth universities rank a Reader between Senior Lecturer and Professor; ESCO lists
        // "reader" under ISCO-08 2310 University and higher education teachers. "Reader" alone stays a reader.
        PhraseReading(phrase: ["reader", "in"], reading: ["professor", "in"],
                      reason: "a senior university teacher, ranked below professor (U.K. and Commonwealth)"),
        // U.K. and Commonwealth hospital grades: doctors in training are U.S. residents ("Resident Physician" is an
        // O*NET title of 29-1229); a medical officer is a physician of a health service.
        PhraseReading(phrase: ["house", "officer"], reading: ["resident", "physician"],
                      reason: "a doctor in training (U.K. and Commonwealth hospitals)"),
        PhraseReading(phrase: ["specialist", "registrar"], reading: ["resident", "physician"],
                      reason: "a doctor in specialty training (U.K. and Commonwealth hospitals)"),
        PhraseReading(phrase: ["specialty", "registrar"], reading: ["resident", "physician"],
                      reason: "a doctor in specialty training (U.K. and Commonwealth hospitals)"),
        PhraseReading(phrase: ["medical", "officer"], reading: ["physician"],
                      reason: "a physician of a health service (U.K., India and other Commonwealth countries)",
                      notAfter: ["chief"]),
    ]

    /// The normalised query with each phrase of `phraseReadings` replaced by its reading, and the notes saying
    /// so; nil when none occurs.
    public static func readingPhrases(_ normalized: Normalized) -> (reading: Normalized, notes: [String])? {
        func replace(_ words: [String]) -> (words: [String], used: [PhraseReading]) {
            var out: [String] = []
            var used: [PhraseReading] = []
            var i = 0
            while i < words.count {
                // The longest phrase first ("co principal investigator" before "principal investigator").
                if let row = phraseReadings.sorted(by: { $0.phrase.count > $1.phrase.count }).first(where: { row in
                    i + row.phrase.count <= words.count
                        && zip(words[i..<(i + row.phrase.count)], row.phrase).allSatisfy { $0.lowercased() == $1 }
                        && !(i > 0 && row.notAfter.contains(words[i - 1].lowercased()))
                }) {
                    out += row.reading
                    used.append(row)
                    i += row.phrase.count
                } else {
                    out.append(words[i])
                    i += 1
                }
            }
            return (out, used)
        }
        let text = replace(normalized.text.split(separator: " ").map(String.init))
        guard !text.used.isEmpty else { return nil }
        var reading = normalized
        reading.text = text.words.joined(separator: " ")
        reading.headCandidates = text.words.prefix(while: { !headBoundaries.contains($0.lowercased()) })
            .map { $0.lowercased() }.filter { !SearchText.stopWords.contains($0) }
        let notes = text.used.map { "\"\($0.phrase.joined(separator: " "))\" as \($0.reading.joined(separator: " ")): \($0.reason)" }
        return (reading, notes)
    }
}
