/// Typed views of the graph: hierarchy walks and the facts of one node.
extension KnowledgeGraph {
    /// The parent in the SOC or CIP hierarchy (a specialty's detailed code); nil for major groups and families. O(1).
    public func parent(of node: NodeIndex) -> NodeIndex? {
        neighbours(.parent, .outgoing, of: node).first
    }

    /// The ancestors from the top (major group, CIP family) down to the parent, excluding `node`. O(depth).
    public func ancestors(of node: NodeIndex) -> [NodeIndex] {
        var chain: [NodeIndex] = []
        var current = node
        while let up = parent(of: current) {
            chain.append(up)
            current = up
        }
        return chain.reversed()
    }

    /// The children in the hierarchy, in id order (specialties after SOC children). O(children).
    public func children(of node: NodeIndex) -> [NodeIndex] {
        neighbours(.parent, .incoming, of: node)
    }

    /// The detailed occupations under `node` (itself if detailed, its detailed code if a specialty), in code order.
    /// O(size of the subtree).
    public func detailedOccupations(under node: NodeIndex) -> [NodeIndex] {
        switch self[node].kind {
        case .detailed: return [node]
        case .specialty: return parent(of: node).map { [$0] } ?? []
        case .major, .minor, .broad: return children(of: node).flatMap { detailedOccupations(under: $0) }
        default: return []
        }
    }

    /// BLS typical entry requirements of a detailed occupation; nil if EP does not cover it. O(1).
    public func entryEducation(of node: NodeIndex) -> EntryEducation? {
        for edge in edges(.entryEducation, of: node) {
            if case let .entryEducation(entry) = edge.attributes { return entry }
        }
        return nil
    }

    /// The O*NET Job Zone (1–5) of a detailed occupation or specialty, and the O*NET code it comes from.
    /// A detailed code takes its `.00` rating, else the lowest among its specialties. O(1).
    public func jobZone(of node: NodeIndex) -> (zone: Int, onetCode: String)? {
        for edge in edges(.jobZone, of: node) {
            if case let .jobZone(onetCode) = edge.attributes, let zone = jobZoneNumber(edge.to) {
                return (zone, onetCode)
            }
        }
        return nil
    }

    /// The zone number of a job-zone node. O(1).
    public func jobZoneNumber(_ node: NodeIndex) -> Int? {
        guard self[node].kind == .jobZone else { return nil }
        return Int(self[node].id.dropFirst("job-zone-".count))
    }

    /// Related occupations of a detailed occupation, most related first (O*NET index). O(degree).
    public func related(of node: NodeIndex) -> [(occupation: NodeIndex, link: RelatedLink)] {
        edges(.related, of: node).compactMap { edge in
            if case let .related(link) = edge.attributes { return (edge.to, link) }
            return nil
        }
    }

    /// CIP programs that prepare for a detailed occupation (crosswalk), in CIP order. O(degree).
    public func programs(preparingFor node: NodeIndex) -> [NodeIndex] {
        neighbours(.preparesFor, .incoming, of: node)
    }

    /// Detailed occupations a CIP program prepares for, in code order. O(degree).
    public func occupations(preparedBy program: NodeIndex) -> [NodeIndex] {
        neighbours(.preparesFor, .outgoing, of: program)
    }

    /// Designations of a detailed occupation with their basis, in designation order. O(degree).
    public func designations(of node: NodeIndex) -> [(designation: Designation, basis: String)] {
        edges(.designated, of: node).compactMap { edge in
            guard case let .designated(basis) = edge.attributes,
                  let designation = Designation(rawValue: self[edge.to].id) else { return nil }
            return (designation, basis)
        }
    }

    /// Technologies a detailed occupation uses, in name order, with the hot / in-demand flags. O(degree).
    public func technologies(of node: NodeIndex) -> [(technology: NodeIndex, use: TechnologyUse)] {
        edges(.uses, of: node).compactMap { edge in
            if case let .uses(use) = edge.attributes { return (edge.to, use) }
            return nil
        }
    }

    /// Wages, projections and education distribution of a detailed occupation or specialty; nil for other kinds.
    /// O(1).
    public func facts(of node: NodeIndex) -> OccupationFacts? {
        let kind = self[node].kind
        guard kind == .detailed || kind == .specialty else { return nil }
        return facts[node] ?? OccupationFacts()
    }

    /// Level and STEM designation of a CIP code; nil for other kinds. O(1).
    public func program(_ node: NodeIndex) -> Program? { programFacts[node] }

    /// The CET list number (1–18) of a field. O(1).
    public func fieldNumber(_ node: NodeIndex) -> Int? { fieldFacts[node]?.number }
    /// The framework a field belongs to (CET list or CHIPS focus areas).
    public func framework(of field: NodeIndex) -> Framework? { fieldFacts[field]?.framework }

    /// The commodity of a technology example. O(1).
    public func commodity(of node: NodeIndex) -> Commodity? { commodities[node] }

    /// The search titles of a node. O(1) to obtain.
    public func titles(of node: NodeIndex) -> ArraySlice<TitleEntry> {
        guard let range = titleRanges[node] else { return [] }
        return titles[range]
    }

    /// Nodes whose SOC or O*NET title equals `title`, ignoring case and curly apostrophes; detailed occupations
    /// first, then specialties, broad, minor and major groups. O(1).
    public func nodes(withExactTitle title: String) -> [NodeIndex] {
        exactTitles[KnowledgeGraph.titleKey(title)] ?? []
    }

    /// The look-up key of a title: lower case, curly apostrophes straightened, runs of white space collapsed.
    /// O(length).
    static func titleKey(_ title: String) -> String {
        if title.utf8.allSatisfy({ $0 < 0x80 }) {
            // ASCII (nearly every title): the same rule on bytes, without Unicode case mapping.
            var key: [UInt8] = []
            key.reserveCapacity(title.utf8.count)
            var space = false
            for byte in title.utf8 {
                if byte == 0x20 || (0x09...0x0D).contains(byte) {
                    space = !key.isEmpty
                    continue
                }
                if space { key.append(0x20) }
                space = false
                key.append((0x41...0x5A).contains(byte) ? byte + 0x20 : byte)
            }
            return String(decoding: key, as: UTF8.self)
        }
        return title.replacing("\u{2019}", with: "'").lowercased()
            .split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
