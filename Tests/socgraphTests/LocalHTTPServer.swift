import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A small HTTP/1.1 server on 127.0.0.1 for the `socgraph text` tests: serves the files under `root` by path, or
/// misbehaves on purpose (`truncated`: announces every byte, sends half, hangs up; `corrupted`: one byte changed).
/// One connection at a time, `Connection: close`; stopped by `stop()`.
final class LocalHTTPServer: @unchecked Sendable {
    enum Mode { case files, truncated, corrupted }

    let port: UInt16
    let root: URL
    let mode: Mode
    private let listener: Int32
    private let lock = NSLock()
    private var requests: [String] = []

    var base: String { "http://127.0.0.1:\(port)/" }
    /// The paths requested so far.
    var requested: [String] { lock.withLock { requests } }

    init(root: URL, mode: Mode = .files) throws {
        self.root = root
        self.mode = mode
        #if canImport(Glibc)
        let stream = Int32(SOCK_STREAM.rawValue)
        #else
        let stream = SOCK_STREAM
        #endif
        let fd = socket(AF_INET, stream, 0)
        guard fd >= 0 else { throw POSIXError(.EIO) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 16) == 0 else {
            close(fd)
            throw POSIXError(.EADDRINUSE)
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        port = UInt16(bigEndian: address.sin_port)
        listener = fd
        let thread = Thread { [self] in serve() }
        thread.start()
    }

    /// A port on 127.0.0.1 that nothing listens on (bound, then closed).
    static func closedPort() throws -> UInt16 {
        let server = try LocalHTTPServer(root: URL(fileURLWithPath: "/nonexistent"))
        server.stop()
        return server.port
    }

    func stop() {
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    private func serve() {
        while true {
            let client = accept(listener, nil, nil)
            guard client >= 0 else { return }
            handle(client)
            close(client)
        }
    }

    private func handle(_ client: Int32) {
        var request = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while !request.containsHeaderEnd {
            let count = read(client, &buffer, buffer.count)
            guard count > 0 else { return }
            request += buffer[0..<count]
        }
        let line = String(decoding: request.prefix { $0 != 13 }, as: UTF8.self)
        let parts = line.split(separator: " ")
        guard parts.count >= 2 else { return }
        let path = String(parts[1]).removingPercentEncoding ?? String(parts[1])
        lock.withLock { requests.append(path) }
        let file = root.appendingPathComponent(String(path.drop { $0 == "/" }))
        guard !path.contains(".."), var body = try? Data(contentsOf: file) else {
            send(client, Data("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".utf8))
            return
        }
        let header = "HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: \(body.count)\r\n"
            + "Connection: close\r\n\r\n"
        switch mode {
        case .files:
            send(client, Data(header.utf8) + body)
        case .corrupted:
            body[body.count / 2] ^= 0xFF
            send(client, Data(header.utf8) + body)
        case .truncated:
            send(client, Data(header.utf8) + body.prefix(body.count / 2))
        }
    }

    private func send(_ client: Int32, _ data: Data) {
        data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = write(client, raw.baseAddress! + offset, raw.count - offset)
                guard written > 0 else { return }
                offset += written
            }
        }
    }
}

private extension Array where Element == UInt8 {
    var containsHeaderEnd: Bool {
        count >= 4 && indices.dropLast(3).contains { self[$0] == 13 && self[$0 + 1] == 10 && self[$0 + 2] == 13 && self[$0 + 3] == 10 }
    }
}
