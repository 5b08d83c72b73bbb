import Foundation

/// Two nodes, as a dictionary key.
struct NodePair: Hashable {
    let first: NodeIndex
    let second: NodeIndex

    init(_ first: NodeIndex, _ second: NodeIndex) {
        self.first = first
        self.second = second
    }
}

/// The key of the previous row of a sorted file, for `GraphBuilder.unique(_:_:_:what:)`.
struct KeyTracker {
    /// How many leading columns form the key.
    let columns: Int
    /// The previous row: where its fields start (`TSVTable.Row.first`) and its line.
    var previous: (first: Int, line: Int)?

    init(columns: Int = 1) { self.columns = columns }
}

/// Reads Graph/ files into a `KnowledgeGraph`, validating every row and collecting every problem.
///
/// Two phases: first the files that define nodes (so that every node exists before any edge refers to it), then
/// the files of edges and attributes, resolving codes through the id index. Used only through `GraphStore`.
final class GraphBuilder {
    let directory: URL
    let sections: Set<GraphSection>
    private(set) var diagnostics: [Diagnostic] = []

    // Phase 1: nodes with where they were defined.
    private struct PendingNode {
        let node: Node
        let file: String
        let line: Int
    }
    private var pending: [PendingNode] = []
    /// O*NET `.00` titles, which name their detailed code for exact-title look-up.
    var onetTitles: [(code: String, title: String)] = []

    // Phase 2: the frozen node table and what hangs off it.
    private(set) var nodes: [Node] = []
    // The properties read or appended to on every row are exempt from run-time exclusivity checks (which cost
    // more than the look-up itself): `nodeKinds` and `index` are written only by `freezeNodes`, before any row
    // refers to a node, and the edge arrays only by `addEdge`, which calls nothing.
    /// `nodes[i].kind`, kept apart so that checking a reference does not copy a node.
    @exclusivity(unchecked) private(set) var nodeKinds: [NodeKind] = []
    @exclusivity(unchecked) private(set) var index = IDIndex()
    @exclusivity(unchecked) private var edgeList: [Edge] = []
    /// Sort key of each edge of `edgeList`: its kind, `from`, order key (the O*NET index for related, else 0),
    /// and `to`, packed by `sortKey`.
    @exclusivity(unchecked) private var edgeKeys: [UInt64] = []
    var facts: [NodeIndex: OccupationFacts] = [:]
    var programFacts: [NodeIndex: Program] = [:]
    var fieldNumbers: [NodeIndex: Int] = [:]
    var commodities: [NodeIndex: Commodity] = [:]
    var sources: [DataSource] = []
    var educationCategories: [EducationCategory] = []
    var titleEntries: [TitleEntry] = []
    var curation = Curation()
    /// (program, occupation) pairs of cip-soc.tsv and the number of programs per occupation (for alignments).
    var crosswalk: Set<NodePair> = []
    var crosswalkedPrograms: Set<NodeIndex> = []
    var programTotals: [NodeIndex: Int] = [:]
    /// (occupation, technology) pairs of uses.tsv with their hot flag (kept only when alignments are loaded).
    var technologyUses: [NodePair: Bool] = [:]
    /// Node-defining tables read in phase 1 and walked again in phase 2.
    var tables: [String: TSVTable] = [:]
    /// Per-node facts found in phase 1, attached once the nodes are frozen.
    var pendingPrograms: [(id: String, program: Program)] = []
    var pendingFieldNumbers: [(id: String, number: Int)] = []
    var pendingCommodities: [(id: String, commodity: Commodity)] = []
    var onetCodeCache: (index: IDIndex, list: [String])?
    /// Files read ahead by `prefetch`, waiting to be consumed by `read(_:)`; a nil value is an absent optional file.
    private var prefetched: [String: (TSVTable?, [Diagnostic])?] = [:]
    private var lastLookup: (id: String, node: NodeIndex)?

    init(directory: URL, sections: Set<GraphSection>) {
        self.directory = directory
        self.sections = GraphSection.closure(of: sections)
    }

    /// Loads the sections; throws `SOCGraphError.damagedGraph` with every problem, sorted by file and line.
    func build() throws -> KnowledgeGraph {
        guard FileManager.default.isDirectory(atPath: directory.path) == true else {
            throw SOCGraphError.damagedGraph([Diagnostic(
                file: directory.path, line: 0,
                message: "graph directory not found (pass --graph DIR, set SOCGRAPH_GRAPH, or run 'make graph')")])
        }
        prefetch()
        readManifest()
        defineNodes()
        freezeNodes()
        attachNodeFacts()
        linkHierarchy()
        if sections.contains(.education) { readEducation() }
        if sections.contains(.projections) { readProjections() }
        if sections.contains(.wages) { readWages() }
        if sections.contains(.related) { readRelated() }
        if sections.contains(.programs) { readProgramLinks() }
        if sections.contains(.designations) { readDesignations() }
        if sections.contains(.titles) { readTitles() }
        if sections.contains(.uses) { readUses() }
        if sections.contains(.curation) { readCuration() }
        if sections.contains(.alignments) { readAlignments() }
        if !diagnostics.isEmpty { throw SOCGraphError.damagedGraph(diagnostics.sorted()) }
        return makeGraph()
    }

    // MARK: Reading and reporting

    /// Reads every file of the loaded sections, so that the node and edge arrays can be sized once: every row
    /// defines at most one node and adds at most one edge, except a job-zones.tsv row (its specialty's edge and
    /// perhaps its detailed code's). Files are read one after another: parsing is a small part of loading, and a
    /// second thread costs more to start than it saves on a busy two-core machine.
    private func prefetch() {
        var rows = 0
        for file in GraphFile.all where file.isRead(by: sections) {
            if file.optional,
               !FileManager.default.fileExists(atPath: directory.appendingPathComponent(file.name).path) {
                prefetched[file.name] = .some(nil)
                continue
            }
            let result = TSVTable.readCollecting(file.name, in: directory, expecting: file.header)
            let count = result.0?.rows.count ?? 0
            rows += file.name == GraphFile.jobZones.name ? 2 * count : count
            prefetched[file.name] = result
        }
        pending.reserveCapacity(rows)
        edgeList.reserveCapacity(rows)
        edgeKeys.reserveCapacity(rows)
    }

    /// Reads a file, recording its problems; nil when the file cannot be used at all (or an optional file is absent).
    /// A file read ahead by `prefetch`, left for `read(_:)` (nil when it was not read ahead).
    func prefetchedTable(_ file: GraphFile) -> (TSVTable?, [Diagnostic])?? { prefetched[file.name] }

    func read(_ file: GraphFile) -> TSVTable? {
        let result: (TSVTable?, [Diagnostic])?
        if let cached = prefetched.removeValue(forKey: file.name) {
            result = cached
        } else if file.optional,
                  !FileManager.default.fileExists(atPath: directory.appendingPathComponent(file.name).path) {
            result = nil
        } else {
            result = TSVTable.readCollecting(file.name, in: directory, expecting: file.header)
        }
        guard let (table, problems) = result else { return nil }
        diagnostics += problems
        return table
    }

    func problem(_ file: String, _ line: Int, _ message: String) {
        diagnostics.append(Diagnostic(file: file, line: line, message: message))
    }

    /// Records a duplicate key; returns false if `key` was seen before in this file.
    func unique(_ key: String, in seen: inout [String: Int], _ table: TSVTable, _ row: TSVTable.Row,
                what: String) -> Bool {
        if let first = seen[key] {
            problem(table.file, row.line, "duplicate \(what) '\(key)' (first on line \(first))")
            return false
        }
        seen[key] = row.line
        return true
    }

    /// Records a duplicate key in a sorted file; returns false if the row repeats the previous row's key.
    /// Rows with equal key columns (a prefix of the columns) are adjacent in a bytewise-sorted file, so this costs
    /// O(1) per row; a file out of order is reported as such by the reader.
    func unique(_ row: TSVTable.Row, _ keys: inout KeyTracker, _ table: TSVTable, what: String) -> Bool {
        defer { keys.previous = (row.first, row.line) }
        if let previous = keys.previous, row.hasSameFields(keys.columns, asRowAt: previous.first) {
            let key = (0..<keys.columns).map { row[$0] }.joined(separator: " ")
            problem(table.file, row.line, "duplicate \(what) '\(key)' (first on line \(previous.line))")
            return false
        }
        return true
    }

    /// Adds a node during phase 1.
    func define(_ node: Node, _ file: String, _ line: Int) {
        pending.append(PendingNode(node: node, file: file, line: line))
    }

    /// Sorts the phase-1 nodes by kind then id, builds the index, and reports ids defined twice.
    private func freezeNodes() {
        // Stable bucketing by kind, then by id (String order, which is bytewise for ASCII ids) within each kind,
        // ties in definition order. The files are sorted, so a kind's ids usually arrive in order already and
        // are only checked (O(n)); otherwise that kind is sorted.
        var buckets = [[Int]](repeating: [], count: NodeKind.allCases.count)
        for (position, entry) in pending.enumerated() { buckets[entry.node.kind.rank].append(position) }
        var order: [Int] = []
        order.reserveCapacity(pending.count)
        for var bucket in buckets {
            let inOrder = zip(bucket, bucket.dropFirst()).allSatisfy { pending[$0].node.id < pending[$1].node.id }
            if !inOrder {
                bucket.sort { a, b in
                    pending[a].node.id != pending[b].node.id ? pending[a].node.id < pending[b].node.id : a < b
                }
            }
            order += bucket
        }
        nodes.reserveCapacity(pending.count)
        nodeKinds.reserveCapacity(pending.count)
        index = IDIndex(capacity: pending.count)
        var definedAt: [Int] = []
        definedAt.reserveCapacity(pending.count)
        for position in order {
            let entry = pending[position]
            if let first = index.insert(entry.node.id, nodes.count) {
                let firstEntry = pending[definedAt[first]]
                problem(entry.file, entry.line,
                        "id '\(entry.node.id)' is already defined at \(firstEntry.file):\(firstEntry.line)")
                continue
            }
            definedAt.append(position)
            nodes.append(entry.node)
            nodeKinds.append(entry.node.kind)
        }
        pending = []
        // Facts are kept for detailed occupations and specialties: size the table once.
        facts.reserveCapacity(nodeKinds.reduce(0) { $0 + ($1 == .detailed || $1 == .specialty ? 1 : 0) })
    }

    private func attachNodeFacts() {
        programFacts.reserveCapacity(pendingPrograms.count)
        for (id, program) in pendingPrograms { if let node = index[id] { programFacts[node] = program } }
        for (id, number) in pendingFieldNumbers { if let node = index[id] { fieldNumbers[node] = number } }
        for (id, commodity) in pendingCommodities { if let node = index[id] { commodities[node] = commodity } }
        pendingPrograms = []
        pendingFieldNumbers = []
        pendingCommodities = []
    }

    // MARK: Resolving references

    /// The node `id` if it exists and is of one of `kinds`; otherwise records a problem naming `column`.
    func resolve(_ id: String, _ kinds: [NodeKind], column: String, _ table: TSVTable,
                 _ row: TSVTable.Row) -> NodeIndex? {
        // Sorted files repeat the same code on consecutive rows: remember the last look-up.
        let node: NodeIndex
        if let last = lastLookup, last.id == id {
            node = last.node
        } else if let found = index[id] {
            node = found
            lastLookup = (id, found)
        } else {
            problem(table.file, row.line, "\(column): unknown \(Self.describe(kinds)) '\(id)'")
            return nil
        }
        let kind = nodeKinds[node]
        guard kinds.contains(kind) else {
            problem(table.file, row.line,
                    "\(column): '\(id)' is a \(nodes[node].kind.displayName), expected a \(Self.describe(kinds))")
            return nil
        }
        return node
    }

    /// The node whose id is field `field` of `row`, compared on bytes; otherwise like `resolve(_:_:column:_:_:)`.
    func resolve(field: Int, _ kinds: [NodeKind], column: String, _ table: TSVTable,
                 _ row: TSVTable.Row) -> NodeIndex? {
        guard let node = row.withBytes(field, { index.find($0) }) else {
            problem(table.file, row.line, "\(column): unknown \(Self.describe(kinds)) '\(row[field])'")
            return nil
        }
        guard kinds.contains(nodeKinds[node]) else {
            let found = nodes[node].kind.displayName
            problem(table.file, row.line, "\(column): '\(row[field])' is a \(found), expected a \(Self.describe(kinds))")
            return nil
        }
        return node
    }

    private static func describe(_ kinds: [NodeKind]) -> String {
        kinds.sorted().map(\.displayName).joined(separator: " or ")
    }

    func addEdge(_ from: NodeIndex, _ to: NodeIndex, _ kind: EdgeKind, _ attributes: EdgeAttributes = .none,
                 order: Int = 0) {
        edgeList.append(Edge(from: from, to: to, kind: kind, attributes: attributes))
        edgeKeys.append(Self.sortKey(kind, from, order, to))
    }

    /// The position of an edge in `KnowledgeGraph.edges`, packed in 64 bits: 4 bits of kind (its position in
    /// `EdgeKind.allCases`), 22 of `from`, 16 of order, 22 of `to` (node counts stay under 2^22, checked by
    /// `makeGraph`; order keys are clamped to 16 bits).
    private static func sortKey(_ kind: EdgeKind, _ from: NodeIndex, _ order: Int, _ to: NodeIndex) -> UInt64 {
        let rank: UInt64
        switch kind {
        case .parent: rank = 0
        case .entryEducation: rank = 1
        case .jobZone: rank = 2
        case .related: rank = 3
        case .preparesFor: rank = 4
        case .uses: rank = 5
        case .designated: rank = 6
        case .alignsWith: rank = 7
        }
        let clamped = UInt64(min(max(order, 0), (1 << 16) - 1))
        return rank << 60 | UInt64(from) << 38 | clamped << 22 | UInt64(to)
    }

    // MARK: Field parsers (each records a problem and returns nil on bad input)

    func int(_ text: String, column: String, _ table: TSVTable, _ row: TSVTable.Row,
             range: ClosedRange<Int>? = nil) -> Int? {
        guard Self.isDecimal(text, fraction: false), let value = Int(text) else {
            problem(table.file, row.line, "\(column): '\(text)' is not a whole number")
            return nil
        }
        if let range, !range.contains(value) {
            problem(table.file, row.line, "\(column): \(value) is out of range \(range.lowerBound)–\(range.upperBound)")
            return nil
        }
        return value
    }

    /// Field `field` of `row` as a whole number, read from its bytes; otherwise like `int(_:column:_:_:range:)`.
    func int(field: Int, column: String, _ table: TSVTable, _ row: TSVTable.Row,
             range: ClosedRange<Int>? = nil) -> Int? {
        guard let value = row.withBytes(field, DecimalText.int) else {
            problem(table.file, row.line, "\(column): '\(row[field])' is not a whole number")
            return nil
        }
        if let range, !range.contains(value) {
            problem(table.file, row.line, "\(column): \(value) is out of range \(range.lowerBound)–\(range.upperBound)")
            return nil
        }
        return value
    }

    func optionalInt(field: Int, column: String, _ table: TSVTable, _ row: TSVTable.Row) -> Int? {
        row.isEmpty(field) ? nil : int(field: field, column: column, table, row)
    }

    func optionalInt(_ text: String, column: String, _ table: TSVTable, _ row: TSVTable.Row) -> Int? {
        text.isEmpty ? nil : int(text, column: column, table, row)
    }

    func double(_ text: String, column: String, _ table: TSVTable, _ row: TSVTable.Row,
                range: ClosedRange<Double>? = nil) -> Double? {
        guard Self.isDecimal(text, fraction: true), let value = Double(text), value.isFinite else {
            problem(table.file, row.line, "\(column): '\(text)' is not a number")
            return nil
        }
        if let range, !range.contains(value) {
            problem(table.file, row.line, "\(column): \(text) is out of range \(range.lowerBound)–\(range.upperBound)")
            return nil
        }
        return value
    }

    /// Field `field` of `row` as a number, read from its bytes; otherwise like `double(_:column:_:_:range:)`.
    func double(field: Int, column: String, _ table: TSVTable, _ row: TSVTable.Row,
                range: ClosedRange<Double>? = nil) -> Double? {
        guard let value = row.withBytes(field, DecimalText.decimal) else {
            problem(table.file, row.line, "\(column): '\(row[field])' is not a number")
            return nil
        }
        if let range, !range.contains(value) {
            problem(table.file, row.line,
                    "\(column): \(row[field]) is out of range \(range.lowerBound)–\(range.upperBound)")
            return nil
        }
        return value
    }

    func optionalDouble(field: Int, column: String, _ table: TSVTable, _ row: TSVTable.Row) -> Double? {
        row.isEmpty(field) ? nil : double(field: field, column: column, table, row)
    }

    /// Plain decimal notation: an optional minus, digits, and (with `fraction`) at most one point followed by
    /// digits. No plus sign, exponent, spaces, `nan` or `inf`.
    static func isDecimal(_ text: String, fraction: Bool) -> Bool {
        var digits = 0, sawPoint = false, afterPoint = 0
        for (offset, byte) in text.utf8.enumerated() {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if sawPoint { afterPoint += 1 } else { digits += 1 }
            case UInt8(ascii: "-") where offset == 0: continue
            case UInt8(ascii: ".") where fraction && !sawPoint: sawPoint = true
            default: return false
            }
        }
        return digits > 0 && (!sawPoint || afterPoint > 0)
    }

    func optionalDouble(_ text: String, column: String, _ table: TSVTable, _ row: TSVTable.Row) -> Double? {
        text.isEmpty ? nil : double(text, column: column, table, row)
    }

    func flag(_ text: String, column: String, _ table: TSVTable, _ row: TSVTable.Row) -> Bool? {
        switch text {
        case "yes": return true
        case "no": return false
        default:
            problem(table.file, row.line, "\(column): '\(text)' is not 'yes' or 'no'")
            return nil
        }
    }

    func flag(field: Int, column: String, _ table: TSVTable, _ row: TSVTable.Row) -> Bool? {
        if row.field(field, is: "yes") { return true }
        if row.field(field, is: "no") { return false }
        problem(table.file, row.line, "\(column): '\(row[field])' is not 'yes' or 'no'")
        return nil
    }

    func nonEmpty(field: Int, column: String, _ table: TSVTable, _ row: TSVTable.Row) -> Bool {
        if row.isEmpty(field) { problem(table.file, row.line, "\(column) is empty") }
        return !row.isEmpty(field)
    }

    func nonEmpty(_ text: String, column: String, _ table: TSVTable, _ row: TSVTable.Row) -> Bool {
        if text.isEmpty { problem(table.file, row.line, "\(column) is empty") }
        return !text.isEmpty
    }

    // MARK: Assembly

    private func makeGraph() -> KnowledgeGraph {
        // Sort by (kind, from, order, to), ties in the order added: the packed keys with their positions.
        precondition(nodes.count < 1 << 22, "too many nodes for the edge sort key")
        var sorted = edgeKeys.enumerated().map { (key: $1, position: Int32($0)) }
        sorted.sort { $0.key != $1.key ? $0.key < $1.key : $0.position < $1.position }
        var edges = edgeList
        edgeList = []
        edgeKeys = []
        Self.permute(&edges, from: sorted.map(\.position))
        let nodeMask: UInt64 = (1 << 22) - 1
        var outgoing: [EdgeKind: Adjacency] = [:]
        var incoming: [EdgeKind: Adjacency] = [:]
        var start = 0
        while start < edges.count {
            let kind = edges[start].kind
            let rank = sorted[start].key >> 60
            var end = start
            while end < edges.count, sorted[end].key >> 60 == rank { end += 1 }
            let positions = start..<end
            outgoing[kind] = Adjacency(nodeCount: nodes.count, edgePositions: positions) {
                Int(sorted[$0].key >> 38 & nodeMask)
            }
            incoming[kind] = Adjacency(nodeCount: nodes.count, edgePositions: positions) {
                Int(sorted[$0].key & nodeMask)
            }
            start = end
        }
        var kindRanges: [NodeKind: Range<NodeIndex>] = [:]
        var first = 0
        while first < nodes.count {
            let kind = nodeKinds[first]
            var end = first
            while end < nodes.count, nodeKinds[end] == kind { end += 1 }
            kindRanges[kind] = first..<end
            first = end
        }
        let titleOrder: [TitleEntry] = titleEntries.enumerated()
            .sorted { $0.element.node != $1.element.node ? $0.element.node < $1.element.node : $0.offset < $1.offset }
            .map(\.element)
        var titleRanges: [NodeIndex: Range<Int>] = [:]
        var t = 0
        while t < titleOrder.count {
            var end = t
            while end < titleOrder.count, titleOrder[end].node == titleOrder[t].node { end += 1 }
            titleRanges[titleOrder[t].node] = t..<end
            t = end
        }
        return KnowledgeGraph(
            sections: sections, nodes: nodes, edges: edges, sources: sources,
            educationCategories: educationCategories.sorted { $0.category < $1.category }, titles: titleOrder,
            curation: curation, index: index, exactTitles: exactTitleIndex(), outgoing: outgoing, incoming: incoming,
            kindRanges: kindRanges, facts: facts, programFacts: programFacts, fieldNumbers: fieldNumbers,
            commodities: commodities, titleRanges: titleRanges)
    }

    /// Reorders `elements` in place so that position `i` holds the element that was at `source[i]` (a
    /// permutation), moving each element once instead of copying it. O(n).
    private static func permute<Element>(_ elements: inout [Element], from source: [Int32]) {
        precondition(source.count == elements.count, "not a permutation of the elements")
        var placed = [Bool](repeating: false, count: elements.count)
        elements.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            for start in buffer.indices where !placed[start] {
                // Follow the cycle through `start`: each position takes the element from its source.
                let first = (base + start).move()
                var position = start
                while true {
                    placed[position] = true
                    let from = Int(source[position])
                    if from == start {
                        (base + position).initialize(to: first)
                        break
                    }
                    precondition(!placed[from], "not a permutation of the elements")
                    (base + position).moveInitialize(from: base + from, count: 1)
                    position = from
                }
            }
        }
    }

    private func exactTitleIndex() -> ExactTitleIndex {
        var result = ExactTitleIndex(capacity: nodes.count + onetTitles.count)
        for node in nodes.indices where nodeKinds[node].isOccupational {
            result.add(node, title: nodes[node].title)
        }
        for (code, title) in onetTitles {
            guard let node = index[code] else { continue }
            result.add(node, title: title)
        }
        let preference: [NodeKind] = [.detailed, .specialty, .broad, .minor, .major]
        result.sortGroups { a, b in
            let x = preference.firstIndex(of: nodeKinds[a])!, y = preference.firstIndex(of: nodeKinds[b])!
            return x != y ? x < y : a < b
        }
        return result
    }
}
