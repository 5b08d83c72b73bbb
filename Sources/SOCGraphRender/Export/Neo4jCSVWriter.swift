import SOCGraph

/// An export as CSV files for `neo4j-admin database import full`, in Neo4j's header format: one node file per kind
/// (`id:ID(socgraph)`, `:LABEL`, then typed properties such as `title:string`, `rank:int`, `education_percents:double[]`)
/// and one relationship file per kind (`:START_ID(socgraph)`, `:END_ID(socgraph)`, `:TYPE`, then typed properties),
/// with a README.md giving the sources, the credits and the import command.
///
/// Comma-separated, every string quoted with `"` doubled inside; arrays joined by `;` (the default
/// `--array-delimiter`); an absent value an empty, unquoted field (no property). Node ids are unique across the
/// whole graph, so one ID space serves every file.
enum Neo4jCSVWriter {
    static let idSpace = "socgraph"
    static let arrayDelimiter: Character = ";"

    /// The files, by name, in the order the import command lists them.
    static func files(_ export: GraphExport) throws -> [(name: String, text: String)] {
        var files: [(name: String, text: String)] = []
        for table in export.nodes {
            var text = (["id:ID(\(idSpace))", ":LABEL", "kind:string", "title:string"] + table.columns.map(header))
                .joined(separator: ",") + "\n"
            for row in table.rows {
                let fixed = [quote(row.id), label(table.kind), quote(table.kind.rawValue), quote(row.title)]
                text += try (fixed + fields(row.values, table.columns)).joined(separator: ",") + "\n"
            }
            files.append((nodeFile(table.kind), text))
        }
        for table in export.edges {
            var text = ([":START_ID(\(idSpace))", ":END_ID(\(idSpace))", ":TYPE"] + table.columns.map(header))
                .joined(separator: ",") + "\n"
            for row in table.rows {
                let fixed = [quote(row.from), quote(row.to), type(table.kind)]
                text += try (fixed + fields(row.values, table.columns)).joined(separator: ",") + "\n"
            }
            files.append((relationshipFile(table.kind), text))
        }
        return files + [("README.md", readme(export, files: files.map(\.name)))]
    }

    static func nodeFile(_ kind: NodeKind) -> String { "nodes-\(kind.rawValue).csv" }
    static func relationshipFile(_ kind: EdgeKind) -> String { "relationships-\(kind.rawValue).csv" }

    /// The node label of a kind: `DetailedOccupation`, `ISCOGroup`.
    static func label(_ kind: NodeKind) -> String {
        switch kind {
        case .major: return "MajorGroup"
        case .minor: return "MinorGroup"
        case .broad: return "BroadOccupation"
        case .detailed: return "DetailedOccupation"
        case .specialty: return "ONETSpecialty"
        case .educationLevel: return "EducationLevel"
        case .jobZone: return "JobZone"
        case .program: return "CIPProgram"
        case .field: return "Field"
        case .designation: return "Designation"
        case .technology: return "Technology"
        case .isco: return "ISCOGroup"
        }
    }

    /// The relationship type of a kind: `ALIGNS_WITH`.
    static func type(_ kind: EdgeKind) -> String { kind.rawValue.uppercased().replacingOccurrences(of: "-", with: "_") }

    /// The neo4j-admin command line that imports the files, run from the export directory.
    static func importCommand(files: [String]) -> String {
        let options = files.filter { $0.hasSuffix(".csv") }.map { file in
            (file.hasPrefix("nodes-") ? "--nodes=" : "--relationships=") + file
        }
        return (["neo4j-admin database import full", "--id-type=string", "--array-delimiter=';'",
                 "--multiline-fields=true"] + options + ["neo4j"]).joined(separator: " \\\n    ")
    }

    private static func header(_ column: GraphExport.Column) -> String {
        switch column.type {
        case .int: return column.name + ":int"
        case .double: return column.name + ":double"
        case .boolean: return column.name + ":boolean"
        case .string, .records: return column.name + ":string"
        case .ints: return column.name + ":int[]"
        case .doubles: return column.name + ":double[]"
        case .strings: return column.name + ":string[]"
        }
    }

    private static func fields(_ values: [GraphExport.Value?], _ columns: [GraphExport.Column]) throws -> [String] {
        try zip(columns, values).map { column, value in
            guard let value else { return "" }
            switch value {
            case let .string(text): return quote(text)
            case .records: return quote(value.jsonText)
            case .int, .double, .boolean: return value.scalarText ?? ""
            case .ints, .doubles, .strings:
                // An empty list is no property: Neo4j reads no element from an empty field.
                guard let elements = value.elementTexts, !elements.isEmpty else { return "" }
                if let bad = elements.first(where: { $0.contains(arrayDelimiter) }) {
                    throw SOCGraphError.outputFailed("cannot write \(SOCGraphError.quoted(bad)) in the Neo4j array "
                        + "\(column.name): it holds the array delimiter '\(arrayDelimiter)'; export as graphml or json")
                }
                return quote(elements.joined(separator: String(arrayDelimiter)))
            }
        }
    }

    /// A CSV field in double quotes, `"` doubled.
    static func quote(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    private static func readme(_ export: GraphExport, files: [String]) -> String {
        let provenance = export.provenance
        let nodes = export.nodes.map { "- `\(nodeFile($0.kind))`: \($0.rows.count) `:\(label($0.kind))` nodes" }
        let edges = export.edges.map {
            "- `\(relationshipFile($0.kind))`: \($0.rows.count) `:\(type($0.kind))` relationships"
        }
        let sources = provenance.sources.map { source in
            "- \(source.vintage): \(source.title). \(source.publisher). <\(source.url)> (sha256 \(source.sha256))"
        }
        return """
            # socgraph export for Neo4j

            \(provenance.description) Written by \(provenance.generator).

            ## Import

            From this directory (the database must not exist yet; add `--overwrite-destination=true` to replace it):

            ```
            \(importCommand(files: files))
            ```

            Every node has the properties `id`, `kind` and `title`; ids are unique across all node files (ID space \
            `\(idSpace)`). Lists are arrays separated by `;`; the evidence of an `ALIGNS_WITH` relationship is JSON \
            text (`apoc.convert.fromJsonList`).

            ## Files

            \((nodes + edges).joined(separator: "\n"))

            ## Sources

            \(sources.joined(separator: "\n"))

            \(provenance.credits.joined(separator: "\n\n"))

            """
    }
}
