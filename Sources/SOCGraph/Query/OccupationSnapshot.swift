/// What a petition may cite about one detailed occupation in one graph: the unit `GraphDiff` compares. Codes and
/// field ids, not node indexes, so that snapshots of two graphs compare directly.
public struct OccupationSnapshot: Sendable {
    public let code: String
    /// The SOC 2018 title.
    public let title: String
    /// BLS typical education needed for entry; nil when EP does not cover the code.
    public let entryEducation: EducationLevel?
    /// The O*NET Job Zone as the graph names it (`4`; `1-2` for O*NET 30's merged zone, coded 2): compared by name,
    /// so that a zone-2 code of an earlier release that is now in "Job Zone 1-2" shows as a change.
    public let jobZone: String?
    /// Related detailed occupations (O*NET Related Occupations projected to SOC), by code.
    public let related: [String: NodeReference]
    /// National-interest alignments: field id → the field's name and what is compared of the alignment.
    public let alignments: [String: (name: String, state: AlignmentState)]
    public let designations: Set<Designation>
    public let wages: WageState

    /// The snapshot of detailed occupation `occupation`. O(degree).
    public init(graph: KnowledgeGraph, occupation: NodeIndex) {
        code = graph[occupation].id
        title = graph[occupation].title
        entryEducation = graph.entryEducation(of: occupation)?.education
        jobZone = graph.jobZone(of: occupation).map { graph.jobZoneLabel($0.zone) }
        var related: [String: NodeReference] = [:]
        for (other, _) in graph.related(of: occupation) { related[graph[other].id] = NodeReference(graph, other) }
        self.related = related
        var alignments: [String: (name: String, state: AlignmentState)] = [:]
        for alignment in graph.alignments(of: occupation) {
            alignments[graph[alignment.field].id] = (graph[alignment.field].title, AlignmentState(alignment))
        }
        self.alignments = alignments
        designations = Set(graph.designations(of: occupation).map(\.designation))
        let wages = graph.facts(of: occupation)?.wages
        let median = wages?.annualMedian
        self.wages = WageState(annualMedian: median,
                               topCoded: wages?.isTopCoded == true && (median ?? 0) >= WageSummary.topCodedFloor)
    }
}

/// What the change report compares of one national-interest alignment: its grade and the strength behind it.
/// Equality, the JSON `old`/`new` objects and the report's columns all follow from this type.
public struct AlignmentState: Encodable, Hashable, Sendable {
    /// `core`, `substantial` or `incidental`; nil for a state built without one.
    @Nullable public var grade: String?
    /// 0.00 to 1.00, as written in alignments.tsv.
    public let strength: Double

    public init(strength: Double, grade: String? = nil) {
        self.strength = strength
        self.grade = grade
    }

    public init(_ alignment: FieldAlignment) {
        strength = alignment.strength
        grade = alignment.grade.name
    }
}

/// The OEWS national annual median wage the change report compares; both figures absent when OEWS has none.
public struct WageState: Encodable, Hashable, Sendable {
    /// Dollars; nil when not released.
    public let annualMedian: Int?
    /// True when OEWS top-codes the median (footnote 5): it is a floor, at least $239,200 a year.
    public let topCoded: Bool

    public init(annualMedian: Int?, topCoded: Bool) {
        self.annualMedian = annualMedian
        self.topCoded = topCoded
    }

    private enum CodingKeys: String, CodingKey { case annualMedian, topCoded }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(annualMedian, forKey: .annualMedian)
        try c.encode(topCoded, forKey: .topCoded)
    }
}
