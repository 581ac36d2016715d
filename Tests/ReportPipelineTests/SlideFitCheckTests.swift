import Foundation
import Testing
@testable import ReportPipeline
import ReportComposer
import ReportData

/// Issue #11: a bar chart that cannot fit the 960×540 slide says what would fit there (never
/// "set report_height", which a slide does not have), and a chart exported at the report's size
/// is not checked against a slide it never writes.
@Suite struct SlideFitCheckTests {
    func template(export: String?) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("rr-slidefit-\(UUID().uuidString)/t")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("data"), withIntermediateDirectories: true)
        let exportLine = export.map { "    export: \($0)\n" } ?? ""
        let yaml = "report: {title: t}\ncharts:\n  - id: villages\n    type: bar\n    dataset: x\n    orientation: horizontal\n"
            + exportLine + "sections:\n  - title: 村\n    blocks:\n      - figure: villages\n"
        try Data(yaml.utf8).write(to: dir.appendingPathComponent("report.yaml"))
        let rows = (1...36).map { "v\($0),临平区第\($0)个村股份经济合作社,\(($0 * 37) % 150 + 20)" }
        try Data(("id,label,value\n" + rows.joined(separator: "\n") + "\n").utf8).write(to: dir.appendingPathComponent("data/x.csv"))
        try Data("title: x\ncolumns:\n  - {name: id, type: id}\n  - {name: label, type: text}\n  - {name: value, type: number, unit: 万元}\n".utf8)
            .write(to: dir.appendingPathComponent("data/x.yaml"))
        try Data("report_year: 2022\nreport_date: 2022-06\n".utf8).write(to: dir.appendingPathComponent("data/catalog.yaml"))
        return dir
    }

    @Test func aSlideFailureSaysWhatFitsTheSlide() throws {
        let found = ReportBuild.check(template: try template(export: nil), data: nil).filter { $0.severity == .error }
        let d = try #require(found.first, "36 labelled rows do not fit a slide")
        #expect(d.file.hasSuffix("report.yaml") && d.line == 3, "\(d)")
        #expect(d.message.contains("the slide has 540 pt"), "\(d)")
        #expect(d.message.contains("export: report"), "\(d)")
        #expect(d.message.contains("value_labels: false") || d.message.contains("orientation: vertical"), "\(d)")
        #expect(!d.message.contains("report_height"), "\(d)")
    }

    @Test func aReportExportIsNotCheckedOnASlide() throws {
        let found = ReportBuild.check(template: try template(export: "report"), data: nil)
        #expect(found.filter { $0.severity == .error }.isEmpty, "\(found)")
    }
}
