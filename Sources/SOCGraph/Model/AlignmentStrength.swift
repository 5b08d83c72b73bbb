/// How central a national-interest field is to an occupation's work (Graph/README.md, "The grade rule").
///
/// - `core`: a typical incumbent works in the field;
/// - `substantial`: many incumbents do;
/// - `incidental`: some touch the field's tools or programs; never cited as an alignment.
public enum AlignmentGrade: Int, Comparable, CaseIterable, Sendable, Codable {
    case incidental = 1
    case substantial = 2
    case core = 3

    public static func < (a: AlignmentGrade, b: AlignmentGrade) -> Bool { a.rawValue < b.rawValue }

    /// `core`, `substantial`, `incidental`: as written in Graph/ and in JSON.
    public var name: String {
        switch self {
        case .core: return "core"
        case .substantial: return "substantial"
        case .incidental: return "incidental"
        }
    }

    public init?(name: String) {
        guard let grade = Self.allCases.first(where: { $0.name == name }) else { return nil }
        self = grade
    }

    /// What the grade claims, for tables and memos.
    public var meaning: String {
        switch self {
        case .core: return "a typical incumbent works in the field"
        case .substantial: return "many incumbents work in the field"
        case .incidental: return "some incumbents touch the field's tools or programs; not an alignment to cite"
        }
    }

    /// The grades a petition may cite: core and substantial.
    public var isCitable: Bool { self >= .substantial }

    /// One step down (a specialty's grade as it reaches its SOC code); nil below incidental.
    public var lowered: AlignmentGrade? { AlignmentGrade(rawValue: rawValue - 1) }
}

/// The grade rule of `aligns-with` (Graph/README.md). The strength weighs the evidence against the occupation's
/// whole profile: the share of its crosswalked programs that signal the field, the share of its technology points
/// (2 per hot technology, 1 per other) that do, and the share of its titles that name the field's work. The three
/// parts combine like independent pieces of evidence, `1 − (1 − ½·p)(1 − t)(1 − n)`; the grade follows from the
/// strength, the number of kinds of evidence, a curated direct grade, the grades of its specialties and whether the code
/// is a catch-all. The importer grades with it; the loader checks every row with it.
public enum AlignmentStrength {
    /// Weight of the program part: a crosswalked program says what some incumbents studied, not what they do.
    public static let programWeight = 0.5
    /// The technology share that makes the technology part whole is 1 / technologyScale (half the tool points).
    public static let technologyScale = 2.0
    /// The title share that makes the title part whole is 1 / titleScale (two titles in three).
    public static let titleScale = 1.5
    /// Strength and kinds of evidence that grade an alignment core or substantial on evidence alone.
    public static let coreStrength = 0.75
    public static let substantialStrength = 0.4
    /// Below this strength, evidence alone makes no alignment (not written).
    public static let incidentalStrength = 0.05

    /// The three parts of a strength and the value they combine to.
    public struct Parts: Hashable, Sendable, Encodable {
        /// Program part: the share of crosswalked programs that signal the field, halved for a single program.
        public let program: Double
        /// Technology part: `min(1, 2 · signalling points / all points)`, halved for a single technology.
        public let technology: Double
        /// Title part: `min(1, 1.5 · titles naming the field / all titles)`.
        public let title: Double
        /// `1 − (1 − ½·p)(1 − t)(1 − n)`, unrounded.
        public let value: Double

        /// How many of the three parts are above zero.
        public var kinds: Int { [program, technology, title].filter { $0 > 0 }.count }
    }

    /// The counts behind a strength.
    public struct Counts: Hashable, Sendable {
        public var programs = 0, programTotal = 0
        public var technologies = 0, hotTechnologies = 0, technologyPoints = 0
        public var titles = 0, titleTotal = 0

        public init(programs: Int = 0, programTotal: Int = 0, technologies: Int = 0, hotTechnologies: Int = 0,
                    technologyPoints: Int = 0, titles: Int = 0, titleTotal: Int = 0) {
            (self.programs, self.programTotal) = (programs, programTotal)
            (self.technologies, self.hotTechnologies, self.technologyPoints) =
                (technologies, hotTechnologies, technologyPoints)
            (self.titles, self.titleTotal) = (titles, titleTotal)
        }

        /// Technology points of the signalling technologies: 2 per hot one, 1 per other.
        public var signallingPoints: Int { technologies + hotTechnologies }
        public var hasEvidence: Bool { programs + technologies + titles > 0 }
    }

    public static func programPart(programs: Int, programTotal: Int) -> Double {
        guard programs > 0, programTotal > 0 else { return 0 }
        let share = Double(programs) / Double(programTotal)
        return programs == 1 ? share / 2 : share
    }

    public static func technologyPart(_ counts: Counts) -> Double {
        guard counts.technologies > 0, counts.technologyPoints > 0 else { return 0 }
        let part = min(1, technologyScale * Double(counts.signallingPoints) / Double(counts.technologyPoints))
        return counts.technologies == 1 ? part / 2 : part
    }

    public static func titlePart(titles: Int, titleTotal: Int) -> Double {
        guard titles > 0, titleTotal > 0 else { return 0 }
        return min(1, titleScale * Double(titles) / Double(titleTotal))
    }

    public static func parts(_ counts: Counts) -> Parts {
        let p = programPart(programs: counts.programs, programTotal: counts.programTotal)
        let t = technologyPart(counts)
        let n = titlePart(titles: counts.titles, titleTotal: counts.titleTotal)
        return Parts(program: p, technology: t, title: n, value: 1 - (1 - programWeight * p) * (1 - t) * (1 - n))
    }

    /// The grade evidence alone supports: core at strength 0.75 and substantial at 0.4, each with at least two
    /// kinds of evidence agreeing; incidental from 0.05; nil below.
    public static func evidenceGrade(_ parts: Parts) -> AlignmentGrade? {
        let value = Double(hundredths(parts.value)) / 100
        if parts.kinds >= 2, value >= coreStrength { return .core }
        if parts.kinds >= 2, value >= substantialStrength { return .substantial }
        return value >= incidentalStrength ? .incidental : nil
    }

    /// What a code's O*NET specialties give it in a field: each specialty stands for a share of the code, its O*NET
    /// occupations counted with the `.00` occupation (the typical incumbent) twice. When the specialties graded core
    /// or substantial in the field make up at least half of that count, the code takes the best of their grades one
    /// step down (many incumbents work in the field); otherwise incidental. Nil when no specialty is graded.
    ///
    /// - Parameters:
    ///   - best: the best grade of the code's specialties in the field.
    ///   - graded: how many of them are graded core or substantial.
    ///   - occupations: the code's O*NET occupations, `.00` counted twice.
    public static func rolledUp(best: AlignmentGrade?, graded: Int, occupations: Int) -> AlignmentGrade? {
        guard let best, best.isCitable else { return nil }
        return 2 * graded >= occupations ? best.lowered : .incidental
    }

    /// SOC major groups whose incumbents sell, record, guard or field a technology rather than work in its field
    /// (27 arts and media, 33 protective service, 41 sales, 43 office support, 55 military): their titles and tools
    /// name a field because they use it, so evidence alone grades them incidental at most.
    public static let userMajorGroups: Set<String> = ["27", "33", "41", "43", "55"]

    /// Whether `code` (SOC or O*NET-SOC) is in one of `userMajorGroups`.
    public static func isUserGroup(_ code: String) -> Bool { userMajorGroups.contains(String(code.prefix(2))) }

    /// The grade of an alignment: the best of the evidence grade (incidental at most in a user group), the curated
    /// direct grade and what the code's specialties give it (`rolledUp`); a catch-all ("All Other") code is graded for its typical
    /// incumbent, so at most incidental (its specialty carries the field). Nil: no alignment.
    public static func grade(_ parts: Parts, direct: AlignmentGrade?, specialty: AlignmentGrade?,
                             catchAll: Bool, userGroup: Bool = false) -> AlignmentGrade? {
        let evidence = userGroup ? evidenceGrade(parts).map { min($0, .incidental) } : evidenceGrade(parts)
        let best = [evidence, direct, specialty].compactMap { $0 }.max()
        guard let best else { return nil }
        return catchAll ? min(best, .incidental) : best
    }

    /// Which part of the rule decided the grade, for `why`.
    public static func reason(_ parts: Parts, direct: AlignmentGrade?, specialty: AlignmentGrade?,
                              catchAll: Bool, userGroup: Bool = false) -> String {
        guard let grade = grade(parts, direct: direct, specialty: specialty, catchAll: catchAll,
                                userGroup: userGroup) else {
            return "no grade: the evidence gives strength \(text(parts.value)), below \(text(incidentalStrength))"
        }
        let evidence = evidenceGrade(parts)
        var reasons: [String] = []
        if let evidence {
            let kinds = parts.kinds == 1 ? "one kind of evidence" : "\(parts.kinds) kinds of evidence"
            reasons.append("the evidence (strength \(text(parts.value)), \(kinds)) supports \(evidence.name)")
        }
        if userGroup, let evidence, evidence > .incidental {
            reasons.append("its major group uses the field's technology rather than working in it, so evidence alone "
                           + "counts incidental")
        }
        if let direct { reasons.append("the curated direct link says \(direct.name)") }
        if let specialty {
            reasons.append("its O*NET specialties graded in the field give the code \(specialty.name)")
        }
        var text = grade.name + ": " + reasons.joined(separator: "; ")
        if catchAll, [evidence, direct, specialty].compactMap({ $0 }).max() ?? .incidental > .incidental {
            text += "; a catch-all code is graded for its typical incumbent, at most incidental (cite the specialty)"
        }
        return text
    }

    /// Hundredths, rounded half up; a tiny margin keeps float noise (0.12499999…) from deciding a tie.
    public static func hundredths(_ value: Double) -> Int { Int((value * 100 + 1e-9).rounded()) }

    /// `0.83`: two decimals.
    public static func text(_ value: Double) -> String {
        let cents = hundredths(value)
        return "\(cents / 100).\(cents % 100 < 10 ? "0" : "")\(cents % 100)"
    }
}
