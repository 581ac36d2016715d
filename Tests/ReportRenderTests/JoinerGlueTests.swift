import CCairo
@testable import ReportRender
import ReportScene
import TestSupport
import Testing

/// Word joiners reach Pango as "no break inside" attributes on the text without them
/// (`JoinerGlue`). The metrics must be the ones Pango gave the text with its joiners: the same
/// lines (breaks, texts and offsets in the text as written), widths, heights and baselines, for
/// any text, style, wrap width and alignment. The one case allowed to differ is a glued run
/// wider than the wrap width, which Pango used to break next to a joiner (skipped, counted).
@Suite struct JoinerGlueTests {
    /// What the layers above glue: figures (`NoBreak.glue`) and dates (`TimelineDateGlue`).
    static let figures = ["6.78亿元", "860余万元", "1.58:1", "约3.5公里", "12%", "近5.8万元", "新增12家", "全省第一",
                          "2022年5月15日", "今年3月", "第3次", "-0.6%", "5 家", "Wi-Fi", "1,234.5万元"]
    /// And the text around them.
    static let plain = ["临平区", "村级集体经营性收入", "，", "。", "（", "）", "、", "—", " ", "  ", "\n", "Ag", "达到",
                        "“", "”", "e\u{301}", "事件37", "·", "：", "Hangzhou district", "2021年9月16日—"]

    /// A random text: plain pieces and figures glued as the report glues them, some dates glued
    /// as the timeline key glues them (a break allowed after a dash or a space).
    static func text(_ rng: inout SplitMix) -> String {
        var out = ""
        for _ in 0..<(1 + rng.int(8)) {
            switch rng.int(5) {
            case 0, 1: out += plain[rng.int(plain.count)]
            case 2: out += figures[rng.int(figures.count)].map(String.init).joined(separator: "\u{2060}")
            case 3: out += TimelineGlue.glued(["2021年9月16日—2022年1月9日", "11月13日—12月31日", "2022年2月7日 事件37"][rng.int(3)])
            default: out += figures[rng.int(figures.count)]
            }
        }
        return out
    }

    /// `TimelineDateGlue.glued` (in the charts layer, which this test target does not import).
    enum TimelineGlue {
        static func glued(_ date: String) -> String {
            var out = "", previous: Character?
            for c in date {
                if let p = previous, !["—", "–", "~", "～", "至", " "].contains(p), c != " " { out.append("\u{2060}") }
                out.append(c)
                previous = c
            }
            return out
        }
    }

    /// Pango's metrics of the text as written (joiners in the text, no attributes), line by line.
    static func withJoiners(_ key: LayoutKey, env: FontEnvironment, layout: OpaquePointer) throws
        -> (width: Int32, height: Int32, lines: [[Int]], breaksBesideJoiner: Bool) {
        try env.configure(key, on: layout)
        let utf8 = Array(key.text.utf8)
        utf8.withUnsafeBufferPointer { buf in
            buf.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buf.count) {
                pango_layout_set_text(layout, $0, Int32(buf.count))
            }
        }
        pango_layout_set_attributes(layout, nil)
        var logical = PangoRectangle()
        pango_layout_get_extents(layout, nil, &logical)
        var lines: [[Int]] = [], beside = false
        let iter = pango_layout_get_iter(layout)
        defer { pango_layout_iter_free(iter) }
        func isJoiner(_ i: Int) -> Bool { i >= 0 && i + 2 < utf8.count && utf8[i] == 0xE2 && utf8[i + 1] == 0x81 && utf8[i + 2] == 0xA0 }
        repeat {
            guard let line = pango_layout_iter_get_line_readonly(iter) else { continue }
            var box = PangoRectangle()
            pango_layout_iter_get_line_extents(iter, nil, &box)
            let start = Int(line.pointee.start_index)
            // A soft break beside a joiner (not after a line separator): the fallback that differs.
            if start > 0, isJoiner(start) || isJoiner(start - 3),
               ![0x0A, 0x0D, 0x0B, 0x0C].contains(utf8[start - 1]) { beside = true }
            lines.append([start, Int(line.pointee.length), Int(box.width), Int(box.height), Int(box.y - logical.y),
                          Int(pango_layout_iter_get_baseline(iter))])
        } while pango_layout_iter_next_line(iter) != 0
        return (logical.width, logical.height, lines, beside)
    }

    @Test func sameMetricsAsTheTextWithItsJoiners() throws {
        let env = FontEnvironment.unshared(slot: 0)
        let layout = env.makeLayout()
        defer { g_object_unref(UnsafeMutableRawPointer(layout)) }
        var rng = SplitMix(seed: 0x2060_61)
        var compared = 0, skipped = 0, wrapped = 0
        for _ in 0..<2_500 {
            let text = Self.text(&rng)
            let alignment: TextStyle.Alignment = [.left, .justify, .center, .right][rng.int(4)]
            let style = TextStyle(size: [8.5, 9, 10.5, 12][rng.int(4)], weight: rng.int(3) == 0 ? .bold : .regular,
                                  lineSpacing: rng.int(3) == 0 ? 1.5 : 1, alignment: alignment,
                                  justifyLastLine: alignment == .justify && rng.int(2) == 0)
            let wrap: Double? = rng.int(4) == 0 ? nil : Double(15 + rng.int(300))
            let key = LayoutKey(text, style: style, wrapWidth: wrap)
            try env.lock.withLock {
                let old = try Self.withJoiners(key, env: env, layout: layout)
                if old.breaksBesideJoiner { skipped += 1; return }
                try env.configure(key, on: layout)
                let new = env.metrics(text: text, layout: layout)
                var logical = PangoRectangle()
                pango_layout_get_extents(layout, nil, &logical)
                #expect(logical.width == old.width && logical.height == old.height, "\(text.debugDescription) \(style) \(String(describing: wrap))")
                #expect(new.lines.count == old.lines.count, "\(text.debugDescription) \(String(describing: wrap))")
                guard new.lines.count == old.lines.count else {
                    return
                }
                let utf8 = Array(text.utf8)
                var utf16 = 0, counted = 0
                for (n, o) in zip(new.lines, old.lines) {
                    let want = String(decoding: utf8[o[0]..<o[0] + o[1]], as: UTF8.self)
                    utf16 += String(decoding: utf8[counted..<o[0]], as: UTF8.self).utf16.count
                    counted = o[0]
                    // Pango's line leaves out a paragraph's separator: the text as written may hold
                    // joiners after the last character, which the new line also carries.
                    #expect(n.text == want || n.text.filter { $0 != "\u{2060}" } == want.filter { $0 != "\u{2060}" } && n.text.hasPrefix(want),
                            "\(text.debugDescription): \(n.text.debugDescription) vs \(want.debugDescription)")
                    #expect(n.utf16Offset == utf16, "\(text.debugDescription)")
                    #expect(Int((n.width * pangoScale).rounded()) == o[2], "\(text.debugDescription) \(String(describing: wrap))")
                    #expect(Int((n.baseline * pangoScale).rounded()) == o[5] - Int(logical.y), "\(text.debugDescription)")
                }
                compared += 1
                if old.lines.count > 1 { wrapped += 1 }
            }
        }
        #expect(compared > 2_000 && wrapped > 500, "compared \(compared), wrapped \(wrapped), skipped \(skipped)")
    }

    @Test func runsAndOffsets() throws {
        let glue = try #require(JoinerGlue(Array("6\u{2060}.\u{2060}7\u{2060}8亿 元\u{2060}".utf8)))
        #expect(String(decoding: glue.bytes, as: UTF8.self) == "6.78亿 元")
        #expect(glue.ranges == [0..<4])
        #expect(glue.original(1) == 4 && glue.original(glue.bytes.count) == Array("6\u{2060}.\u{2060}7\u{2060}8亿 元\u{2060}".utf8).count)
        // A joiner glues across a space; never across a newline; at either end, nothing.
        #expect(JoinerGlue(Array("5\u{2060} \u{2060}家".utf8))?.ranges == [0..<5])
        #expect(JoinerGlue(Array("a\u{2060}\nb".utf8))?.ranges == [])
        #expect(JoinerGlue(Array("\u{2060}ab\u{2060}".utf8))?.ranges == [])
        #expect(JoinerGlue(Array("plain".utf8)) == nil)
    }
}
