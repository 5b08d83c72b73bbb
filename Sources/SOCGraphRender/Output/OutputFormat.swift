import Foundation
import SOCGraph

/// A file format socgraph renders diagrams to, chosen by name or by the extension of `--out`.
public enum OutputFormat: String, CaseIterable, Sendable {
    case svg
    case png
    case pdf
    /// The DOT text itself, unlaid-out, for editing or rendering with another Graphviz.
    case dot

    /// The format called `name` (`svg`, `PNG`, `.pdf`); nil for any other.
    public init?(name: String) {
        var name = name.lowercased()
        if name.hasPrefix(".") { name.removeFirst() }
        self.init(rawValue: name)
    }

    /// The format of a file named `url`, from its extension.
    ///
    /// Throws `SOCGraphError.invalidInput` naming the accepted extensions when it has none of them.
    public init(fileURL url: URL) throws {
        guard let format = OutputFormat(name: url.pathExtension), !url.pathExtension.isEmpty else {
            let extensions = Self.allCases.map { "." + $0.rawValue }.joined(separator: ", ")
            throw SOCGraphError.invalidInput(
                "cannot tell the diagram format of '\(url.lastPathComponent)': give a file name ending in "
                    + extensions)
        }
        self = format
    }

    public var fileExtension: String { rawValue }

    /// The Graphviz output format and plugin used for this format (`png:cairo`); nil for `.dot`, which is
    /// the DOT text as built.
    var graphvizFormat: String? {
        switch self {
        case .svg: return "svg"
        case .png: return "png:cairo"
        case .pdf: return "pdf:cairo"
        case .dot: return nil
        }
    }
}
