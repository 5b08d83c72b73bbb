/// The pieces reports are made of. Every one is `Encodable` with stable keys: optional values are written as
/// `null`, never left out, so that scripts can rely on every key being present.

/// A node named in a report: `{code, title, level}`.
public struct NodeReference: Encodable, Hashable, Sendable {
    public let code: String
    public let title: String
    /// The node kind's raw value: `major`, `minor`, `broad`, `detailed`, `specialty`, `program`, …
    public let level: String

    public init(_ graph: KnowledgeGraph, _ node: NodeIndex) {
        code = graph[node].id
        title = graph[node].title
        level = graph.program(node)?.level.rawValue ?? graph[node].kind.rawValue
    }
}

/// Typical entry education (BLS), job zone (O*NET) and Required Level of Education distribution (O*NET).
public struct EducationSummary: Encodable, Hashable, Sendable {
    /// The `EducationLevel` id (`bachelor`); nil when BLS EP does not cover the occupation.
    @Nullable public var typicalEntry: String?
    /// BLS wording of `typicalEntry` ("Bachelor's degree").
    @Nullable public var typicalEntryTitle: String?
    /// 1 (no formal credential) to 8 (doctoral or professional degree).
    @Nullable public var typicalEntryRank: Int?
    @Nullable public var workExperience: String?
    @Nullable public var training: String?
    /// The EP line item the entry requirements come from (the code itself or an EP aggregate).
    @Nullable public var epCode: String?
    /// O*NET Job Zone as coded (2–5 since O*NET 30, where 2 stands for the merged "Job Zone 1-2").
    @Nullable public var jobZone: Int?
    /// How the zone is named: `1-2`, `3`, `4`, `5`.
    @Nullable public var jobZoneLabel: String?
    /// The O*NET-SOC code rated with `jobZone`.
    @Nullable public var jobZoneOnetCode: String?
    /// Share of respondents per O*NET Required Level of Education category, by category number.
    public let distribution: [EducationShareSummary]
}

/// One O*NET Required Level of Education category with its share.
public struct EducationShareSummary: Encodable, Hashable, Sendable {
    public let category: Int
    public let title: String
    /// The nearest BLS `EducationLevel` id.
    public let level: String
    public let percent: Double
}

/// A national-interest field an occupation aligns with: `{id, name, strength, evidence}` (DESIGN.md), plus the
/// field's number and the counts the strength is computed from.
public struct FieldSummary: Encodable, Hashable, Sendable {
    public let id: String
    public let name: String
    /// Its number on the Critical and Emerging Technologies List.
    public let number: Int?
    /// `cet-2024` or `chips-2022`.
    public let framework: String
    /// `core`, `substantial` or `incidental` (rule in Graph/README.md).
    public let grade: String
    /// 0.00 to 1.00, two places: the weight of the evidence behind the grade.
    public let strength: Double
    /// Every path, strongest kind first, as short text: `program 11.0102 Artificial Intelligence`,
    /// `technology TensorFlow (hot)`, `direct curated link`.
    public let evidence: [String]
    public let programs: Int
    public let programTotal: Int
    public let technologies: Int
    public let hotTechnologies: Int
    public let titles: Int
    /// The curated direct grade, if any.
    @Nullable public var direct: String?
    /// The specialty that carries the field, if graded.
    @Nullable public var specialty: String?

    /// `CET 2024`, `CHIPS 10387`.
    public var frameworkLabel: String { Framework(rawValue: framework)?.label ?? framework }
    /// Core or substantial: an alignment a petition may cite.
    public var isCitable: Bool { AlignmentGrade(name: grade)?.isCitable ?? false }

    public init(graph: KnowledgeGraph, alignment: FieldAlignment) {
        id = graph[alignment.field].id
        name = graph[alignment.field].title
        number = graph.fieldNumber(alignment.field)
        framework = graph.framework(of: alignment.field)?.rawValue ?? ""
        grade = alignment.grade.name
        strength = alignment.strength
        evidence = alignment.evidenceByWeight.map { graph.describe($0) }
        programs = alignment.programs
        programTotal = alignment.programTotal
        technologies = alignment.technologies
        hotTechnologies = alignment.hotTechnologies
        titles = alignment.titles
        direct = alignment.direct?.name
        specialty = alignment.specialty.map { graph[$0].id }
    }
}

extension KnowledgeGraph {
    /// One path as short text: `program 11.0102 Artificial Intelligence`, `technology TensorFlow (hot)`,
    /// `direct curated link`.
    public func describe(_ evidence: Evidence) -> String {
        switch evidence.kind {
        case .program:
            return "program " + (evidence.via.map { "\(self[$0].id) \(Self.plainTitle(self[$0].title))" } ?? "")
        case .technology:
            return "technology " + (evidence.via.map { self[$0].title } ?? "") + (evidence.hot == true ? " (hot)" : "")
        case .title:
            return "title \u{201C}\(evidence.title ?? "")\u{201D}"
        case .direct:
            return "direct curated link (\(evidence.grade?.name ?? "ungraded")): \(evidence.rationale)"
        }
    }

    /// A CIP title without its closing period (`Artificial Intelligence.` reads `Artificial Intelligence`).
    public static func plainTitle(_ title: String) -> String {
        title.hasSuffix(".") ? String(title.dropLast()) : title
    }
}

/// A related occupation: `{code, title, tier, index}`.
public struct RelatedSummary: Encodable, Hashable, Sendable {
    public let code: String
    public let title: String
    public let tier: String
    public let index: Int
}

/// A CIP program preparing for the occupation: `{cip, title, stem}`.
public struct ProgramSummary: Encodable, Hashable, Sendable {
    public let cip: String
    public let title: String
    /// On the DHS STEM Designated Degree Program List.
    @Nullable public var stem: Bool?
}

/// A designation the occupation carries: `{id, title, basis}`.
public struct DesignationSummary: Encodable, Hashable, Sendable {
    public let id: String
    public let title: String
    public let basis: String
}

/// OEWS national wages. Annual dollars; employment in jobs.
public struct WageSummary: Encodable, Hashable, Sendable {
    /// The floor OEWS publishes for a top-coded annual figure: at least $239,200 a year.
    public static let topCodedFloor = 239_200

    @Nullable public var employment: Int?
    @Nullable public var annualMedian: Int?
    @Nullable public var annualP10: Int?
    @Nullable public var annualP90: Int?
    @Nullable public var annualMean: Int?
    @Nullable public var annualP25: Int?
    @Nullable public var annualP75: Int?
    @Nullable public var hourlyMedian: Double?
    /// True when OEWS top-codes a figure (footnote 5): it is a floor, at least $239,200 a year.
    public let topCoded: Bool
    /// The OEWS code the figures come from (the occupation's own or an aggregate covering it).
    public let oewsCode: String
    /// As cited in the manifest, e.g. `OEWS May 2025`.
    @Nullable public var vintage: String?
}

/// BLS Employment Projections. Employment and openings in thousands.
public struct ProjectionSummary: Encodable, Hashable, Sendable {
    @Nullable public var employment2024: Double?
    @Nullable public var employment2034: Double?
    @Nullable public var changeNumeric: Double?
    @Nullable public var changePercent: Double?
    @Nullable public var openingsAnnual: Double?
    @Nullable public var medianWage2024: Int?
    /// True when BLS publishes the median only as a floor (`>=$239,200`).
    public let medianWage2024TopCoded: Bool
    /// The EP line item (the occupation's own code or an EP aggregate covering it).
    public let epCode: String
    @Nullable public var vintage: String?
}

extension KnowledgeGraph {
    /// The vintage of the first manifest source whose id or file path contains `key` (case-insensitive), such
    /// as `oews` or `bls-ep`. Manifest file paths keep the official source folder names (see Graph/README.md).
    /// O(sources).
    public func vintage(ofSourceMatching key: String) -> String? {
        let key = key.lowercased()
        return sources.first { $0.source.lowercased().contains(key) || $0.file.lowercased().contains(key) }?.vintage
    }
}
