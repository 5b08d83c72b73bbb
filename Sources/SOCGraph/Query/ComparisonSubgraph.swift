/// What a comparison diagram of candidate SOC codes shows: each candidate with its broad, minor and major
/// groups, typical entry education, job zone, designations and national-interest fields; the occupations O*NET
/// relates to two or more candidates; the related-occupation links between candidates; and, on request, the CIP
/// programs that prepare for several of them.
public struct ComparisonSubgraph: Hashable, Sendable {
    /// What to include beyond the candidates' own facts.
    public struct Options: Hashable, Sendable {
        /// Include CIP programs: those crosswalked to two or more candidates, else each candidate's first few.
        public var includePrograms: Bool
        /// At most this many shared related occupations, the most shared and most related first.
        public var maxSharedRelated: Int
        /// At most this many programs.
        public var maxPrograms: Int

        public init(includePrograms: Bool = false, maxSharedRelated: Int = 5, maxPrograms: Int = 6) {
            self.includePrograms = includePrograms
            self.maxSharedRelated = maxSharedRelated
            self.maxPrograms = maxPrograms
        }
    }

    /// A related-occupation link from a candidate, as O*NET gives it.
    public struct CandidateLink: Hashable, Sendable {
        public let candidate: NodeIndex
        public let occupation: NodeIndex
        public let link: RelatedLink
    }

    /// An occupation O*NET relates to two or more candidates.
    public struct SharedOccupation: Hashable, Sendable {
        public let occupation: NodeIndex
        /// The candidates' links to it, in candidate order.
        public let links: [CandidateLink]
    }

    /// The candidates as given, duplicates removed.
    public let candidates: [NodeIndex]
    /// Occupations related to two or more candidates, most shared first (then closest tier, lowest index sum,
    /// code); at most `Options.maxSharedRelated`.
    public let sharedRelated: [SharedOccupation]
    /// How many occupations are related to two or more candidates, `sharedRelated` being the first of them.
    public let sharedRelatedTotal: Int
    /// Candidate-to-candidate related links, in candidate order.
    public let directLinks: [CandidateLink]
    /// The programs drawn (empty unless `Options.includePrograms`), in CIP order.
    public let programs: [NodeIndex]
    /// True when `programs` are shared by two or more candidates; false when they are each candidate's first few.
    public let programsShared: Bool
    public let subgraph: Subgraph

    /// Extracts the comparison of `candidates`, which must be SOC detailed occupations.
    ///
    /// Throws `SOCGraphError.invalidInput` for an empty list or a node that is not a detailed occupation (naming
    /// the detailed code to use instead when there is one). O(sum of the candidates' degrees, log of that).
    public init(graph: KnowledgeGraph, candidates requested: [NodeIndex], options: Options = Options()) throws {
        var seen = Set<NodeIndex>()
        let candidates = requested.filter { seen.insert($0).inserted }
        guard !candidates.isEmpty else { throw SOCGraphError.invalidInput("give at least one SOC code to compare") }
        for node in candidates { try Self.requireDetailed(node, in: graph) }
        self.candidates = candidates
        let candidateSet = Set(candidates)

        var builder = SubgraphBuilder()
        for candidate in candidates {
            builder.add(candidate, .focus)
            builder.addGroups(of: candidate, in: graph, kinds: [.broad, .minor, .major])
            builder.addAttributes(of: candidate, in: graph)
        }

        var direct: [CandidateLink] = []
        var relatedBy: [NodeIndex: [CandidateLink]] = [:]
        for candidate in candidates {
            for (occupation, link) in graph.related(of: candidate) {
                let item = CandidateLink(candidate: candidate, occupation: occupation, link: link)
                if candidateSet.contains(occupation) {
                    direct.append(item)
                    builder.link(candidate, occupation, .related(link.tier, index: link.index))
                } else {
                    relatedBy[occupation, default: []].append(item)
                }
            }
        }
        directLinks = direct
        let allShared = relatedBy.filter { $0.value.count >= 2 }
        sharedRelatedTotal = allShared.count
        let shared = allShared
            .map { SharedOccupation(occupation: $0.key, links: $0.value) }
            .sorted { a, b in
                if a.links.count != b.links.count { return a.links.count > b.links.count }
                let tierA = a.links.map(\.link.tier).min()!, tierB = b.links.map(\.link.tier).min()!
                if tierA != tierB { return tierA < tierB }
                let sumA = a.links.reduce(0) { $0 + $1.link.index }, sumB = b.links.reduce(0) { $0 + $1.link.index }
                if sumA != sumB { return sumA < sumB }
                return graph[a.occupation].id < graph[b.occupation].id
            }
            .prefix(options.maxSharedRelated)
        sharedRelated = Array(shared)
        for item in sharedRelated {
            builder.add(item.occupation, .related(depth: 1))
            builder.addGroups(of: item.occupation, in: graph, kinds: [.major])
            for item in item.links {
                builder.link(item.candidate, item.occupation, .sharedRelated(item.link.tier, index: item.link.index))
            }
        }

        var programs: [NodeIndex] = []
        var programsShared = false
        if options.includePrograms {
            (programs, programsShared) = Self.programs(for: candidates, in: graph, limit: options.maxPrograms)
            let programSet = Set(programs)
            for candidate in candidates {
                for program in graph.programs(preparingFor: candidate) where programSet.contains(program) {
                    builder.add(program, .context)
                    builder.link(program, candidate, .preparesFor)
                }
            }
        }
        self.programs = programs
        self.programsShared = programsShared
        subgraph = builder.build()
    }

    /// Programs crosswalked to two or more candidates (most candidates first, then CIP order), up to `limit`;
    /// when there are none, each candidate's first programs in CIP order, DHS STEM ones first, `limit` in all.
    static func programs(for candidates: [NodeIndex], in graph: KnowledgeGraph, limit: Int) -> ([NodeIndex], Bool) {
        var count: [NodeIndex: Int] = [:]
        for candidate in candidates {
            for program in graph.programs(preparingFor: candidate) { count[program, default: 0] += 1 }
        }
        let shared = count.filter { $0.value >= 2 }.sorted { a, b in
            a.value != b.value ? a.value > b.value : graph[a.key].id < graph[b.key].id
        }.prefix(limit).map(\.key)
        if !shared.isEmpty { return (shared.sorted(), true) }
        let perCandidate = max(1, limit / candidates.count)
        var chosen: [NodeIndex] = []
        for candidate in candidates {
            let ranked = graph.programs(preparingFor: candidate).enumerated().sorted { a, b in
                let stemA = graph.program(a.element)?.stem == true, stemB = graph.program(b.element)?.stem == true
                return stemA != stemB ? stemA : a.offset < b.offset
            }.map(\.element)
            chosen += ranked.filter { !chosen.contains($0) }.prefix(perCandidate)
        }
        return (chosen.prefix(limit).sorted(), false)
    }

    /// Throws unless `node` is a SOC detailed occupation.
    static func requireDetailed(_ node: NodeIndex, in graph: KnowledgeGraph) throws {
        let item = graph[node]
        switch item.kind {
        case .detailed: return
        case .specialty:
            let parent = graph.parent(of: node).map { graph[$0].id } ?? "its SOC code"
            throw SOCGraphError.invalidInput(
                "\(item.id) is an O*NET specialty; diagrams show SOC detailed occupations: use \(parent)")
        case .major, .minor, .broad:
            let examples = graph.detailedOccupations(under: node).prefix(3).map { graph.label($0) }
            throw SOCGraphError.invalidInput(
                "\(item.id) is a SOC \(item.kind.displayName); diagrams show detailed occupations"
                    + (examples.isEmpty ? "" : ", such as " + examples.joined(separator: ", ")))
        default:
            throw SOCGraphError.invalidInput(
                "\(graph.label(node)) is a \(item.kind.displayName), not an occupation; give a SOC code such as 15-2051")
        }
    }
}
