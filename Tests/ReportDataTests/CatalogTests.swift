import Foundation
import Testing
@testable import ReportData

/// Directory-level loading: pairing of files, derived values, provenance checks.
@Suite struct CatalogTests {
    /// Writes files into a fresh temporary directory.
    func directory(_ files: [String: String]) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("catalog-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for (name, text) in files { try Data(text.utf8).write(to: dir.appendingPathComponent(name)) }
        return dir
    }

    let catalog = "report_year: 2022\nreport_date: 2022-06\nsource:\n  path: article.txt\n"
    let figuresYAML = """
    title: 数字
    kind: figures
    columns:
      - {name: id, type: id, required: true}
      - {name: label, type: text}
      - {name: value, type: number, unit_column: unit}
      - {name: unit, type: unit}
      - {name: source_sentence, type: text}
    derived:
      - id: prev
        label: 上年
        formula: "previous_from_growth(total: total, growth: nope)"
    """

    @Test func pairingDerivedAndSentenceErrors() throws {
        let dir = try directory([
            "catalog.yaml": catalog,
            "article.txt": "全区收入达6.78亿元。",
            "figures.yaml": figuresYAML,
            "figures.csv": "id,label,value,unit,source_sentence\ntotal,收入,6.78,亿元,全区收入达6.78亿元。\ng,增速,18,%,同比增长18%。\n",
            "orphan.yaml": "title: x\ncolumns: []\n",
            "lonely.csv": "a\n1\n",
        ])
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = DatasetCatalog.load(directory: dir, displayPrefix: "data")
        #expect(r.diagnostics.map(\.description) == [
            "data/orphan.yaml:1:1: error: metadata without data: orphan.csv is missing",
            "data/lonely.csv:1:1: error: no metadata: lonely.yaml is missing",
            "data/figures.yaml:12:14: error: formula input 'nope' is not a figure",
            "data/figures.csv:3:5: error: source sentence not found verbatim in the source text",
        ])
        #expect(r.exitCode == 1)
        #expect(r.report.hasSuffix("4 error(s), 0 warning(s) in 1 dataset(s), 2 figure(s)"))
        #expect(r.catalog.figure(path: "figures.total")?.sourceSentence == "全区收入达6.78亿元。")
        #expect(r.catalog.figure(path: "other.total") == nil)
    }

    @Test func reportDateOverrideResolvesRelativeDates() throws {
        let dir = try directory([
            "catalog.yaml": "report_year: 2022\nreport_date: 2022-06\n",
            "events.yaml": "title: e\ncolumns:\n  - {name: id, type: id}\n  - {name: date, type: date}\n",
            "events.csv": "id,date\na,今年以来\nb,近日\n",
        ])
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = DatasetCatalog.load(directory: dir, reportDate: PartialDate(year: 2023, month: 2)!)
        #expect(r.diagnostics.isEmpty)
        #expect(r.catalog.record(dataset: "events", id: "a")?["date"] == .date(.span(DateSpan(start: PartialDate(year: 2023, month: 1)!, end: nil)!)))
        #expect(ChineseFormatter().cell(r.catalog.record(dataset: "events", id: "b")!["date"]) == "近日")
    }

    @Test func reportDateAtDayPrecision() throws {
        // YAML resolves 2022-06-01 as a timestamp; it must still read as the literal date.
        let dir = try directory(["catalog.yaml": "report_year: 2022\nreport_date: 2022-06-01\n"])
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = DatasetCatalog.load(directory: dir)
        #expect(r.catalog.reportDate == PartialDate(year: 2022, month: 6, day: 1))
    }

    @Test func missingCatalogAndBadReportDate() throws {
        let d1 = try directory(["x.yaml": "title: x\ncolumns: [{name: a, type: text}]\n", "x.csv": "a\n1\n"])
        defer { try? FileManager.default.removeItem(at: d1) }
        #expect(DatasetCatalog.load(directory: d1, displayPrefix: "").errors.map(\.description) ==
                ["catalog.yaml:1:1: error: missing catalog.yaml (needs report_year and report_date)"])
        let d2 = try directory(["catalog.yaml": "report_year: 2022\nreport_date: 今年以来\n"])
        defer { try? FileManager.default.removeItem(at: d2) }
        #expect(DatasetCatalog.load(directory: d2, displayPrefix: "").errors.first?.description ==
                "catalog.yaml:2:14: error: report_date \"今年以来\" is not a single date")
    }
}
