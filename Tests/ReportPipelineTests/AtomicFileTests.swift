import Foundation
import Testing
@testable import ReportPipeline

@Suite struct AtomicFileTests {
    func tempDir() throws -> URL {
        let d = FileManager.default.temporaryDirectory.appendingPathComponent("rr-atomic-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: d, withIntermediateDirectories: true)
        return d
    }

    @Test(arguments: [false, true]) func replacesContentAndLeavesNoTemporaries(durable: Bool) throws {
        let dir = try tempDir()
        let file = dir.appendingPathComponent("charts/a.svg")
        try AtomicFile.write(Array("old".utf8), to: file, durable: durable)
        try AtomicFile.write(Array("new".utf8), to: file, durable: durable)
        #expect(try String(contentsOf: file, encoding: .utf8) == "new")
        let names = try FileManager.default.contentsOfDirectory(atPath: file.deletingLastPathComponent().path)
        #expect(names == ["a.svg"])
    }

    @Test func sweepRemovesLeftovers() throws {
        let dir = try tempDir()
        let stale = dir.appendingPathComponent(".report.pdf\(AtomicFile.tempMarker)123")
        try Data("x".utf8).write(to: stale)
        try Data("keep".utf8).write(to: dir.appendingPathComponent("report.pdf"))
        AtomicFile.sweepTemporaries(in: dir)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["report.pdf"])
    }

    @Test(arguments: [false, true]) func failedWriteKeepsOldFile(durable: Bool) throws {
        let dir = try tempDir()
        let file = dir.appendingPathComponent("report.pdf")
        try AtomicFile.write(Array("good".utf8), to: file, durable: durable)
        // A directory in place of the destination makes the rename fail.
        let blocked = dir.appendingPathComponent("sub")
        try FileManager.default.createDirectory(at: blocked.appendingPathComponent("x"), withIntermediateDirectories: true)
        #expect(throws: OutputError.self) { try AtomicFile.write(Array("bad".utf8), to: blocked, durable: durable) }
        #expect(try String(contentsOf: file, encoding: .utf8) == "good")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["report.pdf", "sub"])
    }
}
