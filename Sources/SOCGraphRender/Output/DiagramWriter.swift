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
    /// readers see the old file or the new one, never a part; on failure the destination is untouched and no
    /// temporary file is left behind.
    ///
    /// A symbolic link is followed (the file it names is replaced or created, the link kept). A destination that
    /// exists and is a character device or a pipe (`/dev/stdout`, `/dev/null`) is written straight into, never
    /// renamed over; a block device, a socket or a read-only file is refused.
    ///
    /// Throws `SOCGraphError.outputFailed` naming the path and the reason (missing directory, permission…).
    public static func write(_ data: Data, to url: URL) throws {
        try write([(data, OutputPath(url: url))])
    }

    /// Writes each `data` to its path as `write(_:to:)` does, all or nothing: every file is written to a temporary
    /// file before any is renamed into place, so that a failure leaves every destination as it was.
    public static func write(_ files: [(data: Data, path: OutputPath)]) throws {
        try OutputFiles.write(files)
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
}
