/// One occupation in a list answer (`find`): its code and title with the facts that tell occupations apart at a
/// glance. JSON keys: `code`, `title`, `education`, `jobZone`, `annualMedian`, `topCoded` (nil values as `null`).
public struct OccupationListing: Encodable, Hashable, Sendable {
    public let code: String
    public let title: String
    /// BLS typical entry education id (`master`); nil when EP does not cover the occupation or is not loaded.
    @Nullable public var education: String?
    /// O*NET Job Zone 1–5.
    @Nullable public var jobZone: Int?
    /// OEWS annual median wage, dollars; a floor when `topCoded`.
    @Nullable public var annualMedian: Int?
    /// The OEWS figures are top-coded: the median is at least this much.
    public let topCoded: Bool

    /// The listing of a detailed occupation. O(1).
    public init(graph: KnowledgeGraph, node: NodeIndex) {
        code = graph[node].id
        title = graph[node].title
        education = graph.entryEducation(of: node)?.education.rawValue
        jobZone = graph.jobZone(of: node)?.zone
        let wages = graph.facts(of: node)?.wages
        annualMedian = wages?.annualMedian
        topCoded = wages?.isTopCoded ?? false
    }
}
