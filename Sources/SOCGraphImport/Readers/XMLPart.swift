import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import SOCGraph

/// Runs Foundation's `XMLParser` over one part of an Office Open XML package, with element and attribute names
/// reduced to their local names (`x:row` and `row` alike), and turns a parse failure into a `sourceProblem`.
final class XMLPartParser: NSObject, XMLParserDelegate {
    /// Called for every element start with its local name and attributes keyed by local name.
    var onStart: (_ name: String, _ attributes: [String: String]) -> Void = { _, _ in }
    /// Called for every element end with its local name.
    var onEnd: (_ name: String) -> Void = { _ in }
    /// Called with character data, only while `collectingText` is true.
    var onText: (_ text: String) -> Void = { _ in }
    /// Whether character data is currently wanted; the readers switch it on inside `<v>` and `<t>`.
    var collectingText = false
    /// A problem raised by a callback; parsing stops and `parse` rethrows it.
    var failure: SOCGraphError?

    private let parser: XMLParser

    init(data: Data) {
        // A stream, not `XMLParser(data:)`: given a whole part at once, libxml2's push parser stops with an
        // internal error ("huge input lookup") past 10 MB, which O*NET's larger sheets exceed.
        parser = XMLParser(stream: InputStream(data: data))
        super.init()
        parser.delegate = self
        parser.shouldResolveExternalEntities = false
    }

    /// Parses the whole part; `where` names it in error messages (`occupation.xlsx, xl/workbook.xml`).
    func parse(where place: String) throws {
        let ok = parser.parse()
        if let failure { throw failure }
        if !ok {
            let reason = parser.parserError.map { ($0 as NSError).localizedDescription } ?? "unknown XML error"
            throw SOCGraphError.sourceProblem(
                "\(place): malformed XML at line \(parser.lineNumber): \(reason); is the workbook damaged?")
        }
    }

    /// Stops the parse with `error`, which `parse` then throws.
    func fail(_ error: SOCGraphError) {
        if failure == nil { failure = error }
        parser.abortParsing()
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
    ) {
        var attributes: [String: String] = [:]
        attributes.reserveCapacity(attributeDict.count)
        for (key, value) in attributeDict {
            attributes[Self.localName(key)] = value
        }
        onStart(Self.localName(elementName), attributes)
    }

    func parser(
        _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?
    ) {
        onEnd(Self.localName(elementName))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if collectingText { onText(string) }
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        if collectingText { onText(String(decoding: CDATABlock, as: UTF8.self)) }
    }

    static func localName(_ name: String) -> String {
        guard let colon = name.lastIndex(of: ":") else { return name }
        return String(name[name.index(after: colon)...])
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
