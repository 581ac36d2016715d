import Foundation

/// A fresh folder for one test, removed when the value goes away; tests run in parallel.
public final class TempDir: Sendable {
    public let url: URL
    public init(prefix: String = "test") throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("rr-\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(at: url) }

    public func file(_ relative: String) -> URL { url.appendingPathComponent(relative) }
    public func path(_ name: String) -> String { file(name).path }

    /// Writes `bytes` to `name` inside the folder and returns the path.
    public func write(_ bytes: [UInt8], as name: String) throws -> String {
        try Data(bytes).write(to: file(name))
        return path(name)
    }

    /// Writes each text of `files` (paths relative to `folder`, sub-folders made as needed) into
    /// `folder` inside this one, e.g. a whole template; returns the folder.
    @discardableResult
    public func write(_ files: [String: String], into folder: String) throws -> URL {
        let root = file(folder)
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return root
    }
}
