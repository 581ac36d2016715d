import ReportRender
import ReportScene
import Testing

/// Text that cannot be drawn faithfully fails loudly, naming the text and the font, instead of
/// drawing boxes or silently substituting another family.
@Test func missingGlyphNamesTextAndCodePoint() throws {
    let text = "收入\u{E000}亿元"
    do {
        _ = try PangoTextMeasurer.shared.measure(text, style: Fixtures.body, wrapWidth: nil)
        Issue.record("expected missingGlyphs")
    } catch let error as RenderError {
        guard case let .missingGlyphs(t, family, codePoints) = error else { Issue.record("wrong error \(error)"); return }
        #expect(t == text && family == Fonts.sans && codePoints == [0xE000])
        #expect(error.description.contains(text) && error.description.contains("U+E000") && error.description.contains(Fonts.sans))
    }
}

@Test func unassignedCodePointIsMissingToo() {
    #expect(throws: RenderError.self) { try PangoTextMeasurer.shared.measure("\u{0378}", style: Fixtures.body, wrapWidth: nil) }
}

@Test func unknownFamilyIsAnError() {
    let style = TextStyle(family: "Comic Neue Imaginary", size: 10)
    #expect(throws: RenderError.unknownFontFamily(family: "Comic Neue Imaginary", text: "临平")) {
        try PangoTextMeasurer.shared.measure("临平", style: style, wrapWidth: nil)
    }
    // Drawing goes through the same check.
    let page = Page(size: Size(50, 20), root: Group([.text(TextNode("临平", style: style, at: Point(0, 15)))]))
    #expect(throws: RenderError.self) { try PNGWriter.render(page) }
}

@Test func familyLookupIsCaseInsensitive() throws {
    let lower = try PangoTextMeasurer.shared.measure("临平", style: TextStyle(family: "noto sans cjk sc", size: 10), wrapWidth: nil)
    let exact = try PangoTextMeasurer.shared.measure("临平", style: TextStyle(size: 10), wrapWidth: nil)
    #expect(lower == exact)
}

@Test func installedFamiliesAreReported() {
    #expect(PangoTextMeasurer.shared.isInstalled(family: Fonts.sans))
    #expect(PangoTextMeasurer.shared.isInstalled(family: "NOTO SERIF CJK SC, sans-serif"))
    #expect(!PangoTextMeasurer.shared.isInstalled(family: "Noto Sans CJK SC, Nonexistent Sans"))
}

@Test func nonPositiveFontSizeIsAnError() {
    #expect(throws: RenderError.invalidFontSize(0, text: "零")) {
        try PangoTextMeasurer.shared.measure("零", style: TextStyle(size: 0), wrapWidth: nil)
    }
}
