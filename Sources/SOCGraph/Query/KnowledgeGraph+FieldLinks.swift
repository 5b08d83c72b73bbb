/// A national-interest field an occupation aligns with, as diagrams and memos draw it.
public struct FieldLink: Hashable, Sendable {
    /// The field node.
    public let field: NodeIndex
    /// The alignment grade (core or substantial), when the graph records one.
    public let grade: AlignmentGrade?
    /// The framework of the field.
    public let framework: Framework?
    /// The alignment strength (0–1) behind the grade, when the graph records one.
    public let strength: Double?
    /// The evidence for the alignment, one line per path, when the graph records it.
    public let evidence: [String]
}

extension KnowledgeGraph {
    /// The fields `occupation` aligns with at grade substantial or core, best first (grade, strength, field id): its
    /// `aligns-with` edges with their grade, strength and evidence (`describe`). Incidental links are left out:
    /// diagrams and memos cite alignments, and only `why` shows incidental ones. Empty when the graph holds none.
    ///
    /// The one place diagrams and memos read alignments from. O(d log d) for the occupation's d alignments.
    public func fieldLinks(of occupation: NodeIndex) -> [FieldLink] {
        let kind = self[occupation].kind
        guard kind == .detailed || kind == .specialty else { return [] }
        return alignments(of: occupation, minimum: .substantial).map { alignment in
            FieldLink(field: alignment.field, grade: alignment.grade, framework: framework(of: alignment.field),
                      strength: alignment.strength,
                      evidence: alignment.evidenceByWeight.map { describe($0) })
        }
    }
}
