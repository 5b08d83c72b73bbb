import Foundation
import Testing
@testable import SOCGraphRender

/// Memo links percent-encode file names exactly as Foundation's `addingPercentEncoding` did.
@Suite("Memo link targets")
struct LinkTargetTests {
    @Test("every scalar is encoded as Foundation encodes it")
    func matchesFoundation() {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~/")
        let mismatches = (0...0x10FFFF).compactMap(Unicode.Scalar.init).filter { scalar in
            let name = "a\(scalar)b.svg"
            return MemoMarkdown.linkTarget(name) != name.addingPercentEncoding(withAllowedCharacters: allowed)
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(20).map { String($0.value, radix: 16) })")
        #expect(MemoMarkdown.linkTarget("memo é (1).svg") == "memo%20%C3%A9%20%281%29.svg")
    }
}
