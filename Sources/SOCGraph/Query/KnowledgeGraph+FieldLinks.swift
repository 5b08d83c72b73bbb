/// A national-interest field an occupation aligns with, as diagrams and memos draw it.
public struct FieldLink: Hashable, Sendable {
    /// The field node.
    public let field: NodeIndex
    /// The alignment strength (0–1), when the graph records one.
    public let strength: Double?
    /// The evidence for the alignment, one line per path, when the graph records it.
    public let evidence: [String]
}

extension KnowledgeGraph {
    /// The fields `occupation` aligns with, in field order: the graph's `aligns-with` edges, with the strength and
    /// evidence its `OccupationReport` carries. Empty while the graph holds no alignments.
    ///
    /// The one place diagrams and memos read alignments from, so that they follow however alignments are
    /// loaded. O(degree of the occupation).
    public func fieldLinks(of occupation: NodeIndex) -> [FieldLink] {
        let kind = self[occupation].kind
        guard kind == .detailed || kind == .specialty else { return [] }
        let summaries = OccupationReport(graph: self, node: occupation).fields
        var fields = Set(neighbours(.alignsWith, of: occupation))
        var byField: [NodeIndex: FieldSummary] = [:]
        for summary in summaries {
            guard let field = node(id: summary.id), self[field].kind == .field else { continue }
            fields.insert(field)
            byField[field] = summary
        }
        return fields.sorted().map { field in
            let summary = byField[field]
            let strength = summary.flatMap { Double($0.strength) }.map { min(max($0, 0), 1) }
            return FieldLink(field: field, strength: strength, evidence: summary?.evidence ?? [])
        }
    }
}
