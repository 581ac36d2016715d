import ReportSync
import Testing
import ReportScene
@testable import ReportCharts

/// Counts calls, to check that layout measures each distinct string once.
private final class CountingMeasurer: TextMeasurer {
    private let state = Locked((calls: 0, keys: Set<String>()))
    var calls: Int { state.withLock { $0.calls } }
    var keys: Set<String> { state.withLock { $0.keys } }
    func measure(_ text: String, style: TextStyle, wrapWidth: Double?) throws -> TextMetrics {
        state.withLock {
            $0.calls += 1
            $0.keys.insert("\(text)|\(style.size)|\(style.weight)|\(style.alignment)|\(String(describing: wrapWidth))")
        }
        return try FixedTextMeasurer().measure(text, style: style, wrapWidth: wrapWidth)
    }
}

let longNames = [
    "临平区经济技术开发区智能制造产业园", "杭州余杭经济技术开发区生物医药港", "临平新城数字经济创新中心",
    "大运河科创城核心区先进制造基地", "塘栖古镇文旅融合发展示范区", "乔司街道纺织布艺产业集聚区",
    "崇贤街道新材料产业园区", "星桥街道未来社区建设试点", "南苑街道老旧小区综合改造片区",
    "东湖街道城市有机更新单元", "运河街道共同富裕现代化基本单元", "临平山城市公园及配套工程",
]

@Suite struct BarChartLabelTests {
    @Test func twelveLongChineseLabelsSwitchToHorizontal() throws {
        let spec = BarChartSpec(categories: longNames,
                                series: [BarSeries(name: "投资", values: (0..<12).map { Double($0 * 7 % 11 + 3) })],
                                valueAxisTitle: "亿元")
        for preset in [ChartPreset.report, .slide] {
            let l = try BarChart.layout(spec, preset: preset, measurer: fixed)
            #expect(l.orientation == .horizontal)
            #expect(l.categoryLabels.count == 12)
            // Long names wrap instead of eating the plot.
            #expect(l.categoryLabels.allSatisfy { $0.box.width <= preset.size.width * 0.35 + 0.01 })
            #expect(l.plotRect.width > preset.size.width * 0.5)
            try expectClean(l)
        }
    }

    @Test func shortLabelsStayVerticalAndWrapUnderColumns() throws {
        let spec = BarChartSpec(categories: Array(longNames.prefix(5)),
                                series: [BarSeries(name: "x", values: [1, 2, 3, 4, 5])])
        let l = try BarChart.layout(spec, preset: .report, measurer: fixed)
        #expect(l.orientation == .vertical)
        for c in l.categoryLabels {
            let bar = l.bar(series: 0, category: c.index)!
            #expect(abs(c.box.midX - bar.rect.midX) < 0.01)
            #expect(c.box.minY >= l.plotRect.maxY)
            #expect(c.box.height <= 3 * ChartTheme.standard.labelSize * 1.2 + 0.01)
            #expect(c.box.height > ChartTheme.standard.labelSize * 1.2) // wrapped
        }
        try expectClean(l)
    }

    @Test func manyYearsNeedATallerFigureNotThinning() throws {
        let years = (1992...2022).map { "\($0)" }
        let spec = BarChartSpec(categories: years,
                                series: [BarSeries(name: "GDP", values: years.indices.map { Double($0 * $0) + 10 })])
        // 31 years do not fit under 481 pt of columns, nor as rows in 300 pt: the error says what would.
        let e = try #require(throws: BarChartLayoutError.self) { try BarChart.layout(spec, preset: .report, measurer: fixed) }
        #expect(e.message.hasPrefix("31 categories need"))
        #expect(e.message.contains("report_height ≥"))
        var tall = ChartPreset.report
        tall.size.height = (e.neededHeight! / 10).rounded(.up) * 10
        let l = try BarChart.layout(spec, preset: tall, measurer: fixed)
        #expect(l.categoryLabels.count == years.count)
        // Years are never broken across lines.
        #expect(l.categoryLabels.allSatisfy { !$0.text.contains("\n") })
        try expectClean(l)
    }

    @Test(arguments: [
        ([4.1, 5.2, 6.78], ["4.10", "5.20", "6.78"]),
        ([320, 180, 95], ["320", "180", "95"]),
        ([12.5, 10, 7.25], ["12.5", "10.0", "7.3"]),
        ([0.012, 0.5], ["0.012", "0.500"]),
    ])
    func valueLabelsShareOnePrecision(values: [Double], expected: [String]) throws {
        let spec = BarChartSpec(categories: values.indices.map { "第\($0)组" }, series: [BarSeries(name: "x", values: values)],
                                orientation: .horizontal)
        let l = try BarChart.layout(spec, preset: .report, measurer: fixed)
        #expect(l.valueLabels.sorted { $0.category < $1.category }.map(\.text) == expected)
    }

    @Test func oneLabelPlacementPerChart() throws {
        let spec = BarChartSpec(categories: ["临平区", "余杭区", "上城区"],
                                series: [BarSeries(name: "GDP", values: [678, 9, 300],
                                                   labels: ["678亿元", "9亿元", nil])],
                                orientation: .horizontal)
        let l = try BarChart.layout(spec, preset: .report, measurer: fixed)
        #expect(l.valueLabels.count == 3)
        #expect(l.valueLabels.allSatisfy { !$0.inside })
        #expect(l.valueLabels.sorted { $0.category < $1.category }.map(\.text) == ["678亿元", "9亿元", "300"])
        for v in l.valueLabels {
            #expect(v.box.minX >= l.bar(series: 0, category: v.category)!.rect.maxX)
            #expect(v.box.maxX <= l.plotRect.maxX + 0.01)
        }
        try expectClean(l)
    }

    @Test func tallestVerticalLabelHasRoomAbove() throws {
        // The maximum sits exactly on a tick: its outside label needs headroom above the top tick.
        let spec = BarChartSpec(categories: ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"],
                                series: [BarSeries(name: "x", values: [80, 2, 3, 4, 5, 6, 7, 8, 9, 10],
                                                   labels: Array(repeating: "1200余", count: 10))],
                                orientation: .vertical, valueLabels: .all)
        let l = try BarChart.layout(spec, preset: .report, measurer: fixed)
        let top = try #require(l.valueLabels.first { $0.category == 0 })
        #expect(!top.inside)
        #expect(top.box.minY >= l.plotRect.minY - 0.01)
        try expectClean(l)
    }

    @Test func crowdedChartsFailWithWhatWouldFit() throws {
        let n = 60
        let spec = BarChartSpec(categories: (0..<n).map { "\($0)" },
                                series: [BarSeries(name: "x", values: (0..<n).map { Double($0 % 7) * 1234.5 + 1 })],
                                orientation: .vertical, valueLabels: .all)
        let e = try #require(throws: BarChartLayoutError.self) { try BarChart.layout(spec, preset: .report, measurer: fixed) }
        #expect(e.message.contains("orientation: horizontal"))
        // Values asked for only if there is room: every bar or none, never a subset.
        var relaxed = spec
        relaxed.valueLabels = .ifRoom
        relaxed.orientation = .automatic
        let grown = try #require(throws: BarChartLayoutError.self) { try BarChart.layout(relaxed, preset: .report, measurer: fixed) }
        #expect(grown.message.hasPrefix("60 categories need"))
        var tall = ChartPreset.report
        tall.size.height = (grown.neededHeight! / 10).rounded(.up) * 10
        let l = try BarChart.layout(relaxed, preset: tall, measurer: fixed)
        #expect(l.valueLabels.count == n || l.valueLabels.isEmpty)
        #expect(l.categoryLabels.count == n)
        try expectClean(l)
    }

    @Test func tenThousandBarsThinLabelsAndMeasureOnce() throws {
        let n = 10_000
        let counter = CountingMeasurer()
        let spec = BarChartSpec(categories: (0..<n).map { "第\($0)号村" },
                                series: [BarSeries(name: "收入", values: (0..<n).map { Double(($0 * 7919) % 1000) - 200 })],
                                referenceLines: [BarReferenceLine(value: 80, label: "80万元 薄弱村标准")],
                                valueAxisTitle: "万元", categoryLabels: .sampled)
        let clock = ContinuousClock()
        let start = clock.now
        let l = try BarChart.layout(spec, preset: .report, measurer: counter)
        print("10,000 bars with FixedTextMeasurer: \(clock.now - start), \(counter.calls) measure calls")
        #expect(l.bars.count == n)
        #expect(l.categoryLabels.count > 1 && l.categoryLabels.count < 200)
        #expect(counter.calls == counter.keys.count)
        #expect(counter.calls < 500)
        // Every k-th label, starting within the first k slots.
        let shown = l.categoryLabels.map(\.index)
        #expect(shown[0] < shown[1] - shown[0])
        try expectClean(l)
    }

    @Test(arguments: [BarOrientation.vertical, .horizontal])
    func longAxisTitleWraps(orientation: BarOrientation) throws {
        let spec = BarChartSpec(categories: ["甲", "乙"], series: [BarSeries(name: "x", values: [1, 2])],
                                orientation: orientation,
                                valueAxisTitle: String(repeating: "村集体经营性收入", count: 8) + "（万元）")
        let l = try BarChart.layout(spec, preset: .report, measurer: fixed)
        try expectClean(l)
    }

    @Test func slidePresetScalesType() throws {
        let spec = BarChartSpec(notes: ChartNotes(title: "2022年临平区主要经济指标", subtitle: "单位：亿元",
                                                  sourceNote: "数据来源：临平区统计局"),
                                categories: ["地区生产总值", "规上工业增加值", "固定资产投资", "社会消费品零售总额"],
                                series: [BarSeries(name: "2022年", values: [850, 420, 560, 390])])
        let slide = try BarChart.layout(spec, preset: .slide, measurer: fixed)
        let report = try BarChart.layout(spec, preset: .report, measurer: fixed)
        #expect(slide.frame == Size(960, 540))
        let slideTexts = try slide.group.textBoxes(using: fixed)
        let reportTexts = try report.group.textBoxes(using: fixed)
        #expect(slideTexts.first { $0.text == "地区生产总值" }!.box.height > reportTexts.first { $0.text == "地区生产总值" }!.box.height * 1.5)
        try expectClean(slide)
        try expectClean(report)
    }

    /// Many random charts, both presets and orientations: nothing overlaps, nothing leaves the frame.
    @Test func randomChartsStayClean() throws {
        var rng = SeededGenerator(seed: 786)
        let words = Array("临平区数智城区共同富裕示范未来工厂产业大脑亚运村集体经济收入街道镇")
        for round in 0..<60 {
            let n = Int.random(in: 1...24, using: &rng)
            let s = Int.random(in: 1...4, using: &rng)
            let categories = (0..<n).map { _ in String((0..<Int.random(in: 1...14, using: &rng)).map { _ in words.randomElement(using: &rng)! }) }
            let magnitude = [1.0, 80, 5_000, 6.78e8].randomElement(using: &rng)!
            let signed = Bool.random(using: &rng)
            let series = (0..<s).map { i in
                BarSeries(name: "系列\(i + 1)", values: (0..<n).map { _ in
                    Double.random(in: (signed ? -0.5 : 0)...1, using: &rng) * magnitude },
                    highlighted: Bool.random(using: &rng) ? [0] : [])
            }
            let spec = BarChartSpec(
                notes: ChartNotes(title: "图\(round)：随机数据", sourceNote: "数据来源：测试"),
                categories: categories, series: series,
                orientation: [.automatic, .vertical, .horizontal].randomElement(using: &rng)!,
                mode: Bool.random(using: &rng) ? .stacked : .grouped,
                sort: [.data, .ascending, .descending].randomElement(using: &rng)!,
                referenceLines: Bool.random(using: &rng) ? [BarReferenceLine(value: magnitude * 0.4, label: "参考线 均值")] : [],
                valueAxisTitle: "元", unitScaling: .automatic)
            let preset = Bool.random(using: &rng) ? ChartPreset.report : .slide
            guard let l = try? BarChart.layout(spec, preset: preset, measurer: fixed) else {
                // No form fits: the layout error is the user's (checked in BarChartPropertyTests).
                continue
            }
            try expectClean(l)
            let plotBars = l.bars.allSatisfy { l.plotRect.contains($0.rect, tolerance: 0.01) }
            #expect(plotBars, "round \(round)")
        }
    }
}
