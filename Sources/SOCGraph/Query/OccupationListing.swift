/// One occupation in a list answer (`find`): its code and title with the facts that tell occupations apart at a
/// glance. JSON keys: `code`, `title`, `education`, `jobZone`, `jobZoneLabel`, `annualMedian`, `topCoded` (nil
/// values as `null`).
public struct OccupationListing: Encodable, Hashable, Sendable {
    public let code: String
    public let title: String
    /// BLS typical entry education id (`master`); nil when EP does not cover the occupation or is not loaded.
    @Nullable public var education: String?
    /// O*NET Job Zone as coded (2 is "Job Zone 1-2" since O*NET 30).
    @Nullable public var jobZone: Int?
    /// How the zone is named (`1-2` for zone 2 since O*NET 30).
    @Nullable public var jobZoneLabel: String?
    /// OEWS annual median wage, dollars; a floor when `topCoded`.
    @Nullable public var annualMedian: Int?
    /// The OEWS figures are top-coded: the median is at least this much.
    public let topCoded: Bool

    /// The listing of a detailed occupation. O(1).
    public init(graph: KnowledgeGraph, node: NodeIndex) {
        code = graph[node].id
        title = graph[node].title
        education = graph.entryEducation(of: node)?.education.rawValue
        let zone = graph.jobZone(of: node)?.zone
        jobZone = zone
        jobZoneLabel = zone.map(graph.jobZoneLabel)
        let wages = graph.facts(of: node)?.wages
        annualMedian = wages?.annualMedian
        topCoded = wages?.isTopCoded ?? false
    }
}
