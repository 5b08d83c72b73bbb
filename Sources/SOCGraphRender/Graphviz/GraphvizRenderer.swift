import CGraphviz
import Foundation
import SOCGraph

/// Renders DOT text to SVG, PNG or PDF with Graphviz's C library (libgvc, `dot` layout), in this process.
///
/// Safe to use from any thread or task: renders take turns (`GraphvizSession`), because libcgraph/libgvc are not
/// thread-safe. Graphviz's messages are captured, never printed: errors become
/// `SOCGraphError.outputFailed("graphviz: …")`, warnings are returned with the output.
public struct GraphvizRenderer: Sendable {
    /// Rendered bytes and the warnings Graphviz gave while producing them.
    public struct Rendering: Sendable {
        public var data: Data
        public var warnings: [String]
    }

    /// Resolution of PNG output, in dots per inch. At 150 an A4 page (8.27 × 11.69 in) is 1240 × 1754 pixels:
    /// a diagram laid out to fit A4 at its natural size keeps that size in a memo printed at 150 dpi.
    public var pngResolution: Int

    public init(pngResolution: Int = 150) {
        self.pngResolution = pngResolution
    }

    /// Lays `dot` out and renders it in `format`; `.dot` returns the text itself once Graphviz has parsed it.
    public func render(dot: String, format: OutputFormat) throws -> Data {
        try renderReportingWarnings(dot: dot, format: format).data
    }

    /// Builds the DOT of `diagram` and renders it.
    public func render(_ diagram: Diagram, format: OutputFormat, builder: DOTBuilder = DOTBuilder()) throws -> Data {
        try render(dot: builder.build(diagram), format: format)
    }

    /// As `render(dot:format:)`, also returning Graphviz's warnings.
    public func renderReportingWarnings(dot: String, format: OutputFormat) throws -> Rendering {
        do {
            return try GraphvizSession.run { context in
                try Self.render(dot: dot, format: format, dpi: pngResolution, context: context)
            }
        } catch let GraphvizError.failed(message) {
            throw SOCGraphError.outputFailed("graphviz: " + message)
        }
    }

    /// One render, inside the session. Each acquisition is paired with its release right after it.
    private static func render(dot: String, format: OutputFormat, dpi: Int, context: OpaquePointer) throws -> Rendering {
        guard let graph = dot.withCString({ socgraph_read_dot($0) }) else {
            let detail = GraphvizSession.describe(GraphvizSession.collected)
            throw GraphvizError.failed(detail.isEmpty ? "the DOT text holds no graph" : "cannot read the DOT text" + detail)
        }
        defer { _ = agclose(graph) }
        guard let pluginFormat = format.graphvizFormat else {
            return Rendering(data: Data(dot.utf8), warnings: GraphvizSession.lines(GraphvizSession.collected))
        }
        if format == .png {
            var name = Array("dpi".utf8CString), value = Array(String(dpi).utf8CString), fallback = Array("".utf8CString)
            _ = agsafeset(UnsafeMutableRawPointer(graph), &name, &value, &fallback)
        }
        guard gvLayout(context, graph, "dot") == 0 else {
            throw GraphvizError.failed("layout failed" + GraphvizSession.describe(GraphvizSession.collected))
        }
        defer { _ = gvFreeLayout(context, graph) }
        var buffer: UnsafeMutablePointer<CChar>?
        var length = 0
        let status = socgraph_render_data(context, graph, pluginFormat, &buffer, &length)
        defer { if let buffer { gvFreeRenderData(buffer) } }
        guard status == 0, let buffer else {
            throw GraphvizError.failed(
                "cannot render \(format.rawValue) (\(pluginFormat))" + GraphvizSession.describe(GraphvizSession.collected))
        }
        return Rendering(data: Data(bytes: buffer, count: length),
                         warnings: GraphvizSession.lines(GraphvizSession.collected))
    }
}
