import TestSupport
import ReportRender
import ReportScene
import Testing

/// Chinese text must survive into the PDF as real, extractable text (ToUnicode maps).
@Test func chineseTextRoundTripsThroughPDF() throws {
    let dir = try TempDir()
    let pdf = try dir.write(PDFWriter.render(Fixtures.document()), as: "doc.pdf")
    let out = try ExternalTool.run("pdftotext", ["-enc", "UTF-8", pdf, "-"])
    #expect(out.status == 0, "\(out.stderr)")
    let text = out.stdout.replacingOccurrences(of: "\n", with: "")
    for expected in ["一、经济发展", "二、乡村振兴", "（一）集体经济", "地区生产总值（GDP）1000亿元", "“未来工厂”建设加快推进", "见下一节"] {
        #expect(text.contains(expected), "pdftotext lost \(expected): \(out.stdout)")
    }
}

@Test func rotatedAndMixedTextIsExtractable() throws {
    let dir = try TempDir()
    let page = Fixtures.chartPage(label: "Linping 临平 2022")
    let pdf = try dir.write(PDFWriter.render(Document(info: DocumentInfo(), pages: [page])), as: "chart.pdf")
    let out = try ExternalTool.run("pdftotext", ["-enc", "UTF-8", pdf, "-"])
    #expect(out.stdout.contains("Linping 临平 2022"))
    #expect(out.stdout.contains("未来工厂"))
}
