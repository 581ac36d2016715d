import CCairoDeflate
import Foundation
@testable import ReportRender
import ReportScene
import TestSupport
import Testing

/// Cairo's own PDF streams (its embedded font files) are compressed at zlib level 1
/// (cairo_deflate.c). The document must be the same one Cairo's default level writes: once qpdf
/// has uncompressed every stream, the two files differ only in the subset tags, which are hashed
/// from the embedded bytes; both pass qpdf's check.
@Suite(.serialized) struct CairoDeflateTests {
    @Test func levelOneGivesTheSameDocument() throws {
        let dir = try TempDir()
        let doc = PDFAccessibilityTests.document()
        func write(fast: Bool, _ name: String) throws -> String {
            report_cairo_deflate_fast(fast ? 1 : 0)
            defer { report_cairo_deflate_fast(1) }
            let before = report_cairo_deflate_count()
            let bytes = try PDFWriter.render(doc)
            #expect((report_cairo_deflate_count() > before) == fast, "fast \(fast)")
            let path = dir.url.appendingPathComponent(name).path
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            let check = try ExternalTool.run("qpdf", ["--check", path])
            #expect(check.stdout.contains("No syntax or stream encoding errors"), "\(check.stdout)\(check.stderr)")
            let plain = try ExternalTool.run("qpdf", ["--qdf", "--object-streams=disable", "--stream-data=uncompress", path, "-"]).stdout
            // Subset tags ("ABCDEF+Noto…") are hashed from the embedded bytes.
            return plain.replacingOccurrences(of: "/[A-Z]{6}\\+", with: "/TAG+", options: .regularExpression)
        }
        let fast = try write(fast: true, "fast.pdf"), cairos = try write(fast: false, "cairo.pdf")
        #expect(fast == cairos)
    }
}
