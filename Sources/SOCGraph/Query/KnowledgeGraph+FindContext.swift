/// The graph as the `find` query language sees it: SOC detailed occupations and their facts, by code.
///
/// Every look-up is O(1) by code plus O(degree) for lists.
extension KnowledgeGraph: FindContext {
    public var occupationCodes: [String] { nodes(ofKind: .detailed).map { self[$0].id } }

    public var knownFields: Set<String> { Set(nodes(ofKind: .field).map { self[$0].id }) }

    public func majorGroup(of code: String) -> String? { group(of: code, .major) }
    public func minorGroup(of code: String) -> String? { group(of: code, .minor) }
    public func broadGroup(of code: String) -> String? { group(of: code, .broad) }

    public func typicalEducation(of code: String) -> EducationLevel? {
        occupation(code).flatMap { entryEducation(of: $0)?.education }
    }

    public func jobZone(of code: String) -> Int? { occupation(code).flatMap { jobZone(of: $0)?.zone } }

    public var jobZoneLabels: [Int: String] {
        Dictionary(nodes(ofKind: .jobZone).compactMap { node in
            jobZoneNumber(node).map { ($0, jobZoneLabel($0)) }
        }, uniquingKeysWith: { first, _ in first })
    }

    public func iscoGroups(of code: String) -> [String] {
        occupation(code).map { neighbours(.crosswalk, .incoming, of: $0).map { String(self[$0].id.dropFirst(5)) } } ?? []
    }

    /// The fields at the end of the occupation's aligns-with edges.
    public func fieldGrades(of code: String) -> [String: AlignmentGrade] {
        guard let node = occupation(code) else { return [:] }
        return Dictionary(alignments(of: node).map { (self[$0.field].id, $0.grade) }, uniquingKeysWith: { a, _ in a })
    }

    public func isSTEM(_ code: String) -> Bool {
        occupation(code).map { node in designations(of: node).contains { $0.designation == .stem } } ?? false
    }

    public func programs(of code: String) -> [String] {
        occupation(code).map { programs(preparingFor: $0).map { self[$0].id } } ?? []
    }

    public func technologies(of code: String) -> [String] {
        occupation(code).map { technologies(of: $0).map { self[$0.technology].title } } ?? []
    }

    public func annualMedianWage(of code: String) -> Double? {
        occupation(code).flatMap { facts(of: $0)?.wages?.annualMedian }.map(Double.init)
    }

    public func growthPercent(of code: String) -> Double? {
        occupation(code).flatMap { facts(of: $0)?.projection?.changePercent }
    }

    /// The SOC title, SOC Direct Match Titles and O*NET occupation and specialty titles; O*NET Alternate Titles
    /// are left to `search`, which ranks them, so that a word in `find` selects by official titles only.
    public func titles(of code: String) -> [String] {
        guard let node = occupation(code) else { return [] }
        let listed = titles(of: node).filter { $0.source != .onetAlternate }.map(\.title)
        return listed.isEmpty ? [self[node].title] : listed
    }

    private func occupation(_ code: String) -> NodeIndex? {
        guard let node = node(id: code), self[node].kind == .detailed else { return nil }
        return node
    }

    private func group(of code: String, _ kind: NodeKind) -> String? {
        guard let node = occupation(code) else { return nil }
        return ancestors(of: node).first { self[$0].kind == kind }.map { self[$0].id }
    }
}
