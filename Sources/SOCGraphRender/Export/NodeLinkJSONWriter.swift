import SOCGraph

/// An export as one JSON document in networkx's node-link form (`networkx.node_link_graph(data)` reads it as a
/// directed multigraph): `graph` (the provenance), `nodes` (`id`, `kind`, `title` and the kind's properties) and
/// `edges` (`source`, `target`, `key` and `kind`, both the edge kind, and its properties). Keys are sorted; one
/// node or edge a line, so that two exports compare line by line.
enum NodeLinkJSONWriter {
    static func document(_ export: GraphExport) -> String {
        var nodes: [String] = []
        for table in export.nodes {
            for row in table.rows {
                var object = properties(row.values, table.columns)
                object["id"] = .string(row.id)
                object["kind"] = .string(table.kind.rawValue)
                object["title"] = .string(row.title)
                nodes.append(GraphExport.jsonText(object))
            }
        }
        var edges: [String] = []
        for table in export.edges {
            for row in table.rows {
                var object = properties(row.values, table.columns)
                object["source"] = .string(row.from)
                object["target"] = .string(row.to)
                object["key"] = .string(table.kind.rawValue)
                object["kind"] = .string(table.kind.rawValue)
                edges.append(GraphExport.jsonText(object))
            }
        }
        return "{\"directed\":true,\"multigraph\":true,\n\"graph\":" + GraphExport.jsonText(export.provenance)
            + ",\n\"nodes\":[\n" + nodes.joined(separator: ",\n") + "\n],\n\"edges\":[\n" + edges.joined(separator: ",\n")
            + "\n]}\n"
    }

    private static func properties(_ values: [GraphExport.Value?], _ columns: [GraphExport.Column])
        -> [String: GraphExport.Value]
    {
        var object: [String: GraphExport.Value] = [:]
        for (column, value) in zip(columns, values) { object[column.name] = value }
        return object
    }
}
