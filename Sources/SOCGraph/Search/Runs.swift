/// Many short arrays kept end to end in one: run `i` is `values[starts[i]..<starts[i + 1]]`.
///
/// The search index holds hundreds of thousands of short lists (the terms of each text, the postings of each term,
/// the titles holding each term, the bytes of each text). One array per list costs an allocation each when the
/// index is read from the cache, most of a search's start-up; kept this way, each kind of list is two arrays, each
/// stored in the cache as one column (`CacheWriter.int32s`; the postings as three, their documents and frequencies
/// apart). Run lengths stay below 2³¹ (the cache file is at most 256 MiB), so the starts are `Int32`.
struct Runs<Element> {
    private(set) var values: [Element] = []
    /// Where each run starts in `values`, and at the end, `values.count`: always one more than the runs.
    private(set) var starts: [Int32] = [0]

    init() {}

    /// Runs `values[starts[i]..<starts[i + 1]]`; nil unless `starts` begins at 0, never decreases and ends at
    /// `values.count`.
    init?(values: [Element], starts: [Int32]) {
        guard starts.first == 0, starts.last.map(Int.init) == values.count,
              zip(starts, starts.dropFirst()).allSatisfy({ $0 <= $1 }) else { return nil }
        self.values = values
        self.starts = starts
    }

    /// The number of runs.
    var count: Int { starts.count - 1 }

    subscript(i: Int) -> ArraySlice<Element> { values[Int(starts[i])..<Int(starts[i + 1])] }

    /// Adds a run at the end.
    mutating func append(_ run: some Sequence<Element>) {
        values.append(contentsOf: run)
        starts.append(Int32(values.count))
    }
}

extension Runs: Sendable where Element: Sendable {}
