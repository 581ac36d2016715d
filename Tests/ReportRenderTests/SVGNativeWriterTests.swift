import Foundation
@testable import ReportRender
import ReportScene
import TestSupport
import Testing

/// The SVG writer that writes the scene itself: numbers, escaping, the process-wide glyph
/// outlines, the fallback to Cairo, and the picture compared with Cairo's SVG.
@Suite struct SVGNativeWriterTests {
    static func native(_ page: Page, prefix: String = "n", mode: SVGTextMode = .outlines,
                       glyphs: SVGGlyphCache = .shared) throws -> [UInt8]? {
        let lines = try SVGTextLayer.lines(in: page.root, measurer: PangoTextMeasurer.shared)
        let layer = Array(SVGTextLayer.markup(lines, mode: mode, language: "zh-CN").utf8)
        return try SVGDocumentWriter.render(page, idPrefix: prefix, text: mode, measurer: .shared, layer: layer, glyphs: glyphs)
    }

    static func string(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    @Test func numbersAreFixedDecimalsTrimmed() {
        func f(_ v: Double, _ d: Int) -> String {
            var b = SVGBuffer()
            b.number(v, decimals: d)
            return Self.string(b.bytes)
        }
        #expect(f(0, 3) == "0")
        #expect(f(-0.0, 3) == "0")
        #expect(f(-0.0004, 3) == "0")
        #expect(f(12, 3) == "12")
        #expect(f(1.5, 3) == "1.5")
        #expect(f(-2.25, 4) == "-2.25")
        #expect(f(0.0625, 3) == "0.063")
        #expect(f(0.001, 3) == "0.001")
        #expect(f(100.10, 2) == "100.1")
        #expect(f(1234567.891, 0) == "1234568")
        #expect(f(0.01425, 8) == "0.01425")
        var b = SVGBuffer()
        b.number(.nan, decimals: 3)
        #expect(b.sawNonFinite)
    }

    /// Thousands of random values: what is written parses back within half a unit of the last
    /// decimal, has no exponent and no trailing zero after the point.
    @Test func numbersRoundTripWithinHalfAUnit() {
        var rng = SplitMix(seed: 20)
        for _ in 0..<20_000 {
            let d = rng.int(0...8)
            let magnitude = pow(10.0, Double(rng.int(-6...7)))
            let v = (Double(rng.int(0...2_000_000)) / 1_000_000 - 1) * magnitude
            var b = SVGBuffer()
            b.number(v, decimals: d)
            let s = Self.string(b.bytes)
            let back = Double(s)
            #expect(back != nil && abs(back! - v) <= 0.5 * pow(10, -Double(d)) * (1 + 1e-9) + abs(v) * 1e-15, "\(v) \(d) → \(s)")
            #expect(!s.contains("e") && !(s.contains(".") && s.hasSuffix("0")) && s != "-0", "\(s)")
        }
    }

    @Test func coloursAreHex() {
        var b = SVGBuffer()
        b.hex(Color(hex: "#0072B2")!)
        b.hex(Color(red: 2, green: -1, blue: 0.5))
        #expect(Self.string(b.bytes) == "#0072b2#ff0080")
    }

    /// Markup characters in labels, controls, quotes and a prefix with dots: the file parses as
    /// XML, the labels come back as written, every reference resolves to a prefixed id.
    @Test func hostileTextStaysWellFormed() throws {
        var root = Group()
        let hostile = ["A&B <c> \"d\" 'e'", "]]> <!-- x --> &amp;", "临平区“数智”<b>", "tab\there"]
        for (i, text) in hostile.enumerated() {
            root.append(.text(TextNode(text, style: Fixtures.body, at: Point(10, 20 + 20 * Double(i)))))
        }
        let page = Page(size: Size(300, 120), root: root, background: .white)
        for mode in SVGTextMode.allCases {
            let svg = try #require(try Self.native(page, prefix: "x.y_z-1", mode: mode))
            let tmp = try TempDir(prefix: "svg-native")
            let path = try tmp.write(svg, as: "x.svg")
            let script = """
            import sys, xml.etree.ElementTree as E
            t = E.parse(sys.argv[1]); ns = '{http://www.w3.org/2000/svg}'
            ids = {e.get('id') for e in t.iter() if e.get('id')}
            refs = [e.get('{http://www.w3.org/1999/xlink}href')[1:] for e in t.iter(ns + 'use')]
            assert all(i.startswith('x.y_z-1-') for i in ids), ids
            assert set(refs) <= ids, set(refs) - ids
            print('|'.join(''.join(e.itertext()) for e in t.iter(ns + 'text')))
            """
            let parsed = try ExternalTool.run("python3", ["-c", script, path])
            #expect(parsed.status == 0, "\(parsed.all)")
            #expect(parsed.stdout == hostile.joined(separator: "|") + "\n", "\(mode)")
        }
    }

    @Test func structureOfTheDocument() throws {
        let svg = Self.string(try #require(try Self.native(Fixtures.chartPage(), prefix: "c")))
        #expect(svg.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"300pt\" height=\"200pt\" viewBox=\"0 0 300 200\" version=\"1.1\">\n<defs>\n"))
        #expect(svg.contains("<clipPath id=\"c-"), "the translucent group's clip")
        #expect(svg.contains(" opacity=\"0.5\""))
        #expect(svg.contains("stroke-dasharray=\"6 3\""))
        #expect(svg.contains("stroke-linecap=\"round\" stroke-linejoin=\"round\""))
        #expect(svg.contains("A8 8 0 0 1 "), "rounded corners as arcs")
        #expect(!svg.contains("glyph") && !svg.contains("surface"), "no Cairo names")
        // Each distinct glyph is defined once.
        let defined = svg.matches(of: /<path id="([^"]+)" d=/).map { String($0.output.1) }
        #expect(Set(defined).count == defined.count && defined.count >= 10)
    }

    /// Outlines are taken from Cairo once per process: a second page with the same characters
    /// (another size, another prefix) takes none, a page with new characters only those.
    @Test func glyphOutlinesAreReusedAcrossPagesAndSizes() throws {
        let cache = SVGGlyphCache()
        func page(_ text: String, size: Double) -> Page {
            Page(size: Size(300, 60), root: Group([.text(TextNode(text, style: TextStyle(size: size), at: Point(5, 40)))]))
        }
        _ = try #require(try Self.native(page("临平区集体收入", size: 12), glyphs: cache))
        let first = cache.extracted
        #expect(first == 7)
        let again = try #require(try Self.native(page("收入临平区集体", size: 30), prefix: "other", glyphs: cache))
        #expect(cache.extracted == first, "same glyphs at another size: nothing new")
        _ = try #require(try Self.native(page("临平新区", size: 9), glyphs: cache))
        #expect(cache.extracted == first + 1, "only 新 is new")
        #expect(Self.string(again).matches(of: /<path id=/).count == 7)
    }

    /// Many threads sharing one fresh cache write the bytes a serial render writes.
    @Test func concurrentRendersShareTheCacheAndMatchSerial() async throws {
        let labels = (0..<12).map { "并发 \($0) 临平区村级集体经营性收入 Linping \($0 * 7)" }
        let serialCache = SVGGlyphCache()
        let serial = try labels.map { try #require(try Self.native(Fixtures.chartPage(label: $0), glyphs: serialCache)) }
        let shared = SVGGlyphCache()
        let parallel = try await withThrowingTaskGroup(of: (Int, [UInt8]).self) { group in
            for (i, label) in labels.enumerated() {
                group.addTask { (i, try #require(try Self.native(Fixtures.chartPage(label: label), glyphs: shared))) }
            }
            var out = [[UInt8]](repeating: [], count: labels.count)
            for try await (i, bytes) in group { out[i] = bytes }
            return out
        }
        #expect(parallel == serial)
        #expect(shared.extracted == serialCache.extracted)
    }

    @Test func engineFromTheEnvironment() {
        #expect(SVGWriter.Engine(environment: nil) == .native)
        #expect(SVGWriter.Engine(environment: "native") == .native)
        #expect(SVGWriter.Engine(environment: "cairo") == .cairo)
    }

    /// Colour emoji have no outlines: such a page is Cairo's SVG, selected automatically.
    @Test func colourGlyphsFallBackToCairo() throws {
        guard PangoTextMeasurer.shared.isInstalled(family: "Noto Color Emoji") else {
            print("skipped: Noto Color Emoji not installed")
            return
        }
        let root = Group([.text(TextNode("临平 😀", style: TextStyle(family: "Noto Sans CJK SC, Noto Color Emoji", size: 12), at: Point(5, 20)))])
        let page = Page(size: Size(100, 30), root: root, background: .white)
        #expect(try Self.native(page) == nil)
        let auto = try SVGWriter.render(page, idPrefix: "e", text: .outlines, measurer: .shared, engine: .native)
        let cairo = try SVGWriter.render(page, idPrefix: "e", text: .outlines, measurer: .shared, engine: .cairo)
        #expect(auto == cairo)
        #expect(try Self.native(Fixtures.chartPage()) != nil, "plain CJK text is drawn natively")
    }

    @Test func nonFiniteGeometryFallsBackToCairo() throws {
        let root = Group([.rect(RectNode(Rect(x: .nan, y: 0, width: 10, height: 10), fill: .black))])
        #expect(try Self.native(Page(size: Size(50, 50), root: root)) == nil)
    }

    @Test func invalidDashesAreRejectedAsByCairo() {
        let root = Group([.path(.line(from: Point(0, 0), to: Point(10, 0), stroke: Stroke(color: .black, dash: [0, 0])))])
        #expect(throws: RenderError.invalidDash([0, 0])) { try Self.native(Page(size: Size(50, 50), root: root)) }
    }

    /// Hard cases for the picture: long Latin and CJK labels, wrapped and aligned text, dashes
    /// and caps, translucent fills and strokes, nested transforms and clips, rounded corners,
    /// batches of bars.
    static func hardPage() -> Page {
        var root = Group()
        let long = "数据来源：临平区统计局《2022年国民经济和社会发展统计公报》，Linping District Statistics Bureau (preliminary)"
        root.append(.text(TextNode(long, style: TextStyle(size: 9.5), at: Point(10, 18))))
        root.append(.text(TextNode("临平区“未来工厂”与数字经济核心产业增加值同比增长12.3%（预计），位居全市前列。" + long,
                                   style: TextStyle(size: 11, alignment: .justify), at: Point(10, 30), anchor: .topLeft, wrapWidth: 280)))
        root.append(.text(TextNode("右对齐 Right aligned 6.78亿元", style: TextStyle(size: 13, weight: .bold, color: Color(hex: "#D55E00")!.withAlpha(0.7), alignment: .right),
                                   at: Point(590, 30), anchor: TextAnchor(.end, .top), wrapWidth: 200)))
        for (i, dash) in [[4.0, 2], [1, 3, 5], [0, 4]].enumerated() {
            root.append(.path(PathNode([.move(Point(320, 60 + 12 * Double(i))), .line(Point(580, 70 + 12 * Double(i)))],
                                       stroke: Stroke(color: .black, width: 2.5, dash: dash, dashOffset: Double(i), cap: [.butt, .round, .square][i]))))
        }
        var bars = Group(transform: .translate(300, 120), clip: Rect(x: 0, y: 0, width: 250, height: 130))
        for i in 0..<40 {
            let h = Double((i * 37) % 100) + 20
            bars.append(.rect(RectNode(Rect(x: Double(i) * 7, y: 130 - h, width: 5.5, height: h), fill: Color(hex: "#0072B2")!)))
        }
        root.append(.group(bars))
        root.append(.group(Group([
            .rect(RectNode(Rect(x: 0, y: 0, width: 120, height: 60), cornerRadius: 12, fill: Color(hex: "#009E73")!.withAlpha(0.6),
                           stroke: Stroke(color: Color(hex: "#CC79A7")!.withAlpha(0.8), width: 4, join: .bevel))),
            .path(PathNode([.move(Point(10, 50)), .line(Point(60, 5)), .line(Point(110, 50))], stroke: Stroke(color: .black, width: 6, join: .miter))),
            .group(Group([.text(TextNode("旋转标签 Rotated", style: TextStyle(size: 10), at: .zero))],
                         transform: Transform.rotate(degrees: -35).then(.translate(30, 45)), opacity: 0.8)),
        ], transform: Transform.scale(1.2, 0.9).then(.translate(40, 150)), opacity: 0.9)))
        return Page(size: Size(600, 280), root: root, background: Color(hex: "#FAFAF5")!)
    }

    /// Native and Cairo SVGs of the same scenes, rasterised by librsvg (through PDF, at 2×):
    /// the same picture up to anti-aliasing. The limits: mean difference under 0.5/255, and
    /// under 0.5% of pixels off by more than 64/255 (edges of glyphs and shapes land a
    /// fraction of a pixel apart: Cairo rounds positions to 1/256 pt and outlines to 1/64 of a
    /// unit at the label's size, the native writer to 1/2000 pt and 1/100 000 em).
    @Test func samePictureAsCairo() throws {
        guard SVGPixels.available else {
            print("skipped: rsvg-convert or pdftoppm missing (scripts/install-deps.sh --test)")
            return
        }
        for (name, page) in [("chart", Fixtures.chartPage()), ("hard", Self.hardPage())] {
            for mode in SVGTextMode.allCases {
                let cairo = try SVGWriter.render(page, idPrefix: "o", text: mode, measurer: .shared, engine: .cairo)
                let native = try #require(try Self.native(page, prefix: "o", mode: mode))
                let a = try SVGPixels.gray(Self.string(cairo)), b = try SVGPixels.gray(Self.string(native))
                let mean = SVGPixels.meanDifference(a, b)
                let off = zip(a.pixels, b.pixels).filter { abs(Int($0.0) - Int($0.1)) > 64 }.count
                let share = Double(off) / Double(max(a.pixels.count, 1))
                #expect(mean < 0.5, "\(name) \(mode): mean difference \(mean)")
                #expect(share < 0.005, "\(name) \(mode): \(off) pixels differ")
            }
        }
    }
}
