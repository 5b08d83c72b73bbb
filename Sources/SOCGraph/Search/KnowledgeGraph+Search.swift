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
        var documents = nodes(ofKind: .detailed).map { node in
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
        let terms = fieldTerms()
        for d in documents.indices { documents[d].fieldTerms = terms[documents[d].code] ?? [] }
        return documents
    }

    /// The most occupations a field term is given to (`fieldTerms()`): the five hits `search` and `make eval`
    /// look at first. Clean Energy Generation and Storage has 15 core occupations (solar, wind, hydroelectric,
    /// nuclear, biofuels), Biotechnologies 3.
    static let fieldTermReach = 5

    /// The terms of `curation/title-terms.tsv` per SOC detailed code graded core for the term's field, itself or
    /// through one of its O*NET specialties: "deep learning" (Artificial Intelligence) for 15-1221 and 15-2051. The
    /// index keeps those no official title or ESCO label writes (`SearchIndex.FieldTermLink`): such a query word is
    /// unexplained, and the reviewed table says whose work it names. Not a term of a field of more than
    /// `fieldTermReach` core occupations. O(terms + fields × codes).
    func fieldTerms() -> [String: [SearchDocument.FieldTerm]] {
        // Per field, and per detailed code graded core for it, the specialty through which it is core, or nil when
        // it is core itself; nil for a field of more than `fieldTermReach` such codes.
        var coreCodes: [NodeIndex: [String: String?]?] = [:]
        func codes(of field: NodeIndex) -> [String: String?]? {
            if let known = coreCodes[field] { return known }
            var codes: [String: String?] = [:]
            for alignment in occupations(alignedWith: field, minimum: .core, specialties: true) {
                let node = alignment.occupation
                if self[node].kind == .specialty {
                    guard let parent = parent(of: node), codes[self[parent].id] == nil else { continue }
                    codes[self[parent].id] = .some("\(self[node].id) \(self[node].title)")
                } else {
                    codes[self[node].id] = .some(nil)
                }
            }
            // A field of more core occupations than a page of hits holds says nothing of which does the term's
            // work: "hydrogen fuel" would list hydroelectric plant technicians and solar installation managers.
            let kept = codes.count <= Self.fieldTermReach ? codes : nil
            coreCodes[field] = .some(kept)
            return kept
        }
        var result: [String: [SearchDocument.FieldTerm]] = [:]
        for row in curation.links(.titles) {
            guard let term = row.term, let codes = codes(of: row.field) else { continue }
            for (code, specialty) in codes {
                result[code, default: []].append(
                    SearchDocument.FieldTerm(term: term, field: self[row.field].title, specialty: specialty))
            }
        }
        for code in result.keys { result[code]!.sort { ($0.term, $0.field) < ($1.term, $1.field) } }
        return result
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
