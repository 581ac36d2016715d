// libFuzzer target: the CSV parser, then the dataset loader (cell typing, units, qualifiers,
// dates, derived values) on the parsed rows with the column layout of figures.yaml.
// Must never crash, hang or leave a diagnostic without a position.
import Foundation
import ReportData

let metadata = Data("""
    title: 主要数字
    kind: figures
    columns:
      - {name: id, type: id, required: true}
      - {name: label, type: text, required: true}
      - {name: value, type: number, unit_column: unit, qualifier_column: qualifier, required: true}
      - {name: unit, type: unit, required: true}
      - {name: qualifier, type: qualifier}
      - {name: rank, type: rank}
      - {name: date, type: date}
    derived:
      - {id: d, label: 推算, formula: "ratio(numerator: a, denominator: b)", unit: 亿元, decimals: 2}

    """.utf8)

let loader = DatasetLoader(reportDate: PartialDate(year: 2022)!)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let data = Data(bytes: start, count: count)
    let text = String(decoding: data, as: UTF8.self)
    for d in CSVParser.parse(text, file: "f.csv").diagnostics where d.line < 1 || d.column < 1 {
        fatalError("diagnostic without a position: \(d)")
    }
    // Typing every cell is far slower than splitting; small inputs already reach every cell rule.
    guard count <= 1024 else { return 0 }
    _ = loader.load(name: "f", csv: data, csvPath: "f.csv", yaml: metadata, yamlPath: "f.yaml")
    return 0
}
