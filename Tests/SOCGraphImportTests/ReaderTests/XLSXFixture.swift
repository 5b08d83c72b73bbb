import Foundation
import ZIPFoundation

/// Builds small .xlsx workbooks for the reader tests from their XML parts, in a temporary folder removed on
/// `remove()`.
struct XLSXFixture {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("socgraph-reader-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    func remove() {
        try? FileManager.default.removeItem(at: folder)
    }

    /// Writes a zip archive named `name` holding `parts` (path inside the package -> XML text).
    @discardableResult
    func zip(_ name: String, _ parts: [String: String]) throws -> URL {
        let url = folder.appendingPathComponent(name)
        let archive = try Archive(url: url, accessMode: .create)
        for (path, text) in parts.sorted(by: { $0.key < $1.key }) {
            let data = Data(text.utf8)
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate,
                provider: { position, size in data.subdata(in: Int(position)..<Int(position) + size) })
        }
        return url
    }

    /// Writes a plain file.
    @discardableResult
    func file(_ name: String, _ text: String) throws -> URL {
        let url = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url
    }

    static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let packageRelationshipNamespace = "http://schemas.openxmlformats.org/package/2006/relationships"

    /// The parts every workbook needs besides its sheets: content types, package relationships, the workbook
    /// with `sheets` (name, relationship id) and its relationships `targets` (id -> (type, target)).
    static func workbookParts(
        sheets: [(name: String, id: String)], targets: [String: (type: String, target: String)]
    ) -> [String: String] {
        let sheetElements = sheets.enumerated().map { index, sheet in
            "<sheet name=\"\(sheet.name)\" sheetId=\"\(index + 7)\" r:id=\"\(sheet.id)\"/>"
        }.joined()
        let relationships = targets.sorted(by: { $0.key < $1.key }).map { id, target in
            "<Relationship Id=\"\(id)\" Type=\"\(relationshipNamespace)/\(target.type)\" Target=\"\(target.target)\"/>"
        }.joined()
        return [
            "[Content_Types].xml": """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
                <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
                <Default Extension="xml" ContentType="application/xml"/></Types>
                """,
            "_rels/.rels": """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="\(packageRelationshipNamespace)">\
                <Relationship Id="rId1" Type="\(relationshipNamespace)/officeDocument" Target="xl/workbook.xml"/>\
                </Relationships>
                """,
            "xl/workbook.xml": """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <workbook xmlns="\(mainNamespace)" xmlns:r="\(relationshipNamespace)">\
                <bookViews><workbookView/></bookViews><sheets>\(sheetElements)</sheets></workbook>
                """,
            "xl/_rels/workbook.xml.rels": """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="\(packageRelationshipNamespace)">\(relationships)</Relationships>
                """,
        ]
    }

    /// A worksheet part around `rows` (the XML inside `<sheetData>`).
    static func worksheet(_ rows: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <worksheet xmlns="\(mainNamespace)" xmlns:r="\(relationshipNamespace)" \
        xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac">\
        <dimension ref="A1:F9"/><sheetData>\(rows)</sheetData>\
        <headerFooter><oddFooter>&amp;L&amp;"Times New Roman,Regular"Page &amp;P</oddFooter></headerFooter>\
        </worksheet>
        """
    }
}
