import Foundation
import Testing
import TestSupport
import ReportCharts
import ReportRender
import ReportScene

/// A few hundred random bar charts laid out with Pango's real metrics: every name is in the scene
/// in full, no text overlaps, every bar has its value label or none has, and all stays in the
/// frame; or the layout fails with a message.
@Suite struct BarChartPangoPropertyTests {
    typealias Rng = SplitMix
    static let cjk = Array("临平区数智城区共同富裕示范未来工厂产业大脑亚运村集体经济收入街道镇培育链主综合体园的与和")
    static let latin = ["iPhone", "5G", "e-commerce", "Smart Hub", "2022年", "2020—2022年", "569.7万元"]

    static func name(_ rng: inout Rng) -> String {
        var s = ""
        for _ in 0..<Int.random(in: 1...3, using: &rng) {
            s += Bool.random(using: &rng) ? latin.randomElement(using: &rng)!
                : String((0..<Int.random(in: 1...12, using: &rng)).map { _ in cjk.randomElement(using: &rng)! })
        }
        return s
    }

    @Test func randomChartsWithRealText() throws {
        let measurer = PangoTextMeasurer()
        var rng = Rng(state: 4242)
        var laidOut = 0
        for round in 0..<300 {
            let n = Int.random(in: 1...(Bool.random(using: &rng) ? 10 : 40), using: &rng)
            let magnitude = pow(10, Double(Int.random(in: 0...9, using: &rng)))
            let series = (0..<Int.random(in: 1...3, using: &rng)).map { s in
                BarSeries(name: "系列\(s + 1)", values: (0..<n).map { _ in
                    (Int.random(in: 0..<5, using: &rng) == 0 ? -1 : 1) * Double.random(in: 0.01...1, using: &rng) * magnitude })
            }
            let spec = BarChartSpec(
                notes: ChartNotes(title: "随机图表\(round)"), categories: (0..<n).map { _ in Self.name(&rng) },
                series: series, orientation: [.automatic, .vertical, .horizontal].randomElement(using: &rng)!,
                mode: Bool.random(using: &rng) ? .stacked : .grouped,
                referenceLines: Bool.random(using: &rng) ? [BarReferenceLine(value: magnitude * 0.5, label: "平均水平")] : [],
                valueAxisTitle: "元", unitScaling: .automatic,
                valueLabels: Bool.random(using: &rng) ? .all : .ifRoom)
            let preset: ChartPreset = Bool.random(using: &rng) ? .slide : .report
            let l: BarChartLayout
            do { l = try BarChart.layout(spec, preset: preset, measurer: measurer) } catch let e as BarChartLayoutError {
                #expect(!e.message.isEmpty)
                continue
            }
            laidOut += 1
            for (c, text) in spec.categories.enumerated() {
                let shown = l.categoryLabels.first { $0.index == c }?.text.replacingOccurrences(of: "\n", with: "")
                #expect(shown == text, "round \(round): “\(text)” shown as \(shown ?? "nothing")")
            }
            let stacked = spec.mode == .stacked && series.count > 1
            if !stacked, !l.valueLabels.isEmpty { #expect(l.valueLabels.count == l.bars.count, "round \(round)") }
            try ChartRealMetricsTests.assertClean(l.group, frame: preset.size, measurer: measurer)
        }
        #expect(laidOut > 100, "\(laidOut) of 300 laid out")
    }
}
