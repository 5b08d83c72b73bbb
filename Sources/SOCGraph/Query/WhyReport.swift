/// What `why CODE FIELD` says: every evidence path from a detailed occupation to a national-interest field, and
/// how the strength follows from them. JSON `{code, field, strength, paths: [...]}` as DESIGN.md, plus names,
/// the computation and the sources.
public struct WhyReport: Encodable, Hashable, Sendable {
    public let code: String
    public let title: String
    public let field: String
    public let fieldName: String
    public let fieldNumber: Int?
    /// 0.01 to 1.00, as written in alignments.tsv.
    public let strength: Double
    public let computation: StrengthComputation
    /// Programs by CIP code, technologies by name, then the direct link (alignment-evidence.tsv order).
    public let paths: [EvidencePath]
    public let sources: [SourceCitation]

    /// The report of `occupation` (a detailed code or a specialty, which stands for its detailed code) and `field`.
    ///
    /// - Throws: `SOCGraphError.nothingFound` when no aligns-with edge links them, saying whether any curated
    ///   path exists at all.
    public init(graph: KnowledgeGraph, occupation: NodeIndex, field: NodeIndex) throws {
        let code = graph[occupation].kind == .specialty ? (graph.parent(of: occupation) ?? occupation) : occupation
        guard let alignment = graph.alignment(of: code, with: field) else {
            throw SOCGraphError.nothingFound(Self.noEvidence(graph: graph, occupation: code, field: field))
        }
        self.code = graph[code].id
        title = graph[code].title
        self.field = graph[field].id
        fieldName = graph[field].title
        fieldNumber = graph.fieldNumber(field)
        strength = alignment.strength
        computation = StrengthComputation(alignment)
        paths = alignment.evidence.map { EvidencePath(graph: graph, occupation: code, field: field, evidence: $0) }
        sources = graph.sources.citations
    }

    /// "no evidence links 29-1141 Registered Nurses to semiconductors-and-microelectronics: …", naming what was
    /// looked at, or the paths too weak to make an edge.
    static func noEvidence(graph: KnowledgeGraph, occupation: NodeIndex, field: NodeIndex) -> String {
        let paths = graph.curatedPaths(from: occupation, to: field)
        let label = graph.label(occupation), fieldID = graph[field].id
        if !paths.isEmpty {
            let listed = paths.map { graph.describe($0) }.joined(separator: "; ")
            return "no aligns-with edge links \(label) to \(fieldID): its curated path\(paths.count == 1 ? "" : "s") "
                + "(\(listed)) give\(paths.count == 1 ? "s" : "") a strength below 0.01 under the rule of "
                + "Graph/README.md"
        }
        let programs = graph.programs(preparingFor: occupation).count
        let technologies = graph.degree(.uses, .outgoing, of: occupation)
        return "no evidence links \(label) to \(fieldID): none of its \(programs) crosswalked "
            + "program\(programs == 1 ? "" : "s") or \(technologies) technolog\(technologies == 1 ? "y" : "ies") "
            + "is curated for that field, nor is a direct link"
    }
}

/// How a strength follows from its counts: the three parts of the rule and their combination.
public struct StrengthComputation: Encodable, Hashable, Sendable {
    public let programs: Int
    public let programTotal: Int
    public let technologies: Int
    public let hotTechnologies: Int
    public let direct: Bool
    /// `p`: programs / programTotal, halved for a single program.
    public let programPart: Double
    /// `t`: min(1, (2·hot + other) / 6), halved for a single technology.
    public let technologyPart: Double
    /// `d`: 1 for a direct link.
    public let directPart: Double
    /// `1 − (1 − p)(1 − 0.8·t)(1 − 0.9·d)` before rounding.
    public let value: Double
    /// The rule in words.
    public let rule: String

    public init(_ alignment: FieldAlignment) {
        let parts = alignment.parts
        programs = alignment.programs
        programTotal = alignment.programTotal
        technologies = alignment.technologies
        hotTechnologies = alignment.hotTechnologies
        direct = alignment.direct
        programPart = Self.round(parts.program)
        technologyPart = Self.round(parts.technology)
        directPart = parts.direct
        value = Self.round(parts.value)
        rule = "strength = 1 − (1 − p)(1 − 0.8·t)(1 − 0.9·d), rounded half up to two places"
    }

    /// Four places: enough to follow the arithmetic, free of float noise in JSON.
    static func round(_ value: Double) -> Double { (value * 10_000).rounded() / 10_000 }
}

/// One path of evidence: its kind, the program or technology it goes through, the curation row's rationale, and
/// the nodes from the occupation to the field.
public struct EvidencePath: Encodable, Hashable, Sendable {
    /// `program`, `technology` or `direct`.
    public let kind: String
    /// The CIP code or technology name; nil for a direct link.
    @Nullable public var via: String?
    /// The CIP program's title (technologies are their own title); nil for a direct link.
    @Nullable public var viaTitle: String?
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
        via = evidence.via.map { graph[$0].id }
        viaTitle = evidence.via.map { KnowledgeGraph.plainTitle(graph[$0].title) }
        hot = evidence.hot
        rationale = evidence.rationale
        curation = "\(evidence.curationFile):\(evidence.curationLine)"
        nodes = ([occupation] + (evidence.via.map { [$0] } ?? []) + [field]).map { NodeReference(graph, $0) }
    }
}
