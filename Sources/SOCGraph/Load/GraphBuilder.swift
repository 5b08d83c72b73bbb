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

/// The previous row of a sorted file, for `GraphBuilder.unique(_:_:_:what:)`.
struct KeyTracker {
    /// How many leading columns form the key.
    let columns: Int
    var previous: TSVTable.Row?

    init(columns: Int = 1) { self.columns = columns }
}

/// Reads Graph/ files into a `KnowledgeGraph`, validating every row and collecting every problem.
///
/// Two phases: first the files that define nodes (so that every node exists before any edge refers to it), then
/// the files of edges and attributes, resolving codes through the id index. Used only through `GraphStore`.
final class GraphBuilder {
    let directory: URL
    private(set) var diagnostics: [Diagnostic] = []

    // Phase 1: nodes and where each was defined.
    private var pending: [Node] = []
    private var definitions: [(file: String, line: Int)] = []
    /// O*NET `.00` titles, which name their detailed code for exact-title look-up.
    var onetTitles: [(code: String, title: String)] = []

    // Phase 2: the frozen node table and what hangs off it.
    private(set) var nodes: [Node] = []
    private(set) var index: [String: NodeIndex] = [:]
    private var edges: [Edge] = []
    var facts: [NodeIndex: OccupationFacts] = [:]
    var programFacts: [NodeIndex: Program] = [:]
    var fieldFacts: [NodeIndex: FieldFacts] = [:]
    var commodities: [NodeIndex: Commodity] = [:]
    var sources: [DataSource] = []
    var educationCategories: [EducationCategory] = []
    var titleEntries: [TitleEntry] = []
    var curation = Curation()
    var soc2010: [SOC2010Link] = []
    var escoTitles: [ESCOTitle] = []
    /// (program, occupation) pairs of cip-soc.tsv and the number of programs per occupation (for alignments).
    var crosswalk: Set<NodePair> = []
    var crosswalkedPrograms: Set<NodeIndex> = []
    var programTotals: [NodeIndex: Int] = [:]
    /// (occupation, technology) pairs of uses.tsv with their hot flag, to check alignment evidence.
    var technologyUses: [NodePair: Bool] = [:]
    /// Every O*NET-SOC code of onet-occupations.tsv, `.00` codes included.
    var onetCodes: Set<String> = []
    /// Node-defining tables read in phase 1 and walked again in phase 2.
    var tables: [String: TSVTable] = [:]
    /// Per-node facts found in phase 1, attached once the nodes are frozen.
    var pendingPrograms: [(id: String, program: Program)] = []
    var pendingFieldNumbers: [(id: String, facts: FieldFacts)] = []
    var pendingCommodities: [(id: String, commodity: Commodity)] = []

    init(directory: URL) {
        self.directory = directory
    }

    /// Loads the graph; throws `SOCGraphError.damagedGraph` with every problem, sorted by file and line.
    func build() throws -> KnowledgeGraph {
        guard FileManager.default.isDirectory(atPath: directory.path) == true else {
            throw SOCGraphError.damagedGraph([Diagnostic(
                file: directory.path, line: 0,
                message: "graph directory not found (pass --graph DIR, set SOCGRAPH_GRAPH, or run 'make graph')")])
        }
        readManifest()
        defineNodes()
        freezeNodes()
        linkHierarchy()
        readEducation()
        readProjections()
        readWages()
        readRelated()
        readProgramLinks()
        readDesignations()
        readTitles()
        readUses()
        readCuration()
        readAlignments()
        readCrosswalks()
        readESCO()
        if !diagnostics.isEmpty { throw SOCGraphError.damagedGraph(diagnostics.sorted()) }
        return makeGraph()
    }

    // MARK: Reading and reporting

    /// Reads a file, recording its problems; nil when the file cannot be used at all (or an optional file is absent).
    func read(_ file: GraphFile) -> TSVTable? {
        if file.optional,
           !FileManager.default.fileExists(atPath: directory.appendingPathComponent(file.name).path) {
            if let source = file.requiredWith, sources.contains(where: { $0.source == source }) {
                problem(file.name, 0, "missing, although manifest.tsv lists '\(source)', from which 'socgraph import' "
                        + "writes it; re-import the graph (make graph) or restore the file")
            }
            return nil
        }
        let (table, problems) = TSVTable.readCollecting(file.name, in: directory, expecting: file.header)
        if let legacy = file.legacyHeader, problems.contains(where: { $0.line == 1 }),
           let text = try? String(contentsOf: directory.appendingPathComponent(file.name), encoding: .utf8),
           text.prefix(while: { $0 != "\n" }) == legacy.joined(separator: "\t") {
            problem(file.name, 1, "written by a socgraph from before alignment grades and the CHIPS focus areas "
                    + "(header '\(legacy.joined(separator: " | "))'); re-import this graph with this socgraph "
                    + "(socgraph import --from SOURCES --out DIR) to read or compare it")
            return nil
        }
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
        defer { keys.previous = row }
        let columns = 0..<keys.columns
        if let previous = keys.previous, columns.allSatisfy({ row[$0] == previous[$0] }) {
            let key = columns.map { row[$0] }.joined(separator: " ")
            problem(table.file, row.line, "duplicate \(what) '\(key)' (first on line \(previous.line))")
            return false
        }
        return true
    }

    /// Adds a node during phase 1.
    func define(_ node: Node, _ file: String, _ line: Int) {
        pending.append(node)
        definitions.append((file, line))
    }

    /// Sorts the phase-1 nodes by kind then id (ties in definition order), builds the index, reports ids defined
    /// twice and attaches the per-node facts found in phase 1.
    private func freezeNodes() {
        // The files are sorted, so a kind's ids usually arrive in order and are only checked.
        let kinds = pending.map(\.kind)
        var order: [Int] = []
        for kind in NodeKind.allCases {
            var ofKind = pending.indices.filter { kinds[$0] == kind }
            if !zip(ofKind, ofKind.dropFirst()).allSatisfy({ pending[$0].id < pending[$1].id }) {
                ofKind.sort { a, b in pending[a].id != pending[b].id ? pending[a].id < pending[b].id : a < b }
            }
            order += ofKind
        }
        index.reserveCapacity(pending.count)
        nodes.reserveCapacity(pending.count)
        var definedAt: [Int] = []
        for position in order {
            let node = pending[position]
            if let first = index[node.id] {
                let (file, line) = definitions[position], earlier = definitions[definedAt[first]]
                problem(file, line, "id '\(node.id)' is already defined at \(earlier.file):\(earlier.line)")
                continue
            }
            index[node.id] = nodes.count
            definedAt.append(position)
            nodes.append(node)
        }
        pending = []
        definitions = []
        for (id, program) in pendingPrograms { if let node = index[id] { programFacts[node] = program } }
        for (id, facts) in pendingFieldNumbers { if let node = index[id] { fieldFacts[node] = facts } }
        for (id, commodity) in pendingCommodities { if let node = index[id] { commodities[node] = commodity } }
    }

    // MARK: Resolving references

    /// The node `id` if it exists and is of one of `kinds`; otherwise records a problem naming `column`.
    func resolve(_ id: String, _ kinds: [NodeKind], column: String, _ table: TSVTable,
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

    /// The node `id` when it exists and is of `kind`; nil, with nothing recorded, otherwise.
    func node(_ id: String, ofKind kind: NodeKind) -> NodeIndex? {
        guard let node = index[id], nodes[node].kind == kind else { return nil }
        return node
    }

    private static func describe(_ kinds: [NodeKind]) -> String {
        kinds.sorted().map(\.displayName).joined(separator: " or ")
    }

    func addEdge(_ from: NodeIndex, _ to: NodeIndex, _ kind: EdgeKind, _ attributes: EdgeAttributes = .none) {
        edges.append(Edge(from: from, to: to, kind: kind, attributes: attributes))
    }

    // MARK: Assembly

    private func makeGraph() -> KnowledgeGraph {
        KnowledgeGraph(KnowledgeGraph.Parts(
            nodes: nodes, edges: edges, sources: sources, educationCategories: educationCategories,
            titles: titleEntries, curation: curation, facts: facts, programFacts: programFacts,
            fieldFacts: fieldFacts, commodities: commodities,
            onetTitles: onetTitles.compactMap { code, title in index[code].map { ($0, title) } },
            soc2010: soc2010, escoTitles: escoTitles))
    }
}
