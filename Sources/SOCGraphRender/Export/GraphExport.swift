import Foundation
import SOCGraph

/// The whole graph as tables of typed properties, one per node kind and one per edge kind, in storage order (by
/// kind, then id; edges by kind, then their ends): what every format of `socgraph export` writes.
///
/// Only the facts of Graph/*.tsv and the curation tables go in, never the prose of Graph/text/. The search titles
/// (titles.tsv, esco.tsv) and the SOC 2010 crosswalk rows are look-up vocabulary, not nodes or edges, and stay out.
public struct GraphExport: Sendable {
    /// How a format declares a property.
    public enum ValueType: String, Sendable {
        case int, double, boolean, string
        /// Lists of scalars: Neo4j arrays, JSON lists; JSON text in GraphML.
        case ints, doubles, strings
        /// A list of objects (the evidence of an alignment): JSON in JSON, JSON text in GraphML and Neo4j.
        case records
    }

    /// One property value.
    public enum Value: Hashable, Sendable, Encodable {
        case int(Int)
        case double(Double)
        case boolean(Bool)
        case string(String)
        case ints([Int])
        case doubles([Double])
        case strings([String])
        case records([[String: Value]])

        public func encode(to encoder: Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case let .int(value): try container.encode(value)
            case let .double(value): try container.encode(value)
            case let .boolean(value): try container.encode(value)
            case let .string(value): try container.encode(value)
            case let .ints(values): try container.encode(values)
            case let .doubles(values): try container.encode(values)
            case let .strings(values): try container.encode(values)
            case let .records(values): try container.encode(values)
            }
        }

        /// A scalar as text (a number as Swift prints it: the shortest text that reads back the same); nil for a
        /// list.
        public var scalarText: String? {
            switch self {
            case let .int(value): return String(value)
            case let .double(value): return String(value)
            case let .boolean(value): return value ? "true" : "false"
            case let .string(value): return value
            case .ints, .doubles, .strings, .records: return nil
            }
        }

        /// The elements of a list of scalars as text; nil for a scalar or records.
        public var elementTexts: [String]? {
            switch self {
            case let .ints(values): return values.map { String($0) }
            case let .doubles(values): return values.map { String($0) }
            case let .strings(values): return values
            case .int, .double, .boolean, .string, .records: return nil
            }
        }

        /// The value as compact JSON with sorted keys: how GraphML and Neo4j carry lists and records.
        public var jsonText: String { GraphExport.jsonText(self) }
    }

    /// `value` as compact JSON with sorted keys, the same bytes for the same value.
    static func jsonText<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Values made of strings, numbers, booleans, lists and dictionaries always encode.
        return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "null"
    }

    /// A named, typed property of every row of a table (absent in a row that has no value for it).
    public struct Column: Hashable, Sendable {
        public let name: String
        public let type: ValueType
    }

    /// The nodes of one kind: `id`, `title` and the kind's columns.
    public struct NodeTable: Sendable {
        public let kind: NodeKind
        public let columns: [Column]
        public let rows: [(id: String, title: String, values: [Value?])]
    }

    /// The edges of one kind: the ids of their ends and the kind's columns.
    public struct EdgeTable: Sendable {
        public let kind: EdgeKind
        public let columns: [Column]
        public let rows: [(from: String, to: String, values: [Value?])]
    }

    /// Every node kind, in `NodeKind` order (a kind without nodes has an empty table).
    public let nodes: [NodeTable]
    /// Every edge kind, in `EdgeKind` order.
    public let edges: [EdgeTable]
    /// Where the data came from and whom to credit.
    public let provenance: ExportProvenance

    /// The tables of `graph`; `generator` names the program and version that writes them. O(nodes + edges).
    public init(graph: KnowledgeGraph, generator: String) {
        nodes = NodeKind.allCases.map { kind in
            let properties = ExportProperties.node(kind, graph)
            return NodeTable(kind: kind, columns: properties.map(\.column), rows: graph.nodes(ofKind: kind).map { node in
                (graph[node].id, graph[node].title, properties.map { $0.value(node) })
            })
        }
        var byKind: [EdgeKind: [Edge]] = [:]
        for edge in graph.edges { byKind[edge.kind, default: []].append(edge) }
        edges = EdgeKind.allCases.map { kind in
            let properties = ExportProperties.edge(kind, graph)
            return EdgeTable(kind: kind, columns: properties.map(\.column), rows: (byKind[kind] ?? []).map { edge in
                (graph[edge.from].id, graph[edge.to].id, properties.map { $0.value(edge) })
            })
        }
        provenance = ExportProvenance(graph: graph, generator: generator)
    }
}

/// The sources of the exported graph (its manifest), the credits their licences ask for, and its size, as
/// `socgraph check` counts it.
public struct ExportProvenance: Sendable, Encodable {
    public let generator: String
    public let description: String
    /// The manifest, row by row.
    public let sources: [DataSource]
    /// O*NET's CC BY 4.0 attribution, and ESCO's acknowledgement when the manifest lists ESCO.
    public let credits: [String]
    /// Nodes and edges by kind (kinds with none left out), from the graph itself.
    public let nodeCounts: [String: Int]
    public let edgeCounts: [String: Int]

    /// Snake case, as the node and edge properties of the export.
    enum CodingKeys: String, CodingKey {
        case generator, description, sources, credits
        case nodeCounts = "node_counts"
        case edgeCounts = "edge_counts"
    }

    init(graph: KnowledgeGraph, generator: String) {
        self.generator = generator
        description = "The socgraph knowledge graph of SOC 2018 occupations for EB-2 National Interest Waiver "
            + "petitions: every node and edge of Graph/, derived from the official files listed in sources."
        sources = graph.sources
        var credits: [String] = []
        if let onet = graph.sources.first(where: { $0.vintage.hasPrefix("O*NET") && $0.publisher.contains("CC BY") }) {
            credits.append(MemoCredit.onet(vintage: onet.vintage, in: "This export"))
        }
        if graph.sources.contains(where: \.isESCO) { credits.append(DataSource.escoCredit) }
        self.credits = credits
        nodeCounts = Dictionary(uniqueKeysWithValues: NodeKind.allCases.compactMap { kind in
            let count = graph.nodes(ofKind: kind).count
            return count == 0 ? nil : (kind.rawValue, count)
        })
        edgeCounts = Dictionary(uniqueKeysWithValues: graph.edgeCounts.map { ($0.key.rawValue, $0.value) })
    }
}
