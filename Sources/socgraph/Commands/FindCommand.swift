import ArgumentParser
import SOCGraph

/// `socgraph find 'QUALIFIERS'`: the detailed occupations a query selects.
struct FindCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "find",
        abstract: "Select occupations by qualifiers: education, job zone, group, STEM, programs, wages, …",
        discussion: """
            Qualifiers, joined by spaces (AND), OR, NOT or a leading -, and parentheses:
              field:ID               aligned with a national-interest field (or prefix)
              education>=LEVEL       BLS typical entry education (also : <= > <); LEVEL is
                                     none high-school some-college postsecondary-nondegree
                                     associate bachelor master doctoral
              zone>=N                O*NET Job Zone 1–5
              major:15  minor:15-1200  broad:15-1250
                                     in a SOC group (leading digits suffice)
              stem:yes|no            on the O*NET STEM occupation list
              program:11.0102        prepared for by a CIP program, series or family
              uses:"Microsoft Excel" uses that technology
              wage>=100k             OEWS annual median wage
              growth>=5              projected employment change 2024–34, percent
              word "quoted phrase"   in SOC, Direct Match or O*NET occupation titles
            Example: socgraph find 'education>=master zone>=5 major:15'
            Exit status: 1 when nothing matches, 2 for a malformed query (the message names the column).
            """
    )

    @Argument(help: "The query, quoted as one argument.")
    var query: String

    @OptionGroup var graphOptions: GraphOptions
    @OptionGroup var formatOptions: FormatOptions
    @OptionGroup var envelopeOptions: EnvelopeOptions

    /// The parsed query and the occupations it selects; nothing selected is an error (exit 1).
    func listings() throws -> (graph: KnowledgeGraph, query: FindQuery, listings: [OccupationListing]) {
        let parsed = try FindQuery(parsing: query)
        let graph = try graphOptions.load()
        let forms = parsed.searchesTitles ? try graphOptions.separateForms() : []
        let listings = try parsed.evaluate(in: graph, separateForms: forms).compactMap { code in
            graph.node(id: code).map { OccupationListing(graph: graph, node: $0) }
        }
        guard !listings.isEmpty else { throw SOCGraphError.nothingFound("no occupation matches '\(query)'") }
        return (graph, parsed, listings)
    }

    func run() throws {
        let (graph, parsed, listings) = try listings()
        let sources = graph.sources.citations
        switch formatOptions.format {
        case .table:
            try Terminal.write(FindOutput.table(listings, query: parsed, fields: FindOutput.fieldNotes(parsed, graph),
                                                sources: sources, width: Terminal.width, style: .current))
        case .json:
            try Terminal.write(try FindOutput.json(listings, query: parsed, sources: sources,
                                                   envelope: envelopeOptions.envelope))
        case .tsv: try Terminal.write(FindOutput.tsv(listings))
        }
    }
}

extension FindCommand: BatchRunnable {
    func runJSON(context: BatchContext) throws -> AnyEncodable {
        let (graph, parsed, listings) = try listings()
        return FindOutput.value(listings, query: parsed, sources: graph.sources.citations,
                                envelope: envelopeOptions.envelope)
    }
}
