import Foundation
@testable import ReportData

/// The package root, found from this file's path (Tests/ReportDataTests/TestSupport.swift).
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

let reportDate = PartialDate(year: 2022, month: 6)!

/// A small income table used by the validation tests: value in 亿元, a date and a qualifier.
let incomeYAML = """
title: 村级集体经营性收入
columns:
  - {name: id, type: id, required: true}
  - {name: year, type: date, required: true}
  - {name: value, type: number, unit: 亿元, required: true}
  - {name: qualifier, type: qualifier}
  - {name: note, type: text}
"""

/// Loads an inline CSV against `yaml`, as `data/income.csv`.
func load(_ csv: String, yaml: String = incomeYAML) -> (dataset: Dataset?, diagnostics: [Diagnostic]) {
    loadBytes(Data(csv.utf8), yaml: yaml)
}

func loadBytes(_ csv: Data, yaml: String = incomeYAML) -> (dataset: Dataset?, diagnostics: [Diagnostic]) {
    DatasetLoader(reportDate: reportDate).load(name: "income", csv: csv, csvPath: "data/income.csv",
                                                yaml: Data(yaml.utf8), yamlPath: "data/income.yaml")
}

/// "line:column" of each diagnostic, for compact assertions.
func positions(_ ds: [Diagnostic]) -> [String] { ds.map { "\($0.line):\($0.column)" } }
