extension GraphSnapshot {
    /// The graph in the snapshot `bytes`. With `fingerprint` or `sections`, a snapshot of other inputs or other
    /// sections throws (`.otherFingerprint`, `.otherSections`) before its body is read; so does any damage.
    static func decode(_ bytes: UnsafeRawBufferPointer, expecting fingerprint: String? = nil,
                       sections expectedSections: Set<GraphSection>? = nil) throws(Damage) -> KnowledgeGraph {
        guard bytes.count >= headerSize else { throw .truncated }
        guard bytes.prefix(magic.count).elementsEqual(magic) else { throw .notASnapshot }
        var reader = SnapshotReader(bytes, from: magic.count)
        let version = try reader.integer(UInt32.self)
        guard version == formatVersion else { throw .otherVersion(version) }
        let sectionMask = try reader.integer(UInt32.self)
        guard try reader.integer(UInt64.self) == bytes.count else { throw .wrongLength }
        let checksum = try reader.integer(UInt64.self)
        let allSections = GraphSection.allCases
        guard sectionMask >> UInt32(allSections.count) == 0 else { throw .inconsistent("unknown sections") }
        let sections = Set(allSections.enumerated().filter { sectionMask & (1 << UInt32($0.offset)) != 0 }
            .map(\.element))
        if let expectedSections, sections != expectedSections { throw .otherSections }
        let fingerprintLength = Int(try reader.integer(UInt32.self))
        guard fingerprintLength <= bytes.count - reader.offset else { throw .truncated }
        if let fingerprint {
            let stored = UnsafeRawBufferPointer(rebasing: bytes[reader.offset..<reader.offset + fingerprintLength])
            guard stored.elementsEqual(fingerprint.utf8) else { throw .otherFingerprint }
        }
        guard Self.checksum(of: bytes) == checksum else { throw .checksumMismatch }
        reader = SnapshotReader(bytes, from: reader.offset + fingerprintLength)
        let strings = try reader.readStrings()
        let graph = try strings.withUnsafeBufferPointer { table throws(Damage) in
            reader.strings = table
            defer { reader.strings = UnsafeBufferPointer(start: nil, count: 0) }
            return try readGraph(&reader, sections: sections)
        }
        guard reader.isAtEnd else { throw .inconsistent("bytes after the graph") }
        return graph
    }

    private static func readGraph(_ reader: inout SnapshotReader,
                                  sections: Set<GraphSection>) throws(Damage) -> KnowledgeGraph {
        let nodes = try readNodes(&reader)
        reader.nodeCount = nodes.count
        let (edges, outgoing, incoming) = try readEdges(&reader)
        var sources: [DataSource] = []
        for _ in 0..<(try reader.count(elementSize: 28)) {
            sources.append(DataSource(
                source: try reader.string(), publisher: try reader.string(), title: try reader.string(),
                vintage: try reader.string(), url: try reader.string(), file: try reader.string(),
                sha256: try reader.string()))
        }
        let levels = EducationLevel.allCases
        var educationCategories: [EducationCategory] = []
        for _ in 0..<(try reader.count(elementSize: 6)) {
            educationCategories.append(EducationCategory(
                category: try reader.int(), title: try reader.string(), level: try reader.choice(in: levels)))
        }
        let titleSources = TitleSource.allCases
        var titles: [TitleEntry] = []
        let titleCount = try reader.count(elementSize: 9)
        titles.reserveCapacity(titleCount)
        for _ in 0..<titleCount {
            titles.append(TitleEntry(node: try reader.node(), title: try reader.string(),
                                     source: try reader.choice(in: titleSources)))
        }
        var curation = Curation()
        curation.cipFields = try readCurationLinks(&reader)
        curation.technologyFields = try readCurationLinks(&reader)
        curation.occupationFields = try readCurationLinks(&reader)
        let index = try readIndex(&reader, valueLimit: nodes.count)
        let titleKeys = try readIndex(&reader, valueLimit: Int(Int32.max))
        var groups: [[NodeIndex]] = []
        let groupCount = try reader.count(elementSize: 4)
        groups.reserveCapacity(groupCount)
        for _ in 0..<groupCount {
            let size = try reader.count(elementSize: 4)
            var group: [NodeIndex] = []
            group.reserveCapacity(size)
            for _ in 0..<size { group.append(try reader.node()) }
            groups.append(group)
        }
        guard let exactTitles = ExactTitleIndex(keys: titleKeys, groups: groups) else {
            throw .inconsistent("exact-title groups")
        }
        let kinds = NodeKind.allCases
        let kindRanges = try readDictionary(&reader, elementSize: 9, order: \.rank) { reader throws(Damage) in
            (try reader.choice(in: kinds), try readRange(&reader, within: nodes.count))
        }
        let facts = try readDictionary(&reader, elementSize: 10, order: { $0 }) { reader throws(Damage) in
            (try reader.node(), try readFacts(&reader))
        }
        let cipLevels = CIPLevel.allCases
        let programFacts = try readDictionary(&reader, elementSize: 10, order: { $0 }) { reader throws(Damage) in
            (try reader.node(), Program(level: try reader.choice(in: cipLevels), stem: try reader.optionalBool(),
                                        stemBasis: try reader.optionalString()))
        }
        let fieldNumbers = try readDictionary(&reader, elementSize: 5, order: { $0 }) { reader throws(Damage) in
            (try reader.node(), try reader.int())
        }
        let commodities = try readDictionary(&reader, elementSize: 12, order: { $0 }) { reader throws(Damage) in
            (try reader.node(), Commodity(code: try reader.string(), title: try reader.string()))
        }
        let titleRanges = try readDictionary(&reader, elementSize: 12, order: { $0 }) { reader throws(Damage) in
            (try reader.node(), try readRange(&reader, within: titles.count))
        }
        return KnowledgeGraph(
            sections: sections, nodes: nodes, edges: edges, sources: sources,
            educationCategories: educationCategories, titles: titles, curation: curation, index: index,
            exactTitles: exactTitles, outgoing: outgoing, incoming: incoming, kindRanges: kindRanges, facts: facts,
            programFacts: programFacts, fieldNumbers: fieldNumbers, commodities: commodities,
            titleRanges: titleRanges)
    }

    private static func readNodes(_ reader: inout SnapshotReader) throws(Damage) -> [Node] {
        let count = try reader.count(elementSize: 9)
        let ids = try reader.integers(count, as: UInt32.self)
        let kindPositions = try reader.integers(count, as: UInt8.self)
        let titles = try reader.integers(count, as: UInt32.self)
        let kinds = NodeKind.allCases
        let nodes = try makeArray(count: count) { i throws(Damage) in
            let kind = Int(kindPositions[i])
            guard kind < kinds.count else { throw .inconsistent("node kind \(kind)") }
            return Node(id: try reader.string(at: ids[i]), kind: kinds[kind], title: try reader.string(at: titles[i]))
        }
        return nodes
    }

    /// The edges, and their adjacency lists: for each kind, its edges (which are together, sorted by `from`)
    /// listed by `from` and by `to` with the builder's stable counting sort, so the lists are the builder's.
    private static func readEdges(
        _ reader: inout SnapshotReader
    ) throws(Damage) -> ([Edge], outgoing: [EdgeKind: Adjacency], incoming: [EdgeKind: Adjacency]) {
        let count = try reader.count(elementSize: 10)
        let from = try reader.integers(count, as: UInt32.self)
        let to = try reader.integers(count, as: UInt32.self)
        let kindPositions = try reader.integers(count, as: UInt8.self)
        let tags = try reader.integers(count, as: UInt8.self)
        let nodeCount = reader.nodeCount
        var outside = 0
        for i in 0..<count { outside |= Int(from[i]) >= nodeCount || Int(to[i]) >= nodeCount ? 1 : 0 }
        guard outside == 0 else { throw .inconsistent("an edge to a node out of range") }
        let kinds = EdgeKind.allCases
        let levels = EducationLevel.allCases
        let tiers = RelatedTier.allCases
        let edges = try makeArray(count: count) { i throws(Damage) -> Edge in
            let kindPosition = Int(kindPositions[i])
            guard kindPosition < kinds.count else { throw .inconsistent("edge kind \(kindPosition)") }
            let (source, target, kind) = (Int(from[i]), Int(to[i]), kinds[kindPosition])
            // Each case makes its edge whole: a payload made first and then moved into an edge would be copied
            // and destroyed once per edge.
            switch tags[i] {
            case AttributeTag.none.rawValue:
                return Edge(from: source, to: target, kind: kind)
            case AttributeTag.entryEducation.rawValue:
                return Edge(from: source, to: target, kind: kind, attributes: .entryEducation(EntryEducation(
                    education: try reader.choice(in: levels), workExperience: try reader.string(),
                    training: try reader.string(), epCode: try reader.string())))
            case AttributeTag.jobZone.rawValue:
                return Edge(from: source, to: target, kind: kind, attributes: .jobZone(onetCode: try reader.string()))
            case AttributeTag.related.rawValue:
                return Edge(from: source, to: target, kind: kind, attributes: .related(RelatedLink(
                    tier: try reader.choice(in: tiers), index: try reader.int(), onetCode: try reader.string(),
                    relatedOnetCode: try reader.string())))
            case AttributeTag.uses.rawValue:
                let flags = try reader.integer(UInt8.self)
                guard flags < 4 else { throw .inconsistent("technology use flags \(flags)") }
                return Edge(from: source, to: target, kind: kind,
                            attributes: .uses(TechnologyUse(hot: flags & 1 != 0, inDemand: flags & 2 != 0)))
            case AttributeTag.designated.rawValue:
                return Edge(from: source, to: target, kind: kind, attributes: .designated(basis: try reader.string()))
            case AttributeTag.alignment.rawValue:
                return Edge(from: source, to: target, kind: kind, attributes: .alignment(try readAlignment(&reader)))
            default:
                throw .inconsistent("edge attributes \(tags[i])")
            }
        }
        var outgoing: [EdgeKind: Adjacency] = [:]
        var incoming: [EdgeKind: Adjacency] = [:]
        var start = 0
        while start < count {
            let kindPosition = kindPositions[start]
            var end = start + 1
            var unsorted = 0
            while end < count, kindPositions[end] == kindPosition {
                unsorted |= from[end] < from[end - 1] ? 1 : 0
                end += 1
            }
            let kind = kinds[Int(kindPosition)]
            guard outgoing[kind] == nil, unsorted == 0 else { throw .inconsistent("edges of \(kind) out of order") }
            let positions = start..<end
            outgoing[kind] = Adjacency(nodeCount: nodeCount, edgePositions: positions) { Int(from[$0]) }
            incoming[kind] = Adjacency(nodeCount: nodeCount, edgePositions: positions) { Int(to[$0]) }
            start = end
        }
        return (edges, outgoing, incoming)
    }

    private static func readAlignment(_ reader: inout SnapshotReader) throws(Damage) -> FieldAlignment {
        let occupation = try reader.node(), field = try reader.node()
        let strength = try reader.double()
        let programs = try reader.int(), programTotal = try reader.int()
        let technologies = try reader.int(), hotTechnologies = try reader.int()
        let direct = try reader.bool()
        let kinds = Evidence.Kind.allCases
        var evidence: [Evidence] = []
        let count = try reader.count(elementSize: 15)
        evidence.reserveCapacity(count)
        for _ in 0..<count {
            evidence.append(Evidence(
                kind: try reader.choice(in: kinds), via: try reader.optionalNode(), hot: try reader.optionalBool(),
                rationale: try reader.optionalString(), curationFile: try reader.optionalString(),
                curationLine: try reader.optionalInt()))
        }
        return FieldAlignment(occupation: occupation, field: field, strength: strength, programs: programs,
                              programTotal: programTotal, technologies: technologies,
                              hotTechnologies: hotTechnologies, direct: direct, evidence: evidence)
    }

    private static func readCurationLinks(_ reader: inout SnapshotReader) throws(Damage) -> [CurationLink] {
        var links: [CurationLink] = []
        for _ in 0..<(try reader.count(elementSize: 17)) {
            links.append(CurationLink(subject: try reader.node(), field: try reader.node(), rationale: try reader.string(),
                                      file: try reader.string(), line: try reader.int()))
        }
        return links
    }

    private static func readIndex(_ reader: inout SnapshotReader, valueLimit: Int) throws(Damage) -> IDIndex {
        let keyBytes = try reader.integers(as: UInt8.self)
        let boundCount = try reader.count(elementSize: 8)
        let bounds = try reader.bytes(boundCount * 8)
        let keyBounds = [(start: Int32, end: Int32)](unsafeUninitializedCapacity: boundCount) { buffer, count in
            func bound(_ offset: Int) -> Int32 {
                Int32(littleEndian: bounds.loadUnaligned(fromByteOffset: offset, as: Int32.self))
            }
            for entry in 0..<boundCount { buffer[entry] = (bound(8 * entry), bound(8 * entry + 4)) }
            count = boundCount
        }
        let values = try reader.integers(as: Int32.self)
        let slots = try reader.integers(as: Int32.self)
        guard let index = IDIndex(keyBytes: keyBytes, keyBounds: keyBounds, values: values, slots: slots,
                                  valueLimit: valueLimit)
        else { throw .inconsistent("id index") }
        return index
    }

    private static func readFacts(_ reader: inout SnapshotReader) throws(Damage) -> OccupationFacts {
        OccupationFacts(
            wages: try reader.bool() ? Wages(
                oewsCode: try reader.string(), employment: try reader.optionalInt(),
                annualMean: try reader.optionalInt(), annualP10: try reader.optionalInt(),
                annualP25: try reader.optionalInt(), annualMedian: try reader.optionalInt(),
                annualP75: try reader.optionalInt(), annualP90: try reader.optionalInt(),
                hourlyMedian: try reader.optionalDouble(), footnotes: try readInts(&reader)) : nil,
            projection: try reader.bool() ? Projection(
                epCode: try reader.string(), employment2024: try reader.optionalDouble(),
                employment2034: try reader.optionalDouble(), changeNumeric: try reader.optionalDouble(),
                changePercent: try reader.optionalDouble(), openingsAnnual: try reader.optionalDouble(),
                medianWage2024: try reader.optionalInt(), medianWage2024TopCoded: try reader.bool()) : nil,
            educationDistribution: try readShares(&reader))
    }

    private static func readShares(_ reader: inout SnapshotReader) throws(Damage) -> [EducationShare] {
        try makeArray(count: try reader.count(elementSize: 9)) { _ throws(Damage) in
            EducationShare(category: try reader.int(), percent: try reader.double())
        }
    }

    private static func readInts(_ reader: inout SnapshotReader) throws(Damage) -> [Int] {
        try makeArray(count: try reader.count()) { _ throws(Damage) in try reader.int() }
    }

    /// `count` elements made by `element(i)` in order, in place (no appending); when `element` throws, the
    /// elements made so far are destroyed and the error rethrown. No allocation when `count` is 0.
    private static func makeArray<T>(count: Int, _ element: (Int) throws(Damage) -> T) throws(Damage) -> [T] {
        guard count > 0 else { return [] }
        var failure: Damage?
        let array = [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            guard let base = buffer.baseAddress else { return }
            do throws(Damage) {
                while initialized < count {
                    (base + initialized).initialize(to: try element(initialized))
                    initialized += 1
                }
            } catch {
                failure = error
            }
        }
        if let failure { throw failure }
        return array
    }

    private static func readRange(_ reader: inout SnapshotReader,
                                  within limit: Int) throws(Damage) -> Range<Int> {
        let lower = Int(try reader.integer(UInt32.self)), upper = Int(try reader.integer(UInt32.self))
        guard lower <= upper, upper <= limit else { throw .inconsistent("range \(lower)..<\(upper) of \(limit)") }
        return lower..<upper
    }

    /// A count, then that many entries read by `entry`, in increasing `order` of their keys (as written): keys
    /// out of order, hence a key seen twice, are damage.
    private static func readDictionary<Key: Hashable, Value>(
        _ reader: inout SnapshotReader, elementSize: Int, order: (Key) -> Int,
        _ entry: (inout SnapshotReader) throws(Damage) -> (Key, Value)
    ) throws(Damage) -> [Key: Value] {
        let count = try reader.count(elementSize: elementSize)
        var dictionary: [Key: Value] = [:]
        dictionary.reserveCapacity(count)
        var previous = Int.min
        for _ in 0..<count {
            let (key, value) = try entry(&reader)
            let rank = order(key)
            guard rank > previous else { throw .inconsistent("dictionary keys out of order") }
            previous = rank
            dictionary[key] = value
        }
        return dictionary
    }
}
