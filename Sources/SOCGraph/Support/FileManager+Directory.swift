import Foundation

extension FileManager {
    /// Whether `path` (symbolic links followed) is a directory; nil when nothing is there.
    public func isDirectory(atPath path: String) -> Bool? {
        var isDirectory: ObjCBool = false
        guard fileExists(atPath: path, isDirectory: &isDirectory) else { return nil }
        return isDirectory.boolValue
    }
}
