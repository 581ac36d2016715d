import Foundation
import TestSupport
import ReportPipeline
import Testing

/// Issue 7: runs that must not write: bad data, and a second run while one holds the folder.
@Suite struct FailedRunTests {
    @Test func badCellLeavesOutputUntouched() throws {
        let copy = try TemplateCopy()
        let out = copy.root.file("out")
        let first = try ReportBinary.run(["render", copy.template.path, "--out", out.path])
        #expect(first.status == 0, "\(first.all)")
        let before = OutputSnapshot(copy.outputs(in: out))

        try copy.setCell(dataset: "figures", id: "rural_roads", column: "value", to: "0x1F")
        let pos = try copy.position(dataset: "figures", id: "rural_roads", column: "value")
        let r = try ReportBinary.run(["render", copy.template.path, "--out", out.path, "--force"])
        #expect(r.status != 0)
        #expect(r.stderr.contains("figures.csv:\(pos.line):\(pos.column): error:"), "\(r.stderr)")
        #expect(r.stderr.contains("nothing was written"))
        let after = OutputSnapshot(copy.outputs(in: out))
        #expect(after == before, "changed: \(after.changed(from: before).sorted()), touched: \(after.touched(since: before).sorted())")
    }

    @Test func secondConcurrentRunIsRefused() throws {
        let tmp = try TempDir(prefix: "lock")
        let out = tmp.file("out")
        // Hold the folder's lock in this process, as a running render would.
        let lock = try OutputLock(directory: out.appendingPathComponent("linping-annual"))
        defer { lock.release() }
        let r = try ReportBinary.run(["render", ReportBinary.defaultTemplate.path, "--out", out.path])
        #expect(r.status != 0)
        let folder = out.appendingPathComponent("linping-annual").path
        #expect(r.stderr == "\(folder): error: another `report render` is writing this folder; wait for it to finish\n")
        let written = try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("linping-annual").path)
        #expect(written == [".report.lock"])
    }
}
