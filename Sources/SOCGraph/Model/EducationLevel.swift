import Foundation

/// The eight BLS "typical education needed for entry" categories, in rank order.
public enum EducationLevel: String, CaseIterable, Comparable, Codable, Sendable {
    case none
    case highSchool = "high-school"
    case someCollege = "some-college"
    case postsecondaryNondegree = "postsecondary-nondegree"
    case associate
    case bachelor
    case master
    case doctoral

    /// 1 (no formal credential) through 8 (doctoral or professional degree).
    public var rank: Int { Self.allCases.firstIndex(of: self)! + 1 }

    /// The category as BLS Employment Projections spells it.
    public var blsTitle: String {
        switch self {
        case .none: return "No formal educational credential"
        case .highSchool: return "High school diploma or equivalent"
        case .someCollege: return "Some college, no degree"
        case .postsecondaryNondegree: return "Postsecondary nondegree award"
        case .associate: return "Associate's degree"
        case .bachelor: return "Bachelor's degree"
        case .master: return "Master's degree"
        case .doctoral: return "Doctoral or professional degree"
        }
    }

    /// Parses a BLS title (as in EP Table 1.2) or a slug.
    public init?(blsTitle: String) {
        let normalized = blsTitle.replacing("\u{2019}", with: "'")
        if let level = Self.allCases.first(where: { $0.blsTitle == normalized || $0.rawValue == normalized }) {
            self = level
        } else {
            return nil
        }
    }

    public static func < (lhs: EducationLevel, rhs: EducationLevel) -> Bool { lhs.rank < rhs.rank }
}
