/// The search index part of the cache file (`GraphCache`), written with `CacheWriter`: the graph's sources (for
/// the footer of `search`, which reads no other part), then the documents, vocabulary, entries, postings and the
/// common title heads.
extension SearchIndex {
    func cacheBytes(sources: [DataSource]) -> [UInt8] {
        var w = CacheWriter()
        w.array(sources) { $0.source($1) }
        w.array(documents) { w, document in
            w.string(document.code)
            w.string(document.title)
            w.int(document.entries.count)
            w.int(document.titleEntries.count)
            w.string(document.entryEducation?.rawValue ?? "")
        }
        // The vocabulary in id order, so that positions are ids.
        w.array(termIDs.sorted { $0.value < $1.value }) { w, term in w.string(term.key) }
        w.array(entries) { w, entry in
            w.choice(entry.field)
            w.bool(entry.hot)
            w.bool(entry.reported)
            w.string(entry.text)
            w.array(entry.terms) { $0.int($1) }
            w.int(entry.head.map { $0 + 1 } ?? 0)
            w.double(entry.share)
        }
        w.array(postings) { w, list in
            w.array(list) { w, posting in
                w.int(posting.document)
                w.int(Int(posting.frequency.bitPattern))
            }
        }
        w.array(headTerms.sorted()) { $0.int($1) }
        return w.finish()
    }

    /// The index and sources written by `cacheBytes(sources:)`; throws `CacheReader.Damage` when the bytes are not
    /// such an index.
    static func read(cache r: inout CacheReader) throws -> (index: SearchIndex, sources: [DataSource]) {
        let sources = try r.array { try $0.source() }
        var start = 0
        let documents = try r.array { r in
            let code = try r.string(), title = try r.string(), count = try r.count(), titles = try r.count()
            let education = try r.string()
            guard titles <= count, education.isEmpty || EducationLevel(rawValue: education) != nil else {
                throw CacheReader.Damage()
            }
            defer { start += count }
            return Document(code: code, title: title, entries: start..<(start + count),
                            titleEntries: start..<(start + titles), entryEducation: EducationLevel(rawValue: education))
        }
        let terms = try r.count()
        var termIDs: [String: Int] = [:]
        termIDs.reserveCapacity(terms)
        for id in 0..<terms { termIDs[try r.string()] = id }
        let entries = try r.array { r in
            let field: SearchField = try r.choice(), hot = try r.bool(), reported = try r.bool()
            let text = try r.string()
            let ids = try r.array { try $0.index(below: terms) }
            let head = try r.index(below: terms + 1)
            let share = try r.double()
            guard share > 0, share <= 1 else { throw CacheReader.Damage() }
            return Entry(field: field, hot: hot, text: text, terms: ids, head: head == 0 ? nil : head - 1,
                         share: share, reported: reported)
        }
        guard start == entries.count else { throw CacheReader.Damage() }
        let postings = try r.array { r in
            try r.array { r in
                Posting(document: try r.index(below: documents.count),
                        frequency: Float(bitPattern: UInt32(try r.index(below: 1 << 32))))
            }
        }
        let heads = try r.array { try $0.index(below: terms) }
        guard postings.count == terms, termIDs.count == terms, r.isAtEnd else { throw CacheReader.Damage() }
        return (SearchIndex(documents: documents, entries: entries, termIDs: termIDs, postings: postings,
                            headTerms: Set(heads)), sources)
    }
}
