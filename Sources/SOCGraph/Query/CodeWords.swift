/// A code's own words from Graph/text/: its SOC 2018 definition and its O*NET task statements, core tasks first
/// (see `OccupationText.tasks(of:)`). For an O*NET specialty, the definition is its SOC code's.
public struct CodeWords: Encodable, Hashable, Sendable {
    /// The SOC code the definition is of.
    public let definitionCode: String
    @Nullable public var definition: String?
    public let tasks: [OccupationText.Task]

    public init(text: OccupationText, code: String) {
        definitionCode = String(code.prefix(7))
        definition = text.definitions[definitionCode]
        tasks = text.tasks(of: code)
    }

    /// How many of `tasks` are O*NET core tasks.
    public var coreCount: Int { tasks.filter(\.isCore).count }
}
