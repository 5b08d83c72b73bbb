#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

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
    /// Where the cache file may be, in order of preference: `.cache/search-index.bin` in the graph directory,
    /// then `socgraph/search-index-KEY.bin` (KEY from the graph's path) in `$XDG_CACHE_HOME`, else `~/.cache`.
    public let locations: [URL]

    /// The store of the graph in `directory`; `environment` supplies `XDG_CACHE_HOME` and `HOME`.
    public init(directory: URL, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.directory = directory.standardizedFileURL
        var locations = [self.directory.appendingPathComponent(".cache/search-index.bin")]
        let userCache: URL?
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
            userCache = URL(fileURLWithPath: xdg, isDirectory: true)
        } else if let home = environment["HOME"], home.hasPrefix("/") {
            userCache = URL(fileURLWithPath: home, isDirectory: true).appendingPathComponent(".cache")
        } else {
            userCache = nil
        }
        if let userCache {
            let key = String(Self.fnv1a(self.directory.path), radix: 16)
            locations.append(userCache.appendingPathComponent("socgraph/search-index-\(key).bin"))
        }
        self.locations = locations
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
            "program " + (Self.programIdentity ?? "unknown"),
            "graph " + directory.path,
        ]
        for file in Self.inputFiles {
            guard let status = Self.status(of: directory.appendingPathComponent(file).path) else { return nil }
            lines.append(file + " " + status)
        }
        for file in Self.optionalInputFiles {
            lines.append(file + " " + (Self.status(of: directory.appendingPathComponent(file).path) ?? "absent"))
        }
        return lines.joined(separator: "\n")
    }

    /// The cached index when a cache file matches `fingerprint`; nil when none does (absent, stale, damaged).
    public func cached(fingerprint: String) -> SearchIndexFile? {
        for location in locations {
            // A cache file that cannot be read, is stale or is damaged is no different from none: the index is
            // rebuilt from the graph.
            guard let storage = Self.read(location.path) else { continue }
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
        let data = file.encoded()
        for location in locations {
            do {
                try FileManager.default.createDirectory(
                    at: location.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: location, options: .atomic)
                return location
            } catch {
                continue  // not writable here: try the next location
            }
        }
        return nil
    }

    /// The index and the sources it cites: from the cache when it matches the inputs, else from `build` (which
    /// loads the graph and throws its errors), then saved for the next run unless the inputs changed meanwhile.
    public func load(build: () throws -> (index: SearchIndex, sources: [DataSource])) throws -> SearchIndexFile {
        let before = fingerprint()
        if let before, let file = cached(fingerprint: before) { return file }
        let (index, sources) = try build()
        let file = SearchIndexFile(fingerprint: before ?? "", sources: sources, index: index)
        if let before, fingerprint() == before { save(file) }
        return file
    }

    /// `load(build:)` building from the graph in `directory` with its text.
    public func load() throws -> SearchIndexFile {
        try load {
            let store = GraphStore(directory: directory)
            let graph = try store.load(KnowledgeGraph.searchSections)
            return (SearchIndex(graph: graph, text: try store.loadText(for: graph)), graph.sources)
        }
    }

    /// The whole file at `path` in new storage, or nil when it cannot be read (absent, not a regular file, larger
    /// than any index, or a read error).
    static func read(_ path: String) -> SearchIndexStorage? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_size < 1 << 31 else {
            return nil
        }
        let size = Int(info.st_size)
        return SearchIndexStorage(count: size) { buffer in
            var done = 0
            while done < size {
                let count = readBytes(descriptor, buffer.baseAddress! + done, size - done)
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else { break }
                done += count
            }
            return done
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

    /// The status of the running executable: a rebuilt program may tokenise or stem differently. Found through
    /// its path as invoked when that holds a slash (which is also right under a profiler such as valgrind), else
    /// through the system.
    static let programIdentity: String? = {
        if let invoked = CommandLine.arguments.first, invoked.contains("/"), let status = status(of: invoked) {
            return status
        }
        #if os(Linux)
        return status(of: "/proc/self/exe")
        #else
        return Bundle.main.executablePath.flatMap(status(of:))
        #endif
    }()

    /// `size mtime ctime inode` (times in nanoseconds) of the file at `path`, or nil when it cannot be examined.
    static func status(of path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        #if canImport(Darwin)
        let modified = (Int64(info.st_mtimespec.tv_sec), Int64(info.st_mtimespec.tv_nsec))
        let changed = (Int64(info.st_ctimespec.tv_sec), Int64(info.st_ctimespec.tv_nsec))
        #else
        let modified = (Int64(info.st_mtim.tv_sec), Int64(info.st_mtim.tv_nsec))
        let changed = (Int64(info.st_ctim.tv_sec), Int64(info.st_ctim.tv_nsec))
        #endif
        func nanoseconds(_ time: (Int64, Int64)) -> String { String(time.0 &* 1_000_000_000 &+ time.1) }
        return "\(info.st_size) \(nanoseconds(modified)) \(nanoseconds(changed)) \(info.st_dev):\(info.st_ino)"
    }

    /// 64-bit FNV-1a of the UTF-8 of `text`: a stable key (Swift's `Hasher` changes between processes).
    static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return hash
    }
}

/// The system's `read(2)`, by a name that `SearchIndexStore.read(_:)` does not hide.
private func readBytes(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
