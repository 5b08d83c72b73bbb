import Foundation
import Testing

extension CLIResult {
    /// Lines of stdout, without the final empty one.
    var lines: [Substring] { stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast() }

    /// stdout parsed as JSON.
    func json() throws -> Any { try JSONSerialization.jsonObject(with: Data(stdout.utf8)) }

    /// stdout as TSV rows.
    var rows: [[Substring]] { stdout.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false) } }

    /// A failure: nothing on stdout and exactly one `socgraph: error:` line on stderr.
    func expectOneLineError(status: Int32, containing parts: [String],
                            sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(self.status == status, "\(stderr)", sourceLocation: sourceLocation)
        #expect(stdout == "", sourceLocation: sourceLocation)
        #expect(stderr.hasPrefix("socgraph: error: "), "\(stderr)", sourceLocation: sourceLocation)
        #expect(stderr.filter { $0 == "\n" }.count == 1, "\(stderr)", sourceLocation: sourceLocation)
        for part in parts { #expect(stderr.contains(part), "\(stderr)", sourceLocation: sourceLocation) }
    }

    /// A table: success, no colour on a pipe, no line wider than `width`, data vintages at the foot.
    func expectTable(width: Int = 80, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(status == 0, "\(stderr)", sourceLocation: sourceLocation)
        #expect(lines.allSatisfy { $0.count <= width }, "a line is wider than \(width) columns",
                sourceLocation: sourceLocation)
        #expect(!stdout.contains("\u{1B}["), "colour codes on a pipe", sourceLocation: sourceLocation)
        #expect(stdout.contains("Sources:"), sourceLocation: sourceLocation)
        #expect(stdout.contains("O*NET 30.2 (CC BY 4.0)"), sourceLocation: sourceLocation)
    }
}
