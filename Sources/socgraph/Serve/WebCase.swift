import Foundation
import Hummingbird
import SOCGraph
import SOCGraphRender

/// The client case in the browser: a form, or a profile file uploaded, goes through the same reader as
/// `socgraph fit PROFILE` (`ClientProfile.parse`, with its one-line messages), the same assessment, and the same
/// case memo as `memo --profile`, handed out as DOCX, HTML or Markdown (a ZIP with the diagram beside it).
struct WebCase {
    let app: WebApp

    /// The BLS education levels a profile's `degree` names, for the form's choice.
    static let degrees: [(id: String, label: String)] = EducationLevel.allCases.map { ($0.rawValue, $0.blsTitle) }

    /// The profile a form describes: each field becomes the profile key of the same name (duties and candidates
    /// one per line), and the whole is read as a profile file would be.
    static func profile(fromForm form: WebForm) throws -> ClientProfile {
        var object: [String: Any] = [:]
        for key in ["client", "title", "endeavor", "degree", "degreeField"] {
            if let value = form.value(key) { object[key] = value }
        }
        if let years = form.value("yearsExperience") { object["yearsExperience"] = Double(years) ?? years }
        let duties = (form.value("duties") ?? "").split(whereSeparator: \.isNewline).map(String.init)
            .filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        if !duties.isEmpty { object["duties"] = duties }
        let candidates = form.codes().isEmpty
            ? (form.value("candidates") ?? "").split(whereSeparator: { $0.isWhitespace || $0 == "," }).map(String.init)
            : form.codes()
        if !candidates.isEmpty { object["candidates"] = candidates }
        let data = try JSONSerialization.data(withJSONObject: object)
        return try ClientProfile.parse(data, file: "from the form")
    }

    /// The profile file of a `multipart/form-data` upload (the part named `profile`).
    static func profile(fromUpload body: Data, contentType: String) throws -> ClientProfile {
        guard let boundary = Multipart.boundary(contentType) else {
            throw WebError(status: 400, message: "the upload is not multipart/form-data; send the profile file with "
                               + "the upload form")
        }
        guard let file = Multipart.part(named: "profile", in: body, boundary: boundary), !file.isEmpty else {
            throw WebError(status: 400, message: "no profile file in the upload; choose a JSON file as for 'socgraph fit'")
        }
        return try ClientProfile.parse(file, file: "uploaded")
    }

    /// The assessment page: the ranking as `fit` prints it, the diagram, and the memo downloads.
    func assess(_ profile: ClientProfile) throws -> Response {
        let options = app.options, app = self.app
        let ((report, document), notes) = try WebQueries.capturing { () throws -> (FitReport, MemoDocument) in
            let report = try app.assess(profile)
            return (report, try CaseMemo.document(report, graph: try options.load()))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let profileJSON = String(decoding: try encoder.encode(profile), as: UTF8.self)
        var body = "<h1>Client case: " + WebPage.escape(profile.client) + "</h1>\n"
        body += "<p class=\"downloads\">The case memo: " + ["docx", "html", "md"].map { format in
            "<form class=\"inline\" method=\"post\" action=\"/case/memo\"><input type=\"hidden\" name=\"profile\" value=\""
                + WebPage.escape(profileJSON) + "\"/><input type=\"hidden\" name=\"format\" value=\"\(format)\"/>"
                + "<button type=\"submit\">" + (format == "md" ? "Markdown (ZIP)" : format.uppercased()) + "</button></form>"
        }.joined(separator: " ") + "</p>\n"
        for case let .diagram(_, svg, caption) in document.blocks {
            body += "<figure>\n" + MemoHTML.inlineSVG(svg) + "\n<figcaption>" + WebPage.escape(caption)
                + "</figcaption>\n</figure>\n"
        }
        body += WebPage.preformatted(FitOutput.table(report, limit: FitReport.candidateLimit, width: 120, style: .plain))
        return app.page("Client case " + profile.client, notes: notes, body: body)
    }

    /// The case memo of the profile the assessment page sends back, in `format`.
    func memo(_ form: WebForm) throws -> Response {
        guard let text = form.value("profile") else {
            throw WebError(status: 400, message: "no profile sent; assess the case first, then download its memo")
        }
        let profile = try ClientProfile.parse(Data(text.utf8), file: "sent with the memo request")
        let options = app.options, app = self.app
        let (document, _) = try WebQueries.capturing { () throws -> MemoDocument in
            try CaseMemo.document(try app.assess(profile), graph: try options.load())
        }
        let name = "memo-" + MemoOutput.clientLabel(profile.client)
        switch form.value("format") ?? "docx" {
        case "docx":
            return WebResponse.download(
                try DOCXWriter.render(document),
                type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", fileName: name + ".docx")
        case "html":
            return WebResponse.download(Data(document.html().utf8), type: "text/html; charset=utf-8",
                                        fileName: name + ".html")
        case "md":
            var parts: [(String, Data)] = []
            for case let .diagram(png, svg, _) in document.blocks {
                parts += [(name + ".png", png), (name + ".svg", svg)]
            }
            let markdown = document.markdown(pngFile: name + ".png", svgFile: name + ".svg")
            let zip = try ZIPPackage.data([(name + ".md", Data(markdown.utf8))] + parts, kind: "Markdown memo")
            return WebResponse.download(zip, type: "application/zip", fileName: name + ".zip")
        case let other:
            throw WebError(status: 400, message: "'\(other.prefix(20))' is not a memo format; ask for docx, html or md")
        }
    }

    /// The case form and the upload form.
    static func form() -> String {
        let options = degrees.map { "<option value=\"\($0.id)\"\($0.id == "master" ? " selected" : "")>"
            + WebPage.escape($0.label) + "</option>" }.joined()
        return """
            <h1>A client's case</h1>
            <p>Candidate codes are found from the title, each duty and the endeavor, plus any you name, and each is \
            assessed: duties against the code's O*NET tasks and SOC definition, qualification, national-interest \
            fields, and risks. The same assessment as <code>socgraph fit</code>.</p>
            <form method="post" action="/case" class="case">
            <label for="client">Client (a label, such as initials)</label><input id="client" name="client" maxlength="200" required/>
            <label for="title">Job title, as the employer writes it</label><input id="title" name="title" maxlength="300" required/>
            <label for="duties">Duties, one per line</label><textarea id="duties" name="duties" rows="6" maxlength="\(WebForm.valueLimit)" required></textarea>
            <label for="endeavor">Proposed endeavor</label><textarea id="endeavor" name="endeavor" rows="4" maxlength="\(WebForm.valueLimit)" required></textarea>
            <label for="degree">Highest degree</label><select id="degree" name="degree">\(options)</select>
            <label for="degreeField">Field of the degree</label><input id="degreeField" name="degreeField" maxlength="300" required/>
            <label for="yearsExperience">Years of progressive experience after the degree</label><input id="yearsExperience" name="yearsExperience" type="number" min="0" max="70" step="0.5" required/>
            <label for="candidates">Codes to weigh (optional, separated by spaces)</label><input id="candidates" name="candidates" maxlength="200"/>
            <button type="submit">Assess</button>
            </form>
            <h2>Or upload a profile file</h2>
            <p class="muted">The JSON file <code>socgraph fit</code> reads: client, title, duties, endeavor, degree, \
            degreeField, yearsExperience and optionally candidates.</p>
            <form method="post" action="/case/upload" enctype="multipart/form-data" class="case">
            <input type="file" name="profile" accept=".json,application/json" required/>
            <button type="submit">Assess the file</button>
            </form>

            """
    }

    /// The API page: what each endpoint answers.
    static func apiIndex() -> String {
        let rows: [(String, String)] = [
            ("GET /api/search?q=TEXT&limit=N", "socgraph search TEXT --limit N --format json (envelope=true adds --envelope)"),
            ("GET /api/show/CODE", "socgraph show CODE --format json"),
            ("GET /api/related/CODE", "socgraph related CODE --format json"),
            ("GET /api/compare?codes=A+B", "socgraph compare A B --format json"),
            ("GET /api/fields", "socgraph fields --format json"),
            ("GET /api/fields/FIELD?grade=G", "socgraph fields FIELD --grade G --format json"),
            ("GET /api/why/CODE/FIELD", "socgraph why CODE FIELD --format json"),
            ("GET /api/diff", "socgraph diff PREVIOUS CURRENT --format json (with --previous-graph)"),
            ("POST /api/fit (body: the profile JSON)", "socgraph fit PROFILE --format json"),
        ]
        return "<h1>The JSON API</h1>\n<p>Each endpoint answers exactly what the command line prints with "
            + "<code>--format json</code> for the same query, and a failure as <code>{\"error\": …, \"status\": N}</code>"
            + " with N the command line's exit status. The description: <a href=\"/api/openapi.yaml\">openapi.yaml</a>"
            + " (OpenAPI 3.1).</p>\n<table class=\"hits\">\n<thead><tr><th>Request</th><th>Same as</th></tr></thead>\n"
            + "<tbody>\n" + rows.map { "<tr><td><code>" + WebPage.escape($0.0) + "</code></td><td><code>"
                + WebPage.escape($0.1) + "</code></td></tr>\n" }.joined() + "</tbody>\n</table>\n"
    }
}

/// The little of `multipart/form-data` (RFC 7578) the upload form needs: the boundary, and one part's bytes.
enum Multipart {
    /// The boundary parameter of a `multipart/form-data` content type.
    static func boundary(_ contentType: String) -> String? {
        let parts = contentType.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.first?.lowercased() == "multipart/form-data" else { return nil }
        for part in parts.dropFirst() where part.lowercased().hasPrefix("boundary=") {
            let value = part.dropFirst("boundary=".count).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            return value.isEmpty || value.count > 200 ? nil : value
        }
        return nil
    }

    /// The body of the part whose Content-Disposition names `name`.
    static func part(named name: String, in body: Data, boundary: String) -> Data? {
        let delimiter = Data(("--" + boundary).utf8)
        let headerEnd = Data("\r\n\r\n".utf8)
        var start = body.startIndex
        while let found = body.range(of: delimiter, in: start..<body.endIndex) {
            let partStart = found.upperBound
            let next = body.range(of: delimiter, in: partStart..<body.endIndex)?.lowerBound ?? body.endIndex
            if let split = body.range(of: headerEnd, in: partStart..<next) {
                let headers = String(decoding: body[partStart..<split.lowerBound], as: UTF8.self).lowercased()
                if headers.contains("name=\"\(name.lowercased())\"") {
                    var content = body[split.upperBound..<next]
                    if content.suffix(2) == Data("\r\n".utf8) { content = content.dropLast(2) }
                    return Data(content)
                }
            }
            start = next
            if next == body.endIndex { break }
        }
        return nil
    }
}
