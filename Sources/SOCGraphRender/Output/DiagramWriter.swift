import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import SOCGraph

/// Writes rendered diagrams to files atomically, and names them when the user gave no `--out`.
public enum DiagramWriter {
    /// Where diagrams go by default, relative to the working directory.
    public static let defaultDirectory = "Output"

    /// Renders `diagram` in the format named by the extension of `url` and writes it there atomically.
    ///
    /// Throws `SOCGraphError.invalidInput` for an unknown extension or a diagram over the limits,
    /// `SOCGraphError.outputFailed` when Graphviz or the write fails; the destination is then untouched.
    public static func render(
        _ diagram: Diagram, to url: URL, builder: DOTBuilder = DOTBuilder(), renderer: GraphvizRenderer = GraphvizRenderer()
    ) throws {
        let format = try OutputFormat(fileURL: url)
        try write(renderer.render(diagram, format: format, builder: builder), to: url)
    }

    /// Writes `data` to `url` through a temporary file in the same directory, renamed over the destination:
    /// readers see the old file or the new one, never a part; on failure the destination is untouched and no
    /// temporary file is left behind.
    ///
    /// A symbolic link is followed (the file it names is replaced, the link kept). A destination that exists and
    /// is a character device or a pipe (`/dev/stdout`, `/dev/null`) is written straight into, never renamed over;
    /// a block device or a socket is refused.
    ///
    /// Throws `SOCGraphError.outputFailed` naming the path and the reason (missing directory, permission…).
    public static func write(_ data: Data, to url: URL) throws {
        var destination = url.standardizedFileURL
        var status = stat()
        if stat(destination.path, &status) == 0 {
            switch status.st_mode & S_IFMT {
            case S_IFREG:
                var link = stat()
                if lstat(destination.path, &link) == 0, link.st_mode & S_IFMT == S_IFLNK,
                   let resolved = realpath(destination.path, nil) {
                    destination = URL(fileURLWithPath: String(cString: resolved))
                    free(resolved)
                }
            case S_IFDIR:
                throw SOCGraphError.outputFailed("cannot write '\(url.path)': it is a directory; give a file name")
            case S_IFCHR, S_IFIFO:
                return try stream(data, to: url)
            default:
                throw SOCGraphError.outputFailed(
                    "cannot write '\(url.path)': it is not a regular file, a pipe or a terminal; give a file name")
            }
        }
        let directory = destination.deletingLastPathComponent()
        guard let isDirectory = FileManager.default.isDirectory(atPath: directory.path) else {
            throw SOCGraphError.outputFailed(
                "cannot write '\(url.path)': the directory '\(directory.path)' does not exist; create it or choose another --out")
        }
        guard isDirectory else {
            throw SOCGraphError.outputFailed(
                "cannot write '\(url.path)': '\(directory.path)' is not a directory; choose another --out")
        }
        let temporary = directory.appendingPathComponent(".\(destination.lastPathComponent).\(UUID().uuidString).tmp")
        do {
            try data.write(to: temporary, options: .withoutOverwriting)
        } catch {
            // The name is unique to this call, so whatever is there is a part written before the failure.
            try? FileManager.default.removeItem(at: temporary)
            throw SOCGraphError.outputFailed("cannot write '\(url.path)': \(reason(error, directory: directory))")
        }
        guard rename(temporary.path, destination.path) == 0 else {
            let code = errno
            try? FileManager.default.removeItem(at: temporary)  // best effort: the temporary file is ours
            throw SOCGraphError.outputFailed("cannot write '\(url.path)': \(String(cString: strerror(code)))")
        }
    }

    /// Writes `data` into an existing character device or pipe, which cannot be replaced atomically.
    private static func stream(_ data: Data, to url: URL) throws {
        do {
            let handle = try FileHandle(forWritingTo: url)
            defer { try? handle.close() }
            try handle.write(contentsOf: data)
        } catch {
            throw SOCGraphError.outputFailed(
                "cannot write '\(url.path)': \(SystemError.reason(of: error) ?? "\(error)")")
        }
    }

    /// The file name for a diagram of `codes` made by `command`: `compare-15-1221-15-1252-15-2051.svg`.
    ///
    /// Codes are sorted and deduplicated, so the same comparison always gets the same name; characters
    /// other than letters, digits, `.` and `-` become `-`; past eight codes the name ends `-and-N-more`.
    public static func defaultFileName(command: String, codes: [String], format: OutputFormat) -> String {
        let cleaned = Set(codes.map(safe).filter { !$0.isEmpty }).sorted()
        var parts = [safe(command)] + cleaned.prefix(8)
        if cleaned.count > 8 { parts.append("and-\(cleaned.count - 8)-more") }
        return parts.filter { !$0.isEmpty }.joined(separator: "-") + "." + format.fileExtension
    }

    /// `Output/<defaultFileName>` relative to `base` (the working directory by default).
    public static func defaultURL(
        command: String, codes: [String], format: OutputFormat,
        base: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
    ) -> URL {
        base.appendingPathComponent(defaultDirectory, isDirectory: true)
            .appendingPathComponent(defaultFileName(command: command, codes: codes, format: format))
    }

    private static func safe(_ text: String) -> String {
        let mapped = text.unicodeScalars.map { scalar -> Character in
            let allowed = ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
                || scalar == "." || scalar == "-"
            return allowed ? Character(scalar) : "-"
        }
        return String(mapped).split(separator: "-", omittingEmptySubsequences: true).joined(separator: "-")
    }

    private static func reason(_ error: Error, directory: URL) -> String {
        if !FileManager.default.isWritableFile(atPath: directory.path) {
            return "the directory '\(directory.path)' is not writable"
        }
        if let error = error as? CocoaError {
            switch error.code {
            case .fileNoSuchFile, .fileWriteNoPermission, .fileWriteInvalidFileName:
                return "no file can be created in '\(directory.path)'; choose another --out"
            case .fileWriteOutOfSpace: return "no space left on the device"
            case .fileWriteVolumeReadOnly: return "the file system is read-only"
            default: break
            }
        }
        return String(describing: error)
    }
}
