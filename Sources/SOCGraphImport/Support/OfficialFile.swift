import Foundation

/// One official file the importer reads: where it lies in the source directory and whom it comes from.
///
/// These are the rows of `manifest.tsv` (with the sha256 of the bytes actually read added at import time).
public struct OfficialFile: Sendable, Hashable {
    /// Short id, the `source` column of `manifest.tsv`.
    public let id: String
    public let publisher: String
    public let title: String
    public let vintage: String
    /// The official address it is published at.
    public let url: String
    /// Path relative to the source directory.
    public let path: String
}

extension OfficialFile {
    private static let bls = "U.S. Bureau of Labor Statistics"
    private static let onet = "National Center for O*NET Development, for USDOL/ETA (CC BY 4.0)"
    /// The O*NET release read; its files lie in `onet-<release>/` of the source directory.
    static let onetRelease = "30.2"
    /// Where O*NET publishes each file of a release on its own (the release's page is
    /// https://www.onetcenter.org/database.html).
    private static let onetFiles = "https://www.onetcenter.org/dl_files/database/db_"
        + onetRelease.replacingOccurrences(of: ".", with: "_") + "_excel/"

    private static func onetFile(_ id: String, _ name: String) -> OfficialFile {
        let address = onetFiles + (name + ".xlsx").addingPercentEncoding(withAllowedCharacters: .urlPathAllowed)!
        return OfficialFile(id: id, publisher: onet, title: "O*NET \(onetRelease) Database, \(name)",
                            vintage: "O*NET \(onetRelease)", url: address, path: "onet-\(onetRelease)/\(name).xlsx")
    }
    private static let escoPublisher = "European Commission (ESCO); reuse authorised with acknowledgement"
    private static let escoDownload = "https://esco.ec.europa.eu/en/use-esco/download"

    public static let socDefinitions = OfficialFile(
        id: "soc-definitions", publisher: bls + " for OMB and the SOC Policy Committee",
        title: "2018 SOC structure and definitions", vintage: "SOC 2018",
        url: "https://www.bls.gov/soc/2018/soc_2018_definitions.xlsx", path: "bls-soc-2018/soc_2018_definitions.xlsx")
    public static let socDirectMatchTitles = OfficialFile(
        id: "soc-direct-match-titles", publisher: bls, title: "2018 SOC Direct Match Title File", vintage: "SOC 2018",
        url: "https://www.bls.gov/soc/2018/soc_2018_direct_match_title_file.xlsx",
        path: "bls-soc-2018/soc_2018_direct_match_title_file.xlsx")
    public static let onetOccupationData = onetFile("onet-occupation-data", "Occupation Data")
    public static let onetJobZones = onetFile("onet-job-zones", "Job Zones")
    public static let onetJobZoneReference = onetFile("onet-job-zone-reference", "Job Zone Reference")
    public static let onetRelatedOccupations = onetFile("onet-related-occupations", "Related Occupations")
    public static let onetEducation = onetFile("onet-education", "Education, Training, and Experience")
    public static let onetEducationCategories = onetFile(
        "onet-education-categories", "Education, Training, and Experience Categories")
    public static let onetAlternateTitles = onetFile("onet-alternate-titles", "Alternate Titles")
    public static let onetTechnologySkills = onetFile("onet-technology-skills", "Technology Skills")
    public static let onetTaskStatements = onetFile("onet-task-statements", "Task Statements")
    public static let onetReportedTitles = onetFile("onet-reported-titles", "Sample of Reported Titles")
    public static let onetTasksToDWAs = onetFile("onet-tasks-to-dwas", "Tasks to DWAs")
    public static let onetDWAReference = onetFile("onet-dwa-reference", "DWA Reference")
    public static let soc2010Crosswalk = OfficialFile(
        id: "soc-2010-2018-crosswalk", publisher: bls + " for OMB and the SOC Policy Committee",
        title: "2010 SOC to 2018 SOC crosswalk", vintage: "SOC 2010–2018 crosswalk",
        url: "https://www.bls.gov/soc/2018/soc_2010_to_2018_crosswalk.xlsx",
        path: "bls-crosswalks/soc_2010_to_2018_crosswalk.xlsx")
    public static let iscoSOCCrosswalk = OfficialFile(
        id: "isco-soc-crosswalk", publisher: bls + " for the SOC Policy Committee",
        title: "ISCO-08 to 2010 SOC crosswalk (sheet 'ISCO-08 to 2010 SOC', extracted as TSV)",
        vintage: "ISCO-08–SOC 2010 crosswalk", url: "https://www.bls.gov/soc/isco_soc_crosswalk.xls",
        path: "bls-crosswalks/isco08-soc2010.tsv")
    public static let iscoSOCCrosswalkWorkbook = OfficialFile(
        id: "isco-soc-crosswalk-xls", publisher: bls + " for the SOC Policy Committee",
        title: "ISCO-08 to 2010 SOC crosswalk (the published .xls)",
        vintage: "ISCO-08–SOC 2010 crosswalk", url: "https://www.bls.gov/soc/isco_soc_crosswalk.xls",
        path: "bls-crosswalks/isco_soc_crosswalk.xls")
    public static let escoOccupations = OfficialFile(
        id: "esco-occupations", publisher: escoPublisher, title: "ESCO occupations, English (titles only)",
        vintage: "ESCO v1.2", url: escoDownload, path: "esco-1.2/occupations_en.csv")
    public static let escoISCOGroups = OfficialFile(
        id: "esco-isco-groups", publisher: escoPublisher + "; ISCO-08 by the ILO",
        title: "ISCO-08 groups, English titles (ESCO export)", vintage: "ESCO v1.2", url: escoDownload,
        path: "esco-1.2/ISCOGroups_en.csv")
    public static let employmentProjections = OfficialFile(
        id: "ep-occupation", publisher: bls + ", Employment Projections program",
        title: "Occupational projections and worker characteristics (occupation.xlsx, Table 1.2)",
        vintage: "EP 2024–34", url: "https://www.bls.gov/emp/ind-occ-matrix/occupation.xlsx",
        path: "bls-ep-2024-34/occupation.xlsx")
    public static let oewsNational = OfficialFile(
        id: "oews-national", publisher: bls + ", Occupational Employment and Wage Statistics",
        title: "OEWS national cross-industry estimates (from the BLS oe time-series files)", vintage: "OEWS May 2025",
        url: "https://www.bls.gov/oes/", path: "bls-oews-2025/oews-national-may2025.tsv")
    public static let oewsFootnotes = OfficialFile(
        id: "oews-footnotes", publisher: bls + ", Occupational Employment and Wage Statistics",
        title: "OEWS footnote codes", vintage: "OEWS May 2025",
        url: "https://www.bls.gov/oes/", path: "bls-oews-2025/footnotes.tsv")
    public static let cipCodes = OfficialFile(
        id: "cip-2020", publisher: "National Center for Education Statistics", title: "CIP 2020 codes and titles",
        vintage: "NCES CIP 2020", url: "https://nces.ed.gov/ipeds/cipcode/", path: "nces-cip-2020/CIPCode2020.csv")
    public static let cipSOCCrosswalk = OfficialFile(
        id: "cip-soc-crosswalk", publisher: "National Center for Education Statistics and " + bls,
        title: "CIP 2020 to SOC 2018 crosswalk (sheet CIP-SOC)", vintage: "NCES CIP 2020",
        url: "https://nces.ed.gov/ipeds/cipcode/resources.aspx?y=56",
        path: "nces-cip-2020/CIP2020_SOC2018_Crosswalk.xlsx")
    public static let stemListPDF = OfficialFile(
        id: "dhs-stem-list", publisher: "U.S. Department of Homeland Security, ICE SEVP",
        title: "DHS STEM Designated Degree Program List", vintage: "DHS STEM list July 2024",
        url: "https://www.ice.gov/doclib/sevis/pdf/stemList2024.pdf", path: "dhs-stem-2024/stem-list.pdf")
    public static let stemCIPCodes = OfficialFile(
        id: "dhs-stem-cip-codes", publisher: "U.S. Department of Homeland Security, ICE SEVP",
        title: "CIP codes listed in the DHS STEM Designated Degree Program List (taken from the PDF's text)",
        vintage: "DHS STEM list July 2024", url: "https://www.ice.gov/doclib/sevis/pdf/stemList2024.pdf",
        path: "dhs-stem-2024/stem-cip-codes.tsv")
    public static let onetSTEMOccupations = OfficialFile(
        id: "onet-stem-occupations", publisher: "O*NET OnLine, National Center for O*NET Development",
        title: "STEM occupations (All_STEM_Occupations.csv)", vintage: "O*NET STEM 2022",
        url: "https://www.onetonline.org/find/stem", path: "onet-stem-occupations/All_STEM_Occupations.csv")
    public static let cetCategories = OfficialFile(
        id: "cet-categories", publisher: "National Science and Technology Council",
        title: "Critical and Emerging Technologies List Update (the 18 categories)", vintage: "CET list Feb 2024",
        url: "https://www.whitehouse.gov/wp-content/uploads/2024/02/Critical-and-Emerging-Technologies-List-2024-Update.pdf",
        path: "ostp-cet-2024/cet-categories.tsv")
    public static let chipsFocusAreas = OfficialFile(
        id: "chips-focus-areas", publisher: "U.S. Congress",
        title: "CHIPS and Science Act of 2022 (Public Law 117-167), section 10387: the ten key technology focus areas",
        vintage: "CHIPS Act 2022", url: "https://www.govinfo.gov/app/details/PLAW-117publ167",
        path: "chips-2022/key-technology-focus-areas.tsv")
}
