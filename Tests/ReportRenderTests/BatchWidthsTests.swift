import ReportRender
import ReportScene
import Testing

/// `PangoTextMeasurer.widths(of:)` (many short texts as the paragraphs of one layout) gives each
/// text exactly the width one measurement of it gives: random characters of the kinds the
/// timeline's floors and key letters measure, in several styles, and texts with no glyph.
@Suite struct BatchWidthsTests {
    static let pool: [Character] = Array("临平区共富发展项目事件年月日村级集体经营性收入") + Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefgxyz")
        + Array("（）：，。％") + ["Ａ", "１", "—", "·"]

    @Test func batchWidthsEqualSingleMeasurements() throws {
        var rng = SystemRandomNumberGenerator()
        let styles = [TextStyle(size: 9), TextStyle(size: 8.5, weight: .bold), TextStyle(size: 13.25),
                      TextStyle(family: "Noto Serif CJK SC", size: 10.5)]
        for round in 0..<60 {
            let style = styles[round % styles.count]
            let count = Int.random(in: 2...40, using: &rng)
            let texts = (0..<count).map { _ -> String in
                String((0..<Int.random(in: 1...3, using: &rng)).map { _ in Self.pool.randomElement(using: &rng)! })
            }
            // Batch first (a fresh measurer: no text is cached), then one by one in another.
            let batch = PangoTextMeasurer().widths(of: texts, style: style)
            let single = PangoTextMeasurer()
            let each = try texts.map { try single.measure($0, style: style, wrapWidth: nil).width }
            #expect(batch.map { $0 ?? -1 } == each, "round \(round): \(texts)")
        }
    }

    @Test func aTextWithoutGlyphsIsNilAndTheOthersStillMeasured() throws {
        let m = PangoTextMeasurer()
        let texts = ["事", "\u{E000}", "件", "A"]
        let batch = m.widths(of: texts, style: TextStyle(size: 9))
        #expect(batch[1] == nil)
        for i in [0, 2, 3] { #expect(batch[i] == (try m.measure(texts[i], style: TextStyle(size: 9), wrapWidth: nil).width)) }
    }

    /// The cache answers what it holds and asks its base for the rest, in order.
    @Test func cachingMeasurerMixesRememberedAndNew() throws {
        let base = PangoTextMeasurer()
        let cache = CachingTextMeasurer(base)
        let style = TextStyle(size: 9)
        _ = try cache.measure("年", style: style, wrapWidth: nil)
        let texts = ["月", "年", "日", "A"]
        let got = cache.widths(of: texts, style: style)
        #expect(got.map { $0 ?? -1 } == (try texts.map { try base.measure($0, style: style, wrapWidth: nil).width }))
    }
}
