/// Building the search index from the graph: one `SearchDocument` per SOC detailed occupation.
extension KnowledgeGraph {
    /// The searchable text of every detailed occupation, in code order: the SOC title, SOC Direct Match Titles
    /// (illustrative ones included), O*NET occupation, specialty and Alternate Titles (with those the Sample of
    /// Reported Titles lists), technology examples with the In Demand flag, the titles of the CIP programs that prepare
    /// for it, and, from `text`, its SOC definition and O*NET task statements; and the ESCO titles of every ISCO-08
    /// group the BLS crosswalks link to it.
    ///
    /// Complexity: O(titles + technology uses + crosswalk rows + ESCO titles × groups' codes + text).
    public func searchDocuments(text: OccupationText? = nil) -> [SearchDocument] {
        let escoByGroup = Dictionary(grouping: escoTitles, by: \.isco)
        return nodes(ofKind: .detailed).map { node in
            var directMatch: [String] = []
            var onet: [String] = []
            var alternate: [String] = []
            var reported: [String] = []
            for entry in titles(of: node) {
                switch entry.source {
                case .soc: break
                case .directMatch, .directMatchIllustrative: directMatch.append(entry.title)
                case .onet: onet.append(entry.title)
                case .onetAlternate: alternate.append(entry.title)
                case .onetReported:
                    alternate.append(entry.title)
                    reported.append(entry.title)
                }
            }
            let code = self[node].id
            return SearchDocument(
                code: code, title: self[node].title, directMatchTitles: directMatch, onetTitles: onet,
                alternateTitles: alternate, reportedTitles: reported,
                technologies: technologies(of: node).map {
                    SearchDocument.Technology(
                        name: self[$0.technology].title, inDemand: $0.use.inDemand,
                        development: commodity(of: $0.technology)?.code
                            .hasPrefix(SearchDocument.Technology.developmentClass) ?? false)
                },
                programTitles: programs(preparingFor: node).map { self[$0].title },
                escoTitles: neighbours(.crosswalk, .incoming, of: node).flatMap { group in
                    let reach = neighbours(.crosswalk, .outgoing, of: group).count
                    return (escoByGroup[group] ?? []).map {
                        SearchDocument.ESCOTitle(label: $0.label, isco: String(self[group].id.dropFirst(5)),
                                                 reach: reach)
                    }
                },
                definition: text?.definitions[code], tasks: text?.tasks[code]?.map(\.text) ?? [],
                entryEducation: entryEducation(of: node)?.education,
                related: relatedCodes(of: node),
                // An EP aggregate's figure covers several occupations: none of them is credited with it.
                employment: facts(of: node)?.projection.flatMap { $0.epCode == code ? $0.employment2024 : nil })
        }
    }
}

extension KnowledgeGraph {
    /// The related occupations of a detailed occupation with O*NET's index, most related first, each once: those
    /// of its `.00` O*NET code when it has one (an occupation with O*NET specialties has the rows of each, and a
    /// specialty's list is the specialty's), else of all its O*NET codes. O(degree × log degree).
    func relatedCodes(of node: NodeIndex) -> [SearchDocument.Related] {
        let code = self[node].id
        let all = related(of: node)
        let own = all.filter { $0.link.onetCode == code + ".00" }
        var seen = Set<String>()
        return (own.isEmpty ? all : own).sorted { $0.link.index < $1.link.index }
            .map { SearchDocument.Related(code: self[$0.occupation].id, index: $0.link.index) }
            .filter { seen.insert($0.code).inserted && $0.code != code }
    }
}

extension SearchIndex {
    /// The index of every detailed occupation of `graph` (see `KnowledgeGraph.searchDocuments(text:)`).
    /// Costs about a tenth of a second on the full graph: build it once per process and reuse it.
    public init(graph: KnowledgeGraph, text: OccupationText? = nil) {
        self.init(documents: graph.searchDocuments(text: text))
    }
}
