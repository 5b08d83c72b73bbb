#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The shapes of the codes used in Graph/ and accepted from users. Pure functions on text; no graph needed.
public enum CodeShape {
    /// `NN-NNNN`.
    public static func isSOC(_ code: String) -> Bool {
        let u = Array(code.utf8)
        return u.count == 7 && u[2] == UInt8(ascii: "-") && digits(u[0..<2]) && digits(u[3..<7])
    }

    /// `NN-NNNN`, on the UTF-8 bytes of a field.
    static func isSOC(_ u: UnsafeBufferPointer<UInt8>) -> Bool {
        u.count == 7 && u[2] == UInt8(ascii: "-") && digits(u[0..<2]) && digits(u[3..<7])
    }

    /// `NN-NNNN.NN`, on the UTF-8 bytes of a field.
    static func isONET(_ u: UnsafeBufferPointer<UInt8>) -> Bool {
        u.count == 10 && u[2] == UInt8(ascii: "-") && digits(u[0..<2]) && digits(u[3..<7])
            && u[7] == UInt8(ascii: ".") && digits(u[8..<10])
    }

    /// `isSOCPart(_:of:)` on UTF-8 bytes.
    static func isSOCPart(_ code: UnsafeBufferPointer<UInt8>, of onetCode: UnsafeBufferPointer<UInt8>) -> Bool {
        code.count == 7 && onetCode.count == 10 && IDIndex.equal(code.baseAddress!, onetCode.baseAddress!, 7)
    }

    /// `socLevel(_:)` on the UTF-8 bytes of a field.
    static func socLevel(_ u: UnsafeBufferPointer<UInt8>) -> NodeKind? {
        guard isSOC(u) else { return nil }
        if u[3] == UInt8(ascii: "0") && u[4] == UInt8(ascii: "0") && u[5] == UInt8(ascii: "0")
            && u[6] == UInt8(ascii: "0") { return .major }
        if u[5] == UInt8(ascii: "0") && u[6] == UInt8(ascii: "0") { return .minor }
        if u[6] == UInt8(ascii: "0") { return .broad }
        return .detailed
    }

    /// `cipLevel(_:)` on the UTF-8 bytes of a field.
    static func cipLevel(_ u: UnsafeBufferPointer<UInt8>) -> CIPLevel? {
        switch u.count {
        case 2: return digits(u[...]) ? .family : nil
        case 5: return digits(u[0..<2]) && u[2] == UInt8(ascii: ".") && digits(u[3..<5]) ? .series : nil
        case 7: return digits(u[0..<2]) && u[2] == UInt8(ascii: ".") && digits(u[3..<7]) ? .program : nil
        default: return nil
        }
    }

    /// `NN-NNNN.NN`.
    public static func isONET(_ code: String) -> Bool {
        let u = Array(code.utf8)
        return u.count == 10 && u[2] == UInt8(ascii: "-") && digits(u[0..<2]) && digits(u[3..<7])
            && u[7] == UInt8(ascii: ".") && digits(u[8..<10])
    }

    /// True when `code` is the first seven characters of the O*NET-SOC code `onetCode` (`15-2051` of
    /// `15-2051.01`). O(1), comparing bytes.
    public static func isSOCPart(_ code: String, of onetCode: String) -> Bool {
        guard code.utf8.count == 7, onetCode.utf8.count == 10 else { return false }
        var a = code, b = onetCode
        return a.withUTF8 { x in b.withUTF8 { y in memcmp(x.baseAddress!, y.baseAddress!, 7) == 0 } }
    }

    /// `NN`, `NN.NN` or `NN.NNNN`.
    public static func isCIP(_ code: String) -> Bool { cipLevel(code) != nil }

    /// The SOC level a code's shape implies: `NN-0000` major, `NN-NN00` / `NN-N000` minor, `NN-NNN0` broad,
    /// otherwise detailed. Nil when not a SOC code.
    public static func socLevel(_ code: String) -> NodeKind? {
        guard isSOC(code) else { return nil }
        if code.hasSuffix("-0000") { return .major }
        if code.hasSuffix("00") { return .minor }
        if code.hasSuffix("0") { return .broad }
        return .detailed
    }

    /// The CIP level a code's shape implies; nil when not a CIP code.
    public static func cipLevel(_ code: String) -> CIPLevel? {
        let u = Array(code.utf8)
        switch u.count {
        case 2: return digits(u[...]) ? .family : nil
        case 5: return digits(u[0..<2]) && u[2] == UInt8(ascii: ".") && digits(u[3..<5]) ? .series : nil
        case 7: return digits(u[0..<2]) && u[2] == UInt8(ascii: ".") && digits(u[3..<7]) ? .program : nil
        default: return nil
        }
    }

    /// The slug rule of field ids: lower-cased, every run of characters other than a–z and 0–9 replaced by one
    /// hyphen, no hyphen at either end.
    public static func slug(_ name: String) -> String {
        var out = ""
        var pendingHyphen = false
        for scalar in name.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                if pendingHyphen && !out.isEmpty { out.append("-") }
                pendingHyphen = false
                out.unicodeScalars.append(scalar)
            } else {
                pendingHyphen = true
            }
        }
        return out
    }

    private static func digits(_ bytes: ArraySlice<UInt8>) -> Bool {
        !bytes.isEmpty && bytes.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }

    private static func digits(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        !bytes.isEmpty && bytes.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }
}
