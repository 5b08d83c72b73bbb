import Foundation
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
    /// readers see the old file or the new one, never a part; on failure the destination is untouched.
    ///
    /// Throws `SOCGraphError.outputFailed` naming the path and the reason (missing directory, permission…).
    public static func write(_ data: Data, to url: URL) throws {
        let destination = url.standardizedFileURL
        let directory = destination.deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory) else {
            throw SOCGraphError.outputFailed(
                "cannot write '\(url.path)': the directory '\(directory.path)' does not exist; create it or choose another --out")
        }
        guard isDirectory.boolValue else {
            throw SOCGraphError.outputFailed(
                "cannot write '\(url.path)': '\(directory.path)' is not a directory; choose another --out")
        }
        if FileManager.default.fileExists(atPath: destination.path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw SOCGraphError.outputFailed("cannot write '\(url.path)': it is a directory; give a file name")
        }
        let temporary = directory.appendingPathComponent(".\(destination.lastPathComponent).\(UUID().uuidString).tmp")
        do {
            try data.write(to: temporary, options: .withoutOverwriting)
        } catch {
            throw SOCGraphError.outputFailed("cannot write '\(url.path)': \(reason(error, directory: directory))")
        }
        guard rename(temporary.path, destination.path) == 0 else {
            let code = errno
            try? FileManager.default.removeItem(at: temporary)  // best effort: the temporary file is ours
            throw SOCGraphError.outputFailed("cannot write '\(url.path)': \(String(cString: strerror(code)))")
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
        if let posix = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError, posix.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(posix.code)))
        }
        if !FileManager.default.isWritableFile(atPath: directory.path) {
            return "the directory '\(directory.path)' is not writable"
        }
        return error.localizedDescription
    }
}
