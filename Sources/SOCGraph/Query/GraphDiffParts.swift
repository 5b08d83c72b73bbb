/// The pieces of a `GraphDiff`. All `Encodable` with stable keys; optional values are written as `null`.

/// One graph of a comparison: how the caller named it and the data vintages of its manifest, in manifest order.
public struct DiffSide: Encodable, Hashable, Sendable {
    /// The directory as given (`Graph`), or another label.
    public let graph: String
    public let vintages: [String]
}

/// A source whose vintage differs between the graphs (`O*NET 29.3` → `O*NET 30.2`); `old` is nil for a source only
/// the new graph has, `new` for one only the old graph has.
public struct VintageChange: Encodable, Hashable, Sendable {
    public let old: String?
    public let new: String?

    private enum CodingKeys: String, CodingKey { case old, new }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(old, forKey: .old)
        try c.encode(new, forKey: .new)
    }
}

/// How many detailed codes were compared and how many changed, in all and per aspect.
public struct DiffSummary: Encodable, Hashable, Sendable {
    /// Detailed codes in both graphs (among those asked for).
    public let compared: Int
    /// Of those, the codes with at least one change.
    public let changed: Int
    /// Codes with a change, per aspect (`GraphDiff.Aspect` raw values; every aspect present).
    public let aspects: [String: Int]
    public let onlyInOld: Int
    public let onlyInNew: Int
}

/// A value before and after: `{old, new}`; either may be `null` (a figure not published in that graph).
public struct ValueChange<Value: Encodable & Hashable & Sendable>: Encodable, Hashable, Sendable {
    public let old: Value?
    public let new: Value?

    private enum CodingKeys: String, CodingKey { case old, new }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(old, forKey: .old)
        try c.encode(new, forKey: .new)
    }
}

/// Members added and removed: `{added, removed}`, each in id order.
public struct ListChange<Item: Encodable & Hashable & Sendable>: Encodable, Hashable, Sendable {
    public let added: [Item]
    public let removed: [Item]
}

/// A designation in a report: `{id, title}` (`stem`, `schedule-a-group-1`).
public struct DesignationReference: Encodable, Hashable, Sendable {
    public let id: String
    public let title: String

    public init(_ designation: Designation) {
        id = designation.rawValue
        title = designation.title
    }
}

/// An alignment added, removed or changed: `{field, name, change, old, new}`, `old` and `new` being the compared
/// state (`{grade, strength}`) or `null`.
public struct AlignmentChange: Encodable, Hashable, Sendable {
    public enum Kind: String, Encodable, Sendable {
        case added, removed, changed
    }

    /// The field id (`artificial-intelligence`).
    public let field: String
    /// The field's name (from the new graph when it has the field).
    public let name: String
    public let change: Kind
    public let old: AlignmentState?
    public let new: AlignmentState?

    private enum CodingKeys: String, CodingKey { case field, name, change, old, new }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(field, forKey: .field)
        try c.encode(name, forKey: .name)
        try c.encode(change, forKey: .change)
        try c.encode(old, forKey: .old)
        try c.encode(new, forKey: .new)
    }
}

/// The changes of one detailed code, one key per `GraphDiff.Aspect`; an aspect that did not change is `null`.
public struct AspectChanges: Encodable, Hashable, Sendable {
    /// The SOC title.
    public internal(set) var title: ValueChange<String>?
    /// BLS typical entry education, as `EducationLevel` ids.
    public internal(set) var entryEducation: ValueChange<EducationLevel>?
    /// The O*NET Job Zone, by name (`1` → `1-2`).
    public internal(set) var jobZone: ValueChange<String>?
    /// Related detailed occupations added and removed.
    public internal(set) var related: ListChange<NodeReference>?
    /// Strongest first (the larger of the old and new strength), ties by field id.
    public internal(set) var alignments: [AlignmentChange]?
    /// STEM and Schedule A designations added and removed.
    public internal(set) var designations: ListChange<DesignationReference>?
    /// The OEWS annual median (and whether it is top-coded).
    public internal(set) var wages: ValueChange<WageState>?

    /// The aspects that changed, in report order.
    public var aspects: [GraphDiff.Aspect] {
        GraphDiff.Aspect.allCases.filter { aspect in
            switch aspect {
            case .title: return title != nil
            case .entryEducation: return entryEducation != nil
            case .jobZone: return jobZone != nil
            case .related: return related != nil
            case .alignments: return alignments != nil
            case .designations: return designations != nil
            case .wages: return wages != nil
            }
        }
    }

    private enum CodingKeys: String, CodingKey {
        case title, entryEducation, jobZone, related, alignments, designations, wages
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(title, forKey: .title)
        try c.encode(entryEducation, forKey: .entryEducation)
        try c.encode(jobZone, forKey: .jobZone)
        try c.encode(related, forKey: .related)
        try c.encode(alignments, forKey: .alignments)
        try c.encode(designations, forKey: .designations)
        try c.encode(wages, forKey: .wages)
    }
}

/// One detailed code with at least one change: `{code, title, aspects, changes}`.
public struct OccupationChange: Encodable, Hashable, Sendable {
    public let code: String
    /// The title in the new graph.
    public let title: String
    /// The aspects that changed (`GraphDiff.Aspect` raw values), in report order.
    public let aspects: [String]
    public let changes: AspectChanges
}
