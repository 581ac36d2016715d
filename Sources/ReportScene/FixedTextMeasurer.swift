/// A deterministic measurer with fixed advances, for geometry tests without a font engine:
/// CJK and full-width characters advance 1 em, others 0.55 em; the line height is 1.2 em
/// (times `lineSpacing`) with the baseline at 0.9 em. Wraps greedily per character and never
/// starts a line with closing punctuation, like Pango does for Chinese. U+2060 WORD JOINER has no
/// advance and forbids a break on either side: a glued run moves to the next line whole.
public struct FixedTextMeasurer: TextMeasurer {
    public init() {}

    /// Advance width of `c` at `size`: 1 em for CJK and full-width characters, 0.55 em for others, 0 for U+2060.
    public static func advance(of c: Character, size: Double) -> Double {
        guard let s = c.unicodeScalars.first else { return 0 }
        let v = s.value
        if v == 0x2060 { return 0 }
        let wide = (0x2E80...0x9FFF).contains(v) || (0xF900...0xFAFF).contains(v)
            || (0xFF00...0xFF60).contains(v) || (0x3000...0x303F).contains(v)
            || (0x20000...0x3FFFF).contains(v) || (0x2018...0x201D).contains(v)
        return size * (wide ? 1.0 : 0.55)
    }

    static let joiner: Character = "\u{2060}"

    public static let noLineStart: Set<Character> = ["，", "。", "、", "；", "：", "？", "！", "）", "」", "』", "”", "’", "》", "〉", "】", ",", ".", ")", ";", ":", "%", "％"]

    public func measure(_ text: String, style: TextStyle, wrapWidth: Double?) throws -> TextMetrics {
        let lineHeight = style.size * 1.2 * style.lineSpacing
        let baseline = style.size * 0.9 + (lineHeight - style.size * 1.2) / 2
        var lines: [(String, Int, Double)] = []
        var offset = 0
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var current = "", width = 0.0, start = offset
            // Where the current line may be cut: character count, UTF-16 length and width before it.
            var lastCut: (chars: Int, utf16: Int, width: Double)?
            var prev: Character?
            for c in paragraph {
                let adv = Self.advance(of: c, size: style.size)
                let glued = c == Self.joiner || prev == Self.joiner
                if let w = wrapWidth, width + adv > w + 1e-9, !current.isEmpty, !Self.noLineStart.contains(c) {
                    if !glued {
                        lines.append((current, start, width))
                        start += current.utf16.count
                        current = ""; width = 0; lastCut = nil
                    } else if let cut = lastCut, cut.chars > 0 {
                        // Move the glued run that does not fit to the next line.
                        let head = String(current.prefix(cut.chars))
                        lines.append((head, start, cut.width))
                        start += cut.utf16
                        current = String(current.dropFirst(cut.chars)); width -= cut.width; lastCut = nil
                    }
                }
                if !glued && !current.isEmpty && !Self.noLineStart.contains(c) {
                    lastCut = (current.count, current.utf16.count, width)
                }
                current.append(c); width += adv; prev = c
            }
            lines.append((current, start, width))
            offset += paragraph.utf16.count + 1
        }
        let metrics = lines.enumerated().map { i, l in
            LineMetrics(text: l.0, utf16Offset: l.1, width: l.2, top: Double(i) * lineHeight,
                        baseline: Double(i) * lineHeight + baseline, height: lineHeight)
        }
        return TextMetrics(width: metrics.map(\.width).max() ?? 0, height: Double(metrics.count) * lineHeight,
                           baseline: baseline, lines: metrics)
    }
}
