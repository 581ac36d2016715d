import Foundation
import Testing
@testable import ReportPipeline

/// Issue 20: a commit that fails while installing files undoes every step: replaced files get
/// their old bytes back, new files and created folders go, no temporary or kept link remains.
@Suite struct OutputCommitTests {
    func folder() throws -> URL {
        let d = FileManager.default.temporaryDirectory.appendingPathComponent("rr-commit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: d, withIntermediateDirectories: true)
        return d
    }

    func listing(_ dir: URL) -> [String: String] {
        var out: [String: String] = [:]
        let base = dir.standardizedFileURL.path + "/"
        for case let url as URL in FileManager.default.enumerator(at: dir, includingPropertiesForKeys: nil)! {
            let rel = String(url.standardizedFileURL.path.dropFirst(base.count))
            out[rel] = (try? String(contentsOf: url, encoding: .utf8)) ?? "<dir>"
        }
        return out
    }

    /// Every test runs the default commit and the durable one (`--durable`: files and folders flushed).
    @Test(arguments: [false, true]) func failureWhileInstallingRestoresEverything(durable: Bool) throws {
        let dir = try folder()
        try Data("old report".utf8).write(to: dir.appendingPathComponent("report.pdf"))
        try Data("old manifest".utf8).write(to: dir.appendingPathComponent("manifest.json"))
        try Data("stale".utf8).write(to: dir.appendingPathComponent("gone.txt"))
        let before = listing(dir)
        for failAfter in 0...3 {
            var commit = OutputCommit(root: dir, durable: durable)
            commit.write(Array("new report".utf8), to: "report.pdf")
            commit.write(Array("new chart".utf8), to: "charts/a.svg")
            commit.write(Array("new manifest".utf8), to: "manifest.json")
            commit.remove("gone.txt")
            commit.failAfterInstalling = failAfter
            #expect(throws: OutputError.self) { try commit.commit() }
            #expect(listing(dir) == before, "after failing at step \(failAfter)")
        }
        var commit = OutputCommit(root: dir, durable: durable)
        commit.write(Array("new report".utf8), to: "report.pdf")
        commit.write(Array("new chart".utf8), to: "charts/a.svg")
        commit.remove("gone.txt")
        // Durable: both files, and both folders whose entries changed (the root and charts/).
        #expect(try commit.commit() == (durable ? .init(files: 2, folders: 2) : .init()))
        #expect(listing(dir) == ["report.pdf": "new report", "manifest.json": "old manifest", "charts": "<dir>", "charts/a.svg": "new chart"])
    }

    @Test(arguments: [false, true]) func destinationsAreCheckedBeforeAnythingIsWritten(durable: Bool) throws {
        let dir = try folder()
        try Data("old".utf8).write(to: dir.appendingPathComponent("report.pdf"))
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("charts/b.svg"), withIntermediateDirectories: true)
        let before = listing(dir)
        for bad in ["../x.svg", "/etc/x", "charts/../../x", "charts//x", "charts/b.svg", "a\u{0}b"] {
            var commit = OutputCommit(root: dir, durable: durable)
            commit.write(Array("new".utf8), to: "report.pdf")
            commit.write(Array("new".utf8), to: bad)
            #expect(throws: OutputError.self, "\(bad)") { try commit.commit() }
            #expect(listing(dir) == before, "\(bad)")
        }
    }

    /// Files are written, then flushed together in chunks (`AtomicFile.stageAll`): a commit of more
    /// files than a chunk installs every one, and one that fails while staging (first file, in the
    /// second chunk, last file) leaves the folder as it was, with no temporary behind.
    @Test(arguments: [false, true]) func manyFilesStageTogetherOrNotAtAll(durable: Bool) throws {
        let dir = try folder()
        try Data("old report".utf8).write(to: dir.appendingPathComponent("report.pdf"))
        let before = listing(dir)
        let count = AtomicFile.stagingChunk * 2 + 7
        func commit(failingAt: Int?) -> OutputCommit {
            var c = OutputCommit(root: dir, durable: durable)
            c.write(Array("new report".utf8), to: "report.pdf")
            for i in 0..<count { c.write(Array("chart \(i)".utf8), to: "charts/c\(i).svg") }
            c.failStagingAt = failingAt
            return c
        }
        for failAt in [0, AtomicFile.stagingChunk + 3, count] {
            #expect(throws: OutputError.self) { try commit(failingAt: failAt).commit() }
            #expect(listing(dir) == before, "failing at file \(failAt)")
        }
        #expect(try commit(failingAt: nil).commit() == (durable ? .init(files: count + 1, folders: 2) : .init()))
        var expected = ["report.pdf": "new report", "charts": "<dir>"]
        for i in 0..<count { expected["charts/c\(i).svg"] = "chart \(i)" }
        #expect(listing(dir) == expected)
    }

    @Test func syncAllReportsTheFirstFailure() throws {
        let dir = try folder()
        let fds = (0..<5).map { open(dir.appendingPathComponent("f\($0)").path, O_WRONLY | O_CREAT, 0o644) }
        defer { for fd in fds { close(fd) } }
        #expect(AtomicFile.syncAll(fds) == nil)
        let failure = AtomicFile.syncAll([fds[0], -1, fds[1], -1])
        #expect(failure?.0 == 1)
        #expect(failure?.1.isEmpty == false)
    }
}
