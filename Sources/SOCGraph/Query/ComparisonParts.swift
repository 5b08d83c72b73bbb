/// The pieces a `ComparisonReport` is made of. Every one is `Encodable` with stable keys; optional values are
/// written as `null`, never left out.

/// One compared attribute (a row of the side-by-side table): its key, its label and a value for each candidate,
/// in the order the candidates were given.
public struct ComparisonAttribute: Encodable, Hashable, Sendable {
    /// Stable key for scripts (`typicalEntry`, `jobZone`, `annualMedian`, …).
    public let key: String
    /// Short label for the table (`Entry education`).
    public let label: String
    /// The phrase differences use (`typical entry education`).
    public let name: String
    public let values: [ComparisonValue]

    private enum CodingKeys: String, CodingKey { case key, label, name, values }

    /// How the values of an attribute are grouped and ordered in its difference, if it has one.
    let comparison: DifferenceRule

    /// The value of the candidate at `position`.
    public subscript(position: Int) -> ComparisonValue { values[position] }
}

/// One candidate's value of a compared attribute.
public struct ComparisonValue: Encodable, Hashable, Sendable {
    /// The candidate's code as reported (`15-2051`).
    public let code: String
    /// The value for scripts: an id (`master`), a number in plain digits (`120230`, `33.5`) or `yes`/`no`;
    /// nil when the source does not publish it.
    @Nullable public var value: String?
    /// The value as the table shows it (`Master's degree (rank 7 of 8)`, `$120,230`).
    public let text: String

    private enum CodingKeys: String, CodingKey { case code, value, text }

    /// How a difference names the value (`Master's degree`); `text` when nil.
    let summary: String?
    /// Larger ranks come first in a difference; nil keeps the order of first appearance.
    let rank: Double?

    init(code: String, value: String?, text: String, summary: String? = nil, rank: Double? = nil) {
        self.code = code
        self.value = value
        self.text = text
        self.summary = summary
        self.rank = rank
    }
}

/// Whether an attribute takes part in the differences, and how its agreement is worded.
enum DifferenceRule: Hashable, Sendable {
    /// Not compared (titles, counts that always differ).
    case none
    /// Compared; agreement reads "name: all VALUE".
    case values
    /// A yes/no attribute; agreement reads "name: all" or "name: none".
    case flag
}

/// Where the candidates differ on one attribute, or that they agree.
public struct ComparisonDifference: Encodable, Hashable, Sendable {
    /// The attribute's key (`typicalEntry`), or `field:ID` for a national-interest field.
    public let attribute: String
    public let name: String
    /// True when every candidate has the same value.
    public let same: Bool
    /// One line: "typical entry education: 15-1221 Master's degree; 15-2051, 15-1252 Bachelor's degree".
    public let text: String
    /// The candidates grouped by value, highest rank first, unpublished values last.
    public let groups: [Group]

    /// Candidates sharing one value.
    public struct Group: Encodable, Hashable, Sendable {
        public let value: String?
        public let text: String
        public let codes: [String]
    }

    /// The difference of `attribute`, or nil when it is not compared. O(candidates²).
    init?(_ attribute: ComparisonAttribute) {
        guard attribute.comparison != .none else { return nil }
        self.init(attribute: attribute.key, name: attribute.name, values: attribute.values,
                  flag: attribute.comparison == .flag)
    }

    /// `agreement` replaces the generated text when every candidate has the same value.
    init(attribute: String, name: String, values: [ComparisonValue], flag: Bool = false, agreement: String? = nil) {
        var groups: [(value: String?, text: String, rank: Double?, codes: [String])] = []
        for item in values {
            let text = item.summary ?? item.text
            if let index = groups.firstIndex(where: { $0.value == item.value && $0.text == text }) {
                groups[index].codes.append(item.code)
            } else {
                groups.append((item.value, text, item.rank, [item.code]))
            }
        }
        // Stable: published before unpublished, then higher rank first, then first appearance.
        let ordered = groups.enumerated().sorted { a, b in
            let (x, y) = (a.element, b.element)
            if (x.value == nil) != (y.value == nil) { return y.value == nil }
            if let rx = x.rank, let ry = y.rank, rx != ry { return rx > ry }
            return a.offset < b.offset
        }.map(\.element)
        self.attribute = attribute
        self.name = name
        self.groups = ordered.map { Group(value: $0.value, text: $0.text, codes: $0.codes) }
        same = ordered.count == 1
        if same, let agreement {
            text = agreement
        } else if same, flag {
            text = "\(name): " + (ordered[0].value == "yes" ? "all" : ordered[0].value == "no" ? "none" : ordered[0].text)
        } else if same {
            text = "\(name): all \(ordered[0].text)"
        } else {
            text = "\(name): " + ordered.map { "\($0.codes.joined(separator: ", ")) \($0.text)" }
                .joined(separator: "; ")
        }
    }
}

/// The share of a candidate's incumbents whose job requires a master's degree or more (O*NET Required Level of
/// Education, categories whose nearest BLS level is `master` or `doctoral`).
///
/// Where O*NET has no ratings for the occupation itself (a detailed code's `.00` row), `percent` is nil ("not
/// surveyed") and `specialties` lists the shares of its rated O*NET specialties, labelled as theirs: they describe
/// narrower jobs, and O*NET publishes no weights to combine them, so they are shown, never merged into a figure
/// for the detailed code.
public struct AdvancedDegreeShare: Encodable, Hashable, Sendable {
    @Nullable public var percent: Double?
    /// `onet` (the occupation's own ratings) or `not-surveyed`.
    public let basis: String
    /// Shares of the rated specialties of a detailed code that is not surveyed itself; empty otherwise.
    public let specialties: [SpecialtyShare]

    /// One specialty's share.
    public struct SpecialtyShare: Encodable, Hashable, Sendable {
        public let code: String
        public let title: String
        public let percent: Double
    }

    /// The share of `node` (a detailed occupation or specialty). O(specialties).
    init(graph: KnowledgeGraph, node: NodeIndex) {
        let levels = Dictionary(uniqueKeysWithValues: graph.educationCategories.map { ($0.category, $0.level) })
        func share(_ node: NodeIndex) -> Double? {
            let distribution = graph.facts(of: node)?.educationDistribution ?? []
            guard !distribution.isEmpty else { return nil }
            let total = distribution.filter { (levels[$0.category] ?? .none) >= .master }.reduce(0) { $0 + $1.percent }
            return (total * 100).rounded() / 100
        }
        if let own = share(node) {
            percent = own
            basis = "onet"
            specialties = []
        } else {
            percent = nil
            basis = "not-surveyed"
            specialties = graph[node].kind != .detailed ? [] : graph.children(of: node)
                .filter { graph[$0].kind == .specialty }
                .compactMap { child in
                    share(child).map { SpecialtyShare(code: graph[child].id, title: graph[child].title, percent: $0) }
                }
        }
    }
}

/// What the candidates have in common beyond their own attributes.
public struct SharedConnections: Encodable, Hashable, Sendable {
    /// CIP programs that prepare for two or more candidates, most candidates first, then in CIP order.
    public let programs: [SharedProgram]
    /// Occupations, not themselves candidates, that O*NET relates to two or more candidates; most candidates first,
    /// then by best O*NET index, then code.
    public let related: [SharedRelated]
    /// Candidates O*NET lists as related to another candidate, in candidate order, then O*NET index.
    public let candidateLinks: [CandidateLink]

    /// A program and the candidates it prepares for.
    public struct SharedProgram: Encodable, Hashable, Sendable {
        public let cip: String
        public let title: String
        @Nullable public var stem: Bool?
        public let codes: [String]
    }

    /// An occupation related to several candidates, with the O*NET link from each.
    public struct SharedRelated: Encodable, Hashable, Sendable {
        public let code: String
        public let title: String
        public let relatedTo: [Link]

        /// The link from candidate `code` to the shared occupation.
        public struct Link: Encodable, Hashable, Sendable {
            public let code: String
            public let tier: String
            public let index: Int
        }
    }

    /// Candidate `from` lists candidate `to` among its related occupations.
    public struct CandidateLink: Encodable, Hashable, Sendable {
        public let from: String
        public let to: String
        public let tier: String
        public let index: Int
    }
}
