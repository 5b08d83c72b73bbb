import Testing
@testable import socgraph

@Suite("Batch line splitting")
struct ShellWordsTests {
    @Test func splitsLikeAShell() throws {
        #expect(try ShellWords.split("show 15-2051") == ["show", "15-2051"])
        #expect(try ShellWords.split("  show\t 'Software Developers'  ") == ["show", "Software Developers"])
        #expect(try ShellWords.split(#"find "field:x \"quoted\" \\ $" z"#) == ["find", #"field:x "quoted" \ $"#, "z"])
        #expect(try ShellWords.split(#"search data\ scientist"#) == ["search", "data scientist"])
        #expect(try ShellWords.split("search ''") == ["search", ""])
        #expect(try ShellWords.split("show 15-2051 # why this one") == ["show", "15-2051"])
        #expect(try ShellWords.split("find major:15#x") == ["find", "major:15#x"])
        #expect(try ShellWords.split(#"a"b"'c'"#) == ["abc"])
    }

    @Test func rejectsUnfinishedQuotesAndEscapes() {
        #expect(throws: (any Error).self) { try ShellWords.split("show 'open") }
        #expect(throws: (any Error).self) { try ShellWords.split(#"show "open"#) }
        #expect(throws: (any Error).self) { try ShellWords.split(#"show \"#) }
    }
}

@Suite("Batch commands")
struct BatchCommandListTests {
    @Test("the listed batch commands are exactly the subcommands that can answer a batch line")
    func runnableListMatchesConformances() {
        let conforming = SOCGraphCommand.configuration.subcommands
            .filter { $0 is any BatchRunnable.Type }
            .compactMap { $0.configuration.commandName }.sorted()
        #expect(BatchCommand.commandNames == conforming)
        #expect(conforming.contains("show") && conforming.contains("render"))
    }
}
