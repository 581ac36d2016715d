import Foundation
import Testing

/// The commit is atomic in every run; flushing to disk is opt-in (`--durable`, `REPORT_DURABLE=1`).
/// What a default run gives up is a power cut losing or cutting short a file of the last run;
/// the next run must notice and rebuild it, since every output is hashed against the manifest.
@Suite struct DurableCommitTests {
    /// An output cut to zero bytes (what a power cut before the data reached the disk leaves):
    /// the rerun renders it again, byte for byte as before; so does an emptied manifest.
    @Test func aFileCutToZeroBytesIsRebuilt() throws {
        let copy = try TemplateCopy()
        let out = copy.root.file("out"), outputs = copy.outputs(in: out)
        let first = try ReportBinary.run(["render", copy.template.path, "--out", out.path])
        #expect(first.status == 0, "\(first.all)")
        let whole = OutputSnapshot(outputs).hashes
        for (rel, summary) in [("report.pdf", "5 charts up to date, 0 rendered; report.pdf rendered"),
                               ("charts/milestones.svg", "4 charts up to date, 1 rendered; report.pdf up to date"),
                               ("manifest.json", "0 charts up to date, 5 rendered; report.pdf rendered")] {
            #expect(truncate(outputs.appendingPathComponent(rel).path, 0) == 0)
            let again = try ReportBinary.run(["render", copy.template.path, "--out", out.path])
            #expect(again.status == 0 && again.stdout.hasSuffix(summary + "\n"), "\(rel): \(again.all)")
            var now = OutputSnapshot(outputs).hashes, before = whole
            // The change summary compares with the last run, which an emptied manifest forgets.
            if rel == "manifest.json" { now["CHANGES.md"] = nil; before["CHANGES.md"] = nil }
            #expect(now == before, "\(rel) not rebuilt as it was")
        }
    }

    /// `--durable` and `REPORT_DURABLE` (anything but empty or "0") flush every written file and
    /// its folder (from the trace); a default run flushes nothing; the outputs are the same.
    @Test func durableIsOptIn() throws {
        let (dir, t) = try ChartSizeTests.template(charts: """
              - {id: inreport, type: bar, dataset: bars, title: 图, export: report}
            """)
        let trace = ["REPORT_TRACE": "1"]
        var folders: [String: OutputSnapshot] = [:]
        for (name, extra, env) in [("default", [], trace), ("flag", ["--durable"], trace),
                                   ("env", [], trace.merging(["REPORT_DURABLE": "1"]) { $1 }),
                                   ("env0", [], trace.merging(["REPORT_DURABLE": "0"]) { $1 })] as [(String, [String], [String: String])] {
            let out = dir.file(name)
            let r = try ReportBinary.run(["render", t.path, "--out", out.path, "--format", "svg", "--force"] + extra,
                                         environment: env)
            #expect(r.status == 0, "\(name): \(r.all)")
            let durable = name == "flag" || name == "env"
            // The chart's SVG, the manifest, CHANGES.md and the report's kept figure; the output
            // folder, charts/ and .report-figures/.
            #expect(r.stderr.contains("files committed, 4 files and 3 folders flushed") == durable, "\(name): \(r.stderr)")
            #expect(r.stderr.contains("files committed\n") == !durable, "\(name): \(r.stderr)")
            folders[name] = OutputSnapshot(out.appendingPathComponent(t.lastPathComponent))
        }
        let hashes = folders.mapValues(\.hashes)
        #expect(Set(hashes.values).count == 1 && hashes["default"]?.isEmpty == false, "\(hashes)")
    }
}
