import ArgumentParser
import Foundation
import SOCGraph
import SOCGraphRender

/// `socgraph render CODE [--depth N]`: the neighbourhood diagram of one occupation; with several codes, their
/// comparison diagram.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Draw the neighbourhood of an occupation (or the comparison of several) as SVG, PNG, PDF or DOT.",
        discussion: """
            With one CODE: its related occupations (O*NET), breadth first to --depth, each with its SOC minor \
            group, and its entry education, job zone, designations and fields. With several: the comparison \
            diagram (as 'compare --out'). Prints the path written. A diagram over the size limit is refused \
            (exit 2); a failed write leaves any existing file untouched (exit 4).
            """
    )

    /// Which related-occupation links the walk follows.
    enum TierChoice: String, ExpressibleByArgument, CaseIterable {
        /// O*NET primary-short links only: the closest relations.
        case primaryShort = "primary-short"
        /// Primary-short and primary-long.
        case primary
        /// Every tier, supplemental included.
        case all

        var tiers: Set<RelatedTier> {
            switch self {
            case .primaryShort: return [.primaryShort]
            case .primary: return [.primaryShort, .primaryLong]
            case .all: return Set(RelatedTier.allCases)
            }
        }
    }

    @Argument(help: "One SOC code for a neighbourhood, or several for a comparison.")
    var codes: [String]

    @Option(name: .long, parsing: .unconditional,
            help: "Links from the occupation to walk, 0 to \(Neighbourhood.maxDepth) (default 1).")
    var depth: Int?

    @Option(name: .long, help: "Related-occupation links to follow: primary-short (default), primary or all.")
    var tier: TierChoice?

    @Flag(name: .long, help: "In a comparison, add the CIP programs that prepare for two or more of the codes.")
    var programs = false

    @OptionGroup var diagramOptions: DiagramOptions
    @OptionGroup var graphOptions: GraphOptions

    func validate() throws {
        guard !codes.isEmpty else { throw ValidationError("give a SOC code, such as 15-2051") }
        if let depth, !(0...Neighbourhood.maxDepth).contains(depth) {
            throw ValidationError("--depth \(depth) is out of range: give a depth from 0 to \(Neighbourhood.maxDepth)")
        }
        if codes.count > 1, depth != nil || tier != nil {
            throw ValidationError(
                "--depth and --tier apply to one code's neighbourhood; leave them out for a comparison")
        }
        if codes.count == 1, programs {
            throw ValidationError("--programs applies to a comparison of several codes")
        }
    }

    /// Renders and writes the diagram; returns where it went.
    func write(context: BatchContext = .oneShot) throws -> URL {
        let graph = try graphOptions.load(noting: codes)
        return codes.count == 1
            ? try DiagramOutput.writeNeighbourhoodDiagram(
                code: codes[0], depth: depth ?? 1, tiers: (tier ?? .primaryShort).tiers, graph: graph, out: diagramOptions.out,
                format: diagramOptions.render, context: context)
            : try DiagramOutput.writeComparisonDiagram(
                codes: codes, graph: graph, out: diagramOptions.out, format: diagramOptions.render,
                includePrograms: programs, context: context)
    }

    func run() throws {
        try Terminal.write(DiagramOutput.displayPath(try write()).terminalSafe + "\n")
    }
}

/// In a batch, a render line writes its diagram and answers `{"written": PATH}`.
extension RenderCommand: BatchRunnable {
    struct Written: Encodable { let written: String }

    func runJSON(context: BatchContext) throws -> Written {
        Written(written: DiagramOutput.displayPath(try write(context: context)))
    }
}
