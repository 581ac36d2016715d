import TestSupport
import ReportRender
import ReportScene
import Testing

/// Every font must be an embedded subset (`pdffonts`: emb yes, sub yes), so the PDF looks the
/// same on machines without Noto CJK and stays small.
@Test func pdfEmbedsOnlySubsetFonts() throws {
    let dir = try TempDir()
    let pdf = try dir.write(PDFWriter.render(Fixtures.document()), as: "doc.pdf")
    let out = try ExternalTool.run("pdffonts", [pdf])
    #expect(out.status == 0, "\(out.stderr)")
    // Skip the two header lines; each remaining line is a font.
    let rows = out.stdout.split(separator: "\n").dropFirst(2).map { $0.split(separator: " ", omittingEmptySubsequences: true) }
    #expect(rows.count >= 2, "expected regular and bold fonts: \(out.stdout)")
    for row in rows {
        // Columns from the right: object ID (2), uni, sub, emb.
        let n = row.count
        #expect(row[n - 5] == "yes" && row[n - 4] == "yes", "not an embedded subset: \(row.joined(separator: " "))")
        #expect(row[0].contains("+"), "subset fonts carry a tag prefix: \(row[0])")
        #expect(row[0].contains("NotoSansCJK"))
    }
}
