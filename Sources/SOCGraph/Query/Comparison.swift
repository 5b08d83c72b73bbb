/// A side-by-side comparison of 2–8 candidate occupations for a petition: each candidate's `show` report, the
/// attributes that matter for the choice (one row per attribute, one value per candidate), where the candidates
/// differ, and what they share (programs, related occupations, links between them). Encodes as
/// `{codes, occupations, attributes, differences, shared, sources}` (DESIGN.md: `compare`).
public struct ComparisonReport: Encodable, Sendable {
    /// How many candidates a comparison takes.
    public static let candidateLimit = 2...8

    /// The candidates' codes, in the order given.
    public let codes: [String]
    /// Each candidate's `show` report, with its `mastersOrHigher` share added.
    public private(set) var occupations: [ComparedOccupation]
    /// The compared attributes, in table order.
    public let attributes: [ComparisonAttribute]
    /// One entry per compared attribute (and per national-interest field any candidate aligns with): those
    /// that differ first, in attribute order, then those the candidates agree on.
    public let differences: [ComparisonDifference]
    public let shared: SharedConnections
    public let sources: [SourceCitation]

    /// Adds each candidate's definition and tasks from `text` (Graph/text/).
    public mutating func attach(_ text: OccupationText) {
        for index in occupations.indices {
            occupations[index].report.text = CodeWords(text: text, code: occupations[index].report.code)
        }
    }

    /// Compares the occupations `inputs` name (codes in any accepted spelling, or exact titles).
    ///
    /// - Throws: `SOCGraphError.invalidInput` for fewer than 2 or more than 8 candidates, or one named twice;
    ///   `SOCGraphError.unknownCode` / `.malformedCode` / `.unknownNode` (with suggestions) for input that names
    ///   no occupation.
    public init(graph: KnowledgeGraph, inputs: [String]) throws {
        try self.init(graph: graph, nodes: try Self.candidates(graph: graph, inputs: inputs))
    }

    /// The occupations `inputs` name, in order: an ISCO-08 group (`isco:2512`) stands for its SOC 2018 candidates
    /// (those already named are not repeated); anything else must name one occupation, once.
    ///
    /// - Throws: as `init(graph:inputs:)`.
    public static func candidates(graph: KnowledgeGraph, inputs: [String]) throws -> [NodeIndex] {
        var nodes: [NodeIndex] = []
        var given: [NodeIndex: String] = [:]
        for input in inputs {
            let resolved = try graph.resolve(input)
            if graph[resolved].kind == .isco {
                for node in graph.neighbours(.crosswalk, of: resolved) where given[node] == nil {
                    given[node] = input
                    nodes.append(node)
                }
                continue
            }
            let node = try Self.occupation(graph: graph, input: input)
            if let earlier = given[node] {
                let how = earlier == input ? "" : " (as '\(earlier)' and '\(input)')"
                throw SOCGraphError.invalidInput(
                    "\(graph.label(node)) is given twice\(how); compare needs \(Self.candidateLimit.lowerBound) to "
                        + "\(Self.candidateLimit.upperBound) different occupations")
            }
            given[node] = input
            nodes.append(node)
        }
        return nodes
    }

    /// Compares `nodes` (detailed occupations or O*NET specialties, distinct). O(Σ degree of the candidates).
    ///
    /// - Throws: `SOCGraphError.invalidInput` for a count outside `candidateLimit`, a repeated node or a node that
    ///   is not an occupation.
    public init(graph: KnowledgeGraph, nodes: [NodeIndex]) throws {
        try Self.checkCount(nodes.count, given: nodes.map { graph[$0].id })
        guard Set(nodes).count == nodes.count else {
            throw SOCGraphError.invalidInput("compare needs different occupations; one is given twice")
        }
        var occupations: [ComparedOccupation] = []
        for node in nodes {
            // Built as `show` builds it, so that whatever `show` reports (fields, once aligned) is compared too.
            guard case let .occupation(report) = NodeReport(graph: graph, node: node) else {
                throw SOCGraphError.invalidInput("\(graph.label(node)) is not an occupation; compare takes SOC "
                                                 + "detailed codes or O*NET specialties")
            }
            occupations.append(ComparedOccupation(report: report,
                                                  mastersOrHigher: AdvancedDegreeShare(graph: graph, node: node)))
        }
        self.occupations = occupations
        codes = occupations.map(\.report.code)
        let shared = SharedConnections(occupations.map(\.report))
        self.shared = shared
        attributes = ComparisonAttributes.build(occupations, shared: shared)
        var differences = attributes.compactMap(ComparisonDifference.init)
        differences += ComparisonAttributes.fieldDifferences(occupations.map(\.report))
        self.differences = differences.filter { !$0.same } + differences.filter(\.same)
        sources = graph.sources.citations
    }

    /// The attribute with `key`, if compared.
    public func attribute(_ key: String) -> ComparisonAttribute? { attributes.first { $0.key == key } }

    /// Resolves `input` to a detailed occupation or specialty; a group suggests the occupations it contains.
    private static func occupation(graph: KnowledgeGraph, input: String) throws -> NodeIndex {
        let node = try graph.resolve(input)
        let kind = graph[node].kind
        if kind == .detailed || kind == .specialty { return node }
        let contained = graph.detailedOccupations(under: node)
        let hint = contained.isEmpty ? "" : "; it contains " + contained.prefix(3).map(graph.label).joined(separator: ", ")
            + (contained.count > 3 ? " and \(contained.count - 3) more" : "")
        let article = "aeiou".contains(kind.displayName.prefix(1)) ? "an" : "a"
        throw SOCGraphError.invalidInput("\(graph.label(node)) is \(article) \(kind.displayName), not an occupation: compare "
                                         + "takes SOC detailed codes or O*NET specialties\(hint)")
    }

    private static func checkCount(_ count: Int, given: [String]) throws {
        if count < candidateLimit.lowerBound {
            let got = given.isEmpty ? "none" : "only \(given.joined(separator: ", "))"
            throw SOCGraphError.invalidInput("compare needs at least \(candidateLimit.lowerBound) occupations (got "
                                             + "\(got)); add the codes to compare it with")
        }
        if count > candidateLimit.upperBound {
            throw SOCGraphError.invalidInput("compare takes at most \(candidateLimit.upperBound) occupations (got "
                                             + "\(count)); split them into several comparisons")
        }
    }
}

/// A candidate's `show` report with the comparison's extra fact. Encodes as the report's JSON object plus a
/// `mastersOrHigher` key.
public struct ComparedOccupation: Encodable, Hashable, Sendable {
    public internal(set) var report: OccupationReport
    public let mastersOrHigher: AdvancedDegreeShare

    private enum CodingKeys: String, CodingKey { case mastersOrHigher }

    public func encode(to encoder: Encoder) throws {
        try report.encode(to: encoder)
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(mastersOrHigher, forKey: .mastersOrHigher)
    }
}

extension SharedConnections {
    /// What `reports` share. O(Σ related + Σ programs).
    init(_ reports: [OccupationReport]) {
        // A specialty's related occupations and programs are those of its detailed code.
        let socCodes = reports.map { $0.level == "specialty" ? ($0.hierarchy.last?.code ?? $0.code) : $0.code }
        var programOrder: [String] = []
        var programs: [String: (summary: ProgramSummary, codes: [String])] = [:]
        var relatedOrder: [String] = []
        var related: [String: (title: String, links: [SharedRelated.Link])] = [:]
        var candidateLinks: [CandidateLink] = []
        for report in reports {
            for program in report.programs {
                if programs[program.cip] == nil { programOrder.append(program.cip) }
                programs[program.cip, default: (program, [])].codes.append(report.code)
            }
            for item in report.related {
                if let target = socCodes.indices.first(where: { socCodes[$0] == item.code }) {
                    candidateLinks.append(CandidateLink(from: report.code, to: reports[target].code, tier: item.tier,
                                                        index: item.index))
                    continue
                }
                if related[item.code] == nil { relatedOrder.append(item.code) }
                related[item.code, default: (item.title, [])].links.append(
                    SharedRelated.Link(code: report.code, tier: item.tier, index: item.index))
            }
        }
        self.programs = programOrder.compactMap { cip -> SharedProgram? in
            guard let entry = programs[cip], entry.codes.count >= 2 else { return nil }
            return SharedProgram(cip: cip, title: entry.summary.title, stem: entry.summary.stem, codes: entry.codes)
        }.sorted { ($0.codes.count, $1.cip) > ($1.codes.count, $0.cip) }
        self.related = relatedOrder.compactMap { code -> SharedRelated? in
            guard let entry = related[code], entry.links.count >= 2 else { return nil }
            return SharedRelated(code: code, title: entry.title, relatedTo: entry.links)
        }.sorted { a, b in
            let (ia, ib) = (a.relatedTo.map(\.index).min() ?? 0, b.relatedTo.map(\.index).min() ?? 0)
            return (a.relatedTo.count, ib, b.code) > (b.relatedTo.count, ia, a.code)
        }
        self.candidateLinks = candidateLinks
    }
}
