import Foundation

/// An inverted index over the searchable text of every detailed occupation, built once, queried many times.
///
/// Ranking combines two measures, each in 0–1:
///
/// - **Title match** `q`: how well the best single title of the occupation (SOC title, Direct Match Title or
///   O*NET title) matches the query. A title equal to the query after normalisation (same terms, any order) scores
///   1 (an O*NET Alternate Title 0.97, since several occupations share them); a title containing the whole query as
///   a phrase 0.75–0.9 (more when the title has fewer other words); otherwise at most 0.7, in proportion to the
///   share of the query it covers (terms weighted by rarity) and the share of its own words the query explains.
/// - **Text relevance** `r`: BM25F over all fields (titles, technologies, programs, definition, tasks; weights in
///   `SearchField`), each entry (one title, one task) length-normalised within its field, with term saturation
///   `k1`. Divided by its asymptotic maximum (every query term saturated), so `r` is an absolute measure: 1 only
///   when every query word is found abundantly in heavily weighted fields; a word found nowhere pulls it down.
///
/// The score is `1 − (1 − q)(1 − 0.8·r)`: an exact title scores 1; a strong textual match without a matching title
/// can reach 0.8. Ties are broken by `r`, then by code.
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
    /// How much a hot technology counts relative to another technology.
    public static let hotTechnologyBoost = 1.25

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

    /// Builds the index. Codes should be unique; duplicate titles within one field of a document count once.
    public init(documents input: [SearchDocument]) {
        var builder = Builder()
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
            for technology in document.technologies where seenTechnologies.insert(technology.name.lowercased()).inserted {
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
        var stems: [String: Int32] = [:]

        mutating func add(_ texts: [String], field: SearchField, document: Int32) {
            var seen = Set<String>()
            for text in texts where seen.insert(text.lowercased()).inserted {
                add(text, field: field, document: document)
            }
        }

        /// Adds one text; a title written `Short (Long)`, as O*NET writes abbreviations
        /// (`IT Manager (Information Technology Manager)`), becomes one entry per form, both shown as written.
        mutating func add(_ text: String, field: SearchField, document: Int32, hot: Bool = false) {
            if field.isTitle, text.hasSuffix(")"), let open = text.lastIndex(of: "("), open > text.startIndex {
                let short = text[..<open].trimmingCharacters(in: .whitespaces)
                let long = text[text.index(after: open)..<text.index(before: text.endIndex)]
                    .trimmingCharacters(in: .whitespaces)
                if !short.isEmpty && !long.isEmpty {
                    entries.append(Entry(document: document, field: field, text: text, terms: termIDs(short), hot: hot))
                    entries.append(Entry(document: document, field: field, text: text, terms: termIDs(long), hot: hot))
                    return
                }
            }
            entries.append(Entry(document: document, field: field, text: text, terms: termIDs(text), hot: hot))
        }

        mutating func termIDs(_ text: String) -> [Int32] {
            var ids: [Int32] = []
            for token in SearchText.tokens(text) where SearchText.isMeaningful(token) {
                if let id = stems[token.text] {
                    ids.append(id)
                    continue
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
                stems[token.text] = id
                ids.append(id)
            }
            return ids
        }
    }

    /// BM25F pseudo-frequencies per term and document, entries length-normalised against their field's average.
    private static func postings(entries: [Entry], termCount: Int) -> [[Posting]] {
        var lengthSum: [SearchField: Double] = [:]
        var entryCount: [SearchField: Double] = [:]
        for entry in entries where !entry.terms.isEmpty {
            lengthSum[entry.field, default: 0] += Double(entry.terms.count)
            entryCount[entry.field, default: 0] += 1
        }
        var averageLength: [SearchField: Double] = [:]
        for field in SearchField.allCases {
            averageLength[field] = (lengthSum[field] ?? 0) / max(entryCount[field] ?? 0, 1)
        }

        var postings = [[Posting]](repeating: [], count: termCount)
        var local: [Int32: Double] = [:]
        var currentDocument: Int32 = -1
        func flush() {
            for (term, frequency) in local.sorted(by: { $0.key < $1.key }) {
                postings[Int(term)].append(Posting(document: currentDocument, frequency: Float(frequency)))
            }
            local.removeAll(keepingCapacity: true)
        }
        for entry in entries {
            if entry.document != currentDocument {
                flush()
                currentDocument = entry.document
            }
            guard !entry.terms.isEmpty else { continue }
            let field = entry.field
            let b = field.lengthNormalization
            let average = averageLength[field] ?? 1
            let denominator = 1 - b + b * Double(entry.terms.count) / max(average, 1)
            let weight = field.weight * (entry.hot ? hotTechnologyBoost : 1)
            for (position, term) in entry.terms.enumerated() where !entry.terms[..<position].contains(term) {
                let occurrences = entry.terms[position...].reduce(0) { $1 == term ? $0 + 1 : $0 }
                local[term, default: 0] += weight * Double(occurrences) / denominator
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
