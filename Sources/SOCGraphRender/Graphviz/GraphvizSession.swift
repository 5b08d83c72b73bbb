import CGraphviz
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import SOCGraph

/// The way into libcgraph/libgvc in this process: a small pool of Graphviz engines, Graphviz's message capture.
///
/// libcgraph and libgvc keep global state (the DOT parser, the error channel, the layout's working sets) and are
/// not thread-safe even with one context per caller. So one engine is one copy of the libraries with one context,
/// used by one caller at a time. The first engine is the copy this program is linked with; it renders every
/// format. Where glibc can load a second, independent copy of the libraries into a namespace of its own
/// (`dlmopen`), a caller that finds every engine busy gets another such copy, up to one per processor: it lays
/// out and renders SVG only, with the `dot` layout and core renderers and the shared text-measurement table
/// (`TextMeasureCache`), so its bytes are those the first engine would write. One-shot commands never need more
/// than the first engine; a batch of diagrams lays them out on every core.
enum GraphvizSession {
    /// What a render is given: the functions of its engine's copy of Graphviz, the engine's context, and a function
    /// returning Graphviz's messages so far.
    struct Use {
        let api: UnsafeMutablePointer<socgraph_graphviz>
        let context: OpaquePointer
        let messages: () -> String
        /// Whether the engine is an isolated copy (SVG with the measurement table only).
        let isolated: Bool
    }

    /// Runs `body` with exclusive use of an engine, Graphviz's warnings and errors captured (never printed).
    /// `anyEngine`: the work is an SVG render (or a parse) with the text-measurement table, which any engine can
    /// do; otherwise it runs on the first engine.
    static func run<T>(anyEngine: Bool = false, _ body: (Use) throws -> T) throws -> T {
        let engine = Pool.acquire(anyEngine: anyEngine)
        defer { Pool.release(engine) }
        return try engine.run(body)
    }

    /// Runs `body` while no render uses the linked engine (for calls into the libraries only that copy loads:
    /// pango, and through it the copy's libgvc). Not from inside a render on the linked engine.
    static func withLinkedEngine<T>(_ body: () throws -> T) rethrows -> T {
        try Pool.linked.withExclusiveUse(body)
    }

    /// The number of isolated copies of Graphviz loaded so far (tests check a concurrent batch uses one).
    static var isolatedEngines: Int { Pool.isolatedCount }

    /// An isolated engine outside the pool, for tests, loaded once; or why this C library could not load one.
    static func isolatedEngineForTesting() -> Result<GraphvizEngine, GraphvizError> { Pool.testingEngine }

    /// The engine of the copy the program is linked with (for tests; renders ask `run`).
    static var linkedEngine: GraphvizEngine { Pool.linked }

    // MARK: Standard error

    /// Whether renders also capture what is written to file descriptor 2 while they run (see
    /// `GraphvizRenderer.captureLibraryOutput()`).
    static func captureStandardError(_ capture: Bool) {
        StandardErrorCapture.enable(capture)
    }

    // MARK: Messages

    /// `": message; message"` from captured messages, or "" when there are none.
    static func describe(_ messages: String) -> String {
        let lines = self.lines(messages)
        return lines.isEmpty ? "" : ": " + lines.joined(separator: "; ")
    }

    /// The captured messages one per line, without Graphviz's `Error: ` / `Warning: ` prefix.
    static func lines(_ messages: String) -> [String] {
        messages.split(whereSeparator: \.isNewline).map { line in
            var text = line.trimmedSpaces
            for prefix in ["Error: ", "Warning: "] where text.hasPrefix(prefix) { text.removeFirst(prefix.count) }
            return text
        }.filter { !$0.isEmpty }
    }
}

/// One copy of Graphviz's libraries and its context, used by one caller at a time.
final class GraphvizEngine: @unchecked Sendable {
    /// The copy's functions; at a fixed address, because every graph read keeps a pointer to its I/O functions.
    let api: UnsafeMutablePointer<socgraph_graphviz>
    /// Whether this is an isolated copy (SVG only) rather than the one the program is linked with.
    let isolated: Bool
    private let lock = NSLock()
    /// Made on first use: making one reads Graphviz's plugin configuration, which a batch of diagrams would
    /// otherwise repeat for each. Guarded by `lock`.
    private var context: OpaquePointer?
    /// Graphviz's messages since the start of the current `run`; guarded by `lock`.
    fileprivate var messages = ""

    init(api: socgraph_graphviz, isolated: Bool) {
        self.api = .allocate(capacity: 1)
        self.api.initialize(to: api)
        self.isolated = isolated
    }

    /// Runs `body` holding this engine, with its messages collected.
    func run<T>(_ body: (GraphvizSession.Use) throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        prepareThread()
        messages = ""
        CurrentEngine.set(self)
        defer { CurrentEngine.set(nil) }
        _ = api.pointee.agseterrf(collectMessage)
        _ = api.pointee.agseterr(AGWARN)
        _ = api.pointee.agreseterrors()
        let capture = StandardErrorCapture.begin()
        defer { if let capture { messages += capture.finish() } }
        guard let context = makeContext() else {
            throw GraphvizError.failed("could not create a context" + GraphvizSession.describe(
                messages + (capture?.peek() ?? "")))
        }
        return try body(GraphvizSession.Use(api: api, context: context, messages: { [unowned self] in
            self.messages + (capture?.peek() ?? "")
        }, isolated: isolated))
    }

    /// Runs `body` while this engine is not rendering.
    func withExclusiveUse<T>(_ body: () throws -> T) rethrows -> T {
        try lock.withLock(body)
    }

    private func makeContext() -> OpaquePointer? {
        if context == nil {
            if isolated {
                guard let builtins = TextMeasureCache.isolatedBuiltins(
                    dotLayout: api.pointee.dotLayoutPlugins, core: api.pointee.corePlugins) else { return nil }
                context = api.pointee.gvContextPlugins(builtins, 0)
            } else {
                context = TextMeasureCache.builtins.map { api.pointee.gvContextPlugins($0, 1) }
                    ?? api.pointee.gvContext()
            }
        }
        return context
    }

    /// An isolated copy's C library keeps per-thread character tables that only its own thread start-up fills in;
    /// threads this program starts get them here (a few stores, so on every run).
    private func prepareThread() {
        api.pointee.threadSetUp?()
    }
}

/// Which engine the running thread uses, so Graphviz's message callback (a C function without context) can
/// find where to put the message.
private enum CurrentEngine {
    static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key, nil)
        return key
    }()

    static func set(_ engine: GraphvizEngine?) {
        pthread_setspecific(key, engine.map { UnsafeRawPointer(Unmanaged.passUnretained($0).toOpaque()) })
    }

    static func get() -> GraphvizEngine? {
        pthread_getspecific(key).map { Unmanaged<GraphvizEngine>.fromOpaque($0).takeUnretainedValue() }
    }
}

/// Appends one piece of a Graphviz message to the running engine's messages; Graphviz calls it with `"Error"`,
/// `": "`, then the text.
private let collectMessage: agusererrf = { text in
    if let text, let engine = CurrentEngine.get() { engine.messages += String(cString: text) }
    return 0
}

/// The engines and who holds them.
private enum Pool {
    private static let condition = Condition()
    /// How many engines were made so far, the linked one included; guarded by `condition`.
    nonisolated(unsafe) private static var count = 1
    /// Engines no caller holds; guarded by `condition`.
    nonisolated(unsafe) private static var idle: [GraphvizEngine] = [linked]
    /// Whether loading another copy failed (then none is tried again); guarded by `condition`.
    nonisolated(unsafe) private static var isolationFailed = false

    static let linked = GraphvizEngine(api: socgraph_graphviz_linked(), isolated: false)

    /// One engine per processor, at most four (glibc allows few namespaces), or what `SOCGRAPH_GRAPHVIZ_ENGINES`
    /// says (1: the linked copy only).
    private static let maximum: Int = {
        if let text = getenv("SOCGRAPH_GRAPHVIZ_ENGINES"), let count = Int(String(cString: text)), count >= 1 {
            return min(count, 4)
        }
        return max(1, min(ProcessInfo.processInfo.activeProcessorCount, 4))
    }()

    static var isolatedCount: Int { condition.withLock { count - 1 } }

    static func acquire(anyEngine: Bool) -> GraphvizEngine {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let index = idle.firstIndex(where: { anyEngine || !$0.isolated }) {
                return idle.remove(at: index)
            }
            if anyEngine, !isolationFailed, count < maximum {
                // Loading takes a few milliseconds; callers meanwhile wait as they would for a busy engine.
                if case let .success(engine) = loadIsolated() {
                    count += 1
                    return engine
                }
                isolationFailed = true
            }
            condition.wait()
        }
    }

    static func release(_ engine: GraphvizEngine) {
        condition.withLock { idle.append(engine) }
        condition.broadcast()
    }

    /// For tests: an isolated engine outside the pool.
    static let testingEngine: Result<GraphvizEngine, GraphvizError> = condition.withLock { loadIsolated() }

    /// Another copy of libgvc, loaded from the file the program's own copy came from, with the plugins beside it;
    /// or why that cannot be done (no `dlmopen`, another Graphviz build, no pango plugin for the table).
    private static func loadIsolated() -> Result<GraphvizEngine, GraphvizError> {
        guard TextMeasureCache.builtins != nil else {
            return .failure(.failed("no pango plugin for the measurement table"))
        }
        guard let library = GraphvizFiles.libgvc, let plugins = GraphvizFiles.pluginDirectories.first else {
            return .failure(.failed("libgvc's file is not known"))
        }
        var api = socgraph_graphviz()
        var error = [CChar](repeating: 0, count: 512)
        guard socgraph_graphviz_isolated(library, plugins, &api, &error, error.count) == 0 else {
            return .failure(.failed(String(cString: error)))
        }
        return .success(GraphvizEngine(api: api, isolated: true))
    }
}

/// Where this program's Graphviz lives.
enum GraphvizFiles {
    /// The file of the libgvc this program is linked with.
    static let libgvc: String? = loadedLibraryPath(containing: "/libgvc.")

    /// Graphviz's plugin directories, as Graphviz itself looks for them: `$GVBINDIR`, else `graphviz` beside libgvc.
    static var pluginDirectories: [String] {
        var directories: [String] = []
        if let configured = getenv("GVBINDIR") { directories.append(String(cString: configured)) }
        if let libgvc, let slash = libgvc.lastIndex(of: "/") {
            directories.append(String(libgvc[..<slash]) + "/graphviz")
        }
        return directories
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

/// A pthread mutex with a condition variable.
private final class Condition: @unchecked Sendable {
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let variable = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)

    init() {
        mutex.initialize(to: pthread_mutex_t())
        variable.initialize(to: pthread_cond_t())
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(variable, nil)
    }

    func lock() { pthread_mutex_lock(mutex) }
    func unlock() { pthread_mutex_unlock(mutex) }
    /// Waits for `broadcast`, holding the lock again on return.
    func wait() { pthread_cond_wait(variable, mutex) }
    func broadcast() { pthread_cond_broadcast(variable) }

    func withLock<T>(_ body: () throws -> T) rethrows -> T {
        lock()
        defer { unlock() }
        return try body()
    }
}

/// File descriptor 2 sent into an anonymous temporary file while renders run: the libraries Graphviz loads
/// (fontconfig, cairo, pango) print some problems straight to standard error, bypassing `agseterrf`. A file, not a
/// pipe, so that no amount of output can block the writer. Without a temporary file, nothing is captured.
///
/// Renders on several engines at once share one redirection, made by the first and undone by the last; each
/// render reads what was written since it began (which may include what a library printed for another render
/// running beside it).
private final class StandardErrorCapture {
    private static let lock = NSLock()
    /// Whether renders capture at all; guarded by `lock`, like the rest.
    nonisolated(unsafe) private static var enabled = false
    nonisolated(unsafe) private static var file: UnsafeMutablePointer<FILE>?
    nonisolated(unsafe) private static var saved: Int32 = -1
    nonisolated(unsafe) private static var users = 0

    private let start: Int

    private init(start: Int) {
        self.start = start
    }

    static func enable(_ capture: Bool) {
        lock.withLock { enabled = capture }
    }

    /// Starts capturing for one render, or nil when capture is off.
    static func begin() -> StandardErrorCapture? {
        lock.withLock {
            guard enabled else { return nil }
            if users == 0 {
                fflush(nil)
                file = tmpfile()
                saved = file == nil ? -1 : dup(2)
                if let file, saved >= 0 { dup2(fileno(file), 2) }
            }
            users += 1
            return StandardErrorCapture(start: Self.end())
        }
    }

    /// The offset of the end of the capture file; guarded by `lock`.
    private static func end() -> Int {
        guard let file, saved >= 0 else { return 0 }
        return max(0, Int(lseek(fileno(file), 0, SEEK_END)))
    }

    /// What was written since this render began.
    func peek() -> String {
        Self.lock.withLock { Self.read(from: start) }
    }

    /// Guarded by `lock`.
    private static func read(from start: Int) -> String {
        guard let file, saved >= 0 else { return "" }
        fflush(nil)
        let length = end() - start
        guard length > 0 else { return "" }
        var bytes = [UInt8](repeating: 0, count: length)
        let count = pread(fileno(file), &bytes, length, off_t(start))
        return String(decoding: bytes.prefix(max(count, 0)), as: UTF8.self)
    }

    /// Ends this render's capture and returns what was written since it began; the last render running restores
    /// file descriptor 2.
    func finish() -> String {
        Self.lock.withLock {
            let text = Self.read(from: start)
            Self.users -= 1
            if Self.users == 0, let file = Self.file {
                if Self.saved >= 0 {
                    dup2(Self.saved, 2)
                    close(Self.saved)
                }
                fclose(file)
                Self.file = nil
                Self.saved = -1
            }
            return text
        }
    }
}

/// A failure inside Graphviz, turned into `SOCGraphError.outputFailed` by `GraphvizRenderer`.
enum GraphvizError: Error {
    case failed(String)
}
