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

    /// Level and STEM designation of a CIP code; nil for other kinds or without `programs`. O(1).
    public func program(_ node: NodeIndex) -> Program? { programFacts[node] }

    /// The CET list number (1–18) of a field. O(1).
    public func fieldNumber(_ node: NodeIndex) -> Int? { fieldNumbers[node] }

    /// The commodity of a technology example. O(1).
    public func commodity(of node: NodeIndex) -> Commodity? { commodities[node] }

    /// The search titles of a node (without `titles`, empty). O(1) to obtain.
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
    /// O(length), with an allocation-light path for ASCII.
    static func titleKey(_ title: String) -> String {
        guard !title.isEmpty else { return "" }
        var fast = true
        let key = String(unsafeUninitializedCapacity: title.utf8.count) { bytes in
            let count = asciiTitleKey(title, into: bytes.baseAddress!)
            fast = count != nil
            return count ?? 0
        }
        if fast { return key }
        return title.replacing("\u{2019}", with: "'").lowercased()
            .split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// Writes `titleKey(title)` to `key` (room for `title.utf8.count` bytes) and returns its length, for a title
    /// that is ASCII apart from curly apostrophes (U+2019); nil, having written part of it, for any other title.
    static func asciiTitleKey(_ title: String, into key: UnsafeMutablePointer<UInt8>) -> Int? {
        func write(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
            var count = 0, index = 0
            var pendingSpace = false, curly = false, otherSpace = false
            while index < bytes.count {
                var byte = bytes[index]
                index += 1
                if byte >= 0x80 {
                    // U+2019 is E2 80 99, standing alone (the next byte is ASCII or another U+2019).
                    guard byte == 0xE2, index + 1 < bytes.count, bytes[index] == 0x80, bytes[index + 1] == 0x99
                    else { return nil }
                    index += 2
                    byte = UInt8(ascii: "'")
                    curly = true
                } else if byte == 0x0B || byte == 0x0C {
                    // White space to `Character.isWhitespace` but not to the ASCII rule below.
                    otherSpace = true
                }
                if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                    pendingSpace = count > 0
                    continue
                }
                if pendingSpace {
                    key[count] = 0x20
                    count += 1
                    pendingSpace = false
                }
                key[count] = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
                count += 1
            }
            // A curly apostrophe sends the title through the general rule, which collapses those spaces too.
            return curly && otherSpace ? nil : count
        }
        if let count = title.utf8.withContiguousStorageIfAvailable(write) { return count }
        return Array(title.utf8).withUnsafeBufferPointer(write)
    }
}
