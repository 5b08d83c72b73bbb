/// One occupation in a list answer (`find`): its code and title with the facts that tell occupations apart at a
/// glance. JSON keys: `code`, `title`, `education`, `jobZone`, `jobZoneLabel`, `annualMedian`, `topCoded` (nil
/// values as `null`).
public struct OccupationListing: Encodable, Hashable, Sendable {
    public let code: String
    public let title: String
    /// BLS typical entry education id (`master`); nil when EP does not cover the occupation or is not loaded.
    public let education: String?
    /// O*NET Job Zone 1–5.
    public let jobZone: Int?
    /// How the zone is named (`1-2` for zone 2 since O*NET 30).
    public let jobZoneLabel: String?
    /// OEWS annual median wage, dollars; a floor when `topCoded`.
    public let annualMedian: Int?
    /// The OEWS figures are top-coded: the median is at least this much.
    public let topCoded: Bool

    private enum CodingKeys: String, CodingKey { case code, title, education, jobZone, jobZoneLabel, annualMedian, topCoded }

    /// The listing of a detailed occupation. O(1).
    public init(graph: KnowledgeGraph, node: NodeIndex) {
        code = graph[node].id
        title = graph[node].title
        education = graph.entryEducation(of: node)?.education.rawValue
        jobZone = graph.jobZone(of: node)?.zone
        jobZoneLabel = jobZone.map(graph.jobZoneLabel)
        let wages = graph.facts(of: node)?.wages
        annualMedian = wages?.annualMedian
        topCoded = wages?.isTopCoded ?? false
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(code, forKey: .code)
        try c.encode(title, forKey: .title)
        try c.encode(education, forKey: .education)
        try c.encode(jobZone, forKey: .jobZone)
        try c.encode(jobZoneLabel, forKey: .jobZoneLabel)
        try c.encode(annualMedian, forKey: .annualMedian)
        try c.encode(topCoded, forKey: .topCoded)
    }
}
