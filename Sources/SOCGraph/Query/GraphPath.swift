/// Which links a path between two nodes may pass through.
///
/// Education levels, job zones, designations and technologies are hubs: hundreds of occupations share the
/// `bachelor` level, Job Zone 4, the STEM designation or Microsoft Excel, so through them any two occupations are
/// two links apart and the path says nothing. `structure`, the default, passes through no such hub: it follows
/// their links only when the hub is the start or the goal itself (so `path 15-2051 job-zone-4` still works);
/// `all` follows every link.
public enum PathScope: String, CaseIterable, Sendable {
    /// SOC and CIP hierarchy, O*NET related occupations, CIP programs (crosswalk) and field alignments; hub
    /// links only into a hub that is the start or the goal.
    case structure
    /// Every kind of link.
    case all

    /// The edge kinds followed anywhere in a path, in the order neighbours are visited.
    public var edgeKinds: [EdgeKind] {
        switch self {
        case .structure: return Self.structuralKinds
        case .all: return Self.structuralKinds + Self.hubKinds
        }
    }

    /// Links that carry meaning on their own: hierarchy, related occupations, programs, fields and the ISCO-08
    /// crosswalk (last, so that a path between SOC codes prefers SOC and O*NET links of the same length).
    public static let structuralKinds: [EdgeKind] = [.related, .parent, .preparesFor, .alignsWith, .crosswalk]
    /// Links into hub nodes (education levels, job zones, designations, technologies).
    public static let hubKinds: [EdgeKind] = [.entryEducation, .jobZone, .designated, .uses]
}

/// A shortest path between two nodes: `nodes[i]` and `nodes[i + 1]` are joined by `steps[i]`.
public struct GraphPath: Sendable, Hashable {
    /// One link of the path, and whether the path follows it in its own direction (`from` to `to`).
    public struct Step: Sendable, Hashable {
        public let edge: Edge
        public let forward: Bool
    }

    public let nodes: [NodeIndex]
    public let steps: [Step]
}

extension KnowledgeGraph {
    /// The shortest path from `start` to `goal`, links followed in either direction; nil when there is none
    /// within `scope`. A node's own path (`start == goal`) has no steps.
    ///
    /// Breadth-first from `start`. Neighbours are visited in a fixed order: by edge kind as listed in
    /// `scope.edgeKinds` (in `structure`, then the hub links into `start` or `goal`), outgoing links before
    /// incoming, each adjacency list in its stored order; so among paths of equal length the one found is the same
    /// on every run and prefers related occupations, then the hierarchy, then programs and fields.
    ///
    /// Complexity: O(V + E) time and O(V) memory over the nodes and links of the kinds followed.
    public func shortestPath(from start: NodeIndex, to goal: NodeIndex, scope: PathScope = .structure) -> GraphPath? {
        if start == goal { return GraphPath(nodes: [start], steps: []) }
        let ends: Set<NodeIndex> = [start, goal]
        let anywhere = scope.edgeKinds
        let atEnds = scope == .structure ? PathScope.hubKinds : []
        // How each node was reached: the position of the edge in `edges`, -1 for unreached, -2 for `start`.
        var reachedBy = [Int](repeating: -1, count: nodes.count)
        reachedBy[start] = -2
        var queue = [start]
        var head = 0
        search: while head < queue.count {
            let node = queue[head]
            head += 1
            for (kind, onlyAtEnds) in anywhere.map({ ($0, false) }) + atEnds.map({ ($0, true) }) {
                for direction in [EdgeDirection.outgoing, .incoming] {
                    guard let adjacency = (direction == .outgoing ? outgoing : incoming)[kind] else { continue }
                    for position in adjacency.edges(of: node) {
                        let edge = edges[position]
                        let next = direction == .outgoing ? edge.to : edge.from
                        guard reachedBy[next] == -1 else { continue }
                        // A hub (the `to` end of every hub link) may only be the start or the goal itself.
                        if onlyAtEnds && !ends.contains(edge.to) { continue }
                        reachedBy[next] = position
                        if next == goal { break search }
                        queue.append(next)
                    }
                }
            }
        }
        guard reachedBy[goal] >= 0 else { return nil }
        var path = [goal]
        var steps: [GraphPath.Step] = []
        var node = goal
        while node != start {
            let edge = edges[reachedBy[node]]
            let forward = edge.to == node
            steps.append(GraphPath.Step(edge: edge, forward: forward))
            node = forward ? edge.from : edge.to
            path.append(node)
        }
        return GraphPath(nodes: path.reversed(), steps: steps.reversed())
    }

    /// What a link says, read in the direction the path follows it: `is related to (O*NET primary-short,
    /// index 3)`, `is prepared for by (NCES CIP–SOC crosswalk)`, `is part of`.
    public func phrase(_ step: GraphPath.Step) -> String {
        let edge = step.edge
        let forward = step.forward
        switch (edge.kind, edge.attributes) {
        case let (.related, .related(link)):
            return (forward ? "is related to" : "is listed as related by")
                + " (O*NET \(link.tier.rawValue), index \(link.index))"
        case (.parent, _):
            return forward ? "is part of" : "includes"
        case (.preparesFor, _):
            return (forward ? "prepares for" : "is prepared for by") + " (NCES CIP–SOC crosswalk)"
        case (.alignsWith, _):
            return forward ? "aligns with" : "is the field of"
        case let (.entryEducation, .entryEducation(entry)):
            return forward ? "typically needs for entry (BLS EP line \(entry.epCode))"
                : "is the typical entry education (BLS) of"
        case let (.jobZone, .jobZone(onetCode)):
            return forward ? "is rated in (O*NET \(onetCode))" : "is the O*NET job zone of"
        case (.designated, _):
            return forward ? "is designated" : "is held by"
        case let (.crosswalk, .crosswalk(steps)):
            let via = steps.map { "SOC 2010 \($0.soc2010)" + ($0.partial ? ", partial" : "") }.joined(separator: "; ")
            return (forward ? "corresponds to" : "is a SOC 2018 candidate of") + " (BLS ISCO-08 crosswalk via \(via))"
        case let (.uses, .uses(use)):
            return (forward ? "uses" : "is used by") + (use.hot ? " (O*NET hot technology)" : " (O*NET technology)")
        default:
            return forward ? edge.kind.rawValue : "is \(edge.kind.rawValue) of"
        }
    }

    /// One link of a path as a sentence: `15-2051 Data Scientists —is related to (O*NET primary-short, index 1)→
    /// 15-2041 Statisticians`.
    public func sentence(_ step: GraphPath.Step) -> String {
        let (from, to) = step.forward ? (step.edge.from, step.edge.to) : (step.edge.to, step.edge.from)
        return "\(label(from)) —\(phrase(step))→ \(label(to))"
    }
}
