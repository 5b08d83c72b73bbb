import Foundation
import SOCGraph

/// The folder of official files being imported (`socgraph import --from DIR`): opens each file in its published
/// format, with one clear error when a file is missing.
public struct SourceDirectory: Sendable {
    public let root: URL

    public init(root: URL) {
        self.root = root
    }

    /// The location of `file` inside the directory.
    public func url(of file: OfficialFile) -> URL {
        file.path.split(separator: "/").reduce(root) { $0.appendingPathComponent(String($1)) }
    }

    /// The file's bytes; a missing or unreadable file is a `sourceProblem` saying where to get it.
    public func bytes(of file: OfficialFile) throws -> Data {
        let url = try existing(file)
        do {
            return try Data(contentsOf: url)
        } catch {
            throw SOCGraphError.sourceProblem("\(file.path): cannot read the file (\(error.localizedDescription))")
        }
    }

    /// The file as UTF-8 text (a byte order mark is dropped by the readers, not here).
    public func text(of file: OfficialFile) throws -> String {
        let data = try bytes(of: file)
        guard let text = String(data: data, encoding: .utf8) else {
            throw SOCGraphError.sourceProblem(
                "\(file.path): not UTF-8 text; download the original file again from \(file.url)")
        }
        return text
    }

    /// The file opened as an xlsx workbook.
    public func workbook(_ file: OfficialFile) throws -> XLSXWorkbook {
        try XLSXWorkbook(url: existing(file))
    }

    /// The file read as comma-separated values.
    public func csv(_ file: OfficialFile) throws -> CSVFile {
        try CSVFile(text: text(of: file), file: fileName(file))
    }

    /// The file read as tab-separated values.
    public func tsv(_ file: OfficialFile) throws -> SourceTSV {
        try SourceTSV(text: text(of: file), file: fileName(file))
    }

    /// The name used in messages: the file's last path component, as the readers use it.
    func fileName(_ file: OfficialFile) -> String {
        String(file.path.split(separator: "/").last ?? Substring(file.path))
    }

    private func existing(_ file: OfficialFile) throws -> URL {
        let url = url(of: file)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue
        else {
            throw SOCGraphError.sourceProblem(
                "missing official file '\(file.path)' in \(root.path) (\(file.title), \(file.vintage)); "
                    + "download it from \(file.url)")
        }
        return url
    }
}
