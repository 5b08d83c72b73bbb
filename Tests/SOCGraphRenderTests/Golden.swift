import Foundation
import Testing

/// Golden files in `Golden/` next to this file: compared byte for byte, re-recorded only when the
/// environment variable `RECORD_SNAPSHOTS=1` is set; a mismatch records an issue with a line diff.
enum Golden {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Golden", isDirectory: true)

    static var recording: Bool { ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" }

    static func check(_ actual: String, against name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = directory.appendingPathComponent(name)
        if recording {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url, options: .atomic)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("missing golden file Golden/\(name); run with RECORD_SNAPSHOTS=1 to record it",
                         sourceLocation: sourceLocation)
            return
        }
        if actual != expected {
            let report = "Golden/\(name) differs (run with RECORD_SNAPSHOTS=1 to re-record on purpose):\n"
                + diff(expected: expected, actual: actual)
            Issue.record(Comment(rawValue: report), sourceLocation: sourceLocation)
        }
    }

    /// The changed lines, `-` expected and `+` actual, each with its line number.
    static func diff(expected: String, actual: String) -> String {
        let old = expected.components(separatedBy: "\n")
        let new = actual.components(separatedBy: "\n")
        var lines: [String] = []
        for change in new.difference(from: old) {
            switch change {
            case let .remove(offset, line, _): lines.append("-\(offset + 1): \(line)")
            case let .insert(offset, line, _): lines.append("+\(offset + 1): \(line)")
            }
        }
        return lines.prefix(80).joined(separator: "\n") + (lines.count > 80 ? "\n… \(lines.count - 80) more" : "")
    }
}
