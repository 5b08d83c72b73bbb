import Foundation

/// Keeps the search index of a graph between runs, so that a search reads one cache file instead of loading the
/// titles, technologies and programs and building the index (a few milliseconds instead of a few tenths of a
/// second).
///
/// The cache file (`SearchIndexFile`) records a fingerprint of exactly what it was built from: the size,
/// modification and change times and inode of each input file (`inputFiles`, and Graph/text/ when present), the
/// index format and engine parameters, and the executable that built it. Any difference, or a damaged file, and
/// the index is built again from the graph — the full, validated load, so a damaged graph is reported as
/// always — and the cache rewritten. The file goes to `Graph/.cache/` when the graph directory is writable, else
/// to the user's cache folder; when nothing is writable the index is simply built in memory each time.
public struct SearchIndexStore: Sendable {
    /// The graph directory.
    public let directory: URL
    /// Where the cache file may be, in order of preference (`CacheFolders`): `.cache/search-index.bin` in the graph
    /// directory, then `socgraph/search-index-KEY.bin` in the user's cache folder; none with `SOCGRAPH_NO_CACHE` set.
    public let locations: [URL]
    private let folders: CacheFolders

    /// The store of the graph in `directory`; `environment` supplies `XDG_CACHE_HOME`, `HOME` and
    /// `SOCGRAPH_NO_CACHE`.
    public init(directory: URL, environment: [String: String] = ProcessInfo.processInfo.environment) {
        folders = CacheFolders(graph: directory, environment: environment)
        self.directory = folders.graphDirectory
        self.locations = folders.locations(named: "search-index")
    }

    /// The Graph/ files the index is built from (relative paths): manifest.tsv and the files of the search
    /// sections and their prerequisites. Graph/text/ files are inputs too when present (`optionalInputFiles`).
    public static let inputFiles: [String] = ["manifest.tsv"]
        + GraphSection.closure(of: KnowledgeGraph.searchSections).sorted().flatMap(\.files)
    public static let optionalInputFiles = [OccupationText.definitionsFile, OccupationText.tasksFile]

    /// The fingerprint of the inputs as they are now, or nil when an input cannot be examined (missing, or the
    /// directory is absent): the caller then loads the graph, which reports the problem. A few `stat` calls.
    public func fingerprint() -> String? {
        var lines = [
            "socgraph search index, format \(SearchIndexFile.formatVersion)",
            "engine " + Self.engineParameters,
            "program " + (CacheFolders.programIdentity ?? "unknown"),
            "graph " + directory.path,
        ]
        for file in Self.inputFiles {
            guard let status = CacheFolders.status(of: directory.appendingPathComponent(file).path) else { return nil }
            lines.append(file + " " + status)
        }
        for file in Self.optionalInputFiles {
            lines.append(file + " " + (CacheFolders.status(of: directory.appendingPathComponent(file).path) ?? "absent"))
        }
        return lines.joined(separator: "\n")
    }

    /// The cached index when a cache file matches `fingerprint`; nil when none does (absent, stale, damaged).
    public func cached(fingerprint: String) -> SearchIndexFile? {
        for location in locations {
            // A cache file that cannot be read, is stale or is damaged is no different from none: the index is
            // rebuilt from the graph.
            guard let storage = CacheFolders.readFile(location.path) else { continue }
            do {
                return try SearchIndexFile(storage: storage, expecting: fingerprint)
            } catch {
                continue
            }
        }
        return nil
    }

    /// Writes `file` atomically to the first location that accepts it; returns that location, or nil when none
    /// is writable (then the index lives only in memory).
    @discardableResult
    public func save(_ file: SearchIndexFile) -> URL? {
        CacheFolders.save(file.encoded(), to: locations)
    }

    /// The index and the sources it cites: from the cache when it matches the inputs, else from `build` (which
    /// loads the graph and throws its errors), then saved for the next run unless the inputs changed meanwhile.
    public func load(build: () throws -> (index: SearchIndex, sources: [DataSource])) throws -> SearchIndexFile {
        let before = locations.isEmpty ? nil : fingerprint()
        if let before, let file = cached(fingerprint: before) { return file }
        let (index, sources) = try build()
        let file = SearchIndexFile(fingerprint: before ?? "", sources: sources, index: index)
        if let before, fingerprint() == before { save(file) }
        return file
    }

    /// `load(build:)` building from the graph in `directory` with its text.
    public func load() throws -> SearchIndexFile {
        try load {
            let store = GraphStore(directory: directory, folders: folders)
            let graph = try store.load(KnowledgeGraph.searchSections)
            return (SearchIndex(graph: graph, text: try store.loadText(for: graph)), graph.sources)
        }
    }

    // MARK: Fingerprint parts

    /// The parameters baked into the postings and the ranking constants.
    static let engineParameters: String = {
        var parts = [
            "k1=\(SearchIndex.k1)", "hot=\(SearchIndex.hotTechnologyBoost)", "share=\(SearchIndex.relevanceShare)",
        ]
        for field in SearchField.allCases {
            parts.append("\(field.rawValue)=\(field.weight)/\(field.lengthNormalization)")
        }
        return parts.joined(separator: " ")
    }()
}
