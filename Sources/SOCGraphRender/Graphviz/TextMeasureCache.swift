import CGraphviz
import SOCGraph
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Text measurements for Graphviz, remembered across the diagrams of one process.
///
/// Graphviz asks its text-layout plugin (pango's) for the size of every line of every label as it lays a graph
/// out. A batch of comparison diagrams measures the same few hundred strings again and again (the legend, the
/// footer, the titles of common occupations), and measuring is about an eighth of the work of a layout. So the
/// session installs a text-layout plugin of its own, preferred over pango's, that answers from a table of pango's
/// earlier answers and asks pango's engine for anything new: a diagram lays out exactly as it would without the
/// table.
///
/// Only the SVG renderer uses the table (`active`): it writes text from the measured size alone, whereas cairo
/// (PNG, PDF) draws the pango layout a measurement returns, so for those every call goes to pango. Without pango's
/// plugin (another Graphviz build), nothing is installed and Graphviz measures as it always does.
///
/// Isolated engines (see `GraphvizSession`) have no pango of their own: their plugin answers from the same table
/// and asks the linked copy's pango engine for anything new, while no render uses the linked copy.
///
/// `active` is touched only by the linked engine's renders; the table is shared by every engine, behind a lock.
enum TextMeasureCache {
    /// What pango's engine answered for one piece of text.
    struct Measure {
        let size: pointf
        let yoffsetLayout: Double
        let yoffsetCentreline: Double
        /// What pango returned: false for text it cannot measure (an empty string), which Graphviz then estimates.
        let measured: boolean
    }

    typealias Engine = @convention(c) (
        UnsafeMutablePointer<textspan_t>?, UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
    ) -> boolean

    /// Whether the linked engine's measurements may be answered from the table (set per render by the renderer,
    /// under that engine's lock).
    nonisolated(unsafe) static var active = false
    private static let lock = NSLock()
    /// Answers given from the table (tests check the table is used); guarded by `lock`.
    nonisolated(unsafe) private static var hitCount = 0
    /// Guarded by `lock`.
    nonisolated(unsafe) private static var table: [String: Measure] = [:]
    /// A batch of thousands of distinct diagrams must not grow the table without end.
    private static let capacity = 20_000

    static var hits: Int { lock.withLock { hitCount } }

    /// Pango's text-layout engine, which the table stands in front of, and its plugin quality.
    private static let pango: (engine: Engine, quality: Int32)? = pangoEngine()

    /// The plugin list to give the linked copy's `gvContextPlugins`, or nil when pango's engine cannot be found
    /// (then use `gvContext()`). Built once; Graphviz keeps pointers into it for the life of the process.
    nonisolated(unsafe) static let builtins: UnsafePointer<lt_symlist_t>? = pango.map {
        makeBuiltins([("gvplugin_socgraph_LTX_library", measuringLibrary(measure, quality: $0.quality + 1))])
    }

    /// The plugin list for an isolated copy: its own `dot` layout and core renderers, and the table's plugin.
    static func isolatedBuiltins(
        dotLayout: UnsafeMutablePointer<gvplugin_library_t>?, core: UnsafeMutablePointer<gvplugin_library_t>?
    ) -> UnsafePointer<lt_symlist_t>? {
        guard pango != nil, let dotLayout, let core else { return nil }
        return makeBuiltins([
            ("gvplugin_dot_layout_LTX_library", UnsafeMutableRawPointer(dotLayout)),
            ("gvplugin_core_LTX_library", UnsafeMutableRawPointer(core)),
            ("gvplugin_socgraph_LTX_library", isolatedLibrary),
        ])
    }

    /// One library for every isolated copy (they share the table).
    nonisolated(unsafe) private static let isolatedLibrary = measuringLibrary(measureApart, quality: 1)

    /// The linked copy's measuring function: the table when `active`, else pango.
    private static let measure: Engine = { span, fontpath in
        guard let pango = TextMeasureCache.pango?.engine else { return 0 }
        guard TextMeasureCache.active, fontpath == nil, let span, let key = key(span) else {
            return pango(span, fontpath)
        }
        if let known = answer(span, key) { return known }
        return measureAndRemember(span, key, with: pango)
    }

    /// An isolated copy's measuring function: the table, else the linked copy's pango engine, called while no
    /// render uses the linked copy. Pango's plugin shares the linked copy's libgvc and its static buffers, so it
    /// must not run beside anything that copy does.
    private static let measureApart: Engine = { span, _ in
        guard let pango = TextMeasureCache.pango?.engine, let span, let key = key(span) else { return 0 }
        if let known = answer(span, key) { return known }
        return GraphvizSession.withLinkedEngine { measureAndRemember(span, key, with: pango) }
    }

    /// Asks pango and keeps the answer. Pango's layout is dropped there and then (SVG writes text from the
    /// measured size alone), so no pango object outlives the call.
    private static func measureAndRemember(
        _ span: UnsafeMutablePointer<textspan_t>, _ key: String, with pango: Engine
    ) -> boolean {
        let measured = pango(span, nil)
        if let layout = span.pointee.layout, let free = span.pointee.free_layout { free(layout) }
        span.pointee.layout = nil
        span.pointee.free_layout = nil
        remember(span, key, measured: measured)
        return measured
    }

    /// What identifies a measurement: the font's name, size and flags, and the text.
    private static func key(_ span: UnsafeMutablePointer<textspan_t>) -> String? {
        guard let font = span.pointee.font, let text = span.pointee.str else { return nil }
        let name = font.pointee.name.map { String(cString: $0) } ?? ""
        return name + "\u{1}" + String(font.pointee.size.bitPattern) + "\u{1}" + String(font.pointee.flags)
            + "\u{1}" + String(cString: text)
    }

    /// Answers `span` from the table; false when its text is not there.
    /// Answers `span` from the table (pango's answer, true or false), or nil when its text is not there.
    private static func answer(_ span: UnsafeMutablePointer<textspan_t>, _ key: String) -> boolean? {
        guard let known = lock.withLock({ () -> Measure? in
            let known = table[key]
            if known != nil { hitCount += 1 }
            return known
        }) else { return nil }
        span.pointee.size = known.size
        span.pointee.yoffset_layout = known.yoffsetLayout
        span.pointee.yoffset_centerline = known.yoffsetCentreline
        span.pointee.layout = nil
        span.pointee.free_layout = nil
        return known.measured
    }

    private static func remember(_ span: UnsafeMutablePointer<textspan_t>, _ key: String, measured: boolean) {
        let measure = Measure(size: span.pointee.size, yoffsetLayout: span.pointee.yoffset_layout,
                              yoffsetCentreline: span.pointee.yoffset_centerline, measured: measured)
        lock.withLock {
            if table.count >= capacity { table.removeAll(keepingCapacity: true) }
            table[key] = measure
        }
    }

    /// A one-plugin library (text layout through `engine`, ranked `quality`), kept for the life of the process.
    private static func measuringLibrary(_ engine: Engine, quality: Int32) -> UnsafeMutableRawPointer {
        let measuring = UnsafeMutablePointer<gvtextlayout_engine_t>.allocate(capacity: 1)
        measuring.initialize(to: gvtextlayout_engine_t(textlayout: engine))
        let types = UnsafeMutablePointer<gvplugin_installed_t>.allocate(capacity: 2)
        types[0] = gvplugin_installed_t(id: 0, type: UnsafePointer(strdup("textlayout")), quality: quality,
                                        engine: UnsafeMutableRawPointer(measuring), features: nil)
        types[1] = gvplugin_installed_t(id: 0, type: nil, quality: 0, engine: nil, features: nil)
        let apis = UnsafeMutablePointer<gvplugin_api_t>.allocate(capacity: 2)
        apis[0] = gvplugin_api_t(api: api_t(rawValue: numericCast(socgraph_api_textlayout())), types: types)
        apis[1] = gvplugin_api_t(api: api_t(rawValue: 0), types: nil)
        let library = UnsafeMutablePointer<gvplugin_library_t>.allocate(capacity: 1)
        library.initialize(to: gvplugin_library_t(packagename: strdup("socgraph"), apis: apis))
        return UnsafeMutableRawPointer(library)
    }

    /// A symbol list for `gvContextPlugins`, kept for the life of the process.
    private static func makeBuiltins(_ libraries: [(String, UnsafeMutableRawPointer)]) -> UnsafePointer<lt_symlist_t> {
        let symbols = UnsafeMutablePointer<lt_symlist_t>.allocate(capacity: libraries.count + 1)
        for (index, (name, address)) in libraries.enumerated() {
            symbols[index] = lt_symlist_t(name: UnsafePointer(strdup(name)), address: address)
        }
        symbols[libraries.count] = lt_symlist_t(name: nil, address: nil)
        return UnsafePointer(symbols)
    }

    /// Pango's text-layout function and its plugin quality, from the plugin library Graphviz itself would load.
    private static func pangoEngine() -> (engine: Engine, quality: Int32)? {
        for directory in GraphvizFiles.pluginDirectories {
            for name in ["libgvplugin_pango.so.6", "libgvplugin_pango.6.dylib"] {
                guard let handle = dlopen(directory + "/" + name, RTLD_NOW | RTLD_LOCAL) else { continue }
                guard let symbol = dlsym(handle, "gvplugin_pango_LTX_library") else { continue }
                let library = symbol.assumingMemoryBound(to: gvplugin_library_t.self)
                var api = library.pointee.apis
                while let current = api, let types = current.pointee.types {
                    if Int(current.pointee.api.rawValue) == Int(socgraph_api_textlayout()),
                       let engine = types.pointee.engine?.assumingMemoryBound(to: gvtextlayout_engine_t.self),
                       let textlayout = engine.pointee.textlayout {
                        return (textlayout, types.pointee.quality)
                    }
                    api = current + 1
                }
            }
        }
        return nil
    }
}
