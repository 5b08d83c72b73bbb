import Foundation

/// Reads Graph/ files into a `KnowledgeGraph`, validating every row and collecting every problem.
///
/// Two phases: first the files that define nodes (so that every node exists before any edge refers to it), then
/// the files of edges and attributes, resolving codes through the id index. Used only through `GraphStore`.
final class GraphBuilder {
    let directory: URL
    let sections: Set<GraphSection>
    private(set) var diagnostics: [Diagnostic] = []

    // Phase 1: nodes with where they were defined.
    private var pending: [(node: Node, file: String, line: Int)] = []
    /// O*NET `.00` titles, which name their detailed code for exact-title look-up.
    var onetTitles: [(code: String, title: String)] = []

    // Phase 2: the frozen node table and what hangs off it.
    private(set) var nodes: [Node] = []
    private(set) var index: [String: NodeIndex] = [:]
    private var edgeList: [(edge: Edge, order: Int)] = []
    var facts: [NodeIndex: OccupationFacts] = [:]
    var programFacts: [NodeIndex: Program] = [:]
    var fieldNumbers: [NodeIndex: Int] = [:]
    var commodities: [NodeIndex: Commodity] = [:]
    var sources: [DataSource] = []
    var educationCategories: [EducationCategory] = []
    var titleEntries: [TitleEntry] = []
    var curation = Curation()
    /// Node-defining tables read in phase 1 and walked again in phase 2.
    var tables: [String: TSVTable] = [:]
    /// Per-node facts found in phase 1, attached once the nodes are frozen.
    var pendingPrograms: [(id: String, program: Program)] = []
    var pendingFieldNumbers: [(id: String, number: Int)] = []
    var pendingCommodities: [(id: String, commodity: Commodity)] = []
    var onetCodeCache: Set<String>?

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
        if !diagnostics.isEmpty { throw SOCGraphError.damagedGraph(diagnostics.sorted()) }
        return makeGraph()
    }

    // MARK: Reading and reporting

    /// Reads a file, recording its problems; nil when the file cannot be used at all (or an optional file is absent).
    func read(_ file: GraphFile) -> TSVTable? {
        if file.optional, !FileManager.default.fileExists(atPath: directory.appendingPathComponent(file.name).path) {
            return nil
        }
        let (table, problems) = TSVTable.readCollecting(file.name, in: directory, expecting: file.header)
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

    /// Adds a node during phase 1.
    func define(_ node: Node, _ file: String, _ line: Int) {
        pending.append((node, file, line))
    }

    /// Sorts the phase-1 nodes by kind then id, builds the index, and reports ids defined twice.
    private func freezeNodes() {
        pending.sort { a, b in
            a.node.kind != b.node.kind ? a.node.kind < b.node.kind
                : a.node.id.utf8.lexicographicallyPrecedes(b.node.id.utf8)
        }
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
    func resolve(_ id: String, _ kinds: Set<NodeKind>, column: String, _ table: TSVTable,
                 _ row: TSVTable.Row) -> NodeIndex? {
        guard let node = index[id] else {
            problem(table.file, row.line, "\(column): unknown \(Self.describe(kinds)) '\(id)'")
            return nil
        }
        guard kinds.contains(nodes[node].kind) else {
            problem(table.file, row.line,
                    "\(column): '\(id)' is a \(nodes[node].kind.displayName), expected a \(Self.describe(kinds))")
            return nil
        }
        return node
    }

    private static func describe(_ kinds: Set<NodeKind>) -> String {
        kinds.sorted().map(\.displayName).joined(separator: " or ")
    }

    func addEdge(_ from: NodeIndex, _ to: NodeIndex, _ kind: EdgeKind, _ attributes: EdgeAttributes = .none,
                 order: Int = 0) {
        edgeList.append((Edge(from: from, to: to, kind: kind, attributes: attributes), order))
    }

    // MARK: Field parsers (each records a problem and returns nil on bad input)

    func int(_ text: String, column: String, _ table: TSVTable, _ row: TSVTable.Row,
             range: ClosedRange<Int>? = nil) -> Int? {
        guard let value = Int(text), text.first != "+" else {
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
        guard let value = Double(text), value.isFinite, text.first != "+",
              text.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" }) else {
            problem(table.file, row.line, "\(column): '\(text)' is not a number")
            return nil
        }
        if let range, !range.contains(value) {
            problem(table.file, row.line, "\(column): \(text) is out of range \(range.lowerBound)–\(range.upperBound)")
            return nil
        }
        return value
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
        edgeList.sort { a, b in
            let x = a.edge, y = b.edge
            if x.kind != y.kind {
                return EdgeKind.allCases.firstIndex(of: x.kind)! < EdgeKind.allCases.firstIndex(of: y.kind)!
            }
            if x.from != y.from { return x.from < y.from }
            if a.order != b.order { return a.order < b.order }
            return x.to < y.to
        }
        let edges = edgeList.map(\.edge)
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
