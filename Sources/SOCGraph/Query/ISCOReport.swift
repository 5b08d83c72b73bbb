/// An ISCO-08 group: its SOC 2018 candidates through the BLS crosswalks, and the ESCO occupations filed under it.
///
/// JSON keys: `isco`, `title`, `candidates` (each `code`, `title`, `via`: the SOC 2010 codes with `soc2010`,
/// `soc2010Title`, `partial`, `split`), `escoOccupations` (ESCO preferred labels), `sources` (with ESCO's and the
/// crosswalks' citations), `credit`.
public struct ISCOReport: Encodable, Hashable, Sendable {
    /// One SOC 2018 candidate and the SOC 2010 codes it is reached through.
    public struct Candidate: Encodable, Hashable, Sendable {
        public let code: String
        public let title: String
        public let via: [Step]
    }

    /// One SOC 2010 code between the ISCO group and the candidate.
    public struct Step: Encodable, Hashable, Sendable {
        public let soc2010: String
        public let soc2010Title: String
        /// The BLS ISCO crosswalk marks the ISCO–SOC 2010 pair partial (`*`).
        public let partial: Bool
        /// SOC 2018 split the SOC 2010 code across several codes (`(#)`).
        public let split: Bool
    }

    public let isco: String
    public let title: String
    /// In code order.
    public let candidates: [Candidate]
    /// ESCO preferred labels of the occupations under the group, in label order.
    public let escoOccupations: [String]
    public let sources: [SourceCitation]
    public let credit: String

    public init(graph: KnowledgeGraph, node: NodeIndex) {
        isco = String(graph[node].id.dropFirst(5))
        title = graph[node].title
        candidates = graph.edges(.crosswalk, of: node).map { edge in
            let steps: [CrosswalkStep]
            if case let .crosswalk(through) = edge.attributes { steps = through } else { steps = [] }
            return Candidate(code: graph[edge.to].id, title: graph[edge.to].title, via: steps.map { step in
                let link = graph.soc2010Links(for: step.soc2010).first
                return Step(soc2010: step.soc2010, soc2010Title: link?.title ?? "", partial: step.partial,
                            split: link?.split ?? false)
            })
        }
        escoOccupations = graph.escoTitles.filter { $0.isco == node && $0.preferred }.map(\.label).sorted()
        sources = graph.sources.citations + graph.sources.translationCitations
        credit = DataSource.escoCredit
    }
}
