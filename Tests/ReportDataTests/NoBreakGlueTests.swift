import Testing
import TestSupport
@testable import ReportData

/// `NoBreak.glue` puts a word joiner between every two characters (none beside a joiner),
/// whatever the text holds (joiners already, combining marks, emoji sequences, CR LF).
@Suite struct NoBreakGlueTests {
    static let pieces = ["亿", "元", "6", ".", "78", "\u{2060}", "e\u{301}", "\u{301}", "👩‍👩‍👧", "🇨🇳", "\r\n", " ", "a", "余"]

    /// The definition, asking the output for its last character each time.
    static func reference(_ s: String) -> String {
        var out = ""
        for (i, c) in s.enumerated() {
            if i > 0, c != NoBreak.joiner, out.last != NoBreak.joiner { out.append(NoBreak.joiner) }
            out.append(c)
        }
        return out
    }

    @Test func agreesWithTheDefinition() {
        var rng = SplitMix(seed: 0x6_10e)
        for _ in 0..<5_000 {
            let s = (0..<rng.int(0...10)).map { _ in rng.pick(Self.pieces) }.joined()
            let glued = NoBreak.glue(s)
            #expect(glued == Self.reference(s), "\(s.unicodeScalars.map { String($0.value, radix: 16) })")
            #expect(NoBreak.strip(glued) == NoBreak.strip(s))
            // No two characters other than joiners stand side by side.
            let chars = Array(glued)
            #expect(!zip(chars, chars.dropFirst()).contains { $0 != NoBreak.joiner && $1 != NoBreak.joiner })
        }
    }
}
