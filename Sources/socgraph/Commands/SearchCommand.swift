import ArgumentParser
import Foundation
import SOCGraph

/// `socgraph search TEXT [--limit N]`: ranked occupations for a job title or a description of duties.
struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Rank occupations for a job title or a description of duties.",
        discussion: """
            Searches SOC titles, SOC Direct Match Titles, O*NET occupation, specialty, Alternate and Reported \
            Titles, ESCO titles, technologies and CIP program titles, and the SOC definitions and O*NET tasks when \
            Graph/text/ exists (socgraph text, or import --with-text). Titles are read as employers write them: \
            levels and ranks ("Sr.", "II", "Principal"), employer noise ("- External", requisition numbers) and \
            abbreviations ("SDE", "QA", "FP&A") are handled and said under the table. A few titles are read as \
            the U.S. occupation, and the reading says why: a founder or owner whose title names no other work \
            ("Co-Founder", "Business Owner") as the business's chief executive, "Restaurant Owner" as its \
            manager, a bank's "Vice President, Software Engineer" as the software engineer and "VP of Engineering" as an engineering manager, "Principal Investigator" as a \
            research scientist, "House Officer" as a resident physician. Scores run from 0 to 1 (1: an exact title).
            Query words the graph does not hold are named ("Not in the graph: llm"). A weak ranking (best score \
            below 0.50, the first two nearly tied, a title of role words only such as "Team Leader", a title the \
            first hit matches only loosely, or half of the words not in the graph) is flagged "weak result: look further": under the table, or, with \
            --format json or tsv, as one "socgraph: note:" line on stderr (stdout stays the bare list); --envelope \
            puts both in the JSON instead.
            The index is kept in Graph/.cache/ (else $XDG_CACHE_HOME/socgraph or ~/.cache/socgraph) and rebuilt \
            when a graph file it was built from changes.
            Exit status: 1 when nothing matches, 2 for an empty query.
            """
    )

    @Argument(help: "A job title or a description of duties, quoted if it has spaces.")
    var text: String

    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("How many occupations to list.", valueName: "n"))
    var limit = 10

    @OptionGroup var graphOptions: GraphOptions
    @OptionGroup var formatOptions: FormatOptions
    @OptionGroup var envelopeOptions: EnvelopeOptions

    func validate() throws {
        guard !text.trimmed.isEmpty else {
            throw ValidationError(
                "empty query: give a job title or a description of duties, such as \"data scientist\"")
        }
        guard limit >= 1 else { throw ValidationError("--limit \(limit) is out of range: give a number of at least 1") }
        // Before the graph is loaded: a pasted document is refused at once.
        if let problem = SearchIndex.lengthProblem(text) { throw ValidationError(problem) }
    }

    /// The ranked hits and the sources to cite (ESCO and the crosswalks to SOC 2018 too when a hit matched an ESCO
    /// title); nothing found is an error (exit 1).
    func results() throws -> (sources: [SourceCitation], results: SearchResults) {
        let (index, sources) = try graphOptions.searchIndex()
        let results = try index.search(text, limit: limit)
        guard !results.hits.isEmpty else {
            throw SOCGraphError.nothingFound(
                "no occupation matches \"\(text)\"; try another job title, or the duties in other words")
        }
        return (results.matchedESCO ? sources.citations + sources.translationCitations : sources.citations, results)
    }

    func run() throws {
        let (sources, results) = try results()
        switch formatOptions.format {
        case .table:
            try Terminal.write(SearchOutput.table(results, sources: sources, width: Terminal.width, style: .current))
        case .json:
            try Terminal.write(try SearchOutput.json(results, sources: sources, envelope: envelopeOptions.envelope))
            if !envelopeOptions.envelope, let note = SearchOutput.stderrNote(results) { Terminal.note(note) }
        case .tsv:
            try Terminal.write(SearchOutput.tsv(results))
            if let note = SearchOutput.stderrNote(results) { Terminal.note(note) }
        }
    }
}

extension SearchCommand: BatchRunnable {
    func runJSON(context: BatchContext) throws -> AnyEncodable {
        let (sources, results) = try results()
        return SearchOutput.value(results, sources: sources, envelope: envelopeOptions.envelope)
    }
}
