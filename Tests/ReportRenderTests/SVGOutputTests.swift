import Foundation
import TestSupport
import ReportRender
import ReportScene
import Testing

/// SVG 1.1 sized in points with a viewBox, readable by librsvg.
@Test func svgHasSizeInPointsAndViewBox() throws {
    let svg = String(decoding: try SVGWriter.render(Fixtures.chartPage(), idPrefix: "chart"), as: UTF8.self)
    let root = try #require(svg.range(of: "<svg").map { svg[$0.lowerBound...].prefix { $0 != ">" } })
    #expect(root.contains("width=\"300pt\"") && root.contains("height=\"200pt\""))
    #expect(root.contains("viewBox=\"0 0 300 200\""))
    #expect(root.contains("version=\"1.1\""))
}

@Test func svgRendersWithRsvgConvert() throws {
    let dir = try TempDir()
    let svg = try dir.write(SVGWriter.render(Fixtures.chartPage(), idPrefix: "chart"), as: "chart.svg")
    let png = dir.path("chart.png")
    let out = try ExternalTool.run("rsvg-convert", ["-o", png, svg])
    #expect(out.status == 0, "\(out.stderr)")
    let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: png)))
    // librsvg renders at 96 dpi: 300 × 200 pt → 400 × 267 px (rounded up).
    let size = try #require(PNGHeader(bytes))
    #expect(size.width == 400 && size.height == 267)
}

@Test func invalidIdPrefixIsRejected() {
    #expect(throws: RenderError.invalidIdPrefix("9 bad")) { try SVGWriter.render(Fixtures.chartPage(), idPrefix: "9 bad") }
}
