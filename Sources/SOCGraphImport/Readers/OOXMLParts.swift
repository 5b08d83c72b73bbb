import Foundation
import SOCGraph

/// The `<Relationship>` entries of a `.rels` part (external targets left out).
final class RelationshipsReader: XMLPartReader {
    struct Relationship {
        var id: String
        var type: String
        /// The target as a path inside the package, without a leading slash.
        var target: String
    }

    private let folder: String
    private(set) var relationships: [Relationship] = []

    /// `folder` is the folder of the part the relationships belong to; relative targets resolve against it.
    init(folder: String) {
        self.folder = folder
    }

    override func start(_ name: String, _ attributes: [String: String]) {
        guard name == "Relationship", attributes["TargetMode"] != "External",
            let id = attributes["Id"], let type = attributes["Type"], let target = attributes["Target"]
        else { return }
        relationships.append(Relationship(id: id, type: type, target: Self.resolve(target, from: folder)))
    }

    /// Resolves a relationship target: absolute (`/xl/worksheets/sheet1.xml`) or relative to `folder`,
    /// with `.` and `..` segments removed.
    static func resolve(_ target: String, from folder: String) -> String {
        let joined = target.hasPrefix("/") ? target : folder + "/" + target
        var segments: [Substring] = []
        for segment in joined.split(separator: "/", omittingEmptySubsequences: true) {
            switch segment {
            case ".": continue
            case "..": if !segments.isEmpty { segments.removeLast() }
            default: segments.append(segment)
            }
        }
        return segments.joined(separator: "/")
    }
}

/// The `<sheet>` entries of the workbook part: name and relationship id, in workbook order.
final class WorkbookReader: XMLPartReader {
    private let problem: String
    private(set) var sheets: [(name: String, relationshipID: String)] = []

    /// `problem` is the message for a sheet entry without a name or relationship id.
    init(problem: String) {
        self.problem = problem
    }

    override func start(_ name: String, _ attributes: [String: String]) {
        guard name == "sheet" else { return }
        guard let sheetName = attributes["name"], let id = attributes["id"] else {
            fail(.sourceProblem(problem))
            return
        }
        sheets.append((sheetName, id))
    }
}

/// The shared string table: each `<si>` is the concatenation of its `<t>` runs (rich text `<r>` included),
/// leaving out phonetic guides (`<rPh>`).
final class SharedStringsReader: XMLPartReader {
    private(set) var strings: [String] = []
    private var phoneticDepth = 0

    override func start(_ name: String, _ attributes: [String: String]) {
        switch name {
        case "si":
            text = ""
            phoneticDepth = 0
        case "rPh":
            phoneticDepth += 1
        case "t":
            collectingText = phoneticDepth == 0
        case "sst":
            if let count = attributes["uniqueCount"].flatMap(Int.init), count < 10_000_000 {
                strings.reserveCapacity(count)
            }
        default:
            break
        }
    }

    override func end(_ name: String) {
        switch name {
        case "si": strings.append(text.decodingOOXMLEscapes)
        case "rPh": phoneticDepth -= 1
        case "t": collectingText = false
        default: break
        }
    }
}
