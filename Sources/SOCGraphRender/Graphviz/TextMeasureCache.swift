import CGraphviz
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
/// All state is touched only inside `GraphvizSession.run`, under its lock.
enum TextMeasureCache {
    /// What pango's engine answered for one piece of text.
    struct Measure {
        let size: pointf
        let yoffsetLayout: Double
        let yoffsetCentreline: Double
    }

    typealias Engine = @convention(c) (
        UnsafeMutablePointer<textspan_t>?, UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
    ) -> boolean

    /// Whether measurements may be answered from the table (set per render by the renderer).
    nonisolated(unsafe) static var active = false
    /// Answers given from the table (tests check the table is used).
    nonisolated(unsafe) private(set) static var hits = 0
    nonisolated(unsafe) private static var table: [String: Measure] = [:]
    /// A batch of thousands of distinct diagrams must not grow the table without end.
    private static let capacity = 20_000

    /// Pango's text-layout engine, which the table stands in front of.
    nonisolated(unsafe) private static var pango: Engine?

    /// The plugin list to give `gvContextPlugins`, or nil when pango's engine cannot be found (then use
    /// `gvContext()`). Built once; Graphviz keeps pointers into it for the life of the process.
    nonisolated(unsafe) static let builtins: UnsafePointer<lt_symlist_t>? = makeBuiltins()

    /// The plugin's measuring function: the table when `active`, else pango.
    private static let measure: Engine = { span, fontpath in
        guard let pango = TextMeasureCache.pango else { return 0 }
        guard TextMeasureCache.active, fontpath == nil, let span,
              let font = span.pointee.font, let text = span.pointee.str else {
            return pango(span, fontpath)
        }
        let name = font.pointee.name.map { String(cString: $0) } ?? ""
        let key = name + "\u{1}" + String(font.pointee.size.bitPattern) + "\u{1}" + String(font.pointee.flags)
            + "\u{1}" + String(cString: text)
        if let known = TextMeasureCache.table[key] {
            TextMeasureCache.hits += 1
            span.pointee.size = known.size
            span.pointee.yoffset_layout = known.yoffsetLayout
            span.pointee.yoffset_centerline = known.yoffsetCentreline
            span.pointee.layout = nil
            span.pointee.free_layout = nil
            return 1
        }
        let measured = pango(span, fontpath)
        if measured != 0 {
            if TextMeasureCache.table.count >= capacity { TextMeasureCache.table.removeAll(keepingCapacity: true) }
            TextMeasureCache.table[key] = Measure(size: span.pointee.size, yoffsetLayout: span.pointee.yoffset_layout,
                                                  yoffsetCentreline: span.pointee.yoffset_centerline)
        }
        return measured
    }

    /// Finds pango's engine in Graphviz's plugin directory and builds a one-plugin library around `measure`,
    /// ranked above pango's.
    private static func makeBuiltins() -> UnsafePointer<lt_symlist_t>? {
        guard let (engine, quality) = pangoEngine() else { return nil }
        pango = engine
        let measuring = UnsafeMutablePointer<gvtextlayout_engine_t>.allocate(capacity: 1)
        measuring.initialize(to: gvtextlayout_engine_t(textlayout: measure))
        let types = UnsafeMutablePointer<gvplugin_installed_t>.allocate(capacity: 2)
        types[0] = gvplugin_installed_t(id: 0, type: UnsafePointer(strdup("textlayout")), quality: quality + 1,
                                        engine: UnsafeMutableRawPointer(measuring), features: nil)
        types[1] = gvplugin_installed_t(id: 0, type: nil, quality: 0, engine: nil, features: nil)
        let apis = UnsafeMutablePointer<gvplugin_api_t>.allocate(capacity: 2)
        apis[0] = gvplugin_api_t(api: api_t(rawValue: numericCast(socgraph_api_textlayout())), types: types)
        apis[1] = gvplugin_api_t(api: api_t(rawValue: 0), types: nil)
        let library = UnsafeMutablePointer<gvplugin_library_t>.allocate(capacity: 1)
        library.initialize(to: gvplugin_library_t(packagename: strdup("socgraph"), apis: apis))
        let symbols = UnsafeMutablePointer<lt_symlist_t>.allocate(capacity: 2)
        symbols[0] = lt_symlist_t(name: UnsafePointer(strdup("gvplugin_socgraph_LTX_library")),
                                  address: UnsafeMutableRawPointer(library))
        symbols[1] = lt_symlist_t(name: nil, address: nil)
        return UnsafePointer(symbols)
    }

    /// Pango's text-layout function and its plugin quality, from the plugin library Graphviz itself would load:
    /// `$GVBINDIR`, else the `graphviz` directory beside libgvc.
    private static func pangoEngine() -> (Engine, Int32)? {
        var directories: [String] = []
        if let configured = getenv("GVBINDIR") { directories.append(String(cString: configured)) }
        if let library = loadedLibraryPath(containing: "/libgvc."),
           let slash = library.lastIndex(of: "/") {
            directories.append(String(library[..<slash]) + "/graphviz")
        }
        for directory in directories {
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

    /// The file of the loaded shared library whose path contains `fragment`, or nil.
    private static func loadedLibraryPath(containing fragment: String) -> String? {
        #if canImport(Darwin)
        var info = Dl_info()
        let anchor = unsafeBitCast(gvContext as @convention(c) () -> OpaquePointer?, to: UnsafeRawPointer.self)
        guard dladdr(anchor, &info) != 0, let file = info.dli_fname else { return nil }
        let path = String(cString: file)
        return path.contains(fragment) ? path : nil
        #else
        // The process's mappings name every loaded library's file (Linux).
        guard let maps = fopen("/proc/self/maps", "r") else { return nil }
        defer { fclose(maps) }
        var line: UnsafeMutablePointer<CChar>?
        var capacity = 0
        defer { free(line) }
        while getline(&line, &capacity, maps) > 0, let line {
            let text = String(cString: line)
            guard text.contains(fragment), let start = text.firstIndex(of: "/") else { continue }
            return String(text[start...].prefix { $0 != "\n" })
        }
        return nil
        #endif
    }
}
