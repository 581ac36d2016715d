import Testing
import ReportScene
@testable import ReportCharts

/// Regression: the default report's timeline, exactly as `events.csv` and the chart binder give it,
/// once dropped half its labels and numbered badges on a slide with plenty of free height.
/// Fixed advances with Noto Sans CJK's natural line height (1.448 em, as Pango reports it)
/// rather than 1.2 em: the taller rows are what squeezed the real report's labels out.
private struct NotoLineMeasurer: TextMeasurer {
    static let lineHeight = 1.448
    func measure(_ text: String, style: TextStyle, wrapWidth: Double?) throws -> TextMetrics {
        var s = style
        s.lineSpacing *= Self.lineHeight / 1.2
        return try FixedTextMeasurer().measure(text, style: s, wrapWidth: wrapWidth)
    }
}

@Suite struct TimelineLinpingTests {
    static let lanes = ["从制造到智造", "既强村也富农", "重品质促提升", "探寻文化临平"]
    static let title = "临平2021—2022年重点工作时间轴"
    static let subtitle = "实心为已完成，环形为进行中，空心为计划；“近日”画在报告日之前"

    /// The eight rows of `Templates/linping-annual/data/events.csv`, dates resolved against the
    /// report date 2022-06 as the data layer does (近日 ≈ the report month, 今年以来 an open span).
    static func spec(_ notes: ChartNotes) -> TimelineSpec {
        TimelineSpec(notes: notes, lanes: lanes, events: [
            TimelineEvent(id: "future_factory_list", date: .month(2022, 6, approximate: true), lane: "从制造到智造",
                          label: "2022年省“未来工厂”试点名单公布，临平两家入选"),
            TimelineEvent(id: "prepared_meals_full_line", date: .month(2022, 10), lane: "从制造到智造", status: .planned,
                          label: "益海嘉里预制餐项目全线贯通"),
            TimelineEvent(id: "weak_villages_eliminated", date: .year(2021), lane: "既强村也富农",
                          label: "全面消除经营性收入80万元以下相对薄弱村"),
            TimelineEvent(id: "canal_park_design", date: .month(2022, 6, approximate: true), lane: "既强村也富农",
                          label: "发布大运河国家文化公园(临平段)核心区设计方案"),
            TimelineEvent(id: "old_neighbourhoods_2021", date: .year(2021), lane: "重品质促提升",
                          label: "完成19个老旧小区改造"),
            TimelineEvent(id: "qiaosi_land_consolidation", date: .month(2022, 1), end: .open, lane: "重品质促提升",
                          label: "乔司全域土地综合整治与生态修复工程启动"),
            TimelineEvent(id: "beautiful_linping_people", date: .month(2022, 3), lane: "探寻文化临平",
                          label: "首届“美丽临平人”发布会"),
            TimelineEvent(id: "museum_reopened", date: .day(2022, 5, 15), lane: "探寻文化临平",
                          label: "中国江南水乡文化博物馆闭馆改造后正式开馆"),
        ], reportDate: .month(2022, 6))
    }

    /// The slide export (title, subtitle, source) and the figure the report embeds (481×330,
    /// subtitle only).
    static let source = "数据来源：临平区委宣传部（供图）《推动“三大跃升” 迈进“三大高地”——高水平打造“数智临平” 高品质建设现代城区》"

    /// The slide export (title, subtitle, source) or the figure the report embeds (481×330,
    /// subtitle only), measured with 1.2 em lines or Noto's 1.448 em.
    static func layout(_ name: String, noto: Bool) throws -> (TimelineSpec, TimelineLayout, any TextMeasurer) {
        let measurer: any TextMeasurer = noto ? NotoLineMeasurer() : FixedTextMeasurer()
        let slide = name == "slide"
        let spec = Self.spec(slide ? ChartNotes(title: title, subtitle: subtitle, sourceNote: source)
                                   : ChartNotes(subtitle: subtitle))
        let layout = try spec.layout(frame: slide ? ChartPreset.slide.size : Size(481, 330),
                                     theme: slide ? ChartPreset.slide.theme : .standard, measurer: measurer)
        return (spec, layout, measurer)
    }

    static let cases: [(String, Bool)] = [("slide", false), ("slide", true), ("report", false), ("report", true)]

    @Test(arguments: cases)
    func everyEventIsLabelledOrListed(_ name: String, _ noto: Bool) throws {
        let (spec, layout, measurer) = try Self.layout(name, noto: noto)
        let texts = try layout.group.textBoxes(using: measurer).map { (text: $0.text.filter { $0 != "\u{2060}" }, box: $0.box) }

        #expect(layout.omittedEventIDs.isEmpty)
        #expect(layout.unlistedCount == 0, "\(name): \(layout.unlistedCount) unlisted")
        #expect(!texts.contains { $0.text.hasPrefix("另有") })
        for e in spec.events {
            if let box = layout.labelBoxes[e.id] {
                #expect(texts.contains { $0.text == e.label && box.contains($0.box, tolerance: 1e-6) }, "\(name): \(e.id) label not drawn")
                #expect(texts.contains { $0.text == spec.dateText(e) && box.contains($0.box, tolerance: 1e-6) }, "\(name): \(e.id) date not drawn")
            } else {
                // Listed in the key with its date, and numbered by a badge in its lane when one is drawn.
                #expect(layout.keyEventIDs.contains(e.id), "\(name): \(e.id) has neither label nor key line")
                #expect(texts.contains { $0.text == spec.dateText(e) + " " + e.label && $0.box.minY >= layout.plotRect.maxY })
                if let badge = layout.badgeBoxes[e.id], let n = layout.numbers[e.id] {
                    #expect(texts.contains { $0.text == String(n) && badge.contains($0.box, tolerance: 1e-6) })
                }
            }
            let lane = try #require(layout.lanes.first { $0.name == e.lane })
            if let box = layout.labelBoxes[e.id] ?? layout.badgeBoxes[e.id] {
                #expect(lane.rect.contains(box, tolerance: 1e-6), "\(name): \(e.id) outside its lane")
                #expect(box.minX >= layout.plotRect.minX - 1e-6 && box.maxX <= layout.plotRect.maxX + 1e-6)
            }
        }
        #expect(TimelineChecks.overlaps(texts.map(\.box)).isEmpty, "\(name): overlapping texts")
        #expect(TimelineChecks.overlaps(Array(layout.labelBoxes.values) + Array(layout.badgeBoxes.values)).isEmpty)
        #expect(try TimelineChecks.outside(layout, measurer: measurer).isEmpty, "\(name): clipped")
    }

    /// A 960×540 slide has room for every label in full, with its date: no badges, no key
    /// (at 1.9× type with Noto's tall lines the export shrinks its type toward the report's).
    @Test(arguments: [false, true])
    func slideLabelsEveryEventInFull(_ noto: Bool) throws {
        let measurer: any TextMeasurer = noto ? NotoLineMeasurer() : FixedTextMeasurer()
        let spec = Self.spec(ChartNotes(title: Self.title, subtitle: Self.subtitle, sourceNote: Self.source))
        let layout = try spec.layout(preset: .slide, measurer: measurer)
        #expect(layout.labelBoxes.count == 8, "labelled: \(layout.labelBoxes.keys.sorted())")
        #expect(layout.badgeBoxes.isEmpty && layout.listTextBoxes.isEmpty)
    }

    /// Labels never cover another lane's marks or another event's mark in their own lane.
    @Test(arguments: cases)
    func labelsKeepClearOfMarks(_ name: String, _ noto: Bool) throws {
        let layout = try Self.layout(name, noto: noto).1
        let boxes = Array(layout.labelBoxes.values) + Array(layout.badgeBoxes.values)
        for box in boxes {
            for (id, mark) in layout.markerRects {
                #expect(TimelineChecks.overlaps([box, mark]).isEmpty, "\(name): a label covers the mark of \(id)")
            }
        }
    }

    /// A crowded lane (the story plus twelve more culture events in spring) goes to numbered
    /// badges; each badge drawn must be in the key, and the key (and the figure, in the report
    /// flow) must rather grow than leave badges out with "另有 N 项未列出".
    @Test(arguments: [330.0, 400.0])
    func badgesOfACrowdedLaneAreAllListed(_ height: Double) throws {
        let measurer = NotoLineMeasurer()
        var spec = Self.spec(ChartNotes(subtitle: Self.subtitle))
        for k in 0..<12 {
            spec.events.append(TimelineEvent(id: "extra\(k)", date: .day(2022, 4, 1 + 2 * k), lane: "探寻文化临平",
                                             label: "文化活动第\(k + 1)场"))
        }
        let layout = try spec.layout(width: 481, height: height, maxHeight: 680, measurer: measurer)
        #expect(layout.frame.height <= 680)
        #expect(!layout.keyEventIDs.isEmpty)
        #expect(layout.unlistedCount == 0, "\(height): \(layout.unlistedCount) unlisted")
        #expect(layout.labelBoxes.count + layout.keyEventIDs.count == spec.events.count)
        #expect(Set(layout.badgeBoxes.keys) == Set(layout.numbers.keys))
        if height >= 400 { #expect(!layout.numbers.isEmpty) }
        let texts = try layout.group.textBoxes(using: measurer).map { (text: $0.text.filter { $0 != "\u{2060}" }, box: $0.box) }
        for (id, n) in layout.numbers {
            let label = spec.events.first { $0.id == id }!.label
            #expect(texts.contains { $0.text == String(n) && layout.badgeBoxes[id]!.contains($0.box, tolerance: 1e-6) })
            #expect(texts.contains { $0.text.hasSuffix(label) && $0.box.minY >= layout.plotRect.maxY })
        }
        #expect(TimelineChecks.overlaps(texts.map(\.box)).isEmpty)
        #expect(try TimelineChecks.outside(layout, measurer: measurer).isEmpty)
    }
}
