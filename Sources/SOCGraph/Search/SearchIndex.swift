import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

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
/// The index is kept in the layout of its cache file (`SearchIndexFile`): flat columns of integers and two string
/// tables inside one block of bytes, so that reading it from the cache is one read and a check, and a query reads
/// only the parts it needs.
///
/// Complexity: building is linear in the total length of the text; a query touches the postings of its terms
/// and the titles of the occupations they reach.
public struct SearchIndex: Sendable {
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

    // Documents are the occupations in code order; entries are the texts of a document (a title, a technology
    // name, a program title, the definition, one task), its titles first. Every column points into `storage`.

    /// The bytes the columns point into.
    let storage: SearchIndexStorage
    /// Per document: its code and SOC title (positions in `strings`).
    let documentCodes: Column<Int32>
    let documentTitles: Column<Int32>
    /// Where each document's entries start; one more element than documents (the end of the last).
    let documentEntryStarts: Column<Int32>
    /// Where each document's title entries end.
    let documentTitleEnds: Column<Int32>
    /// Per entry: its field's ordinal, plus `hotFlag` for a hot technology.
    let entryFlags: Column<UInt8>
    /// Per entry: its text as written (position in `strings`).
    let entryTexts: Column<Int32>
    /// Where each entry's terms start in `entryTerms`; one more element than entries.
    let entryTermStarts: Column<Int32>
    /// The term ids of every entry, in the order of its words.
    let entryTerms: Column<Int32>
    /// Codes, titles and entry texts, each distinct string once.
    let strings: StringColumn
    /// The vocabulary in `String` order: a term's id is its position.
    let terms: StringColumn
    /// Where each term's postings start; one more element than terms.
    let postingStarts: Column<Int32>
    /// The documents of each term's postings, increasing.
    let postingDocuments: Column<Int32>
    /// Σ over the document's fields of weight × length-normalised frequency (BM25F's pseudo-frequency), as the bit
    /// patterns of `Float`s.
    let postingFrequencies: Column<UInt32>

    /// The bit of `entryFlags` that marks a hot technology.
    static let hotFlag: UInt8 = 0x80

    /// The number of occupations indexed.
    public var count: Int { documentCodes.count }

    /// Builds the index. Codes should be unique; a text repeated within one field of a document counts once.
    public init(documents: [SearchDocument]) {
        let columns = Columns(documents: documents)
        let file = SearchIndexFile.encode(fingerprint: "", sources: [], sections: columns.bytes(of:))
        do {
            self = try SearchIndexFile(storage: SearchIndexStorage(copying: file), expecting: nil).index
        } catch {
            preconditionFailure("a search index just built does not read back: \(error)")
        }
    }

    // MARK: Reading the columns

    func code(_ document: Int) -> String { strings[Int(documentCodes[document])] }
    func title(_ document: Int) -> String { strings[Int(documentTitles[document])] }
    /// All entries of a document, titles first.
    func entries(of document: Int) -> Range<Int> {
        Int(documentEntryStarts[document])..<Int(documentEntryStarts[document + 1])
    }
    func titleEntries(of document: Int) -> Range<Int> {
        Int(documentEntryStarts[document])..<Int(documentTitleEnds[document])
    }
    func field(_ entry: Int) -> SearchField { SearchField.byOrdinal[Int(entryFlags[entry] & ~Self.hotFlag)] }
    func text(_ entry: Int) -> String { strings[Int(entryTexts[entry])] }
    func terms(_ entry: Int) -> Column<Int32> {
        entryTerms[Int(entryTermStarts[entry])..<Int(entryTermStarts[entry + 1])]
    }
    /// The id of an index term, or nil when no document has it. O(log terms).
    func termID(_ term: String) -> Int32? { terms.sortedIndex(of: term).map(Int32.init) }
    /// The positions of a term's postings in `postingDocuments` and `postingFrequencies`.
    func postings(_ term: Int32) -> Range<Int> {
        Int(postingStarts[Int(term)])..<Int(postingStarts[Int(term) + 1])
    }
    func frequency(_ posting: Int) -> Float { Float(bitPattern: postingFrequencies[posting]) }

    /// Inverse document frequency of a term found in `documentFrequency` of the documents (BM25's, never negative).
    func inverseDocumentFrequency(_ documentFrequency: Int) -> Double {
        let n = Double(count)
        let df = Double(documentFrequency)
        return log(1 + (n - df + 0.5) / (df + 0.5))
    }
}
