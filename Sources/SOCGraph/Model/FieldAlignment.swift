/// An `aligns-with` edge: how strongly a detailed occupation aligns with a national-interest field, the counts the
/// strength is computed from (rule in `AlignmentStrength`), and every path of evidence behind it.
public struct FieldAlignment: Hashable, Sendable {
    /// The detailed occupation.
    public let occupation: NodeIndex
    /// The national-interest field.
    public let field: NodeIndex
    /// 0.01 to 1.00, two places, as written in alignments.tsv.
    public let strength: Double
    /// Signalling CIP programs crosswalked to the occupation.
    public let programs: Int
    /// All CIP programs crosswalked to the occupation.
    public let programTotal: Int
    /// Signalling technologies O*NET lists for the occupation.
    public let technologies: Int
    /// How many of `technologies` are Hot Technologies for the occupation.
    public let hotTechnologies: Int
    /// Whether a curated direct link exists.
    public let direct: Bool
    /// The paths, in alignment-evidence.tsv order: programs by CIP code, technologies by name, then the direct link.
    public let evidence: [Evidence]

    /// The parts of the strength rule for these counts (`parts.value` rounds to `strength`).
    public var parts: AlignmentStrength.Parts {
        AlignmentStrength.parts(programs: programs, programTotal: programTotal, hotTechnologies: hotTechnologies,
                                otherTechnologies: technologies - hotTechnologies, direct: direct)
    }

    /// The evidence, strongest kind first: the direct link, programs, hot technologies, other technologies (each
    /// group in file order).
    public var evidenceByWeight: [Evidence] {
        func rank(_ evidence: Evidence) -> Int {
            switch evidence.kind {
            case .direct: return 0
            case .program: return 1
            case .technology: return evidence.hot == true ? 2 : 3
            }
        }
        return evidence.enumerated().sorted { (rank($0.element), $0.offset) < (rank($1.element), $1.offset) }
            .map(\.element)
    }
}

/// One path from an occupation to a field: through a CIP program, through a technology, or a curated direct link.
public struct Evidence: Hashable, Sendable {
    /// The kinds of path, as written in alignment-evidence.tsv.
    public enum Kind: String, CaseIterable, Codable, Sendable {
        /// occupation ← prepares-for ← CIP program → field (curation/cip-fields.tsv).
        case program
        /// occupation → uses → technology → field (curation/technology-fields.tsv).
        case technology
        /// occupation → field (curation/occupation-fields.tsv).
        case direct
    }

    public let kind: Kind
    /// The CIP program or technology node; nil for a direct link.
    public let via: NodeIndex?
    /// For a technology: whether O*NET flags it a Hot Technology for the occupation; nil otherwise.
    public let hot: Bool?
    /// The curation row's rationale.
    public let rationale: String
    /// Where the curation row is (`curation/cip-fields.tsv`, line).
    public let curationFile: String
    public let curationLine: Int
}
