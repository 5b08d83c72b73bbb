import Foundation
import SOCGraph

/// A `MemoDocument` as a Word document (Office Open XML, ISO/IEC 29500 transitional): real heading styles
/// (Heading 1–3, so that Word's navigation pane and table of contents see them), bulleted lists, tables with a
/// repeated header row, links, and the diagram as an inline PNG picture scaled to the text width. US Letter pages
/// with one-inch margins. The package is deterministic: the same memo gives the same bytes.
public enum DOCXWriter {
    /// The parts of the package, in the order they are stored (`[Content_Types].xml` first).
    public static let partNames = [
        "[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "docProps/app.xml", "word/document.xml",
        "word/styles.xml", "word/numbering.xml", "word/_rels/document.xml.rels",
    ]
    /// Where the diagram is stored in the package.
    public static let imagePart = "word/media/diagram.png"

    /// The text width of a page in twips (US Letter, 8.5 in, less two 1-inch margins).
    static let textWidth = 9360
    static let emuPerInch = 914_400.0
    /// The most a picture may take: the text width, and 8 inches of height.
    static let maximumPicture = (width: 6.5, height: 8.0)
    /// The resolution the PNG is assumed to have when placed (the comparison diagram is rendered for 150 dpi).
    static let pictureDPI = 150.0

    /// The .docx bytes of `document`.
    public static func render(_ document: MemoDocument) throws -> Data {
        var body = Body()
        for block in document.blocks { body.add(block) }
        var parts: [(String, Data)] = [
            ("[Content_Types].xml", Data(contentTypes.utf8)),
            ("_rels/.rels", Data(packageRelationships.utf8)),
            ("docProps/core.xml", Data(coreProperties(title: document.title).utf8)),
            ("docProps/app.xml", Data(appProperties.utf8)),
            ("word/document.xml", Data(body.finished.utf8)),
            ("word/styles.xml", Data(styles.utf8)),
            ("word/numbering.xml", Data(numbering.utf8)),
            ("word/_rels/document.xml.rels", Data(body.relationships.utf8)),
        ]
        if let png = body.image { parts.append((imagePart, png)) }
        return try ZIPPackage.data(parts, kind: ".docx package")
    }

    /// The document body as it is built: its XML, the relationships it needs (links, the picture) and the picture.
    struct Body {
        var xml = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" \
            xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" \
            xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" \
            xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" \
            xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><w:body>
            """
        private var links: [String] = []
        var image: Data?

        var relationships: String {
            var out = """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                <Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
                <Relationship Id="rIdNumbering" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>
                """
            if image != nil {
                out += "<Relationship Id=\"rIdDiagram\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                    + "relationships/image\" Target=\"media/diagram.png\"/>"
            }
            for (index, url) in links.enumerated() {
                out += "<Relationship Id=\"rIdLink\(index + 1)\" Type=\"http://schemas.openxmlformats.org/"
                    + "officeDocument/2006/relationships/hyperlink\" Target=\"\(DOCXWriter.escape(url))\" "
                    + "TargetMode=\"External\"/>"
            }
            return out + "</Relationships>"
        }

        mutating func add(_ block: MemoDocument.Block) {
            switch block {
            case let .heading(level, text):
                paragraph(style: "Heading\(min(max(level, 1), 3))", [MemoDocument.Run(text)])
            case let .paragraph(runs):
                paragraph(style: nil, runs)
            case let .note(text):
                paragraph(style: "Note", [MemoDocument.Run(text)])
            case let .bullets(items):
                for runs in items { paragraph(style: "ListParagraph", runs, bullet: true) }
            case let .table(header, rows, labelled):
                table(header: header, rows: rows, labelled: labelled)
            case let .diagram(png, _, caption):
                picture(png, caption: caption)
            }
        }

        private mutating func paragraph(style: String?, _ runs: [MemoDocument.Run], bullet: Bool = false) {
            xml += "<w:p>"
            if style != nil || bullet {
                xml += "<w:pPr>" + (style.map { "<w:pStyle w:val=\"\($0)\"/>" } ?? "")
                    + (bullet ? "<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr>" : "") + "</w:pPr>"
            }
            for run in runs { xml += self.run(run) }
            xml += "</w:p>"
        }

        private mutating func run(_ run: MemoDocument.Run, bold: Bool = false) -> String {
            let properties = run.bold || bold ? "<w:rPr><w:b/></w:rPr>" : ""
            let text = "<w:r>" + properties + "<w:t xml:space=\"preserve\">" + DOCXWriter.escape(run.text) + "</w:t></w:r>"
            guard let url = run.url, url.hasPrefix("https://") || url.hasPrefix("http://") else { return text }
            links.append(url)
            return "<w:hyperlink r:id=\"rIdLink\(links.count)\" w:history=\"1\"><w:r><w:rPr><w:rStyle w:val=\"Hyperlink\"/>"
                + (run.bold ? "<w:b/>" : "") + "</w:rPr><w:t xml:space=\"preserve\">" + DOCXWriter.escape(run.text)
                + "</w:t></w:r></w:hyperlink>"
        }

        private mutating func table(header: [String], rows: [[String]], labelled: Bool) {
            let count = max(header.count, 1)
            // A labelled table gives its label column a little more room.
            let first = labelled && count > 1 ? DOCXWriter.textWidth * 2 / (count + 2) : DOCXWriter.textWidth / count
            let other = count > 1 ? (DOCXWriter.textWidth - first) / (count - 1) : first
            let widths = (0..<count).map { $0 == 0 ? first : other }
            xml += "<w:tbl><w:tblPr><w:tblStyle w:val=\"MemoTable\"/><w:tblW w:w=\"\(DOCXWriter.textWidth)\" "
                + "w:type=\"dxa\"/><w:tblLayout w:type=\"fixed\"/></w:tblPr><w:tblGrid>"
                + widths.map { "<w:gridCol w:w=\"\($0)\"/>" }.joined() + "</w:tblGrid>"
            func row(_ cells: [String], header: Bool) {
                xml += "<w:tr>" + (header ? "<w:trPr><w:tblHeader/></w:trPr>" : "")
                for (index, cell) in cells.enumerated() {
                    let shade = header ? "F1CA73" : (labelled && index == 0 ? "F7F7F7" : nil)
                    xml += "<w:tc><w:tcPr><w:tcW w:w=\"\(widths[min(index, widths.count - 1)])\" w:type=\"dxa\"/>"
                        + (shade.map { "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"\($0)\"/>" } ?? "")
                        + "</w:tcPr><w:p><w:pPr><w:pStyle w:val=\"TableText\"/></w:pPr>"
                        + run(MemoDocument.Run(cell), bold: header) + "</w:p></w:tc>"
                }
                xml += "</w:tr>"
            }
            if header.contains(where: { !$0.isEmpty }) { row(header, header: true) }
            for cells in rows { row(cells + Array(repeating: "", count: max(0, count - cells.count)), header: false) }
            xml += "</w:tbl><w:p/>"
        }

        private mutating func picture(_ png: Data, caption: String) {
            guard image == nil, let (width, height) = DOCXWriter.pixelSize(png) else { return }
            image = png
            var inches = (width: Double(width) / DOCXWriter.pictureDPI, height: Double(height) / DOCXWriter.pictureDPI)
            let scale = min(1, DOCXWriter.maximumPicture.width / inches.width,
                            DOCXWriter.maximumPicture.height / inches.height)
            inches = (inches.width * scale, inches.height * scale)
            let cx = Int(inches.width * DOCXWriter.emuPerInch), cy = Int(inches.height * DOCXWriter.emuPerInch)
            let description = DOCXWriter.escape(caption)
            xml += "<w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr><w:r><w:drawing><wp:inline distT=\"0\" distB=\"0\" "
                + "distL=\"0\" distR=\"0\"><wp:extent cx=\"\(cx)\" cy=\"\(cy)\"/><wp:docPr id=\"1\" name=\"Diagram\" "
                + "descr=\"\(description)\"/><wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect=\"1\"/>"
                + "</wp:cNvGraphicFramePr><a:graphic><a:graphicData "
                + "uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><pic:pic><pic:nvPicPr>"
                + "<pic:cNvPr id=\"0\" name=\"diagram.png\" descr=\"\(description)\"/><pic:cNvPicPr/></pic:nvPicPr>"
                + "<pic:blipFill><a:blip r:embed=\"rIdDiagram\"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>"
                + "<pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"\(cx)\" cy=\"\(cy)\"/></a:xfrm>"
                + "<a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic>"
                + "</wp:inline></w:drawing></w:r></w:p>"
            paragraph(style: "Caption", [MemoDocument.Run(caption)])
        }

        /// The finished document.xml.
        var finished: String {
            xml + "<w:sectPr><w:pgSz w:w=\"12240\" w:h=\"15840\"/><w:pgMar w:top=\"1440\" w:right=\"1440\" "
                + "w:bottom=\"1440\" w:left=\"1440\" w:header=\"720\" w:footer=\"720\" w:gutter=\"0\"/></w:sectPr>"
                + "</w:body></w:document>"
        }
    }

    /// The width and height of a PNG, from its IHDR chunk; nil for bytes that are not a PNG.
    static func pixelSize(_ png: Data) -> (Int, Int)? {
        let bytes = [UInt8](png.prefix(24))
        guard bytes.count == 24, bytes[0..<8] == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A],
              bytes[12..<16] == [0x49, 0x48, 0x44, 0x52] else { return nil }
        func number(_ start: Int) -> Int { bytes[start..<start + 4].reduce(0) { $0 << 8 | Int($1) } }
        return (number(16), number(20))
    }

    /// `text` as XML character data or attribute value: the rule of the HTML memo and DOT labels
    /// (`DOTSyntax.html`), which also drops the characters XML 1.0 does not allow.
    static func escape(_ text: String) -> String { DOTSyntax.html(text) }

    static let contentTypes = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
        <Default Extension="xml" ContentType="application/xml"/>\
        <Default Extension="png" ContentType="image/png"/>\
        <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\
        <Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>\
        <Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>\
        <Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>\
        <Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>\
        </Types>
        """

    static let packageRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>\
        <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>\
        <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>\
        </Relationships>
        """

    static func coreProperties(title: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
        xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>\(escape(title))</dc:title>\
        <dc:creator>socgraph</dc:creator></cp:coreProperties>
        """
    }

    static let appProperties = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">\
        <Application>socgraph</Application></Properties>
        """

    static let numbering = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">\
        <w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="singleLevel"/>\
        <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/><w:lvlJc w:val="left"/>\
        <w:pPr><w:ind w:left="360" w:hanging="360"/></w:pPr></w:lvl></w:abstractNum>\
        <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>
        """

    static let styles = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">\
        <w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:eastAsia="Calibri" \
        w:cs="Calibri"/><w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="en-US"/></w:rPr></w:rPrDefault>\
        <w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault>\
        </w:docDefaults>\
        <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>\
        <w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/>\
        <w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="240" w:after="120"/>\
        <w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="32"/><w:szCs w:val="32"/></w:rPr></w:style>\
        <w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/>\
        <w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="240" w:after="80"/>\
        <w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/><w:sz w:val="26"/><w:szCs w:val="26"/></w:rPr></w:style>\
        <w:style w:type="paragraph" w:styleId="Heading3"><w:name w:val="heading 3"/><w:basedOn w:val="Normal"/>\
        <w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="160" w:after="60"/>\
        <w:outlineLvl w:val="2"/></w:pPr><w:rPr><w:b/><w:sz w:val="23"/><w:szCs w:val="23"/></w:rPr></w:style>\
        <w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/>\
        <w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:after="60"/><w:ind w:left="360"/></w:pPr></w:style>\
        <w:style w:type="paragraph" w:styleId="Note"><w:name w:val="Note"/><w:basedOn w:val="Normal"/>\
        <w:rPr><w:i/><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr></w:style>\
        <w:style w:type="paragraph" w:styleId="Caption"><w:name w:val="caption"/><w:basedOn w:val="Normal"/>\
        <w:qFormat/><w:pPr><w:jc w:val="center"/></w:pPr><w:rPr><w:i/><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr></w:style>\
        <w:style w:type="paragraph" w:styleId="TableText"><w:name w:val="Table Text"/><w:basedOn w:val="Normal"/>\
        <w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:rPr><w:sz w:val="18"/>\
        <w:szCs w:val="18"/></w:rPr></w:style>\
        <w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/><w:rPr><w:color w:val="0563C1"/>\
        <w:u w:val="single"/></w:rPr></w:style>\
        <w:style w:type="table" w:styleId="MemoTable"><w:name w:val="Memo Table"/><w:tblPr><w:tblBorders>\
        <w:top w:val="single" w:sz="4" w:space="0" w:color="B3B3B3"/><w:left w:val="single" w:sz="4" w:space="0" w:color="B3B3B3"/>\
        <w:bottom w:val="single" w:sz="4" w:space="0" w:color="B3B3B3"/><w:right w:val="single" w:sz="4" w:space="0" w:color="B3B3B3"/>\
        <w:insideH w:val="single" w:sz="4" w:space="0" w:color="B3B3B3"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="B3B3B3"/>\
        </w:tblBorders><w:tblCellMar><w:top w:w="40" w:type="dxa"/><w:left w:w="80" w:type="dxa"/>\
        <w:bottom w:w="40" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>\
        </w:styles>
        """
}
