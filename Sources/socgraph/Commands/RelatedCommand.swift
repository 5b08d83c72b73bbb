import ArgumentParser
import SOCGraph

extension RelatedTierFilter: ExpressibleByArgument {}

/// `socgraph related CODE [--depth N] [--tier primary|all] [--where QUALIFIERS]`: a breadth-first walk over
/// O*NET related occupations.
struct RelatedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "related",
        abstract: "Walk O*NET related occupations breadth first.",
        discussion: """
            Lists each occupation once, at the depth it is first reached, by depth and then in O*NET's order (the \
            link's index, 1 = most related, then code); VIA names the occupation whose list it was reached from. \
            --tier primary (default) follows O*NET's Primary-Short and Primary-Long links, --tier all also \
            Supplemental ones. --where keeps only results matching find qualifiers (see 'socgraph help find'); \
            the walk itself goes through every occupation.
            Exit status: 1 when nothing is related (or nothing matches --where), 2 for an unknown code, a \
            malformed qualifier or a depth outside 1–5.
            """
    )

    @Argument(help: "A SOC detailed occupation (15-2051, 152051, 15-2051.00, an exact title) or O*NET specialty.")
    var code: String

    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("How many links away to go (1–5).", valueName: "n"))
    var depth = 1

    @Option(name: .long, help: "Tiers to follow: primary (default) or all.")
    var tier: RelatedTierFilter = .primary

    @Option(name: .customLong("where"), help: ArgumentHelp("Keep only results matching these find qualifiers.",
                                                          valueName: "qualifiers"))
    var qualifiers: String?

    @OptionGroup var graphOptions: GraphOptions
    @OptionGroup var formatOptions: FormatOptions
    @OptionGroup var envelopeOptions: EnvelopeOptions

    func validate() throws {
        let range = RelatedWalk.depthRange
        guard range.contains(depth) else {
            throw ValidationError(
                "--depth \(depth) is out of range: give a depth from \(range.lowerBound) to \(range.upperBound)")
        }
    }

    /// The walk and the steps it keeps after `--where`; nothing left is an error (exit 1).
    func walk() throws -> (graph: KnowledgeGraph, walk: RelatedWalk, steps: [RelatedStep], query: FindQuery?) {
        let query = try qualifiers.map { try FindQuery(parsing: $0) }
        let graph = try graphOptions.load(noting: [code])
        let walk = try RelatedWalk(graph: graph, from: try graph.resolve(code), depth: depth, tiers: tier)
        var steps = walk.steps
        if let query {
            let forms = query.searchesTitles ? try graphOptions.separateForms() : []
            let selected = Set(try query.evaluate(in: graph, separateForms: forms))
            steps = steps.filter { selected.contains($0.code) }
        }
        guard !steps.isEmpty else {
            let scope = "within depth \(depth) (tier \(tier.rawValue))"
            throw SOCGraphError.nothingFound(query.map {
                "no occupation related to \(graph.label(walk.start)) \(scope) matches '\($0.source)'"
            } ?? "O*NET lists no occupation related to \(graph.label(walk.start)) \(scope)"
                + (tier == .primary ? "; try --tier all" : ""))
        }
        return (graph, walk, steps, query)
    }

    func run() throws {
        let (graph, walk, steps, query) = try walk()
        switch formatOptions.format {
        case .table:
            try Terminal.write(RelatedOutput.table(walk, steps: steps, query: query, graph: graph,
                                                   width: Terminal.width, style: .current))
        case .json:
            try Terminal.write(try RelatedOutput.json(walk, steps: steps, query: query, graph: graph,
                                                      envelope: envelopeOptions.envelope))
        case .tsv:
            try Terminal.write(RelatedOutput.tsv(steps))
        }
    }
}

extension RelatedCommand: BatchRunnable {
    func runJSON(context: BatchContext) throws -> AnyEncodable {
        let (graph, walk, steps, query) = try walk()
        return RelatedOutput.value(walk, steps: steps, query: query, graph: graph, envelope: envelopeOptions.envelope)
    }
}
