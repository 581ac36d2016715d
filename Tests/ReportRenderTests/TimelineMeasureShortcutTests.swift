import Testing
import TestSupport
import ReportRender
import ReportScene
@testable import ReportCharts

/// The timeline's measuring shortcuts against Pango's real metrics: what `TimelineWrapSample`
/// assumes of line breaking (greedy, so a text wrapped at one width has the same lines at every
/// width from its widest line up, and no more lines at a wider width) and what
/// `TimelineLabelFloors` assumes of advances (a label is never narrower than 0.9 of its
/// characters' advances). Key lines and labels as the timeline writes them.
@Suite struct TimelineMeasureShortcutTests {
    static let alphabet = Array("临平未来工厂共富工坊运河数字乡村博物馆产业园美丽土地整治智造文化节新能源品质城区试点启动开馆签约竣工发布会评选全线贯通一期验收开工，、（）“”AB12")

    static func line(_ rng: inout SplitMix) -> (date: String, text: String) {
        let dates = ["2022年5月15日", "3月", "2021年", "近日", "2022年1月至今", "2021年11月—2022年3月", ""]
        let n = 2 + rng.int(39)
        return (rng.pick(dates), String((0..<n).map { _ in rng.pick(alphabet) }))
    }

    @Test func wrappedLinesHoldAcrossNearbyWidths() throws {
        let pango = PangoTextMeasurer.shared
        var rng = SplitMix(seed: 12)
        for size in [8.0, 9.77, 11.5] {
            let style = ChartTheme.standard.style(size: size)
            for _ in 0..<150 {
                let (date, text) = Self.line(&rng)
                let key = date.isEmpty ? text : date + " " + text
                let one = try pango.measure(key, style: style, wrapWidth: nil)
                let w = 40 + Double(rng.int(1600)) / 10
                guard one.width > w else { continue }
                let m = try pango.measure(key, style: style, wrapWidth: w)
                let sample = TimelineWrapSample(width: w, metrics: m)
                for k in 0..<4 {
                    // Narrower, down to the widest line (plus the slack): the same lines.
                    let lo = m.width + TimelineWrapSample.slack
                    if lo <= w {
                        let narrower = lo + (w - lo) * Double(k) / 3
                        let n = try pango.measure(key, style: style, wrapWidth: narrower)
                        #expect(n == m, "“\(key)” at \(narrower) (measured at \(w))")
                        #expect(sample.metrics(at: narrower) == n)
                    }
                    // Wider: never more lines; the height the sample gives is never below Pango's.
                    let wider = w + Double(1 + rng.int(400)) / 10
                    let x = try pango.measure(key, style: style, wrapWidth: wider)
                    #expect(x.lines.count <= m.lines.count, "“\(key)” at \(wider): \(x.lines.count) > \(m.lines.count)")
                    if let h = sample.height(at: wider, oneLine: one) {
                        #expect(h >= x.height - 1e-9, "“\(key)” at \(wider): height \(x.height) > \(h)")
                    }
                }
            }
        }
    }

    @Test func labelFloorsStayBelowRealWidths() throws {
        let cache = TimelineMeasureCache(PangoTextMeasurer.shared)
        var rng = SplitMix(seed: 34)
        for theme in [ChartTheme.standard, ChartTheme.standard.scaled(by: 1.15), ChartTheme.standard.scaled(by: 1.9)] {
            let styles = try TimelineStyles(theme: theme, cache: cache)
            let floors = TimelineLabelFloors(count: 300, styles: styles, cache: cache)
            for i in 0..<300 {
                let (date, text) = Self.line(&rng)
                let real = (date.isEmpty ? 0 : try cache.measure(date, styles.date).width + styles.dateGap)
                    + (try cache.measure(text, styles.label).width)
                let floor = floors.floor(i) { (date, text) }
                #expect(floor <= real, "“\(date) \(text)”: floor \(floor) > width \(real)")
                #expect(floor >= real * 0.5, "“\(date) \(text)”: floor \(floor) far below \(real)")
            }
        }
    }
}
