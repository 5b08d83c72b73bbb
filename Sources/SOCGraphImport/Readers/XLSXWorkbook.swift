import Foundation
import SOCGraph
import ZIPFoundation

/// An .xlsx workbook opened for reading: its sheets in workbook order and its shared strings.
///
/// Sheets are read on demand with `sheet(named:)` or `sheet(at:)`; each call parses the sheet's XML again.
public struct XLSXWorkbook {
    /// The file name used in messages (the last path component of the URL).
    public let file: String
    private let archive: Archive
    private let sheetParts: [(name: String, path: String)]
    private let sharedStrings: [String]

    /// Opens the workbook at `url`; throws `sourceProblem` when the file is missing or is not an xlsx workbook.
    public init(url: URL) throws {
        let file = url.lastPathComponent
        self.file = file
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue
        else {
            throw SOCGraphError.sourceProblem("\(file): missing file (looked for \(url.path))")
        }
        guard FileManager.default.isReadableFile(atPath: url.path) else {
            throw SOCGraphError.sourceProblem("\(file): cannot read the file (permission denied at \(url.path))")
        }
        let archive: Archive
        do {
            archive = try Archive(url: url, accessMode: .read)
        } catch {
            throw SOCGraphError.sourceProblem(
                "\(file): not an xlsx workbook (not a zip archive); download the original file again")
        }
        self.archive = archive

        let workbookPath = try Self.officeDocumentPath(in: archive, file: file)
        guard archive[workbookPath] != nil else {
            throw SOCGraphError.sourceProblem(
                "\(file): not an xlsx workbook (no \(workbookPath)); download the original file again")
        }
        let relationships = try Self.relationships(of: workbookPath, in: archive, file: file)
        let workbookReader = WorkbookReader(
            problem: "\(file): not an xlsx workbook (a sheet in \(workbookPath) lacks a name or r:id)")
        try workbookReader.parse(Self.read(workbookPath, in: archive, file: file), where: "\(file), \(workbookPath)")
        sheetParts = try workbookReader.sheets.map { sheet in
            guard let relationship = relationships.first(where: { $0.id == sheet.relationshipID }) else {
                throw SOCGraphError.sourceProblem(
                    "\(file): not an xlsx workbook (sheet '\(sheet.name)' has no relationship "
                        + "'\(sheet.relationshipID)' in \(Self.relationshipsPath(of: workbookPath)))")
            }
            return (sheet.name, relationship.target)
        }
        if let sharedStringsPath = relationships.first(where: { $0.type.hasSuffix("/sharedStrings") })?.target {
            let reader = SharedStringsReader()
            try reader.parse(
                Self.read(sharedStringsPath, in: archive, file: file), where: "\(file), \(sharedStringsPath)")
            sharedStrings = reader.strings
        } else {
            sharedStrings = []
        }
    }

    /// The sheet names in workbook order (the order of the tabs in Excel).
    public var sheetNames: [String] { sheetParts.map(\.name) }

    /// Reads the sheet called `name` (exact match); the error for a wrong name lists the available sheets.
    public func sheet(named name: String) throws -> XLSXSheet {
        guard let index = sheetParts.firstIndex(where: { $0.name == name }) else {
            let available = sheetNames.map { "'\($0)'" }.joined(separator: ", ")
            throw SOCGraphError.sourceProblem(
                "\(file): no sheet '\(name)'; the workbook has \(available); is this the right edition of the file?")
        }
        return try sheet(at: index)
    }

    /// Reads the sheet at `index` (0-based, workbook order).
    public func sheet(at index: Int) throws -> XLSXSheet {
        guard sheetParts.indices.contains(index) else {
            throw SOCGraphError.sourceProblem(
                "\(file): no sheet number \(index + 1); the workbook has \(sheetParts.count) sheet(s)")
        }
        let part = sheetParts[index]
        let data = try Self.read(part.path, in: archive, file: file)
        return try XLSXSheet(file: file, name: part.name, xml: data, sharedStrings: sharedStrings)
    }

    // MARK: - Package parts

    /// The uncompressed bytes of the part at `path`; a missing or unreadable part is a `sourceProblem`.
    static func read(_ path: String, in archive: Archive, file: String) throws -> Data {
        guard let entry = archive[path] else {
            throw SOCGraphError.sourceProblem(
                "\(file): not an xlsx workbook (no part \(path)); download the original file again")
        }
        var data = Data()
        data.reserveCapacity(Int(clamping: entry.uncompressedSize))
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in data.append(chunk) }
        } catch {
            throw SOCGraphError.sourceProblem(
                "\(file): cannot read \(path) (\(error)); the file is damaged, download it again")
        }
        return data
    }

    /// The workbook part named by the package relationships (`_rels/.rels`), `xl/workbook.xml` when absent.
    private static func officeDocumentPath(in archive: Archive, file: String) throws -> String {
        guard archive["_rels/.rels"] != nil else { return "xl/workbook.xml" }
        let relationships = try relationships(of: "", in: archive, file: file)
        return relationships.first(where: { $0.type.hasSuffix("/officeDocument") })?.target ?? "xl/workbook.xml"
    }

    /// `xl/workbook.xml` -> `xl/_rels/workbook.xml.rels`; the package itself ("") -> `_rels/.rels`.
    static func relationshipsPath(of part: String) -> String {
        let (folder, name) = split(part)
        return (folder.isEmpty ? "" : folder + "/") + "_rels/" + name + ".rels"
    }

    /// The internal relationships of `part`, their targets resolved against the part's folder.
    static func relationships(of part: String, in archive: Archive, file: String) throws
        -> [RelationshipsReader.Relationship]
    {
        let path = relationshipsPath(of: part)
        guard archive[path] != nil else { return [] }
        let reader = RelationshipsReader(folder: split(part).folder)
        try reader.parse(read(path, in: archive, file: file), where: "\(file), \(path)")
        return reader.relationships
    }

    private static func split(_ path: String) -> (folder: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return ("", path) }
        return (String(path[..<slash]), String(path[path.index(after: slash)...]))
    }
}
