import Foundation
import Testing
import TestSupport
import ReportRender
import ReportScene

/// Our own PNG encoder (zlib level 2, "Up" filter) must store exactly the rendered pixels, opaque
/// (RGB) and translucent (RGBA) alike, as an independent decoder (libpng via Cairo) reads them.
@Suite struct PNGEncodingTests {
    func roundTrip(_ page: Page, scale: Double) throws -> (RasterImage, RasterImage) {
        let dir = try TempDir(prefix: "png")
        let path = try dir.write(try PNGWriter.render(page, scale: scale), as: "p.png")
        let decoded = try #require(RasterImage(pngFile: path))
        return (try PNGWriter.rasterize(page, scale: scale), decoded)
    }

    @Test func opaquePageDecodesToTheRenderedPixels() throws {
        let (rendered, decoded) = try roundTrip(Fixtures.chartPage(), scale: 2)
        #expect(decoded.width == rendered.width && decoded.height == rendered.height)
        #expect(decoded.rgba == rendered.rgba)
    }

    @Test func translucentPageKeepsAlpha() throws {
        var page = Fixtures.chartPage()
        page.background = .clear
        let (rendered, decoded) = try roundTrip(page, scale: 1.5)
        #expect(decoded.rgba.count == rendered.rgba.count)
        // Straight alpha survives exactly; colour channels of partly transparent pixels may differ
        // by rounding through premultiplication in the decoder.
        var worst = 0
        for i in 0..<rendered.rgba.count {
            let d = abs(Int(rendered.rgba[i]) - Int(decoded.rgba[i]))
            if i % 4 == 3 { #expect(d == 0) } else if rendered.rgba[i - i % 4 + 3] > 8 { worst = max(worst, d) }
        }
        #expect(worst <= 32, "largest colour difference \(worst)")
    }

    /// Sibling shapes with one paint are merged into a single path for SVG/PNG; the picture must
    /// be the one the separate shapes give.
    @Test func mergedBarsLookLikeSeparateBars() throws {
        let fill = Color(hex: "#0072B2")!
        let bars = (0..<20).map { i in Node.rect(RectNode(Rect(x: 10 + Double(i) * 14, y: 20, width: 10, height: Double(10 + i * 7)), fill: fill)) }
        var separated: [Node] = []
        for b in bars { separated.append(.group(Group([b]))) }  // groups keep them from being merged
        let merged = try PNGWriter.rasterize(Page(size: Size(300, 180), root: Group(bars), background: .white), scale: 2)
        let single = try PNGWriter.rasterize(Page(size: Size(300, 180), root: Group(separated), background: .white), scale: 2)
        #expect(try #require(merged.meanDifference(to: single)) < 0.05)
    }
}
