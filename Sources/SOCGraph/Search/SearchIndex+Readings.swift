/// The reading of owners' and founders' titles (see `JobTitle.ownershipWords` for the rule and its reasons). It
/// needs the index to tell a role ("VP Sales": a common head of titles) from a company's name ("Acme Inc.") in the
/// parts of a title.
extension SearchIndex {
    /// One role of a title: the words between segment cuts (",", " - ", "@", …), "/" and conjunctions ("&", "and").
    private struct Part {
        var words: [String]
        /// The part follows a segment cut, not a conjunction ("Founder, Acme Inc.").
        var afterCut: Bool
        var lower: [String] { words.map { $0.lowercased() } }
    }

    /// The query read as the U.S. occupation of a founder or owner, or nil when it names none or is a role inside
    /// a company ("Product Owner"): the text to normalise, the words left out, the note, and whether an official
    /// title of the query's words is to be kept instead.
    func readingOwnership(_ query: String) -> (text: String, dropped: [String], note: String, yieldsToTitle: Bool)? {
        var parts: [Part] = []
        for (s, segment) in JobTitle.segmentsOf(query).enumerated() {
            for (p, piece) in segment.split(separator: "/", omittingEmptySubsequences: true).enumerated() {
                var current = Part(words: [], afterCut: s > 0 && p == 0)
                for word in JobTitle.wordsOf(String(piece)) {
                    if JobTitle.conjunctions.contains(word.lowercased()) {
                        if !current.words.isEmpty { parts.append(current) }
                        current = Part(words: [], afterCut: false)
                    } else {
                        current.words.append(word)
                    }
                }
                if !current.words.isEmpty { parts.append(current) }
            }
        }
        // The ownership parts: an ownership word (or managing/founding partner), its "co", business words, the
        // words of a named business before it ("Restaurant Owner") and what it is of or at after it ("Owner of a
        // bakery", "Founder at Acme").
        func ownership(_ part: Part) -> (word: String, work: [String], tail: [String], owner: Bool)? {
            let lower = part.lower
            guard let i = lower.indices.first(where: { i in
                JobTitle.ownershipWords.contains(lower[i])
                    || (lower[i] == "partner" && i > 0 && JobTitle.partnerOwnership.contains(lower[i - 1]))
            }) else { return nil }
            // "Owner Representative", "Entrepreneur in Residence": the ownership word modifies another.
            guard i == lower.count - 1 || ["of", "at"].contains(lower[i + 1]) else { return nil }
            let owner = lower[i] == "owner" || lower[i] == "proprietor"
            if owner, i > 0, JobTitle.corporateOwnerRoles.contains(lower[i - 1]) { return nil }
            var word = lower[i]
            var work: [String] = []
            for (k, w) in lower[..<i].enumerated() {
                if w == "co" && k == i - 1 { word = "co-" + word; continue }
                if lower[i] == "partner" && JobTitle.partnerOwnership.contains(w) && k == i - 1 {
                    word = w + " " + word
                    continue
                }
                if JobTitle.businessWords.contains(w) || SearchText.stopWords.contains(w) || JobTitle.isLevel(w) {
                    continue
                }
                work.append(part.words[k])
            }
            return (word, work, Array(part.words[(i + 1)...]), owner)
        }
        let owned = parts.map(ownership)
        guard let first = owned.firstIndex(where: { $0 != nil }), let found = owned[first] else { return nil }
        // Executive parts ("CEO", "President") name running the business too; a part after a segment cut with no
        // common head of titles is the business's name ("Acme Inc."); other parts name another role.
        let isExecutive = { (part: Part) in
            part.lower.allSatisfy { JobTitle.executiveWords.contains($0) || SearchText.stopWords.contains($0) }
        }
        let isBusinessName = { (part: Part) in
            part.afterCut && !JobTitle.spelledOut(part.lower).contains { term in
                self.termID(term).map(self.headTerms.contains) ?? false
            }
        }
        var names: [String] = []
        var others: [Part] = []
        var executive = false
        var works: [String] = []
        var tail: [String] = []
        for (k, part) in parts.enumerated() {
            if let o = owned[k] {
                works += o.work
                if tail.isEmpty { tail = o.tail }
            } else if isExecutive(part) {
                executive = true
            } else if isBusinessName(part) {
                names += part.lower
            } else {
                others.append(part)
            }
        }
        let sense = "SOC classifies by the work performed (SOC 2018 Manual, Classification Principle 2)"
        let word = "\"\(found.word)\""
        // A founder or partner naming another role, and no executive one: that role is the work ("Co-Founder & VP
        // of Sales", "Founder, CTO").
        if !found.owner, !executive, !others.isEmpty, works.isEmpty {
            return (others.map { $0.words.joined(separator: " ") }.joined(separator: " and "), names,
                    word + " left aside: " + sense + ", and the title's other role names it", false)
        }
        // The owner of a named business manages it ("Restaurant Owner", "Owner of a bakery"); beside a role word
        // only ("Funeral Home Owner & Director") too.
        if found.owner, !executive, !works.isEmpty || !tail.isEmpty,
           others.allSatisfy({ JobTitle.isGeneric($0.lower) })
        {
            return ((works + ["manager"] + tail).joined(separator: " "), names,
                    word + " as the manager of the business: " + sense
                        + ", and socgraph reads owning a named business as managing it", !works.isEmpty)
        }
        guard others.isEmpty else { return nil }
        // A technical co-founder runs the technology: "Chief Technology Officer" is a SOC Direct Match Title of
        // 11-3021 Computer and Information Systems Managers, "CTO" an O*NET title of 11-1011.
        let ownerPart = parts[first].lower.filter { $0 != "co" }
        if ownerPart.count == 2, ["technical", "tech"].contains(ownerPart[0]), !found.owner {
            return ("chief technology officer", names, "\"technical \(found.word)\" as the chief technology "
                        + "officer: " + sense + ", and a technical founder runs the technology (11-1011 or 11-3021)",
                    false)
        }
        return ((works + ["chief", "executive"] + tail).joined(separator: " "), names,
                word + " as the chief executive of the business: " + sense + ", and socgraph reads founding or "
                    + "owning a business, with no other work named, as running it (11-1011; 11-1021 General and "
                    + "Operations Managers may fit as well)", !works.isEmpty)
    }
}

/// The reading of a vice president's title. Banks and many large companies give "Vice President" as a rank to
/// senior staff who do the work their title names ("Vice President, Software Engineer"); elsewhere a vice president
/// of a function is its top manager ("VP of Engineering"), and U.S. titles list such vice presidents among the
/// function's managers ("Sales VP" under 11-2022 Sales Managers, "HR VP" under 11-3121 Human Resources Managers).
/// A bare "Vice President" is left as written: O*NET lists it among Chief Executives (11-1011), and search asks
/// for the field.
extension SearchIndex {
    /// The query read without its vice president's rank, or nil when it has none, names nothing else, or names
    /// someone else's vice president ("Assistant to the Vice President"): the text to normalise, the words left
    /// out, the note, and, for a function read as its manager, why that reading is a guess to check.
    func readingVicePresident(_ query: String) -> (text: String, dropped: [String], note: String, guess: String?)? {
        guard let found = Self.cutting(query, at: { lower in
            for i in lower.indices {
                let end: Int
                if JobTitle.vicePresidentAbbreviations.contains(lower[i]) {
                    end = i + 1
                } else if lower[i] == "vice", i + 1 < lower.count, lower[i + 1] == "president" {
                    end = i + 2
                } else {
                    continue
                }
                var start = i
                while start > 0, JobTitle.vicePresidentGrades.contains(lower[start - 1]) { start -= 1 }
                return start..<end
            }
            return nil
        }) else { return nil }
        // Another's vice president ("Executive Assistant to the VP", "report to the vice president").
        if let before = found.before, JobTitle.otherRoleWords.contains(before) { return nil }
        let (rank, dropped, segments) = (found.words, found.dropped, found.segments)
        let meaningful = segments.joined().map { $0.lowercased() }.filter {
            !SearchText.stopWords.contains($0) && !JobTitle.isLevel($0) && !JobTitle.isNoise($0)
                && !JobTitle.vicePresidentGrades.contains($0)
        }
        // A long text is a description of duties, whose vice president is someone else's.
        guard !meaningful.isEmpty, meaningful.count <= Self.vicePresidentTitleWords else { return nil }
        let rest = segments.map { $0.joined(separator: " ") }.joined(separator: ", ")
        // A role: what is left ends in a word official titles commonly end in, not a field in -ing ("Engineering"
        // stems as "engineer"), nor an executive's ("SVP, Chief Risk Officer" is left as written).
        let head = JobTitle.normalize(rest, query: true).head
        if let head, JobTitle.executiveWords.contains(head) { return nil }
        let isRole = head.map { word in
            !word.hasSuffix("ing")
                && (termID(word).map(headTerms.contains) ?? false)
        } ?? false
        let quoted = "\"\(rank)\""
        if isRole {
            return (rest, dropped, quoted + " left aside as a rank: banks and many large companies give it to senior "
                        + "staff, and the title's other role names the work", nil)
        }
        // A function every word of which some official title holds; a company's name ("Vice President, Acme Bank",
        // "VP @ Citi") is not one.
        guard JobTitle.spelledOut(meaningful).allSatisfy(isTitleWord) else { return nil }
        let function = segments.joined().filter { !JobTitle.vicePresidentGrades.contains($0.lowercased()) }
            .joined(separator: " ")
        // The rank is read as "manager", not left out: the note says so, and the words are not listed as ignored.
        return (function + " manager", [],
                quoted + " as the manager of what it names: U.S. titles list a vice president of a function among "
                    + "its managers (\"Sales VP\" under 11-2022 Sales Managers, \"HR VP\" under 11-3121)",
                quoted + " was read as a manager of " + function.lowercased() + ": what a vice president does varies by "
                    + "employer; check the duties")
    }

    /// Whether some title (SOC, Direct Match, O*NET, ESCO) holds the term of `word` (lower case).
    func isTitleWord(_ word: String) -> Bool { termID(word).map { titleDocumentCount($0) > 0 } ?? false }

    /// The query's words (`JobTitle.segmentsOf`, `JobTitle.wordsOf`) without the first run `find` finds in a segment
    /// (given its words in lower case): the run as written, its words in lower case, the segments left and the word
    /// before the run. A preposition after a run cut at the start goes with it ("VP of Engineering", "Team Lead for
    /// Data"), and so do conjunctions at the cut ("VP & General Counsel"); empty segments are left out.
    static func cutting(_ query: String, at find: ([String]) -> Range<Int>?)
        -> (words: String, dropped: [String], segments: [[String]], before: String?)?
    {
        var segments = JobTitle.segmentsOf(query).map(JobTitle.wordsOf)
        for (segment, words) in segments.enumerated() {
            let lower = words.map { $0.lowercased() }
            guard let range = find(lower) else { continue }
            let cut = words[range].joined(separator: " ")
            segments[segment].removeSubrange(range)
            let edge = Set(["of", "for"]).union(JobTitle.conjunctions)
            if range.lowerBound == 0 {
                while let first = segments[segment].first, edge.contains(first.lowercased()) {
                    segments[segment].removeFirst()
                }
            }
            while let last = segments[segment].last, JobTitle.conjunctions.contains(last.lowercased()) {
                segments[segment].removeLast()
            }
            return (cut, Array(lower[range]), segments.filter { !$0.isEmpty },
                    range.lowerBound > 0 ? lower[range.lowerBound - 1] : nil)
        }
        return nil
    }

    /// The most meaningful words a title with a vice president's rank may have for the rank to be read
    /// (`readingVicePresident(_:)`): more are a description of duties.
    static let vicePresidentTitleWords = 6
}

extension JobTitle {
    /// The abbreviations of "vice president" (senior, executive, assistant).
    static let vicePresidentAbbreviations: Set<String> = ["vp", "svp", "evp", "avp"]
    /// Words that grade a vice president's rank or give its scope ("Senior Vice President", "Assistant Vice
    /// President", "Regional Vice President"): alone with the rank they name no function.
    static let vicePresidentGrades: Set<String> = [
        "senior", "sr", "executive", "exec", "assistant", "associate", "first", "group", "deputy", "regional",
        "corporate", "divisional", "division", "global", "national", "area", "district", "country", "zonal",
        "international", "local", "managing",
    ]
    /// Words before a vice president's rank that make it someone else's ("Assistant to the Vice President").
    static let otherRoleWords: Set<String> = ["to", "the", "of", "for", "with", "reporting", "reports"]
}

/// The reading of a team lead's title. The SOC has first-line supervisor codes only from Major Group 33-0000 on
/// (in Graph/titles.tsv, 33-0000 to 55-0000) and classifies supervisors of workers in Major Groups 13-0000 through
/// 29-0000 with the workers they supervise, and "Team Leader" alone says nothing of the work (O*NET lists it among
/// Managers, All Other and sales supervisors, and "Team Leader, Software Development" matched "Sales Team Leader"):
/// so the title is read as the work it names, and flagged as a guess, since a lead who mostly supervises workers
/// of Major Groups 33-0000 to 53-0000 has a first-line supervisor's code, and one who plans and directs the work a
/// manager's.
extension SearchIndex {
    /// The words before "Lead" or "Leader" that make a lead of a team's work: a "Technical Lead" may lead the work
    /// of any field ("Tech Lead, Machine Learning" listed Instructional Coordinators second, through "Career
    /// Technical Supervisor").
    static let leadKinds: Set<String> = ["team", "technical", "tech"]

    /// The query read without its "Team Lead" or "Team Leader" ("Technical Lead", "Tech Lead": `leadKinds`), or nil
    /// when it has none, names nothing else or another role, or is a description of duties: the text to normalise,
    /// the words left out, the note and why it is a guess.
    func readingTeamLead(_ query: String) -> (text: String, dropped: [String], note: String, guess: String)? {
        guard let found = Self.cutting(query, at: { lower in
            lower.indices.dropLast()
                .first { Self.leadKinds.contains(lower[$0]) && ["lead", "leader"].contains(lower[$0 + 1]) }
                .map { $0..<($0 + 2) }
        }) else { return nil }
        // Another's lead ("Assistant to the Team Leader").
        if let before = found.before, JobTitle.otherRoleWords.contains(before) { return nil }
        let (lead, dropped, segments) = (found.words, found.dropped, found.segments)
        let meaningful = JobTitle.spelledOut(segments.joined().map { $0.lowercased() }.filter {
            !SearchText.stopWords.contains($0) && !JobTitle.isLevel($0) && !JobTitle.isNoise($0)
        })
        // A long text is a description of duties; a word no title holds may be a company's name.
        // "Technical" names no work either ("Technical Team Lead").
        guard !meaningful.isEmpty, meaningful.count <= Self.vicePresidentTitleWords, meaningful.allSatisfy(isTitleWord),
              !meaningful.allSatisfy(Self.leadKinds.contains)
        else { return nil }
        let rest = segments.map { $0.joined(separator: " ") }.joined(separator: ", ")
        // A role beside the lead ("Team Lead (Software Engineer)") is searched as written: it is a second title, or
        // the title's head.
        let normalized = JobTitle.normalize(rest, query: true)
        if let head = normalized.head, !head.hasSuffix("ing"), termID(head).map(headTerms.contains) ?? false {
            return nil
        }
        let work = normalized.text.lowercased()
        return (rest, dropped,
                "\"\(lead)\" as a lead of the work named: the SOC has first-line supervisor codes only from Major "
                    + "Group 33-0000 on, and classifies supervisors of workers in 13-0000 through 29-0000 with the "
                    + "workers they supervise, as they usually do similar work",
                "\"\(lead)\" was read as a lead of " + work + ": one who mostly supervises workers of Major Groups "
                    + "33-0000 to 53-0000 has a first-line supervisor code, and one who plans and directs the work a "
                    + "manager's; check the duties")
    }
}
