import Testing
import ReportScene
@testable import ReportCharts

@Suite struct LegendTests {
    let entries = ["第一产业", "第二产业", "第三产业", "数字经济核心产业"].enumerated().map {
        LegendEntry(name: $1, color: ChartTheme.standard.seriesColor($0))
    }

    @Test func oneRowWhenWide() throws {
        let l = try Legend.layout(entries, at: Point(10, 20), maxWidth: 400, theme: .standard, measurer: FixedTextMeasurer())
        #expect(Set(l.swatches.map(\.minY)).count == 1)
        #expect(l.bounds.minX == 10 && l.bounds.minY == 20)
        for (s, t) in zip(l.swatches, l.labelBoxes) { #expect(s.maxX < t.minX) }
    }

    @Test func wrapsToRowsWithinWidth() throws {
        let l = try Legend.layout(entries, at: Point(0, 0), maxWidth: 120, theme: .standard, measurer: FixedTextMeasurer())
        #expect(Set(l.swatches.map(\.minY)).count > 1)
        let all = l.swatches + l.labelBoxes
        for r in all { #expect(r.minX >= -1e-9 && r.maxX <= 120 + 1e-9) }
        for i in all.indices { for j in all.indices where i < j { #expect(!all[i].intersects(all[j])) } }
    }

    @Test func longNameWraps() throws {
        let long = [LegendEntry(name: String(repeating: "长", count: 40), color: .black)]
        let l = try Legend.layout(long, at: Point(0, 0), maxWidth: 100, theme: .standard, measurer: FixedTextMeasurer())
        #expect(l.bounds.maxX <= 100 + 1e-9)
        #expect(l.labelBoxes[0].height > ChartTheme.standard.labelSize * 2)
    }
}
