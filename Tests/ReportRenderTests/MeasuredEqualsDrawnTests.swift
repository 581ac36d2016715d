import Foundation
import TestSupport
import ReportRender
import ReportScene
import Testing

/// The contract of the render layer: the box the measurer reports is where the ink lands,
/// in the PNG and in the PDF (rasterised by poppler), including wrapped and rotated text.
/// (Ink may legitimately overhang the logical box for glyphs with negative side bearings,
/// e.g. a leading Latin "j"; the samples avoid those.)
struct MeasuredEqualsDrawnTests {
    static let strings = [
        "临平区村级集体经营性收入6.78亿元", "Linping 临平 2022", "“未来工厂”", "（GDP）增长4.5%",
        "乡村振兴·共同富裕", "Quality 质量 gy|", "《临平区2022年国民经济和社会发展统计公报》", "1,234.56万元",
        "数字经济核心产业", "ÉÀ ß ¥€",
    ]
    static let scale = 4.0
    static let tolerance = 0.5

    /// One text node on a white page; returns the page and the node's measured box in page space.
    static func scene(_ text: String, style: TextStyle = TextStyle(size: 14), wrap: Double? = nil,
                      transform: Transform = .translate(20, 20)) throws -> (Page, Rect) {
        let node = TextNode(text, style: style, at: .zero, anchor: .topLeft, wrapWidth: wrap)
        let local = try node.bounds(using: PangoTextMeasurer.shared)
        let box = transform.apply(local)
        let page = Page(size: Size(box.maxX + 20, box.maxY + 20), root: Group([.text(node)], transform: transform))
        return (page, box)
    }

    static func expectInside(_ ink: Rect?, _ box: Rect, _ label: String) {
        guard let ink else { Issue.record("no ink drawn for \(label)"); return }
        #expect(box.contains(ink, tolerance: tolerance), "\(label): ink \(ink) outside measured \(box)")
        // And the measurement is not wildly larger than the ink (text really is where we think).
        #expect(ink.width > box.width * 0.5, "\(label): ink \(ink) much narrower than \(box)")
    }

    @Test(arguments: strings)
    func pngInkLiesInMeasuredBox(text: String) throws {
        let (page, box) = try Self.scene(text)
        let image = try PNGWriter.rasterize(page, scale: Self.scale)
        Self.expectInside(InkBox.of(image, scale: Self.scale), box, text)
    }

    @Test(arguments: strings)
    func pdfInkLiesInMeasuredBox(text: String) throws {
        let (page, box) = try Self.scene(text)
        let dir = try TempDir()
        let pdf = try dir.write(PDFWriter.render(Document(info: DocumentInfo(), pages: [page])), as: "t.pdf")
        let out = try ExternalTool.run("pdftoppm", ["-r", "\(Int(72 * Self.scale))", "-gray", "-singlefile", pdf, dir.path("t")])
        #expect(out.status == 0, "\(out.stderr)")
        let pgm = [UInt8](try Data(contentsOf: URL(fileURLWithPath: dir.path("t.pgm"))))
        Self.expectInside(InkBox.ofPGM(pgm, scale: Self.scale), box, text)
    }

    /// SVG goes through librsvg (to PDF, then poppler to pixels): text is drawn from glyph
    /// outlines placed by Cairo, so it must land in the same box too.
    @Test(arguments: strings.prefix(4))
    func svgInkLiesInMeasuredBox(text: String) throws {
        let (page, box) = try Self.scene(text)
        let dir = try TempDir()
        let svg = try dir.write(SVGWriter.render(page, idPrefix: "t"), as: "t.svg")
        let convert = try ExternalTool.run("rsvg-convert", ["-f", "pdf", "-o", dir.path("t.pdf"), svg])
        #expect(convert.status == 0, "\(convert.stderr)")
        let out = try ExternalTool.run("pdftoppm", ["-r", "\(Int(72 * Self.scale))", "-gray", "-singlefile", dir.path("t.pdf"), dir.path("t")])
        #expect(out.status == 0, "\(out.stderr)")
        let pgm = [UInt8](try Data(contentsOf: URL(fileURLWithPath: dir.path("t.pgm"))))
        Self.expectInside(InkBox.ofPGM(pgm, scale: Self.scale), box, text)
    }

    @Test(arguments: [TextStyle.Alignment.center, .right])
    func wrappedAlignedParagraph(alignment: TextStyle.Alignment) throws {
        let text = "2022年，临平区实现地区生产总值（GDP）1000亿元以上，“未来工厂”建设加快推进。"
        let (page, box) = try Self.scene(text, style: TextStyle(size: 11, alignment: alignment), wrap: 150)
        let image = try PNGWriter.rasterize(page, scale: Self.scale)
        Self.expectInside(InkBox.of(image, scale: Self.scale), box, "wrapped")
    }

    /// Without a wrap width Pango aligns lines within the widest one, which is the measured width.
    @Test func multilineCentredWithoutWrap() throws {
        let (page, box) = try Self.scene("短行\n第二行要长得多一些", style: TextStyle(size: 12, alignment: .center))
        let image = try PNGWriter.rasterize(page, scale: Self.scale)
        let ink = try #require(InkBox.of(image, scale: Self.scale))
        Self.expectInside(ink, box, "multiline")
        // The short first line is centred: its ink starts well right of the box's left edge.
        let firstLine = Rect(x: box.x, y: box.y, width: box.width, height: box.height / 2 - 1)
        let top = try #require(InkBox.of(image, scale: Self.scale, within: firstLine))
        #expect(abs(top.midX - box.midX) < 1, "first line centred: \(top) in \(box)")
    }

    @Test func rotatedLabel() throws {
        let t = Transform.rotate(degrees: -90).then(.translate(20, 200))
        let (page, box) = try Self.scene("临平区 2022", transform: t)
        let image = try PNGWriter.rasterize(page, scale: Self.scale)
        Self.expectInside(InkBox.of(image, scale: Self.scale), box, "rotated")
    }
}
