/// The designations an occupation can carry, each a node of kind `.designation`.
public enum Designation: String, CaseIterable, Codable, Sendable {
    /// On the O*NET OnLine STEM occupations list.
    case stem
    /// Schedule A, Group I (20 CFR 656.5(a)): registered nurses and physical therapists.
    case scheduleAGroup1 = "schedule-a-group-1"

    /// The designation's title, naming its authority.
    public var title: String {
        switch self {
        case .stem: return "STEM occupation (O*NET OnLine STEM occupations)"
        case .scheduleAGroup1: return "Schedule A, Group I (20 CFR 656.5(a))"
        }
    }
}
