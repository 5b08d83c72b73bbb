extension SearchIndex {
    /// Builds the index. Codes should be unique; a text repeated within one field of a document counts once.
    /// O(total length of the text).
    public init(documents input: [SearchDocument]) {
        var builder = Builder(separateForms: Self.separateForms(of: input))
        // The abbreviations the ESCO labels of each ISCO-08 group spell otherwise (`JobTitle.localSpellings(of:)`).
        var groupSpellings: [String: [String: String]] = [:]
        var documents: [Document] = []
        documents.reserveCapacity(input.count)
        for document in input {
            builder.document = documents.count
            let start = builder.entries.count
            // An abbreviation is read as the occupation's own titles spell it (`JobTitle.localSpellings(of:)`),
            // an ESCO label's as the labels of its ISCO group do.
            let own = [document.title] + document.directMatchTitles + document.onetTitles + document.alternateTitles
            let spellings = JobTitle.localSpellings(of: own.flatMap(builder.titleForms))
            builder.add(document.title, field: .title, spellings: spellings)
            builder.add(document.directMatchTitles, field: .directMatch, spellings: spellings)
            builder.add(document.onetTitles, field: .onet, spellings: spellings)
            let reported = Set(document.reportedTitles)
            var seenAlternates = Set<String>()
            for title in document.alternateTitles where seenAlternates.insert(title).inserted {
                builder.add(title, field: .alternate, reported: reported.contains(title), spellings: spellings)
            }
            for (isco, titles) in Dictionary(grouping: document.escoTitles, by: \.isco)
            where groupSpellings[isco] == nil {
                groupSpellings[isco] = JobTitle.localSpellings(of: titles.map(\.label).flatMap(builder.titleForms))
            }
            var seenESCO = Set<SearchDocument.ESCOTitle>()
            for title in document.escoTitles where seenESCO.insert(title).inserted {
                builder.add(title.label, field: .esco, shown: "\(title.label) (ISCO \(title.isco))",
                            share: Self.escoShare(reach: title.reach), spellings: groupSpellings[title.isco] ?? [:])
            }
            let titleEnd = builder.entries.count
            var seenTechnologies = Set<String>()
            for technology in document.technologies where seenTechnologies.insert(technology.name).inserted {
                builder.add(technology.name, field: .technology, inDemand: technology.inDemand)
            }
            builder.add(document.programTitles, field: .program)
            if let definition = document.definition { builder.add(definition, field: .definition) }
            builder.add(document.tasks, field: .task)
            documents.append(Document(code: document.code, title: document.title,
                                      entries: start..<builder.entries.count, titleEntries: start..<titleEnd,
                                      entryEducation: document.entryEducation, employment: document.employment ?? 0))
        }
        var position: [String: Int32] = [:]
        for (d, document) in documents.enumerated() { position[document.code] = Int32(d) }
        for (d, document) in input.enumerated() {
            let related = document.related.filter { position[$0.code] != nil }
            documents[d].related = related.map { position[$0.code]! }
            documents[d].relatedIndex = related.map { Int32($0.index) }
        }
        var fieldTerms: [FieldTermLink] = []
        for (d, document) in input.enumerated() {
            for term in document.fieldTerms {
                // Two spellings of one term ("hypersonic", "hypersonics") are one term.
                let ids = builder.terms(term.term).map(Int32.init)
                guard !ids.isEmpty, !fieldTerms.contains(where: { $0.document == d && $0.terms == ids }) else {
                    continue
                }
                fieldTerms.append(FieldTermLink(terms: ids, document: d, shown: term.shown))
            }
        }
        // Only a term no official title or ESCO label writes needs the bridge: O*NET's "Bioprocess Engineer" writes
        // "bioprocessing" and ESCO's "satellite system engineer" "satellite systems", as the index reads them. A
        // technology or program that writes it names a tool or a course ("Chip design software", a technology of
        // 17-2071 Electrical Engineers), not whose work the term is.
        let written = Self.written(Set(fieldTerms.map(\.terms)), in: documents.map(\.titleEntries),
                                   entryTerms: builder.entryTerms)
        fieldTerms.removeAll { written.contains($0.terms) }
        var titleTerms = Set<Int>()
        for document in documents {
            for e in document.titleEntries { titleTerms.formUnion(builder.entryTerms[e].map(Int.init)) }
        }
        self.init(documents: documents, entries: builder.entries, entryTerms: builder.entryTerms,
                  texts: builder.texts, termIDs: builder.termIDs, separateForms: builder.separateForms,
                  postings: Self.postings(documents: documents, entries: builder.entries,
                                          entryTerms: builder.entryTerms, termCount: builder.termIDs.count),
                  developmentTerms: Self.developmentTerms(of: input, technologyTerms: builder.technologies)
                      .subtracting(titleTerms),
                  otherSpellings: builder.otherSpellings, fieldTerms: fieldTerms)
    }

    /// The terms that name software development tools: of the technology names holding the term, at least half are
    /// filed by O*NET under development software (`SearchDocument.Technology.developmentClass`), and O*NET does not
    /// find them In Demand for Architecture and Engineering occupations (`engineeringGroup`) alone. "python" is in
    /// "Python" (Object or component oriented development software) and in "Python NumPy"; "microsoft" is in far more
    /// office programs than development ones; "verilog", a hardware description language that O*NET files under
    /// development environment software, is In Demand for 17-2061 Computer Hardware Engineers only: a "Verilog
    /// Engineer" designs chips. So are "vhdl", "systemverilog", "labview" and "tcl". The caller leaves out the terms a
    /// title holds: in "Java Developer" or "Code Enforcement Officer" the word is the title's own.
    static func developmentTerms(of input: [SearchDocument], technologyTerms: [String: [Int]]) -> Set<Int> {
        var development: [String: Bool] = [:]
        var demandedBy: [String: Set<String>] = [:]
        for document in input {
            for technology in document.technologies {
                development[technology.name] = (development[technology.name] ?? false) || technology.development
                if technology.inDemand { demandedBy[technology.name, default: []].insert(document.code) }
            }
        }
        var names: [Int: (all: Int, development: Int)] = [:]
        var termDemandedBy: [Int: Set<String>] = [:]
        for (name, ids) in technologyTerms {
            for id in Set(ids) {
                names[id, default: (0, 0)].all += 1
                if development[name] == true { names[id, default: (0, 0)].development += 1 }
                termDemandedBy[id, default: []].formUnion(demandedBy[name] ?? [])
            }
        }
        let engineersTool = { (id: Int) in
            let codes = termDemandedBy[id] ?? []
            return !codes.isEmpty && codes.allSatisfy { $0.hasPrefix(Self.engineeringGroup) }
        }
        return Set(names.filter { id, count in
            count.development > 0 && 2 * count.development >= count.all && !engineersTool(id)
        }.keys)
    }

    /// Those of `sequences` (term ids) that one of the entries in `ranges` holds in a row: the documents' title
    /// entries (`Document.titleEntries`, titles and ESCO labels; not a technology, a program, the definition or a
    /// task). O(those entries' terms).
    static func written(_ sequences: Set<[Int32]>, in ranges: [Range<Int>], entryTerms: Runs<Int32>) -> Set<[Int32]> {
        let byFirst = Dictionary(grouping: sequences) { $0[0] }
        var found = Set<[Int32]>()
        for e in ranges.joined() {
            let terms = entryTerms[e]
            for i in terms.indices {
                guard let candidates = byFirst[terms[i]] else { continue }
                for candidate in candidates where i + candidate.count <= terms.endIndex
                    && terms[i..<(i + candidate.count)].elementsEqual(candidate)
                {
                    found.insert(candidate)
                }
            }
        }
        return found
    }

    /// SOC major group 17-0000 Architecture and Engineering Occupations (`developmentTerms`).
    static let engineeringGroup = "17-"

    /// Accumulates the entries and the vocabulary, tokenising and stemming each distinct word once.
    private struct Builder {
        /// The words kept whole (`SearchIndex.separateForms`).
        let separateForms: Set<String>
        var entries: [Entry] = []
        var entryTerms = Runs<Int32>()
        var texts = Runs<UInt8>()
        /// The position in `texts` of each text added, keyed by its bytes (`String` equality would merge
        /// canonically equivalent spellings).
        var textIDs: [[UInt8]: Int32] = [:]
        var termIDs: [String: Int] = [:]
        /// Term id per word already seen (-1 for a stop word).
        var stems: [String: Int] = [:]
        /// Term ids per technology name: the same names recur across many occupations.
        var technologies: [String: [Int]] = [:]
        /// The position of the document being added, and the titles read with its own spellings (`otherSpellings`).
        var document = 0
        var otherSpellings: [OtherSpelling] = []

        mutating func add(_ texts: [String], field: SearchField, spellings: [String: String] = [:]) {
            var seen = Set<String>(minimumCapacity: texts.count)
            for text in texts where seen.insert(text).inserted {
                add(text, field: field, spellings: spellings)
            }
        }

        /// Adds one text. A title is normalised (`JobTitle`); one written `Short (Long)`, as O*NET writes
        /// abbreviations (`IT Manager (Information Technology Manager)`), or `Shared First/Second` becomes one
        /// entry per form, each shown as written. `spellings` are the occupation's own spellings of abbreviations.
        mutating func add(
            _ text: String, field: SearchField, inDemand: Bool = false, shown: String? = nil, share: Double = 1,
            reported: Bool = false, spellings: [String: String] = [:]
        ) {
            let textID = self.textID(shown ?? text)
            guard field.isTitle || field == .esco else {
                entries.append(Entry(field: field, inDemand: inDemand, text: textID, head: nil))
                entryTerms.append((field == .technology ? technologyTerms(text) : terms(text)).map(Int32.init))
                return
            }
            for form in titleForms(text) {
                let normalized = JobTitle.normalize(form, spellings: spellings)
                if !spellings.isEmpty, field.isTitle {
                    let common = JobTitle.normalize(form)
                    let words = Set(JobTitle.wordsOf(form).map { $0.lowercased() })
                    for (abbreviation, spelling) in spellings.sorted(by: { $0.key < $1.key })
                    where words.contains(abbreviation) && common.text != normalized.text {
                        otherSpellings.append(OtherSpelling(key: OtherSpelling.key(common.text), document: document,
                                                            abbreviation: abbreviation, spelling: spelling))
                    }
                }
                let ids = terms(normalized.text)
                let head = normalized.head.flatMap { termIDs[term(.init(text: $0, protected: false))] }
                entries.append(Entry(field: field, inDemand: inDemand, text: textID,
                                     head: head.flatMap { ids.contains($0) ? $0 : nil }, share: share,
                                     reported: reported))
                entryTerms.append(ids.map(Int32.init))
            }
        }

        /// The position of `text` in `texts`, adding it the first time.
        mutating func textID(_ text: String) -> Int32 {
            let bytes = Array(text.utf8)
            if let id = textIDs[bytes] { return id }
            let id = Int32(texts.count)
            textIDs[bytes] = id
            texts.append(bytes)
            return id
        }

        /// The forms of a title: `Short (Long)` is two when it is an abbreviation and its expansion (an acronym on
        /// one side, or words in common), not a qualifier such as `Operational Intelligence Officer (Management)`.
        func titleForms(_ text: String) -> [String] {
            // O*NET's `Computer Systems Engineers/Architects`: one title per word after the shared words.
            let words = text.split(separator: " ")
            if let last = words.last, words.count > 1, !words.dropLast().contains(where: { $0.contains("/") }) {
                let choices = last.split(separator: "/", omittingEmptySubsequences: false)
                if choices.count > 1, choices.allSatisfy({ $0.count > 2 && $0.allSatisfy(\.isLetter) }) {
                    let shared = words.dropLast().joined(separator: " ")
                    return choices.map { shared + " " + $0 }
                }
            }
            guard text.hasSuffix(")"), let open = text.lastIndex(of: "("), open > text.startIndex else { return [text] }
            let outer = text[..<open].trimmingWhitespace
            let inner = text[text.index(after: open)..<text.index(before: text.endIndex)].trimmingWhitespace
            let outerTerms = Set(SearchText.terms(outer))
            let innerTerms = Set(SearchText.terms(inner))
            guard !outerTerms.isEmpty && !innerTerms.isEmpty,
                Self.isAcronym(outer) || Self.isAcronym(inner) || !outerTerms.isDisjoint(with: innerTerms)
            else { return [text] }
            return [outer, inner]
        }

        /// One word of capitals and digits, such as `RN`, `CISO` or `GM`.
        static func isAcronym(_ text: String) -> Bool {
            text.count >= 2 && !text.contains(" ")
                && text.allSatisfy { ($0.isUppercase && $0.isLetter) || $0.isNumber || $0 == "-" || $0 == "/" }
        }

        mutating func technologyTerms(_ text: String) -> [Int] {
            if let known = technologies[text] { return known }
            let ids = terms(text)
            technologies[text] = ids
            return ids
        }

        /// The index term of a meaningful token (`SearchIndex.term(_:)`).
        func term(_ token: SearchText.Token) -> String { SearchIndex.term(token, separateForms: separateForms) }

        /// The term ids of `text`, in the order of its meaningful words.
        mutating func terms(_ text: String) -> [Int] {
            var ids: [Int] = []
            for token in SearchText.tokens(text) {
                // A protected token (an acronym in capitals) is never cached under its lower-case form.
                if !token.protected, let id = stems[token.text] {
                    if id >= 0 { ids.append(id) }
                    continue
                }
                guard SearchText.isMeaningful(token) else {
                    stems[token.text] = -1
                    continue
                }
                let term = self.term(token)
                let id = termIDs[term] ?? termIDs.count
                if id == termIDs.count { termIDs[term] = id }
                if !token.protected { stems[token.text] = id }
                ids.append(id)
            }
            return ids
        }
    }

    /// BM25F pseudo-frequencies per term and document, entries length-normalised against their field's average.
    private static func postings(
        documents: [Document], entries: [Entry], entryTerms: Runs<Int32>, termCount: Int
    ) -> Runs<Posting> {
        var lengthSum = [SearchField: Double]()
        var entryCount = [SearchField: Double]()
        for (e, entry) in entries.enumerated() where !entryTerms[e].isEmpty {
            lengthSum[entry.field, default: 0] += Double(entryTerms[e].count)
            entryCount[entry.field, default: 0] += 1
        }
        var averageLength: [SearchField: Double] = [:]
        for (field, sum) in lengthSum { averageLength[field] = max(sum / max(entryCount[field] ?? 0, 1), 1) }
        var postings = [[Posting]](repeating: [], count: termCount)
        // Per document: pseudo-frequency by term id, and the ids touched.
        var frequency = [Double](repeating: 0, count: termCount)
        var touched: [Int] = []
        for (document, range) in documents.map(\.entries).enumerated() {
            for e in range where !entryTerms[e].isEmpty {
                let entry = entries[e]
                let terms = entryTerms[e].map(Int.init)
                let b = entry.field.lengthNormalization
                let denominator = 1 - b + b * Double(terms.count) / averageLength[entry.field]!
                let weight = entry.field.weight * (entry.inDemand ? inDemandBoost : 1)
                for position in terms.indices {
                    let term = terms[position]
                    guard !terms[..<position].contains(term) else { continue }
                    let occurrences = terms[position...].reduce(0) { $1 == term ? $0 + 1 : $0 }
                    if frequency[term] == 0 { touched.append(term) }
                    frequency[term] += weight * Double(occurrences) / denominator
                }
            }
            for term in touched {
                postings[term].append(Posting(document: document, frequency: Float(frequency[term])))
                frequency[term] = 0
            }
            touched.removeAll(keepingCapacity: true)
        }
        var runs = Runs<Posting>()
        for list in postings { runs.append(list) }
        return runs
    }
}
