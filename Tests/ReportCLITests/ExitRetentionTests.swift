import Foundation
import Testing

/// A one-shot `report render` leaves its build's memory for the exit to reclaim (`ExitRetention`);
/// a batch, which runs many builds in one process, does not, and neither output nor message changes.
@Suite struct ExitRetentionCLITests {
    static func kept(_ stderr: String) -> Int? {
        stderr.split(separator: "\n").first { $0.hasSuffix("values left for the exit to reclaim") }
            .flatMap { line in line.split(separator: " ").compactMap { Int($0) }.first }
    }

    @Test func oneBuildKeepsItsValuesABatchKeepsNone() throws {
        let (dir, t) = try ChartSizeTests.template(charts: """
              - {id: inreport, type: bar, dataset: bars, title: 图, export: report}
            """)
        let out = dir.file("out").path
        let trace = ["REPORT_TRACE": "1"]
        let traced = try ReportBinary.run(["render", t.path, "--out", out, "--force"], environment: trace)
        #expect(traced.status == 0, "\(traced.stderr)")
        #expect((Self.kept(traced.stderr) ?? 0) >= 10, "\(traced.stderr)")
        // The same run through ArgumentParser (an option the fast path leaves to it) keeps them too.
        let parsed = try ReportBinary.run(["render", "--force", "--out=\(out)", "-q", t.path, "--format", "pdf,svg,png"],
                                          environment: trace)
        #expect(parsed.status == 0 && (Self.kept(parsed.stderr) ?? 0) >= 10, "\(parsed.stderr)")
        let batch = try ReportBinary.run(["render", t.path, "--out", dir.file("batch").path, "--each", "bars", "--force"],
                                         environment: trace)
        #expect(batch.status == 0 && Self.kept(batch.stderr) == nil, "\(batch.stderr)")
        // Without the trace the run prints what it printed before.
        let plain = try ReportBinary.run(["render", t.path, "--out", out, "--force"])
        #expect(plain.status == 0 && !plain.stderr.contains("exit to reclaim") && !plain.stdout.contains("exit to reclaim"))
    }
}
