import Crypto
import Foundation
import SOCGraph

/// Rebuilds Graph/ from the official files (`socgraph import --from DIR`): runs one reader per official file, each
/// validating as it reads, cross-checks the codes they share, and writes every Graph/ file atomically with
/// `manifest.tsv` pinning each input by sha256.
public struct Importer: Sendable {
    public let sources: SourceDirectory
    /// The reviewed curation tables (`Graph/curation/`), from which the `aligns-with` edges are derived.
    public let curationDirectory: URL
    /// Also write the verbatim prose (SOC definitions, O*NET task statements) to `text/`.
    public let withText: Bool

    public init(sourceDirectory: URL, curationDirectory: URL, withText: Bool = false) {
        sources = SourceDirectory(root: sourceDirectory)
        self.curationDirectory = curationDirectory
        self.withText = withText
    }

    /// What an import produced.
    public struct Result: Sendable {
        /// Every file written (or to be written), in a fixed order; `text/` files only with `withText`.
        public let files: [GraphTable]
        /// What the import decided and counted: aggregates mapped, codes without data, rows left out.
        public let notes: [String]
        /// The data read, for callers that check the graph against it.
        public let data: OfficialData
        /// The curation tables read and checked.
        public let curation: CurationTables
    }

    /// Reads and checks every official file and the curation tables (all curation problems are reported together,
    /// as `SOCGraphError.damagedGraph`) and builds the Graph/ files in memory; writes nothing.
    public func build() throws -> Result {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: sources.root.path, isDirectory: &isDirectory),
              isDirectory.boolValue
        else {
            throw SOCGraphError.invalidInput(
                "no folder \(sources.root.path): give --from the folder of official source files")
        }
        let data = try OfficialData.read(from: sources)
        let curation = try CurationTables.read(from: curationDirectory, vocabulary: CurationTables.Vocabulary(data))
        var builder = GraphTableBuilder(data: data, curation: curation)
        var files = builder.graphFiles()
        files.append(try manifest(data.filesRead))
        if withText { files += builder.textFiles() }
        return Result(files: files, notes: builder.notes, data: data, curation: curation)
    }

    /// Builds the graph and writes it into `output` (created if missing); nothing is written when a source has a
    /// problem.
    @discardableResult
    public func run(into output: URL) throws -> Result {
        let result = try build()
        try GraphWriter.write(result.files, to: output)
        return result
    }

    static let manifestHeader = ["source", "publisher", "title", "vintage", "url", "file", "sha256"]

    private func manifest(_ files: [OfficialFile]) throws -> GraphTable {
        let rows = try files.map { file in
            [file.id, file.publisher, file.title, file.vintage, file.url, file.path,
             Self.sha256(of: try sources.bytes(of: file))]
        }
        return GraphTable(path: "manifest.tsv", header: Self.manifestHeader, rows: rows)
    }

    /// The sha256 of `data` as 64 lower-case hex digits, the form `manifest.tsv` pins each input in.
    static func sha256(of data: Data) -> String {
        SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }
}

/// Everything read from the official files, each part checked by its reader against the codes read before it.
public struct OfficialData: Sendable {
    public let soc: SOCStructureSource
    public let directMatch: DirectMatchTitlesSource
    public let onet: ONetOccupationsSource
    public let jobZones: JobZonesSource
    public let education: EducationSource
    public let related: RelatedOccupationsSource
    public let alternateTitles: AlternateTitlesSource
    public let technology: TechnologySkillsSource
    public let tasks: TaskStatementsSource
    public let reportedTitles: ReportedTitlesSource
    public let activities: WorkActivitiesSource
    public let soc2010: SOC2010CrosswalkSource
    public let isco: ISCOCrosswalkSource
    public let esco: ESCOSource
    public let projections: EmploymentProjectionsSource
    public let oews: OEWSSource
    public let cip: CIPSource
    public let crosswalk: CIPCrosswalkSource
    public let stemPrograms: STEMProgramsSource
    public let stemOccupations: STEMOccupationsSource
    public let cet: CETSource
    /// Which EP line item each SOC detailed code takes its projections from.
    let projectionCoverage: AggregateCoverage
    /// Which OEWS row each SOC detailed code takes its wages from.
    let wageCoverage: AggregateCoverage

    /// The official files these readers open, in manifest order.
    public var filesRead: [OfficialFile] {
        [
            SOCStructureSource.file, DirectMatchTitlesSource.file, ONetOccupationsSource.file, JobZonesSource.file,
            JobZonesSource.referenceFile, RelatedOccupationsSource.file, EducationSource.file,
            EducationSource.categoriesFile, AlternateTitlesSource.file, TechnologySkillsSource.file,
            TaskStatementsSource.file, ReportedTitlesSource.file, WorkActivitiesSource.file,
            WorkActivitiesSource.referenceFile, EmploymentProjectionsSource.file, OEWSSource.file, OEWSSource.footnotesFile,
            CIPSource.file, CIPCrosswalkSource.file, STEMProgramsSource.file, STEMProgramsSource.listFile,
            STEMOccupationsSource.file, CETSource.file, CETSource.chipsFile, SOC2010CrosswalkSource.file, ISCOCrosswalkSource.file,
            ISCOCrosswalkSource.workbookFile, ESCOSource.file, ESCOSource.groupsFile,
        ]
    }

    /// Reads the files in dependency order: the SOC structure, O*NET occupations and CIP codes first (the others
    /// are checked against them), then the rest.
    static func read(from directory: SourceDirectory) throws -> OfficialData {
        let soc = try SOCStructureSource.read(from: directory)
        let index = SOCIndex(soc)
        let detailed = index.detailedCodes
        for entry in ScheduleA.groupOne where !detailed.contains(entry.code) {
            throw SOCGraphError.sourceProblem(
                "Schedule A Group I code '\(entry.code)' is not a SOC detailed code in \(SOCStructureSource.file.path)")
        }
        let onet = try ONetOccupationsSource.read(from: directory, socDetailed: detailed)
        let onetCodes = Set(onet.occupations.map(\.onetCode))
        let cip = try CIPSource.read(from: directory)
        let programs = Set(cip.programs.filter { $0.level == .program }.map(\.cip))
        _ = try directory.bytes(of: STEMProgramsSource.listFile)  // present, so that the manifest can pin it

        let projections = try EmploymentProjectionsSource.read(from: directory)
        let oews = try OEWSSource.read(from: directory)
        let projectionCoverage = try AggregateCoverage(
            lineItems: projections.items.map(\.epCode), soc: index, file: EmploymentProjectionsSource.file.path)
        let wageCoverage = try AggregateCoverage(
            lineItems: oews.estimates.map(\.oewsCode), soc: index, file: OEWSSource.file.path)
        let tasks = try TaskStatementsSource.read(from: directory, onetCodes: onetCodes)
        let soc2010 = try SOC2010CrosswalkSource.read(from: directory, soc: soc)
        return OfficialData(
            soc: soc, directMatch: try DirectMatchTitlesSource.read(from: directory, socDetailed: detailed), onet: onet,
            jobZones: try JobZonesSource.read(from: directory, onetCodes: onetCodes),
            education: try EducationSource.read(from: directory, onetCodes: onetCodes),
            related: try RelatedOccupationsSource.read(from: directory, onetCodes: onetCodes),
            alternateTitles: try AlternateTitlesSource.read(from: directory, onetCodes: onetCodes),
            technology: try TechnologySkillsSource.read(from: directory, onetCodes: onetCodes),
            tasks: tasks,
            reportedTitles: try ReportedTitlesSource.read(from: directory, onetCodes: onetCodes),
            activities: try WorkActivitiesSource.read(
                from: directory, onetCodes: onetCodes, taskIDs: Set(tasks.tasks.map(\.taskID))),
            soc2010: soc2010,
            isco: try ISCOCrosswalkSource.read(from: directory, soc2010Codes: Set(soc2010.pairs.map(\.soc2010))),
            esco: try ESCOSource.read(from: directory), projections: projections,
            oews: oews, cip: cip,
            crosswalk: try CIPCrosswalkSource.read(from: directory, programs: programs, socDetailed: detailed),
            stemPrograms: try STEMProgramsSource.read(from: directory, cip: cip),
            stemOccupations: try STEMOccupationsSource.read(from: directory, onetCodes: onetCodes),
            cet: try CETSource.read(from: directory),
            projectionCoverage: projectionCoverage, wageCoverage: wageCoverage)
    }
}
