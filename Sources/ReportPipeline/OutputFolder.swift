import Foundation
import ReportData

/// What belongs to a template's output folder, and undoing its creation after a failed run.
enum OutputFolder {
    /// The names this tool writes: report.pdf, charts/<valid id>.<format>, CHANGES.md, the manifest.
    static func isOwnOutput(_ rel: String) -> Bool {
        if rel == "report.pdf" || rel == "CHANGES.md" || rel == BuildManifest.fileName { return true }
        let parts = rel.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0] == "charts", let dot = parts[1].lastIndex(of: ".") else { return false }
        let id = String(parts[1][..<dot]), ext = String(parts[1][parts[1].index(after: dot)...])
        return OutputName.isValid(id) && OutputFormat(rawValue: ext) != nil
    }

    /// `dir` and those of its ancestors that do not exist yet, deepest first.
    static func missingFolders(_ dir: URL) -> [URL] {
        var out: [URL] = [], d = dir.standardizedFileURL
        while d.path != "/" && !FileManager.default.fileExists(atPath: d.path) {
            out.append(d); d = d.deletingLastPathComponent()
        }
        return out
    }

    /// Removes folders a failed run created, when they hold nothing but the lock file.
    static func removeIfOnlyLock(_ created: [URL]) {
        guard let first = created.first else { return }
        let lock = first.appendingPathComponent(".report.lock")
        let names = DirectoryNames.list(first.path)
        guard names.allSatisfy({ $0 == ".report.lock" }) else { return }
        unlink(lock.path)
        for d in created { guard rmdir(d.path) == 0 else { return } }
    }
}
