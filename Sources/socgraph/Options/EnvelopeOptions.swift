import ArgumentParser

/// `--envelope`: for the list commands (`search`, `related`, `find`), whose JSON is a bare list by contract.
struct EnvelopeOptions: ParsableArguments {
    @Flag(name: .long, help: """
        With --format json, wrap the list as {results, sources, …} so that it names the data vintages (and, for \
        search, whether the ranking is weak) instead of printing the bare list.
        """)
    var envelope = false
}
