import Testing
import ReportScene
@testable import ReportCharts

/// Random specs, frames and theme scales, including extreme magnitudes, all-negative data,
/// missing values and unbreakable labels: layout either succeeds cleanly or reports frameTooSmall.
@Test func randomSpecsFramesAndThemes() throws {
    var rng = SeededGenerator(seed: 99)
    let words = Array("临平区数智城区共同富裕示范未来工厂产业大脑亚运村集体经济收入街道镇ABCxyz2022年（）、，")
    var failures = 0
    for round in 0..<250 {
        let n = [1, 2, 3, 5, 8, 12, 20, 40, 120, 400].randomElement(using: &rng)!
        let s = Int.random(in: 1...5, using: &rng)
        let categories = (0..<n).map { i in Bool.random(using: &rng) ? "\(1990 + i)" : String((0..<Int.random(in: 1...20, using: &rng)).map { _ in words.randomElement(using: &rng)! }) }
        let magnitude = [0.01, 1.0, 80, 5_000, 6.78e8, 1e13].randomElement(using: &rng)!
        let signed = Int.random(in: 0...3, using: &rng)
        let series = (0..<s).map { i in
            BarSeries(name: String(repeating: "系列", count: Int.random(in: 1...6, using: &rng)) + "\(i)", values: (0..<n).map { _ in
                Int.random(in: 0...20, using: &rng) == 0 ? .nan :
                Double.random(in: (signed == 0 ? -1 : (signed == 1 ? -0.3 : 0))...(signed == 0 ? -0.01 : 1), using: &rng) * magnitude },
                labels: Bool.random(using: &rng) ? (0..<n).map { _ in Bool.random(using: &rng) ? "1200余家" : nil } : [],
                highlighted: Bool.random(using: &rng) ? [0, n / 2] : [])
        }
        let frame = Size(Double.random(in: 200...1000, using: &rng), Double.random(in: 150...700, using: &rng))
        let theme = ChartTheme.standard.scaled(by: Double.random(in: 0.8...2.0, using: &rng))
        let spec = BarChartSpec(
            notes: ChartNotes(title: Bool.random(using: &rng) ? "图\(round)：随机数据的一个相当长的标题用来测试换行是否正确" : nil, subtitle: Bool.random(using: &rng) ? "副标题" : nil, unitNote: "单位：元", sourceNote: "数据来源：测试"),
            categories: categories, series: series,
            orientation: [.automatic, .vertical, .horizontal].randomElement(using: &rng)!,
            mode: Bool.random(using: &rng) ? .stacked : .grouped,
            sort: [.data, .ascending, .descending].randomElement(using: &rng)!,
            referenceLines: (0..<Int.random(in: 0...2, using: &rng)).map { _ in BarReferenceLine(value: Double.random(in: -0.5...1, using: &rng) * magnitude, label: "参考线 均值水平") },
            valueAxisTitle: Bool.random(using: &rng) ? "元" : nil, unitScaling: Bool.random(using: &rng) ? .automatic : .off)
        do {
            let l = try BarChart.layout(spec, frame: frame, theme: theme, measurer: fixed)
            try expectClean(l)
            #expect(l.bars.allSatisfy { l.plotRect.contains($0.rect, tolerance: 0.01) }, "round \(round)")
        } catch BarChartError.frameTooSmall {
            failures += 1
        } catch is BarChartLayoutError {
            // 400 long names in a small frame cannot all be named: the chart says so.
            failures += 1
        }
    }
    #expect(failures < 200)
}
