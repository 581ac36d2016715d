import Foundation
import Testing
import TestSupport

/// Issue 14: a template is self-contained. Nothing is read outside it, a fresh copy checks
/// without warnings, manifest.json holds no path of the project, and a moved project is up to date.
@Suite struct SelfContainedTemplateTests {
    @Test func defaultCatalogPointsInsideTheTemplate() throws {
        let catalog = try String(contentsOf: ReportBinary.defaultTemplate.appendingPathComponent("data/catalog.yaml"), encoding: .utf8)
        let path = try #require(catalog.split(separator: "\n").first { $0.hasPrefix("  path:") })
        #expect(!path.contains("..") && !path.contains(" /"), "\(path)")
        #expect(FileManager.default.fileExists(atPath: ReportBinary.defaultTemplate.appendingPathComponent("data/source.txt").path))
    }

    @Test func copyChecksCleanlyAnywhere() throws {
        let copy = try TemplateCopy()
        let r = try ReportBinary.run(["check", "linping-annual"], in: copy.root.url)
        #expect(r.status == 0 && r.stderr.isEmpty, "\(r.all)")
    }

    @Test func movedProjectIsUpToDateAndManifestHoldsNoProjectPath() throws {
        let first = try TemplateCopy()
        let r1 = try ReportBinary.run(["render", "linping-annual", "--out", "Output"], in: first.root.url)
        #expect(r1.status == 0, "\(r1.all)")
        let manifest = first.root.file("Output/linping-annual/manifest.json")
        let text = try String(contentsOf: manifest, encoding: .utf8)
        #expect(!text.contains(first.root.url.path) && !text.contains(FileManager.default.temporaryDirectory.path),
                "manifest.json holds the project's path")

        // Move the whole project (template and outputs) elsewhere and render again.
        let elsewhere = try TempDir(prefix: "moved")
        let moved = elsewhere.file("deeper/project")
        try FileManager.default.createDirectory(at: moved.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: first.root.url, to: moved)
        let before = OutputSnapshot(moved.appendingPathComponent("Output"))
        let r2 = try ReportBinary.run(["render", "linping-annual", "--out", "Output"], in: moved)
        #expect(r2.status == 0, "\(r2.all)")
        #expect(r2.stdout.contains("0 rendered") && r2.stdout.contains("report.pdf up to date"), "\(r2.stdout)")
        let after = OutputSnapshot(moved.appendingPathComponent("Output"))
        #expect(after.changed(from: before).isEmpty, "\(after.changed(from: before))")
    }
}
