#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension FileManager {
    /// Whether `path` (symbolic links followed) is a directory; nil when nothing is there.
    public func isDirectory(atPath path: String) -> Bool? {
        #if canImport(FoundationEssentials)
        var isDirectory = false
        guard fileExists(atPath: path, isDirectory: &isDirectory) else { return nil }
        return isDirectory
        #else
        var isDirectory: ObjCBool = false
        guard fileExists(atPath: path, isDirectory: &isDirectory) else { return nil }
        return isDirectory.boolValue
        #endif
    }
}
