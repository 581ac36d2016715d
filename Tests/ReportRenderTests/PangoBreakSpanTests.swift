import Testing
import TestSupport
import ReportRender
import ReportScene
@testable import ReportCharts

/// `BreakSpans` against Pango's own wrapping: wherever the pieces between a text's break
/// opportunities give a line count at a width, Pango wraps the text into that many lines, each
/// as high as the text on one line (what the timeline's key search takes from them instead of
/// wrapping every key line at every column width). Key lines as the timeline writes them: glued
/// dates, a space, Chinese labels with punctuation, Latin words and digits.
@Suite struct PangoBreakSpanTests {
    static let alphabet = Array("临平未来工厂共富工坊运河数字乡村博物馆产业园美丽土地整治智造文化节新能源品质城区试点启动开馆签约竣工发布会，、（）“”。：AB12")
    static let words = ["Smart", "Factory", "2022", "5G", "A-1", "iPhone", "No.3"]

    static func keyLine(_ rng: inout SplitMix) -> String {
        let dates = ["2022年5月15日", "3月", "2021年", "近日", "2022年1月至今", "2021年11月—2022年3月", "9月26日—12月26日", ""]
        var text = ""
        for _ in 0..<(2 + rng.int(30)) {
            if rng.int(9) == 0 { text += (rng.int(2) == 0 ? " " : "") + rng.pick(words) } else { text.append(rng.pick(alphabet)) }
        }
        let date = TimelineDateGlue.glued(rng.pick(dates))
        return date.isEmpty ? text : date + " " + text
    }

    @Test func lineCountsMatchPangosWrapping() throws {
        let pango = PangoTextMeasurer.shared
        var rng = SplitMix(seed: 2026)
        var decided = 0, asked = 0
        for size in [7.5, 8.5, 9.77, 12] {
            let style = ChartTheme.standard.style(size: size)
            for _ in 0..<250 {
                let text = Self.keyLine(&rng)
                let one = try pango.measure(text, style: style, wrapWidth: nil)
                let spans = try #require(pango.breakSpans(text, style: style), "“\(text)”")
                #expect(abs(spans.pieces.reduce(0, +) - one.width) < 0.01, "“\(text)”: pieces \(spans.pieces) vs \(one.width)")
                for _ in 0..<4 {
                    let width = size * 3 + Double(rng.int(Int(max(1, one.width * 10)))) / 10
                    asked += 1
                    guard let lines = spans.lines(oneLine: one.width, width: width) else { continue }
                    decided += 1
                    #expect(lines.count == 1)
                    let wrapped = try pango.measure(text, style: style, wrapWidth: width)
                    #expect(wrapped.lines.count == lines.lowerBound, "“\(text)” at \(width): \(wrapped.lines.count) lines, spans say \(lines.lowerBound)")
                    #expect(wrapped.height == Double(lines.lowerBound) * one.height, "“\(text)” at \(width): height \(wrapped.height)")
                }
            }
        }
        // Most widths are decided: the shortcut is not vacuous.
        #expect(decided * 10 >= asked * 7, "decided \(decided) of \(asked)")
    }

    /// No answer where the reasoning does not hold: several lines, another font for some
    /// characters, a line spacing that is not the font's.
    @Test func noSpansWhereLinesMayDiffer() {
        let pango = PangoTextMeasurer.shared
        let style = ChartTheme.standard.style(size: 9)
        #expect(pango.breakSpans("第一行\n第二行", style: style) == nil)
        var spaced = style
        spaced.lineSpacing = 1.5
        #expect(pango.breakSpans("临平区未来工厂", style: spaced) == nil)
        #expect(FixedTextMeasurer().breakSpans("临平", style: style) == nil)
    }

    /// The key search with the spans chooses what it chose measuring every wrapped key line:
    /// crowded timelines whose keys wrap, laid out with and without them, give the same scene.
    @Test func timelinesAreTheSameWithAndWithoutSpans() throws {
        struct Hidden: TextMeasurer {
            func measure(_ text: String, style: TextStyle, wrapWidth: Double?) throws -> TextMetrics {
                try PangoTextMeasurer.shared.measure(text, style: style, wrapWidth: wrapWidth)
            }
        }
        var rng = SplitMix(seed: 77)
        let lanes = ["经济", "乡村", "城区", "文化"]
        for round in 0..<6 {
            var events: [TimelineEvent] = []
            for i in 0..<(30 + round * 25) {
                let month = 1 + rng.int(12), day = 1 + rng.int(28)
                let label = String((0..<(3 + rng.int(14))).map { _ in rng.pick(Self.alphabet) })
                let end: TimelineEvent.End = rng.int(3) == 0 ? .date(.day(2022, 1 + rng.int(12), 1 + rng.int(28))) : .none
                events.append(TimelineEvent(id: "e\(i)", date: .day(2021, month, day), end: end, lane: lanes[rng.int(4)],
                                            status: .done, label: label))
            }
            let spec = TimelineSpec(notes: ChartNotes(title: "时间轴"), lanes: lanes, events: events, reportDate: .month(2022, 6))
            for preset in [ChartPreset.report, .slide] {
                let with = try spec.layout(preset: preset, measurer: PangoTextMeasurer.shared)
                let without = try spec.layout(preset: preset, measurer: Hidden())
                #expect(with.group == without.group, "round \(round), \(preset.size)")
            }
        }
    }
}
