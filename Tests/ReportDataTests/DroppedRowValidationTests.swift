import Foundation
import Testing
@testable import ReportData

/// Rows a template does not use are checked without building their records (the fast path of a
/// large table): over random tables with every kind of bad cell, a load that keeps a few ids
/// reports exactly the diagnostics of a load that keeps every row, and keeps exactly those rows.
@Suite struct DroppedRowValidationTests {
    static let yaml = """
    title: 收入
    columns:
      - {name: id, type: id, required: true}
      - {name: year, type: date, required: true}
      - {name: value, type: number, unit_column: unit, qualifier_column: qualifier, required: true}
      - {name: unit, type: unit}
      - {name: qualifier, type: qualifier}
      - {name: section, type: text}
      - {name: note, type: text, values: [a, b]}
    """

    struct LCG { var s: UInt64; mutating func next(_ n: Int) -> Int { s = s &* 6364136223846793005 &+ 1442695040888963407; return Int((s >> 33) % UInt64(n)) } }

    func load(_ csv: String, demand: RowDemand) -> (dataset: Dataset?, diagnostics: [Diagnostic]) {
        DatasetLoader(reportDate: reportDate, sections: ["总体", "产业"], demand: demand)
            .load(name: "t", csv: Data(csv.utf8), csvPath: "data/t.csv", yaml: Data(Self.yaml.utf8), yamlPath: "data/t.yaml")
    }

    @Test func droppedRowsReportWhatKeptRowsWould() {
        var g = LCG(s: 20)
        let ids = (0..<25).map { "r\($0)" } + ["", " r3 ", "r-1", "行"]
        let years = ["2021", "2022-03", "2022年4月", "bad", "", "2021/2022"]
        let values = ["1", "2.5", "x", "", "1e400", "3-5", "１２", "-0.5", "50%"]
        let units = ["亿元", "", "%", "家"]
        let qualifiers = ["", "余", "约", "zz"]
        let sections = ["总体", "产业", "", "别的"]
        let notes = ["a", "b", "", "c"]
        for trial in 0..<300 {
            var csv = "id,year,value,unit,qualifier,section,note\n"
            for _ in 0..<g.next(40) {
                let cells = [ids, years, values, units, qualifiers, sections, notes].map { $0[g.next($0.count)] }
                csv += (g.next(30) == 0 ? cells.dropLast() : cells[...]).joined(separator: ",") + "\n"
            }
            let wanted = Set((0..<g.next(6)).map { _ in ids[g.next(ids.count)] })
            let all = load(csv, demand: .all)
            let some = load(csv, demand: RowDemand(ids: ["t": wanted]))
            #expect(some.diagnostics.map(\.description) == all.diagnostics.map(\.description), "trial \(trial)")
            let expected = all.dataset?.records.filter { $0.id.map(wanted.contains) ?? false }
            #expect(some.dataset?.records == expected, "trial \(trial)")
        }
    }
}
