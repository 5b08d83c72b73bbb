/// What a neighbourhood diagram of one occupation shows: the occupations O*NET relates to it, breadth first to a
/// given depth through links of the chosen tiers, each with its SOC major group; the centre's broad, minor and
/// major groups, typical entry education, job zone, designations and national-interest fields.
public struct Neighbourhood: Hashable, Sendable {
    /// One occupation reached by the walk.
    public struct Reached: Hashable, Sendable {
        public let occupation: NodeIndex
        /// Links from the centre (0 for the centre itself).
        public let depth: Int
        /// The occupation it was first reached from (nil for the centre).
        public let via: NodeIndex?
    }

    /// The deepest walk accepted, whatever the size limit.
    public static let maxDepth = 6

    public let centre: NodeIndex
    public let depth: Int
    public let tiers: Set<RelatedTier>
    /// The centre, then the occupations in the order reached (by depth, then by O*NET index of the link).
    public let occupations: [Reached]
    public let subgraph: Subgraph

    /// Walks the related occupations of `centre` breadth first, `depth` links deep, following only links of
    /// `tiers` in O*NET index order.
    ///
    /// Links are drawn from every occupation the walk expanded (depth below `depth`) to every occupation reached;
    /// a pair related both ways is drawn once, from the occupation nearer the centre.
    ///
    /// Throws `SOCGraphError.invalidInput` when `centre` is not a detailed occupation, `depth` is outside
    /// 0…`maxDepth`, `tiers` is empty, or the subgraph would have more than `maxNodes` nodes (the message names the
    /// deepest walk that fits). O(nodes and related links within `depth`).
    public init(
        graph: KnowledgeGraph, centre: NodeIndex, depth: Int, tiers: Set<RelatedTier> = [.primaryShort],
        maxNodes: Int? = nil
    ) throws {
        try ComparisonSubgraph.requireDetailed(centre, in: graph)
        guard (0...Self.maxDepth).contains(depth) else {
            throw SOCGraphError.invalidInput("depth \(depth) is out of range: give a depth from 0 to \(Self.maxDepth)")
        }
        guard !tiers.isEmpty else { throw SOCGraphError.invalidInput("give at least one related-occupation tier") }
        self.centre = centre
        self.depth = depth
        self.tiers = tiers

        var builder = SubgraphBuilder()
        builder.add(centre, .focus)
        builder.addGroups(of: centre, in: graph, kinds: [.broad, .minor, .major])
        builder.addAttributes(of: centre, in: graph)
        var reached = [Reached(occupation: centre, depth: 0, via: nil)]
        var depthOf: [NodeIndex: Int] = [centre: 0]
        var frontier = [centre]
        var level = 0
        while level < depth, !frontier.isEmpty {
            level += 1
            var next: [NodeIndex] = []
            for occupation in frontier {
                for (other, link) in graph.related(of: occupation) where tiers.contains(link.tier) {
                    guard depthOf[other] == nil else { continue }
                    depthOf[other] = level
                    reached.append(Reached(occupation: other, depth: level, via: occupation))
                    next.append(other)
                    builder.add(other, .related(depth: level))
                    builder.addGroups(of: other, in: graph, kinds: [.major])
                }
            }
            if let maxNodes, builder.nodeCount > maxNodes {
                throw SOCGraphError.invalidInput(
                    "the neighbourhood of \(graph[centre].id) to depth \(depth) would draw more than \(maxNodes) nodes "
                        + "(\(builder.nodeCount) by depth \(level)), too many for a readable diagram: use --depth "
                        + "\(level - 1) or less" + (tiers.count > 1 ? ", or fewer tiers" : ""))
            }
            frontier = next
        }
        occupations = reached

        for item in reached where item.depth < depth {
            for (other, link) in graph.related(of: item.occupation) where tiers.contains(link.tier) {
                guard let otherDepth = depthOf[other] else { continue }
                let reverseDrawn = otherDepth < depth
                    && graph.related(of: other).contains { $0.occupation == item.occupation && tiers.contains($0.link.tier) }
                if reverseDrawn, (otherDepth, other) < (item.depth, item.occupation) { continue }
                builder.link(item.occupation, other, .related(link.tier, index: link.index))
            }
        }
        subgraph = builder.build()
    }
}
