/// The searchable text of one detailed occupation: its titles and the other texts search weighs.
///
/// `definition` and `tasks` hold verbatim sentences and are only filled when the graph has its text files.
public struct SearchDocument: Sendable, Hashable, Codable {
    /// A technology example the occupation uses; `inDemand` marks one O*NET finds In Demand for it: frequently
    /// asked for in the employer job postings of this occupation (a Hot Technology is frequent across all
    /// postings, so it says nothing of which occupation uses it).
    public struct Technology: Sendable, Hashable, Codable {
        public var name: String
        public var inDemand: Bool
        /// Whether O*NET files it under the UNSPSC class of development software (`developmentClass`): a
        /// programming language, a development environment, a compiler, a testing or web platform tool.
        public var development: Bool

        /// The UNSPSC class "Development software" (43232400): Configuration management, Development environment,
        /// Enterprise application integration, Graphical user interface development, Object or component oriented
        /// development, Program testing, Requirements analysis and system architecture, Web platform development,
        /// and Compiler and decompiler software.
        public static let developmentClass = "432324"

        public init(name: String, inDemand: Bool = false, development: Bool = false) {
            self.name = name
            self.inDemand = inDemand
            self.development = development
        }
    }

    /// An ESCO occupation title and the ISCO-08 group through which it reaches the occupation.
    public struct ESCOTitle: Sendable, Hashable, Codable {
        public var label: String
        /// The ISCO-08 group code, `2512`.
        public var isco: String
        /// How many SOC 2018 codes the group reaches through the crosswalks (2 for 2512).
        public var reach: Int

        public init(label: String, isco: String, reach: Int = 1) {
            self.label = label
            self.isco = isco
            self.reach = reach
        }
    }

    /// A term of a national-interest field's work ("deep learning"), given to the occupations the field's alignment
    /// grades core: the reviewed judgement of `curation/title-terms.tsv`. The index keeps those that no official
    /// title or ESCO label writes (`SearchIndex.FieldTermLink`); a technology or program name may ("VLSI").
    public struct FieldTerm: Sendable, Hashable, Codable {
        /// The term, lower-case words (`deep learning`).
        public var term: String
        /// The field's name (`Artificial Intelligence`).
        public var field: String
        /// The O*NET specialty through which the occupation is core-aligned (`19-1029.01 Bioinformatics
        /// Scientists`), nil when its own alignment is core.
        public var specialty: String?

        public init(term: String, field: String, specialty: String? = nil) {
            self.term = term
            self.field = field
            self.specialty = specialty
        }

        /// What a hit says of it: `deep learning → Artificial Intelligence, a core field`.
        public var shown: String {
            "\(term) → \(field), a core field" + (specialty.map { " of \($0)" } ?? "")
        }
    }

    /// SOC detailed code, such as `15-2051`.
    public var code: String
    /// SOC 2018 title, such as `Data Scientists`.
    public var title: String
    /// SOC 2018 Direct Match Titles.
    public var directMatchTitles: [String]
    /// O*NET occupation and specialty titles of the O*NET-SOC codes under this code.
    public var onetTitles: [String]
    /// O*NET Alternate Titles and Sample of Reported Titles of the O*NET-SOC codes under this code.
    public var alternateTitles: [String]
    /// Those of `alternateTitles` that O*NET's Sample of Reported Titles lists: what incumbents call their job.
    public var reportedTitles: [String]
    public var technologies: [Technology]
    /// Titles of the CIP programs that prepare for the occupation.
    public var programTitles: [String]
    /// ESCO titles of the ISCO-08 groups crosswalked to the occupation.
    public var escoTitles: [ESCOTitle]
    /// SOC 2018 definition, when available.
    public var definition: String?
    /// O*NET task statements, when available.
    public var tasks: [String]
    /// BLS typical education needed for entry.
    public var entryEducation: EducationLevel?
    /// O*NET Related Occupations of the occupation (of its `.00` O*NET code when it has one), as SOC detailed
    /// codes with O*NET's index, most related first, each once.
    public var related: [Related]
    /// BLS Employment Projections' employment in 2024, in thousands, where EP publishes the occupation alone (not
    /// within an aggregate): among hits of equal score, the larger occupation is listed first.
    public var employment: Double?
    /// The terms of the fields the occupation (or one of its O*NET specialties) is core-aligned with
    /// (`KnowledgeGraph.fieldTerms()`).
    public var fieldTerms: [FieldTerm]

    /// A related occupation and its place in O*NET's list (1 the most related).
    public struct Related: Sendable, Hashable, Codable {
        public var code: String
        public var index: Int

        public init(code: String, index: Int) {
            self.code = code
            self.index = index
        }
    }

    public init(
        code: String, title: String, directMatchTitles: [String] = [], onetTitles: [String] = [],
        alternateTitles: [String] = [], reportedTitles: [String] = [],
        technologies: [Technology] = [], programTitles: [String] = [], escoTitles: [ESCOTitle] = [],
        definition: String? = nil, tasks: [String] = [], entryEducation: EducationLevel? = nil,
        related: [Related] = [], employment: Double? = nil, fieldTerms: [FieldTerm] = []
    ) {
        self.fieldTerms = fieldTerms
        self.related = related
        self.employment = employment
        self.entryEducation = entryEducation
        self.code = code
        self.title = title
        self.directMatchTitles = directMatchTitles
        self.onetTitles = onetTitles
        self.alternateTitles = alternateTitles
        self.reportedTitles = reportedTitles
        self.technologies = technologies
        self.programTitles = programTitles
        self.escoTitles = escoTitles
        self.definition = definition
        self.tasks = tasks
    }
}

/// The kinds of text in a `SearchDocument`, each with its BM25F weight and length normalisation.
public enum SearchField: String, CaseIterable, Sendable, Codable {
    case title
    case directMatch = "direct-match"
    /// An O*NET occupation or specialty title (`Computer Systems Engineers/Architects`).
    case onet = "onet"
    case alternate
    case technology
    case program
    /// An ESCO title, reaching the occupation through its ISCO-08 group and the BLS crosswalks: one ISCO group
    /// maps to several SOC codes (often as a partial match), so it weighs less than the SOC and O*NET titles and
    /// never counts as the occupation's own title (no exact-title or phrase credit).
    case esco
    case definition
    case task

    /// How much one occurrence in this field counts. Technology names weigh least: many hold generic words
    /// (`Data base user interface and query software`) that say little about the occupation.
    public var weight: Double {
        switch self {
        case .title: return 3.0
        case .directMatch: return 2.5
        case .onet: return 3.0
        case .alternate: return 2.0
        case .technology: return 0.5
        case .program: return 1.0
        case .esco: return 1.0
        case .definition: return 1.2
        case .task: return 0.6
        }
    }

    /// BM25 b: how strongly a longer-than-average entry of this field is discounted (0 none, 1 fully).
    public var lengthNormalization: Double {
        switch self {
        case .title, .directMatch, .onet, .alternate, .esco: return 0.3
        case .technology, .program: return 0.3
        case .definition, .task: return 0.75
        }
    }

    /// Whether the field holds job titles (compared whole with the query for exact and phrase matches).
    public var isTitle: Bool {
        self == .title || self == .directMatch || self == .onet || self == .alternate
    }
}
