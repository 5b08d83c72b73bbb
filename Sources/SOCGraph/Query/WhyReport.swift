/// What `why CODE FIELD` says: every evidence path from an occupation (a detailed code or an O*NET specialty) to a
/// national-interest field, the grade and how it follows from the rule. JSON `{code, field, grade, strength, paths:
/// [...]}`, plus names, the framework, the computation and the sources.
public struct WhyReport: Encodable, Hashable, Sendable {
    public let code: String
    public let title: String
    public let field: String
    public let fieldName: String
    /// `cet-2024` or `chips-2022`, and how outputs cite it.
    public let framework: String
    public let frameworkName: String
    public let fieldNumber: Int?
    /// `core`, `substantial` or `incidental` (not an alignment to cite).
    public let grade: String
    /// What the grade claims.
    public let gradeMeaning: String
    /// Which part of the rule decided the grade.
    public let gradeReason: String
    /// 0.00 to 1.00, as written in alignments.tsv: the weight of the evidence behind the grade.
    public let strength: Double
    /// Whether the code is a catch-all, and the specialty that carries the field.
    public let catchAll: Bool
    @Nullable public var specialty: String?
    @Nullable public var specialtyTitle: String?
    @Nullable public var specialtyGrade: String?
    /// Every O*NET specialty of the code graded substantial or core in the field on its own, best first: what a
    /// petition cites instead of a catch-all.
    public let specialties: [SpecialtyGrade]
    public let computation: StrengthComputation
    /// The direct link, programs by CIP code, technologies by name, then titles (alignment-evidence.tsv order).
    public let paths: [EvidencePath]
    public let sources: [SourceCitation]

    /// The report of `occupation` (a detailed code, or a specialty: its own alignment, else its detailed code's)
    /// and `field`.
    ///
    /// - Throws: `SOCGraphError.nothingFound` when no aligns-with edge links them, saying whether any curated
    ///   path exists at all.
    public init(graph: KnowledgeGraph, occupation: NodeIndex, field: NodeIndex) throws {
        guard let alignment = graph.alignment(of: occupation, with: field) else {
            let code = graph[occupation].kind == .specialty ? (graph.parent(of: occupation) ?? occupation) : occupation
            throw SOCGraphError.nothingFound(Self.noEvidence(graph: graph, occupation: code, field: field))
        }
        let code = alignment.occupation
        self.code = graph[code].id
        title = graph[code].title
        self.field = graph[field].id
        fieldName = graph[field].title
        framework = graph.framework(of: field)?.rawValue ?? ""
        frameworkName = graph.framework(of: field)?.citation ?? ""
        fieldNumber = graph.fieldNumber(field)
        grade = alignment.grade.name
        gradeMeaning = alignment.grade.meaning
        gradeReason = alignment.gradeReason
        strength = alignment.strength
        catchAll = alignment.catchAll
        specialty = alignment.specialty.map { graph[$0].id }
        specialtyTitle = alignment.specialty.map { graph[$0].title }
        specialtyGrade = alignment.specialtyGrade?.name
        specialties = graph.children(of: code).filter { graph[$0].kind == .specialty }
            .compactMap { specialty in
                graph.alignments(of: specialty, minimum: .substantial)
                    .first { $0.field == field && $0.occupation == specialty }
            }
            .sorted { graph.ranks($0, before: $1, by: \.occupation) }
            .map { SpecialtyGrade(code: graph[$0.occupation].id, title: graph[$0.occupation].title, grade: $0.grade.name) }
        computation = StrengthComputation(alignment)
        paths = alignment.evidence.map { EvidencePath(graph: graph, occupation: code, field: field, evidence: $0) }
        sources = graph.sources.citations
    }

    /// "no evidence links 29-1141 Registered Nurses to semiconductors-and-microelectronics: …", naming what was
    /// looked at, or the paths too thin to make an edge.
    static func noEvidence(graph: KnowledgeGraph, occupation: NodeIndex, field: NodeIndex) -> String {
        let paths = graph.curatedPaths(from: occupation, to: field)
        let label = graph.label(occupation), fieldID = graph[field].id
        if !paths.isEmpty {
            let listed = paths.prefix(5).map { graph.describe($0) }.joined(separator: "; ")
                + (paths.count > 5 ? "; \(paths.count - 5) more" : "")
            return "no alignment of \(label) with \(fieldID): its curated path\(paths.count == 1 ? "" : "s") "
                + "(\(listed)) weigh\(paths.count == 1 ? "s" : "") too little against its whole profile for a grade "
                + "(strength below \(AlignmentStrength.text(AlignmentStrength.incidentalStrength))) under the rule of "
                + "Graph/README.md"
        }
        let programs = graph.programs(preparingFor: occupation).count
        let technologies = graph.degree(.uses, .outgoing, of: occupation)
        return "no evidence links \(label) to \(fieldID): none of its \(programs) crosswalked "
            + "program\(programs == 1 ? "" : "s"), \(technologies) technolog\(technologies == 1 ? "y" : "ies") or titles "
            + "is curated for that field, nor is a direct link"
    }
}

/// An O*NET specialty's own grade in a field: `{code, title, grade}`.
public struct SpecialtyGrade: Encodable, Hashable, Sendable {
    public let code: String
    public let title: String
    public let grade: String
}

/// How a strength follows from its counts, and the grade from the strength: the three parts of the rule, their
/// combination, the direct link and the specialty.
public struct StrengthComputation: Encodable, Hashable, Sendable {
    public let programs: Int
    public let programTotal: Int
    public let technologies: Int
    public let hotTechnologies: Int
    /// All the occupation's technology points (2 per hot technology, 1 per other).
    public let technologyPoints: Int
    public let titles: Int
    public let titleTotal: Int
    /// `p`: programs / programTotal, halved for a single program.
    public let programPart: Double
    /// `t`: min(1, 2 · signalling points / technologyPoints), halved for a single technology.
    public let technologyPart: Double
    /// `n`: min(1, 1.5 · titles / titleTotal).
    public let titlePart: Double
    /// `1 − (1 − ½·p)(1 − t)(1 − n)` before rounding.
    public let value: Double
    /// The grade the evidence alone supports, the curated direct grade, the specialty's grade.
    @Nullable public var evidenceGrade: String?
    @Nullable public var direct: String?
    @Nullable public var specialtyGrade: String?
    /// The rule in words.
    public let rule: String

    public init(_ alignment: FieldAlignment) {
        let parts = alignment.parts, c = alignment.counts
        (programs, programTotal, technologies, hotTechnologies) =
            (c.programs, c.programTotal, c.technologies, c.hotTechnologies)
        (technologyPoints, titles, titleTotal) = (c.technologyPoints, c.titles, c.titleTotal)
        programPart = Self.round(parts.program)
        technologyPart = Self.round(parts.technology)
        titlePart = Self.round(parts.title)
        value = Self.round(parts.value)
        evidenceGrade = AlignmentStrength.evidenceGrade(parts)?.name
        direct = alignment.direct?.name
        specialtyGrade = alignment.specialtyGrade?.name
        rule = Self.rule
    }

    /// The grade rule in one paragraph (Graph/README.md has it in full).
    public static let rule = "strength = 1 − (1 − ½·p)(1 − t)(1 − n), rounded half up to two places; evidence "
        + "grades core at 0.75 and substantial at 0.40 when at least two kinds agree (incidental at most in the SOC "
        + "major groups 27, 33, 41, 43 and 55), incidental from 0.05; the grade is the best of that, the curated direct "
        + "grade and what the code's O*NET specialties give it (their best grade one step down when specialties "
        + "graded core or substantial make up half of the code's O*NET occupations, the .00 one counted twice; else "
        + "incidental); a catch-all code is at most incidental"

    /// Four places: enough to follow the arithmetic, free of float noise in JSON.
    static func round(_ value: Double) -> Double { (value * 10_000).rounded() / 10_000 }
}

/// One path of evidence: its kind, the program or technology it goes through, the curation row's rationale, and
/// the nodes from the occupation to the field.
public struct EvidencePath: Encodable, Hashable, Sendable {
    /// `program`, `technology`, `title` or `direct`.
    public let kind: String
    /// The CIP code, technology name or title; nil for a direct link.
    @Nullable public var via: String?
    /// The CIP program's title (technologies and titles are their own); nil for a direct link.
    @Nullable public var viaTitle: String?
    /// For a title: the curated term it contains.
    @Nullable public var term: String?
    /// For a direct link: its curated grade.
    @Nullable public var grade: String?
    /// Hot Technology for the occupation (technologies only).
    @Nullable public var hot: Bool?
    /// Why the curation table ties the program, technology or occupation to the field.
    public let rationale: String
    /// `curation/cip-fields.tsv:2`: the curation row.
    public let curation: String
    /// Occupation, then the program or technology, then the field.
    public let nodes: [NodeReference]

    public init(graph: KnowledgeGraph, occupation: NodeIndex, field: NodeIndex, evidence: Evidence) {
        kind = evidence.kind.rawValue
        via = evidence.via.map { graph[$0].id } ?? evidence.title
        viaTitle = evidence.via.map { KnowledgeGraph.plainTitle(graph[$0].title) } ?? evidence.title
        term = evidence.term
        grade = evidence.grade?.name
        hot = evidence.hot
        rationale = evidence.rationale
        curation = "\(evidence.curationFile):\(evidence.curationLine)"
        nodes = ([occupation] + (evidence.via.map { [$0] } ?? []) + [field]).map { NodeReference(graph, $0) }
    }
}
