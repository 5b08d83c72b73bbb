import Foundation
import SOCGraph

/// An export as one GraphML document (Gephi, yEd, networkx `read_graphml`): a directed graph whose nodes and edges
/// carry `kind` and their kind's properties, and whose graph-level data say where the data came from.
///
/// Lists and records are JSON text; every text goes through the escaping rule of the memos and DOT labels
/// (`DOTSyntax.html`), which also drops the characters XML 1.0 does not allow.
enum GraphMLWriter {
    static func document(_ export: GraphExport) -> String {
        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns" \
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
            xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns \
            http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">

            """
        let provenance = export.provenance
        let graphData: [(String, String)] = [
            ("generator", provenance.generator),
            ("description", provenance.description),
            ("sources", GraphExport.jsonText(provenance.sources)),
            ("credits", provenance.credits.joined(separator: " ")),
            ("node_counts", GraphExport.jsonText(provenance.nodeCounts)),
            ("edge_counts", GraphExport.jsonText(provenance.edgeCounts)),
        ]
        for (name, _) in graphData { out += key("g_" + name, for: "graph", name: name, type: "string") }
        let nodeColumns = columns([GraphExport.Column(name: "kind", type: .string),
                                   GraphExport.Column(name: "title", type: .string)]
                                  + export.nodes.flatMap(\.columns))
        let edgeColumns = columns([GraphExport.Column(name: "kind", type: .string)] + export.edges.flatMap(\.columns))
        for column in nodeColumns { out += key("n_" + column.name, for: "node", name: column.name, type: type(column)) }
        for column in edgeColumns { out += key("e_" + column.name, for: "edge", name: column.name, type: type(column)) }
        out += "  <graph id=\"socgraph\" edgedefault=\"directed\">\n"
        for (name, value) in graphData { out += "    " + data("g_" + name, value) + "\n" }
        for table in export.nodes {
            for row in table.rows {
                out += "    <node id=\"\(escape(row.id))\">"
                out += data("n_kind", table.kind.rawValue) + data("n_title", row.title)
                out += values(row.values, table.columns, prefix: "n_")
                out += "</node>\n"
            }
        }
        var number = 0
        for table in export.edges {
            for row in table.rows {
                out += "    <edge id=\"e\(number)\" source=\"\(escape(row.from))\" target=\"\(escape(row.to))\">"
                out += data("e_kind", table.kind.rawValue) + values(row.values, table.columns, prefix: "e_")
                out += "</edge>\n"
                number += 1
            }
        }
        return out + "  </graph>\n</graphml>\n"
    }

    /// `columns` without repeats, in first-seen order (kinds share names such as `onet_code`, with one type).
    private static func columns(_ columns: [GraphExport.Column]) -> [GraphExport.Column] {
        var seen = Set<String>()
        return columns.filter { seen.insert($0.name).inserted }
    }

    private static func type(_ column: GraphExport.Column) -> String {
        switch column.type {
        case .int: return "int"
        case .double: return "double"
        case .boolean: return "boolean"
        case .string, .ints, .doubles, .strings, .records: return "string"
        }
    }

    private static func key(_ id: String, for domain: String, name: String, type: String) -> String {
        "  <key id=\"\(escape(id))\" for=\"\(domain)\" attr.name=\"\(escape(name))\" attr.type=\"\(type)\"/>\n"
    }

    private static func data(_ key: String, _ text: String) -> String {
        "<data key=\"\(escape(key))\">\(escape(text))</data>"
    }

    private static func values(_ values: [GraphExport.Value?], _ columns: [GraphExport.Column], prefix: String)
        -> String
    {
        zip(columns, values).map { column, value in
            guard let value else { return "" }
            return data(prefix + column.name, value.scalarText ?? value.jsonText)
        }.joined()
    }

    private static func escape(_ text: String) -> String { DOTSyntax.html(text) }
}
