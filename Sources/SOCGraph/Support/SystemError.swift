import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The system's words for why a file operation failed (`No space left on device`, `Broken pipe`).
public enum SystemError {
    /// The `strerror` text of the `errno` that `error` carries, itself (a POSIX error) or as its underlying error
    /// (as Foundation's `FileHandle` and `FileManager` report one); nil for any other error.
    public static func reason(of error: Error) -> String? {
        var error = error as NSError
        if error.domain != NSPOSIXErrorDomain, let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError {
            error = underlying
        }
        return error.domain == NSPOSIXErrorDomain ? String(cString: strerror(Int32(error.code))) : nil
    }
}
