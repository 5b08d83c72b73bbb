import Foundation
import Testing
@testable import SOCGraph

@Suite("Title look-up keys")
struct TitleKeyTests {
    /// The general rule, which the byte-level path must reproduce for the titles it accepts.
    func generalKey(_ title: String) -> String {
        title.replacingOccurrences(of: "\u{2019}", with: "'").lowercased()
            .split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    @Test func fastPathMatchesTheGeneralRule() {
        let titles = [
            "Police and Sheriff\u{2019}s Patrol Officers", "  Data   Scientists ", "Chief\tExecutives\n",
            "\u{2019}Quoted\u{2019}", "A\u{2019}\u{2019}B", "O\u{2019}Neil\u{0301}s", "Caf\u{E9} Owners\u{2019}",
            "Tab\u{0B}\u{2019}s", "", " ", "ALL CAPS 123-45.6",
        ]
        for title in titles {
            #expect(KnowledgeGraph.titleKey(title) == generalKey(title), "\(title.debugDescription)")
        }
    }

    @Test func exactTitlesAreFoundWithEitherApostrophe() throws {
        var index = ExactTitleIndex()
        index.add(7, title: "Police and Sheriff\u{2019}s Patrol Officers")
        index.add(3, title: "police and sheriff's patrol officers")
        index.add(7, title: "POLICE AND SHERIFF'S PATROL OFFICERS")
        #expect(index[KnowledgeGraph.titleKey("Police and Sheriff's  Patrol Officers")] == [7, 3])
        #expect(index["unknown"] == nil)
    }
}
