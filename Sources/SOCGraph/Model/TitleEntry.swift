/// Where a searchable title comes from (Graph/titles.tsv).
public enum TitleSource: String, CaseIterable, Codable, Sendable {
    /// The SOC 2018 title of the code.
    case soc
    /// A SOC 2018 Direct Match Title.
    case directMatch = "direct-match"
    /// A SOC 2018 Direct Match Title marked Illustrative Example.
    case directMatchIllustrative = "direct-match-illustrative"
    /// An O*NET occupation or specialty title.
    case onet
    /// An O*NET Alternate Title.
    case onetAlternate = "onet-alternate"
    /// A title from O*NET Sample of Reported Titles.
    case onetReported = "onet-reported"
}

/// One title for search: the node it names, the text, and its source.
public struct TitleEntry: Hashable, Sendable {
    public let node: NodeIndex
    public let title: String
    public let source: TitleSource
}
