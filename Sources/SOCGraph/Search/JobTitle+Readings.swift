/// Words of owners' and founders' titles, read by `SearchIndex.readingOwnership(_:)`.
///
/// **Owners and founders.** SOC classifies workers by the work they perform (SOC 2018 Manual, Classification
/// Principle 2), not by whether they own the business. socgraph reads a title that says only that the person
/// founded, owns or is a managing partner of the business ("Founder", "Co-Founder, Acme Inc.", "Founder & CEO") as
/// the work of running it, that of Chief Executives (11-1011; General and Operations Managers, 11-1021, may fit as
/// well), and the result stays flagged as a role without a field, asking for the duties. A founder who names
/// another role ("Co-Founder & VP of Sales", "Founder, CTO") is read as that role; the owner of a named business
/// ("Restaurant Owner") as its manager. A role inside a company called an owner ("Product Owner") is left as
/// written, and so is an official title whose work the reading would change ("Iron Founder").
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
    /// Words of a title that names running the business itself ("CEO", "President"), beside an ownership word.
    static let executiveWords: Set<String> = ["chief", "executive", "officer", "president", "ceo"]
    /// Words before "owner" that make it a role inside a company, not an owner of one.
    static let corporateOwnerRoles: Set<String> = [
        "product", "process", "data", "system", "systems", "service", "risk", "account", "project", "program",
        "programme", "control", "application", "platform", "feature", "asset", "content", "policy", "change",
        "release", "problem", "incident", "solution", "capability", "value", "stream", "portfolio", "epic", "budget",
    ]
    /// Words joining two roles in one title ("Founder & CEO", "Co-Founder and VP of Sales").
    static let conjunctions: Set<String> = ["&", "and", "+"]

    /// How a query's title was read, and why (shown after "Read as:").
    public struct Reading: Sendable {
        public var normalized: Normalized
        public var note: String
    }
}

/// Titles of research, universities and medicine whose words official titles use in another sense, read as the
/// U.S. occupation they name: applied to queries only, like `SearchIndex.readingOwnership(_:)`.
extension JobTitle {
    /// A phrase that starts a query's title, what it is read as, and why.
    public struct PhraseReading: Sendable {
        public let phrase: [String]
        public let reading: [String]
        public let reason: String
        /// The phrase as the note quotes it, when normalisation has reordered it.
        public var written: String? = nil
        /// Whether the phrase must be the whole title ("Postdoc", not "Postdoctoral Affairs Coordinator").
        public var whole = false
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
        // Universities, research institutes and pharmaceutical research name research-track scientists
        // investigators ("Research Investigator", "Senior Research Investigator"); O*NET's titles in "Investigator"
        // are detectives', examiners' and adjusters'.
        PhraseReading(phrase: ["research", "investigator"], reading: ["research", "scientist"],
                      reason: "a scientist who conducts research projects (a research-track title at universities, "
                        + "research institutes and pharmaceutical companies), naming no field; name the field if "
                        + "the title does not"),
        // U.K., Commonwealth and Indian universities and institutes appoint research fellows to research posts
        // after (or, as junior and senior research fellows in India, towards) the doctorate; O*NET lists "Research
        // Fellow" only among Survey Researchers' titles. Like a postdoc's, the title names no field. Read where it
        // starts the title: a "Graduate Research Fellow" is a graduate student.
        PhraseReading(phrase: ["research", "fellow"], reading: ["research", "scientist"],
                      reason: "a research appointment at a university or institute (U.K., Commonwealth, India), "
                        + "naming no field; name the field if the title does not (\"Research Fellow in Physics\")"),
        // The U.K. civil service grades its scientists Scientific Officer, Higher, Senior and Principal Scientific
        // Officer, and Indian government research establishments (the Department of Atomic Energy's) grade theirs
        // Scientific Officer; no official title has the phrase ("Chief Scientific Officer" is another title).
        PhraseReading(phrase: ["scientific", "officer"], reading: ["research", "scientist"],
                      reason: "a scientist's grade in government research (U.K. civil service, India), naming no "
                        + "field; name the field if the title does not"),
        PhraseReading(phrase: ["higher", "scientific", "officer"], reading: ["research", "scientist"],
                      reason: "a scientist's grade in government research (U.K. civil service), naming no field; "
                        + "name the field if the title does not"),
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
    ] + postdoctoralReadings + technicalStaffReadings

    /// A postdoctoral appointment is research training after the doctorate, for a scientist's career in its field:
    /// SOC classifies trainees with the occupation they train for. O*NET spreads "Postdoctoral Fellow" and its
    /// variants over Social Science Research Assistants, Natural Sciences Managers, Statisticians and a few
    /// scientists, and no title of it names the field; read as "research scientist", the field the title names
    /// decides ("Postdoctoral Fellow, Neuroscience"), and without one the results are a flagged near tie.
    static let postdoctoralReadings: [PhraseReading] = {
        let starts: [[String]] = [["postdoctoral"], ["post", "doctoral"], ["post", "doc"]]
        let roles: [[String]] = [
            ["research", "fellow"], ["research", "associate"], ["research", "scientist"], ["research", "scholar"],
            ["researcher"], ["fellow"], ["scholar"], ["associate"], ["scientist"], [],
        ]
        return roles.flatMap { role in
            starts.map { start in
                PhraseReading(phrase: start + role, reading: ["research", "scientist"],
                              reason: "research training after the doctorate, for a scientist's career in its field "
                                + "(SOC classifies trainees with the occupation they train for); name the field if "
                                + "the title does not (\"Postdoctoral Fellow, Neuroscience\")",
                              whole: role.isEmpty)
            }
        }
    }()

    /// "Member of Technical Staff" (MTS) and its grades are ranks that technology companies give engineers and
    /// scientists. Before another title they are dropped as levels ("SMTS Silicon Design Engineer"); alone, the
    /// rank says only that the person is an engineer or scientist: read as "engineer", a flagged near tie.
    static let technicalStaffReadings: [PhraseReading] = {
        let reason = "a rank technology companies give engineers and scientists, not an occupation; add the field or "
            + "the duties"
        // Normalisation turns "Member of Technical Staff" into "technical staff member", not after "Consulting".
        return [["technical", "staff", "member"], ["consulting", "member", "of", "technical", "staff"],
                ["consulting", "member", "of", "the", "technical", "staff"],
                ["member", "of", "the", "technical", "staff"], ["member", "technical", "staff"]].map {
            PhraseReading(phrase: $0, reading: ["engineer"], reason: reason, written: "member of technical staff")
        } + technicalStaffGrades.sorted().map {
            PhraseReading(phrase: [$0], reading: ["engineer"], reason: reason)
        }
    }()

    /// The grades of technical staff, which are levels before another title ("SMTS Silicon Design Engineer").
    static let technicalStaffGrades: Set<String> = ["mts", "smts", "pmts", "lmts"]

    /// The normalised query with a phrase of `phraseReadings` that starts it replaced by its reading, or nil. A row
    /// that must be the whole title also matches before "in", "of" or another boundary ("Postdoc in Physics") and
    /// at its end ("Physics Postdoc", and "Postdoc, Neuroscience" read as "neuroscience postdoctoral").
    public static func readingPhrases(_ normalized: Normalized) -> Reading? {
        var words = normalized.text.split(separator: " ").map(String.init)
        let lower = words.map { $0.lowercased() }
        // A technical-staff grade with nothing else of a title but ranks and levels ("Senior MTS", "Principal MTS";
        // with nothing left, the title stays as written).
        let bare = lower.map { $0.filter { $0.isLetter || $0.isNumber } }
        var dropped = normalized.dropped
        if let grade = (normalized.dropped + bare).first(where: technicalStaffGrades.contains),
           bare.allSatisfy({ rankWords.contains($0) || isLevel($0) || !$0.contains(where: \.isLetter) })
        {
            words = [grade]
            dropped.removeAll { $0 == grade }
        }
        let starts = { (row: PhraseReading) in
            row.phrase.count <= words.count && zip(words, row.phrase).allSatisfy { $0.lowercased() == $1 }
                && (!row.whole || row.phrase.count == words.count
                    || headBoundaries.contains(words[row.phrase.count].lowercased()))
        }
        // At the end only of a title without qualifiers ("Physics Postdoc"; not "Office Manager, Postdoc").
        let ends = { (row: PhraseReading) in
            row.whole && !normalized.qualified && row.phrase.count < words.count
                && zip(words.suffix(row.phrase.count), row.phrase).allSatisfy { $0.lowercased() == $1 }
        }
        var matched = phraseReadings.first(where: starts)
        var atEnd = false
        if matched == nil, let row = phraseReadings.first(where: ends) {
            words = row.phrase + words.dropLast(row.phrase.count)
            matched = row
            atEnd = true
        }
        guard let row = matched else { return nil }
        var reading = normalized
        reading.dropped = dropped
        // A level after the phrase goes, as it would after a title ("MTS II", kept whole when nothing else was).
        let rest = words[row.phrase.count...].filter { !isLevel($0.lowercased()) }
        reading.text = (row.reading + rest).joined(separator: " ")
        if atEnd { reading.headCandidates = row.reading }
        // The head candidates are the title part's words: the phrase's, up to a boundary, become the reading's.
        let phraseHead = row.phrase.prefix(while: { !headBoundaries.contains($0) })
        if normalized.headCandidates.starts(with: phraseHead) {
            reading.headCandidates = row.reading.filter { !headBoundaries.contains($0) }
                + normalized.headCandidates.dropFirst(phraseHead.count)
        }
        return Reading(normalized: reading,
                       note: "\"\(row.written ?? row.phrase.joined(separator: " "))\" as "
                        + "\(row.reading.joined(separator: " ")): "
                        + row.reason)
    }
}
