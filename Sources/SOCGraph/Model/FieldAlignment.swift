/// An `aligns-with` edge: how central a national-interest field is to a detailed occupation or an O*NET specialty,
/// as a grade (the headline) and the strength behind it, the counts the strength is computed from (rule in
/// `AlignmentStrength`), and every path of evidence behind it.
public struct FieldAlignment: Hashable, Sendable {
    /// The detailed occupation or O*NET specialty.
    public let occupation: NodeIndex
    /// The national-interest field.
    public let field: NodeIndex
    /// Core, substantial or incidental, from the rule of Graph/README.md.
    public let grade: AlignmentGrade
    /// 0.00 to 1.00, two places, as written in alignments.tsv: the weight of the evidence, not a grade.
    public let strength: Double
    /// The counts behind the strength.
    public let counts: AlignmentStrength.Counts
    /// The grade of a curated direct link, if any.
    public let direct: AlignmentGrade?
    /// For a detailed code: its O*NET specialty with the best grade in the field, if one is graded; nil otherwise.
    public let specialty: NodeIndex?
    /// What the code's specialties give it in the field (`AlignmentStrength.rolledUp`), if any is graded.
    public let specialtyGrade: AlignmentGrade?
    /// Whether the occupation is a catch-all ("All Other") code, graded for its typical incumbent.
    public let catchAll: Bool
    /// Whether the occupation's SOC major group uses rather than works in fields (`AlignmentStrength.userMajorGroups`).
    public let userGroup: Bool
    /// The paths, in alignment-evidence.tsv order: the direct link, programs by CIP code, technologies by name,
    /// then titles.
    public let evidence: [Evidence]

    public init(occupation: NodeIndex, field: NodeIndex, grade: AlignmentGrade, strength: Double,
                counts: AlignmentStrength.Counts, direct: AlignmentGrade?, specialty: NodeIndex?,
                specialtyGrade: AlignmentGrade?, catchAll: Bool, userGroup: Bool = false, evidence: [Evidence]) {
        (self.occupation, self.field, self.grade, self.strength, self.counts) =
            (occupation, field, grade, strength, counts)
        (self.direct, self.specialty, self.specialtyGrade, self.catchAll, self.evidence) =
            (direct, specialty, specialtyGrade, catchAll, evidence)
        self.userGroup = userGroup
    }

    public var programs: Int { counts.programs }
    public var programTotal: Int { counts.programTotal }
    public var technologies: Int { counts.technologies }
    public var hotTechnologies: Int { counts.hotTechnologies }
    public var titles: Int { counts.titles }

    /// The parts of the strength rule for these counts (`parts.value` rounds to `strength`).
    public var parts: AlignmentStrength.Parts { AlignmentStrength.parts(counts) }

    /// Which part of the rule decided the grade.
    public var gradeReason: String {
        AlignmentStrength.reason(parts, direct: direct, specialty: specialtyGrade, catchAll: catchAll,
                                 userGroup: userGroup)
    }

    /// The evidence, strongest kind first: the direct link, programs, titles, hot technologies, other technologies
    /// (each group in file order).
    public var evidenceByWeight: [Evidence] {
        func rank(_ evidence: Evidence) -> Int {
            switch evidence.kind {
            case .direct: return 0
            case .program: return 1
            case .title: return 2
            case .technology: return evidence.hot == true ? 3 : 4
            }
        }
        return evidence.enumerated().sorted { (rank($0.element), $0.offset) < (rank($1.element), $1.offset) }
            .map(\.element)
    }
}

/// One path from an occupation to a field: through a CIP program, a technology, a title that names the field's
/// work, or a curated direct link.
public struct Evidence: Hashable, Sendable {
    /// The kinds of path, as written in alignment-evidence.tsv.
    public enum Kind: String, CaseIterable, Codable, Sendable {
        /// occupation ← prepares-for ← CIP program → field (curation/cip-fields.tsv).
        case program
        /// occupation → uses → technology → field (curation/technology-fields.tsv).
        case technology
        /// one of the occupation's titles names the field's work (curation/title-terms.tsv).
        case title
        /// occupation → field (curation/occupation-fields.tsv), with a grade.
        case direct
    }

    public let kind: Kind
    /// The CIP program or technology node; nil for a title or a direct link.
    public let via: NodeIndex?
    /// For a title: the title, and the curated term it contains.
    public let title: String?
    public let term: String?
    /// For a technology: whether O*NET flags it a Hot Technology for the occupation; nil otherwise.
    public let hot: Bool?
    /// For a direct link: its curated grade.
    public let grade: AlignmentGrade?
    /// The curation row's rationale.
    public let rationale: String
    /// Where the curation row is (`curation/cip-fields.tsv`, line).
    public let curationFile: String
    public let curationLine: Int

    public init(kind: Kind, via: NodeIndex?, title: String? = nil, term: String? = nil, hot: Bool?,
                grade: AlignmentGrade? = nil, rationale: String, curationFile: String, curationLine: Int) {
        (self.kind, self.via, self.title, self.term, self.hot, self.grade) = (kind, via, title, term, hot, grade)
        (self.rationale, self.curationFile, self.curationLine) = (rationale, curationFile, curationLine)
    }
}
