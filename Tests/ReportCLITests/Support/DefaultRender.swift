import Foundation

/// One render of the default template, shared by every read-only check so the suite renders it
/// once. Kept in its own temp folder for the life of the test process.
struct DefaultRender: Sendable {
    let outputs: URL
    let result: ReportBinary.Result

    var pdf: URL { outputs.appendingPathComponent("report.pdf") }
    var charts: URL { outputs.appendingPathComponent("charts") }

    private static let root = FileManager.default.temporaryDirectory.appendingPathComponent("rr-e2e-default-\(UUID().uuidString)")

    static let shared: DefaultRender = {
        // Removed when the test process exits (a C callback cannot capture, so it reads the static).
        atexit { try? FileManager.default.removeItem(at: DefaultRender.root) }
        let result: ReportBinary.Result
        do {
            result = try ReportBinary.run(["render", ReportBinary.defaultTemplate.path, "--out", Self.root.path])
        } catch {
            result = .init(status: -1, stdout: "", stderr: "cannot start \(ReportBinary.url.path): \(error)")
        }
        return DefaultRender(outputs: Self.root.appendingPathComponent(ReportBinary.defaultTemplate.lastPathComponent), result: result)
    }()
}
