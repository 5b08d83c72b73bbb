/// The official list a national-interest field comes from. Every output that names a field names its framework.
public enum Framework: String, CaseIterable, Sendable, Codable {
    /// The 18 categories of the NSTC Critical and Emerging Technologies List Update (February 2024).
    case cet = "cet-2024"
    /// The ten key technology focus areas of the CHIPS and Science Act of 2022, section 10387.
    case chips = "chips-2022"

    /// How outputs cite the framework.
    public var citation: String {
        switch self {
        case .cet: return "Critical and Emerging Technologies List Update (NSTC, Feb 2024)"
        case .chips: return "CHIPS and Science Act of 2022, sec. 10387 key technology focus areas"
        }
    }

    /// A short label for tables and diagrams.
    public var label: String {
        switch self {
        case .cet: return "CET 2024"
        case .chips: return "CHIPS 10387"
        }
    }

    /// What one field of the framework is called.
    public var fieldNoun: String {
        switch self {
        case .cet: return "category"
        case .chips: return "key technology focus area"
        }
    }
}

/// A field's number in its framework's list and the framework.
public struct FieldFacts: Hashable, Sendable {
    public let number: Int
    public let framework: Framework
}
