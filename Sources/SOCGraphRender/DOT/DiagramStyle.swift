import SOCGraph
/// The visual language of socgraph diagrams: one shape and colour per node kind, one line style per edge kind.
///
/// Colours are the Okabe–Ito colour-blind-safe palette (orange, sky blue, bluish green, yellow, blue,
/// vermillion, reddish purple) as borders and lines, with light tints of the same hues as fills, and greys
/// for the SOC hierarchy. Every colour is `#rrggbb`.
enum DiagramStyle {
    static let fontName = "Helvetica"
    /// Sizes in points, as printed: a comparison is laid out at its natural size to fit an A4 page (no scaling),
    /// so nothing is smaller than `detailFontSize`.
    static let fontSize = 10
    static let detailFontSize = 9
    static let titleFontSize = 14
    static let textColor = "#1a1a1a"
    static let mutedTextColor = "#4d4d4d"
    static let clusterFill = "#f7f7f7"
    static let clusterBorder = "#b3b3b3"
    /// Characters per line of a node title; about 24 keeps three candidates side by side at A4 width.
    static let wrapWidth = 24

    /// Characters per line of the title of a node of `kind`: fields, fewer in a row, are wider and less tall.
    static func wrapWidth(_ kind: DiagramNode.Kind) -> Int {
        kind == .field ? 26 : wrapWidth
    }
    static let maxTitleLines = 6
    /// Characters per line of a row value on a node (`Bachelor's degree`).
    static let rowValueWidth = 20
    /// Lines of a row value at most.
    static let maxRowLines = 4
    /// Background of a fact row on a node.
    static let rowFill = "#fffdf7"
    /// A failed check (the USCIS profession test): its row and the border of its node.
    static let alertFill = "#fbe0e0"
    static let alertTextColor = "#a50f15"
    static let alertBorder = "#cb181d"

    struct NodeStyle {
        var shape: String
        var fill: String
        var border: String
        var penWidth: Double = 1
        var rounded = false
        /// Space around the label, `"x,y"` in inches; nil for the default. Hexagons and octagons add their
        /// own, so they take less.
        var margin: String? = nil
        /// What the legend calls nodes of this kind.
        var legend: String
    }

    struct EdgeStyle {
        var color: String
        /// A darker shade of `color` for the edge's label.
        var labelColor: String
        /// `solid`, `dashed`, `dotted` or `bold`.
        var line: String
        var penWidth: Double = 1.2
        var arrowhead = "normal"
        /// Drawn from `to` down to `from` (arrow reversed) so that groups sit above their members and
        /// programs below the occupations they prepare for.
        var reversed = false
        /// What the legend says about edges of this kind.
        var legend: String
    }

    static func node(_ kind: DiagramNode.Kind) -> NodeStyle {
        switch kind {
        case .candidate:
            return NodeStyle(
                shape: "box", fill: "#f1ca73", border: "#8f4a00", penWidth: 2.5, legend: "Candidate occupation")
        case .occupation:
            return NodeStyle(shape: "box", fill: "#f9e7bf", border: "#e69f00", legend: "Other occupation")
        case .majorGroup:
            return NodeStyle(shape: "tab", fill: "#d9d9d9", border: "#595959", legend: "SOC major group")
        case .minorGroup:
            return NodeStyle(shape: "folder", fill: "#e6e6e6", border: "#737373", legend: "SOC minor group")
        case .broadGroup:
            return NodeStyle(
                shape: "box", fill: "#f0f0f0", border: "#8c8c8c", rounded: true, legend: "SOC broad group")
        case .educationLevel:
            return NodeStyle(
                shape: "ellipse", fill: "#d5ecf9", border: "#56b4e9", legend: "Entry education (BLS)")
        case .jobZone:
            return NodeStyle(
                shape: "octagon", fill: "#f9f5bc", border: "#a89c00", margin: "0.02,0.02", legend: "O*NET Job Zone")
        case .field:
            return NodeStyle(
                shape: "box", fill: "#bfe7dc", border: "#009e73", rounded: true, legend: "National-interest field")
        case .program:
            return NodeStyle(shape: "note", fill: "#f2dde9", border: "#cc79a7", legend: "Study program (CIP 2020)")
        case .designation:
            return NodeStyle(shape: "cds", fill: "#cce3f0", border: "#0072b2", legend: "Designation")
        case .technology:
            return NodeStyle(shape: "component", fill: "#f7dfcc", border: "#d55e00", legend: "Technology (O*NET)")
        }
    }

    static func edge(_ family: DiagramEdge.Family) -> EdgeStyle {
        switch family {
        case .parent:
            return EdgeStyle(
                color: "#8c8c8c", labelColor: "#595959", line: "solid", arrowhead: "none", reversed: true, legend: "member of group (SOC)")
        case .entryEducation:
            return EdgeStyle(color: "#2b8cc4", labelColor: "#1f6591", line: "solid", legend: "typical entry education")
        case .jobZone:
            return EdgeStyle(color: "#a89c00", labelColor: "#6b6300", line: "dashed", legend: "O*NET Job Zone")
        case let .related(tier):
            let line: String
            switch tier {
            case .primaryShort: line = "solid"
            case .primaryLong: line = "dashed"
            case .supplemental: line = "dotted"
            }
            return EdgeStyle(
                color: "#c27c00", labelColor: "#8a5800", line: line, legend: "related, \(tier.rawValue) (O*NET)")
        case .sharedRelated:
            return EdgeStyle(
                color: "#d9a54c", labelColor: "#8a5800", line: "solid", penWidth: 1.4, legend: "related to several candidates (O*NET)")
        case .alignsWith:
            return EdgeStyle(
                color: "#009e73", labelColor: "#006b4e", line: "solid", penWidth: 2,
                legend: "aligns with field (core or substantial)")
        case .preparesFor:
            return EdgeStyle(
                color: "#cc79a7", labelColor: "#8f3f6c", line: "solid", reversed: true, legend: "program prepares for (CIP\u{2013}SOC)")
        case .designated:
            return EdgeStyle(color: "#0072b2", labelColor: "#00507d", line: "dotted", legend: "designated")
        case .uses:
            return EdgeStyle(
                color: "#d55e00", labelColor: "#953f00", line: "dashed", penWidth: 1, arrowhead: "vee", legend: "uses technology (O*NET)")
        }
    }

    /// The line width of an alignment: 3.5 for core, 2 for substantial.
    static func alignmentPenWidth(_ grade: AlignmentGrade) -> Double {
        grade == .core ? 3.5 : 2
    }
}
