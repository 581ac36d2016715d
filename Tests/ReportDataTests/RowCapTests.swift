import Foundation
import Testing
@testable import ReportData

/// A chart that draws every record of a dataset can draw at most its limit: the loader counts
/// while it streams and stops at the first record past the limit, naming where it is.
@Suite struct RowCapTests {
    static let chartError = Diagnostic(.error, file: "report.yaml", line: 3, column: 14, "chart 'c': more than 3 records selected")

    func csv(rows: Int) -> String {
        "id,year,value,qualifier,note\n" + (0..<rows).map { "r\($0),2021,\($0 + 1),,\($0 % 2 == 0 ? "a" : "b")" }.joined(separator: "\n") + "\n"
    }

    func load(_ text: String, caps: [RowCap]) -> (dataset: Dataset?, diagnostics: [Diagnostic]) {
        DatasetLoader(reportDate: reportDate, demand: RowDemand(caps: ["income": caps]))
            .load(name: "income", csv: Data(text.utf8), csvPath: "data/income.csv", yaml: Data(incomeYAML.utf8), yamlPath: "data/income.yaml")
    }

    @Test func stopsAtTheFirstRecordPastTheLimit() {
        let r = load(csv(rows: 1000), caps: [RowCap(limit: 3, diagnostic: Self.chartError)])
        #expect(r.diagnostics.map(\.description) == [
            "report.yaml:3:14: error: chart 'c': more than 3 records selected; record 4 is data/income.csv:5, the rest was not read"])
        // Nothing past the limit was kept.
        #expect((r.dataset?.records.count ?? 0) <= 3)
    }

    @Test func aDatasetWithinTheLimitLoadsWhole() {
        let r = load(csv(rows: 3), caps: [RowCap(limit: 3, diagnostic: Self.chartError)])
        #expect(r.diagnostics.isEmpty)
        #expect(r.dataset?.records.count == 3)
    }

    @Test func onlyRecordsMatchingTheChartsWhereCount() {
        // Rows alternate note a / b: 5 of 10 rows have note a.
        let fits = load(csv(rows: 10), caps: [RowCap(limit: 5, match: ["note": "a"], diagnostic: Self.chartError)])
        #expect(fits.diagnostics.isEmpty)
        #expect(fits.dataset?.records.count == 10)
        let over = load(csv(rows: 10), caps: [RowCap(limit: 4, match: ["note": "a"], diagnostic: Self.chartError)])
        // The fifth "a" row is r8, on line 10.
        #expect(over.diagnostics.map(\.description).first?.hasSuffix("record 5 is data/income.csv:10, the rest was not read") == true)
        // A column the file lacks matches nothing: the binder reports the unknown column.
        let none = load(csv(rows: 10), caps: [RowCap(limit: 1, match: ["nope": "a"], diagnostic: Self.chartError)])
        #expect(none.diagnostics.isEmpty)
    }
}
