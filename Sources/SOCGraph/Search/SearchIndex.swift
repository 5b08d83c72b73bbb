import Foundation

/// An inverted index over the searchable text of every detailed occupation, built once, queried many times.
///
/// Ranking combines two measures, each in 0–1:
///
/// - **Title match** `q`: how well the best single title of the occupation (SOC title, Direct Match Title or
///   O*NET title) matches the query. A title equal to the query after normalisation (same terms, any order) scores
///   1 (an O*NET Alternate Title 0.97, since several occupations share them); a title containing the whole query as
///   a phrase 0.7–0.85 (more when the title has fewer other words); otherwise at most 0.6, in proportion to the
///   share of the query it covers (terms weighted by rarity) and the share of its own words the query explains.
///   A title written `Short (Long)` counts as two titles when it is an abbreviation and its expansion.
/// - **Text relevance** `r`: BM25F over all fields (titles, technologies, programs, definition, tasks; weights in
///   `SearchField`), each entry (one title, one task) length-normalised within its field, with term saturation
///   `k1`. Divided by its asymptotic maximum (every query term saturated), so `r` is an absolute measure: 1 only
///   when every query word is found abundantly in heavily weighted fields; a word found nowhere pulls it down.
///
/// The score is `1 − (1 − q)(1 − 0.6·r)`: an exact title scores 1 (0.97 to 1 for an alternate title); a phrase
/// inside a title about 0.8–0.94; a description of duties that no title matches at most 0.6. Ties are broken
/// by `r`, then by code.
///
/// Complexity: building is linear in the total length of the text; a query touches the postings of its terms
/// and the titles of the occupations they reach.
public struct SearchIndex: Sendable, Codable {
    /// BM25 term-frequency saturation.
    public static let k1 = 1.2
    /// A top score below this marks the results weak.
    public static let weakScore = 0.5
    /// A runner-up within this fraction of the top score marks the results weak (a near tie).
    public static let tieMargin = 0.05
    /// The weight of text relevance against title match in the score (see above).
    public static let relevanceShare = 0.6
    /// How much a hot technology counts relative to another technology.
    public static let hotTechnologyBoost = 1.25
    /// The most different words a query may have (after stop words): a job title or a few lines of duties.
    public static let maxQueryWords = 100

    struct StoredDocument: Sendable, Codable {
        var code: String
        var title: String
        /// Entries of this document: titles first, then the other fields.
        var entries: Range<Int>
        var titleEntries: Range<Int>
    }

    /// One text of a document: a title, a technology name, a program title, the definition or one task.
    struct Entry: Sendable, Codable {
        var document: Int32
        var field: SearchField
        var text: String
        var terms: [Int32]
        var hot: Bool
    }

    struct Posting: Sendable, Codable {
        var document: Int32
        /// Σ over the document's fields of weight × length-normalised frequency (BM25F's pseudo-frequency).
        var frequency: Float
    }

    var documents: [StoredDocument]
    var entries: [Entry]
    var termIDs: [String: Int32]
    var terms: [String]
    var postings: [[Posting]]

    /// The number of occupations indexed.
    public var count: Int { documents.count }

    /// Builds the index. Codes should be unique; a text repeated within one field of a document counts once.
    public init(documents input: [SearchDocument]) {
        var builder = Builder(capacity: input.reduce(0) { total, document in
            total + 1 + document.directMatchTitles.count + document.alternateTitles.count
                + document.technologies.count + document.programTitles.count + document.tasks.count + 1
        })
        var documents: [StoredDocument] = []
        documents.reserveCapacity(input.count)
        for (index, document) in input.enumerated() {
            let id = Int32(index)
            let start = builder.entries.count
            builder.add(document.title, field: .title, document: id)
            builder.add(document.directMatchTitles, field: .directMatch, document: id)
            builder.add(document.alternateTitles, field: .alternate, document: id)
            let titlesEnd = builder.entries.count
            var seenTechnologies = Set<String>()
            for technology in document.technologies where seenTechnologies.insert(technology.name).inserted {
                builder.add(technology.name, field: .technology, document: id, hot: technology.hot)
            }
            builder.add(document.programTitles, field: .program, document: id)
            if let definition = document.definition { builder.add(definition, field: .definition, document: id) }
            builder.add(document.tasks, field: .task, document: id)
            documents.append(
                StoredDocument(
                    code: document.code, title: document.title, entries: start..<builder.entries.count,
                    titleEntries: start..<titlesEnd))
        }
        self.documents = documents
        self.entries = builder.entries
        self.termIDs = builder.termIDs
        self.terms = builder.terms
        self.postings = Self.postings(entries: builder.entries, termCount: builder.terms.count)
    }

    /// Accumulates entries and the vocabulary, stemming each distinct word once.
    private struct Builder {
        var entries: [Entry] = []
        var termIDs: [String: Int32] = [:]
        var terms: [String] = []
        /// Term ids per word (-1 for a stop word), and per technology name (the same names recur across many
        /// occupations).
        var stems: [String: Int32] = [:]
        var technologies: [String: [Int32]] = [:]

        init(capacity: Int) {
            entries.reserveCapacity(capacity)
            stems.reserveCapacity(capacity / 4)
            technologies.reserveCapacity(capacity / 8)
        }

        mutating func add(_ texts: [String], field: SearchField, document: Int32) {
            var seen = Set<String>(minimumCapacity: texts.count)
            for text in texts where seen.insert(text).inserted {
                add(text, field: field, document: document)
            }
        }

        /// Adds one text; a title written `Short (Long)`, as O*NET writes abbreviations
        /// (`IT Manager (Information Technology Manager)`), becomes one entry per form, both shown as written.
        mutating func add(_ text: String, field: SearchField, document: Int32, hot: Bool = false) {
            if field.isTitle, text.hasSuffix(")"), let open = text.lastIndex(of: "("), open > text.startIndex {
                let outer = text[..<open].trimmingWhitespace
                let inner = text[text.index(after: open)..<text.index(before: text.endIndex)].trimmingWhitespace
                let outerTerms = termIDs(outer)
                let innerTerms = termIDs(inner)
                // Only an abbreviation and its expansion: an acronym on one side, or words in common
                // (not a qualifier such as `Operational Intelligence Officer (Management)`).
                if !outerTerms.isEmpty && !innerTerms.isEmpty
                    && (Self.isAcronym(outer) || Self.isAcronym(inner) || outerTerms.contains(where: innerTerms.contains))
                {
                    entries.append(Entry(document: document, field: field, text: text, terms: outerTerms, hot: hot))
                    entries.append(Entry(document: document, field: field, text: text, terms: innerTerms, hot: hot))
                    return
                }
            }
            let terms = field == .technology ? technologyTermIDs(text) : termIDs(text)
            entries.append(Entry(document: document, field: field, text: text, terms: terms, hot: hot))
        }

        /// One word of capitals and digits, such as `RN`, `CISO` or `GM`.
        static func isAcronym(_ text: String) -> Bool {
            text.count >= 2 && !text.contains(" ")
                && text.allSatisfy { ($0.isUppercase && $0.isLetter) || $0.isNumber || $0 == "-" || $0 == "/" }
        }

        /// Term ids of a technology name, computed once per name.
        mutating func technologyTermIDs(_ text: String) -> [Int32] {
            if let cached = technologies[text] { return cached }
            let ids = termIDs(text)
            technologies[text] = ids
            return ids
        }

        mutating func termIDs(_ text: String) -> [Int32] {
            var ids: [Int32] = []
            SearchText.forEachToken(in: text) { token in
                if !token.protected, let id = stems[token.text] {
                    if id >= 0 { ids.append(id) }
                    return
                }
                guard SearchText.isMeaningful(token) else {
                    stems[token.text] = -1
                    return
                }
                let term = SearchText.term(token)
                let id: Int32
                if let existing = termIDs[term] {
                    id = existing
                } else {
                    id = Int32(terms.count)
                    terms.append(term)
                    termIDs[term] = id
                }
                if !token.protected { stems[token.text] = id }
                ids.append(id)
            }
            return ids
        }
    }

    /// BM25F pseudo-frequencies per term and document, entries length-normalised against their field's average.
    private static func postings(entries: [Entry], termCount: Int) -> [[Posting]] {
        let fields = SearchField.allCases
        var lengthSum = [Double](repeating: 0, count: fields.count)
        var entryCount = [Double](repeating: 0, count: fields.count)
        for entry in entries where !entry.terms.isEmpty {
            lengthSum[entry.field.ordinal] += Double(entry.terms.count)
            entryCount[entry.field.ordinal] += 1
        }
        let averageLength = fields.indices.map { max(lengthSum[$0] / max(entryCount[$0], 1), 1) }

        var postings = [[Posting]](repeating: [], count: termCount)
        // Per-document accumulator: pseudo-frequency by term id, and the ids touched in this document.
        var frequency = [Double](repeating: 0, count: termCount)
        var touched: [Int32] = []
        var currentDocument: Int32 = -1
        func flush() {
            touched.sort()
            for term in touched {
                postings[Int(term)].append(Posting(document: currentDocument, frequency: Float(frequency[Int(term)])))
                frequency[Int(term)] = 0
            }
            touched.removeAll(keepingCapacity: true)
        }
        for entry in entries {
            if entry.document != currentDocument {
                flush()
                currentDocument = entry.document
            }
            guard !entry.terms.isEmpty else { continue }
            let field = entry.field
            let b = field.lengthNormalization
            let denominator = 1 - b + b * Double(entry.terms.count) / averageLength[field.ordinal]
            let weight = field.weight * (entry.hot ? hotTechnologyBoost : 1)
            for (position, term) in entry.terms.enumerated() where !entry.terms[..<position].contains(term) {
                let occurrences = entry.terms[position...].reduce(0) { $1 == term ? $0 + 1 : $0 }
                if frequency[Int(term)] == 0 { touched.append(term) }
                frequency[Int(term)] += weight * Double(occurrences) / denominator
            }
        }
        flush()
        return postings
    }

    /// Inverse document frequency of a term found in `documentFrequency` of the documents (BM25's, never negative).
    func inverseDocumentFrequency(_ documentFrequency: Int) -> Double {
        let n = Double(documents.count)
        let df = Double(documentFrequency)
        return log(1 + (n - df + 0.5) / (df + 0.5))
    }
}
