import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import SOCGraph

/// Reads one XML part of an Office Open XML package with Foundation's `XMLParser`. Subclasses override
/// `start(_:_:)` and `end(_:)`, which receive local names (`x:row` and `row` alike; attributes too), and switch
/// `collectingText` on where they want character data gathered into `text`.
class XMLPartReader: NSObject, XMLParserDelegate {
    /// Whether character data is currently appended to `text`.
    final var collectingText = false
    /// The character data gathered while `collectingText` was on; subclasses clear it.
    final var text = ""
    /// A problem raised by a subclass; parsing stops and `parse` throws it.
    private final var failure: SOCGraphError?
    private final var parser: XMLParser?

    /// Called for every element start.
    func start(_ name: String, _ attributes: [String: String]) {}

    /// Called for every element end.
    func end(_ name: String) {}

    /// Parses `data`; `place` names the part in error messages (`occupation.xlsx, xl/workbook.xml`).
    final func parse(_ data: Data, where place: String) throws {
        // A stream, not `XMLParser(data:)`: given a whole part at once, libxml2's push parser stops with an
        // internal error ("huge input lookup") past 10 MB, which O*NET's larger sheets exceed.
        let parser = XMLParser(stream: InputStream(data: data))
        parser.shouldResolveExternalEntities = false
        parser.delegate = self
        self.parser = parser
        defer {
            parser.delegate = nil
            self.parser = nil
        }
        let ok = parser.parse()
        if let failure { throw failure }
        if !ok {
            let reason = parser.parserError.map { ($0 as NSError).localizedDescription } ?? "unknown XML error"
            throw SOCGraphError.sourceProblem(
                "\(place): malformed XML at line \(parser.lineNumber): \(reason); is the workbook damaged?")
        }
    }

    /// Stops the parse with `error`, which `parse` then throws.
    final func fail(_ error: SOCGraphError) {
        if failure == nil { failure = error }
        parser?.abortParsing()
    }

    final func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
    ) {
        guard attributeDict.keys.contains(where: Self.hasPrefix) else {
            start(Self.localName(elementName), attributeDict)
            return
        }
        var attributes: [String: String] = [:]
        attributes.reserveCapacity(attributeDict.count)
        for (key, value) in attributeDict {
            attributes[Self.localName(key)] = value
        }
        start(Self.localName(elementName), attributes)
    }

    final func parser(
        _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?
    ) {
        end(Self.localName(elementName))
    }

    final func parser(_ parser: XMLParser, foundCharacters string: String) {
        if collectingText { text += string }
    }

    final func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        if collectingText { text += String(decoding: CDATABlock, as: UTF8.self) }
    }

    static func localName(_ name: String) -> String {
        guard hasPrefix(name), let colon = name.lastIndex(of: ":") else { return name }
        return String(name[name.index(after: colon)...])
    }

    /// Whether a name carries a namespace prefix (`x14ac:dyDescent`).
    static func hasPrefix(_ name: String) -> Bool {
        name.utf8.contains(UInt8(ascii: ":"))
    }
}

extension String {
    /// Decodes the `_xHHHH_` escapes Office Open XML uses for characters XML cannot carry (`_x000D_` is a
    /// carriage return; `_x005F_` escapes a literal underscore).
    var decodingOOXMLEscapes: String {
        guard contains("_x") else { return self }
        var result = ""
        var rest = self[...]
        while let start = rest.range(of: "_x") {
            let hexStart = start.upperBound
            guard let hexEnd = rest.index(hexStart, offsetBy: 4, limitedBy: rest.endIndex),
                hexEnd < rest.endIndex, rest[hexEnd] == "_",
                let code = UInt32(rest[hexStart..<hexEnd], radix: 16), let scalar = Unicode.Scalar(code)
            else {
                result += rest[..<hexStart]
                rest = rest[hexStart...]
                continue
            }
            result += rest[..<start.lowerBound]
            result.unicodeScalars.append(scalar)
            rest = rest[rest.index(after: hexEnd)...]
        }
        result += rest
        return result
    }
}
