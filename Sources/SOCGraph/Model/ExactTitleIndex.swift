/// Occupational nodes by the look-up key of their titles (`KnowledgeGraph.titleKey`), for exact-title look-up.
/// Keys are kept as bytes in an `IDIndex`, so building it makes one `String` per title and no dictionary of them.
struct ExactTitleIndex: Sendable, Equatable {
    private(set) var keys = IDIndex()
    /// The nodes of each key, by the key's value in `keys`.
    private(set) var groups: [[NodeIndex]] = []
    private var scratch: [UInt8] = []

    init(capacity: Int = 8) {
        keys = IDIndex(capacity: capacity)
        groups.reserveCapacity(capacity)
    }

    /// An index from the parts of another (`GraphSnapshot`); nil unless `keys` has one value per group.
    init?(keys: IDIndex, groups: [[NodeIndex]]) {
        guard keys.count == groups.count else { return nil }
        self.keys = keys
        self.groups = groups
    }

    /// The nodes whose title has look-up key `key`, in preference order; nil if none.
    subscript(_ key: String) -> [NodeIndex]? { keys[key].map { groups[$0] } }

    /// Adds `node` under the key of `title` (`KnowledgeGraph.titleKey`) unless it is there already.
    mutating func add(_ node: NodeIndex, title: String) {
        // The key of an ASCII title (all but a few) is made in a reused buffer instead of a new String.
        let length = title.utf8.count
        if scratch.count <= length { scratch = [UInt8](repeating: 0, count: 2 * length + 1) }
        let existing: Int?
        let next = groups.count
        let count = scratch.withUnsafeMutableBufferPointer {
            KnowledgeGraph.asciiTitleKey(title, into: $0.baseAddress!)
        }
        if let count {
            existing = scratch.withUnsafeBufferPointer { keys.insert(bytes: .init(rebasing: $0[..<count]), next) }
        } else {
            existing = keys.insert(KnowledgeGraph.titleKey(title), next)
        }
        if let group = existing {
            if !groups[group].contains(node) { groups[group].append(node) }
        } else {
            groups.append([node])
        }
    }

    /// Orders every group with more than one node by `areInIncreasingOrder`.
    mutating func sortGroups(by areInIncreasingOrder: (NodeIndex, NodeIndex) -> Bool) {
        for group in groups.indices where groups[group].count > 1 { groups[group].sort(by: areInIncreasingOrder) }
    }

    /// Equal keys and groups (the scratch buffer is no part of the index).
    static func == (lhs: ExactTitleIndex, rhs: ExactTitleIndex) -> Bool {
        lhs.keys == rhs.keys && lhs.groups == rhs.groups
    }
}
