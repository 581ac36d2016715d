import Foundation
import Testing
@testable import ReportRender
import ReportScene

/// A left-aligned text narrower than its wrap width is answered from its one-line layout
/// (`NaturalLine`) instead of being shaped again. Whatever order the widths are asked in, the
/// metrics and the drawings must be Pango's own for each width.
struct NaturalLineTests {
    static let styles = [TextStyle(size: 8.5), TextStyle(size: 9, weight: .bold), TextStyle(size: 10.5, alignment: .justify),
                         TextStyle(size: 10, lineSpacing: 1.5, alignment: .justify, justifyLastLine: true),
                         TextStyle(size: 9, alignment: .center), TextStyle(size: 9, alignment: .right)]
    static let pieces = ["临平", "经济", "2022", "年", "5月15日", " ", "Linping", "（预计）", "—", "-", "co-operation",
                         "全省第一", "事件", "37", "、", "。", "ffi", "\u{2060}", "％", "  "]

    /// Pango's own metrics for a key, laid out on the environment's own layout (no cache, no shortcut).
    static func pango(_ key: LayoutKey) throws -> TextMetrics {
        let env = FontEnvironment.shared
        return try env.lock.withLock {
            env.setLanguage("zh-CN")
            let layout = try env.configure(key)
            return env.metrics(text: key.text, layout: layout)
        }
    }

    static func randomText(_ rng: inout some RandomNumberGenerator) -> String {
        (0..<Int.random(in: 1...7, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
    }

    @Test func everyOrderOfWidthsGivesPangosMetrics() throws {
        var rng = SystemRandomNumberGenerator()
        var aliased = 0
        for round in 0..<400 {
            let text = Self.randomText(&rng), style = Self.styles[round % Self.styles.count]
            let natural = try Self.pango(LayoutKey(text, style: style, wrapWidth: nil))
            // Widths around the natural one, including exactly it and a unit either side.
            var widths: [Double?] = [nil, natural.width, natural.width + 1 / 1024, natural.width - 1 / 1024,
                                     natural.width + 2 / 1024]
            widths += (0..<5).map { _ in natural.width * Double.random(in: 0.3...2.5, using: &rng) }
            widths.shuffle(using: &rng)
            let m = PangoTextMeasurer()
            for w in widths {
                let got = try m.measure(text, style: style, wrapWidth: w)
                #expect(got == (try Self.pango(LayoutKey(text, style: style, wrapWidth: w))), "\(text) \(style) \(String(describing: w))")
            }
            aliased += m.aliasCount
        }
        #expect(aliased > 400, "the shortcut was taken \(aliased) times")
    }

    @Test func onlyLeftAlignedLinesNarrowerThanTheWidthAreShared() {
        let line = TextMetrics(width: 50, height: 12, baseline: 10,
                               lines: [LineMetrics(text: "x", utf16Offset: 0, width: 50, top: 0, baseline: 10, height: 12)])
        let left = LayoutKey("x", style: TextStyle(size: 9), wrapWidth: nil)
        #expect(NaturalLine(line, of: left) != nil)
        #expect(NaturalLine(line, of: LayoutKey("x", style: TextStyle(size: 9), wrapWidth: 50)) == nil, "exactly as wide")
        #expect(NaturalLine(line, of: LayoutKey("x", style: TextStyle(size: 9), wrapWidth: 40)) == nil, "overflowing")
        #expect(NaturalLine(line, of: LayoutKey("x", style: TextStyle(size: 9), wrapWidth: 60)) != nil)
        #expect(NaturalLine(line, of: LayoutKey("x", style: TextStyle(size: 9, alignment: .center), wrapWidth: nil)) == nil)
        #expect(NaturalLine(line, of: LayoutKey("x", style: TextStyle(size: 9, alignment: .justify, justifyLastLine: true), wrapWidth: nil)) == nil)
        var two = line
        two.lines.append(two.lines[0])
        #expect(NaturalLine(two, of: left) == nil)
        let n = NaturalLine(line, of: left)!
        #expect(n.fits(nil) && n.fits(51) && !n.fits(50))
    }

    /// Texts drawn at wrap widths they fit draw the same bytes whether their layout was shaped
    /// for that width or shared from the unwrapped measurement.
    @Test func sharedLayoutsDrawAsTheirOwn() throws {
        var rng = SystemRandomNumberGenerator()
        var root = Group(name: "texts")
        var nodes: [TextNode] = []
        let probe = PangoTextMeasurer()
        // Each text once per style: a text measured again at another width it fits would be an
        // alias in the measurer that shapes every width too.
        var seen = Set<String>()
        for i in 0..<40 {
            var text = Self.randomText(&rng)
            while !seen.insert("\(i % 3) \(text)").inserted { text = Self.randomText(&rng) }
            let style = Self.styles[i % 3]
            let natural = try probe.measure(text, style: style, wrapWidth: nil).width
            let node = TextNode(text, style: style, at: Point(10 + Double(i % 2) * 200, 12 + 14 * Double(i / 2)),
                                anchor: .topLeft, wrapWidth: natural + Double.random(in: 1...60, using: &rng))
            nodes.append(node)
            root.append(.text(node))
        }
        let page = Page(size: Size(420, 320), root: root, background: .white)
        let doc = Document(info: DocumentInfo(title: "自然行"), pages: [page])
        func outputs(_ m: PangoTextMeasurer) throws -> [[UInt8]] {
            [try SVGWriter.render(page, idPrefix: "n", measurer: m), try PNGWriter.render(page, scale: 1, measurer: m),
             try PDFWriter.render(doc, measurer: m)]
        }
        let shared = PangoTextMeasurer()
        for n in nodes { _ = try shared.measure(n.text, style: n.style, wrapWidth: nil) }
        for n in nodes { _ = try shared.measure(n.text, style: n.style, wrapWidth: n.wrapWidth) }
        #expect(shared.aliasCount == nodes.count)
        let own = PangoTextMeasurer()
        for n in nodes { _ = try own.measure(n.text, style: n.style, wrapWidth: n.wrapWidth) }
        #expect(own.aliasCount == 0)
        let a = try outputs(shared), b = try outputs(own)
        #expect(a[0] == b[0], "SVG")
        #expect(a[1] == b[1], "PNG")
        #expect(a[2] == b[2], "PDF")
    }
}
