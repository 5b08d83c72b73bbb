import ArgumentParser
import Dispatch
import Foundation
import Hummingbird
import Logging
import SOCGraph

/// `socgraph serve`: the web explorer on a local address.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the web explorer: search, code pages, comparisons, fields, the client case and a JSON API.",
        discussion: """
            Pages are made on the server by the same commands as the command line, with no script and nothing \
            fetched from elsewhere, so the explorer works offline. /api/… answers exactly the JSON the command line \
            prints for the same query (described in /api/openapi.yaml). Listens on 127.0.0.1 (this machine only) \
            unless --host says otherwise; socgraph has no login, so another host lets anyone who can reach it use \
            the explorer. --port 0 takes any free port. The address is printed once the server listens; Ctrl-C \
            stops it.
            Exit status: 2 bad options, 3 damaged graph, 4 the address cannot be listened on.
            """
    )

    @Option(name: .long, help: ArgumentHelp("The address to listen on (127.0.0.1: this machine only).", valueName: "host"))
    var host = "127.0.0.1"

    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("The port to listen on (0: any free port).", valueName: "port"))
    var port = 8080

    @Option(name: .long, help: ArgumentHelp("An earlier Graph/ directory: adds the change report (/diff).",
                                            valueName: "dir"), completion: .directory)
    var previousGraph: String?

    @OptionGroup var graphOptions: GraphOptions

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port \(port) is out of range: give 0 to 65535") }
        guard !host.isEmpty, host.count <= 255 else { throw ValidationError("--host is empty or too long: give an address such as 127.0.0.1") }
        if let previousGraph {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: previousGraph, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw ValidationError("--previous-graph \(SOCGraphError.quoted(previousGraph)) is not a directory")
            }
        }
    }

    /// Whether `host` is reachable from this machine only.
    static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }

    func run() throws {
        let directory = graphOptions.directory.standardizedFileURL.path
        // Loaded before listening, so that a damaged graph is one error line and exit 3, not a page per request.
        _ = try graphOptions.load()
        _ = try graphOptions.searchIndex()
        _ = try graphOptions.text()
        if let previousGraph { _ = try LoadedGraphs.shared.graph(directory: URL(fileURLWithPath: previousGraph)) }
        let app = WebApp(queries: WebQueries(
            graph: directory,
            previousGraph: previousGraph.map { URL(fileURLWithPath: $0).standardizedFileURL.path }))

        var logger = Logger(label: "socgraph")
        logger.logLevel = .error
        let host = self.host
        let announce: @Sendable (Int?) -> Void = { port in
            let shown = host.contains(":") ? "[\(host)]" : host
            Terminal.writeOut("socgraph: serving \(directory) at http://\(shown):\(port.map(String.init) ?? "?")/ (Ctrl-C stops)\n")
            if !Self.isLoopback(host) {
                Terminal.note("listening on \(host): anyone who can reach this machine on that address can use the "
                              + "explorer, which has no login; use --host 127.0.0.1 to keep it to this machine")
            }
        }
        let application = Application(
            responder: CallbackResponder<BasicRequestContext> { request, _ in await app.respond(to: request) },
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: nil),
            onServerRunning: { channel in announce(channel.localAddress?.port) },
            logger: logger)

        let done = DispatchSemaphore(value: 0)
        let failure = Failure()
        Task {
            do { try await application.runService() } catch { failure.error = error }
            done.signal()
        }
        done.wait()
        if let error = failure.error {
            throw SOCGraphError.outputFailed("cannot listen on \(host):\(port): \(SystemError.reason(of: error) ?? "\(error)"); "
                                             + "give another --port or --host")
        }
    }

    /// The error the server stopped with, handed from its task to the waiting command.
    private final class Failure: @unchecked Sendable {
        var error: Error?
    }
}
