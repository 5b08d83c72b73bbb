import Foundation

/// The running program's own file, for what is installed beside it (`../share/socgraph/Graph`).
enum Executable {
    /// The absolute path of the running executable with symbolic links resolved, or nil when it cannot be found.
    static var path: String? {
        Bundle.main.executableURL?.resolvingSymlinksInPath().path
    }
}
