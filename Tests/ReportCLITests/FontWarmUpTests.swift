import Foundation
import Testing

/// When `report render` starts fontconfig ahead (`FontWarmUp`): before parsing when the run will
/// surely draw (`--force`, or no manifest yet), after the quick check when something changed,
/// never for a rerun with nothing changed; the outputs and messages are those of a run without it.
@Suite struct FontWarmUpTests {
    static let early = "font warm-up started (before parsing)", late = "font warm-up started (after the quick check)"

    @Test func startsOnlyForRunsThatDraw() throws {
        let (dir, t) = try ChartSizeTests.template(charts: """
              - {id: inreport, type: bar, dataset: bars, title: 图, export: report}
            """)
        let out = dir.file("out").path
        let trace = ["REPORT_TRACE": "1"]
        let first = try ReportBinary.run(["render", t.path, "--out", out, "--format", "svg"], environment: trace)
        #expect(first.status == 0 && first.stderr.contains(Self.early) && !first.stderr.contains(Self.late), "\(first.stderr)")
        let noop = try ReportBinary.run(["render", t.path, "--out", out, "--format", "svg"], environment: trace)
        #expect(noop.status == 0 && !noop.stderr.contains("font warm-up"), "\(noop.stderr)")
        let forced = try ReportBinary.run(["render", t.path, "--out", out, "--format", "svg", "--force"], environment: trace)
        #expect(forced.status == 0 && forced.stderr.contains(Self.early), "\(forced.stderr)")
        try Data("id,label,value\nb1,甲,4\nb2,乙,5\n".utf8).write(to: t.appendingPathComponent("data/bars.csv"))
        let changed = try ReportBinary.run(["render", t.path, "--out", out, "--format", "svg"], environment: trace)
        #expect(changed.status == 0 && changed.stderr.contains(Self.late) && !changed.stderr.contains(Self.early), "\(changed.stderr)")
        // `check` and a batch (`--each`) never start it before parsing.
        let check = try ReportBinary.run(["check", t.path], environment: trace)
        #expect(!check.stderr.contains("font warm-up"), "\(check.stderr)")
        let batch = try ReportBinary.run(["render", t.path, "--out", out, "--each", "bars", "--force"], environment: trace)
        #expect(!batch.stderr.contains(Self.early), "\(batch.stderr)")
    }

    /// A template error ends a run whose warm-up started before parsing while fontconfig may
    /// still be starting: every time the same message and status, a normal exit (no crash or
    /// hang at exit), nothing written.
    @Test func errorsEndTheRunAsBefore() throws {
        let (dir, t) = try ChartSizeTests.template(charts: """
              - {id: inreport, type: bar, dataset: nowhere, title: 图, export: report}
            """)
        let out = dir.file("out")
        let first = try ReportBinary.run(["render", t.path, "--out", out.path, "--force"])
        #expect(first.status == 1 && first.exited && first.stderr.contains("error") && first.stderr.contains("nothing was written"),
                "\(first.stderr)")
        for _ in 0..<15 {
            let again = try ReportBinary.run(["render", t.path, "--out", out.path, "--force"])
            #expect(again.exited && again.status == first.status && again.stderr == first.stderr && again.stdout == first.stdout)
        }
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("sized/manifest.json").path))
    }

    /// The look before parsing opens report.yaml without waiting: a FIFO there (or a link) is
    /// left to the loader, which refuses it at its position, as without the look.
    @Test func aFIFOForReportYAMLDoesNotHang() throws {
        let (dir, t) = try ChartSizeTests.template(charts: """
              - {id: inreport, type: bar, dataset: bars, title: 图, export: report}
            """)
        let yaml = t.appendingPathComponent("report.yaml")
        try FileManager.default.removeItem(at: yaml)
        #expect(mkfifo(yaml.path, 0o644) == 0)
        let r = try ReportBinary.run(["render", t.path, "--out", dir.file("out").path, "--force"])
        #expect(r.exited && r.status != 0 && r.stderr.contains("report.yaml"), "\(r.stderr)")
    }
}
