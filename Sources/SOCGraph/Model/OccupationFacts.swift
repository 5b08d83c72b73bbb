/// OEWS May 2025 national estimates for a detailed occupation (BLS). A nil figure was not released.
public struct Wages: Hashable, Sendable {
    /// The OEWS code the figures come from: the occupation's own code or an OEWS aggregate covering it.
    public let oewsCode: String
    public let employment: Int?
    public let annualMean: Int?
    public let annualP10: Int?
    public let annualP25: Int?
    public let annualMedian: Int?
    public let annualP75: Int?
    public let annualP90: Int?
    public let hourlyMedian: Double?
    /// OEWS footnote codes; 5 means top-coded (the figure is a floor: at least $239,200 a year).
    public let footnotes: [Int]

    /// True when some annual figure is top-coded (footnote 5).
    public var isTopCoded: Bool { footnotes.contains(5) }
}

/// BLS Employment Projections 2024–34 for a detailed occupation (Table 1.2). Employment figures in thousands.
public struct Projection: Hashable, Sendable {
    /// The EP line item: the code itself or an EP aggregate covering it (the aggregate's figures, not a share).
    public let epCode: String
    public let employment2024: Double?
    public let employment2034: Double?
    public let changeNumeric: Double?
    public let changePercent: Double?
    public let openingsAnnual: Double?
    /// The 2024 median annual wage in dollars; with `medianWage2024TopCoded` a floor (BLS publishes `>=$239,200`).
    public let medianWage2024: Int?
    public let medianWage2024TopCoded: Bool
}

/// One O*NET Required Level of Education category (scale RL, categories 1–12).
public struct EducationCategory: Hashable, Sendable {
    public let category: Int
    public let title: String
    /// The nearest BLS entry-education level.
    public let level: EducationLevel
}

/// The share of respondents whose job requires one O*NET education category.
public struct EducationShare: Hashable, Sendable {
    public let category: Int
    public let percent: Double
}

/// The attributes of a detailed occupation or O*NET specialty that are not edges. Every part is nil or empty
/// when the source does not publish it.
public struct OccupationFacts: Hashable, Sendable {
    public internal(set) var wages: Wages?
    public internal(set) var projection: Projection?
    /// O*NET Required Level of Education, by category number; for a detailed code, that of its `.00` O*NET code.
    public internal(set) var educationDistribution: [EducationShare] = []
}
