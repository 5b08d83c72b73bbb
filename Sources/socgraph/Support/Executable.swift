#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The running program's own file, for what is installed beside it (`socgraph-import`, `../share/socgraph/Graph`).
enum Executable {
    /// The absolute path of the running executable with symbolic links resolved: `/proc/self/exe` on Linux,
    /// `_NSGetExecutablePath` on macOS, else the path it was invoked by when that names a file; nil when none of
    /// these can be read.
    static var path: String? {
        #if os(Linux)
        if let path = resolved("/proc/self/exe") { return path }
        #elseif canImport(Darwin)
        var size: UInt32 = 0
        _ = _NSGetExecutablePath(nil, &size)
        var buffer = [CChar](repeating: 0, count: Int(size) + 1)
        if _NSGetExecutablePath(&buffer, &size) == 0, let path = resolved(String(cString: buffer)) { return path }
        #endif
        guard let invoked = CommandLine.arguments.first, invoked.contains("/") else { return nil }
        return resolved(invoked)
    }

    /// The path of the sibling program `name` in the running executable's directory.
    static func sibling(_ name: String) -> String? {
        guard let path, let slash = path.lastIndex(of: "/") else { return nil }
        return path[...slash] + name
    }

    /// `path` made absolute with every symbolic link resolved (`realpath`), or nil when it does not exist.
    private static func resolved(_ path: String) -> String? {
        guard let pointer = realpath(path, nil) else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }
}
