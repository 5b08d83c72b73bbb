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
    /// Whether `id` is one of the field ids of fields.tsv.
    func isField(_ id: String) -> Bool
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
        case .occupations:
            guard CodeShape.isSOC(key) else {
                return "'\(key)' is not a SOC code: give a SOC 2018 detailed code such as 17-2011"
            }
            guard let level = vocabulary.socLevel(of: key) else {
                return "unknown SOC code '\(key)': not in the SOC 2018 structure (soc.tsv)"
            }
            guard level == .detailed else {
                return "SOC code '\(key)' is a \(level.rawValue) group, not a detailed occupation: link a detailed code"
            }
        }
        return nil
    }

    /// What is wrong with a row's field, or nil.
    public static func fieldProblem(_ field: String, in vocabulary: some CurationVocabulary) -> String? {
        if vocabulary.isField(field) { return nil }
        return field.isEmpty
            ? "empty field: give one of the 18 field ids of fields.tsv"
            : "unknown field '\(field)': use one of the 18 ids of fields.tsv (for example 'artificial-intelligence')"
    }

    /// What is wrong with a row's rationale (blank), or nil.
    public static func rationaleProblem(_ table: CurationTable, _ rationale: String) -> String? {
        guard rationale.allSatisfy(\.isWhitespace) else { return nil }
        return "empty rationale: say in one line which CET 2024 subfield the \(table.keyColumn) matches"
    }

    /// The message for a (key, field) pair already given on `firstLine`.
    public static func duplicateProblem(_ table: CurationTable, key: String, field: String, firstLine: Int) -> String {
        "duplicate (\(table.keyColumn), field) pair '\(key)', '\(field)': already on line \(firstLine); keep one row"
    }
}
