import Foundation
@testable import ReportRender
import ReportScene
import TestSupport
import Testing

/// Chart SVGs carry their labels as real text: an invisible layer over the outlines by default
/// (search and selection in browsers and slide tools), or only `<text>` with `svg_text: text`.
@Suite struct SVGTextLayerTests {
    static func texts(_ svg: String) -> [String] {
        svg.matches(of: /<text [^>]*>([^<]*)<\/text>/).map { String($0.output.1) }
    }

    /// Any text node, any anchor, alignment, wrap width and transform: the layer's lines hold
    /// the node's characters in order (only the breaks between lines dropped), and each line lies
    /// inside the box the renderer draws the node in.
    @Test func linesCoverEveryCharacterInsideTheDrawnBox() throws {
        var rng = SplitMix(seed: 16)
        let measurer = FixedTextMeasurer()
        // Labels arrive glued with word joiners (U+2060); the layer drops them so searches match.
        let pieces = ["临平", "村级集体经营性收入", "6.78亿元", " ", "“未来工厂”", "，", "2022年", "AB c", "\n", "（预计）",
                      "5\u{2060}.\u{2060}7\u{2060}5\u{2060}亿\u{2060}元"]
        let aligns: [TextStyle.Alignment] = [.left, .center, .right, .justify]
        let hs: [TextAnchor.Horizontal] = [.start, .middle, .end]
        let vs: [TextAnchor.Vertical] = [.top, .middle, .baseline, .bottom]
        for _ in 0..<3000 {
            let text = (0..<rng.int(1...6)).map { _ in pieces[rng.int(0...(pieces.count - 1))] }.joined()
            let style = TextStyle(size: Double(rng.int(6...40)), alignment: aligns[rng.int(0...3)])
            let wrap: Double? = rng.int(0...2) == 0 ? nil : Double(rng.int(10...300))
            let node = TextNode(text, style: style, at: Point(Double(rng.int(-50...500)), Double(rng.int(-50...500))),
                                anchor: TextAnchor(hs[rng.int(0...2)], vs[rng.int(0...3)]), wrapWidth: wrap)
            let lines = try SVGTextLayer.lines(of: node, measurer: measurer, transform: .identity)
            let metrics = try measurer.measure(text, style: style, wrapWidth: wrap)
            let box = node.bounds(metrics: metrics)
            let kept = text.filter { !$0.isNewline && !$0.isWhitespace && $0 != "\u{2060}" }
            #expect(lines.map(\.text).joined().filter { !$0.isWhitespace } == kept, "\(text)")
            for line in lines {
                #expect(line.x >= box.minX - 1e-6 && line.x + line.width <= box.maxX + 1e-6, "\(text) \(line)")
                #expect(line.baseline > box.minY && line.baseline <= box.maxY + 1e-6, "\(text) \(line)")
            }
        }
    }

    @Test func groupsTheRendererSkipsAddNoText() throws {
        let hidden = Group([.text(TextNode("看不见", style: Fixtures.body, at: Point(10, 10)))], opacity: 0)
        let singular = Group([.text(TextNode("压扁", style: Fixtures.body, at: Point(10, 10)))], transform: .scale(0, 1))
        let shown = Group([.text(TextNode("看得见", style: Fixtures.body, at: Point(10, 10)))], transform: .translate(5, 7))
        let lines = try SVGTextLayer.lines(in: Group([.group(hidden), .group(singular), .group(shown)]), measurer: FixedTextMeasurer())
        #expect(lines.map(\.text) == ["看得见"])
        #expect(lines[0].transform == .translate(5, 7))
    }

    @Test func defaultModeKeepsOutlinesAndAddsAnInvisibleLayer() throws {
        let svg = String(decoding: try SVGWriter.render(Fixtures.chartPage(), idPrefix: "t"), as: UTF8.self)
        #expect(svg.contains("<use"), "glyph outlines are still drawn")
        #expect(Self.texts(svg) == ["临平区村级集体经营性收入6.78亿元", "“未来工厂”"])
        #expect(svg.contains(#"<g fill-opacity="0" stroke="none" xml:lang="zh-CN" text-rendering="geometricPrecision" style="text-spacing-trim:space-all">"#))
        #expect(svg.contains(#"textLength="#))
        // The rotated label keeps its rotation.
        #expect(svg.contains("transform=\"matrix(0 -1 1 0 265 120)\""))
        #expect(svg.hasSuffix("</g>\n</svg>\n"), "the layer is drawn last, on top")
    }

    @Test func textModeWritesOnlyTextWithTheCJKStack() throws {
        let svg = String(decoding: try SVGWriter.render(Fixtures.chartPage(), idPrefix: "t", text: .text), as: UTF8.self)
        #expect(!svg.contains("<symbol") && !svg.contains("glyph"), "no outlines")
        #expect(Self.texts(svg) == ["临平区村级集体经营性收入6.78亿元", "“未来工厂”"])
        #expect(svg.contains("font-family=\"'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', 'PingFang SC', sans-serif\""))
        #expect(svg.contains(#"text-anchor="middle""#), "the centred label is anchored at its centre")
        #expect(!svg.contains("fill-opacity=\"0\""))
    }

    /// LibreOffice rasterises a fractional font size rounded; text mode writes whole sizes,
    /// scaled to the exact one around the text's anchor.
    @Test func textModeWritesWholeFontSizes() throws {
        var root = Group()
        root.append(.text(TextNode("村均集体经营性收入", style: TextStyle(size: 24.7, weight: .bold), at: Point(19, 47.5))))
        root.append(.group(Group([.text(TextNode("2021年", style: TextStyle(size: 17.1), at: .zero, anchor: TextAnchor(.middle, .baseline)))],
                                 transform: .translate(100, 200))))
        let page = Page(size: Size(400, 300), root: root, background: .white)
        let svg = String(decoding: try SVGWriter.render(page, idPrefix: "w", text: .text), as: UTF8.self)
        let sizes = svg.matches(of: /font-size="([0-9.]+)"/).map { Double(String($0.output.1))! }
        #expect(sizes == [25, 17])
        #expect(svg.contains(#"transform="matrix(0.988 0 0 0.988 19 47.5)""#), "\(svg)")
        // The group's translation applies after the scale about the label's own anchor point.
        let m = try #require(svg.firstMatch(of: /transform="matrix\(([0-9.]+) 0 0 [0-9.]+ ([0-9.-]+) 200\)" *>2021年/))
        #expect(abs(Double(String(m.output.1))! - 17.1 / 17) < 1e-4)
        #expect(abs(Double(String(m.output.2))! - 100) < 1e-9, "centred on x = 100")
        // The outlines' layer keeps the exact size (its textLength is in that size's units).
        let outlines = String(decoding: try SVGWriter.render(page, idPrefix: "w"), as: UTF8.self)
        #expect(outlines.contains(#"font-size="24.7""#))
    }

    @Test func markupCharactersAndControlsStayWellFormed() throws {
        var root = Group()
        root.append(.text(TextNode("A&B <c> \"d\" 'e'", style: Fixtures.body, at: Point(10, 20))))
        let page = Page(size: Size(200, 50), root: root, background: .white)
        for mode in SVGTextMode.allCases {
            let tmp = try TempDir(prefix: "svg-text")
            let path = try tmp.write(try SVGWriter.render(page, idPrefix: "x", text: mode), as: "x.svg")
            let parsed = try ExternalTool.run("python3", ["-c", "import sys, xml.etree.ElementTree as E; t = E.parse(sys.argv[1]); print(''.join(e.text or '' for e in t.iter('{http://www.w3.org/2000/svg}text')))", path])
            #expect(parsed.status == 0, "\(parsed.all)")
            #expect(parsed.stdout == "A&B <c> \"d\" 'e'\n", "\(mode)")
        }
        // Pango refuses to shape C0 controls, but the escaping must not depend on that.
        #expect(XMLText.escape("a\u{1}b\u{FFFF}c\td") == "a\u{FFFD}b\u{FFFD}c\td")
    }

    /// The layer made visible draws on the very pixels of the outlines, and `.text` mode looks
    /// like the outlines: both rendered by librsvg and compared pixel by pixel. The second page
    /// is a source line whose quotes and dashes are full width only in Chinese typography.
    @Test func textSitsOnTheOutlines() throws {
        guard SVGPixels.available else {
            print("skipped: rsvg-convert or pdftoppm missing (scripts/install-deps.sh --test)")
            return
        }
        var source = Group()
        source.append(.text(TextNode("数据来源：临平区委宣传部（供图） 《推动“三大跃升” 迈进“三大高地”——高水平打造“数智临平” 高品质建设现代城区》",
                                     style: TextStyle(size: 14.25), at: Point(19, 30))))
        for page in [Fixtures.chartPage(), Page(size: Size(860, 50), root: source, background: .white)] {
            let outlines = String(decoding: try SVGWriter.render(page, idPrefix: "o"), as: UTF8.self)
            let noLayer = try SVGPixels.gray(outlines.replacing(SVGPixels.layer, with: ""))
            let shownLayer = try SVGPixels.gray(outlines.replacingOccurrences(of: #"fill-opacity="0""#, with: ##"fill-opacity="1" fill="#ff0000""##))
            let textMode = try SVGPixels.gray(String(decoding: try SVGWriter.render(page, idPrefix: "t", text: .text), as: UTF8.self))
            let withLayer = try SVGPixels.gray(outlines)
            #expect(SVGPixels.meanDifference(noLayer, withLayer) == 0, "the invisible layer changes no pixel")
            // Red text exactly over black outlines: little ink appears where no outline was.
            let stray = SVGPixels.inkOutside(shownLayer, reference: noLayer)
            #expect(stray < 0.02, "layer strays from the outlines: \(stray)")
            let moved = SVGPixels.meanDifference(noLayer, textMode)
            #expect(moved < 1.0, "text mode moved the labels: \(moved)")
        }
    }
}

/// SVG → outlines → PDF (librsvg) → 8-bit gray pixels (poppler), for comparing renderings of two SVGs.
enum SVGPixels {
    /// The transparent text layer of a `.outlines` SVG.
    nonisolated(unsafe) static let layer = #/<g fill-opacity="0" stroke="none"[^>]*>[\s\S]*<\/g>\n/#
    struct Gray { var width: Int; var height: Int; var pixels: [UInt8] }

    static var available: Bool {
        ["rsvg-convert", "pdftoppm"].allSatisfy { (try? ExternalTool.run("which", [$0]).status) == 0 }
    }

    static func gray(_ svg: String) throws -> Gray {
        let tmp = try TempDir(prefix: "svg-px")
        let path = try tmp.write(Array(svg.utf8), as: "in.svg")
        // librsvg first turns any <text> into glyph outlines (its own SVG output), so poppler
        // then fills paths on both sides of a comparison: its hinting of real text would
        // otherwise differ from its filling of outlines.
        let outlined = tmp.path("outlined.svg"), pdf = tmp.path("in.pdf")
        for (format, from, to) in [("svg", path, outlined), ("pdf", outlined, pdf)] {
            let r = try ExternalTool.run("rsvg-convert", ["-f", format, "-o", to, from])
            guard r.status == 0 else { throw Failure(message: r.all) }
        }
        let p = try ExternalTool.run("pdftoppm", ["-r", "144", "-gray", "-singlefile", pdf, tmp.path("out")])
        guard p.status == 0 else { throw Failure(message: p.all) }
        let data = [UInt8](try Data(contentsOf: tmp.file("out.pgm")))
        var fields: [Int] = [], i = 2, current = ""
        while fields.count < 3, i < data.count {
            let c = Character(UnicodeScalar(data[i]))
            if c.isWhitespace { if !current.isEmpty { fields.append(Int(current)!); current = "" } } else { current.append(c) }
            i += 1
        }
        return Gray(width: fields[0], height: fields[1], pixels: Array(data[i...]))
    }

    static func meanDifference(_ a: Gray, _ b: Gray) -> Double {
        guard a.width == b.width, a.height == b.height else { return .infinity }
        let total = zip(a.pixels, b.pixels).reduce(0) { $0 + abs(Int($1.0) - Int($1.1)) }
        return Double(total) / Double(max(a.pixels.count, 1))
    }

    /// Share of `image`'s ink (pixels darker than paper) where `reference` is blank paper.
    static func inkOutside(_ image: Gray, reference: Gray) -> Double {
        guard image.width == reference.width, image.height == reference.height else { return 1 }
        var ink = 0, stray = 0
        for (p, r) in zip(image.pixels, reference.pixels) where p < 200 {
            ink += 1
            if r > 250 { stray += 1 }
        }
        return Double(stray) / Double(max(ink, 1))
    }

    struct Failure: Error { var message: String }
}
