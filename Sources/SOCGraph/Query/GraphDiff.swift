/// The change report of `socgraph diff OLD NEW`: what changed between two graphs in the facts a petition may cite
/// about a SOC detailed code — title, typical entry education, Job Zone, related occupations, national-interest
/// alignments, STEM and Schedule A designations, OEWS annual median — listed per code that changed, with a count
/// per aspect and the data vintages of both graphs.
///
/// JSON: `{old, new, vintageChanges, summary, changes, onlyInOld, onlyInNew, sources}`.
public struct GraphDiff: Encodable, Hashable, Sendable {
    /// What the report compares of each detailed code, in report order. The raw values are the keys of
    /// `summary.aspects` and of each code's `changes`.
    public enum Aspect: String, CaseIterable, Encodable, Sendable {
        case title, entryEducation, jobZone, related, alignments, designations, wages
    }

    public let old: DiffSide
    public let new: DiffSide
    /// The vintages only one graph cites, paired where a source moved from one to the other (see
    /// `vintageChanges(old:new:)`).
    public let vintageChanges: [VintageChange]
    public let summary: DiffSummary
    /// The codes in both graphs with at least one change, in code order.
    public let changes: [OccupationChange]
    public let onlyInOld: [NodeReference]
    public let onlyInNew: [NodeReference]
    /// The sources of both graphs: the old graph's vintages, then those only the new graph has.
    public let sources: [SourceCitation]

    /// Compares the detailed codes of `old` and `new`, or only `codes` (detailed code ids, as
    /// `detailedCodes(named:old:new:)` gives) when given. `oldLabel` and `newLabel` name the graphs in the report.
    /// O(codes · degree).
    public init(old: KnowledgeGraph, new: KnowledgeGraph, oldLabel: String = "old", newLabel: String = "new",
                codes: [String]? = nil) {
        self.old = DiffSide(graph: oldLabel, vintages: old.sources.citations.map(\.vintage))
        self.new = DiffSide(graph: newLabel, vintages: new.sources.citations.map(\.vintage))
        vintageChanges = Self.vintageChanges(old: old.sources, new: new.sources)
        sources = (old.sources + new.sources).citations
        let oldCodes = Self.detailedCodes(in: old), newCodes = Self.detailedCodes(in: new)
        let wanted = codes.map { Set($0).sorted() } ?? Set(oldCodes.keys).union(newCodes.keys).sorted()
        var changes: [OccupationChange] = []
        var onlyInOld: [NodeReference] = [], onlyInNew: [NodeReference] = []
        var compared = 0
        var counts = Dictionary(uniqueKeysWithValues: Aspect.allCases.map { ($0.rawValue, 0) })
        for code in wanted {
            switch (oldCodes[code], newCodes[code]) {
            case let (before?, after?):
                compared += 1
                let found = Self.changes(from: OccupationSnapshot(graph: old, occupation: before),
                                         to: OccupationSnapshot(graph: new, occupation: after))
                let aspects = found.aspects
                guard !aspects.isEmpty else { continue }
                for aspect in aspects { counts[aspect.rawValue, default: 0] += 1 }
                changes.append(OccupationChange(code: code, title: new[after].title, aspects: aspects.map(\.rawValue),
                                                changes: found))
            case let (before?, nil): onlyInOld.append(NodeReference(old, before))
            case let (nil, after?): onlyInNew.append(NodeReference(new, after))
            case (nil, nil): continue
            }
        }
        self.changes = changes
        self.onlyInOld = onlyInOld
        self.onlyInNew = onlyInNew
        summary = DiffSummary(compared: compared, changed: changes.count, aspects: counts,
                              onlyInOld: onlyInOld.count, onlyInNew: onlyInNew.count)
    }

    /// True when nothing differs for the codes compared and neither graph has codes the other lacks.
    public var isEmpty: Bool { changes.isEmpty && onlyInOld.isEmpty && onlyInNew.isEmpty }

    /// What changed from `a` to `b`, aspect by aspect; an aspect that did not change stays nil.
    public static func changes(from a: OccupationSnapshot, to b: OccupationSnapshot) -> AspectChanges {
        var c = AspectChanges()
        if a.title != b.title { c.title = ValueChange(old: a.title, new: b.title) }
        if a.entryEducation != b.entryEducation {
            c.entryEducation = ValueChange(old: a.entryEducation, new: b.entryEducation)
        }
        if a.jobZone != b.jobZone { c.jobZone = ValueChange(old: a.jobZone, new: b.jobZone) }
        let added = b.related.keys.filter { a.related[$0] == nil }.sorted()
        let removed = a.related.keys.filter { b.related[$0] == nil }.sorted()
        if !added.isEmpty || !removed.isEmpty {
            c.related = ListChange(added: added.compactMap { b.related[$0] }, removed: removed.compactMap { a.related[$0] })
        }
        let alignments = alignmentChanges(from: a, to: b)
        if !alignments.isEmpty { c.alignments = alignments }
        if a.designations != b.designations {
            c.designations = ListChange(
                added: Designation.allCases.filter { b.designations.contains($0) && !a.designations.contains($0) }
                    .map(DesignationReference.init),
                removed: Designation.allCases.filter { a.designations.contains($0) && !b.designations.contains($0) }
                    .map(DesignationReference.init))
        }
        if a.wages != b.wages {
            func published(_ wages: WageState) -> WageState? { wages.annualMedian == nil ? nil : wages }
            c.wages = ValueChange(old: published(a.wages), new: published(b.wages))
        }
        return c
    }

    /// Alignments added, removed or whose compared state changed, strongest first (the larger of the old and new
    /// strength), ties by field id.
    static func alignmentChanges(from a: OccupationSnapshot, to b: OccupationSnapshot) -> [AlignmentChange] {
        var result: [AlignmentChange] = []
        for field in Set(a.alignments.keys).union(b.alignments.keys) {
            let before = a.alignments[field], after = b.alignments[field]
            guard before?.state != after?.state else { continue }
            let kind: AlignmentChange.Kind = before == nil ? .added : after == nil ? .removed : .changed
            result.append(AlignmentChange(field: field, name: after?.name ?? before?.name ?? field, change: kind,
                                          old: before?.state, new: after?.state))
        }
        func weight(_ change: AlignmentChange) -> Double {
            max(change.old?.strength ?? 0, change.new?.strength ?? 0)
        }
        return result.sorted { weight($0) != weight($1) ? weight($0) > weight($1) : $0.field < $1.field }
    }

    /// The detailed codes of `graph` by id.
    private static func detailedCodes(in graph: KnowledgeGraph) -> [String: NodeIndex] {
        var codes: [String: NodeIndex] = [:]
        for node in graph.nodes(ofKind: .detailed) { codes[graph[node].id] = node }
        return codes
    }

    /// The vintages only one graph cites: one the old graph cites paired with one the new graph cites when some
    /// manifest source (by id) has those two (`O*NET 29.3` → `O*NET 30.2`), the others alone. Each pair once, in
    /// the new graph's manifest order, then what only the old graph cites.
    static func vintageChanges(old: [DataSource], new: [DataSource]) -> [VintageChange] {
        let oldOnly = Set(old.map(\.vintage)).subtracting(new.map(\.vintage))
        let newOnly = Set(new.map(\.vintage)).subtracting(old.map(\.vintage))
        let before = Dictionary(old.map { ($0.source, $0.vintage) }, uniquingKeysWith: { first, _ in first })
        var result: [VintageChange] = []
        var paired = Set<String>()
        func add(_ change: VintageChange) { if !result.contains(change) { result.append(change) } }
        for source in new where newOnly.contains(source.vintage) {
            if let earlier = before[source.source], oldOnly.contains(earlier) {
                add(VintageChange(old: earlier, new: source.vintage))
                paired.formUnion([earlier, source.vintage])
            }
        }
        var unpaired: [VintageChange] = []
        for source in new where newOnly.contains(source.vintage) && !paired.contains(source.vintage) {
            unpaired.append(VintageChange(old: nil, new: source.vintage))
        }
        for source in old where oldOnly.contains(source.vintage) && !paired.contains(source.vintage) {
            unpaired.append(VintageChange(old: source.vintage, new: nil))
        }
        for change in unpaired { add(change) }
        return result
    }

    /// The detailed code ids that `inputs` name in either graph, each once, in code order: a detailed code, an
    /// O*NET specialty (its detailed code) or a SOC group (the detailed codes under it in either graph), in any
    /// spelling `KnowledgeGraph.resolve(_:)` accepts.
    ///
    /// - Throws: the new graph's `SOCGraphError` (with its suggestions) for an input that names no occupation or
    ///   group in either graph.
    public static func detailedCodes(named inputs: [String], old: KnowledgeGraph, new: KnowledgeGraph) throws
        -> [String]
    {
        var codes = Set<String>()
        for input in inputs {
            var failure: Error?
            var found = false
            for graph in [new, old] {
                do {
                    let node = try graph.resolve(input)
                    guard graph[node].kind.isOccupational else {
                        failure = failure ?? SOCGraphError.unknownNode(
                            input, kind: "SOC occupation or group",
                            suggestions: graph.titleSuggestions(for: input, kinds: [.detailed]))
                        continue
                    }
                    codes.formUnion(graph.detailedOccupations(under: node).map { graph[$0].id })
                    found = true
                } catch {
                    failure = failure ?? error
                }
            }
            if !found, let failure { throw failure }
        }
        return codes.sorted()
    }
}
