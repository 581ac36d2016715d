import Foundation

/// A fresh folder for one test, removed when the value goes away; tests run in parallel.
final class TempDir: @unchecked Sendable {
    let url: URL
    init(prefix: String = "e2e") throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("rr-e2e-\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(at: url) }

    func file(_ relative: String) -> URL { url.appendingPathComponent(relative) }
}
