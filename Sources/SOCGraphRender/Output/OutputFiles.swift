import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import SOCGraph

/// Writes a set of files all or nothing: each through a temporary file in its own directory, renamed into place only
/// once every destination is checked and every file written; a failure before the renames (the only one that can
/// happen unless a directory changes meanwhile) replaces no destination, and no temporary file is left.
///
/// A symbolic link is followed (the file it names is replaced or created, the link kept). A destination that is a
/// character device or a pipe (`/dev/stdout`, `/dev/null`) is written straight into, never renamed over; a
/// directory, a block device, a socket or a read-only file is refused before anything is written.
enum OutputFiles {
    /// Where one file goes once links are followed.
    private enum Destination {
        /// A regular file (existing or not) at `path`, replaced through a temporary file in `directory`.
        case replace(path: [UInt8], directory: [UInt8])
        /// A device or pipe, written into.
        case stream(path: [UInt8])
    }

    /// Writes each `data` to its path; throws `SOCGraphError.outputFailed` naming the path and the reason.
    static func write(_ files: [(data: Data, path: OutputPath)]) throws {
        let destinations = try files.map { try destination(of: $0.path) }
        var temporaries: [[UInt8]] = []
        var renamed = 0
        defer {
            // Whatever was not renamed into place is ours to remove.
            for temporary in temporaries.dropFirst(renamed) { _ = OutputPath.withCPath(temporary) { unlink($0) } }
        }
        for (file, destination) in zip(files, destinations) {
            if case let .replace(_, directory) = destination {
                temporaries.append(try writeTemporary(file.data, in: directory, for: file.path))
            }
        }
        for (file, destination) in zip(files, destinations) {
            if case let .stream(path) = destination { try stream(file.data, to: path, for: file.path) }
        }
        for (file, destination) in zip(files, destinations) {
            guard case let .replace(path, _) = destination else { continue }
            let temporary = temporaries[renamed]
            let status = OutputPath.withCPath(temporary) { from in OutputPath.withCPath(path) { rename(from, $0) } }
            guard status == 0 else { throw failure(file.path, String(cString: strerror(errno))) }
            renamed += 1
        }
    }

    /// Where `path` leads, checked: the directory exists, the file is not a directory or read-only.
    private static func destination(of path: OutputPath) throws -> Destination {
        guard !path.bytes.contains(0) else { throw failure(path, "a file name cannot hold a NUL character") }
        var status = stat()
        // The kernel follows links such as /dev/stdout -> /proc/self/fd/1 -> pipe:[N] that no path names.
        if OutputPath.withCPath(path.bytes, { stat($0, &status) }) == 0,
           [S_IFCHR, S_IFIFO].contains(status.st_mode & S_IFMT) {
            return .stream(path: path.bytes)
        }
        guard let target = OutputPath.followingLinks(path.bytes) else {
            throw failure(path, "\(String(cString: strerror(ELOOP))); choose another --out")
        }
        if OutputPath.withCPath(target, { stat($0, &status) }) == 0 {
            switch status.st_mode & S_IFMT {
            case S_IFREG:
                // Root may write anything, so the mode is asked too; a read-only file system is told apart later.
                let denied = OutputPath.withCPath(target) { access($0, W_OK) } != 0 && errno == EACCES
                if denied || status.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH) == 0 {
                    throw failure(path, "the file is read-only; make it writable (chmod u+w) or choose another --out")
                }
            case S_IFDIR:
                throw failure(path, "it is a directory; give a file name")
            case S_IFCHR, S_IFIFO:
                return .stream(path: target)
            default:
                throw failure(path, "it is not a regular file, a pipe or a terminal; give a file name")
            }
        } else if errno != ENOENT, errno != ENOTDIR {
            throw failure(path, String(cString: strerror(errno)))
        }
        let directory = OutputPath.directory(of: target)
        let shown = OutputPath.text(directory)
        if OutputPath.withCPath(directory, { stat($0, &status) }) != 0 {
            guard errno == ENOENT else { throw failure(path, String(cString: strerror(errno))) }
            throw failure(path, "the directory '\(shown)' does not exist; create it or choose another --out")
        }
        guard status.st_mode & S_IFMT == S_IFDIR else {
            throw failure(path, "'\(shown)' is not a directory; choose another --out")
        }
        return .replace(path: target, directory: directory)
    }

    /// Creates a new temporary file in `directory` holding `data` and returns its path. The name is short
    /// (`.socgraph-PID-N.tmp`), so that it fits wherever a name of up to 255 bytes does.
    private static func writeTemporary(_ data: Data, in directory: [UInt8], for path: OutputPath) throws -> [UInt8] {
        for number in 0..<1_000 {
            let temporary = directory + Array("/.socgraph-\(getpid())-\(number).tmp".utf8)
            let descriptor = OutputPath.withCPath(temporary) { open($0, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666) }
            guard descriptor >= 0 else {
                if errno == EEXIST { continue }
                throw failure(path, reason(errno, directory: directory))
            }
            do {
                defer { close(descriptor) }
                try FileHandle(fileDescriptor: descriptor, closeOnDealloc: false).write(contentsOf: data)
            } catch {
                _ = OutputPath.withCPath(temporary) { unlink($0) }
                throw failure(path, SystemError.reason(of: error) ?? "\(error)")
            }
            return temporary
        }
        throw failure(path, "no temporary file can be created in '\(OutputPath.text(directory))'; choose another --out")
    }

    /// Writes `data` into an existing character device or pipe, which cannot be replaced atomically.
    private static func stream(_ data: Data, to target: [UInt8], for path: OutputPath) throws {
        let descriptor = OutputPath.withCPath(target) { open($0, O_WRONLY | O_CLOEXEC) }
        guard descriptor >= 0 else { throw failure(path, String(cString: strerror(errno))) }
        defer { close(descriptor) }
        do {
            try FileHandle(fileDescriptor: descriptor, closeOnDealloc: false).write(contentsOf: data)
        } catch {
            throw failure(path, SystemError.reason(of: error) ?? "\(error)")
        }
    }

    /// Why no file could be created in `directory`, from the `errno` of the failed `open`.
    private static func reason(_ code: Int32, directory: [UInt8]) -> String {
        let shown = OutputPath.text(directory)
        if code == EACCES || code == EPERM, OutputPath.withCPath(directory, { access($0, W_OK) }) != 0 {
            return "the directory '\(shown)' is not writable"
        }
        switch code {
        case ENOENT, EACCES, EPERM, EINVAL, ENAMETOOLONG:
            return "no file can be created in '\(shown)'; choose another --out"
        case EROFS: return "the file system is read-only"
        default: return String(cString: strerror(code))
        }
    }

    private static func failure(_ path: OutputPath, _ reason: String) -> SOCGraphError {
        .outputFailed("cannot write '\(path.url.path)': \(reason)")
    }
}
