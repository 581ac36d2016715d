import Foundation
import ReportPipeline

/// Every file below an output folder (hidden ones included) with its SHA-256 and mtime.
struct OutputSnapshot: Equatable, Sendable {
    struct File: Equatable, Sendable {
        var sha256: String
        var modified: Date
    }
    var files: [String: File]

    init(_ dir: URL) {
        var files: [String: File] = [:]
        let fm = FileManager.default
        let base = dir.standardizedFileURL.path + "/"
        if let e = fm.enumerator(at: dir, includingPropertiesForKeys: [.isRegularFileKey, .contentModificationDateKey]) {
            for case let url as URL in e {
                let v = try? url.resourceValues(forKeys: [.isRegularFileKey, .contentModificationDateKey])
                guard v?.isRegularFile == true, let sha = Fingerprint.of(file: url) else { continue }
                let rel = String(url.standardizedFileURL.path.dropFirst(base.count))
                files[rel] = File(sha256: sha,
                                  modified: v?.contentModificationDate ?? .distantPast)
            }
        }
        self.files = files
    }

    var hashes: [String: String] { files.mapValues(\.sha256) }

    /// Paths whose content differs from `other` (or that exist in only one).
    func changed(from other: OutputSnapshot) -> Set<String> {
        Set(files.keys).union(other.files.keys).filter { files[$0]?.sha256 != other.files[$0]?.sha256 }
    }

    /// Paths whose file was rewritten (mtime moved), even with the same bytes.
    func touched(since other: OutputSnapshot) -> Set<String> {
        Set(files.keys).filter { files[$0]?.modified != other.files[$0]?.modified }
    }
}
