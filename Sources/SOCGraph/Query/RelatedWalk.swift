/// Which O*NET relatedness tiers a walk over related occupations follows.
public enum RelatedTierFilter: String, CaseIterable, Sendable {
    /// Primary-Short and Primary-Long: the occupations O*NET lists first.
    case primary
    /// Every tier, Supplemental included.
    case all

    public func admits(_ tier: RelatedTier) -> Bool {
        self == .all || tier != .supplemental
    }
}

/// One occupation reached by a `RelatedWalk`. JSON keys: `code`, `title`, `depth`, `tier`, `index`, `via`.
public struct RelatedStep: Encodable, Hashable, Sendable {
    /// The occupation reached.
    public let node: NodeIndex
    public let code: String
    public let title: String
    /// Links from the start: 1 for the start's own related occupations.
    public let depth: Int
    /// Tier and O*NET index of the link it was reached by (`via` lists it).
    public let tier: RelatedTier
    public let index: Int
    /// The code it was reached from: the start at depth 1, a depth − 1 occupation otherwise.
    public let via: String

    private enum CodingKeys: String, CodingKey { case code, title, depth, tier, index, via }
}

/// A breadth-first walk over O*NET related occupations from one detailed occupation, to a given depth.
///
/// Each occupation appears once, at the smallest depth it is reached (the start never appears). Within a depth,
/// occupations are in the order O*NET lists them: by the index of the link they were reached by (1 = most related),
/// then by code. An occupation reachable from several occupations of the previous depth is reached by the link
/// with the lowest index, ties going to the earlier of those occupations in this order. So the result is the same
/// on every run, whatever the order of the files.
///
/// Complexity: O(V + E + V log V) over the V occupations and E related links within `depth` of the start.
public struct RelatedWalk: Sendable {
    /// The depths a walk may go to.
    public static let depthRange = 1...5

    /// The detailed occupation the walk starts from.
    public let start: NodeIndex
    public let depth: Int
    public let tiers: RelatedTierFilter
    /// The occupations reached, by depth, then in O*NET order (see the type).
    public let steps: [RelatedStep]

    /// Walks from `node`: a detailed occupation, or an O*NET specialty (the walk starts from its detailed code;
    /// related occupations are published per SOC code).
    ///
    /// - Throws: `SOCGraphError.invalidInput` when `depth` is outside `depthRange`, and
    ///   when `node` is not an occupation (naming a few detailed occupations under a group).
    public init(graph: KnowledgeGraph, from node: NodeIndex, depth: Int, tiers: RelatedTierFilter = .primary) throws {
        guard Self.depthRange.contains(depth) else {
            throw SOCGraphError.invalidInput(
                "depth \(depth) is out of range: give a depth from \(Self.depthRange.lowerBound) to "
                    + "\(Self.depthRange.upperBound)")
        }
        let start: NodeIndex
        switch graph[node].kind {
        case .detailed: start = node
        case .specialty: start = graph.parent(of: node) ?? node
        default:
            let examples = graph.detailedOccupations(under: node).prefix(3).map { graph.label($0) }
            throw SOCGraphError.invalidInput(
                "\(graph.label(node)) is a \(graph[node].kind.displayName), not an occupation: O*NET relates "
                    + "detailed occupations" + (examples.isEmpty ? "" : ", such as " + examples.joined(separator: ", ")))
        }
        self.start = start
        self.depth = depth
        self.tiers = tiers

        var visited: Set<NodeIndex> = [start]
        var frontier = [start]
        var steps: [RelatedStep] = []
        for level in 1...depth where !frontier.isEmpty {
            // The best link into each newly reached occupation: lowest index, then earliest source in `frontier`.
            var best: [NodeIndex: (link: RelatedLink, order: Int)] = [:]
            for (order, source) in frontier.enumerated() {
                for (occupation, link) in graph.related(of: source)
                where tiers.admits(link.tier) && !visited.contains(occupation) {
                    if let current = best[occupation], (current.link.index, current.order) <= (link.index, order) {
                        continue
                    }
                    best[occupation] = (link, order)
                }
            }
            let reached = best.sorted { a, b in
                a.value.link.index != b.value.link.index
                    ? a.value.link.index < b.value.link.index : graph[a.key].id < graph[b.key].id
            }
            for (occupation, entry) in reached {
                visited.insert(occupation)
                steps.append(RelatedStep(
                    node: occupation, code: graph[occupation].id, title: graph[occupation].title, depth: level,
                    tier: entry.link.tier, index: entry.link.index, via: graph[frontier[entry.order]].id))
            }
            frontier = reached.map(\.key)
        }
        self.steps = steps
    }
}
