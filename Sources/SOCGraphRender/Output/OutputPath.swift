import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import SOCGraph

/// A file to write, named by the bytes of its path (a path need not be valid UTF-8, and `\xff.svg` must not become
/// `\u{FFFD}.svg`), with the URL that names it in messages and in what socgraph prints.
public struct OutputPath: Sendable, Equatable {
    /// The path as text, for messages and display.
    public let url: URL
    /// The absolute path the file operations use, without a terminating NUL.
    public let bytes: [UInt8]

    /// The path of `url`, which is then the same as its text.
    public init(url: URL) {
        self.init(url: url, bytes: Array(url.standardizedFileURL.path.utf8))
    }

    /// `bytes` named `url` in messages; a relative `bytes` is taken from the working directory.
    public init(url: URL, bytes: [UInt8]) {
        self.url = url
        if bytes.first == UInt8(ascii: "/") {
            self.bytes = bytes
        } else {
            self.bytes = Array(FileManager.default.currentDirectoryPath.utf8) + [UInt8(ascii: "/")] + bytes
        }
    }

    /// The bytes of the file's name, without its directory.
    public var fileName: [UInt8] {
        let path = Self.withoutTrailingSlashes(bytes)
        return Array(path[((path.lastIndex(of: UInt8(ascii: "/")) ?? -1) + 1)...])
    }

    /// The same file name with its extension replaced, as `URL.deletingPathExtension().appendingPathExtension(_:)`.
    public func replacingExtension(with fileExtension: String) -> OutputPath {
        let url = url.deletingPathExtension().appendingPathExtension(fileExtension)
        var name = Self.withoutTrailingSlashes(bytes)
        let start = (name.lastIndex(of: UInt8(ascii: "/")) ?? -1) + 1
        if let dot = name[start...].lastIndex(of: UInt8(ascii: ".")), dot > start { name.removeSubrange(dot...) }
        return OutputPath(url: url, bytes: name + [UInt8(ascii: ".")] + Array(fileExtension.utf8))
    }

    /// The directory part of `path` (`/` for a file at the root).
    static func directory(of path: [UInt8]) -> [UInt8] {
        let trimmed = withoutTrailingSlashes(path)
        guard let slash = trimmed.lastIndex(of: UInt8(ascii: "/")) else { return Array(".".utf8) }
        let directory = withoutTrailingSlashes(Array(trimmed[..<slash]))
        return directory.isEmpty ? [UInt8(ascii: "/")] : directory
    }

    /// `path` without a trailing `/` (unless it is the root).
    static func withoutTrailingSlashes(_ path: [UInt8]) -> [UInt8] {
        var path = path
        while path.count > 1, path.last == UInt8(ascii: "/") { path.removeLast() }
        return path
    }

    /// `path` after following every symbolic link at its end, as the kernel would when opening it, or nil when the
    /// links go round (ELOOP). A link to nothing yields the path it names, which may not exist.
    static func followingLinks(_ path: [UInt8]) -> [UInt8]? {
        var path = path
        for _ in 0..<40 {
            var status = stat()
            guard withCPath(path, { lstat($0, &status) }) == 0, status.st_mode & S_IFMT == S_IFLNK else { return path }
            var target = [UInt8](repeating: 0, count: Int(PATH_MAX) + 1)
            let count = withCPath(path) { link in
                target.withUnsafeMutableBufferPointer { buffer in
                    buffer.withMemoryRebound(to: CChar.self) { readlink(link, $0.baseAddress!, $0.count - 1) }
                }
            }
            guard count > 0 else { return path }
            target = Array(target[..<count])
            path = target.first == UInt8(ascii: "/") ? target : directory(of: path) + [UInt8(ascii: "/")] + target
        }
        return nil
    }

    /// Calls `body` with `path` as a NUL-terminated C string.
    static func withCPath<T>(_ path: [UInt8], _ body: (UnsafePointer<CChar>) throws -> T) rethrows -> T {
        try (path + [0]).withUnsafeBufferPointer { buffer in
            try buffer.withMemoryRebound(to: CChar.self) { try body($0.baseAddress!) }
        }
    }

    /// The path as text, invalid UTF-8 shown as U+FFFD.
    static func text(_ path: [UInt8]) -> String { String(decoding: path, as: UTF8.self) }
}
