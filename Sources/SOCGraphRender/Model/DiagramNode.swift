/// One box in a diagram: an occupation, a SOC group, an education level, a field and so on.
public struct DiagramNode: Hashable, Sendable {
    /// What a node stands for; each kind has its own shape and colour (see `DiagramStyle`).
    ///
    /// The declaration order is the order of the legend.
    public enum Kind: String, CaseIterable, Comparable, Sendable {
        /// An occupation the diagram is about (compared or centred on); drawn emphasised.
        case candidate
        /// A SOC 2018 detailed occupation that is not a candidate (a related occupation, for example).
        case occupation
        case majorGroup
        case minorGroup
        case broadGroup
        /// A BLS "typical education needed for entry" level.
        case educationLevel
        /// An O*NET Job Zone (1–5).
        case jobZone
        /// A national-interest field (a Critical and Emerging Technologies category).
        case field
        /// A CIP 2020 study program.
        case program
        /// A designation such as STEM occupation or Schedule A Group I.
        case designation
        /// An O*NET technology example.
        case technology

        public static func < (lhs: Kind, rhs: Kind) -> Bool {
            allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
        }
    }

    /// Unique within the diagram; used as the Graphviz node name (a SOC code, a field id, a CIP code…).
    public var id: String
    public var kind: Kind
    /// The first line, in bold: usually the code (`15-1252`); nil for nodes whose title says it all.
    public var heading: String?
    /// The title, wrapped at about 28 characters.
    public var title: String
    /// Small lines under the title (`Bachelor's · Zone 4`, `employment 1,654,300`).
    public var details: [String]
    /// Facts drawn as rows of a table under the title (`Entry education: Bachelor's degree`): what a separate node
    /// with a long edge would say, kept on the node it belongs to.
    public var rows: [Row]
    /// The key of the `DiagramCluster` (a SOC major group) the node is drawn inside; nil for none.
    public var cluster: String?
    /// Nodes with the same layer are drawn on one rank (a row top-down, a column left-to-right), layers in
    /// order; nil for a node placed by its links.
    public var layer: Int?

    public init(
        id: String, kind: Kind, heading: String? = nil, title: String, details: [String] = [], rows: [Row] = [],
        cluster: String? = nil, layer: Int? = nil
    ) {
        self.rows = rows
        self.layer = layer
        self.id = id
        self.kind = kind
        self.heading = heading
        self.title = title
        self.details = details
        self.cluster = cluster
    }

    /// One fact on a node: a short label and its value; an alert row (a failed check) is drawn in red, and so is
    /// the border of its node.
    public struct Row: Hashable, Sendable {
        public var label: String
        public var value: String
        public var alert: Bool
        /// Characters per line of the value; nil for the standard width, which keeps short facts narrow.
        public var width: Int?

        public init(_ label: String, _ value: String, alert: Bool = false, width: Int? = nil) {
            self.label = label
            self.value = value
            self.alert = alert
            self.width = width
        }
    }

    /// True when a row of the node is an alert.
    public var hasAlert: Bool { rows.contains(where: \.alert) }
}
