import Foundation

/// Results of parallel file parsing, one slot per file.
private final class PrefetchResults: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [(TSVTable?, [Diagnostic])??]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func store(_ index: Int, _ value: (TSVTable?, [Diagnostic])?) {
        lock.lock()
        slots[index] = .some(value)
        lock.unlock()
    }

    func value(_ index: Int) -> (TSVTable?, [Diagnostic])? {
        lock.lock()
        defer { lock.unlock() }
        return slots[index] ?? nil
    }
}

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
    var previous: (key: ArraySlice<String>, line: Int)?

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
    /// `nodes[i].kind`, kept apart so that checking a reference does not copy a node.
    private(set) var nodeKinds: [NodeKind] = []
    private(set) var index: [String: NodeIndex] = [:]
    private var edgeList: [Edge] = []
    /// Sort key within a node's list, parallel to `edgeList` (the O*NET index for related, else 0).
    private var edgeOrder: [Int] = []
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
    var onetCodeCache: Set<String>?
    private var lastLookup: (id: String, node: NodeIndex)?
    /// The last O*NET code found in onet-occupations.tsv (sorted files repeat it on consecutive rows).
    var lastKnownONET: String?
    /// Parsed files waiting to be consumed by `read(_:)`; a nil value is an absent optional file.
    private var prefetched: [String: (TSVTable?, [Diagnostic])?] = [:]

    init(directory: URL, sections: Set<GraphSection>) {
        self.directory = directory
        self.sections = GraphSection.closure(of: sections)
    }

    /// Loads the sections; throws `SOCGraphError.damagedGraph` with every problem, sorted by file and line.
    func build() throws -> KnowledgeGraph {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue
        else {
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
        if sections.contains(.technologies) { readUses() }
        if sections.contains(.curation) { readCuration() }
        if sections.contains(.alignments) { readAlignments() }
        if !diagnostics.isEmpty { throw SOCGraphError.damagedGraph(diagnostics.sorted()) }
        return makeGraph()
    }

    // MARK: Reading and reporting

    /// Reads and parses every file of the loaded sections on all cores (parsing is independent per file; the
    /// builder then consumes the tables in its fixed order, so results do not depend on scheduling).
    private func prefetch() {
        let files = GraphFile.all.filter { $0.section.map(sections.contains) ?? true }
        let results = PrefetchResults(count: files.count)
        let directory = self.directory
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            let file = files[index]
            if file.optional,
               !FileManager.default.fileExists(atPath: directory.appendingPathComponent(file.name).path) {
                results.store(index, nil)
                return
            }
            results.store(index, TSVTable.readCollecting(file.name, in: directory, expecting: file.header))
        }
        for (index, file) in files.enumerated() { prefetched[file.name] = results.value(index) }
    }

    /// Reads a file, recording its problems; nil when the file cannot be used at all (or an optional file is absent).
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
        let key = row.values.prefix(keys.columns)
        defer { keys.previous = (key, row.line) }
        if let previous = keys.previous, previous.key.elementsEqual(key) {
            problem(table.file, row.line,
                    "duplicate \(what) '\(key.joined(separator: " "))' (first on line \(previous.line))")
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
        // Sort positions, not the entries: by kind, then id (String order, which is bytewise for ASCII ids).
        let ranks = pending.map { $0.node.kind.rank }
        let ids = pending.map { $0.node.id }
        let order = pending.indices.sorted { a, b in
            ranks[a] != ranks[b] ? ranks[a] < ranks[b] : (ids[a] != ids[b] ? ids[a] < ids[b] : a < b)
        }
        pending = order.map { pending[$0] }
        nodes.reserveCapacity(pending.count)
        index.reserveCapacity(pending.count)
        var definedAt: [String: (file: String, line: Int)] = [:]
        for entry in pending {
            if let first = definedAt[entry.node.id] {
                problem(entry.file, entry.line, "id '\(entry.node.id)' is already defined at \(first.file):\(first.line)")
                continue
            }
            definedAt[entry.node.id] = (entry.file, entry.line)
            index[entry.node.id] = nodes.count
            nodes.append(entry.node)
            nodeKinds.append(entry.node.kind)
        }
        pending = []
    }

    private func attachNodeFacts() {
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

    private static func describe(_ kinds: [NodeKind]) -> String {
        kinds.sorted().map(\.displayName).joined(separator: " or ")
    }

    func addEdge(_ from: NodeIndex, _ to: NodeIndex, _ kind: EdgeKind, _ attributes: EdgeAttributes = .none,
                 order: Int = 0) {
        edgeList.append(Edge(from: from, to: to, kind: kind, attributes: attributes))
        edgeOrder.append(order)
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

    func nonEmpty(_ text: String, column: String, _ table: TSVTable, _ row: TSVTable.Row) -> Bool {
        if text.isEmpty { problem(table.file, row.line, "\(column) is empty") }
        return !text.isEmpty
    }

    // MARK: Assembly

    private func makeGraph() -> KnowledgeGraph {
        // Sort by (kind, from, order, to) through one packed 64-bit key per edge: 4 bits of kind, 22 of `from`,
        // 16 of order, 22 of `to` (the builder keeps node counts under 2^22 and order keys under 2^16).
        precondition(nodes.count < 1 << 22, "too many nodes for the edge sort key")
        let kindRank = Dictionary(uniqueKeysWithValues: EdgeKind.allCases.enumerated().map { ($1, UInt64($0)) })
        var keys = [UInt64](repeating: 0, count: edgeList.count)
        for (position, edge) in edgeList.enumerated() {
            let order = UInt64(min(max(edgeOrder[position], 0), (1 << 16) - 1))
            keys[position] = kindRank[edge.kind]! << 60 | UInt64(edge.from) << 38 | order << 22 | UInt64(edge.to)
        }
        let sorted = keys.indices.sorted { keys[$0] != keys[$1] ? keys[$0] < keys[$1] : $0 < $1 }
        let edges = sorted.map { edgeList[$0] }
        edgeList = []
        edgeOrder = []
        var outgoing: [EdgeKind: Adjacency] = [:]
        var incoming: [EdgeKind: Adjacency] = [:]
        var start = 0
        while start < edges.count {
            let kind = edges[start].kind
            var end = start
            while end < edges.count, edges[end].kind == kind { end += 1 }
            let positions = Array(start..<end)
            outgoing[kind] = Adjacency(nodeCount: nodes.count, edgePositions: positions) { edges[$0].from }
            incoming[kind] = Adjacency(nodeCount: nodes.count, edgePositions: positions) { edges[$0].to }
            start = end
        }
        var kindRanges: [NodeKind: Range<NodeIndex>] = [:]
        var first = 0
        while first < nodes.count {
            let kind = nodes[first].kind
            var end = first
            while end < nodes.count, nodes[end].kind == kind { end += 1 }
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

    private func exactTitleIndex() -> [String: [NodeIndex]] {
        var result: [String: [NodeIndex]] = [:]
        let occupational = nodes.indices.filter { nodes[$0].kind.isOccupational }
        for node in occupational { result[KnowledgeGraph.titleKey(nodes[node].title), default: []].append(node) }
        for (code, title) in onetTitles {
            guard let node = index[code] else { continue }
            let key = KnowledgeGraph.titleKey(title)
            if !(result[key] ?? []).contains(node) { result[key, default: []].append(node) }
        }
        let preference: [NodeKind] = [.detailed, .specialty, .broad, .minor, .major]
        for key in result.keys {
            result[key]!.sort { a, b in
                let x = preference.firstIndex(of: nodes[a].kind)!, y = preference.firstIndex(of: nodes[b].kind)!
                return x != y ? x < y : a < b
            }
        }
        return result
    }
}
