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
    /// The fields `occupation` aligns with, strongest first (ties by field id): its `aligns-with` edges with their
    /// strength and evidence (`describe`). Empty when the graph holds no alignments for it.
    ///
    /// The one place diagrams and memos read alignments from. O(d log d) for the occupation's d alignments.
    public func fieldLinks(of occupation: NodeIndex) -> [FieldLink] {
        let kind = self[occupation].kind
        guard kind == .detailed || kind == .specialty else { return [] }
        return alignments(of: occupation).map { alignment in
            FieldLink(field: alignment.field, strength: alignment.strength,
                      evidence: alignment.evidenceByWeight.map { describe($0) })
        }
    }
}
