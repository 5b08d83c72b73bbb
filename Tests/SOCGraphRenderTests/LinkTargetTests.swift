import Testing
@testable import SOCGraphRender

/// Memo links percent-encode file names, so that spaces, parentheses and non-ASCII letters are safe in Markdown.
@Suite("Memo link targets")
struct LinkTargetTests {
    @Test("ASCII letters, digits and - . _ ~ / stay; every other UTF-8 byte is encoded")
    func encodesEverythingElse() {
        #expect(MemoMarkdown.linkTarget("memo é (1).svg") == "memo%20%C3%A9%20%281%29.svg")
        #expect(MemoMarkdown.linkTarget("Output/a-b_c~d.svg") == "Output/a-b_c~d.svg")
        #expect(MemoMarkdown.linkTarget("x[1]#2%.svg") == "x%5B1%5D%232%25.svg")
        #expect(MemoMarkdown.linkTarget("ﬁ中.svg") == "%EF%AC%81%E4%B8%AD.svg")
    }
}
