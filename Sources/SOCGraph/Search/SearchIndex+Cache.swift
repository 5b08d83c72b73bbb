/// The search index part of the cache file (`GraphCache`), written with `CacheWriter`: the graph's sources (for
/// the footer of `search`, which reads no other part), the words kept whole (for `find`, which reads no more),
/// the documents and vocabulary, then the index's columns (`Runs` and one column per entry field), each read back
/// in one pass, the common title heads, the terms of development tools, the titles an occupation spells otherwise and
/// the field terms.
extension SearchIndex {
    func cacheBytes(sources: [DataSource]) -> [UInt8] {
        var w = CacheWriter()
        w.array(sources) { $0.source($1) }
        w.array(separateForms.sorted()) { $0.string($1) }
        w.array(documents) { w, document in
            w.string(document.code)
            w.string(document.title)
            w.int(document.entries.count)
            w.int(document.titleEntries.count)
            w.string(document.entryEducation?.rawValue ?? "")
            w.double(document.employment)
            w.int32s(document.related)
            w.int32s(document.relatedIndex)
        }
        // The vocabulary in id order, so that positions are ids.
        w.array(termIDs.sorted { $0.value < $1.value }) { w, term in w.string(term.key) }
        w.int32s(texts.starts)
        w.uint8s(texts.values)
        w.uint8s(entries.map { UInt8(SearchField.allCases.firstIndex(of: $0.field) ?? 0) })
        w.uint8s(entries.map { ($0.inDemand ? 1 : 0) | ($0.reported ? 2 : 0) })
        w.int32s(entries.map(\.text))
        w.int32s(entries.map { Int32($0.head.map { $0 + 1 } ?? 0) })
        w.doubles(entries.map(\.share))
        w.int32s(entryTerms.starts)
        w.int32s(entryTerms.values)
        w.int32s(postings.starts)
        w.int32s(postings.values.map { Int32($0.document) })
        w.int32s(postings.values.map { Int32(bitPattern: $0.frequency.bitPattern) })
        w.int32s(titlesWithTerm.starts)
        w.int32s(titlesWithTerm.values)
        w.array(headTerms.sorted()) { $0.int($1) }
        w.array(developmentTerms.sorted()) { $0.int($1) }
        w.array(otherSpellings) { w, other in
            w.string(other.key)
            w.int(other.document)
            w.string(other.abbreviation)
            w.string(other.spelling)
        }
        w.array(fieldTerms) { w, link in
            w.int32s(link.terms)
            w.int(link.document)
            w.string(link.shown)
        }
        return w.finish()
    }

    /// The words kept whole (`separateForms`) written by `cacheBytes(sources:)`, without the rest of the index.
    static func readSeparateForms(cache r: inout CacheReader) throws -> Set<String> {
        _ = try r.array { try $0.source() }
        return Set(try r.array { try $0.string() })
    }

    /// The index and sources written by `cacheBytes(sources:)`; throws `CacheReader.Damage` when the bytes are not
    /// such an index.
    static func read(cache r: inout CacheReader) throws -> (index: SearchIndex, sources: [DataSource]) {
        let sources = try r.array { try $0.source() }
        let separateForms = Set(try r.array { try $0.string() })
        var start = 0
        let documents = try r.array { r in
            let code = try r.string(), title = try r.string(), count = try r.count(), titles = try r.count()
            let education = try r.string()
            let employment = try r.double()
            let related = try r.int32s(), relatedIndex = try r.int32s()
            guard titles <= count, employment >= 0, education.isEmpty || EducationLevel(rawValue: education) != nil,
                  relatedIndex.count == related.count, relatedIndex.allSatisfy({ $0 > 0 })
            else {
                throw CacheReader.Damage()
            }
            defer { start += count }
            return Document(code: code, title: title, entries: start..<(start + count),
                            titleEntries: start..<(start + titles), entryEducation: EducationLevel(rawValue: education),
                            employment: employment,
                            related: related, relatedIndex: relatedIndex)
        }
        guard documents.allSatisfy({ $0.related.allSatisfy { $0 >= 0 && $0 < documents.count } }) else {
            throw CacheReader.Damage()
        }
        let terms = try r.count()
        var termIDs: [String: Int] = [:]
        termIDs.reserveCapacity(terms)
        for id in 0..<terms { termIDs[try r.string()] = id }
        let textStarts = try r.int32s()
        guard termIDs.count == terms, let texts = Runs(values: try r.uint8s(), starts: textStarts) else {
            throw CacheReader.Damage()
        }
        let fields = try r.uint8s(), flags = try r.uint8s(), textIDs = try r.int32s(), entryHeads = try r.int32s()
        let shares = try r.doubles()
        let count = fields.count
        guard count == start, flags.count == count, textIDs.count == count, entryHeads.count == count,
              shares.count == count, fields.allSatisfy({ $0 < SearchField.allCases.count }),
              flags.allSatisfy({ $0 < 4 }), textIDs.allSatisfy({ $0 >= 0 && $0 < texts.count }),
              entryHeads.allSatisfy({ $0 >= 0 && $0 <= terms }), shares.allSatisfy({ $0 > 0 && $0 <= 1 })
        else { throw CacheReader.Damage() }
        let entries = (0..<count).map { e in
            Entry(field: SearchField.allCases[Int(fields[e])], inDemand: flags[e] & 1 != 0, text: textIDs[e],
                  head: entryHeads[e] == 0 ? nil : Int(entryHeads[e]) - 1, share: shares[e], reported: flags[e] & 2 != 0)
        }
        let termStarts = try r.int32s()
        guard let entryTerms = Runs(values: try r.int32s(), starts: termStarts), entryTerms.count == count,
              entryTerms.values.allSatisfy({ $0 >= 0 && $0 < terms })
        else { throw CacheReader.Damage() }
        let postingStarts = try r.int32s(), postingDocuments = try r.int32s(), frequencies = try r.int32s()
        let titleStarts = try r.int32s()
        guard postingDocuments.count == frequencies.count,
              postingDocuments.allSatisfy({ $0 >= 0 && $0 < documents.count }),
              let postings = Runs(values: zip(postingDocuments, frequencies).map {
                  Posting(document: Int($0), frequency: Float(bitPattern: UInt32(bitPattern: $1)))
              }, starts: postingStarts),
              postings.count == terms,
              let titlesWithTerm = Runs(values: try r.int32s(), starts: titleStarts), titlesWithTerm.count == terms
        else { throw CacheReader.Damage() }
        // A query walks each term's titles document by document: they must be title entries, in order. (Whether
        // each holds its term is not checked: a title that does not only matches less, and damage the part's sum
        // misses, such as two bytes swapped, gives wrong answers at worst, as it would in a posting's frequency.)
        var isTitle = [Bool](repeating: false, count: count)
        for document in documents { for e in document.titleEntries { isTitle[e] = true } }
        guard titlesWithTerm.values.allSatisfy({ $0 >= 0 && $0 < count && isTitle[Int($0)] }),
              (0..<terms).allSatisfy({ t in zip(titlesWithTerm[t], titlesWithTerm[t].dropFirst()).allSatisfy { $0 <= $1 } })
        else { throw CacheReader.Damage() }
        let heads = try r.array { try $0.index(below: terms) }
        let development = try r.array { try $0.index(below: terms) }
        let otherSpellings = try r.array { r in
            OtherSpelling(key: try r.string(), document: try r.index(below: documents.count),
                          abbreviation: try r.string(), spelling: try r.string())
        }
        let fieldTerms = try r.array { r in
            FieldTermLink(terms: try r.int32s(), document: try r.index(below: documents.count), shown: try r.string())
        }
        guard r.isAtEnd, fieldTerms.allSatisfy({ !$0.terms.isEmpty && $0.terms.allSatisfy { $0 >= 0 && $0 < terms } })
        else { throw CacheReader.Damage() }
        return (SearchIndex(documents: documents, entries: entries, entryTerms: entryTerms, texts: texts,
                            termIDs: termIDs, separateForms: separateForms, postings: postings,
                            titlesWithTerm: titlesWithTerm, headTerms: Set(heads),
                            developmentTerms: Set(development), otherSpellings: otherSpellings,
                            fieldTerms: fieldTerms), sources)
    }
}
