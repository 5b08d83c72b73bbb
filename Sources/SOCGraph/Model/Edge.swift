/// The kinds of link between nodes. Every edge points in the direction given here.
public enum EdgeKind: String, CaseIterable, Codable, Sendable {
    /// Child -> parent: detailed -> broad -> minor -> major, specialty -> detailed,
    /// CIP program -> series -> family.
    case parent
    /// Detailed occupation -> education level (BLS typical entry education), with `EntryEducation`.
    case entryEducation = "entry-education"
    /// Detailed occupation or specialty -> job zone, with the O*NET code the zone comes from.
    case jobZone = "job-zone"
    /// Detailed occupation -> detailed occupation (O*NET Related Occupations projected to SOC), with `RelatedLink`.
    case related
    /// CIP program -> detailed occupation (NCES CIP–SOC crosswalk).
    case preparesFor = "prepares-for"
    /// Detailed occupation -> technology (O*NET Technology Skills), with `TechnologyUse`.
    case uses
    /// Detailed occupation -> designation, with the basis of the designation.
    case designated
    /// Detailed occupation -> national-interest field (alignments.tsv, derived at import from the curation tables),
    /// with `FieldAlignment`: strength, counts and evidence paths.
    case alignsWith = "aligns-with"
    /// ISCO-08 group -> SOC 2018 detailed occupation, through the SOC 2010 codes of the BLS ISCO-08 × SOC 2010
    /// crosswalk and the BLS SOC 2010 → 2018 crosswalk, with `CrosswalkStep`s.
    case crosswalk
}

/// Facts carried by an edge besides its two ends.
public enum EdgeAttributes: Hashable, Sendable {
    case none
    case entryEducation(EntryEducation)
    /// The O*NET-SOC code whose rating gives the job zone (`15-2051.00`, or a specialty's code).
    case jobZone(onetCode: String)
    case related(RelatedLink)
    case uses(TechnologyUse)
    /// Why the designation applies (O*NET codes and occupation types, or the regulation).
    case designated(basis: String)
    case alignment(FieldAlignment)
    /// The SOC 2010 codes an ISCO-08 group reaches the 2018 code through, in code order.
    case crosswalk([CrosswalkStep])
}

/// One SOC 2010 code on the way from an ISCO-08 group to a SOC 2018 code.
public struct CrosswalkStep: Hashable, Sendable, Codable {
    /// The SOC 2010 code.
    public let soc2010: String
    /// The BLS ISCO crosswalk marks the ISCO–SOC 2010 pair as a partial match (`*`).
    public let partial: Bool
}

/// One row of the BLS SOC 2010 → 2018 crosswalk.
public struct SOC2010Link: Hashable, Sendable {
    /// The SOC 2010 code (`15-1132`).
    public let soc2010: String
    /// Its SOC 2010 title, without the crosswalk's mark.
    public let title: String
    /// The SOC 2018 detailed occupation.
    public let code: NodeIndex
    /// The 2010 code was split across several 2018 codes (`(#)`).
    public let split: Bool
    /// The 2018 code was formed from several 2010 codes (`(##)`).
    public let merged: Bool
}

/// An ESCO occupation title (preferred or alternative label), with the ISCO-08 group ESCO files it under.
public struct ESCOTitle: Hashable, Sendable {
    /// The ISCO-08 group node.
    public let isco: NodeIndex
    public let label: String
    public let preferred: Bool
}

/// One edge of the graph. Edges are stored once in `KnowledgeGraph.edges`; adjacency lists hold their positions.
public struct Edge: Hashable, Sendable {
    public let from: NodeIndex
    public let to: NodeIndex
    public let kind: EdgeKind
    public let attributes: EdgeAttributes

    public init(from: NodeIndex, to: NodeIndex, kind: EdgeKind, attributes: EdgeAttributes = .none) {
        self.from = from
        self.to = to
        self.kind = kind
        self.attributes = attributes
    }
}

/// BLS typical entry requirements of a detailed occupation (Employment Projections, Table 1.2).
public struct EntryEducation: Hashable, Sendable, Codable {
    public let education: EducationLevel
    /// BLS wording: `None`, `Less than 5 years`, `5 years or more`.
    public let workExperience: String
    /// BLS wording: `None`, `Moderate-term on-the-job training`, `Internship/residency`, …
    public let training: String
    /// The EP line item the values come from: the code itself or an EP aggregate covering it (`13-1020`).
    public let epCode: String
}

/// The O*NET relatedness tiers, from closest to loosest.
public enum RelatedTier: String, CaseIterable, Codable, Sendable, Comparable {
    case primaryShort = "primary-short"
    case primaryLong = "primary-long"
    case supplemental

    public static func < (lhs: RelatedTier, rhs: RelatedTier) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// A related-occupation link: O*NET's tier and index (1 = most related), and the O*NET pair it was kept from.
public struct RelatedLink: Hashable, Sendable {
    public let tier: RelatedTier
    public let index: Int
    public let onetCode: String
    public let relatedOnetCode: String
}

/// How an occupation uses a technology (O*NET Technology Skills flags, any O*NET code under the SOC code).
public struct TechnologyUse: Hashable, Sendable {
    public let hot: Bool
    public let inDemand: Bool
}
