import Foundation
import Testing
import ZIPFoundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `socgraph serve` run as a real process on a free port of 127.0.0.1, asked over HTTP.
final class ServerProcess {
    let process = Process()
    /// `http://127.0.0.1:PORT`, without the final slash.
    let base: String
    private let errors = Pipe()

    /// Starts `socgraph serve --port 0 arguments…` and waits for the line that says where it listens.
    init(_ arguments: [String]) throws {
        let output = Pipe()
        process.executableURL = CLI.executable
        process.arguments = ["serve", "--port", "0"] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["SOCGRAPH_GRAPH"] = nil
        process.environment = environment
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        var printed = Data()
        let deadline = Date().addingTimeInterval(90)
        while Date() < deadline {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            printed += chunk
            if String(decoding: printed, as: UTF8.self).contains("/ (Ctrl-C stops)") { break }
        }
        let line = String(decoding: printed, as: UTF8.self)
        guard let range = line.range(of: #"http://[^ ]+:\d+"#, options: .regularExpression) else {
            process.terminate()
            throw ServerFailure(message: "serve printed no address: \(line)")
        }
        base = String(line[range])
    }

    struct ServerFailure: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }

    /// What the server printed on stderr so far (only after `stop`).
    func stop() -> String {
        process.terminate()
        process.waitUntilExit()
        return String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    }
}

/// One HTTP answer.
struct HTTPAnswer {
    let status: Int
    let headers: [String: String]
    let body: Data
    var text: String { String(decoding: body, as: UTF8.self) }

    func header(_ name: String) -> String? {
        headers.first { $0.key.lowercased() == name.lowercased() }?.value
    }
}

enum HTTP {
    /// Sends one request and waits for the answer.
    static func send(_ url: String, method: String = "GET", body: Data? = nil, contentType: String? = nil) throws
        -> HTTPAnswer
    {
        var request = URLRequest(url: try #require(URL(string: url)))
        request.httpMethod = method
        request.httpBody = body
        request.timeoutInterval = 120
        if let contentType { request.setValue(contentType, forHTTPHeaderField: "Content-Type") }
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var answer: (Data?, URLResponse?, Error?)
        URLSession.shared.dataTask(with: request) { data, response, error in
            answer = (data, response, error)
            done.signal()
        }.resume()
        done.wait()
        if let error = answer.2 { throw error }
        let response = try #require(answer.1 as? HTTPURLResponse)
        var headers: [String: String] = [:]
        for (key, value) in response.allHeaderFields { headers["\(key)"] = "\(value)" }
        return HTTPAnswer(status: response.statusCode, headers: headers, body: answer.0 ?? Data())
    }

    /// `text` as a form value (`application/x-www-form-urlencoded`).
    static func form(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics.intersection(CharacterSet(charactersIn: " "..."~"))
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }
}

@Suite("socgraph serve", .serialized)
struct ServeCommandTests {
    /// The shipped graph with the text layer when the official files are there, else the shipped graph.
    static var graph: URL { TextGraph.directory ?? CLI.packageRoot.appendingPathComponent("Graph") }

    static let profile = FitCommandTests.profiles.appendingPathComponent("ml-team-leader.json")

    @Test("every /api/ answer is the command line's JSON, byte for byte")
    func apiIsTheCommandLine() throws {
        let graph = Self.graph.path
        let server = try ServerProcess(["--graph", graph])
        defer { _ = server.stop() }
        let cases: [(path: String, arguments: [String])] = [
            ("/api/search?q=machine+learning+engineer&limit=5", ["search", "machine learning engineer", "--limit", "5"]),
            ("/api/search?q=Team%20Leader&envelope=true", ["search", "Team Leader", "--envelope"]),
            ("/api/show/15-2051", ["show", "15-2051"]),
            ("/api/show/11.0102", ["show", "11.0102"]),
            ("/api/related/15-1252", ["related", "15-1252"]),
            ("/api/compare?codes=15-2051+15-1252+15-1221", ["compare", "15-2051", "15-1252", "15-1221"]),
            ("/api/compare?code=17-2051&code=19-1041&programs=true", ["compare", "17-2051", "19-1041", "--programs"]),
            ("/api/fields", ["fields"]),
            ("/api/fields/semiconductors?grade=incidental", ["fields", "semiconductors", "--grade", "incidental"]),
            ("/api/why/15-2051/artificial-intelligence", ["why", "15-2051", "artificial-intelligence"]),
        ]
        for (path, arguments) in cases {
            let answer = try HTTP.send(server.base + path)
            let cli = try CLI.run(arguments + ["--graph", graph, "--format", "json"])
            #expect(cli.status == 0, "\(arguments): \(cli.stderr)")
            #expect(answer.status == 200, "\(path): \(answer.text.prefix(300))")
            #expect(answer.header("Content-Type") == "application/json; charset=utf-8", "\(path)")
            #expect(answer.text == cli.stdout, "\(path): the JSON differs from \(arguments)")
        }
        let fit = try HTTP.send(server.base + "/api/fit", method: "POST", body: try Data(contentsOf: Self.profile),
                                contentType: "application/json")
        let cli = try CLI.run(["fit", Self.profile.path, "--graph", graph, "--format", "json"])
        #expect(fit.status == 200)
        #expect(fit.text == cli.stdout, "POST /api/fit differs from socgraph fit")

        // Failures: the command line's message, and its exit status in the JSON.
        let unknown = try HTTP.send(server.base + "/api/show/99-9999")
        let cliUnknown = try CLI.run(["show", "99-9999", "--graph", graph])
        #expect(unknown.status == 400)
        let error = try #require(try JSONSerialization.jsonObject(with: unknown.body) as? [String: Any])
        #expect(error["status"] as? Int == 2)
        #expect("socgraph: error: \(error["error"] as? String ?? "")\n" == cliUnknown.stderr)
        let nothing = try HTTP.send(server.base + "/api/search?q=zzzzqqqq")
        #expect(nothing.status == 404)
        let badProfile = try HTTP.send(server.base + "/api/fit", method: "POST", body: Data(#"{"client": 3}"#.utf8),
                                       contentType: "application/json")
        #expect(badProfile.status == 400)
        #expect(badProfile.text.contains("client"), "\(badProfile.text)")
        let noDiff = try HTTP.send(server.base + "/api/diff")
        #expect(noDiff.status == 404)
        #expect(noDiff.text.contains("--previous-graph"))

        let spec = try HTTP.send(server.base + "/api/openapi.yaml")
        #expect(spec.status == 200)
        for endpoint in ["/api/search:", "/api/show/{code}:", "/api/related/{code}:", "/api/compare:", "/api/fields:",
                         "/api/fields/{field}:", "/api/why/{code}/{field}:", "/api/diff:", "/api/fit:"] {
            #expect(spec.text.contains("  " + endpoint), "openapi.yaml lacks \(endpoint)")
        }
    }

    @Test("pages: search with reasons and the weak warning, code, compare with downloads, fields, why")
    func pages() throws {
        let server = try ServerProcess(["--graph", Self.graph.path])
        defer { _ = server.stop() }
        let home = try HTTP.send(server.base + "/")
        #expect(home.status == 200)
        #expect(home.header("Content-Type") == "text/html; charset=utf-8")
        #expect(home.header("Content-Security-Policy")?.contains("default-src 'none'") == true)
        #expect(home.text.contains("<form method=\"get\" action=\"/search\""))

        let search = try HTTP.send(server.base + "/search?q=Senior+Data+Scientist+II")
        #expect(search.status == 200)
        #expect(search.text.contains("href=\"/code/15-2051\""))
        #expect(search.text.contains("Why it matched"))
        #expect(search.text.contains("Ignored: "), "levels are said to be ignored")
        let weak = try HTTP.send(server.base + "/search?q=Team+Leader")
        #expect(weak.text.contains("class=\"weak\""), "a title of role words only is flagged")

        let code = try HTTP.send(server.base + "/code/15-2051")
        #expect(code.status == 200)
        #expect(code.text.contains("<h1>15-2051  Data Scientists</h1>"))
        #expect(code.text.contains("<svg"), "the neighbourhood diagram is inline")
        #expect(code.text.contains("href=\"/why/15-2051/artificial-intelligence\""))
        #expect(code.text.contains("href=\"/code/15-0000\""), "the hierarchy's codes are links")
        if TextGraph.directory != nil { #expect(code.text.contains("Definition")) }

        let compare = try HTTP.send(server.base + "/compare?codes=15-2051+15-1252+15-1221")
        #expect(compare.status == 200)
        #expect(compare.text.contains("<svg"))
        for format in ["svg", "png", "pdf"] {
            #expect(compare.text.contains("/compare/diagram.\(format)?codes=15-2051%2015-1252%2015-1221"))
        }
        let png = try HTTP.send(server.base + "/compare/diagram.png?codes=15-2051%2015-1252%2015-1221")
        #expect(png.status == 200)
        #expect(png.header("Content-Type") == "image/png")
        #expect(png.body.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        #expect(png.header("Content-Disposition") == "attachment; filename=\"compare-15-1221-15-1252-15-2051.png\"")
        let pdf = try HTTP.send(server.base + "/compare/diagram.pdf?codes=15-2051%2015-1252")
        #expect(pdf.body.starts(with: Array("%PDF".utf8)))

        let fields = try HTTP.send(server.base + "/fields")
        #expect(fields.text.contains("href=\"/fields/artificial-intelligence\""))
        let field = try HTTP.send(server.base + "/fields/artificial-intelligence")
        #expect(field.text.contains("href=\"/why/15-2051/artificial-intelligence\""))
        let why = try HTTP.send(server.base + "/why/15-2051/artificial-intelligence")
        #expect(why.status == 200)
        #expect(why.text.contains("<pre>"))
    }

    @Test("the client case: form and upload give the assessment; the memo downloads as DOCX, HTML and Markdown")
    func clientCase() throws {
        let server = try ServerProcess(["--graph", Self.graph.path])
        defer { _ = server.stop() }
        let form = try HTTP.send(server.base + "/case")
        #expect(form.text.contains("action=\"/case\""))
        #expect(form.text.contains("enctype=\"multipart/form-data\""))

        // The upload first: the memos below reuse its assessment, as a user's download after the page does.
        let boundary = "socgraph-test-boundary"
        var upload = Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"profile\"; filename=\"p.json\"\r\n".utf8)
        upload += Data("Content-Type: application/json\r\n\r\n".utf8) + (try Data(contentsOf: Self.profile))
        upload += Data("\r\n--\(boundary)--\r\n".utf8)
        let uploaded = try HTTP.send(server.base + "/case/upload", method: "POST", body: upload,
                                     contentType: "multipart/form-data; boundary=\(boundary)")
        #expect(uploaded.status == 200, "\(uploaded.text.prefix(500))")
        let fit = try HTTP.send(server.base + "/api/fit", method: "POST", body: try Data(contentsOf: Self.profile),
                                contentType: "application/json")
        let recommended = try #require(
            ((try JSONSerialization.jsonObject(with: fit.body) as? [String: Any])?["recommendation"]
                as? [String: Any])?["code"] as? String)
        #expect(uploaded.text.contains("href=\"/code/\(recommended)\""), "the page names the code fit recommends")
        #expect(uploaded.text.contains("action=\"/case/memo\""))
        #expect(uploaded.text.contains("<svg"), "the comparison diagram of the candidates")

        let profileText = try String(contentsOf: Self.profile, encoding: .utf8)
        func memo(_ format: String) throws -> HTTPAnswer {
            try HTTP.send(server.base + "/case/memo", method: "POST",
                          body: Data(("format=\(format)&profile=" + HTTP.form(profileText)).utf8),
                          contentType: "application/x-www-form-urlencoded")
        }
        let docx = try memo("docx")
        #expect(docx.status == 200)
        #expect(docx.header("Content-Disposition")?.hasSuffix(".docx\"") == true)
        let archive = try Archive(data: docx.body, accessMode: .read)
        #expect(archive["word/document.xml"] != nil)
        #expect(archive["word/media/diagram.png"] != nil)
        let html = try memo("html")
        #expect(html.text.hasPrefix("<!DOCTYPE html>"))
        #expect(html.text.contains("<svg"))
        let markdown = try memo("md")
        let zip = try Archive(data: markdown.body, accessMode: .read)
        let names = Set(zip.map(\.path))
        #expect(names.contains { $0.hasSuffix(".md") } && names.contains { $0.hasSuffix(".png") }, "\(names)")

        // The same client typed into the form: each field is the profile key of the same name.
        let profile = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: Self.profile)) as? [String: Any])
        var fields = ["client", "title", "endeavor", "degree", "degreeField"].map { key in
            key + "=" + HTTP.form(profile[key] as? String ?? "")
        }
        fields.append("duties=" + HTTP.form((profile["duties"] as? [String] ?? []).joined(separator: "\n")))
        fields.append("yearsExperience=\(profile["yearsExperience"] ?? 0)")
        fields.append("candidates=" + HTTP.form((profile["candidates"] as? [String] ?? []).joined(separator: " ")))
        let assessed = try HTTP.send(server.base + "/case", method: "POST", body: Data(fields.joined(separator: "&").utf8),
                                     contentType: "application/x-www-form-urlencoded")
        #expect(assessed.status == 200, "\(assessed.text.prefix(500))")
        #expect(assessed.text.contains("href=\"/code/\(recommended)\""))

        let bad = try HTTP.send(server.base + "/case", method: "POST", body: Data("client=A.B.".utf8),
                                contentType: "application/x-www-form-urlencoded")
        #expect(bad.status == 400)
        #expect(bad.text.contains("missing key"), "\(bad.text.prefix(400))")
    }

    @Test("bad requests: one message on a page, the right status, no option or file named by a request")
    func badRequests() throws {
        let server = try ServerProcess(["--graph", Self.graph.path])
        defer { _ = server.stop() }
        let missing = try HTTP.send(server.base + "/no/such/page")
        #expect(missing.status == 404)
        #expect(missing.text.contains("class=\"error\""))
        // A code that looks like an option is read as a code.
        let option = try HTTP.send(server.base + "/api/show/--graph=%2Ftmp")
        #expect(option.status == 400)
        #expect(option.text.contains("--graph=/tmp"), "\(option.text)")
        let sneaky = try HTTP.send(server.base + "/api/search?q=--help")
        #expect(sneaky.status != 200 || !sneaky.text.contains("USAGE"))
        let traversal = try HTTP.send(server.base + "/code/..%2F..%2Fetc%2Fpasswd")
        #expect(traversal.status == 400)
        #expect(!traversal.text.contains("root:"))
        let long = try HTTP.send(server.base + "/search?q=" + String(repeating: "a", count: 9_000))
        #expect(long.status == 414)
        let big = try HTTP.send(server.base + "/api/fit", method: "POST", body: Data(count: 2 * 1_024 * 1_024),
                                contentType: "application/json")
        #expect(big.status == 413)
        let put = try HTTP.send(server.base + "/", method: "PUT")
        #expect(put.status == 405)
        let tooMany = try HTTP.send(server.base + "/compare?codes=" + (1...9).map { "15-20\($0)1" }.joined(separator: "+"))
        #expect(tooMany.status == 400)
        #expect(tooMany.text.contains("2 to 8"))
        let badLimit = try HTTP.send(server.base + "/search?q=data&limit=500")
        #expect(badLimit.status == 400)
        for answer in [missing, traversal, long, put, tooMany, badLimit] {
            #expect(!answer.text.contains("Fatal error") && !answer.text.contains(".swift:"), "no trace on a page")
        }
    }

    @Test("the change report appears with --previous-graph")
    func changes() throws {
        let graph = Self.graph.path
        let previous = CLI.packageRoot.appendingPathComponent("Tests/SOCGraphTests/Fixtures/graph").path
        let server = try ServerProcess(["--graph", graph, "--previous-graph", previous])
        defer { _ = server.stop() }
        let page = try HTTP.send(server.base + "/diff?codes=15-2051")
        #expect(page.status == 200, "\(page.text.prefix(300))")
        #expect(page.text.contains("href=\"/diff\""), "the navigation links the change report")
        let api = try HTTP.send(server.base + "/api/diff?codes=15-2051")
        let cli = try CLI.run(["diff", previous, graph, "15-2051", "--format", "json"])
        #expect(api.text == cli.stdout)
    }

    @Test("listening beyond this machine is said; a bad port is refused")
    func hosts() throws {
        let server = try ServerProcess(["--graph", Self.graph.path, "--host", "0.0.0.0"])
        let stderr = server.stop()
        #expect(stderr.contains("anyone who can reach this machine"), "\(stderr)")
        let bad = try CLI.run(["serve", "--port", "70000"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("--port 70000 is out of range"))
    }

    @Test("hostile titles reach pages escaped")
    func hostileTitles() throws {
        let graph = try HostileLabelTests.hostileGraph()
        defer { try? FileManager.default.removeItem(at: graph) }
        let server = try ServerProcess(["--graph", graph.path])
        defer { _ = server.stop() }
        for path in ["/search?q=data+scientists", "/code/15-2051", "/code/15-1252", "/compare?codes=15-2051+15-1252+15-1221+15-1253",
                     "/fields", "/search?q=" + HTTP.form("<script>alert('x')</script>")] {
            let answer = try HTTP.send(server.base + path)
            #expect(answer.status == 200 || answer.status == 404, "\(path): \(answer.status)")
            HostileLabelTests.expectNoLiveMarkup(answer.text, path)
        }
    }
}
