import Foundation
import SOCGraphRender

/// The file an `--out` value names, by the bytes the user typed: `CommandLine.arguments` shows invalid UTF-8 as
/// U+FFFD, so `--out $'\xff.svg'` would otherwise write a different file.
enum OutputArgument {
    /// `out`'s path; its raw bytes when it came from the command line and holds a replaced byte.
    static func path(_ out: String) -> OutputPath {
        let url = URL(fileURLWithPath: out)
        guard out.unicodeScalars.contains("\u{FFFD}"), let raw = rawBytes(of: out) else { return OutputPath(url: url) }
        return OutputPath(url: url, bytes: raw)
    }

    /// The bytes of the `--out` argument whose decoded text is `out` (`--out VALUE` or `--out=VALUE`); nil when no
    /// argument is (a batch line).
    static func rawBytes(of out: String) -> [UInt8]? {
        let arguments = CommandLine.arguments
        guard arguments.count == Int(CommandLine.argc) else { return nil }
        let prefix = "--out="
        for index in arguments.indices {
            let afterPrefix: Int
            if index > 0, arguments[index - 1] == "--out", arguments[index] == out {
                afterPrefix = 0
            } else if arguments[index] == prefix + out {
                afterPrefix = prefix.utf8.count
            } else {
                continue
            }
            guard let pointer = CommandLine.unsafeArgv[index] else { return nil }
            let raw = Array(UnsafeBufferPointer(start: pointer, count: strlen(pointer)).map { UInt8(bitPattern: $0) }
                .dropFirst(afterPrefix))
            return String(decoding: raw, as: UTF8.self) == out ? raw : nil
        }
        return nil
    }
}
