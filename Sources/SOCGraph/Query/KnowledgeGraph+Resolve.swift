import Foundation

/// Turning what a user types into a node: codes in their accepted spellings, exact titles, field slugs.
extension KnowledgeGraph {
    /// Resolves user input to a node.
    ///
    /// Accepts `15-2051`, `152051`, `15-2051.00` (the detailed code), `15-2051.01` (an O*NET specialty), group codes
    /// (`15-2000`), CIP codes (`11`, `11.01`, `11.0102`), any other node id (a field slug such as
    /// `artificial-intelligence`, `bachelor`, `job-zone-4`, `stem`, a technology name), and exact titles of SOC
    /// occupations and groups, O*NET occupations, fields and technology names (ignoring case). Surrounding spaces
    /// are ignored. ISCO-08 groups are `isco:2512`. A SOC 2010 code (`15-1131`, `15-1131.00`, or explicitly
    /// `soc2010:15-1131`) that is not a SOC 2018 code resolves through the BLS crosswalk when it maps to one 2018
    /// code; `resolutionNotes(for:)` says so, and explains a code that means one thing in SOC 2010 and another in
    /// SOC 2018 (the 2018 meaning is taken unless `soc2010:` is written).
    ///
    /// - Throws: `SOCGraphError.unknownCode` for a well-formed code or a text that names nothing, and
    ///   `SOCGraphError.malformedCode` for something code-like of no accepted shape; both with the nearest valid
    ///   codes as suggestions ("15-2051 Data Scientists"); `SOCGraphError.invalidInput` for a SOC 2010 code that
    ///   SOC 2018 split into several codes, listing them.
    /// - Complexity: O(1) for a known code or title; suggestions scan the candidate codes or titles, O(n).
    public func resolve(_ input: String) throws -> NodeIndex {
        try Self.checkLength(of: input)
        let text = input.trimmed
        guard !text.isEmpty else { throw SOCGraphError.malformedCode(input, suggestions: []) }
        if let code = Self.soc2010Code(text) {
            if let node = try soc2010Target(code) { return node }
            throw SOCGraphError.unknownCode(input, suggestions: [])
        }
        if text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "-" || $0 == ".") }) {
            return try resolveCode(text, original: input)
        }
        if let node = index[text] ?? index[text.lowercased()] { return node }
        if let node = nodes(withExactTitle: text).first { return node }
        let key = KnowledgeGraph.titleKey(text)
        if let field = nodes(ofKind: .field).first(where: { KnowledgeGraph.titleKey(self[$0].title) == key }) {
            return field
        }
        // Technology names in any case (`microsoft excel`); scanned only when nothing else matched.
        if let technology = nodes(ofKind: .technology).first(where: { KnowledgeGraph.titleKey(self[$0].title) == key }) {
            return technology
        }
        throw SOCGraphError.unknownCode(input, suggestions: titleSuggestions(for: text))
    }

    /// Resolves user input that must name a node of one of `kinds` (for example a field for `why`).
    ///
    /// - Throws: as `resolve(_:)`, and `SOCGraphError.unknownNode` when the input names a node of another kind.
    public func resolve(_ input: String, as kinds: Set<NodeKind>) throws -> NodeIndex {
        let node: NodeIndex
        do {
            node = try resolve(input)
        } catch let SOCGraphError.unknownCode(code, suggestions) {
            throw SOCGraphError.unknownNode(code, kind: Self.describe(kinds), suggestions: suggestions)
        }
        guard kinds.contains(self[node].kind) else {
            // A group where an occupation is expected: suggest the occupations in it.
            let inside = kinds.contains(.detailed) ? detailedOccupations(under: node).prefix(3).map(label) : []
            throw SOCGraphError.unknownNode(
                input, kind: Self.describe(kinds),
                suggestions: inside.isEmpty ? titleSuggestions(for: input, kinds: kinds) : inside)
        }
        return node
    }

    /// The longest code, title or field name taken, in characters: twice the longest title in the graph.
    public static let maximumNameLength = 300

    /// Throws `SOCGraphError.invalidInput` for input longer than `maximumNameLength`, which names nothing and would
    /// only make the search for suggestions slow.
    static func checkLength(of input: String) throws {
        guard input.count > maximumNameLength else { return }
        throw SOCGraphError.invalidInput("\(SOCGraphError.quoted(input)) is too long for a code, title or field "
                                         + "name (at most \(maximumNameLength) characters); check what was pasted")
    }

    /// "15-2051 Data Scientists": how suggestions and references name a node.
    public func label(_ node: NodeIndex) -> String {
        self[node].id == self[node].title ? self[node].id : "\(self[node].id) \(self[node].title)"
    }

    private static func describe(_ kinds: Set<NodeKind>) -> String {
        kinds.sorted().map(\.displayName).joined(separator: " or ")
    }

    // MARK: Codes

    /// `152051` → `15-2051`, `152051.01` → `15-2051.01`; anything else unchanged.
    static func hyphenated(_ text: String) -> String {
        let digits = text.filter(\.isNumber)
        if (text.count == 6 && digits.count == 6) || (text.count == 9 && text.dropFirst(6).first == "." && digits.count == 8) {
            return String(text.prefix(2)) + "-" + String(text.dropFirst(2))
        }
        return text
    }

    /// The SOC code of `soc2010:15-1131` (or `soc2010:15-1131.00`), nil for other text.
    static func soc2010Code(_ text: String) -> String? {
        guard text.lowercased().hasPrefix("soc2010:") else { return nil }
        let code = hyphenated(String(text.dropFirst(8)).trimmed)
        return CodeShape.isONET(code) && code.hasSuffix(".00") ? String(code.prefix(7)) : code
    }

    /// The one SOC 2018 code SOC 2010 `code` maps to; nil when the crosswalk does not list it.
    /// - Throws: `SOCGraphError.invalidInput` listing the 2018 codes when SOC 2018 split it.
    func soc2010Target(_ code: String) throws -> NodeIndex? {
        let links = soc2010Links(for: code)
        guard let first = links.first else { return nil }
        let targets = links.map(\.code)
        if Set(targets).count == 1 { return first.code }
        throw SOCGraphError.invalidInput(
            "SOC 2010 \(code) \(first.title) was split in SOC 2018 (BLS SOC 2010 to 2018 crosswalk): "
                + targets.map(label).joined(separator: "; ") + "; give the one that fits, or compare them: "
                + "socgraph compare " + targets.map { self[$0].id }.joined(separator: " "))
    }

    /// What the user should know about how `input` was read: a SOC 2010 code taken through the BLS crosswalk
    /// ("SOC 2010 15-1131 Computer Programmers → SOC 2018 15-1251 Computer Programmers"), or a code valid in both
    /// classifications whose SOC 2010 meaning maps elsewhere (read as SOC 2018; the note says how to ask for the
    /// 2010 meaning). Empty for anything else. O(crosswalk rows of the code).
    public func resolutionNotes(for input: String) -> [String] {
        let text = input.trimmed
        let explicit = Self.soc2010Code(text)
        var code = explicit ?? Self.hyphenated(text)
        if explicit == nil, CodeShape.isONET(code), code.hasSuffix(".00") { code = String(code.prefix(7)) }
        guard CodeShape.isSOC(code) else { return [] }
        let links = soc2010Links(for: code)
        guard let first = links.first else { return [] }
        let targets = Set(links.map(\.code))
        let current = index[code].flatMap { self[$0].kind.isOccupational ? $0 : nil }
        if explicit != nil || current == nil {
            guard targets.count == 1 else { return [] }
            return ["SOC 2010 \(code) \(first.title) → SOC 2018 \(label(first.code)) (BLS SOC 2010 to 2018 crosswalk)"]
        }
        guard let current, targets != [current] else { return [] }
        let mapped = links.map { label($0.code) }.joined(separator: "; ")
        return ["\(code) is read as SOC 2018 \(label(current)); the SOC 2010 code \(code) (\(first.title)) maps to "
                + "\(mapped) in SOC 2018: write soc2010:\(code) for the SOC 2010 meaning"]
    }

    private func resolveCode(_ text: String, original: String) throws -> NodeIndex {
        let candidate = Self.hyphenated(text)
        if CodeShape.isONET(candidate) {
            let code = String(candidate.prefix(7))
            if candidate.hasSuffix(".00") {
                if let node = index[code], self[node].kind == .detailed { return node }
                if index[code] == nil, let node = try soc2010Target(code) { return node }
                throw SOCGraphError.unknownCode(original, suggestions: codeSuggestions(for: code, kinds: [.detailed]))
            }
            if let node = index[candidate] { return node }
            throw SOCGraphError.unknownCode(original, suggestions: codeSuggestions(
                for: candidate, kinds: [.specialty, .detailed]))
        }
        if CodeShape.isSOC(candidate) {
            if let node = index[candidate], self[node].kind.isOccupational { return node }
            if index[candidate] == nil, let node = try soc2010Target(candidate) { return node }
            throw SOCGraphError.unknownCode(original, suggestions: codeSuggestions(
                for: candidate, kinds: [.detailed, .broad, .minor, .major]))
        }
        if CodeShape.isCIP(candidate) {
            if let node = index[candidate], self[node].kind == .program { return node }
            throw SOCGraphError.unknownCode(original, suggestions: codeSuggestions(for: candidate, kinds: [.program]))
        }
        let kinds: Set<NodeKind> = text.contains(".") && !text.contains("-")
            ? [.program] : [.detailed, .broad, .minor, .major, .specialty]
        throw SOCGraphError.malformedCode(original, suggestions: codeSuggestions(for: text, kinds: kinds))
    }

    /// The nearest codes of `kinds` by edit distance on their digits (ties: detailed first, then code order),
    /// at most `limit`, each as "code title". O(candidates · digits²); a code whose length alone puts it past the
    /// threshold is skipped unmeasured, so a very long input costs O(its length), not O(candidates · length).
    public func codeSuggestions(for text: String, kinds: Set<NodeKind>, limit: Int = 3) -> [String] {
        let wanted = Array(text.filter(\.isNumber).utf8)
        guard !wanted.isEmpty else { return [] }
        let threshold = max(2, wanted.count / 3)
        var scored: [(distance: Int, preference: Int, node: NodeIndex)] = []
        for kind in kinds {
            let preference = kind == .detailed ? 0 : kind == .specialty ? 1 : 2
            for node in nodes(ofKind: kind) {
                let digits = Array(self[node].id.filter(\.isNumber).utf8)
                // The edit distance is at least the difference in length.
                guard abs(digits.count - wanted.count) <= threshold else { continue }
                scored.append((Self.editDistance(wanted, digits), preference, node))
            }
        }
        return scored.filter { $0.distance <= threshold }
            .sorted { ($0.distance, $0.preference, $0.node) < ($1.distance, $1.preference, $1.node) }
            .prefix(limit).map { label($0.node) }
    }

    // MARK: Titles

    /// Occupations, groups and fields whose titles share the most words with `text` (plural-insensitive),
    /// best first, at most `limit`, each as "code title". O(nodes · words).
    public func titleSuggestions(for text: String, kinds: Set<NodeKind>? = nil, limit: Int = 3) -> [String] {
        let wanted = Self.words(text)
        guard !wanted.isEmpty else { return [] }
        let kinds = kinds ?? [.detailed, .specialty, .broad, .minor, .major, .field]
        var scored: [(score: Double, node: NodeIndex)] = []
        for kind in kinds.sorted() {
            for node in nodes(ofKind: kind) {
                let have = Self.words(self[node].title)
                let shared = wanted.intersection(have).count
                guard shared > 0 else { continue }
                let score = Double(shared) / Double(wanted.count + have.count - shared)  // Jaccard, no union built
                scored.append((score + (kind == .detailed ? 0.001 : 0), node))
            }
        }
        var seen = Set<String>()
        return scored.sorted { $0.score != $1.score ? $0.score > $1.score : $0.node < $1.node }
            .map { label($0.node) }.filter { seen.insert($0).inserted }.prefix(limit).map { $0 }
    }

    static func words(_ text: String) -> Set<String> {
        let stop: Set<String> = ["and", "or", "of", "the", "all", "other", "in", "for", "a"]
        return Set(text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).compactMap { word in
            var word = String(word)
            guard !stop.contains(word) else { return nil }
            if word.count > 3, word.hasSuffix("s"), !word.hasSuffix("ss") { word.removeLast() }
            return word
        })
    }

    static func editDistance(_ a: [UInt8], _ b: [UInt8]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
