/// The strength rule of `aligns-with` (Graph/README.md): each kind of path gives a part between 0 and 1, a kind
/// resting on a single row counts half, and the parts combine like independent pieces of evidence,
/// `1 − (1 − p)(1 − 0.8·t)(1 − 0.9·d)`. The importer writes strengths with it; the loader checks them with it.
public enum AlignmentStrength {
    /// Weight of the technology part in the combination.
    public static let technologyWeight = 0.8
    /// Weight of the direct part in the combination.
    public static let directWeight = 0.9
    /// Technology points (2 per hot technology, 1 per other) that make the technology part whole.
    public static let technologyPoints = 6

    /// The three parts of a strength and the value they combine to.
    public struct Parts: Hashable, Sendable, Encodable {
        /// Program part: the share of crosswalked programs that signal the field, halved for a single program.
        public let program: Double
        /// Technology part: `min(1, (2·hot + other) / 6)`, halved for a single technology.
        public let technology: Double
        /// Direct part: 1 for a curated direct link, else 0.
        public let direct: Double
        /// `1 − (1 − p)(1 − 0.8·t)(1 − 0.9·d)`, unrounded.
        public let value: Double
    }

    /// Program part: the share of the occupation's crosswalked programs that signal the field, halved when only one
    /// program does (a single crosswalk row is thin evidence).
    public static func programPart(programs: Int, programTotal: Int) -> Double {
        guard programs > 0, programTotal > 0 else { return 0 }
        let share = Double(programs) / Double(programTotal)
        return programs == 1 ? share / 2 : share
    }

    /// Technology part: hot technologies count 2 points, others 1, and 6 points are full evidence; halved when only
    /// one technology signals (a single O*NET listing is thin evidence).
    public static func technologyPart(hot: Int, other: Int) -> Double {
        let part = min(1, Double(2 * hot + other) / Double(technologyPoints))
        return hot + other == 1 ? part / 2 : part
    }

    public static func parts(programs: Int, programTotal: Int, hotTechnologies: Int, otherTechnologies: Int,
                             direct: Bool) -> Parts {
        let p = programPart(programs: programs, programTotal: programTotal)
        let t = technologyPart(hot: hotTechnologies, other: otherTechnologies)
        let d: Double = direct ? 1 : 0
        return Parts(program: p, technology: t, direct: d,
                     value: 1 - (1 - p) * (1 - technologyWeight * t) * (1 - directWeight * d))
    }

    public static func value(programs: Int, programTotal: Int, hotTechnologies: Int, otherTechnologies: Int,
                             direct: Bool) -> Double {
        parts(programs: programs, programTotal: programTotal, hotTechnologies: hotTechnologies,
              otherTechnologies: otherTechnologies, direct: direct).value
    }

    /// Hundredths, rounded half up; a tiny margin keeps float noise (0.12499999…) from deciding a tie.
    public static func hundredths(_ value: Double) -> Int { Int((value * 100 + 1e-9).rounded()) }

    /// `0.83`: two decimals.
    public static func text(_ value: Double) -> String {
        let cents = hundredths(value)
        return "\(cents / 100).\(cents % 100 < 10 ? "0" : "")\(cents % 100)"
    }

    /// Edges whose strength rounds below 0.01 are not written.
    public static func isWritten(_ value: Double) -> Bool { hundredths(value) >= 1 }
}
