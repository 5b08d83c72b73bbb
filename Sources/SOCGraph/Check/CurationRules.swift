/// The codes and names a curation row may refer to. The importer answers from the official files it is importing;
/// the loader answers from the graph it is loading; both apply the same `CurationRules`.
public protocol CurationVocabulary {
    /// The CIP 2020 level of `code` (family, series, program); nil if CIP 2020 has no such code.
    func cipLevel(of code: String) -> CIPLevel?
    /// Whether the CIP program has at least one SOC match in the CIP–SOC crosswalk.
    func isCrosswalked(_ program: String) -> Bool
    /// Whether `name` is an O*NET Technology Skills example, spelled exactly.
    func isTechnology(_ name: String) -> Bool
    /// The SOC 2018 level of `code` (`.major`, `.minor`, `.broad`, `.detailed`); nil if SOC 2018 has no such code.
    func socLevel(of code: String) -> NodeKind?
    /// The title of a SOC detailed code or an O*NET specialty (`17-2199.11`); nil if there is none.
    func occupationTitle(of code: String) -> String?
    /// The framework of one of the field ids of fields.tsv; nil if `id` is not one.
    func framework(of id: String) -> Framework?
}

extension CurationVocabulary {
    public func isField(_ id: String) -> Bool { framework(of: id) != nil }
}

/// How a title term meets a title: both as lower-case words separated by single spaces, the term a run of whole
/// words of the title ("gnc engineer" contains "gnc"; "magnetics" does not contain "ai").
public enum TitleTerms {
    /// ` gnc engineer guidance navigation and controls engineer `: lower-case letters and digits, every other run
    /// of characters one space, with a space at each end.
    public static func words(_ text: String) -> String {
        var result = " "
        for character in text.lowercased() {
            if character.isLetter || character.isNumber {
                result.append(character)
            } else if result.last != " " {
                result.append(" ")
            }
        }
        return result.last == " " ? result : result + " "
    }

    /// Whether `title` contains `term` (a term as written in title-terms.tsv) as whole words.
    public static func contains(_ title: String, term: String) -> Bool {
        words(title).contains(" " + term + " ")
    }
}

/// What a row of a curation table must satisfy besides the file format: the key names a crosswalked 6-digit CIP
/// program, an O*NET technology example or a SOC detailed code; the field is a known field id; the rationale is
/// not blank; a (key, field) pair appears once. Each check returns the message of the problem, or nil.
public enum CurationRules {
    /// What is wrong with a row's key, or nil.
    public static func keyProblem(_ table: CurationTable, _ key: String,
                                  in vocabulary: some CurationVocabulary) -> String? {
        if key.isEmpty { return "empty \(table.keyColumn)" }
        switch table {
        case .programs:
            guard CodeShape.isCIP(key) else {
                return "'\(key)' is not a CIP code: give a 6-digit CIP 2020 program code such as 11.0102"
            }
            guard let level = vocabulary.cipLevel(of: key) else {
                return "unknown CIP code '\(key)': not a CIP 2020 code in CIPCode2020.csv"
            }
            guard level == .program else {
                return "CIP code '\(key)' is a \(level.rawValue), not a 6-digit program: list its programs one by one"
            }
            guard vocabulary.isCrosswalked(key) else {
                return "CIP program '\(key)' has no SOC match in the CIP 2020 – SOC 2018 crosswalk, so it reaches no "
                    + "occupation: list it under the excluded programs in curation/README.md instead"
            }
        case .technologies:
            guard vocabulary.isTechnology(key) else {
                return "unknown technology '\(key)': not an Example in O*NET Technology Skills "
                    + "(technologies.tsv); spell it exactly as published"
            }
        case .titles:
            guard " " + key + " " == TitleTerms.words(key) else {
                return "term '\(key)' is not written as lower-case words separated by single spaces (write '"
                    + TitleTerms.words(key).trimmingCharacters(in: .whitespaces) + "')"
            }
        case .occupations:
            if CodeShape.isONET(key) {
                guard vocabulary.occupationTitle(of: key) != nil else {
                    return "unknown O*NET-SOC code '\(key)': not an occupation of O*NET Occupation Data"
                }
                return nil
            }
            guard CodeShape.isSOC(key) else {
                return "'\(key)' is not a SOC code: give a SOC 2018 detailed code such as 17-2011, or an O*NET "
                    + "specialty such as 17-2199.11"
            }
            guard let level = vocabulary.socLevel(of: key) else {
                return "unknown SOC code '\(key)': not in the SOC 2018 structure (soc.tsv)"
            }
            guard level == .detailed else {
                return "SOC code '\(key)' is a \(level.rawValue) group, not a detailed occupation: link a detailed code"
            }
            if let title = vocabulary.occupationTitle(of: key), CatchAll.isCatchAll(title: title) {
                return "'\(key)' is a catch-all code (\(title)): link the O*NET specialty that works in the field "
                    + "instead"
            }
        case .inclusions:
            guard vocabulary.framework(of: key) == .chips else {
                return "'\(key)' is not a field of the \(Framework.chips.rawValue) framework: only a key technology "
                    + "focus area includes categories of the other framework"
            }
        }
        return nil
    }

    /// What is wrong with a direct link's grade, or nil.
    public static func gradeProblem(_ grade: String) -> String? {
        guard let value = AlignmentGrade(name: grade), value.isCitable else {
            return "grade '\(grade)' is not core or substantial: a direct link states that a typical incumbent "
                + "(core) or many incumbents (substantial) work in the field"
        }
        return nil
    }

    /// What is wrong with the second column of an inclusion row (a CET field), or nil.
    public static func includedProblem(_ field: String, in vocabulary: some CurationVocabulary) -> String? {
        vocabulary.framework(of: field) == .cet ? nil
            : "'\(field)' is not a field of the \(Framework.cet.rawValue) framework: a focus area includes CET categories"
    }

    /// What is wrong with a row's field, or nil.
    public static func fieldProblem(_ field: String, in vocabulary: some CurationVocabulary) -> String? {
        if vocabulary.isField(field) { return nil }
        return field.isEmpty
            ? "empty field: give one of the field ids of fields.tsv"
            : "unknown field '\(field)': use one of the ids of fields.tsv (for example 'artificial-intelligence')"
    }

    /// What is wrong with a row's rationale (blank), or nil.
    public static func rationaleProblem(_ table: CurationTable, _ rationale: String) -> String? {
        guard rationale.allSatisfy(\.isWhitespace) else { return nil }
        return "empty rationale: say in one line which part of the field the \(table.keyColumn) matches"
    }

    /// The message for a (key, field) pair already given on `firstLine`.
    public static func duplicateProblem(_ table: CurationTable, key: String, field: String, firstLine: Int) -> String {
        "duplicate (\(table.keyColumn), field) pair '\(key)', '\(field)': already on line \(firstLine); keep one row"
    }
}
