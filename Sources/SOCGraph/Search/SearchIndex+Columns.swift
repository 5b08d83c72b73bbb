extension SearchIndex {
    /// The columns of an index being built, as arrays (see the stored properties of `SearchIndex`).
    struct Columns {
        var documentCodes: [Int32] = []
        var documentTitles: [Int32] = []
        var documentEntryStarts: [Int32] = [0]
        var documentTitleEnds: [Int32] = []
        var entryFlags: [UInt8] = []
        var entryTexts: [Int32] = []
        var entryTermStarts: [Int32] = [0]
        var entryTerms: [Int32] = []
        var strings = StringTable()
        var terms = StringTable()
        var postingStarts: [Int32] = []
        var postingDocuments: [Int32] = []
        var postingFrequencies: [Float] = []

        /// Builds the columns: entries and vocabulary first, then the terms sorted, then the postings.
        init(documents input: [SearchDocument]) {
            var builder = Builder(capacity: input.reduce(0) { total, document in
                total + 1 + document.directMatchTitles.count + document.alternateTitles.count
                    + document.technologies.count + document.programTitles.count + document.tasks.count + 1
            })
            for (index, document) in input.enumerated() {
                let id = Int32(index)
                documentCodes.append(builder.intern(document.code))
                documentTitles.append(builder.intern(document.title))
                builder.add(document.title, field: .title, document: id)
                builder.add(document.directMatchTitles, field: .directMatch, document: id)
                builder.add(document.alternateTitles, field: .alternate, document: id)
                documentTitleEnds.append(Int32(builder.columns.entryFlags.count))
                var seenTechnologies = Set<String>()
                for technology in document.technologies where seenTechnologies.insert(technology.name).inserted {
                    builder.add(technology.name, field: .technology, document: id, hot: technology.hot)
                }
                builder.add(document.programTitles, field: .program, document: id)
                if let definition = document.definition { builder.add(definition, field: .definition, document: id) }
                builder.add(document.tasks, field: .task, document: id)
                documentEntryStarts.append(Int32(builder.columns.entryFlags.count))
            }
            builder.sortTerms()
            entryFlags = builder.columns.entryFlags
            entryTexts = builder.columns.entryTexts
            entryTermStarts = builder.columns.entryTermStarts
            entryTerms = builder.columns.entryTerms
            strings = builder.columns.strings
            terms = builder.columns.terms
            computePostings()
        }

        /// An empty set of columns for the builder to fill.
        private init() {}

        /// The little-endian bytes of one section of the file (`SearchIndexFile.Section`), for the index sections.
        func bytes(of section: SearchIndexFile.Section) -> [UInt8] {
            switch section {
            case .fingerprint, .sourceBytes, .sourceEnds: return []
            case .stringBytes: return strings.bytes
            case .stringEnds: return Self.littleEndian(strings.ends)
            case .termBytes: return terms.bytes
            case .termEnds: return Self.littleEndian(terms.ends)
            case .documentCodes: return Self.littleEndian(documentCodes)
            case .documentTitles: return Self.littleEndian(documentTitles)
            case .documentEntryStarts: return Self.littleEndian(documentEntryStarts)
            case .documentTitleEnds: return Self.littleEndian(documentTitleEnds)
            case .entryFlags: return entryFlags
            case .entryTexts: return Self.littleEndian(entryTexts)
            case .entryTermStarts: return Self.littleEndian(entryTermStarts)
            case .entryTerms: return Self.littleEndian(entryTerms)
            case .postingStarts: return Self.littleEndian(postingStarts)
            case .postingDocuments: return Self.littleEndian(postingDocuments)
            case .postingFrequencies: return Self.littleEndian(postingFrequencies.map(\.bitPattern))
            }
        }

        static func littleEndian<T: FixedWidthInteger>(_ values: [T]) -> [UInt8] {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(values.count * MemoryLayout<T>.size)
            for value in values { withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) } }
            return bytes
        }

        /// Accumulates the entry columns and the vocabulary, stemming each distinct word once.
        private struct Builder {
            var columns = Columns()
            var stringIDs: [String: Int32] = [:]
            var termIDs: [String: Int32] = [:]
            /// Term ids per word (-1 for a stop word), and per technology name (the same names recur across many
            /// occupations).
            var stems: [String: Int32] = [:]
            var technologies: [String: [Int32]] = [:]

            init(capacity: Int) {
                columns.entryFlags.reserveCapacity(capacity)
                columns.entryTexts.reserveCapacity(capacity)
                columns.entryTermStarts.reserveCapacity(capacity + 1)
                columns.entryTerms.reserveCapacity(capacity * 4)
                stringIDs.reserveCapacity(capacity)
                stems.reserveCapacity(capacity / 4)
                technologies.reserveCapacity(capacity / 8)
            }

            /// The position of `string` in `strings`, appending it the first time.
            mutating func intern(_ string: String) -> Int32 {
                if let id = stringIDs[string] { return id }
                let id = columns.strings.append(string)
                stringIDs[string] = id
                return id
            }

            mutating func add(_ texts: [String], field: SearchField, document: Int32) {
                var seen = Set<String>(minimumCapacity: texts.count)
                for text in texts where seen.insert(text).inserted {
                    add(text, field: field, document: document)
                }
            }

            /// Adds one text; a title written `Short (Long)`, as O*NET writes abbreviations
            /// (`IT Manager (Information Technology Manager)`), becomes one entry per form, both shown as written.
            mutating func add(_ text: String, field: SearchField, document: Int32, hot: Bool = false) {
                if field.isTitle, text.hasSuffix(")"), let open = text.lastIndex(of: "("), open > text.startIndex {
                    let outer = text[..<open].trimmingWhitespace
                    let inner = text[text.index(after: open)..<text.index(before: text.endIndex)].trimmingWhitespace
                    let outerTerms = termIDs(outer)
                    let innerTerms = termIDs(inner)
                    // Only an abbreviation and its expansion: an acronym on one side, or words in common
                    // (not a qualifier such as `Operational Intelligence Officer (Management)`).
                    if !outerTerms.isEmpty && !innerTerms.isEmpty
                        && (Self.isAcronym(outer) || Self.isAcronym(inner)
                            || outerTerms.contains(where: innerTerms.contains))
                    {
                        append(text, field: field, terms: outerTerms, hot: hot)
                        append(text, field: field, terms: innerTerms, hot: hot)
                        return
                    }
                }
                let terms = field == .technology ? technologyTermIDs(text) : termIDs(text)
                append(text, field: field, terms: terms, hot: hot)
            }

            mutating func append(_ text: String, field: SearchField, terms: [Int32], hot: Bool) {
                columns.entryFlags.append(UInt8(field.ordinal) | (hot ? SearchIndex.hotFlag : 0))
                columns.entryTexts.append(intern(text))
                columns.entryTerms.append(contentsOf: terms)
                columns.entryTermStarts.append(Int32(columns.entryTerms.count))
            }

            /// One word of capitals and digits, such as `RN`, `CISO` or `GM`.
            static func isAcronym(_ text: String) -> Bool {
                text.count >= 2 && !text.contains(" ")
                    && text.allSatisfy { ($0.isUppercase && $0.isLetter) || $0.isNumber || $0 == "-" || $0 == "/" }
            }

            /// Term ids of a technology name, computed once per name.
            mutating func technologyTermIDs(_ text: String) -> [Int32] {
                if let cached = technologies[text] { return cached }
                let ids = termIDs(text)
                technologies[text] = ids
                return ids
            }

            mutating func termIDs(_ text: String) -> [Int32] {
                var ids: [Int32] = []
                SearchText.forEachToken(in: text) { token in
                    if !token.protected, let id = stems[token.text] {
                        if id >= 0 { ids.append(id) }
                        return
                    }
                    guard SearchText.isMeaningful(token) else {
                        stems[token.text] = -1
                        return
                    }
                    let term = SearchText.term(token)
                    let id: Int32
                    if let existing = termIDs[term] {
                        id = existing
                    } else {
                        id = columns.terms.append(term)
                        termIDs[term] = id
                    }
                    if !token.protected { stems[token.text] = id }
                    ids.append(id)
                }
                return ids
            }

            /// Renumbers the terms in `String` order, so that a reader can binary-search the vocabulary.
            mutating func sortTerms() {
                let order = termIDs.sorted { $0.key < $1.key }
                var newID = [Int32](repeating: 0, count: order.count)
                var sorted = StringTable()
                for (position, (term, old)) in order.enumerated() {
                    newID[Int(old)] = Int32(position)
                    sorted.append(term)
                }
                columns.terms = sorted
                for i in columns.entryTerms.indices { columns.entryTerms[i] = newID[Int(columns.entryTerms[i])] }
            }
        }

        /// BM25F pseudo-frequencies per term and document, entries length-normalised against their field's
        /// average.
        private mutating func computePostings() {
            let fields = SearchField.allCases
            func termsOf(_ entry: Int) -> ArraySlice<Int32> {
                entryTerms[Int(entryTermStarts[entry])..<Int(entryTermStarts[entry + 1])]
            }
            func fieldOf(_ entry: Int) -> SearchField {
                SearchField.byOrdinal[Int(entryFlags[entry] & ~SearchIndex.hotFlag)]
            }
            var lengthSum = [Double](repeating: 0, count: fields.count)
            var entryCount = [Double](repeating: 0, count: fields.count)
            for entry in entryFlags.indices where !termsOf(entry).isEmpty {
                lengthSum[fieldOf(entry).ordinal] += Double(termsOf(entry).count)
                entryCount[fieldOf(entry).ordinal] += 1
            }
            let averageLength = fields.indices.map { max(lengthSum[$0] / max(entryCount[$0], 1), 1) }

            let termCount = self.terms.count
            var lists = [[(document: Int32, frequency: Float)]](repeating: [], count: termCount)
            // Per-document accumulator: pseudo-frequency by term id, and the ids touched in this document.
            var frequency = [Double](repeating: 0, count: termCount)
            var touched: [Int32] = []
            for document in documentCodes.indices {
                for entry in Int(documentEntryStarts[document])..<Int(documentEntryStarts[document + 1]) {
                    let entryTerms = termsOf(entry)
                    guard !entryTerms.isEmpty else { continue }
                    let field = fieldOf(entry)
                    let b = field.lengthNormalization
                    let denominator = 1 - b + b * Double(entryTerms.count) / averageLength[field.ordinal]
                    let hot = entryFlags[entry] & SearchIndex.hotFlag != 0
                    let weight = field.weight * (hot ? SearchIndex.hotTechnologyBoost : 1)
                    for position in entryTerms.indices {
                        let term = entryTerms[position]
                        guard !entryTerms[..<position].contains(term) else { continue }
                        let occurrences = entryTerms[position...].reduce(0) { $1 == term ? $0 + 1 : $0 }
                        if frequency[Int(term)] == 0 { touched.append(term) }
                        frequency[Int(term)] += weight * Double(occurrences) / denominator
                    }
                }
                touched.sort()
                for term in touched {
                    lists[Int(term)].append((Int32(document), Float(frequency[Int(term)])))
                    frequency[Int(term)] = 0
                }
                touched.removeAll(keepingCapacity: true)
            }
            postingStarts = [0]
            postingStarts.reserveCapacity(termCount + 1)
            for list in lists {
                for posting in list {
                    postingDocuments.append(posting.document)
                    postingFrequencies.append(posting.frequency)
                }
                postingStarts.append(Int32(postingDocuments.count))
            }
        }
    }
}
