import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Where socgraph keeps the files it derives from a graph directory between runs (the search index, graph
/// snapshots), and the fingerprint parts that tell whether such a file is still current.
///
/// A cache file `NAME` goes to `.cache/NAME.bin` in the graph directory when that is writable, else to
/// `socgraph/NAME-KEY.bin` (KEY from the graph's path) in `$XDG_CACHE_HOME`, else `~/.cache`. Setting
/// `SOCGRAPH_NO_CACHE` to any non-empty value turns every cache off: nothing is read from or written to them.
public struct CacheFolders: Sendable {
    /// The environment variable that turns the caches off.
    public static let disablingVariable = "SOCGRAPH_NO_CACHE"

    /// The graph directory, standardized.
    public let graphDirectory: URL
    /// `$XDG_CACHE_HOME/socgraph`, else `~/.cache/socgraph`; nil when neither variable holds an absolute path.
    public let userFolder: URL?
    /// True when `SOCGRAPH_NO_CACHE` is set: no cache file is read or written.
    public let isDisabled: Bool

    /// The folders of the graph in `directory`; `environment` supplies `XDG_CACHE_HOME`, `HOME` and
    /// `SOCGRAPH_NO_CACHE`.
    public init(graph directory: URL, environment: [String: String]) {
        graphDirectory = directory.standardizedFileURL
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
            userFolder = URL(fileURLWithPath: xdg, isDirectory: true).appendingPathComponent("socgraph")
        } else if let home = environment["HOME"], home.hasPrefix("/") {
            userFolder = URL(fileURLWithPath: home, isDirectory: true).appendingPathComponent(".cache/socgraph")
        } else {
            userFolder = nil
        }
        isDisabled = !(environment[Self.disablingVariable] ?? "").isEmpty
    }

    /// Where the cache file `name` may be, in order of preference; empty when the caches are off.
    public func locations(named name: String) -> [URL] {
        guard !isDisabled else { return [] }
        var locations = [graphDirectory.appendingPathComponent(".cache/\(name).bin")]
        if let userFolder {
            let key = String(Self.fnv1a(graphDirectory.path), radix: 16)
            locations.append(userFolder.appendingPathComponent("\(name)-\(key).bin"))
        }
        return locations
    }

    /// Writes `data` atomically (temporary file, then rename) to the first of `locations` that accepts it;
    /// returns that location, or nil when none is writable.
    @discardableResult
    static func save(_ data: Data, to locations: [URL]) -> URL? {
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

    /// The whole file at `path` in new storage, or nil when it cannot be read (absent, not a regular file, 2 GiB
    /// or larger, or a read error).
    static func readFile(_ path: String) -> SearchIndexStorage? {
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
                let count = read(descriptor, buffer.baseAddress! + done, size - done)
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else { break }
                done += count
            }
            return done
        }
    }

    // MARK: Fingerprint parts

    /// The status of the running executable: a rebuilt program may read or store differently. Found through its
    /// path as invoked when that holds a slash (which is also right under a profiler such as valgrind), else
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

    /// `size mtime ctime device:inode` (times in nanoseconds) of the regular file at `path`, or nil when it
    /// cannot be examined.
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
