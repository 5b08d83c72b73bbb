#if canImport(FoundationEssentials)
@_spi(_Unicode) import Swift  // String._nfd, the standard library's canonical decomposition

extension SearchText {
    /// `text` without diacritics and with half- and full-width forms made ordinary, exactly as Foundation's
    /// `folding(options: [.diacriticInsensitive, .widthInsensitive], locale: nil)` (Core Foundation's
    /// `CFStringFold`) does, so that a search index and its queries read the same terms with either:
    ///
    /// - a character in U+FF00–U+FFEF becomes its ordinary form (`ａ` → `a`, `ｶ` → `カ`);
    /// - a character that decomposes to a Latin, Greek or Cyrillic letter (below U+0510) becomes that letter
    ///   (`é` → `e`, `Å` → `A`, `ẛ` → `ſ`); other scripts keep their precomposed characters (`آ`, `क़`);
    /// - after such a letter every combining mark is dropped; after a letter of another script only a first mark
    ///   below U+0510 is (none after a half- or full-width form), and the marks kept are decomposed and put in
    ///   canonical order.
    ///
    /// Combining marks are Unicode's Grapheme_Extend characters as of Unicode 15, the version of Core
    /// Foundation's tables. Called only for text that is not ASCII.
    static func folded(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            var scalar = scalars[index]
            index += 1
            let ordinary = ordinaryWidth(scalar)
            if let ordinary { scalar = ordinary }
            if scalar.value >= 0x80 {
                let decomposed = Array(String(scalar)._nfd)
                if decomposed != [scalar], decomposed[0].value < 0x510 { scalar = decomposed[0] }
            }
            out.append(scalar)
            let dropsEveryMark = scalar.value < 0x510
            var kept: [Unicode.Scalar] = []
            var dropsFirstMark = ordinary == nil
            while index < scalars.count, isCombiningMark(scalars[index]) {
                let mark = scalars[index]
                index += 1
                defer { dropsFirstMark = false }
                if dropsEveryMark || (dropsFirstMark && mark.value < 0x510) { continue }
                kept.append(contentsOf: String(mark)._nfd)
            }
            // Canonical order: a stable sort by combining class.
            let ordered = kept.enumerated().sorted {
                let (a, b) = ($0.element.properties.canonicalCombiningClass, $1.element.properties.canonicalCombiningClass)
                return a != b ? a < b : $0.offset < $1.offset
            }
            out.append(contentsOf: ordered.map(\.element))
        }
        return String(out)
    }

    /// Core Foundation's non-base characters: Grapheme_Extend as of Unicode 15 (later characters are unknown to
    /// it, and Unicode 16 made some spacing marks Grapheme_Extend), with emoji modifiers and U+1171E.
    static func isCombiningMark(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value == 0x1171E || (0x1F3FB...0x1F3FF).contains(scalar.value) { return true }
        guard scalar.properties.isGraphemeExtend, let age = scalar.properties.age, age.major < 16 else { return false }
        return !extendedInUnicode16.contains(scalar.value)
    }

    /// Spacing marks that became Grapheme_Extend in Unicode 16.
    private static let extendedInUnicode16: Set<UInt32> = [
        0x0CC0, 0x0CC7, 0x0CC8, 0x0CCA, 0x0CCB, 0x1715, 0x1734, 0x1B3B, 0x1B3D, 0x1B43, 0x1B44, 0x1BAA, 0x1BF2,
        0x1BF3, 0xA953, 0xA9C0, 0x111C0, 0x11235, 0x1134D, 0x116B6, 0x1193D, 0x11F41, 0x16FF0, 0x16FF1, 0x1D166,
        0x1D16D,
    ]

    /// The ordinary form of a half- or full-width character (U+FF01–U+FFEE), or nil.
    static func ordinaryWidth(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        switch scalar.value {
        case 0xFF01...0xFF5E: return Unicode.Scalar(scalar.value - 0xFEE0)
        case 0xFF5F...0xFFEE:
            let value = halfAndFullWidthForms[Int(scalar.value - 0xFF5F)]
            return value == 0 ? nil : Unicode.Scalar(value)
        default: return nil
        }
    }

    /// The compatibility mappings of U+FF5F–U+FFEE (Unicode's `<narrow>` and `<wide>` decompositions); 0 where
    /// the character stays.
    private static let halfAndFullWidthForms: [UInt16] = [
        0x2985, 0x2986, 0x3002, 0x300C, 0x300D, 0x3001, 0x30FB, 0x30F2, 0x30A1, 0x30A3, 0x30A5, 0x30A7,
        0x30A9, 0x30E3, 0x30E5, 0x30E7, 0x30C3, 0x30FC, 0x30A2, 0x30A4, 0x30A6, 0x30A8, 0x30AA, 0x30AB,
        0x30AD, 0x30AF, 0x30B1, 0x30B3, 0x30B5, 0x30B7, 0x30B9, 0x30BB, 0x30BD, 0x30BF, 0x30C1, 0x30C4,
        0x30C6, 0x30C8, 0x30CA, 0x30CB, 0x30CC, 0x30CD, 0x30CE, 0x30CF, 0x30D2, 0x30D5, 0x30D8, 0x30DB,
        0x30DE, 0x30DF, 0x30E0, 0x30E1, 0x30E2, 0x30E4, 0x30E6, 0x30E8, 0x30E9, 0x30EA, 0x30EB, 0x30EC,
        0x30ED, 0x30EF, 0x30F3, 0x3099, 0x309A, 0x1160, 0x1100, 0x1101, 0x11AA, 0x1102, 0x11AC, 0x11AD,
        0x1103, 0x1104, 0x1105, 0x11B0, 0x11B1, 0x11B2, 0x11B3, 0x11B4, 0x11B5, 0x111A, 0x1106, 0x1107,
        0x1108, 0x1121, 0x1109, 0x110A, 0x110B, 0x110C, 0x110D, 0x110E, 0x110F, 0x1110, 0x1111, 0x1112,
        0x0000, 0x0000, 0x0000, 0x1161, 0x1162, 0x1163, 0x1164, 0x1165, 0x1166, 0x0000, 0x0000, 0x1167,
        0x1168, 0x1169, 0x116A, 0x116B, 0x116C, 0x0000, 0x0000, 0x116D, 0x116E, 0x116F, 0x1170, 0x1171,
        0x1172, 0x0000, 0x0000, 0x1173, 0x1174, 0x1175, 0x0000, 0x0000, 0x0000, 0x00A2, 0x00A3, 0x00AC,
        0x0000, 0x00A6, 0x00A5, 0x20A9, 0x0000, 0x2502, 0x2190, 0x2191, 0x2192, 0x2193, 0x25A0, 0x25CB,
    ]
}
#else
import Foundation

extension SearchText {
    /// `text` without diacritics and with half- and full-width forms made ordinary.
    static func folded(_ text: String) -> String {
        text.folding(options: [.diacriticInsensitive, .widthInsensitive], locale: nil)
    }
}
#endif
