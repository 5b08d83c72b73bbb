import CGraphviz
import Foundation
import SOCGraph

/// Renders DOT text to SVG, PNG or PDF with Graphviz's C library (libgvc, `dot` layout), in this process.
///
/// Safe to use from any thread or task: each render holds one of the session's Graphviz engines
/// (`GraphvizSession`), because libcgraph/libgvc are not thread-safe; SVG renders from several threads may run on
/// several engines at once. Graphviz's messages are captured, never printed: errors
/// become `SOCGraphError.outputFailed("graphviz: …")`, warnings are returned with the output.
public struct GraphvizRenderer: Sendable {
    /// Rendered bytes and the warnings Graphviz gave while producing them.
    public struct Rendering: Sendable {
        public var data: Data
        public var warnings: [String]
    }

    /// Resolution of PNG output, in dots per inch: twice the 72 of a point, crisp when a memo scales it down.
    public var pngResolution: Int
    /// Whether SVG renders may answer text measurements from the measurements of earlier renders in this process
    /// (`TextMeasureCache`: the same answers, without asking pango again). False measures every label afresh.
    public var reusesTextMeasurements: Bool

    public init(pngResolution: Int = 144, reusesTextMeasurements: Bool = true) {
        self.pngResolution = pngResolution
        self.reusesTextMeasurements = reusesTextMeasurements
    }

    /// From now on, what Graphviz's plugins and the libraries they load (fontconfig, cairo, pango) print straight
    /// to standard error during a render becomes part of the render's warnings (or its error) instead of reaching
    /// the user. For a command-line program: while a render runs, anything else the process writes to standard
    /// error is captured with it.
    public static func captureLibraryOutput() {
        GraphvizSession.captureStandardError(true)
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
        // An SVG laid out with the measurement table (and a parse for DOT) can run on any engine; PNG, PDF and
        // fresh measurements need the engine with pango and cairo.
        let anyEngine = format == .dot || (format == .svg && reusesTextMeasurements)
        do {
            return try GraphvizSession.run(anyEngine: anyEngine) { use in
                try Self.render(dot: dot, format: format, dpi: pngResolution,
                                reusesMeasurements: reusesTextMeasurements, use: use)
            }
        } catch let GraphvizError.failed(message) {
            throw SOCGraphError.outputFailed("graphviz: " + message)
        }
    }

    /// One render, holding an engine. Each acquisition is paired with its release right after it.
    static func render(
        dot: String, format: OutputFormat, dpi: Int, reusesMeasurements: Bool, use: GraphvizSession.Use
    ) throws -> Rendering {
        let api = use.api.pointee, messages = use.messages
        guard let graph = dot.withCString({ socgraph_read_dot(use.api, $0) }) else {
            let detail = GraphvizSession.describe(messages())
            throw GraphvizError.failed(detail.isEmpty ? "the DOT text holds no graph" : "cannot read the DOT text" + detail)
        }
        defer { _ = api.agclose(graph) }
        guard let pluginFormat = format.graphvizFormat else {
            return Rendering(data: Data(dot.utf8), warnings: warnings(messages()))
        }
        if format == .png {
            withMutableCStrings("dpi", String(dpi), "") { name, value, fallback in
                _ = api.agsafeset(UnsafeMutableRawPointer(graph), name, value, fallback)
            }
        }
        // SVG text is written from the measured sizes alone, so measurements may come from the table; cairo (PNG,
        // PDF) draws the text layouts pango returns, so those are measured afresh. (An isolated engine always uses
        // the table: it renders SVG only, and `active` belongs to the linked engine.)
        if !use.isolated { TextMeasureCache.active = reusesMeasurements && format == .svg }
        defer { if !use.isolated { TextMeasureCache.active = false } }
        let context = use.context
        guard api.gvLayout(context, graph, "dot") == 0 else {
            throw GraphvizError.failed("layout failed" + GraphvizSession.describe(messages()))
        }
        defer { _ = api.gvFreeLayout(context, graph) }
        var buffer: UnsafeMutablePointer<CChar>?
        var length: UInt32 = 0
        let status = api.gvRenderData(context, graph, pluginFormat, &buffer, &length)
        defer { if let buffer { api.gvFreeRenderData(buffer) } }
        guard status == 0, let buffer else {
            throw GraphvizError.failed(
                "cannot render \(format.rawValue) (\(pluginFormat))" + GraphvizSession.describe(messages()))
        }
        return Rendering(data: Data(bytes: buffer, count: Int(length)), warnings: warnings(messages()))
    }

    private static func warnings(_ messages: String) -> [String] {
        GraphvizSession.lines(messages)
    }

    /// Calls `body` with mutable NUL-terminated copies of three strings (cgraph takes `char *`), freed after.
    private static func withMutableCStrings(
        _ a: String, _ b: String, _ c: String,
        _ body: (UnsafeMutablePointer<CChar>, UnsafeMutablePointer<CChar>, UnsafeMutablePointer<CChar>) -> Void
    ) {
        var bufferA = Array(a.utf8CString), bufferB = Array(b.utf8CString), bufferC = Array(c.utf8CString)
        bufferA.withUnsafeMutableBufferPointer { pa in
            bufferB.withUnsafeMutableBufferPointer { pb in
                bufferC.withUnsafeMutableBufferPointer { pc in
                    body(pa.baseAddress!, pb.baseAddress!, pc.baseAddress!)
                }
            }
        }
    }
}
