import ArgumentParser
import Foundation
import SOCGraph
import SOCGraphImport

/// `socgraph text [--from DIR | --mirror URL]`: obtains the official files that carry prose and builds Graph/text/.
struct TextCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "text",
        abstract: "Get the SOC definitions and O*NET tasks into Graph/text/ (not committed).",
        discussion: """
            Downloads the four official files that carry prose (BLS: 2018 SOC structure and definitions; O*NET: \
            Task Statements, Tasks to DWAs, DWA Reference) from the addresses in Graph/manifest.tsv, checks each \
            against the sha256 the manifest pins, and replaces Graph/text/ as a whole. --from DIR reads files you \
            downloaded yourself (at their manifest path under DIR, or directly inside it); --mirror URL fetches \
            each from URL/<its manifest path>. With the text present, show, compare, memo and fit print the \
            definition and tasks, and search reads them. O*NET data: CC BY 4.0, National Center for O*NET \
            Development for USDOL/ETA.
            Exit status: 3 a file is not the one the manifest pins (text/ unchanged), 5 a download failed \
            (text/ unchanged), 4 text/ could not be written.
            """
    )

    @Option(name: .customLong("from"), help: ArgumentHelp("A folder of the files, downloaded by hand.", valueName: "DIR"),
            completion: .directory)
    var from: String?

    @Option(name: .customLong("mirror"), help: ArgumentHelp(
        "A mirror of the official files, laid out as the manifest's paths.", valueName: "URL"))
    var mirror: String?

    @Flag(name: .customLong("quiet"), help: "Print nothing on success.")
    var quiet = false

    @OptionGroup var graphOptions: GraphOptions

    func validate() throws {
        if from != nil, mirror != nil { throw ValidationError("give --from or --mirror, not both") }
        if let mirror, URL(string: mirror).map({ ["http", "https"].contains($0.scheme ?? "") }) != true {
            throw ValidationError("--mirror '\(mirror)' is not an http or https address")
        }
    }

    func run() throws {
        let origin: TextLayer.Origin
        if let from {
            guard FileManager.default.isDirectory(atPath: from) == true else {
                throw SOCGraphError.invalidInput("no folder \(from): give --from the folder of the downloaded files")
            }
            origin = .folder(URL(fileURLWithPath: from))
        } else if let mirror, let url = URL(string: mirror) {
            origin = .mirror(url)
        } else {
            origin = .official
        }
        let graph = try graphOptions.load()
        let store = GraphStore(directory: graphOptions.directory)
        let result = try TextLayer.install(from: origin, sources: graph.sources, onetCodes: try store.onetCodes(),
                                           into: graphOptions.directory)
        guard !quiet else { return }
        var text = ""
        for item in result.fetched {
            text += "\(item.file.title): \(item.bytes) bytes from \(item.from), sha256 as pinned\n"
        }
        for table in result.tables {
            text += "\(graphOptions.directory.path)/\(table.path)\t\(table.rows.count) rows\n"
        }
        text += "O*NET data: CC BY 4.0, National Center for O*NET Development for USDOL/ETA.\n"
        Terminal.writeOut(text)
    }
}
