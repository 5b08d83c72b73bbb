/// What a graph is made of, as the loader reads it and the cache stores it; everything else in a
/// `KnowledgeGraph` (the id index, adjacency lists, title look-up) is derived from these.
extension KnowledgeGraph {
    struct Parts {
        var nodes: [Node]
        /// In any order; the graph keeps them in storage order.
        var edges: [Edge]
        var sources: [DataSource]
        var educationCategories: [EducationCategory]
        /// In any order; the graph groups them by node, keeping each node's in this order.
        var titles: [TitleEntry]
        var curation: Curation
        var facts: [NodeIndex: OccupationFacts]
        var programFacts: [NodeIndex: Program]
        var fieldFacts: [NodeIndex: FieldFacts]
        var commodities: [NodeIndex: Commodity]
        /// The O*NET titles of `.00` codes, which name their detailed occupation in exact-title look-up.
        var onetTitles: [(node: NodeIndex, title: String)]
        /// The SOC 2010 → 2018 crosswalk, in file order.
        var soc2010: [SOC2010Link]
        /// ESCO titles, in file order.
        var escoTitles: [ESCOTitle]
    }

    /// The graph of `parts`, whose nodes are sorted by kind, then id, and unique. O(n log n) in the edges and
    /// titles, O(n) when they come in storage order.
    init(_ parts: Parts) {
        nodes = parts.nodes
        sources = parts.sources
        educationCategories = parts.educationCategories.sorted { $0.category < $1.category }
        curation = parts.curation
        facts = parts.facts
        programFacts = parts.programFacts
        fieldFacts = parts.fieldFacts
        commodities = parts.commodities
        onetTitles = parts.onetTitles
        soc2010Links = parts.soc2010
        escoTitles = parts.escoTitles
        soc2010Index = Dictionary(grouping: parts.soc2010.indices, by: { parts.soc2010[$0].soc2010 })
        var index: [String: NodeIndex] = [:]
        index.reserveCapacity(parts.nodes.count)
        for (position, node) in parts.nodes.enumerated() where index[node.id] == nil { index[node.id] = position }
        self.index = index
        // Edges by kind (in `EdgeKind.allCases` order), `from`, order key (the O*NET index of a related link, else
        // 0) and `to`: the order of `edges` and of every adjacency list. Sorted only when not in that order already
        // (as when read from the cache), which spares a copy.
        // Compared by position, reading the fields in place: passing whole edges would copy their attributes.
        let given = parts.edges
        func precedes(_ i: Int, _ j: Int) -> Bool {
            let a = given[i].kind, b = given[j].kind
            if a != b { return a.rank < b.rank }
            if given[i].from != given[j].from { return given[i].from < given[j].from }
            if a == .related, case let .related(x) = given[i].attributes, case let .related(y) = given[j].attributes,
               x.index != y.index {
                return x.index < y.index
            }
            return given[i].to < given[j].to
        }
        let edges = given.indices.dropFirst().allSatisfy({ precedes($0 - 1, $0) })
            ? given : given.indices.sorted(by: precedes).map { given[$0] }
        self.edges = edges
        var outgoing: [EdgeKind: Adjacency] = [:]
        var incoming: [EdgeKind: Adjacency] = [:]
        for (kind, range) in Self.runs(edges.count, { [edges] in edges[$0].kind }) {
            outgoing[kind] = Adjacency(nodeCount: nodes.count, edgePositions: range) { [edges] in edges[$0].from }
            incoming[kind] = Adjacency(nodeCount: nodes.count, edgePositions: range) { [edges] in edges[$0].to }
        }
        self.outgoing = outgoing
        self.incoming = incoming
        kindRanges = Dictionary(uniqueKeysWithValues: Self.runs(parts.nodes.count) { [nodes] in nodes[$0].kind })
        // Titles grouped by node in node order, each node's in the given order.
        if parts.titles.indices.dropFirst().allSatisfy({ parts.titles[$0 - 1].node <= parts.titles[$0].node }) {
            titles = parts.titles
        } else {
            let titleNodes = parts.titles.map(\.node)
            titles = parts.titles.indices.sorted { a, b in
                titleNodes[a] != titleNodes[b] ? titleNodes[a] < titleNodes[b] : a < b
            }.map { parts.titles[$0] }
        }
        titleRanges = Dictionary(uniqueKeysWithValues: Self.runs(titles.count) { [titles] in titles[$0].node })
        exactTitles = Self.exactTitleIndex(nodes: parts.nodes, onetTitles: parts.onetTitles)
    }

    /// The runs of equal keys in `0..<count`, in order, each with its key.
    private static func runs<Key: Equatable>(_ count: Int, _ key: (Int) -> Key) -> [(Key, Range<Int>)] {
        var runs: [(Key, Range<Int>)] = []
        var start = 0
        while start < count {
            var end = start + 1
            while end < count, key(end) == key(start) { end += 1 }
            runs.append((key(start), start..<end))
            start = end
        }
        return runs
    }

    /// Occupational nodes by the look-up key of their SOC or O*NET titles, detailed occupations first, then
    /// specialties, broad, minor and major groups.
    private static func exactTitleIndex(nodes: [Node], onetTitles: [(node: NodeIndex, title: String)])
        -> [String: [NodeIndex]]
    {
        var result: [String: [NodeIndex]] = [:]
        func add(_ node: NodeIndex, _ title: String) {
            let key = titleKey(title)
            if result[key]?.contains(node) != true { result[key, default: []].append(node) }
        }
        for node in nodes.indices where nodes[node].kind.isOccupational { add(node, nodes[node].title) }
        for (node, title) in onetTitles { add(node, title) }
        let preference: [NodeKind] = [.detailed, .specialty, .broad, .minor, .major]
        return result.mapValues { group in
            group.sorted { a, b in
                let x = preference.firstIndex(of: nodes[a].kind) ?? preference.count
                let y = preference.firstIndex(of: nodes[b].kind) ?? preference.count
                return x != y ? x < y : a < b
            }
        }
    }
}

private extension EdgeKind {
    /// Position in `allCases`: the storage order of edges.
    var rank: Int {
        switch self {
        case .parent: return 0
        case .entryEducation: return 1
        case .jobZone: return 2
        case .related: return 3
        case .preparesFor: return 4
        case .uses: return 5
        case .designated: return 6
        case .alignsWith: return 7
        case .crosswalk: return 8
        }
    }
}
