import Foundation
import TestSupport
#if canImport(FoundationXML)
import FoundationXML  // XMLParser lives here on Linux
#endif
import Testing

/// Issue 7: a run killed at any moment never damages or removes what the last run wrote.
@Suite struct KillTests {
    @Test func sigkillMidRenderLeavesEarlierOutputsIntact() throws {
        let tmp = try TempDir(prefix: "kill")
        let out = tmp.file("out"), outputs = out.appendingPathComponent("linping-annual")
        let args = ["render", ReportBinary.defaultTemplate.path, "--out", out.path, "--force"]
        let started = Date()
        let first = try ReportBinary.run(args)
        let full = Date().timeIntervalSince(started)
        #expect(first.status == 0, "\(first.all)")
        let good = OutputSnapshot(outputs)
        let expectedFiles = Set(good.files.keys)

        // Delays spread over a full render's duration (as measured just now on this machine), so
        // kills land while binding, rendering in memory, and writing files.
        let delays = (0..<15).map { full * (0.05 + 0.95 * Double($0) / 14) }
        var killed = 0
        for (i, delay) in delays.enumerated() {
            let p = try ReportBinary.start(args, stdout: tmp.file("stdout-\(i)"), stderr: tmp.file("stderr-\(i)"))
            Thread.sleep(forTimeInterval: delay)
            if p.isRunning { kill(p.processIdentifier, SIGKILL) }
            p.waitUntilExit()
            if p.terminationReason == .uncaughtSignal { killed += 1 }

            let now = OutputSnapshot(outputs)
            // Every earlier output is still there; each is whole (the old or the new version).
            let missing = expectedFiles.filter { now.files[$0] == nil && !$0.contains(".rr-tmp-") }
            #expect(missing.isEmpty, "kill after \(String(format: "%.2f", delay))s: missing \(missing.sorted())")
            let check = try ExternalTool.run("qpdf", ["--check", outputs.appendingPathComponent("report.pdf").path])
            #expect(check.status == 0, "kill after \(String(format: "%.2f", delay))s: report.pdf damaged: \(check.stdout)\(check.stderr)")
            for name in now.files.keys where name.hasSuffix(".svg") && !name.contains(".rr-tmp-") {
                let data = try Data(contentsOf: outputs.appendingPathComponent(name))
                #expect(XMLParser(data: data).parse(), "kill after \(String(format: "%.2f", delay))s: \(name) is not well-formed")
            }
            // Forced renders of unchanged input write the same bytes, so nothing may differ (temporaries
            // and the kept old files, .rr-tmp- and .rr-bak-, are swept by the next run).
            let differing = now.changed(from: good).filter { !$0.contains(".rr-tmp-") && !$0.contains(".rr-bak-") }
            #expect(differing.isEmpty, "kill after \(String(format: "%.2f", delay))s: \(differing.sorted())")
        }

        // Most runs must really have died mid-way, or this tested nothing.
        #expect(killed >= 5, "only \(killed) of \(delays.count) runs were killed before finishing")

        let last = try ReportBinary.run(args)
        #expect(last.status == 0, "\(last.all)")
        let final = OutputSnapshot(outputs)
        #expect(final.files.keys.filter { $0.contains(".rr-tmp-") }.isEmpty, "\(final.files.keys.sorted())")
        #expect(Set(final.files.keys) == expectedFiles)
    }
}
