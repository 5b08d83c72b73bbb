/// The shapes of the codes the official files use, checked byte by byte.
enum CodeFormat {
    /// `15-2051`: a SOC 2018 code of any level.
    static func isSOC(_ code: String) -> Bool {
        matches(code, "99-9999")
    }

    /// `15-2051.01`: an O*NET-SOC code.
    static func isONet(_ code: String) -> Bool {
        matches(code, "99-9999.99")
    }

    /// `01`, `01.01` or `01.0101`: a CIP code (family, series, program).
    static func isCIP(_ code: String) -> Bool {
        matches(code, "99") || matches(code, "99.99") || matches(code, "99.9999")
    }

    /// Whether `text` has the shape of `pattern`, where `9` stands for any ASCII digit.
    static func matches(_ text: String, _ pattern: String) -> Bool {
        let text = Array(text.utf8), pattern = Array(pattern.utf8)
        guard text.count == pattern.count else { return false }
        for (byte, model) in zip(text, pattern) {
            if model == UInt8(ascii: "9") {
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return false }
            } else if byte != model {
                return false
            }
        }
        return true
    }
}

/// Decimal text for figures written to Graph/: fixed places, no float noise, never `-0`.
enum Figure {
    static func fixed(_ value: Double, places: Int) -> String {
        let scale = (0..<places).reduce(1.0) { result, _ in result * 10 }
        var rounded = (value * scale).rounded() / scale
        if rounded == 0 { rounded = 0 }
        return String(format: "%.\(places)f", rounded)
    }
}
