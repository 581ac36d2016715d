import Foundation
import Testing
import TestSupport

/// `--format` takes a comma-separated list whose entries may be padded with blanks (tab and the
/// Unicode space separators, as `CharacterSet.whitespaces`), in any letter case.
@Suite struct FormatListTests {
    @Test func paddedAndCapitalisedFormatsAreRead() throws {
        let (dir, t) = try ChartSizeTests.template(charts: """
              - {id: inreport, type: bar, dataset: bars, title: 图中, export: report}
            """)
        let out = dir.file("out")
        let r = try ReportBinary.run(["render", t.path, "--out", out.path, "--format", " SVG ,\tpdf\u{3000}", "-q"])
        #expect(r.status == 0, "\(r.all)")
        let charts = try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("sized/charts").path).sorted()
        #expect(charts == ["inreport.pdf", "inreport.svg"])
    }

    @Test func aLineBreakIsNotABlank() throws {
        let (dir, t) = try ChartSizeTests.template(charts: """
              - {id: inreport, type: bar, dataset: bars, title: 图中, export: report}
            """)
        let r = try ReportBinary.run(["render", t.path, "--out", dir.file("out").path, "--format", "svg\n", "-q"])
        #expect(r.status != 0 && r.stderr.contains("unknown format 'svg\n'"), "\(r.all)")
    }
}
