import Foundation
import HTTPTypes
import Hummingbird
import SOCGraph
import SOCGraphRender

/// The web explorer: every page and `/api/` answer of `socgraph serve`, computed by the same commands as the
/// command line (`WebQueries`), on the graph the server was started with.
///
/// Routing is a plain switch over the path's segments, so that every failure, an unknown address included, ends
/// in one place: an HTML page (or, under `/api/`, a JSON object) with the status and the command line's one-line
/// message. Nothing a request sends names a file: uploads and forms are read in memory, and answers are built in
/// memory.
struct WebApp: Sendable {
    let queries: WebQueries
    let diagrams = DiagramCache()
    let assessments = RecentAnswers<ClientProfile, FitReport>(capacity: 16)

    /// The assessment of `profile`, as `fit` makes it (kept for the memo download that usually follows).
    func assess(_ profile: ClientProfile) throws -> FitReport {
        let options = self.options
        return try assessments.value(for: profile) { try FitCommand.assess(profile, options: options) }
    }

    /// The longest request target read (path and query).
    static let addressLimit = 8_192
    /// The largest request body read: a profile is at most 256 KiB, which form encoding can triple.
    static let bodyLimit = 1_024 * 1_024

    var options: GraphOptions { (try? GraphOptions.parse(["--graph", queries.graph])) ?? GraphOptions() }
    var hasChanges: Bool { queries.previousGraph != nil }

    /// Answers one request; never throws.
    func respond(to request: Request) async -> Response {
        let isAPI = request.uri.path == "/api" ? false : request.uri.path.hasPrefix("/api/")
        do {
            guard request.uri.string.utf8.count <= Self.addressLimit else {
                throw WebError(status: 414, message: "the address is \(request.uri.string.utf8.count) bytes long; "
                                   + "send at most \(Self.addressLimit)")
            }
            let segments = try Self.segments(request.uri.path)
            var request = request
            switch request.method {
            case .get, .head:
                return try get(segments, form: try WebForm(request.uri.query))
            case .post:
                let body = try await Self.body(of: &request)
                return try post(segments, body: body, contentType: request.headers[.contentType] ?? "")
            default:
                throw WebError(status: 405, message: "\(request.method.rawValue) is not answered here; use GET, or POST "
                                   + "for the client case")
            }
        } catch {
            let failure = WebError(error)
            if isAPI {
                return WebResponse.json(status: failure.status, Self.errorJSON(failure))
            }
            return WebResponse.html(status: failure.status, WebPage.error(failure, hasChanges: hasChanges))
        }
    }

    /// The path's segments, percent-decoded; `..` and empty segments are refused.
    static func segments(_ path: String) throws -> [String] {
        try path.split(separator: "/", omittingEmptySubsequences: true).map { raw in
            guard let segment = raw.removingPercentEncoding, !segment.isEmpty, segment != "..", segment != "." else {
                throw WebError(status: 400, message: "the address has a segment that is not percent-encoded UTF-8")
            }
            return segment
        }
    }

    /// The request body, at most `bodyLimit` bytes.
    static func body(of request: inout Request) async throws -> Data {
        do {
            let buffer = try await request.collectBody(upTo: bodyLimit)
            return Data(buffer.readableBytesView)
        } catch {
            throw WebError(status: 413, message: "the request body is larger than \(bodyLimit / 1_024) KiB; send less")
        }
    }

    /// `{"error": …, "status": N}`, N the command line's exit status for it.
    static func errorJSON(_ error: WebError) -> String {
        let exit: Int
        switch error.status {
        case 404: exit = 1
        case 400, 405, 413, 414: exit = 2
        case 502: exit = 5
        default: exit = 3
        }
        struct Body: Encodable {
            let error: String
            let status: Int
        }
        let body = Body(error: error.message, status: exit)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return ((try? encoder.encode(body)).map { String(decoding: $0, as: UTF8.self) } ?? "{}") + "\n"
    }

    // MARK: Routes

    private func get(_ segments: [String], form: WebForm) throws -> Response {
        let rest = Array(segments.dropFirst())
        switch (segments.first ?? "", rest.count) {
        case ("", 0): return page("Search", body: home())
        case ("search", 0): return try searchPage(form)
        case ("code", 1): return try codePage(rest[0])
        case ("compare", 0): return try comparePage(form)
        case ("compare", 1) where rest[0].hasPrefix("diagram."): return try compareDiagram(form, file: rest[0])
        case ("fields", 0), ("fields", 1): return try fieldsPage(rest.first, form: form)
        case ("why", 2): return try whyPage(rest[0], rest[1])
        case ("diff", 0): return try diffPage(form)
        case ("case", 0): return page("Client case", body: WebCase.form())
        case ("api", 0): return page("API", body: WebCase.apiIndex())
        case ("api", _): return try getAPI(rest, form: form)
        default: throw notFound(segments)
        }
    }

    /// `/api/…`: the command line's JSON.
    private func getAPI(_ segments: [String], form: WebForm) throws -> Response {
        let rest = Array(segments.dropFirst())
        switch (segments.first ?? "", rest.count) {
        case ("openapi.yaml", 0):
            return WebResponse.data(Data(PackageResources.openapi_yaml), type: "application/yaml; charset=utf-8")
        case ("search", 0): return api(try queries.search(form))
        case ("show", 1): return api(queries.show(rest[0]))
        case ("related", 1): return api(queries.related(rest[0]))
        case ("compare", 0): return api(try queries.compare(form))
        case ("fields", 0), ("fields", 1): return api(try queries.fields(rest.first, form: form))
        case ("why", 2): return api(queries.why(rest[0], rest[1]))
        case ("diff", 0): return api(try queries.diff(form))
        default: throw notFound(["api"] + segments)
        }
    }

    private func notFound(_ segments: [String]) -> WebError {
        WebError(status: 404, message: "no page at /\(segments.joined(separator: "/")); start from the search page")
    }

    private func post(_ segments: [String], body: Data, contentType: String) throws -> Response {
        let web = WebCase(app: self)
        switch segments.joined(separator: "/") {
        case "case": return try web.assess(WebCase.profile(fromForm: try WebForm(String(decoding: body, as: UTF8.self))))
        case "case/upload": return try web.assess(try WebCase.profile(fromUpload: body, contentType: contentType))
        case "case/memo": return try web.memo(try WebForm(String(decoding: body, as: UTF8.self)))
        case "api/fit":
            let report = try assess(try ClientProfile.parse(body, file: "in the request"))
            return WebResponse.json(status: 200, try JSONOutput.render(report))
        default:
            throw WebError(status: 404, message: "nothing is posted to /\(segments.joined(separator: "/")); "
                               + "the client case form posts to /case")
        }
    }

    /// A page in the layout.
    func page(_ title: String, notes: [String] = [], body: String) -> Response {
        WebResponse.html(status: 200, WebPage.document(title: title, notes: notes, hasChanges: hasChanges, body: body))
    }

    /// The command line's JSON for `arguments`, byte for byte; a failure is `{"error", "status"}` with its status.
    private func api(_ arguments: [String]) -> Response {
        let printed = WebQueries.run(arguments)
        guard printed.status == 0 else {
            let error = WebError(status: WebError.status(forExit: printed.status),
                                 message: printed.error ?? "the query failed with exit status \(printed.status)")
            return WebResponse.json(status: error.status, Self.errorJSON(error))
        }
        return WebResponse.json(status: 200, printed.stdout)
    }

    // MARK: Pages

    private func home() -> String {
        "<h1>Find the SOC code</h1>\n" + WebPage.searchForm()
            + "<p class=\"muted\">A job title as the employer writes it (\"Senior Software Engineer II\"), a "
            + "home-country title (\"Team Leader\"), or a few sentences of duties.</p>\n"
            + "<h2>Compare candidate codes</h2>\n" + WebPage.compareForm()
            + "<h2>More</h2>\n<ul>\n<li><a href=\"/fields\">National-interest fields</a> and the occupations aligned "
            + "with each</li>\n<li><a href=\"/case\">A client's case</a>: candidate codes assessed against duties, "
            + "degree and endeavor, with the memo</li>\n<li><a href=\"/api\">The JSON API</a>, the command line's "
            + "JSON over HTTP</li>\n</ul>\n"
    }

    private func searchPage(_ form: WebForm) throws -> Response {
        let command = try WebQueries.parse(try queries.search(form, format: "table"), as: SearchCommand.self)
        let (answer, notes) = try WebQueries.capturing { try command.results() }
        let results = answer.results
        var body = "<h1>Occupations for “" + WebPage.escape(results.query) + "”</h1>\n"
        if let weak = SearchOutput.weakNote(results) {
            body += "<p class=\"weak\"><strong>" + WebPage.escape(weak) + "</strong></p>\n"
        }
        body += "<table class=\"hits\">\n<thead><tr><th>#</th><th>Code</th><th>Title</th><th>Score</th>"
            + "<th>Why it matched</th></tr></thead>\n<tbody>\n"
        for (rank, hit) in results.hits.enumerated() {
            body += "<tr><td>\(rank + 1)</td><td class=\"code\">" + WebPage.codeLink(hit.code) + "</td><td>"
                + WebPage.escape(hit.title) + "</td><td class=\"score\">" + SearchOutput.score(hit.score) + "</td><td>"
                + WebPage.escape(hit.matches.joined(separator: "; ")) + "</td></tr>\n"
        }
        body += "</tbody>\n</table>\n"
        if !results.ignoredWords.isEmpty {
            body += "<p class=\"muted\">Ignored: " + WebPage.escape(results.ignoredWords.joined(separator: ", "))
                + " (levels, ranks, reach, terms and employer noise say nothing of the occupation)</p>\n"
        }
        if let readAs = results.readAs { body += "<p class=\"muted\">Read as: " + WebPage.escape(readAs) + "</p>\n" }
        if let unknown = SearchOutput.unknownNote(results) {
            body += "<p class=\"muted\">" + WebPage.escape(unknown) + "</p>\n"
        }
        let codes = results.hits.prefix(3).map(\.code)
        if codes.count >= 2 {
            body += "<p><a href=\"/compare?codes=" + WebPage.percent(codes.joined(separator: " ")) + "\">Compare the first "
                + "\(codes.count)</a> · <a href=\"/api/search?q=" + WebPage.percent(results.query) + "&amp;limit="
                + "\(command.limit)\">JSON</a></p>\n"
        }
        // The footer's lines (the sources, then ESCO's notice when cited) stay lines.
        let footer = SourcesFooter.render(answer.sources, width: 1_000).split(separator: "\n").map { WebPage.escape(String($0)) }
        body += "<p class=\"muted\">" + footer.joined(separator: "<br>\n") + "</p>\n"
        body += "<h2>Search again</h2>\n" + WebPage.searchForm(results.query, limit: command.limit)
        return page("Search: \(results.query)", notes: notes, body: body)
    }

    private func codePage(_ code: String) throws -> Response {
        let command = try WebQueries.parse(queries.show(code, format: "table"), as: ShowCommand.self)
        let options = self.options, diagrams = self.diagrams
        let ((report, svg), notes) = try WebQueries.capturing { () throws -> (NodeReport, Data?) in
            let report = try command.report()
            guard case .occupation = report else { return (report, nil) }
            let graph = try options.load()
            let diagram = try DiagramFactory.neighbourhood(
                of: try graph.resolve(code), depth: 1, tiers: RenderCommand.TierChoice.primaryShort.tiers, in: graph)
            return (report, try diagrams.render(diagram, format: .svg))
        }
        let text = ReportTable.render(report, width: 100, style: .plain)
        let heading = text.split(separator: "\n").first.map(String.init) ?? code
        var body = "<h1>" + WebPage.escape(heading) + "</h1>\n"
        if case let .occupation(occupation) = report {
            body += "<p><a href=\"/compare?codes=" + WebPage.percent(occupation.code) + "+\">Compare with…</a> · "
                + "<a href=\"/api/show/" + WebPage.percent(occupation.code) + "\">JSON</a></p>\n"
            if !occupation.fields.isEmpty {
                body += "<h2>National-interest fields: the evidence</h2>\n<ul>\n" + occupation.fields.map { field in
                    "<li><a href=\"/why/" + WebPage.percent(occupation.code) + "/" + WebPage.percent(field.id) + "\">"
                        + WebPage.escape(field.name) + "</a> (" + WebPage.escape(field.grade) + ")</li>\n"
                }.joined() + "</ul>\n"
            }
        }
        body += WebPage.preformatted(text)
        if let svg {
            body += "<h2>Neighbourhood</h2>\n<figure>\n" + MemoHTML.inlineSVG(svg)
                + "\n<figcaption>Related occupations (O*NET primary-short links)</figcaption>\n</figure>\n"
        }
        return page(heading, notes: notes, body: body)
    }

    private func comparePage(_ form: WebForm) throws -> Response {
        let codes = form.codes()
        guard !codes.isEmpty else {
            return page("Compare", body: "<h1>Compare candidate codes</h1>\n" + WebPage.compareForm())
        }
        let command = try WebQueries.parse(try queries.compare(form, format: "table"), as: CompareCommand.self)
        let options = self.options, diagrams = self.diagrams
        let ((report, svg), notes) = try WebQueries.capturing { () throws -> (ComparisonReport, Data) in
            let report = try command.comparison()
            let (diagram, _) = try DiagramOutput.comparison(
                codes: command.codes, graph: try options.load(), includePrograms: command.programs)
            return (report, try diagrams.render(diagram, format: .svg))
        }
        let query = "codes=" + WebPage.percent(command.codes.joined(separator: " "))
            + (command.programs ? "&amp;programs=true" : "")
        var body = "<h1>Comparison of " + WebPage.escape(command.codes.joined(separator: ", ")) + "</h1>\n"
            + "<p class=\"downloads\">Download the diagram: "
            + ["svg", "png", "pdf"].map { "<a href=\"/compare/diagram.\($0)?\(query)\">\($0.uppercased())</a>" }
                .joined(separator: " ")
            + " · <a href=\"/api/compare?\(query)\">JSON</a></p>\n"
        body += "<figure>\n" + MemoHTML.inlineSVG(svg) + "\n</figure>\n"
        body += WebPage.preformatted(ComparisonTable.render(report, width: 140, style: .plain))
        body += "<h2>Compare others</h2>\n" + WebPage.compareForm(command.codes)
        return page("Compare " + command.codes.joined(separator: " "), notes: notes, body: body)
    }

    private func compareDiagram(_ form: WebForm, file: String) throws -> Response {
        guard let format = OutputFormat(name: String(file.dropFirst("diagram.".count))), format != .dot else {
            throw WebError(status: 404, message: "the diagram comes as diagram.svg, diagram.png or diagram.pdf")
        }
        let command = try WebQueries.parse(try queries.compare(form, format: "table"), as: CompareCommand.self)
        let options = self.options, diagrams = self.diagrams
        let ((data, name), _) = try WebQueries.capturing { () throws -> (Data, String) in
            let (diagram, ids) = try DiagramOutput.comparison(
                codes: command.codes, graph: try options.load(), includePrograms: command.programs)
            let name = DiagramWriter.defaultFileName(command: "compare", codes: ids, format: format)
            return (try diagrams.render(diagram, format: format), name)
        }
        let type = format == .svg ? "image/svg+xml" : format == .png ? "image/png" : "application/pdf"
        return WebResponse.download(data, type: type, fileName: name)
    }

    private func fieldsPage(_ field: String?, form: WebForm) throws -> Response {
        let command = try WebQueries.parse(try queries.fields(field, form: form, format: "table"), as: FieldsCommand.self)
        let (answer, notes) = try WebQueries.capturing { try command.answer() }
        switch answer {
        case let .list(report):
            let body = "<h1>National-interest fields</h1>\n<ul>\n" + report.fields.map { entry in
                "<li><a href=\"/fields/" + WebPage.percent(entry.id) + "\">" + WebPage.escape(entry.name) + "</a> ("
                    + WebPage.escape(entry.framework) + "): core \(entry.core), substantial \(entry.substantial)</li>\n"
            }.joined() + "</ul>\n" + WebPage.preformatted(FieldsOutput.table(report, width: 120, style: .plain))
            return page("Fields", notes: notes, body: body)
        case let .field(report):
            var body = "<h1>" + WebPage.escape(report.name) + "</h1>\n<p>Occupations graded "
                + WebPage.escape(report.minimumGrade) + " or better; "
                + "<a href=\"/fields/" + WebPage.percent(report.id) + "?grade=incidental\">include incidental</a> · "
                + "<a href=\"/api/fields/" + WebPage.percent(report.id) + "\">JSON</a>. The evidence of each:</p>\n<ul>\n"
            for entry in report.occupations {
                body += "<li>" + WebPage.codeLink(entry.code) + " " + WebPage.escape(entry.title) + ": <a href=\"/why/"
                    + WebPage.percent(entry.code) + "/" + WebPage.percent(report.id) + "\">"
                    + WebPage.escape(entry.grade) + "</a></li>\n"
            }
            body += "</ul>\n" + WebPage.preformatted(FieldsOutput.table(report, width: 120, style: .plain))
            return page(report.name, notes: notes, body: body)
        }
    }

    private func whyPage(_ code: String, _ field: String) throws -> Response {
        let command = try WebQueries.parse(queries.why(code, field, format: "table"), as: WhyCommand.self)
        let (report, notes) = try WebQueries.capturing { try command.report() }
        let body = "<h1>Why " + WebPage.escape(code) + " aligns with " + WebPage.escape(field) + "</h1>\n"
            + "<p><a href=\"/api/why/" + WebPage.percent(code) + "/" + WebPage.percent(field) + "\">JSON</a></p>\n"
            + WebPage.preformatted(WhyOutput.table(report, width: 120, style: .plain))
        return page("Why \(code) \(field)", notes: notes, body: body)
    }

    private func diffPage(_ form: WebForm) throws -> Response {
        let command = try WebQueries.parse(try queries.diff(form, format: "table"), as: DiffCommand.self)
        let (report, notes) = try WebQueries.capturing { try command.report() }
        let body = "<h1>What changed between the two graphs</h1>\n<p><a href=\"/api/diff\">JSON</a></p>\n"
            + WebPage.preformatted(DiffOutput.table(report, width: 120, style: .plain))
        return page("Changes", notes: notes, body: body)
    }
}

/// Responses with the headers every answer carries: a content security policy that allows no script, no frame
/// and nothing from another address, and no content sniffing.
enum WebResponse {
    static func html(status: Int, _ text: String) -> Response {
        response(status: status, type: "text/html; charset=utf-8", Data(text.utf8))
    }

    static func json(status: Int, _ text: String) -> Response {
        response(status: status, type: "application/json; charset=utf-8", Data(text.utf8))
    }

    static func data(_ data: Data, type: String) -> Response {
        response(status: 200, type: type, data)
    }

    /// A file to save: `fileName` is made by socgraph (codes, a client's initials), never taken from the request.
    static func download(_ data: Data, type: String, fileName: String) -> Response {
        let safe = String(fileName.unicodeScalars.filter {
            $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "-_.".unicodeScalars.contains($0))
        })
        return response(status: 200, type: type, data, extra: [("Content-Disposition", "attachment; filename=\"\(safe)\"")])
    }

    static func response(status: Int, type: String, _ data: Data, extra: [(String, String)] = []) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = type
        let fixed = [
            ("Content-Security-Policy",
             "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'"),
            ("X-Content-Type-Options", "nosniff"),
            ("Referrer-Policy", "no-referrer"),
            ("Cache-Control", "no-store"),
        ]
        for (name, value) in fixed + extra {
            if let field = HTTPField.Name(name) { headers[field] = value }
        }
        return Response(status: HTTPResponse.Status(code: status), headers: headers,
                        body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}
