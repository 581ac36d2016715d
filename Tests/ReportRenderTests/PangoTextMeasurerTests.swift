import ReportRender
import ReportScene
import Testing

/// Metrics of real Pango layouts: line breaking, offsets, spacing, weights, caching, threads.
private let measurer = PangoTextMeasurer.shared
private let paragraph = "2022年，临平区实现地区生产总值（GDP）1000亿元以上，村级集体经营性收入6.78亿元，“未来工厂”建设加快推进。"

@Test func chineseGlyphsAreOneEmWide() throws {
    let m = try measurer.measure("临平区", style: TextStyle(size: 10), wrapWidth: nil)
    #expect(abs(m.width - 30) < 0.01)
    #expect(m.lines.count == 1 && m.baseline > 0 && m.baseline < m.height)
}

@Test func wrappingRespectsWidthAndTracksOffsets() throws {
    let m = try measurer.measure(paragraph, style: TextStyle(size: 10), wrapWidth: 120)
    #expect(m.lines.count > 3)
    #expect(m.lines.allSatisfy { $0.width <= 120 + 1e-6 })
    #expect(m.lines.map(\.text).joined() == paragraph)
    let utf16 = Array(paragraph.utf16)
    for line in m.lines {
        #expect(String(decoding: utf16[line.utf16Offset..<line.utf16Offset + line.text.utf16.count], as: UTF16.self) == line.text)
    }
    // Chinese line-breaking rules: no line starts with closing punctuation.
    #expect(m.lines.dropFirst().allSatisfy { !"，。、；：？！）”》".contains($0.text.first!) })
    // Lines stack: each line's top is the previous one's bottom, and the heights add up.
    for (a, b) in zip(m.lines, m.lines.dropFirst()) { #expect(abs(b.top - (a.top + a.height)) < 0.01) }
    #expect(abs(m.height - m.lines.map(\.height).reduce(0, +)) < 0.01)
}

@Test func explicitNewlinesStartLines() throws {
    let m = try measurer.measure("第一行\n第二行更长", style: TextStyle(size: 10), wrapWidth: nil)
    #expect(m.lines.map(\.text) == ["第一行", "第二行更长"])
    #expect(m.lines.map(\.utf16Offset) == [0, 4])
    #expect(abs(m.width - 50) < 0.01)
}

@Test func lineSpacingScalesLineAdvance() throws {
    let natural = try measurer.measure(paragraph, style: TextStyle(size: 10), wrapWidth: 120)
    let loose = try measurer.measure(paragraph, style: TextStyle(size: 10, lineSpacing: 1.5), wrapWidth: 120)
    #expect(loose.lines.count == natural.lines.count)
    #expect(loose.height > natural.height * 1.3)
}

@Test func boldIsWiderForLatin() throws {
    let regular = try measurer.measure("Linping 2022", style: TextStyle(size: 10), wrapWidth: nil)
    let bold = try measurer.measure("Linping 2022", style: TextStyle(size: 10, weight: .bold), wrapWidth: nil)
    #expect(bold.width > regular.width)
}

@Test func justifiedLinesFillTheWidth() throws {
    let m = try measurer.measure(paragraph, style: TextStyle(size: 10, alignment: .justify), wrapWidth: 125)
    #expect(m.lines.dropLast().allSatisfy { abs($0.width - 125) < 0.05 })
    let last = try measurer.measure(paragraph, style: TextStyle(size: 10, alignment: .justify, justifyLastLine: true), wrapWidth: 125)
    #expect(abs(last.lines.last!.width - 125) < 0.05)
}

@Test func emptyTextHasOneEmptyLine() throws {
    let m = try measurer.measure("", style: TextStyle(size: 10), wrapWidth: nil)
    #expect(m.width == 0 && m.lines.count == 1 && m.height > 0)
}

@Test func measurementsAreCached() throws {
    let own = PangoTextMeasurer()
    _ = try own.measure("缓存", style: TextStyle(size: 9), wrapWidth: nil)
    _ = try own.measure("缓存", style: TextStyle(size: 9, color: .white), wrapWidth: nil)
    #expect(own.cachedCount == 1, "colour does not affect layout, so it shares the entry")
    _ = try own.measure("缓存", style: TextStyle(size: 9), wrapWidth: 5)
    #expect(own.cachedCount == 2)
}

@Test func concurrentMeasuringMatchesSerial() async throws {
    let texts = (0..<40).map { "第\($0)项 Linping \($0 * 7)亿元" }
    let serial = try texts.map { try PangoTextMeasurer().measure($0, style: TextStyle(size: 9), wrapWidth: 60) }
    let shared = PangoTextMeasurer()
    let parallel = try await withThrowingTaskGroup(of: (Int, TextMetrics).self) { group in
        for (i, t) in texts.enumerated() { group.addTask { (i, try shared.measure(t, style: TextStyle(size: 9), wrapWidth: 60)) } }
        var out = [TextMetrics?](repeating: nil, count: texts.count)
        for try await (i, m) in group { out[i] = m }
        return out.compactMap { $0 }
    }
    #expect(parallel == serial)
}
