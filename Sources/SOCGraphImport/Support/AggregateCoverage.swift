import SOCGraph

/// Which SOC detailed codes each line item of a BLS table (EP Table 1.2, OEWS) stands for.
///
/// A line item that is a SOC detailed code stands for itself. Any other line item is an aggregate (a SOC broad
/// code such as `13-1020`, or a BLS-only code such as `21-1018`); it stands for the detailed codes of its broad
/// group (the code itself when it is a broad group, else the code with its last digit set to 0) that have no line
/// item of their own. Two aggregates in one broad group, an aggregate whose broad group does not exist, or one that
/// covers nothing cannot be resolved this way and are problems.
struct AggregateCoverage {
    /// Detailed code → the line item code its figures come from.
    let source: [String: String]
    /// Aggregate line item → the detailed codes it covers, sorted.
    let covered: [String: [String]]
    /// SOC detailed codes no line item stands for, sorted.
    let uncovered: [String]

    /// `file` names the table in messages.
    init(lineItems: [String], soc: SOCIndex, file: String) throws {
        var problems = SourceProblems()
        var source: [String: String] = [:]
        let items = Set(lineItems)
        var aggregateOfBroad: [String: String] = [:]
        for item in lineItems.sorted() {
            if soc.detailedCodes.contains(item) {
                source[item] = item
                continue
            }
            let broad = soc.level(of: item) == .broad ? item : String(item.prefix(6)) + "0"
            guard soc.level(of: broad) == .broad else {
                problems.record("\(file): line item '\(item)' is neither a SOC detailed code nor in an existing "
                    + "broad group ('\(broad)' is not one)")
                continue
            }
            if let other = aggregateOfBroad[broad] {
                problems.record("\(file): line items '\(other)' and '\(item)' are both aggregates in broad group "
                    + "'\(broad)'; which detailed codes each covers cannot be told")
                continue
            }
            aggregateOfBroad[broad] = item
        }
        var covered: [String: [String]] = [:]
        for (broad, aggregate) in aggregateOfBroad {
            let codes = (soc.detailedByBroad[broad] ?? []).filter { !items.contains($0) }
            if codes.isEmpty {
                problems.record("\(file): aggregate '\(aggregate)' covers no detailed code: every code of broad "
                    + "group '\(broad)' has its own line item")
            }
            for code in codes { source[code] = aggregate }
            covered[aggregate] = codes
        }
        try problems.throwIfAny()
        self.source = source
        self.covered = covered
        uncovered = soc.detailedCodes.filter { source[$0] == nil }.sorted()
    }

    /// "12 aggregates cover 31 detailed codes (13-1020: 13-1021 13-1022 13-1023; …)".
    var summary: String {
        let aggregates = covered.keys.sorted()
        let count = covered.values.reduce(0) { $0 + $1.count }
        let list = aggregates.map { "\($0): " + (covered[$0] ?? []).joined(separator: " ") }.joined(separator: "; ")
        return "\(aggregates.count) aggregates cover \(count) detailed codes (\(list))"
    }
}
