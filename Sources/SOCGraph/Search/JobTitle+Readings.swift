/// Readings of a query's title that official titles would send astray, each said under the results ("Read as: …")
/// with its reason. Applied to queries only: official titles keep their words ("Iron Founder" is a metal caster,
/// "Owner" an O*NET title of 29-1229, "Principal Investigator" one of 33-9021), and `SearchIndex` says so when the
/// query, as written, is such a title.
///
/// **Owners and founders.** SOC classifies workers by the work they perform (SOC 2018 Manual, Classification
/// Principle 2), not by whether they own the business. socgraph reads a title that says only that the person
/// founded, owns or is a managing partner of the business as the work of running it, that of Chief Executives
/// (11-1011); General and Operations Managers (11-1021) may fit as well, and the result stays flagged as a role
/// without a field, asking for the duties. A founder who names another role ("Co-Founder & VP of Sales") is read
/// as that role; the owner of a named business ("Restaurant Owner") as its manager; a technical co-founder as the
/// chief technology officer, an O*NET title of 11-1011. A role inside a company called an owner ("Product Owner",
/// "Process Owner") is left as written.
extension JobTitle {
    /// Words that say who founded or owns the business.
    public static let ownershipWords: Set<String> = ["founder", "cofounder", "owner", "proprietor", "entrepreneur"]
    /// Words that say what kind of business or ownership it is, not what work is done in it ("Startup Founder",
    /// "Small Business Owner", "Sole Proprietor").
    static let businessWords: Set<String> = [
        "startup", "company", "firm", "venture", "enterprise", "small", "family", "sole", "business",
    ]
    /// Words that make "partner" an owner who runs the firm ("Managing Partner", "Founding Partner"), unlike an
    /// "HR Business Partner".
    static let partnerOwnership: Set<String> = ["managing", "founding"]
    /// Words beside an ownership word that name the same work, running the business ("Founder & CEO").
    static let executiveWords: Set<String> = ["chief", "executive", "officer", "president"]
    /// Words before "owner" that make it a role inside a company, not an owner of one.
    static let corporateOwnerRoles: Set<String> = [
        "product", "process", "data", "system", "systems", "service", "risk", "account", "project", "program",
        "programme", "control", "application", "platform", "feature", "asset", "content", "policy",
        "change", "release", "problem", "incident", "technical", "solution", "capability", "value", "stream",
    ]
    /// Words joining two roles in one title ("Founder & CEO", "Co-Founder and VP of Sales").
    static let conjunctions: Set<String> = ["&", "and", "+"]

    /// How a query's title was read, and why (shown after "Read as:").
    public struct Reading: Sendable {
        public var normalized: Normalized
        public var note: String
        /// Whether an official title with the query's words, as written, is to be kept instead ("Iron Founder",
        /// "Funeral Home Owner"): the reading took words naming other work with it.
        public var yieldsToTitle = false
    }

    /// The reading of a title that says who founded or owns the business (see the extension), or nil: no
    /// ownership word in the title part (the words before the first boundary word such as `of`), or a role inside a
    /// company ("Product Owner"), or an ownership word followed by another word of its title ("Owner
    /// Representative").
    public static func readingOwnership(_ normalized: Normalized) -> Reading? {
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
        let word = (first > 0 && isPrefix(first - 1) && lower[first - 1] != "co" ? lower[first - 1] + " " : "")
            + (first > 0 && lower[first - 1] == "co" ? "co-" : "") + lower[first]
        let isOwnerWord = ["owner", "proprietor"].contains(lower[first])
        if isOwnerWord, first > 0, corporateOwnerRoles.contains(lower[first - 1]) { return nil }
        // What follows the ownership word in the title part: nothing, executive words, or another role after "&".
        var next = first + 1
        while next < end, executiveWords.contains(lower[next]) { next += 1 }
        // "Owner Representative", "Owner Operator": the ownership word modifies the head.
        if next < end, !conjunctions.contains(lower[next]) { return nil }
        let before = (0..<first).filter { !isPrefix($0) }
        let work = before.filter { i in
            !businessWords.contains(lower[i]) && !SearchText.stopWords.contains(lower[i])
                && !executiveWords.contains(lower[i]) && !conjunctions.contains(lower[i])
                && lower[i].contains(where: \.isLetter)
        }
        let after = (next < end ? (next + 1)..<end : end..<end).filter { !SearchText.stopWords.contains(lower[$0]) }
        let otherRole = after.contains { !executiveWords.contains(lower[$0]) }

        var kept: [String] = []
        var dropped: [String] = []
        var note: String
        let sense = "SOC classifies by the work performed (SOC 2018 Manual, Classification Principle 2)"
        if otherRole {
            // "Co-Founder & VP of Sales": the other role names the work.
            dropped = before.map { lower[$0] }
            kept = Array(words[(next + 1)...])
            note = "\"\(word)\" left aside: \(sense), and the title's other role names it"
        } else if lower[first] != "partner", work.contains(where: { lower[$0] == "technical" }), work.count == 1 {
            // "Technical Co-Founder": the founder who runs the technology, an O*NET title of 11-1011.
            kept = ["chief", "technology", "officer"] + Array(words[end...])
            note = "\"technical \(word)\" as the chief technology officer: \(sense), and a technical founder runs "
                + "the technology"
        } else if isOwnerWord, !work.isEmpty || end < words.count {
            // "Restaurant Owner", "Owner of a bakery": the manager of that business.
            kept = before.filter { !businessWords.contains(lower[$0]) }.map { words[$0] } + ["manager"]
                + Array(words[end...])
            dropped = before.filter { businessWords.contains(lower[$0]) }.map { lower[$0] }
            note = "\"\(word)\" as the manager of the business: \(sense), and socgraph reads owning a named business "
                + "as managing it"
        } else {
            // "Founder", "Startup Founder", "Founder & CEO", "Biotech Founder": running the business.
            kept = work.map { words[$0] } + ["chief", "executive"]
                + (lower[first..<next].contains("officer") ? ["officer"] : []) + Array(words[end...])
            dropped = before.filter { businessWords.contains(lower[$0]) }.map { lower[$0] }
            note = "\"\(word)\" as the chief executive of the business: \(sense), and socgraph reads founding or "
                + "owning a business, with no other work named, as running it (11-1011; 11-1021 General and "
                + "Operations Managers may fit as well)"
        }
        // The words kept are normalised again, so that "Head of Engineering" reads "engineering manager".
        var reading = normalize(kept.joined(separator: " "), query: true)
        reading.dropped = normalized.dropped + dropped + reading.dropped
        reading.expanded = normalized.expanded + reading.expanded
        return Reading(normalized: reading, note: note, yieldsToTitle: !work.isEmpty)
    }
}

/// Titles of research, universities and medicine whose words official titles use in another sense, read as the
/// U.S. occupation they name: applied to queries only, like `readingOwnership(_:)`.
extension JobTitle {
    /// A phrase that starts a query's title, what it is read as, and why.
    public struct PhraseReading: Sendable {
        public let phrase: [String]
        public let reading: [String]
        public let reason: String
    }

    /// The table. Each row is a title whose words official titles use otherwise.
    public static let phraseReadings: [PhraseReading] = [
        // NIH and NSF designate the person who directs a funded project its principal investigator (PD/PI); O*NET
        // lists the phrase only among Private Detectives and Investigators' titles.
        PhraseReading(phrase: ["co", "principal", "investigator"], reading: ["research", "scientist"],
                      reason: "a person who co-directs a funded research project (NIH, NSF); a faculty member is "
                        + "better searched by the faculty title"),
        PhraseReading(phrase: ["principal", "investigator"], reading: ["research", "scientist"],
                      reason: "the person who directs a funded research project (NIH, NSF); a faculty member is "
                        + "better searched by the faculty title"),
        PhraseReading(phrase: ["co", "investigator"], reading: ["research", "scientist"],
                      reason: "a person named on a funded research project (NIH, NSF)"),
        // U.K. and Commonwealth universities rank a Reader between Senior Lecturer and Professor; ESCO lists
        // "reader" under ISCO-08 2310 University and higher education teachers. "Reader" alone stays a reader.
        PhraseReading(phrase: ["reader", "in"], reading: ["professor", "in"],
                      reason: "a senior university teacher, ranked below professor (U.K. and Commonwealth)"),
        // U.K. and Commonwealth hospital grades: doctors in training are U.S. residents ("Resident Physician" is an
        // O*NET title of 29-1229).
        PhraseReading(phrase: ["house", "officer"], reading: ["resident", "physician"],
                      reason: "a doctor in training (U.K. and Commonwealth hospitals)"),
        PhraseReading(phrase: ["specialist", "registrar"], reading: ["resident", "physician"],
                      reason: "a doctor in specialty training (U.K. and Commonwealth hospitals)"),
        PhraseReading(phrase: ["specialty", "registrar"], reading: ["resident", "physician"],
                      reason: "a doctor in specialty training (U.K. and Commonwealth hospitals)"),
        // The U.S. federal physician series is 0602 Medical Officer (OPM); so are physicians of health services
        // abroad.
        PhraseReading(phrase: ["medical", "officer"], reading: ["physician"],
                      reason: "a physician (the U.S. federal series 0602 Medical Officer; health services abroad)"),
        // The U.S. federal title of veterinarians (OPM series 0701 Veterinary Medical Science).
        PhraseReading(phrase: ["veterinary", "medical", "officer"], reading: ["veterinarian"],
                      reason: "a veterinarian (the U.S. federal title, OPM series 0701)"),
    ]

    /// The normalised query with a phrase of `phraseReadings` that starts it replaced by its reading, or nil.
    public static func readingPhrases(_ normalized: Normalized) -> Reading? {
        let words = normalized.text.split(separator: " ").map(String.init)
        guard let row = phraseReadings.first(where: { row in
            row.phrase.count <= words.count && zip(words, row.phrase).allSatisfy { $0.lowercased() == $1 }
        }) else { return nil }
        var reading = normalized
        reading.text = (row.reading + words[row.phrase.count...]).joined(separator: " ")
        // The head candidates are the title part's words: the phrase's, up to a boundary, become the reading's.
        let phraseHead = row.phrase.prefix(while: { !headBoundaries.contains($0) })
        if normalized.headCandidates.starts(with: phraseHead) {
            reading.headCandidates = row.reading.filter { !headBoundaries.contains($0) }
                + normalized.headCandidates.dropFirst(phraseHead.count)
        }
        return Reading(normalized: reading,
                       note: "\"\(row.phrase.joined(separator: " "))\" as \(row.reading.joined(separator: " ")): "
                        + row.reason)
    }
}
