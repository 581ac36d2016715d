import Foundation
import ReportRender
import ReportScene
import Testing

/// Writes the sample outputs to /tmp/render-smoke for a human look (not an assertion of looks).
@Test func writeSmokeOutputs() throws {
    let dir = "/tmp/render-smoke"
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    let page = Fixtures.chartPage()
    try Data(PDFWriter.render(Document(info: DocumentInfo(title: "smoke"), pages: [page]))).write(to: URL(fileURLWithPath: dir + "/chart.pdf"))
    try Data(SVGWriter.render(page, idPrefix: "smoke")).write(to: URL(fileURLWithPath: dir + "/chart.svg"))
    try Data(PNGWriter.render(page, scale: 2)).write(to: URL(fileURLWithPath: dir + "/chart.png"))
    try Data(PDFWriter.render(Fixtures.document())).write(to: URL(fileURLWithPath: dir + "/doc.pdf"))
}
