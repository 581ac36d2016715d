import Foundation
import Testing

/// Issue 7: `render --watch` renders again on a change and keeps the last good output on bad data.
@Suite struct WatchTests {
    /// Polls until `condition` holds, giving up after `limit` seconds (a stuck watcher fails, not hangs).
    func waitFor(_ limit: TimeInterval = 90, _ condition: () -> Bool) -> Bool {
        let end = Date().addingTimeInterval(limit)
        while Date() < end {
            if condition() { return true }
            Thread.sleep(forTimeInterval: 0.2)
        }
        return condition()
    }

    @Test func rerendersOnChangeAndKeepsLastGoodOutputOnError() throws {
        let copy = try TemplateCopy()
        let out = copy.root.file("out"), outputs = copy.outputs(in: out)
        let stdout = copy.root.file("watch.out"), stderr = copy.root.file("watch.err")
        let p = try ReportBinary.start(["render", copy.template.path, "--out", out.path, "--watch"], stdout: stdout, stderr: stderr)
        defer { if p.isRunning { p.terminate(); p.waitUntilExit() } }
        func log(_ url: URL) -> String { (try? String(contentsOf: url, encoding: .utf8)) ?? "" }

        #expect(waitFor { log(stdout).contains("watching ") }, "no first run: \(log(stdout))\(log(stderr))")
        let first = OutputSnapshot(outputs)
        #expect(first.files["report.pdf"] != nil)

        try copy.setCell(dataset: "figures", id: "village_income_total", column: "value", to: "7.10")
        #expect(waitFor { log(stdout).contains("4 charts up to date, 1 rendered; report.pdf rendered") }, "\(log(stdout))\(log(stderr))")
        #expect(log(stdout).contains("村级集体经营性收入: 6.78亿元 → 7.1亿元"))
        let good = OutputSnapshot(outputs)
        #expect(good.changed(from: first).contains("report.pdf"))

        try copy.setCell(dataset: "figures", id: "village_income_total", column: "value", to: "七点一")
        let pos = try copy.position(dataset: "figures", id: "village_income_total", column: "value")
        #expect(waitFor { log(stderr).contains("nothing was written") }, "\(log(stderr))")
        #expect(log(stderr).contains("figures.csv:\(pos.line):\(pos.column): error:"))
        #expect(OutputSnapshot(outputs) == good)
        #expect(p.isRunning, "a bad edit must not stop the watcher")

        p.terminate()
        p.waitUntilExit()
        #expect(!p.isRunning)
    }
}
