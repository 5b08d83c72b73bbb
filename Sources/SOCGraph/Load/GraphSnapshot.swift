/// A fully built `KnowledgeGraph` as a compact binary file, so that a later run reads it back (a few milliseconds)
/// instead of parsing and validating tens of thousands of TSV rows again. `GraphStore.load(_:)` keeps one per
/// section set in the cache folders (`GraphSnapshotStore`).
///
/// Layout, every integer little-endian:
///
///     magic            8 bytes, "SOCGSNAP"
///     version          UInt32 (`formatVersion`)
///     sections         UInt32, bit i for `GraphSection.allCases[i]`
///     file length      UInt64
///     checksum         UInt64 of every other byte of the file (`checksum(of:)`)
///     fingerprint      UInt32 length, then UTF-8 (what the graph was loaded from: `GraphSnapshotStore`)
///     string table     UInt32 count, UInt32 end of each, UInt32 byte count, the UTF-8 bytes
///     graph            the stored properties of `KnowledgeGraph`, in declaration order (`encode(_:fingerprint:)`)
///
/// Each distinct string is stored once and referred to by its UInt32 position (`0xFFFF_FFFF` is nil); node and
/// edge positions and counts are UInt32, the model's other `Int`s zigzag LEB128 (a byte or two), a `Double` its bit
/// pattern, an enumeration its position in `allCases` (a byte), an optional a presence byte before the value.
/// Nodes and edges are stored as columns (ids, kinds, titles; ends, kinds, attribute tags, then the attributes).
/// The adjacency lists are not stored: they are the edges of each kind (stored together, by `from`) ordered by a
/// stable counting sort, as the builder makes them, and are made again from the edges on reading. Dictionaries are
/// written sorted by key, so the same graph always gives the same bytes.
///
/// Reading checks the header, the fingerprint and the checksum, then every count, position and case as it reads:
/// a damaged snapshot throws `Damage`; it never traps and never yields a different graph. O(file size).
enum GraphSnapshot {
    static let magic = Array("SOCGSNAP".utf8)
    /// Changes whenever the layout or the meaning of a value changes.
    static let formatVersion: UInt32 = 1
    static let headerSize = 32

    /// Why a snapshot cannot be used; the graph is then loaded from the TSV files.
    enum Damage: Error, Equatable {
        case truncated
        case notASnapshot
        case otherVersion(UInt32)
        case wrongLength
        case otherFingerprint
        case otherSections
        case checksumMismatch
        /// A count, position or case out of range, or bytes left over.
        case inconsistent(String)
    }

    /// The sections as a bit set: bit i for `GraphSection.allCases[i]`.
    static func mask(of sections: Set<GraphSection>) -> UInt32 {
        var mask: UInt32 = 0
        for (bit, section) in GraphSection.allCases.enumerated() where sections.contains(section) {
            mask |= 1 << UInt32(bit)
        }
        return mask
    }

    /// A checksum of a whole snapshot file but its checksum field (bytes 24–31, read as zero), to tell a damaged
    /// file from a sound one: Fletcher-style sums of its little-endian 64-bit words (a running sum and the sum of
    /// the running sums, in four lanes), so that a changed, dropped or moved word changes it, finished with the
    /// length through a multiply-rotate mix. A fraction of an instruction per byte.
    static func checksum(of file: UnsafeRawBufferPointer) -> UInt64 {
        guard file.count >= headerSize, let base = file.baseAddress else { return 0 }
        @inline(__always) func word(_ offset: Int) -> UInt64 {
            UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
        }
        var sums: (UInt64, UInt64, UInt64, UInt64) = (word(0), word(8), word(16), 0)
        var running = sums
        var offset = headerSize
        while offset + 32 <= file.count {
            sums.0 &+= word(offset)
            sums.1 &+= word(offset + 8)
            sums.2 &+= word(offset + 16)
            sums.3 &+= word(offset + 24)
            running.0 &+= sums.0
            running.1 &+= sums.1
            running.2 &+= sums.2
            running.3 &+= sums.3
            offset += 32
        }
        var tail: UInt64 = 0
        while offset < file.count {
            tail = tail << 8 | UInt64(file[offset])
            offset += 1
        }
        var hash = UInt64(file.count) &* 0x9E37_79B1_85EB_CA87
        for part in [sums.0, sums.1, sums.2, sums.3, running.0, running.1, running.2, running.3, tail] {
            hash = (hash ^ part) &* 0xC2B2_AE3D_27D4_EB4F
            hash = (hash << 31 | hash >> 33) &* 0x9E37_79B1_85EB_CA87
        }
        return hash ^ hash >> 29
    }

    // MARK: Writing

    /// The snapshot file of `graph`, recording `fingerprint`.
    static func encode(_ graph: KnowledgeGraph, fingerprint: String) -> [UInt8] {
        var writer = SnapshotWriter(capacity: 64 * (graph.nodes.count + graph.edges.count + graph.titles.count),
                                    strings: graph.nodes.count + graph.titles.count)
        writeNodes(graph, &writer)
        writeEdges(graph, &writer)
        writer.list(graph.sources) { source, writer in
            for field in [source.source, source.publisher, source.title, source.vintage, source.url, source.file,
                          source.sha256] {
                writer.string(field)
            }
        }
        let levels = EducationLevel.allCases
        writer.list(graph.educationCategories) { category, writer in
            writer.int(category.category)
            writer.string(category.title)
            writer.choice(category.level, in: levels)
        }
        let titleSources = TitleSource.allCases
        writer.list(graph.titles) { entry, writer in
            writer.position(entry.node)
            writer.string(entry.title)
            writer.choice(entry.source, in: titleSources)
        }
        for table in CurationTable.allCases {
            writer.list(graph.curation.links(table)) { link, writer in
                writer.position(link.subject)
                writer.position(link.field)
                writer.string(link.rationale)
                writer.string(link.file)
                writer.int(link.line)
            }
        }
        writeIndex(graph.index, &writer)
        writeIndex(graph.exactTitles.keys, &writer)
        writer.list(graph.exactTitles.groups) { group, writer in
            writer.list(group) { node, writer in writer.position(node) }
        }
        let kinds = NodeKind.allCases
        writeDictionary(graph.kindRanges, by: \.rank, &writer) { kind, range, writer in
            writer.choice(kind, in: kinds)
            writer.position(range.lowerBound)
            writer.position(range.upperBound)
        }
        writeDictionary(graph.facts, &writer) { node, facts, writer in
            writer.position(node)
            writeFacts(facts, &writer)
        }
        let cipLevels = CIPLevel.allCases
        writeDictionary(graph.programFacts, &writer) { node, program, writer in
            writer.position(node)
            writer.choice(program.level, in: cipLevels)
            writer.optionalBool(program.stem)
            writer.optionalString(program.stemBasis)
        }
        writeDictionary(graph.fieldNumbers, &writer) { node, number, writer in
            writer.position(node)
            writer.int(number)
        }
        writeDictionary(graph.commodities, &writer) { node, commodity, writer in
            writer.position(node)
            writer.string(commodity.code)
            writer.string(commodity.title)
        }
        writeDictionary(graph.titleRanges, &writer) { node, range, writer in
            writer.position(node)
            writer.position(range.lowerBound)
            writer.position(range.upperBound)
        }
        return assemble(writer, sections: graph.sections, fingerprint: fingerprint)
    }

    /// Header, fingerprint, string table and body, with the checksum filled in.
    private static func assemble(_ writer: SnapshotWriter, sections: Set<GraphSection>,
                                 fingerprint: String) -> [UInt8] {
        var header = SnapshotWriter(capacity: headerSize + 16 + fingerprint.utf8.count + 4 * writer.stringEnds.count)
        for byte in magic { header.integer(byte) }
        header.integer(formatVersion)
        header.integer(mask(of: sections))
        let length = headerSize + 4 + fingerprint.utf8.count + 4 + 4 * writer.stringEnds.count + 4
            + writer.stringBytes.count + writer.body.count
        header.integer(UInt64(length))
        header.integer(UInt64(0))  // the checksum, filled in below
        header.integer(UInt32(fingerprint.utf8.count))
        for byte in fingerprint.utf8 { header.integer(byte) }
        header.integers(writer.stringEnds)
        header.integer(UInt32(writer.stringBytes.count))
        var file = [UInt8](unsafeUninitializedCapacity: length) { buffer, initialized in
            guard let base = buffer.baseAddress else { return }
            for part in [header.body.bytes, writer.stringBytes.bytes, writer.body.bytes] where part.count > 0 {
                guard initialized + part.count <= length else { break }  // not reached: `length` sums the parts
                UnsafeMutableRawPointer(base + initialized).copyMemory(from: part.baseAddress!, byteCount: part.count)
                initialized += part.count
            }
        }
        let sum = file.withUnsafeBytes { checksum(of: $0) }
        withUnsafeBytes(of: sum.littleEndian) { file.replaceSubrange(24..<32, with: $0) }
        return file
    }

    private static func writeNodes(_ graph: KnowledgeGraph, _ writer: inout SnapshotWriter) {
        writer.position(graph.nodes.count)
        // Ids and titles go to the string table node by node (a technology's title is its id), then as columns.
        var titles: [UInt32] = []
        titles.reserveCapacity(graph.nodes.count)
        var ids: [UInt32] = []
        ids.reserveCapacity(graph.nodes.count)
        for node in graph.nodes {
            let id = writer.stringPosition(node.id)
            ids.append(id)
            titles.append(node.title == node.id ? id : writer.stringPosition(node.title))
        }
        for id in ids { writer.integer(id) }
        for node in graph.nodes { writer.integer(UInt8(node.kind.rank)) }
        for title in titles { writer.integer(title) }
    }

    /// Ends and kinds as columns, then each edge's attributes: a tag per edge, then the payloads in edge order.
    private static func writeEdges(_ graph: KnowledgeGraph, _ writer: inout SnapshotWriter) {
        let edges = graph.edges
        let kinds = EdgeKind.allCases
        writer.position(edges.count)
        // Fields read in place: a loop over the edges themselves would copy each edge and its payload.
        for i in edges.indices { writer.position(edges[i].from) }
        for i in edges.indices { writer.position(edges[i].to) }
        for i in edges.indices { writer.choice(edges[i].kind, in: kinds) }
        for i in edges.indices { writer.integer(AttributeTag(edges[i].attributes).rawValue) }
        let levels = EducationLevel.allCases
        let tiers = RelatedTier.allCases
        let evidenceKinds = Evidence.Kind.allCases
        for edge in edges {
            switch edge.attributes {
            case .none: break
            case let .entryEducation(entry):
                writer.choice(entry.education, in: levels)
                writer.string(entry.workExperience)
                writer.string(entry.training)
                writer.string(entry.epCode)
            case let .jobZone(onetCode):
                writer.string(onetCode)
            case let .related(link):
                writer.choice(link.tier, in: tiers)
                writer.int(link.index)
                writer.string(link.onetCode)
                writer.string(link.relatedOnetCode)
            case let .uses(use):
                writer.integer(UInt8((use.hot ? 1 : 0) | (use.inDemand ? 2 : 0)))
            case let .designated(basis):
                writer.string(basis)
            case let .alignment(alignment):
                writer.position(alignment.occupation)
                writer.position(alignment.field)
                writer.double(alignment.strength)
                writer.int(alignment.programs)
                writer.int(alignment.programTotal)
                writer.int(alignment.technologies)
                writer.int(alignment.hotTechnologies)
                writer.bool(alignment.direct)
                writer.position(alignment.evidence.count)
                for evidence in alignment.evidence {
                    writer.choice(evidence.kind, in: evidenceKinds)
                    writer.optionalNode(evidence.via)
                    writer.optionalBool(evidence.hot)
                    writer.optionalString(evidence.rationale)
                    writer.optionalString(evidence.curationFile)
                    writer.optionalInt(evidence.curationLine)
                }
            }
        }
    }

    private static func writeIndex(_ index: IDIndex, _ writer: inout SnapshotWriter) {
        writer.integers(index.keyBytes)
        writer.position(index.keyBounds.count)
        for (start, end) in index.keyBounds {
            writer.integer(start)
            writer.integer(end)
        }
        writer.integers(index.values)
        writer.integers(index.slots)
    }

    private static func writeFacts(_ facts: OccupationFacts, _ writer: inout SnapshotWriter) {
        writer.bool(facts.wages != nil)
        if let wages = facts.wages {
            writer.string(wages.oewsCode)
            for figure in [wages.employment, wages.annualMean, wages.annualP10, wages.annualP25, wages.annualMedian,
                           wages.annualP75, wages.annualP90] {
                writer.optionalInt(figure)
            }
            writer.optionalDouble(wages.hourlyMedian)
            writer.position(wages.footnotes.count)
            for footnote in wages.footnotes { writer.int(footnote) }
        }
        writer.bool(facts.projection != nil)
        if let projection = facts.projection {
            writer.string(projection.epCode)
            for figure in [projection.employment2024, projection.employment2034, projection.changeNumeric,
                           projection.changePercent, projection.openingsAnnual] {
                writer.optionalDouble(figure)
            }
            writer.optionalInt(projection.medianWage2024)
            writer.bool(projection.medianWage2024TopCoded)
        }
        writer.position(facts.educationDistribution.count)
        for share in facts.educationDistribution {
            writer.int(share.category)
            writer.double(share.percent)
        }
    }

    /// A count, then each entry written by `write`, in the order of `key(entry key)`. The entries' positions are
    /// sorted, not the entries, which can be large.
    private static func writeDictionary<Key, Value>(
        _ dictionary: [Key: Value], by key: (Key) -> Int, _ writer: inout SnapshotWriter,
        _ write: (Key, Value, inout SnapshotWriter) -> Void
    ) {
        let order = dictionary.indices.map { (key: key(dictionary[$0].key), index: $0) }.sorted { $0.key < $1.key }
        writer.list(order) { entry, writer in
            let (entryKey, value) = dictionary[entry.index]
            write(entryKey, value, &writer)
        }
    }

    /// `writeDictionary(_:by:_:_:)` for a dictionary keyed by node: its keys sorted as plain integers, each entry
    /// then looked up (cheaper than sorting the entries by a key function).
    private static func writeDictionary<Value>(
        _ dictionary: [NodeIndex: Value], _ writer: inout SnapshotWriter,
        _ write: (NodeIndex, Value, inout SnapshotWriter) -> Void
    ) {
        let nodes = dictionary.keys.sorted()
        writer.position(nodes.count)
        for node in nodes {
            guard let value = dictionary[node] else { continue }  // not reached: every key has its value
            write(node, value, &writer)
        }
    }

    /// Which `EdgeAttributes` case an edge carries, as stored.
    enum AttributeTag: UInt8 {
        case none, entryEducation, jobZone, related, uses, designated, alignment

        init(_ attributes: EdgeAttributes) {
            switch attributes {
            case .none: self = .none
            case .entryEducation: self = .entryEducation
            case .jobZone: self = .jobZone
            case .related: self = .related
            case .uses: self = .uses
            case .designated: self = .designated
            case .alignment: self = .alignment
            }
        }
    }
}
