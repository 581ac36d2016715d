import Foundation
import Testing
@testable import ReportPipeline

/// The quick check's directory walk lists exactly what `FileManager`'s enumerator (hidden files
/// skipped, `isRegularFile`) listed, in the same order, over random trees with hidden files and
/// folders, links to files and folders inside and outside the root, dangling links and FIFOs.
@Suite struct QuickCheckWalkTests {
    /// The walk before this one, kept as the oracle.
    static func enumerated(below root: URL) -> [String] {
        let base = root.standardizedFileURL.path
        guard let e = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey],
                                                     options: [.skipsHiddenFiles]) else { return [] }
        var out: [String] = []
        for case let url as URL in e where (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true {
            let p = url.standardizedFileURL.path
            out.append(p.hasPrefix(base) ? String(p.dropFirst(base.count)) : p)
        }
        return out.sorted()
    }

    @Test func sameFilesAsTheEnumerator() throws {
        var rng = Mix(state: 77)
        let names = ["a", "b.csv", ".h", "数据.csv", "report.yaml", "z z", ".git", "c.yaml"]
        for round in 0..<60 {
            let top = FileManager.default.temporaryDirectory.appendingPathComponent("rr-walk-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: top) }
            let root = top.appendingPathComponent("t"), outside = top.appendingPathComponent("o")
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
            try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
            try Data("x".utf8).write(to: outside.appendingPathComponent("f.csv"))
            var dirs = [root]
            for _ in 0..<(Int(rng.next() % 25) + 1) {
                let parent = dirs[Int(rng.next() % UInt64(dirs.count))]
                let name = names[Int(rng.next() % UInt64(names.count))] + "\(rng.next() % 3)"
                let url = parent.appendingPathComponent(name)
                var st = stat()
                if lstat(url.path, &st) == 0 { continue }   // taken (a dangling link too)
                switch rng.next() % 7 {
                case 0, 1: try FileManager.default.createDirectory(at: url, withIntermediateDirectories: false); dirs.append(url)
                case 2: try FileManager.default.createSymbolicLink(atPath: url.path, withDestinationPath: outside.path)
                case 3: try FileManager.default.createSymbolicLink(atPath: url.path, withDestinationPath: outside.appendingPathComponent("f.csv").path)
                case 4: try FileManager.default.createSymbolicLink(atPath: url.path, withDestinationPath: "nowhere")
                case 5: #expect(mkfifo(url.path, 0o644) == 0)
                default: try Data("\(round)".utf8).write(to: url)
                }
            }
            let walked = QuickCheck.regularFiles(below: root)
            #expect(walked.map(\.relative) == Self.enumerated(below: root), "round \(round)")
            for file in walked { #expect(file.url.path == root.path + file.relative) }
        }
    }

    /// A root reached through a link is walked (the enumerator listed nothing: the key of a
    /// template given by a link ignored its files).
    @Test func aLinkedRootIsWalked() throws {
        let top = FileManager.default.temporaryDirectory.appendingPathComponent("rr-walk-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: top) }
        let real = top.appendingPathComponent("real"), link = top.appendingPathComponent("link")
        try FileManager.default.createDirectory(at: real.appendingPathComponent("data"), withIntermediateDirectories: true)
        try Data("x".utf8).write(to: real.appendingPathComponent("data/a.csv"))
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: real.path)
        #expect(QuickCheck.regularFiles(below: link).map(\.relative) == ["/data/a.csv"])
        #expect(Self.enumerated(below: link).isEmpty)
    }
}
