import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The one cache socgraph keeps: the loaded graph and its search index, so that a query reads one file instead of
/// parsing and validating every row of Graph/ (which takes several times the latency budget of a query).
///
/// Where: `.cache/graph.cache` in the graph directory, else (a read-only graph) `socgraph/graph-KEY.cache` in
/// `$XDG_CACHE_HOME` or `~/.cache`, KEY naming the graph's path. Nothing else is ever written. Setting
/// `SOCGRAPH_NO_CACHE` to any non-empty value turns it off. Deleting it is always safe.
///
/// Format, integers little-endian:
///
///     magic            8 bytes, "SOCGRAPH"
///     version          UInt32, `formatVersion`
///     fingerprint      UInt32 byte length, then that many bytes of UTF-8 text (see `fingerprint()`)
///     graph part       UInt64 byte length, UInt64 sum of its bytes, then the bytes (`KnowledgeGraph.cacheBytes()`)
///     index part       the same (`SearchIndex.cacheBytes(sources:)`); length 0 until a search has run
///
/// The file is replaced whole (written to a temporary file, then renamed), so concurrent processes read either the
/// old file or the new one; a temporary file left by a killed writer is removed by the next write. A file is used
/// only if it is at most `sizeLimit` bytes, its size is what its header says, its magic, version and fingerprint
/// match, and the part read has its sum and decodes completely; anything else is no cache, and the graph is loaded
/// from the TSV files (reporting a damaged graph as always) and the file written again.
struct GraphCache: Sendable {
    static let disablingVariable = "SOCGRAPH_NO_CACHE"
    static let magic = Array("SOCGRAPH".utf8)
    static let formatVersion: UInt32 = 20
    /// The largest cache file read, 256 MiB (the shipped graph's is under 7 MB): a bigger file is no cache, and
    /// is replaced without being read.
    static let sizeLimit: UInt64 = 256 << 20

    /// The parts of the file, in file order.
    enum Part: Int, CaseIterable {
        case graph, index
    }

    /// The graph directory, standardized.
    let directory: URL
    /// Where the cache may be, in order of preference; empty when it is turned off.
    let locations: [URL]

    /// `environment` supplies `SOCGRAPH_NO_CACHE`, `XDG_CACHE_HOME` and `HOME`.
    init(directory: URL, environment: [String: String]) {
        self.directory = directory.standardizedFileURL
        guard (environment[Self.disablingVariable] ?? "").isEmpty else {
            locations = []
            return
        }
        var locations = [self.directory.appendingPathComponent(".cache/graph.cache")]
        let key = String(Self.fnv1a(self.directory.path), radix: 16)
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
            locations.append(URL(fileURLWithPath: xdg).appendingPathComponent("socgraph/graph-\(key).cache"))
        } else if let home = environment["HOME"], home.hasPrefix("/") {
            locations.append(URL(fileURLWithPath: home).appendingPathComponent(".cache/socgraph/graph-\(key).cache"))
        }
        self.locations = locations
    }

    /// What the cache is built from, as it is now: the format, the executable (a rebuilt program may write
    /// differently), the graph directory, and size, modification and change times and file number of every Graph/
    /// file and of Graph/text/'s. Nil when the cache is off or a required file cannot be examined (the TSV load
    /// then reports it). A few dozen `stat` calls.
    func fingerprint() -> String? {
        guard !locations.isEmpty else { return nil }
        var lines = ["socgraph cache, format \(Self.formatVersion)",
                     "program " + (Bundle.main.executablePath.flatMap(Self.status(of:)) ?? "unknown"),
                     "graph " + directory.path]
        let files = GraphFile.all.map { ($0.name, $0.optional) }
            + [OccupationText.definitionsFile, OccupationText.tasksFile].map { ($0, true) }
        for (name, optional) in files {
            guard let status = Self.status(of: directory.appendingPathComponent(name).path) ?? (optional ? "absent" : nil)
            else { return nil }
            lines.append(name + " " + status)
        }
        return lines.joined(separator: "\n")
    }

    /// `part` of the first cache file made from `fingerprint`, as a reader; nil when there is none, the part is
    /// absent, or the file is damaged. Only a regular file is opened: opening a FIFO would wait for a writer.
    func read(_ part: Part, fingerprint: String) -> CacheReader? {
        for location in locations where Self.status(of: location.path) != nil {
            do {
                let handle = try FileHandle(forReadingFrom: location)
                defer { try? handle.close() }
                if let reader = try Self.read(part, of: handle, fingerprint: fingerprint) { return reader }
            } catch {
                continue  // unreadable or damaged: no different from no file
            }
        }
        return nil
    }

    /// Writes a cache file of `fingerprint` with these parts to the first location that takes it; a location that
    /// cannot be written is skipped, and with none the next run simply loads the TSV files again.
    func write(fingerprint: String, graph: [UInt8], index: [UInt8]) {
        var file = Self.magic
        Self.append(UInt64(Self.formatVersion), bytes: 4, to: &file)
        Self.append(UInt64(fingerprint.utf8.count), bytes: 4, to: &file)
        file += fingerprint.utf8
        for part in [graph, index] {
            Self.append(UInt64(part.count), bytes: 8, to: &file)
            Self.append(Self.sum(part), bytes: 8, to: &file)
            file += part
        }
        for location in locations {
            do {
                try FileManager.default.createDirectory(at: location.deletingLastPathComponent(),
                                                        withIntermediateDirectories: true)
                try Self.replace(location, with: file)
                return
            } catch {
                continue  // not writable here: try the next location
            }
        }
    }

    /// How old a temporary file must be to count as left by a killed writer: writing takes well under a second.
    static let staleAge: TimeInterval = 60

    /// Writes `bytes` to a temporary file beside `location` and renames it into place, so that readers see the
    /// old file or the new one. Temporary files an earlier writer left (killed mid-write) are removed first.
    static func replace(_ location: URL, with bytes: [UInt8]) throws {
        let directory = location.deletingLastPathComponent()
        let prefix = location.lastPathComponent + "."
        removeStaleTemporaries(in: directory, prefix: prefix)
        let temporary = directory.appendingPathComponent(prefix + "\(getpid()).\(UInt32.random(in: .min ... .max)).tmp")
        do {
            try Data(bytes).write(to: temporary, options: .withoutOverwriting)
            guard rename(temporary.path, location.path) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        } catch {
            try? FileManager.default.removeItem(at: temporary)  // best effort: the name is this call's own
            throw error
        }
    }

    /// Removes `prefix…tmp` files in `directory` older than `staleAge`; best effort.
    static func removeStaleTemporaries(in directory: URL, prefix: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return }
        for name in names where name.hasPrefix(prefix) && name.hasSuffix(".tmp") {
            let path = directory.appendingPathComponent(name).path
            guard let modified = try? FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date,
                  -modified.timeIntervalSinceNow > staleAge else { continue }
            try? FileManager.default.removeItem(atPath: path)
        }
    }

    /// Part `part` of the file open in `handle`, checked; nil when the file was made from another fingerprint or
    /// the part is absent. Reads the header, then only that part.
    private static func read(_ part: Part, of handle: FileHandle, fingerprint: String) throws -> CacheReader? {
        let size = try handle.seekToEnd()
        guard size <= sizeLimit else { return nil }
        let expected = Array(fingerprint.utf8)
        let head = try read(handle, at: 0, count: 16 + expected.count)
        guard head.prefix(8).elementsEqual(magic), integer(head[8..<12]) == formatVersion,
              integer(head[12..<16]) == expected.count, head[16...].elementsEqual(expected) else { return nil }
        // Where each part starts, its length and sum; together they must make up the file exactly.
        var parts: [(offset: UInt64, length: UInt64, sum: UInt64)] = []
        var offset = UInt64(head.count)
        for _ in Part.allCases {
            guard size >= offset + 16 else { throw CacheReader.Damage() }
            let lengths = try read(handle, at: offset, count: 16)
            let length = integer(lengths[0..<8])
            guard length <= size - offset - 16 else { throw CacheReader.Damage() }
            parts.append((offset + 16, length, integer(lengths[8..<16])))
            offset += 16 + length
        }
        guard offset == size else { throw CacheReader.Damage() }
        let (start, length, expectedSum) = parts[part.rawValue]
        guard length > 0 else { return nil }
        let bytes = try read(handle, at: start, count: Int(length))
        guard sum(bytes) == expectedSum else { throw CacheReader.Damage() }
        return try CacheReader(bytes, bytes.indices)
    }

    /// `count` bytes of `handle` from `offset`, read in chunks into one array.
    private static func read(_ handle: FileHandle, at offset: UInt64, count: Int) throws -> [UInt8] {
        try handle.seek(toOffset: offset)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(count)
        while bytes.count < count {
            // Chunks small enough for the allocator to reuse one block rather than map fresh pages for each.
            guard let chunk = try handle.read(upToCount: min(count - bytes.count, 1 << 16)), !chunk.isEmpty else {
                throw CacheReader.Damage()
            }
            bytes += chunk
        }
        return bytes
    }

    private static func append(_ value: UInt64, bytes count: Int, to bytes: inout [UInt8]) {
        for shift in stride(from: 0, to: count * 8, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> shift)) }
    }

    private static func integer(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        bytes.reversed().reduce(0) { $0 << 8 | UInt64($1) }
    }

    /// The sum of the bytes, to tell a damaged part (a changed byte) from a sound one.
    static func sum(_ bytes: [UInt8]) -> UInt64 { bytes.reduce(0) { $0 &+ UInt64($1) } }

    /// `size mtime ctime device:inode` (times in nanoseconds) of the regular file at `path`; nil when it cannot
    /// be examined.
    static func status(of path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        #if canImport(Darwin)
        let times = [info.st_mtimespec, info.st_ctimespec]
        #else
        let times = [info.st_mtim, info.st_ctim]
        #endif
        let nanoseconds = times.map { String(Int64($0.tv_sec) &* 1_000_000_000 &+ Int64($0.tv_nsec)) }
        return "\(info.st_size) \(nanoseconds[0]) \(nanoseconds[1]) \(info.st_dev):\(info.st_ino)"
    }

    /// 64-bit FNV-1a of the UTF-8 of `text`: a key that stays the same between runs (`Hasher`'s does not).
    static func fnv1a(_ text: String) -> UInt64 {
        text.utf8.reduce(0xCBF2_9CE4_8422_2325) { ($0 ^ UInt64($1)) &* 0x0000_0100_0000_01B3 }
    }
}
