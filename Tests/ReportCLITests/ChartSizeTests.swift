import Foundation
import Testing
import TestSupport

/// Chart keys `width`/`height` size the standalone files; `export: none` writes none (the chart
/// is only a figure of the report). Both are what `make bench` uses to render exactly the
/// baseline's job.
@Suite struct ChartSizeTests {
    static func template(charts: String) throws -> (TempDir, URL) {
        let dir = try TempDir(prefix: "chart-size")
        let t = dir.file("sized")
        try FileManager.default.createDirectory(at: t.appendingPathComponent("data"), withIntermediateDirectories: true)
        try Data("title: 数据\nreport_year: 2022\nreport_date: 2022-12\n".utf8).write(to: t.appendingPathComponent("data/catalog.yaml"))
        try Data("""
            title: 指标
            columns:
              - {name: id, type: id, required: true}
              - {name: label, type: text, required: true}
              - {name: value, type: number, unit: 个, required: true}

            """.utf8).write(to: t.appendingPathComponent("data/bars.yaml"))
        try Data("id,label,value\nb1,甲,3\nb2,乙,5\n".utf8).write(to: t.appendingPathComponent("data/bars.csv"))
        try Data("""
            report: {title: 尺寸, author: t, date: 2022-12}
            appendix: false
            charts:
            \(charts)
            sections:
              - title: 一
                blocks:
                  - figure: inreport

            """.utf8).write(to: t.appendingPathComponent("report.yaml"))
        return (dir, t)
    }

    @Test func widthAndHeightSizeTheFilesAndExportNoneWritesNone() throws {
        let (dir, t) = try Self.template(charts: """
              - {id: sized, type: bar, dataset: bars, title: 甲乙, export: report, width: 800, height: 500}
              - {id: inreport, type: bar, dataset: bars, title: 图中, export: none}
            """)
        let out = dir.file("out")
        let r = try ReportBinary.run(["render", t.path, "--out", out.path, "--format", "pdf,svg"])
        #expect(r.status == 0, "\(r.all)")
        let folder = out.appendingPathComponent("sized")
        let svg = try String(contentsOf: folder.appendingPathComponent("charts/sized.svg"), encoding: .utf8)
        #expect(svg.contains("width=\"800pt\"") && svg.contains("height=\"500pt\""), "\(svg.prefix(300))")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("charts").path).sorted()
        #expect(files == ["sized.pdf", "sized.svg"])
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("report.pdf").path))
        // Nothing to do on a rerun: the chart without files is not "missing" its formats.
        let again = try ReportBinary.run(["render", t.path, "--out", out.path, "--format", "pdf,svg"])
        #expect(again.status == 0 && again.stdout.contains("up to date"), "\(again.all)")
    }

    @Test(arguments: [
        ("width: 50", "width 50 pt is out of range: it must be between 100 and 5000 pt"),
        ("export: none, height: 400", "height sizes the standalone files, and export: none writes none"),
    ])
    func badSizesAreErrorsAtTheirKey(extra: String, message: String) throws {
        let (dir, t) = try Self.template(charts: "  - {id: inreport, type: bar, dataset: bars, \(extra)}")
        let r = try ReportBinary.run(["check", t.path])
        #expect(r.status != 0)
        #expect(r.stderr.contains("report.yaml:4:") && r.stderr.contains(message), "\(r.all)")
        _ = dir
    }
}
