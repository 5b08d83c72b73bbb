import Foundation
import SOCGraph

/// A memo as Markdown (CommonMark with a GitHub table), the diagram linked as an image file beside it.
public enum MemoMarkdown {
    /// The Markdown of `memo`; `diagramFile` is the diagram's file name relative to the memo (`memo.svg`).
    /// Every text from the graph is escaped, so titles such as `O*NET` never turn into markup.
    public static func render(_ memo: Memo, diagramFile: String) -> String {
        render(memo, diagramFileBytes: Array(diagramFile.utf8))
    }

    /// The Markdown of `memo`, the diagram's file name given as bytes (a name need not be valid UTF-8).
    public static func render(_ memo: Memo, diagramFileBytes diagramFile: [UInt8]) -> String {
        var out = "## " + escape(memo.title) + "\n\n"
        out += "Candidate codes: "
            + memo.candidates.map { escape("\($0.code) \($0.title)") }.joined(separator: "; ") + ".\n\n"

        out += "### Side by side\n\n"
        out += "| |" + memo.candidates.map { " " + escape($0.code) + " |" }.joined() + "\n"
        out += "|---|" + String(repeating: "---|", count: memo.candidates.count) + "\n"
        for row in memo.rows {
            out += "| " + escape(row.label) + " |" + row.cells.map { " " + escape($0) + " |" }.joined() + "\n"
        }
        out += "\n"
        if !memo.relations.isEmpty {
            out += escape("Related occupations (O*NET):") + "\n\n" + memo.relations.map { "- " + escape($0) + "\n" }.joined() + "\n"
        }

        out += "### Diagram\n\n"
        out += "![" + escape(memo.diagram.title) + "](" + linkTarget(diagramFile) + ")\n\n"

        out += "### Alignment with national-interest fields\n\n"
        for candidate in memo.candidates {
            let name = "**" + escape("\(candidate.code) \(candidate.title)") + "**"
            guard !candidate.fields.isEmpty else {
                out += "- " + name + ": no alignment with a national-interest field is recorded in this graph.\n"
                continue
            }
            out += "- " + name + ":\n"
            for field in candidate.fields {
                out += "  - " + escape(field.field) + " (" + escape(field.framework + (field.grade.map { ", " + $0 } ?? "")) + ")"
                    + (field.evidence.isEmpty ? ": no evidence recorded" : "") + "\n"
                for line in field.evidence { out += "    - " + escape(line) + "\n" }
            }
        }
        out += "\n"

        out += "### Profession check (8 CFR 204.5(k)(2))\n\n"
        for candidate in memo.candidates {
            let check = candidate.profession
            let answer = check.bachelorOrHigher.map { $0 ? "yes" : "no" } ?? "unknown"
            out += "- **" + escape("\(candidate.code) \(candidate.title)") + "**: bachelor's degree or higher for "
                + "entry: " + answer + ". " + escape(check.basis) + ".\n"
            for warning in check.warnings { out += "  - Caution: " + escape(warning) + ".\n" }
        }
        out += "\n"

        out += "### The codes' own words\n\n"
        if memo.hasText {
            for candidate in memo.candidates {
                guard let words = candidate.words else { continue }
                out += "**" + escape("\(candidate.code) \(candidate.title)") + "**. SOC 2018 definition: "
                    + escape(words.definition ?? "none published") + "\n\n"
                out += escape("O*NET tasks (\(min(Memo.quotedTasks, words.tasks.count)) of \(words.tasks.count), the "
                              + "occupation's own first, core first):") + "\n\n"
                for task in words.tasks.prefix(Memo.quotedTasks) {
                    out += "- " + escape(task.text + " (\(task.onetCode)" + (task.type.isEmpty ? "" : ", \(task.type.lowercased())") + ")") + "\n"
                }
                out += "\n"
            }
        } else {
            out += escape("Not quoted: " + OccupationText.howToGet + ".") + "\n\n"
        }

        out += "### Sources\n\n"
        for (number, citation) in memo.sources.enumerated() {
            out += "\(number + 1). " + escape(citation.publisher) + ". "
                + citation.titles.map { "*" + escape($0) + "*" }.joined(separator: "; ")
                + " (" + escape(citation.vintage) + ")."
                + citation.urls.map { " <" + $0.filter { !$0.isWhitespace && $0 != ">" } + ">" }.joined() + "\n"
        }
        if let onet = memo.onetVintage {
            out += "\n" + escape(MemoCredit.onet(vintage: onet)) + "\n"
        }
        return out
    }

    /// `text` as inline Markdown: backslash before every character that could start markup, line breaks as
    /// spaces, other control characters dropped.
    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "#", "!", "{", "}", "~", "&":
                out.append("\\")
                out.append(character)
            case "\n", "\r", "\r\n", "\t": out.append(" ")
            default:
                let kept = character.unicodeScalars.filter { scalar in
                    !(scalar.value < 0x20 || (0x7F..<0xA0).contains(scalar.value))
                }
                out.unicodeScalars.append(contentsOf: kept)
            }
        }
        return out
    }

    /// A relative file name as a link destination: every UTF-8 byte other than an ASCII letter, digit or
    /// `- . _ ~ /` percent-encoded (`%20`, `%C3%A9`), so spaces and parentheses are safe.
    static func linkTarget(_ file: String) -> String { linkTarget(Array(file.utf8)) }

    /// A relative file name given as bytes as a link destination, encoded as `linkTarget(_:)` does.
    static func linkTarget(_ file: [UInt8]) -> String {
        file.map { byte in
            linkCharacters.contains(byte) ? String(UnicodeScalar(byte)) : "%" + hexDigits[Int(byte >> 4)] + hexDigits[Int(byte & 15)]
        }.joined()
    }

    private static let linkCharacters = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~/".utf8)
    private static let hexDigits = "0123456789ABCDEF".map(String.init)
}

/// Credits required by the licences of the data.
enum MemoCredit {
    /// The CC BY 4.0 attribution O*NET asks for, with the notice that socgraph modified the data; `document` names
    /// what carries it.
    static func onet(vintage: String, in document: String = "This memo") -> String {
        "\(document) includes information from the \(vintage) Database by the U.S. Department of Labor, Employment "
            + "and Training Administration (USDOL/ETA), developed by the National Center for O*NET Development. "
            + "Used under the CC BY 4.0 license. O*NET® is a trademark of USDOL/ETA. socgraph has modified all or "
            + "some of this information. USDOL/ETA has not approved, endorsed, or tested these modifications."
    }
}
