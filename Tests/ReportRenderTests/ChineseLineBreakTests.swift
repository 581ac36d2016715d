import Foundation
import Testing
import ReportRender
import ReportScene

/// Pango's Chinese line breaking, as the composer relies on it: no line of a justified body
/// paragraph starts with closing punctuation, and the lines together are the whole text.
@Suite struct ChineseLineBreakTests {
    static let article: [String] = {
        // The default template's own copy of the article (the repository root is three levels up).
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
            .appendingPathComponent("Templates/linping-annual/data/source.txt")
        let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").map(String.init).filter { $0.count > 60 }
    }()
    static let closing: Set<Character> = ["，", "。", "、", "；", "：", "？", "！", "）", "」", "』", "”", "》", ",", ".", ")", ";", ":"]

    @Test(arguments: [200.0, 333.0, 481.0])
    func noLineStartsWithClosingPunctuation(width: Double) throws {
        #expect(Self.article.count >= 20, "the article was not found in the default template")
        let style = TextStyle(family: Fonts.serif, size: 10.5, lineSpacing: 1.6, alignment: .justify)
        for paragraph in Self.article {
            let m = try PangoTextMeasurer.shared.measure("\u{3000}\u{3000}" + paragraph, style: style, wrapWidth: width)
            #expect(m.lines.map(\.text).joined() == "\u{3000}\u{3000}" + paragraph)
            for line in m.lines.dropFirst() {
                if let first = line.text.first { #expect(!Self.closing.contains(first), "line starts with \(first): \(line.text)") }
            }
            #expect(m.lines.allSatisfy { $0.width <= width + 0.5 })
        }
    }
}
