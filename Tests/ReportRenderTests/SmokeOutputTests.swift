import Foundation
import ReportRender
import ReportScene
import Testing

/// Writes the sample chart and document in every format to `$RENDER_SMOKE_DIR` for a human
/// look (`pdftoppm -r 60 -png`, `rsvg-convert`). Off unless the variable is set.
@Test(.enabled(if: ProcessInfo.processInfo.environment["RENDER_SMOKE_DIR"] != nil))
func writeSmokeOutputs() throws {
    let dir = ProcessInfo.processInfo.environment["RENDER_SMOKE_DIR"]!
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    let page = Fixtures.chartPage()
    let outputs: [(String, [UInt8])] = [
        ("chart.pdf", try PDFWriter.render(Document(info: DocumentInfo(title: "smoke"), pages: [page]))),
        ("chart.svg", try SVGWriter.render(page, idPrefix: "smoke")),
        ("chart.png", try PNGWriter.render(page, scale: 2)),
        ("doc.pdf", try PDFWriter.render(Fixtures.document())),
    ]
    for (name, bytes) in outputs {
        #expect(!bytes.isEmpty)
        try Data(bytes).write(to: URL(fileURLWithPath: dir).appendingPathComponent(name))
    }
}
