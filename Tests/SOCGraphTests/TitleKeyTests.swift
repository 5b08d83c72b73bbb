import Foundation
import Testing
@testable import SOCGraph

@Suite("Title look-up keys")
struct TitleKeyTests {
    /// The general rule, which the ASCII path must reproduce.
    func generalKey(_ title: String) -> String {
        title.replacingOccurrences(of: "\u{2019}", with: "'").lowercased()
            .split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    @Test func asciiPathMatchesTheGeneralRule() {
        let titles = [
            "Police and Sheriff\u{2019}s Patrol Officers", "  Data   Scientists ", "Chief\tExecutives\n",
            "\u{2019}Quoted\u{2019}", "A\u{2019}\u{2019}B", "O\u{2019}Neil\u{0301}s", "Caf\u{E9} Owners\u{2019}",
            "Tab\u{0B}\u{2019}s", "", " ", "ALL CAPS 123-45.6",
        ]
        for title in titles {
            #expect(KnowledgeGraph.titleKey(title) == generalKey(title), "\(title.debugDescription)")
        }
    }

    @Test func titlesMatchWithEitherApostropheAnyCaseAndSpacing() {
        let key = KnowledgeGraph.titleKey("Police and Sheriff\u{2019}s Patrol Officers")
        #expect(KnowledgeGraph.titleKey("POLICE AND SHERIFF'S  Patrol\tOfficers ") == key)
        #expect(KnowledgeGraph.titleKey("Police and Sheriffs Patrol Officers") != key)
    }
}
