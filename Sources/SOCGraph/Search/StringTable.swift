/// A list of strings being collected: one UTF-8 buffer and the end offset of each string, the layout in which the
/// search index stores its strings (`StringColumn`).
struct StringTable {
    /// The UTF-8 bytes of every string, one after another.
    private(set) var bytes: [UInt8] = []
    /// `ends[i]` is where string `i` ends in `bytes` (it starts where string `i − 1` ends, or at 0).
    private(set) var ends: [Int32] = []

    var count: Int { ends.count }

    /// Appends a string; returns its position.
    @discardableResult
    mutating func append(_ string: String) -> Int32 {
        bytes.append(contentsOf: string.utf8)
        ends.append(Int32(bytes.count))
        return Int32(ends.count - 1)
    }
}
