import Testing
@testable import ReportComposer
import ReportData
import ReportScene

/// Issue 13: a number and its unit are never split across lines. Thousands of random paragraphs,
/// with figures glued as the binder glues them, laid out at random widths with the fixed measurer.
@Suite struct NoSplitFigureTests {
    let measurer = FixedTextMeasurer()
    static let figures = ["近5.8万元", "超过860万元", "860余万元", "1.58:1", "21.9%", "48705元", "4.8705万元",
                          "1200余家", "3万余条", "预计12万份", "5万元左右", "3–5万元", "30%–40%", "0.38个百分点",
                          "2022年5月15日", "6.78亿元", "267.83公里"]
    static let filler = Array("全区合作社经营收入村均帮扶资金农村居民人均可支配收入城乡比，。、")

    struct Rng { var s: UInt64; mutating func next(_ n: Int) -> Int { s = s &* 6364136223846793005 &+ 1442695040888963407; return Int((s >> 33) % UInt64(n)) } }

    @Test func gluedFiguresStayOnOneLine() throws {
        var rng = Rng(s: 13)
        var cut = 0
        for _ in 0..<3000 {
            var text = "", placed: [String] = []
            for _ in 0..<(1 + rng.next(6)) {
                text += String((0..<rng.next(12)).map { _ in Self.filler[rng.next(Self.filler.count)] })
                let f = Self.figures[rng.next(Self.figures.count)]
                placed.append(f); text += NoBreak.glue(f)
            }
            let size = 10.0 + Double(rng.next(5))
            let format = ParagraphFormat(style: TextStyle(size: size, alignment: .justify), indent: "\u{3000}\u{3000}",
                                         leftInset: 0, spaceBefore: 0, keepWithNext: false)
            // Wide enough for the longest figure (7.2 em), narrow enough to wrap often.
            let width = size * (8 + Double(rng.next(20)))
            let p = try ParagraphLayout(text, format: format, columnWidth: width, measurer: measurer)
            // No character is lost, and each line fits (closing punctuation may hang).
            #expect(p.lines.map(\.text).joined() == p.text)
            for l in p.lines {
                var body = Substring(l.text)
                while let c = body.last, FixedTextMeasurer.noLineStart.contains(c) { body = body.dropLast() }
                let w = body.reduce(0) { $0 + FixedTextMeasurer.advance(of: $1, size: size) }
                #expect(w <= width + 1e-6, "\(l.text) \(w) > \(width)")
            }
            // Every figure is whole on some line, and no line break falls between two glued characters.
            let lines = p.lines.map { NoBreak.strip($0.text) }
            for f in placed { #expect(lines.contains { $0.contains(f) }, "\(f) split in \(lines)") }
            for (a, b) in zip(p.lines, p.lines.dropFirst()) {
                #expect(a.text.last != NoBreak.joiner && b.text.first != NoBreak.joiner)
            }
            cut += p.lines.count - 1
        }
        #expect(cut > 3000)  // the widths did make lines wrap, often
    }

    /// Table cells and the appendix take the same glue; a narrow cell moves the figure down whole.
    @Test func narrowCellKeepsTheFigureWhole() throws {
        let style = TextStyle(size: 10)
        let m = try measurer.measure("帮扶资金" + NoBreak.glue("超过860万元"), style: style, wrapWidth: 75)
        #expect(m.lines.map { NoBreak.strip($0.text) } == ["帮扶资金", "超过860万元"])
    }
}
