import Foundation
import ReportPipeline
import TestSupport
import Testing

/// The CLI asks Cairo to leave page content uncompressed (`PDFWriter.uncompressedByCairo`) and
/// compresses it once itself; the library, without that switch, reads Cairo's compressed streams
/// back. Both must give the same document: one cross-reference section (nothing left behind),
/// every stream but the XMP packet compressed, and the same pages pixel for pixel.
@Suite struct PDFStreamsTests {
    let render = DefaultRender.shared

    /// The stream dictionaries of `pdf`, as text (each from its object's start to `stream`).
    static func streamDictionaries(_ pdf: Data) -> [String] {
        let text = String(decoding: pdf, as: UTF8.self)
        var out: [String] = []
        var rest = text[...]
        while let s = rest.range(of: "\nstream\n") {
            let before = rest[..<s.lowerBound]
            let start = before.range(of: " 0 obj", options: .backwards)?.upperBound ?? before.startIndex
            out.append(String(before[start...]))
            guard let e = rest[s.upperBound...].range(of: "\nendstream") else { break }
            rest = rest[e.upperBound...]
        }
        return out
    }

    @Test func oneSectionAndEveryStreamCompressed() throws {
        #expect(render.result.status == 0, "\(render.result.stderr)")
        let pdf = try Data(contentsOf: render.pdf)
        let text = String(decoding: pdf, as: UTF8.self)
        #expect(text.components(separatedBy: "%%EOF").count == 2)
        #expect(text.components(separatedBy: "\nxref\n").count == 2)
        let trailer = try #require(text.range(of: "trailer", options: .backwards).map { text[$0.upperBound...] })
        #expect(!trailer.contains("/Prev"))
        let dicts = Self.streamDictionaries(pdf)
        #expect(dicts.count > 10)
        for d in dicts where !d.contains("/Type /Metadata") {
            #expect(d.contains("/Filter /FlateDecode"), "uncompressed stream: \(d.prefix(200))")
        }
        let check = try ExternalTool.run("qpdf", ["--check", render.pdf.path])
        #expect(check.stdout.contains("No syntax or stream encoding errors"), "\(check.stdout)\(check.stderr)")
    }

    @Test func pagesMatchTheLibrarysRender() throws {
        #expect(render.result.status == 0, "\(render.result.stderr)")
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("rr-pdf-streams-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        // In this process Cairo compresses its streams (nothing set CAIRO_DEBUG_PDF).
        #expect(getenv("CAIRO_DEBUG_PDF") == nil)
        _ = try ReportBuild.run(BuildOptions(template: ReportBinary.defaultTemplate, outputRoot: root, formats: [.pdf], force: true))
        let library = root.appendingPathComponent(ReportBinary.defaultTemplate.lastPathComponent).appendingPathComponent("report.pdf")
        let cliText = try ExternalTool.run("pdftotext", [render.pdf.path, "-"]).stdout
        #expect(try ExternalTool.run("pdftotext", [library.path, "-"]).stdout == cliText)
        for (name, url) in [("cli", render.pdf), ("lib", library)] {
            _ = try ExternalTool.run("pdftoppm", ["-r", "30", "-png", url.path, root.appendingPathComponent(name).path])
        }
        let pages = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.hasPrefix("cli-") }.sorted()
        #expect(pages.count > 3)
        for page in pages {
            let cli = try Data(contentsOf: root.appendingPathComponent(page))
            let lib = try Data(contentsOf: root.appendingPathComponent("lib" + page.dropFirst(3)))
            #expect(cli == lib, "\(page) differs")
        }
    }
}
