import SOCGraph

/// One link in a diagram, from `from` to `to` (node ids), drawn in the style of its kind.
public struct DiagramEdge: Hashable, Sendable {
    /// What a link says; the direction of each kind is given on its case.
    public enum Kind: Hashable, Sendable {
        /// Member to the SOC group it belongs to (occupation to broad group, broad to minor, minor to major).
        case parent
        /// Occupation to its BLS typical entry education level.
        case entryEducation
        /// Occupation to its O*NET Job Zone.
        case jobZone
        /// Occupation to an O*NET related occupation, with the tier of the relation.
        case related(RelatedTier)
        /// Candidate to an occupation that is related to more than one candidate.
        case sharedRelated
        /// Occupation to a national-interest field, with the alignment strength (0–1) when one is recorded.
        case alignsWith(grade: AlignmentGrade?)
        /// Study program to an occupation it prepares for (NCES CIP–SOC crosswalk).
        case preparesFor
        /// Occupation to a designation (STEM occupation, Schedule A Group I).
        case designated
        /// Occupation to a technology its workers use (O*NET Technology Skills).
        case uses

        /// The kind without its value; one legend entry and one drawing style each (tiers apart).
        var family: Family {
            switch self {
            case .parent: return .parent
            case .entryEducation: return .entryEducation
            case .jobZone: return .jobZone
            case let .related(tier): return .related(tier)
            case .sharedRelated: return .sharedRelated
            case .alignsWith: return .alignsWith
            case .preparesFor: return .preparesFor
            case .designated: return .designated
            case .uses: return .uses
            }
        }
    }

    /// An edge kind as drawn: a style and a legend line.
    enum Family: Hashable, Comparable, Sendable {
        case parent
        case entryEducation
        case jobZone
        case related(RelatedTier)
        case sharedRelated
        case alignsWith
        case preparesFor
        case designated
        case uses

        static let all: [Family] = [.parent, .entryEducation, .jobZone]
            + RelatedTier.allCases.map { .related($0) }
            + [.sharedRelated, .alignsWith, .preparesFor, .designated, .uses]

        static func < (lhs: Family, rhs: Family) -> Bool {
            all.firstIndex(of: lhs)! < all.firstIndex(of: rhs)!
        }
    }

    public var from: String
    public var to: String
    public var kind: Kind
    /// Text drawn on the edge (under the strength an alignment shows); the tier of a related link is shown by
    /// its line style, explained in the legend, and written only when given here.
    public var label: String?

    public init(from: String, to: String, kind: Kind, label: String? = nil) {
        self.from = from
        self.to = to
        self.kind = kind
        self.label = label
    }
}
