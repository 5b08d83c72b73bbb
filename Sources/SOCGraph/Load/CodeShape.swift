/// The shapes of the codes used in Graph/ and accepted from users. Pure functions on text; no graph needed.
public enum CodeShape {
    /// `NN-NNNN`.
    public static func isSOC(_ code: String) -> Bool { matches(code, "NN-NNNN") }

    /// `NN-NNNN.NN`.
    public static func isONET(_ code: String) -> Bool { matches(code, "NN-NNNN.NN") }

    /// True when `code` is the first seven characters of the O*NET-SOC code `onetCode` (`15-2051` of
    /// `15-2051.01`), comparing bytes.
    public static func isSOCPart(_ code: String, of onetCode: String) -> Bool {
        code.utf8.count == 7 && onetCode.utf8.count == 10 && onetCode.utf8.starts(with: code.utf8)
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
        if matches(code, "NN.NNNN") { return .program }
        if matches(code, "NN.NN") { return .series }
        if matches(code, "NN") { return .family }
        return nil
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

    /// Whether `code` has the shape of `pattern`, where `N` stands for a digit and any other byte for itself.
    private static func matches(_ code: String, _ pattern: String) -> Bool {
        code.utf8.count == pattern.utf8.count && zip(code.utf8, pattern.utf8).allSatisfy { byte, expected in
            expected == UInt8(ascii: "N") ? (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) : byte == expected
        }
    }
}

/// Catch-all codes: "All Other" occupations, graded and ranked for their typical incumbent.
public enum CatchAll {
    /// Whether an occupation title is a catch-all ("Engineers, All Other").
    public static func isCatchAll(title: String) -> Bool { title.hasSuffix("All Other") }
}

/// The ids of national-interest fields: the slug of the name (`artificial-intelligence`); for a CHIPS focus area the
/// slug of its name up to ", such as" or ", including" (`advanced-energy-and-industrial-efficiency-technologies`).
public enum FieldID {
    public static func id(name: String, framework: Framework) -> String {
        guard framework == .chips else { return CodeShape.slug(name) }
        var head = Substring(name)
        for cut in [", such as", ", including"] {
            if let range = head.range(of: cut, options: .caseInsensitive) { head = head[..<range.lowerBound] }
        }
        return CodeShape.slug(String(head))
    }
}
