import Testing
import TestSupport
@testable import ReportData

/// `NoBreak.strip` removes word joiners by scalar; the result must equal removing them as
/// Characters, over random text of joiners, combining marks, emoji sequences and CJK.
@Suite struct NoBreakStripTests {
    static let pieces = ["\u{2060}", "a", "é", "e\u{301}", "\u{301}", "鎮", "５", "\u{200D}", "👩‍👩‍👧", "🇨🇳", "\r\n", "\n", " ",
                         "\u{2060}\u{2060}", "2022年", "\u{FE0F}"]

    @Test func scalarStripAgreesWithCharacterStrip() {
        var rng = SplitMix(seed: 0x0b7e_a4e5)
        for _ in 0..<5_000 {
            let text = (0..<rng.int(0...10)).map { _ in rng.pick(Self.pieces) }.joined()
            let stripped = NoBreak.strip(text)
            #expect(stripped == NoBreak.stripCharacters(text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
            #expect(Array(stripped.utf8) == Array(NoBreak.stripCharacters(text).utf8))
            #expect(NoBreak.strip(NoBreak.glue(text)) == NoBreak.stripCharacters(NoBreak.glue(text)))
        }
    }
}
