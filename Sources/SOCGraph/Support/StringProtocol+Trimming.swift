import Foundation

extension StringProtocol {
    /// The text without leading and trailing white space and line breaks.
    public var trimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }

    /// The text without leading and trailing spaces and tabs, keeping line breaks.
    public var trimmedSpaces: String { trimmingCharacters(in: .whitespaces) }
}
