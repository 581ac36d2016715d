/// A deterministic measurer with fixed advances, for geometry tests without a font engine:
/// CJK and full-width characters advance 1 em, others 0.55 em; the line height is 1.2 em
/// (times `lineSpacing`) with the baseline at 0.9 em. Wraps greedily per character and never
/// starts a line with closing punctuation, like Pango does for Chinese.
public struct FixedTextMeasurer: TextMeasurer {
    public init() {}

    public static func advance(of c: Character, size: Double) -> Double {
        guard let s = c.unicodeScalars.first else { return 0 }
        let v = s.value
        let wide = (0x2E80...0x9FFF).contains(v) || (0xF900...0xFAFF).contains(v)
            || (0xFF00...0xFF60).contains(v) || (0x3000...0x303F).contains(v)
            || (0x20000...0x3FFFF).contains(v) || (0x2018...0x201D).contains(v)
        return size * (wide ? 1.0 : 0.55)
    }

    static let noLineStart: Set<Character> = ["，", "。", "、", "；", "：", "？", "！", "）", "」", "』", "”", "’", "》", "〉", "】", ",", ".", ")", ";", ":", "%", "％"]

    public func measure(_ text: String, style: TextStyle, wrapWidth: Double?) throws -> TextMetrics {
        let lineHeight = style.size * 1.2 * style.lineSpacing
        let baseline = style.size * 0.9 + (lineHeight - style.size * 1.2) / 2
        var lines: [(String, Int, Double)] = []
        var offset = 0
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var current = "", width = 0.0, start = offset
            for c in paragraph {
                let adv = Self.advance(of: c, size: style.size)
                if let w = wrapWidth, width + adv > w + 1e-9, !current.isEmpty, !Self.noLineStart.contains(c) {
                    lines.append((current, start, width))
                    start += current.utf16.count
                    current = ""; width = 0
                }
                current.append(c); width += adv
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
