import ArgumentParser
import Foundation
import SOCGraph

/// `socgraph diff OLD NEW [CODE…]`: what changed between two graphs for the codes a petition may cite.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show what changed between two graphs for the codes a petition may cite.",
        discussion: """
            Compares two Graph/ directories (as 'socgraph import' writes them, say one built from O*NET 29.3 and \
            one from O*NET 30.2) and lists, per SOC detailed code, what changed: SOC title, BLS typical entry \
            education, O*NET Job Zone, related occupations added and removed, national-interest alignments \
            added, removed or changed in strength, STEM and Schedule A designations, and the OEWS annual median \
            wage. The table starts with the data vintages of both graphs and a summary: how many detailed codes \
            were compared, how many changed in each respect, and which codes only one graph has.

            CODE restricts the report: a detailed code, an O*NET specialty (its detailed code) or a SOC group (every \
            detailed code under it), as for 'show'; it must name an occupation in either graph.

            Exit status: 0 when the comparison ran, whether or not anything changed (the report says "No \
            differences."; scripts read summary.changed in the JSON); 2 for a directory that does not exist or an \
            unknown code; 3 when either graph is damaged (the message says which).
            """
    )

    @Argument(help: ArgumentHelp("The earlier Graph/ directory.", valueName: "old"), completion: .directory)
    var old: String

    @Argument(help: ArgumentHelp("The later Graph/ directory.", valueName: "new"), completion: .directory)
    var new: String

    @Argument(help: ArgumentHelp("Only these occupations (default: every detailed code).", valueName: "code"))
    var codes: [String] = []

    @OptionGroup var formatOptions: FormatOptions

    func validate() throws {
        for (role, directory) in [("old", old), ("new", new)] {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) else {
                throw ValidationError("\(role) graph directory \(SOCGraphError.quoted(directory)) not found")
            }
            guard isDirectory.boolValue else {
                throw ValidationError("\(role) graph \(SOCGraphError.quoted(directory)) is not a directory")
            }
        }
    }

    /// The report; a damaged graph throws `SOCGraphError.damagedGraphIn` naming it.
    func report() throws -> GraphDiff {
        let oldGraph = try Self.load(old, role: "old")
        let newGraph = try Self.load(new, role: "new")
        let selected = codes.isEmpty ? nil
            : try GraphDiff.detailedCodes(named: codes, old: oldGraph, new: newGraph)
        return GraphDiff(old: oldGraph, new: newGraph, oldLabel: old, newLabel: new, codes: selected)
    }

    /// The graph in `directory` as every command loads it (once per process).
    private static func load(_ directory: String, role: String) throws -> KnowledgeGraph {
        do {
            return try LoadedGraphs.shared.graph(directory: URL(fileURLWithPath: directory))
        } catch let SOCGraphError.damagedGraph(diagnostics) {
            throw SOCGraphError.damagedGraphIn(role: role, directory: directory, diagnostics)
        }
    }

    func run() throws {
        let diff = try report()
        switch formatOptions.format {
        case .json: try Terminal.write(try JSONOutput.render(diff))
        case .tsv: try Terminal.write(DiffOutput.tsv(diff))
        case .table: try Terminal.write(DiffOutput.table(diff, width: Terminal.width, style: .current))
        }
    }
}
