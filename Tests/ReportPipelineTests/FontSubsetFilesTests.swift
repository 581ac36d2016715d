import Foundation
import ReportRender
import Testing
@testable import ReportPipeline

/// Subset faces kept in the output folder (`.report-fonts/`): read back only when whole and
/// stored under the same identity, written by the commit, bounded in number.
@Suite struct FontSubsetFilesTests {
    func folder() throws -> URL {
        let d = FileManager.default.temporaryDirectory.appendingPathComponent("rr-fonts-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: d, withIntermediateDirectories: true)
        return d
    }

    static let subset = StoredSubset(glyphs: [0, 3, 17, 40_000], ids: [0, 1, 2, 3], bytes: Array((0..<5000).map { UInt8(truncatingIfNeeded: $0 &* 31) }))

    @Test func encodedEntriesReadBackOnlyWhole() {
        let file = FontSubsetFiles.encode(Self.subset, identity: "face A")
        #expect(FontSubsetFiles.decode(file, identity: "face A") == Self.subset)
        #expect(FontSubsetFiles.decode(file, identity: "face B") == nil)
        // Every truncation and every single-byte change is refused.
        var rng = SystemRandomNumberGenerator()
        for cut in [0, 1, 20, file.count / 2, file.count - 33, file.count - 1] {
            #expect(FontSubsetFiles.decode(Array(file.prefix(cut)), identity: "face A") == nil, "cut at \(cut)")
        }
        for _ in 0..<300 {
            var damaged = file
            let i = Int.random(in: 0..<file.count, using: &rng)
            damaged[i] ^= UInt8.random(in: 1...255, using: &rng)
            #expect(FontSubsetFiles.decode(damaged, identity: "face A") == nil, "byte \(i)")
        }
    }

    @Test func storedSubsetsAreWrittenByTheCommitAndReadBack() throws {
        let dir = try folder()
        let store = FontSubsetFiles(root: dir)
        store.store("face A", Self.subset)
        // Nothing on disk before the commit: a failed run leaves no subset behind.
        #expect(store.load("face A") == nil)
        var commit = OutputCommit(root: dir)
        store.addWrites(to: &commit)
        try commit.commit()
        #expect(FontSubsetFiles(root: dir).load("face A") == Self.subset)
        #expect(FontSubsetFiles(root: dir).load("face B") == nil)
    }

    @Test func aSymlinkedFolderIsNotRead() throws {
        let dir = try folder(), elsewhere = try folder()
        var commit = OutputCommit(root: elsewhere)
        let store = FontSubsetFiles(root: elsewhere)
        store.store("face A", Self.subset)
        store.addWrites(to: &commit)
        try commit.commit()
        try FileManager.default.createSymbolicLink(at: dir.appendingPathComponent(FontSubsetFiles.folder),
                                                   withDestinationURL: elsewhere.appendingPathComponent(FontSubsetFiles.folder))
        #expect(FontSubsetFiles(root: dir).load("face A") == nil)
    }

    @Test func atMostMaxFilesAreKeptOldestGoFirst() throws {
        let dir = try folder()
        for round in 0..<3 {
            let store = FontSubsetFiles(root: dir)
            for face in 0..<5 { store.store("round \(round) face \(face)", Self.subset) }
            var commit = OutputCommit(root: dir)
            store.addWrites(to: &commit)
            try commit.commit()
            // Distinct modification times between rounds.
            usleep(20_000)
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent(FontSubsetFiles.folder).path)
        #expect(names.count == FontSubsetFiles.maxFiles, "\(names.sorted())")
        let reader = FontSubsetFiles(root: dir)
        for face in 0..<5 { #expect(reader.load("round 2 face \(face)") != nil) }
        for face in 0..<5 { #expect(reader.load("round 0 face \(face)") == nil) }
    }
}
