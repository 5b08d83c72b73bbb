import Foundation
import SOCGraphImport
import Testing

/// Reads every sheet of every official .xlsx file and prints the time taken. Opt-in (`SOCGRAPH_READER_TIMING=1`),
/// meant for a release build: `swift build -c release --build-tests` then `swift test -c release --skip-build`.
@Suite struct ReaderTimingTests {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["SOCGRAPH_READER_TIMING"] != nil))
    func readAllOfficialWorkbooks() throws {
        let directory = OfficialSources.directory
        _ = try OfficialSources.file("bls-soc-2018/soc_2018_definitions.xlsx")
        let files = try #require(FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil))
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "xlsx" }
            .sorted { $0.path < $1.path }
        #expect(files.count >= 12)
        let clock = ContinuousClock()
        var total = Duration.zero
        for url in files {
            var cells = 0
            var rows = 0
            let elapsed = try clock.measure {
                let workbook = try XLSXWorkbook(url: url)
                for index in workbook.sheetNames.indices {
                    let sheet = try workbook.sheet(at: index)
                    rows += sheet.rows.count
                    cells += sheet.rows.reduce(0) { $0 + $1.cells.count }
                }
            }
            total += elapsed
            print("\(url.lastPathComponent): \(rows) rows, \(cells) cells in \(elapsed)")
        }
        print("all \(files.count) workbooks: \(total)")
    }
}
