import Foundation
import Testing
@testable import ReportData

/// 近日, 今年3月 and 今年以来 resolve against the record's own source date when its dataset names
/// a reference-date column, else against the report date.
@Suite struct RelativeDateTests {
    static let yaml = """
    title: 大事记
    reference_date_column: published
    columns:
      - {name: id, type: id, required: true}
      - {name: date, type: date, required: true}
      - {name: published, type: date}
    """

    func load(_ csv: String, yaml: String = Self.yaml) -> (dataset: Dataset?, diagnostics: [Diagnostic]) {
        DatasetLoader(reportDate: PartialDate(year: 2022, month: 6)!).load(
            name: "events", csv: Data(csv.utf8), csvPath: "data/events.csv", yaml: Data(yaml.utf8), yamlPath: "data/events.yaml")
    }

    @Test func recentResolvesAgainstTheSourceDateElseTheReportDate() throws {
        let r = load("id,date,published\na,近日,2022-04-19\nb,近日,\nc,今年3月,2021-12-01\nd,今年以来,2021年12月\n")
        #expect(r.diagnostics.isEmpty, "\(r.diagnostics)")
        let ds = try #require(r.dataset)
        #expect(ds.record(id: "a")?["date"] == .date(.point(PartialDate(year: 2022, month: 4, day: 19, approximate: true)!)))
        #expect(ds.record(id: "b")?["date"] == .date(.point(PartialDate(year: 2022, month: 6, approximate: true)!)))
        #expect(ds.record(id: "c")?["date"] == .date(.point(PartialDate(year: 2021, month: 3)!)))
        #expect(ds.record(id: "d")?["date"] == .date(.span(DateSpan(start: PartialDate(year: 2021, month: 1)!, end: nil)!)))
        #expect(PartialDate.recentWindowDays == 30)
    }

    @Test func aRelativeReferenceDateIsAnErrorAtItsCell() {
        let r = load("id,date,published\na,近日,近日\nb,近日,今年4月\n")
        #expect(positions(r.diagnostics) == ["2:3", "3:3"])  // line:field of the published cell
        #expect(r.diagnostics.allSatisfy { $0.message.contains("not an absolute date") })
    }

    @Test func theReferenceColumnMustBeADateColumn() {
        let yaml = Self.yaml.replacingOccurrences(of: "reference_date_column: published", with: "reference_date_column: id")
        let r = load("id,date,published\na,近日,\n", yaml: yaml)
        #expect(r.diagnostics.contains { $0.message.contains("reference_date_column 'id' must name a declared column of type date") })
        #expect(r.diagnostics.first?.file == "data/events.yaml")
    }

    @Test func absoluteDatesAreRecognised() {
        for t in ["2022-04-19", "2022-04", "2022", "2022年4月19日", "2022年"] { #expect(DateParser.isAbsolute(t), "\(t)") }
        for t in ["近日", "今年4月", "4月19日", "去年", "2022年以来", "日前"] { #expect(!DateParser.isAbsolute(t), "\(t)") }
    }
}
