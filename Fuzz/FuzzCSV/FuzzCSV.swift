// libFuzzer target: the CSV parser, then the dataset loader (cell typing, units, qualifiers,
// dates, derived values) on the parsed rows with the column layout of figures.yaml.
// Must never crash, hang or leave a diagnostic without a position.
// Per input only the bytes under test are parsed: the metadata is decoded once (Yams resolves
// every scalar with regular expressions, which cost 100× the CSV work of a small input).
import Foundation
import ReportData

let metadataYAML = Data("""
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

let metadata: DatasetMetadata = {
    switch YAMLLoader.decode(DatasetMetadata.self, data: metadataYAML, file: "f.yaml") {
    case .success(let m): return m
    case .failure(let d): fatalError("the harness's own metadata does not decode: \(d)")
    }
}()

let loader = DatasetLoader(reportDate: PartialDate(year: 2022)!)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: start, count: count)
    let diagnostics: [Diagnostic]
    if count <= 1024 {
        // The loader decodes the bytes (BOM, invalid UTF-8), parses and types every cell.
        diagnostics = loader.load(name: "f", csv: Data(bytes), csvPath: "f.csv", metadata: metadata,
                                  yaml: metadataYAML, yamlPath: "f.yaml").diagnostics
    } else {
        // Typing every cell is far slower than splitting; small inputs already reach every cell
        // rule, so long ones only go through the parser.
        diagnostics = CSVParser.parse(String(decoding: bytes, as: UTF8.self), file: "f.csv").diagnostics
    }
    for d in diagnostics where d.line < 1 || d.column < 1 {
        fatalError("diagnostic without a position: \(d)")
    }
    return 0
}
