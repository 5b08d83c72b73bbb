/// One official input of the graph, as pinned in Graph/manifest.tsv.
public struct DataSource: Hashable, Sendable, Codable {
    /// Short id such as `soc-definitions` or `onet-occupation-data`.
    public let source: String
    public let publisher: String
    public let title: String
    /// The data vintage as cited (`O*NET 29.3`, `OEWS May 2025`).
    public let vintage: String
    public let url: String
    /// Path relative to the source directory.
    public let file: String
    /// Hex SHA-256 of the file as imported.
    public let sha256: String

    /// A source used only to translate other classifications and foreign titles into SOC 2018 (the SOC 2010 and
    /// ISCO-08 crosswalks, ESCO): cited by the outputs that use it, not by every report on a SOC code.
    public var isTranslation: Bool {
        source.hasPrefix("soc-2010-") || source.hasPrefix("isco-") || source.hasPrefix("esco-")
    }

    /// An ESCO release: wherever it is cited, `escoCredit` is printed.
    public var isESCO: Bool { vintage.hasPrefix("ESCO") }

    /// ESCO's reuse condition, to be printed wherever ESCO titles appear.
    public static let escoCredit = "This product uses the ESCO classification of the European Union."
}

/// One citation for output footers and JSON `sources`: a vintage with its publisher and the titles read from it.
public struct SourceCitation: Hashable, Sendable, Codable {
    public let vintage: String
    public let publisher: String
    public let titles: [String]
    public let urls: [String]

    /// A citation of an ESCO release: wherever it is cited, `DataSource.escoCredit` is printed.
    public var isESCO: Bool { vintage.hasPrefix("ESCO") }
}

extension Array where Element == DataSource {
    /// The distinct vintages in manifest order, each with its publisher(s), titles and addresses. O(n²) in the
    /// number of manifest rows (a few dozen).
    public var citations: [SourceCitation] { filter { !$0.isTranslation }.allCitations }

    /// The translation sources' citations (`DataSource.isTranslation`), for the outputs that use them.
    public var translationCitations: [SourceCitation] { filter(\.isTranslation).allCitations }

    /// Every source's citation, translation sources included.
    public var allCitations: [SourceCitation] {
        var order: [String] = []
        var grouped: [String: [DataSource]] = [:]
        for source in self {
            if grouped[source.vintage] == nil { order.append(source.vintage) }
            grouped[source.vintage, default: []].append(source)
        }
        return order.map { vintage in
            let rows = grouped[vintage]!
            func unique(_ values: [String]) -> [String] {
                var seen = Set<String>()
                return values.filter { seen.insert($0).inserted }
            }
            // Publishers are named part by part ("European Commission (ESCO); reuse authorised with
            // acknowledgement" in two rows, one adding "; ISCO-08 by the ILO"), each part once.
            let parts = unique(rows.flatMap { $0.publisher.components(separatedBy: "; ") })
            return SourceCitation(vintage: vintage, publisher: parts.joined(separator: "; "),
                                  titles: unique(rows.map(\.title)), urls: unique(rows.map(\.url)))
        }
    }
}
