/// The three levels of the CIP 2020 taxonomy.
public enum CIPLevel: String, CaseIterable, Codable, Sendable {
    /// Two digits, `11`.
    case family
    /// Four digits, `11.01`.
    case series
    /// Six digits, `11.0102`.
    case program
}

/// A CIP 2020 code with its DHS STEM designation (programs only).
public struct Program: Hashable, Sendable {
    public let level: CIPLevel
    /// For programs: on the DHS STEM Designated Degree Program List (July 2024); nil for families and series.
    public let stem: Bool?
    /// Why it is STEM: `listed`, or `series-14`/`-26`/`-27`/`-40` (every code in the series); nil otherwise.
    public let stemBasis: String?
}
