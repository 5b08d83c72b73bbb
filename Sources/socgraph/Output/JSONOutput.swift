import Foundation
import SOCGraph

/// JSON as socgraph writes it: keys sorted, two-space indentation, slashes unescaped, one trailing newline.
enum JSONOutput {
    static func render<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        do {
            return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
        } catch {
            throw SOCGraphError.outputFailed("cannot encode JSON: \(error)")
        }
    }
}

/// TSV as socgraph writes it for query output: a header row, then rows in the given order, fields escaped as in
/// Graph/ files.
enum TSVOutput {
    static func render(header: [String], rows: [[String]]) -> String {
        ([header] + rows).map { $0.map(TSV.escape).joined(separator: "\t") }.joined(separator: "\n") + "\n"
    }
}
