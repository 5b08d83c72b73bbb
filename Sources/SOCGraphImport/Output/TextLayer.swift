import Crypto
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import SOCGraph

/// Graph/text/: the verbatim prose of the official files (SOC 2018 definitions, O*NET task statements, the tasks'
/// detailed work activities), which git never holds. `socgraph text` obtains the four files that carry it from
/// their official addresses (or a folder, or a mirror), checks each against the sha256 the graph's manifest pins,
/// and replaces text/ as a whole, so that a failure leaves the old text/ (or none) as it was.
public enum TextLayer {
    /// The official files the text layer is built from, in the order they are fetched.
    public static let files: [OfficialFile] = [
        .socDefinitions, .onetTaskStatements, .onetTasksToDWAs, .onetDWAReference,
    ]

    /// Where `socgraph text` takes the files from.
    public enum Origin: Sendable {
        /// Each file's official address, as the manifest records it.
        case official
        /// A mirror of the source folder: each file at `base` + its path in the manifest.
        case mirror(URL)
        /// A folder of downloaded files: each at its path in the manifest, or by its file name directly inside.
        case folder(URL)
    }

    /// The text/ tables from files already read (the importer's `--with-text`, and `install`).
    static func tables(soc: SOCStructureSource, tasks: TaskStatementsSource, activities: WorkActivitiesSource)
        -> [GraphTable]
    {
        let socCode = GraphTableBuilder.socCode
        return [
            GraphTable(path: "text/definitions.tsv", header: ["code", "definition"],
                       rows: soc.groups.compactMap { group in group.definition.map { [group.code, $0] } }),
            GraphTable(path: "text/tasks.tsv", header: ["onet_code", "code", "task_id", "task_type", "task"],
                       rows: tasks.tasks.map { task in
                           [task.onetCode, socCode(task.onetCode), String(task.taskID), task.taskType, task.text]
                       }),
            GraphTable(path: "text/task-dwas.tsv", header: ["onet_code", "code", "task_id", "dwa_id"],
                       rows: activities.links.map { link in
                           [link.onetCode, socCode(link.onetCode), String(link.taskID), link.dwaID]
                       }),
            GraphTable(path: "text/dwas.tsv", header: ["dwa_id", "iwa_id", "element_id", "title"],
                       rows: activities.activities.map { [$0.dwaID, $0.iwaID, $0.elementID, $0.title] }),
        ]
    }

    /// What `install` did: each file with where it came from, and the rows written.
    public struct Result: Sendable {
        public let fetched: [(file: OfficialFile, from: String, bytes: Int)]
        public let tables: [GraphTable]
    }

    /// Obtains the four files from `origin`, checks each against `sources` (the graph's manifest), reads them with
    /// the importer's readers (O*NET codes checked against `onetCodes`, the graph's) and replaces
    /// `graphDirectory`/text/. Nothing in text/ changes unless every step succeeds.
    ///
    /// Errors: `downloadFailed` (exit 5) for a network failure, an HTTP error or a broken transfer;
    /// `sourceProblem` (exit 3) for a file missing from a folder, bytes that do not match the manifest's sha256, or
    /// a file the readers refuse; `invalidInput` when the manifest does not pin a file; `outputFailed` when text/
    /// cannot be written.
    public static func install(from origin: Origin, sources: [DataSource], onetCodes: Set<String>,
                               into graphDirectory: URL, fetch: (URL) throws -> Data = HTTPDownload.fetch) throws
        -> Result
    {
        let manager = FileManager.default
        let staging = graphDirectory.appendingPathComponent(".text-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        defer { try? manager.removeItem(at: staging) }
        let downloads = staging.appendingPathComponent("sources")
        var fetched: [(file: OfficialFile, from: String, bytes: Int)] = []
        for file in files {
            guard let pinned = sources.first(where: { $0.source == file.id }) else {
                throw SOCGraphError.invalidInput(
                    "the graph's manifest.tsv does not pin '\(file.id)' (\(file.title)): run 'socgraph import' with "
                        + "the official files first")
            }
            let (bytes, from) = try obtain(file, pinned: pinned, origin: origin, fetch: fetch)
            let digest = SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
            guard digest == pinned.sha256 else {
                throw SOCGraphError.sourceProblem(
                    "\(from): sha256 \(digest.prefix(12))… is not the \(pinned.sha256.prefix(12))… that the "
                        + "manifest pins for \(pinned.title) (\(pinned.vintage)): the file is damaged or another "
                        + "release; get the \(pinned.vintage) file and run 'socgraph text --from DIR'; "
                        + "text/ was not changed")
            }
            let target = SourceDirectory(root: downloads).url(of: file)
            do {
                try manager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try bytes.write(to: target)
            } catch {
                throw SOCGraphError.outputFailed(
                    "cannot stage \(file.path) in \(graphDirectory.path) (\(error.localizedDescription)); text/ was not changed")
            }
            fetched.append((file, from, bytes.count))
        }
        let directory = SourceDirectory(root: downloads)
        let soc = try SOCStructureSource.read(from: directory)
        let tasks = try TaskStatementsSource.read(from: directory, onetCodes: onetCodes)
        let activities = try WorkActivitiesSource.read(
            from: directory, onetCodes: onetCodes, taskIDs: Set(tasks.tasks.map(\.taskID)))
        let tables = tables(soc: soc, tasks: tasks, activities: activities)
        try replaceText(in: graphDirectory, with: tables, staging: staging)
        return Result(fetched: fetched, tables: tables)
    }

    /// The bytes of `file` from `origin`, and where they came from (an address or a path), for messages.
    private static func obtain(_ file: OfficialFile, pinned: DataSource, origin: Origin,
                               fetch: (URL) throws -> Data) throws -> (Data, String)
    {
        switch origin {
        case .official:
            guard let url = URL(string: pinned.url), url.scheme == "https" || url.scheme == "http" else {
                throw SOCGraphError.invalidInput("the manifest's address for \(file.id) is not a web address: \(pinned.url)")
            }
            return (try fetch(url), url.absoluteString)
        case let .mirror(base):
            let url = pinned.file.split(separator: "/").reduce(base) { $0.appendingPathComponent(String($1)) }
            return (try fetch(url), url.absoluteString)
        case let .folder(folder):
            let candidates = [SourceDirectory(root: folder).url(of: file),
                              folder.appendingPathComponent((pinned.file as NSString).lastPathComponent)]
            guard let found = candidates.first(where: { FileManager.default.fileExists(atPath: $0.path) }) else {
                throw SOCGraphError.sourceProblem(
                    "\(folder.path) holds neither \(pinned.file) nor \((pinned.file as NSString).lastPathComponent): "
                        + "download \(pinned.title) from \(pinned.url) into it; text/ was not changed")
            }
            do {
                return (try Data(contentsOf: found), found.path)
            } catch {
                throw SOCGraphError.sourceProblem("cannot read \(found.path) (\(error.localizedDescription))")
            }
        }
    }

    /// Writes `tables` into `staging`/text, then swaps it for `graphDirectory`/text in two renames (the old
    /// folder, if any, is removed only after the new one is in place).
    private static func replaceText(in graphDirectory: URL, with tables: [GraphTable], staging: URL) throws {
        let manager = FileManager.default
        let newText = staging.appendingPathComponent("text")
        do {
            for table in tables {
                let url = staging.appendingPathComponent(table.path)
                try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(table.text.utf8).write(to: url)
            }
        } catch {
            throw SOCGraphError.outputFailed(
                "cannot write the new text files in \(graphDirectory.path) (\(error.localizedDescription)); "
                    + "text/ was not changed")
        }
        let text = graphDirectory.appendingPathComponent("text")
        let old = staging.appendingPathComponent("old-text")
        let hadText = manager.fileExists(atPath: text.path)
        if hadText, rename(text.path, old.path) != 0 {
            throw SOCGraphError.outputFailed(
                "cannot move the old \(text.path) aside: \(String(cString: strerror(errno))); text/ was not changed")
        }
        guard rename(newText.path, text.path) == 0 else {
            let reason = String(cString: strerror(errno))
            if hadText { _ = rename(old.path, text.path) }
            throw SOCGraphError.outputFailed("cannot move the new text/ into \(graphDirectory.path): \(reason)")
        }
    }
}

/// One HTTP(S) GET, waited for: the body when the server answers 200 with all the bytes it announced.
public enum HTTPDownload {
    /// How long a transfer may stall before it counts as failed.
    public static let timeout: TimeInterval = 60

    public static func fetch(_ url: URL) throws -> Data {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        let transfer = Transfer()
        let session = URLSession(configuration: configuration, delegate: transfer, delegateQueue: nil)
        defer { session.finishTasksAndInvalidate() }
        session.dataTask(with: url).resume()
        transfer.done.wait()
        let host = url.host ?? url.absoluteString
        let (response, data, error) = transfer.outcome
        if let error {
            let reason = (error as? URLError).map(describe) ?? error.localizedDescription
            if response != nil {
                // The server answered, then the transfer stopped short.
                throw SOCGraphError.downloadFailed(
                    "the download of \(url.absoluteString) broke off after \(data.count) bytes (\(reason)); run "
                        + "'socgraph text' again; text/ was not changed")
            }
            throw SOCGraphError.downloadFailed(
                "cannot download \(url.absoluteString) from \(host): \(reason); check the network, or download the "
                    + "file by hand and run 'socgraph text --from DIR'; text/ was not changed")
        }
        guard let response else { throw SOCGraphError.downloadFailed("cannot download \(url.absoluteString): no answer") }
        if let http = response as? HTTPURLResponse, http.statusCode != 200 {
            throw SOCGraphError.downloadFailed(
                "\(url.absoluteString) answered HTTP \(http.statusCode); check the address, or download the "
                    + "file by hand and run 'socgraph text --from DIR'")
        }
        let expected = response.expectedContentLength
        if expected >= 0, Int64(data.count) != expected {
            throw SOCGraphError.downloadFailed(
                "the download of \(url.absoluteString) broke off after \(data.count) of \(expected) bytes; "
                    + "run 'socgraph text' again; text/ was not changed")
        }
        return data
    }

    /// Collects one transfer: whether the server answered, the bytes, and how it ended.
    private final class Transfer: NSObject, URLSessionDataDelegate, @unchecked Sendable {
        let done = DispatchSemaphore(value: 0)
        private let lock = NSLock()
        private var response: URLResponse?
        private var data = Data()
        private var error: Error?

        var outcome: (URLResponse?, Data, Error?) { lock.withLock { (response, data, error) } }

        func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
                        completionHandler: @escaping (URLSession.ResponseDisposition) -> Void) {
            lock.withLock { self.response = response }
            completionHandler(.allow)
        }

        func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
            lock.withLock { self.data.append(data) }
        }

        func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: Error?) {
            lock.withLock { self.error = error }
            done.signal()
        }
    }

    private static func describe(_ error: URLError) -> String {
        switch error.code {
        case .cannotConnectToHost: return "the connection was refused"
        case .cannotFindHost, .dnsLookupFailed: return "the host name does not resolve (no network?)"
        case .notConnectedToInternet: return "no network connection"
        case .timedOut: return "no answer within \(Int(timeout)) s"
        case .networkConnectionLost: return "the connection broke off during the transfer"
        default: return error.localizedDescription
        }
    }
}
