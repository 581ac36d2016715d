import Testing
import ReportScene
@testable import ReportCharts

let fixed = FixedTextMeasurer()

/// Chart-wide invariants: no two texts overlap and every leaf lies inside the frame.
func expectClean(_ l: BarChartLayout, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let texts = try l.group.textBoxes(using: fixed)
    let sorted = texts.sorted { $0.box.minX < $1.box.minX }
    for i in sorted.indices {
        var j = i + 1
        while j < sorted.count, sorted[j].box.minX < sorted[i].box.maxX {
            #expect(!sorted[i].box.intersects(sorted[j].box),
                    "“\(sorted[i].text)” overlaps “\(sorted[j].text)”", sourceLocation: sourceLocation)
            j += 1
        }
    }
    for p in referenceLineCrossings(l, texts: texts) { Issue.record(Comment(rawValue: p), sourceLocation: sourceLocation) }
    let frame = Rect(x: 0, y: 0, width: l.frame.width, height: l.frame.height)
    for box in try l.group.leafBoxes(using: fixed) {
        #expect(frame.contains(box, tolerance: 0.01), "\(box) outside \(frame)", sourceLocation: sourceLocation)
    }
}

/// Finds a named subgroup anywhere in the tree.
func findGroup(_ name: String, in g: Group) -> Group? {
    if g.name == name { return g }
    for case .group(let c) in g.children { if let f = findGroup(name, in: c) { return f } }
    return nil
}

let towns = ["临平街道", "东湖街道", "南苑街道", "星桥街道", "乔司街道", "运河街道", "崇贤街道", "塘栖镇"]

@Suite struct BarChartTests {
    @Test func barLengthsAreProportionalToValues() throws {
        let values = [10, 25, 40, 5.5, 33.3]
        let spec = BarChartSpec(categories: Array(towns.prefix(5)), series: [BarSeries(name: "GDP", values: values)],
                                orientation: .vertical, valueAxisTitle: "亿元")
        let l = try BarChart.layout(spec, preset: .report, measurer: fixed)
        #expect(l.orientation == .vertical)
        #expect(l.bars.count == 5)
        let k = abs(l.valueScale.slope)
        for b in l.bars {
            #expect(abs(b.rect.height - b.value * k) < 0.01)
            #expect(abs(b.rect.maxY - l.zeroPosition) < 0.01)
        }
        // Same bar width everywhere, inside the plot.
        #expect(Set(l.bars.map { ($0.rect.width * 1000).rounded() }).count == 1)
        for b in l.bars { #expect(l.plotRect.contains(b.rect, tolerance: 0.01)) }
        #expect(l.valueAxisTitle == "亿元")
        try expectClean(l)
    }

    @Test func horizontalLengthsAndOrder() throws {
        let spec = BarChartSpec(categories: Array(towns.prefix(4)), series: [BarSeries(name: "x", values: [3, 9, 6, 1])],
                                orientation: .horizontal, sort: .descending)
        let l = try BarChart.layout(spec, preset: .report, measurer: fixed)
        let k = l.valueScale.slope
        #expect(k > 0)
        for b in l.bars {
            #expect(abs(b.rect.width - b.value * k) < 0.01)
            #expect(abs(b.rect.minX - l.zeroPosition) < 0.01)
        }
        // Descending: largest on top.
        let topDown = l.bars.sorted { $0.rect.minY < $1.rect.minY }.map(\.value)
        #expect(topDown == [9, 6, 3, 1])
        // Category labels right-aligned just left of the plot, beside their bars.
        for c in l.categoryLabels {
            #expect(c.box.maxX <= l.plotRect.minX + 0.01)
            let bar = l.bar(series: 0, category: c.index)!
            #expect(abs(c.box.midY - bar.rect.midY) < 0.01)
        }
        try expectClean(l)
    }

    @Test func negativeValuesHangFromZeroBaseline() throws {
        let spec = BarChartSpec(categories: Array(towns.prefix(4)), series: [BarSeries(name: "增速", values: [30, -12, 18, -5])],
                                orientation: .vertical, valueAxisTitle: "%")
        let l = try BarChart.layout(spec, preset: .report, measurer: fixed)
        #expect(l.ticks.lower < 0 && l.ticks.upper > 0)
        #expect(l.ticks.values.contains(0))
        let z = l.zeroPosition
        #expect(z > l.plotRect.minY && z < l.plotRect.maxY)
        for b in l.bars {
            if b.value > 0 { #expect(abs(b.rect.maxY - z) < 0.01) } else { #expect(abs(b.rect.minY - z) < 0.01) }
        }
        // The zero line is the drawn baseline.
        let baseline = findGroup("baseline", in: l.group)!
        guard case .path(let p) = baseline.children[0], let bounds = p.bounds else { Issue.record("no baseline"); return }
        #expect(abs(bounds.minY - z) < 1e-9 && bounds.height == 0)
        // Negative labels sit below their bars.
        for v in l.valueLabels where v.category == 1 {
            let bar = l.bar(series: 0, category: 1)!
            #expect(v.inside ? bar.rect.contains(v.box) : v.box.minY >= bar.rect.maxY)
        }
        try expectClean(l)
    }

    @Test func stackedSegmentsSumToTotal() throws {
        let spec = BarChartSpec(
            categories: ["2019", "2020", "2021", "2022"],
            series: [BarSeries(name: "第一产业", values: [12, 14, 15, 16]),
                     BarSeries(name: "第二产业", values: [300, 320, 360, 380]),
                     BarSeries(name: "第三产业", values: [280, 300, 340, 370])],
            orientation: .vertical, mode: .stacked, valueAxisTitle: "亿元")
        let l = try BarChart.layout(spec, preset: .report, measurer: fixed)
        let k = abs(l.valueScale.slope)
        for c in 0..<4 {
            let segs = l.bars.filter { $0.category == c }.sorted { $0.rect.maxY > $1.rect.maxY }
            let total = spec.series.reduce(0) { $0 + $1.values[c] }
            #expect(abs(segs.reduce(0) { $0 + $1.rect.height } - total * k) < 0.01)
            #expect(abs(segs[0].rect.maxY - l.zeroPosition) < 0.01)
            for (a, b) in zip(segs, segs.dropFirst()) { #expect(abs(a.rect.minY - b.rect.maxY) < 1e-6) }
            // The total sits above the stack, with the unit.
            let t = l.valueLabels.first { $0.category == c && $0.series == nil }
            #expect(t?.text == NiceTicks.format(total, decimals: 2) + "亿元")
            #expect(t!.box.maxY <= segs.last!.rect.minY + 0.01)
        }
        #expect(l.legend != nil)
        // Segment labels are inside their segment or absent.
        for v in l.valueLabels where v.series != nil {
            #expect(v.inside)
            #expect(l.bar(series: v.series!, category: v.category)!.rect.contains(v.box, tolerance: 0.01))
        }
        try expectClean(l)
    }

    @Test func stackedNegativesGoDown() throws {
        let spec = BarChartSpec(categories: ["甲", "乙", "丙"],
                                series: [BarSeries(name: "收入", values: [5, 8, 3]),
                                         BarSeries(name: "支出", values: [-4, -2, -6])],
                                orientation: .vertical, mode: .stacked)
        let l = try BarChart.layout(spec, preset: .report, measurer: fixed)
        for b in l.bars {
            if b.series == 0 { #expect(abs(b.rect.maxY - l.zeroPosition) < 0.01) }
            else { #expect(abs(b.rect.minY - l.zeroPosition) < 0.01) }
        }
        try expectClean(l)
    }

    @Test func groupedBarsDoNotOverlap() throws {
        let spec = BarChartSpec(categories: Array(towns.prefix(6)),
                                series: [BarSeries(name: "2021年", values: [5, 7, 9, 4, 6, 8]),
                                         BarSeries(name: "2022年", values: [6, 8, 10, 5, 7, 9]),
                                         BarSeries(name: "2023年", values: [7, 9, 11, 6, 8, 10])],
                                orientation: .vertical)
        let l = try BarChart.layout(spec, preset: .report, measurer: fixed)
        #expect(l.bars.count == 18)
        for i in l.bars.indices { for j in l.bars.indices where i < j { #expect(!l.bars[i].rect.intersects(l.bars[j].rect)) } }
        // Series order left to right inside each group, all within the category's band.
        for c in 0..<6 {
            let g = l.bars.filter { $0.category == c }.sorted { $0.series < $1.series }
            #expect(g.map(\.rect.minX) == g.map(\.rect.minX).sorted())
            let start = l.categoryScale.start(c)
            #expect(g.first!.rect.minX >= start - 1e-9)
            #expect(g.last!.rect.maxX <= start + l.categoryScale.bandwidth + 1e-9)
        }
        #expect(l.bars.allSatisfy { $0.color == ChartTheme.standard.seriesColor($0.series) })
        try expectClean(l)
    }

    @Test func referenceLineAtItsValue() throws {
        let spec = BarChartSpec(categories: Array(towns.prefix(6)),
                                series: [BarSeries(name: "村集体经营性收入", values: [120, 95, 60, 150, 84, 70])],
                                orientation: .vertical,
                                referenceLines: [BarReferenceLine(value: 80, label: "80万元 薄弱村标准")],
                                valueAxisTitle: "万元")
        let l = try BarChart.layout(spec, preset: .report, measurer: fixed)
        let r = try #require(l.referenceLines.first)
        #expect(abs(r.position - l.valueScale(80)) < 1e-9)
        #expect(l.plotRect.contains(try #require(r.labelBox), tolerance: 0.01))
        let ref = findGroup("reference", in: l.group)!
        guard case .path(let p) = ref.children[0] else { Issue.record("no line"); return }
        #expect(p.stroke?.dash.isEmpty == false)
        #expect(abs(p.bounds!.minY - r.position) < 1e-9)
        // The line does not run through value labels: it breaks behind them.
        #expect(referenceLineCrossings(l, texts: try l.group.textBoxes(using: fixed)).isEmpty)
        try expectClean(l)
    }

    /// Issue #11 case 6: lines at 180 and 185 beside a bar of 178. The line breaks behind the
    /// value label, the labels read in value order and cover no bar, at both presets.
    @Test(arguments: [ChartPreset.report, .slide])
    func closeReferenceLinesBesideAValueLabel(preset: ChartPreset) throws {
        let spec = BarChartSpec(categories: Array(towns.prefix(6)),
                                series: [BarSeries(name: "收入", values: [178, 120, 186, 150, 95, 182])],
                                orientation: .vertical,
                                referenceLines: [BarReferenceLine(value: 180, label: "目标 180"),
                                                 BarReferenceLine(value: 185, label: "先进 185")],
                                valueAxisTitle: "万元", valueLabels: .all)
        let l = try BarChart.layout(spec, preset: preset, measurer: fixed)
        let texts = try l.group.textBoxes(using: fixed)
        #expect(referenceLineCrossings(l, texts: texts).isEmpty)
        let boxes = l.referenceLines.map(\.labelBox)
        let low = try #require(boxes[0]), high = try #require(boxes[1])
        #expect(high.maxY <= low.minY + 0.01, "185's label above 180's")
        for b in l.bars { #expect(!b.rect.intersects(low.insetBy(dx: 0.02, dy: 0.02)) && !b.rect.intersects(high.insetBy(dx: 0.02, dy: 0.02))) }
        try expectClean(l)
    }

    @Test func referenceLineOutsideDataExtendsAxis() throws {
        let spec = BarChartSpec(categories: ["甲", "乙"], series: [BarSeries(name: "x", values: [20, 30])],
                                orientation: .horizontal, referenceLines: [BarReferenceLine(value: 80, label: "目标 80")])
        let l = try BarChart.layout(spec, preset: .report, measurer: fixed)
        #expect(l.ticks.upper >= 80)
        #expect(abs(l.referenceLines[0].position - l.valueScale(80)) < 1e-9)
        try expectClean(l)
    }

    @Test(arguments: [BarMode.grouped, .stacked])
    func highlightKeepsSeriesColours(mode: BarMode) throws {
        let spec = BarChartSpec(categories: Array(towns.prefix(5)),
                                series: [BarSeries(name: "甲", values: [5, 6, 7, 8, 9], highlighted: [2]),
                                         BarSeries(name: "乙", values: [3, 2, 4, 1, 2], highlighted: [2])],
                                mode: mode)
        let l = try BarChart.layout(spec, preset: .report, measurer: fixed)
        let theme = ChartTheme.standard
        for b in l.bars {
            // Same hue as the legend; the others recede, the highlighted ones keep full colour.
            let base = theme.seriesColor(b.series)
            #expect(b.color.withAlpha(1) == base)
            #expect(b.highlighted == (b.category == 2))
            #expect(b.color.alpha == (b.highlighted ? 1 : 0.5))
        }
        #expect(l.legend!.swatches.count == 2)
        // Highlighted bars carry an outline.
        let outlines = findGroup("bars", in: l.group)!.children.filter { if case .rect(let r) = $0 { r.stroke != nil && r.fill == nil } else { false } }
        #expect(outlines.count == 2)
        try expectClean(l)
    }

    @Test func sortingAscending() throws {
        let spec = BarChartSpec(categories: ["a", "b", "c", "d"], series: [BarSeries(name: "x", values: [3, 1, .nan, 2])],
                                orientation: .vertical, sort: .ascending)
        let l = try BarChart.layout(spec, preset: .report, measurer: fixed)
        #expect(l.bars.sorted { $0.rect.minX < $1.rect.minX }.map(\.category) == [1, 3, 0])
        // The missing value gets a slot (last) but no bar and no label.
        #expect(!l.valueLabels.contains { $0.category == 2 })
    }

    @Test func invalidSpecsThrow() {
        #expect(throws: BarChartError.noCategories) {
            try BarChart.layout(BarChartSpec(categories: [], series: [BarSeries(name: "x", values: [])]),
                                preset: .report, measurer: fixed)
        }
        #expect(throws: BarChartError.valueCountMismatch(series: "x", expected: 2, got: 1)) {
            try BarChart.layout(BarChartSpec(categories: ["a", "b"], series: [BarSeries(name: "x", values: [1])]),
                                preset: .report, measurer: fixed)
        }
        #expect(throws: BarChartError.frameTooSmall(Size(40, 30))) {
            try BarChart.layout(BarChartSpec(categories: ["a"], series: [BarSeries(name: "x", values: [1])]),
                                frame: Size(40, 30), theme: .standard, measurer: fixed)
        }
    }

    @Test func unitScalingRewritesAxis() throws {
        let spec = BarChartSpec(categories: ["2020", "2021", "2022"],
                                series: [BarSeries(name: "财政收入", values: [4.1e8, 5.2e8, 6.78e8])],
                                orientation: .vertical, valueAxisTitle: "元", unitScaling: .automatic)
        let l = try BarChart.layout(spec, preset: .report, measurer: fixed)
        #expect(l.valueAxisTitle == "亿元")
        #expect(l.unit.divisor == 1e8)
        #expect(l.ticks.upper >= 6.78 && l.ticks.upper < 10)
        #expect(l.valueLabels.map(\.text).contains("6.78"))
        let axis = findGroup("axis.value", in: l.group)!
        #expect(axis.children.contains { if case .text(let t) = $0 { t.text == "亿元" } else { false } })
    }

    @Test func customTickFormatter() throws {
        let spec = BarChartSpec(categories: ["a", "b"], series: [BarSeries(name: "x", values: [40, 60])],
                                orientation: .vertical, valueFormatter: { "\(Int($0))%" })
        let l = try BarChart.layout(spec, preset: .report, measurer: fixed)
        #expect(l.tickLabels.allSatisfy { $0.text.hasSuffix("%") })
        try expectClean(l)
    }
}
