/// The USCIS "profession" test for EB-2: an occupation whose minimum entry requirement is a U.S. bachelor's
/// degree or a foreign equivalent (8 CFR 204.5(k)(2)). socgraph answers from BLS typical entry education and flags
/// where O*NET points the other way.
public struct ProfessionCheck: Encodable, Hashable, Sendable {
    /// True when BLS typical education needed for entry is a bachelor's degree or higher; nil when BLS EP does not
    /// cover the occupation.
    @Nullable public var bachelorOrHigher: Bool?
    /// The source of the answer, in words.
    public let basis: String
    /// Where O*NET (Job Zone, Required Level of Education) and BLS disagree, or a figure is missing.
    public let warnings: [String]

    /// The check for `code` (a detailed occupation), from its entry education, job zone and O*NET distribution.
    ///
    /// Warnings: Job Zone 4 or 5 (O*NET: most need a four-year degree or more) with BLS entry below a bachelor's
    /// degree; BLS entry of a bachelor's degree or more with Job Zone 3 or less (Job Zone 1-2 included, coded 2
    /// since O*NET 30); fewer than half of O*NET respondents saying the job requires a bachelor's degree or more
    /// while BLS says it does (or the reverse); a missing source. `jobZone` is the zone as coded and its label.
    public init(code: String, entry: EntryEducation?, epVintage: String?, jobZone: (zone: Int, label: String)?,
                distribution: [(level: EducationLevel, percent: Double)]) {
        let ep = epVintage ?? "BLS Employment Projections"
        var warnings: [String] = []
        if let entry {
            let yes = entry.education >= .bachelor
            bachelorOrHigher = yes
            let aggregate = entry.epCode == code ? "" : " (EP line item \(entry.epCode), which covers \(code))"
            basis = "BLS \(ep) typical education needed for entry: \(entry.education.blsTitle)\(aggregate)"
            if let (zone, label) = jobZone {
                if zone >= 4, !yes {
                    warnings.append("O*NET Job Zone \(label) suggests a bachelor's degree or more, but BLS typical "
                                    + "entry is \(entry.education.blsTitle)")
                } else if zone <= 3, yes {
                    warnings.append("BLS typical entry is \(entry.education.blsTitle), but O*NET rates it Job Zone "
                                    + "\(label) (usually less than a bachelor's degree)")
                }
            } else {
                warnings.append("no O*NET Job Zone to corroborate the BLS entry education")
            }
            if !distribution.isEmpty {
                let share = distribution.filter { $0.level >= .bachelor }.reduce(0) { $0 + $1.percent }
                let rounded = Int(share.rounded())
                if yes, share < 50 {
                    warnings.append("only \(rounded)% of O*NET respondents say the job requires a bachelor's degree "
                                    + "or more")
                } else if !yes, share >= 50 {
                    warnings.append("\(rounded)% of O*NET respondents say the job requires a bachelor's degree or "
                                    + "more, although BLS typical entry is \(entry.education.blsTitle)")
                }
            }
        } else {
            bachelorOrHigher = nil
            basis = "BLS \(ep) does not publish a typical entry education for \(code)"
            if let (zone, label) = jobZone {
                warnings.append("only O*NET is available: Job Zone \(label)"
                                + (zone >= 4 ? " (usually a bachelor's degree or more)" : ""))
            } else {
                warnings.append("neither BLS entry education nor an O*NET Job Zone is available")
            }
        }
        self.warnings = warnings
    }
}
