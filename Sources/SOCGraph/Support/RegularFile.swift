import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reading a data file whole, safely: only a regular file (a FIFO or device in its place would block or never end),
/// only up to a size limit checked before reading, and only if it did not change while it was read.
enum RegularFile {
    /// Why a file could not be read, in words for a diagnostic.
    enum Problem: Error, Equatable, CustomStringConvertible {
        case missing
        case unreadable(String)
        case notRegular
        case tooLarge(size: Int64, limit: Int)
        case changed

        var description: String {
            switch self {
            case .missing: return "missing"
            case let .unreadable(reason): return "unreadable: \(reason)"
            case .notRegular: return "not a regular file: a pipe, device or folder is in its place"
            case let .tooLarge(size, limit):
                return "\(RegularFile.megabytes(size)) MB, over the \(RegularFile.megabytes(Int64(limit))) MB limit"
            case .changed: return "changed while it was being read: is something rewriting it?"
            }
        }
    }

    /// The bytes of the regular file at `path`, of at most `limit` bytes.
    ///
    /// Opens without blocking, checks the type and size with `fstat` before reading, and compares size and
    /// modification time after reading with those before, so that a file rewritten in place is reported rather
    /// than read half old, half new.
    static func read(_ path: String, limit: Int) throws(Problem) -> Data {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw errno == ENOENT ? .missing : .unreadable(String(cString: strerror(errno)))
        }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        guard let before = status(descriptor) else { throw .unreadable(String(cString: strerror(errno))) }
        guard before.st_mode & S_IFMT == S_IFREG else { throw .notRegular }
        guard before.st_size <= limit else { throw .tooLarge(size: Int64(before.st_size), limit: limit) }
        let data: Data
        do {
            // One byte past the limit tells a file that grew while being read.
            data = try handle.read(upToCount: limit + 1) ?? Data()
        } catch {
            throw .unreadable(SystemError.reason(of: error) ?? "\(error)")
        }
        guard let after = status(descriptor), data.count == after.st_size, after.st_size == before.st_size,
              modified(after) == modified(before) else { throw .changed }
        return data
    }

    private static func status(_ descriptor: Int32) -> stat? {
        var info = stat()
        return fstat(descriptor, &info) == 0 ? info : nil
    }

    private static func modified(_ info: stat) -> [Int] {
        #if canImport(Darwin)
        return [Int(info.st_mtimespec.tv_sec), Int(info.st_mtimespec.tv_nsec)]
        #else
        return [Int(info.st_mtim.tv_sec), Int(info.st_mtim.tv_nsec)]
        #endif
    }

    static func megabytes(_ bytes: Int64) -> String {
        String(format: "%.1f", Double(bytes) / 1_048_576)
    }
}
