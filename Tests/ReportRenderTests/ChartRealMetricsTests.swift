import Foundation
import TestSupport
import Testing
import ReportCharts
import ReportRender
import ReportScene

/// Charts laid out with Pango's real metrics: the geometry promises of the builders (no overlapping
/// text, nothing outside the frame) must hold with real glyph widths, and every glyph must exist.
@Suite struct ChartRealMetricsTests {
    static let longLabels = [
        "省级“未来工厂”总量", "市级“链主工厂”培育名单企业", "产业集群（区域）新智造试点", "区域产业服务平台数据条目",
        "“临平智聘”首批动员企业", "工程技术岗位入驻数量", "“四好农村路”累计建成里程", "共富发展项目精准帮扶",
        "村（社区）高质量发展行动", "老旧小区综合改造提升", "未来社区建设（鼎湖、龙兴等）", "“流域共治”联防联控街道",
    ]

    static func barSpec() -> BarChartSpec {
        BarChartSpec(
            notes: ChartNotes(title: "临平区十二项重点指标", subtitle: "数值为示意，用于检验长标签排版",
                              sourceNote: "数据来源：临平区委宣传部"),
            categories: longLabels,
            series: [BarSeries(name: "数量", values: [4, 4, 1, 30000, 1200, 12000, 267.83, 29, 54, 19, 5, 4].map { $0 / 100 },
                               labels: [])],
            valueAxisTitle: "百个")
    }

    static func assertClean(_ group: Group, frame: Size, measurer: PangoTextMeasurer) throws {
        let boxes = try group.textBoxes(using: measurer)
        #expect(!boxes.isEmpty)
        let sorted = boxes.sorted { $0.box.minX < $1.box.minX }
        for (i, a) in sorted.enumerated() {
            for b in sorted[(i + 1)...] {
                if b.box.minX >= a.box.maxX { break }
                #expect(!a.box.intersects(b.box), "“\(a.text)” overlaps “\(b.text)”")
            }
        }
        let frameRect = Rect(x: 0, y: 0, width: frame.width, height: frame.height)
        for r in try group.leafBoxes(using: measurer) {
            #expect(frameRect.contains(r, tolerance: 0.5), "\(r) leaves the frame")
        }
    }

    @Test(arguments: ["slide", "report"])
    func twelveLongLabelsNeverOverlap(preset name: String) throws {
        let preset = ChartPreset.named(name)!
        let measurer = PangoTextMeasurer.shared
        let layout = try BarChart.layout(Self.barSpec(), preset: preset, measurer: measurer)
        try Self.assertClean(layout.group, frame: preset.size, measurer: measurer)
        // Drawing measures every text again and throws on any unknown glyph.
        let png = try PNGWriter.render(Page(size: preset.size, root: layout.group, background: .white), scale: 1)
        #expect(png.count > 1000)
    }

    @Test func denseTimelineWithRealTextStaysClean() throws {
        var events: [TimelineEvent] = []
        let lanes = ["从制造到智造", "既强村也富农", "重品质促提升", "探寻文化临平"]
        for i in 0..<60 {
            let month = 1 + (i * 7) % 12, day = 1 + (i * 11) % 28
            events.append(TimelineEvent(id: "e\(i)", date: .day(2021 + i % 2, month, day), lane: lanes[i % 4],
                                        status: i % 5 == 0 ? .planned : .done, label: "重点工作事项\(i)号"))
        }
        let spec = TimelineSpec(notes: ChartNotes(title: "重点工作时间轴"), lanes: lanes, events: events,
                                reportDate: .month(2022, 6))
        let layout = try spec.layout(preset: .slide, measurer: PangoTextMeasurer.shared)
        try Self.assertClean(layout.group, frame: ChartPreset.slide.size, measurer: PangoTextMeasurer.shared)
    }

    /// The SVG, as a browser-like renderer (librsvg) draws it, matches the PNG we write.
    @Test func svgAndPNGShowTheSamePicture() throws {
        let preset = ChartPreset.report
        let page = Page(size: preset.size, root: try BarChart.layout(Self.barSpec(), preset: preset,
                                                                       measurer: PangoTextMeasurer.shared).group,
                        background: .white)
        let dir = try TempDir()
        let svg = try dir.write(try SVGWriter.render(page, idPrefix: "c"), as: "c.svg")
        let ours = try PNGWriter.rasterize(page, scale: 1)
        let out = dir.path("rsvg.png")
        let r = try ExternalTool.run("rsvg-convert", ["--dpi-x", "72", "--dpi-y", "72", "-b", "white", "-o", out, svg])
        #expect(r.status == 0, "\(r.stderr)")
        let theirs = try #require(RasterImage(pngFile: out))
        let mad = try #require(ours.meanDifference(to: theirs))
        // Same shapes and text; only anti-aliasing and hinting differ (calibrated: ~1 on this chart).
        #expect(mad < 4, "rsvg and our PNG differ by \(mad)")
    }
}
