import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A failed system call, described in the system's words (`No space left on device`, `Broken pipe`).
public struct SystemError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The `errno` value.
    public let code: Int32

    public init(code: Int32) { self.code = code }

    public var description: String { String(cString: strerror(code)) }

    /// The system's words for why a file operation failed when `error` is a `SystemError` or a `POSIXError`;
    /// nil for any other error (a Foundation `CocoaError` describes its failure by its code).
    public static func reason(of error: Error) -> String? {
        if let error = error as? SystemError { return error.description }
        guard let posix = error as? POSIXError else { return nil }
        return SystemError(code: posix.code.rawValue).description
    }
}

/// Writing to an open file descriptor (standard output, a device or pipe given as `--out`).
public enum FileDescriptor {
    /// Writes all of `bytes` to `descriptor`, resuming after short writes and interrupted calls.
    ///
    /// - Throws: `SystemError` with the `errno` of the write that failed.
    public static func write(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) throws {
        var offset = 0
        while offset < bytes.count {
            let written = systemWrite(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw SystemError(code: errno)
            }
            offset += written
        }
    }

    /// Writes the UTF-8 of `text` to `descriptor`; see `write(_:to:)`.
    public static func write(_ text: String, to descriptor: Int32) throws {
        var text = text
        try text.withUTF8 { try write(UnsafeRawBufferPointer($0), to: descriptor) }
    }
}

/// The system's `write(2)`, by a name that `FileDescriptor.write` does not hide.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}
