import Testing
import ReportScene
@testable import ReportCharts

@Suite struct TimelineLayoutTests {
    let measurer = FixedTextMeasurer()

    func eventNodes(_ layout: TimelineLayout, _ id: String) -> [Node] {
        layout.group.leaves().filter { $0.path.last == "event.\(id)" }.map(\.node)
    }

    @Test(arguments: [ChartPreset.report, ChartPreset.slide, ChartPreset(name: "wide", size: Size(1000, 500), theme: .standard)])
    func linpingStoryIsFullyLabelled(_ preset: ChartPreset) throws {
        let spec = TimelineFixtures.linping
        let layout = try spec.layout(preset: preset, measurer: measurer)
        #expect(Set(layout.labelBoxes.keys) == Set(spec.events.map(\.id)))
        #expect(layout.badgeBoxes.isEmpty && layout.unlistedCount == 0)
        let texts = try layout.group.textBoxes(using: measurer)
        #expect(TimelineChecks.overlaps(texts.map(\.box)).isEmpty)
        #expect(try TimelineChecks.outside(layout, measurer: measurer).isEmpty)
        for text in ["从制造到智造", "探寻文化临平", "报告日", "江南水乡文化博物馆开馆", "已完成", "计划", "近日（参照日前30天内）", "近日", "5月15日"] {
            #expect(texts.contains { $0.text == text }, "missing \(text)")
        }
        // Labels sit in their lane, above or below the mark line.
        for e in spec.events {
            let lane = try #require(layout.lanes.first { $0.name == e.lane })
            #expect(lane.rect.contains(layout.labelBoxes[e.id]!))
            #expect(lane.rect.contains(layout.markerRects[e.id]!))
        }
    }

    @Test func markersFollowDateOrder() throws {
        let dates: [TimelineDate] = [.day(2022, 1, 3), .day(2022, 2, 28), .day(2022, 3, 1), .day(2022, 7, 14), .day(2022, 12, 31)]
        // Declared out of order, ids reversed: the layout must not depend on either.
        let events = dates.enumerated().reversed().map { i, d in
            TimelineEvent(id: "z\(9 - i)", date: d, lane: "A", label: "事件\(i)")
        }
        let layout = try TimelineSpec(lanes: ["A"], events: events).layout(preset: .report, measurer: measurer)
        let xs = dates.indices.map { layout.markerRects["z\(9 - $0)"]!.midX }
        #expect(xs == xs.sorted())
        #expect(Set(xs).count == xs.count)
        // A day mark sits at the middle of its day.
        let s = layout.scale
        #expect(abs(xs[3] - s.x(middleOf: dates[3].firstDay)) < 1e-9)
    }

    @Test func spanLengthsAreProportionalToDurations() throws {
        let events = [
            TimelineEvent(id: "a", date: .day(2022, 1, 1), end: .date(.day(2022, 1, 10)), lane: "A", label: "十天"),
            TimelineEvent(id: "b", date: .day(2022, 3, 1), end: .date(.day(2022, 3, 20)), lane: "A", label: "二十天"),
            TimelineEvent(id: "c", date: .day(2022, 5, 1), end: .date(.day(2022, 6, 9)), lane: "B", label: "四十天"),
        ]
        let layout = try TimelineSpec(lanes: ["A", "B"], events: events).layout(preset: .slide, measurer: measurer)
        let ppd = layout.scale.pointsPerDay
        #expect(abs(layout.spanRects["a"]!.width - 10 * ppd) < 1e-6)
        #expect(abs(layout.spanRects["b"]!.width - 20 * ppd) < 1e-6)
        #expect(abs(layout.spanRects["c"]!.width - 40 * ppd) < 1e-6)
        #expect(abs(layout.spanRects["c"]!.minX - layout.scale.x(startOf: TimelineDate.day(2022, 5, 1).firstDay)) < 1e-6)
    }

    @Test func monthAndYearPrecisionCoverTheirWholePeriod() throws {
        let events = [
            TimelineEvent(id: "march", date: .month(2022, 3), lane: "A", label: "三月某日"),
            TimelineEvent(id: "feb", date: .month(2024, 2), lane: "A", label: "闰年二月"),
            TimelineEvent(id: "year", date: .year(2023), lane: "B", label: "二〇二三年内"),
        ]
        let layout = try TimelineSpec(lanes: ["A", "B"], events: events).layout(preset: .report, measurer: measurer)
        let s = layout.scale
        func check(_ id: String, _ d: TimelineDate) {
            let r = layout.markerRects[id]!
            #expect(abs(r.minX - s.x(startOf: d.firstDay)) < 1e-9)
            #expect(abs(r.maxX - s.x(startOf: d.lastDay + 1)) < 1e-9)
        }
        check("march", .month(2022, 3))
        check("feb", .month(2024, 2))
        check("year", .year(2023))
        #expect(abs(layout.markerRects["feb"]!.width - 29 * s.pointsPerDay) < 1e-6)
        // A band, not a dot standing for a made-up day.
        #expect(eventNodes(layout, "march").allSatisfy { if case .rect = $0 { true } else { false } })
    }

    @Test func approximatePlannedAndDoneAreStyledApart() throws {
        let spec = TimelineFixtures.linping
        let layout = try spec.layout(preset: .report, measurer: measurer)
        let theme = ChartPreset.report.theme

        // 近日: a dotted band over the 30 days before the report month, ending with it.
        guard case .rect(let approx) = eventNodes(layout, "canal").first else { Issue.record("no band"); return }
        #expect(approx.stroke?.dash == TimelineMarkPaint.dotted)
        #expect(approx.stroke?.cap == .round)
        let june = TimelineDate.month(2022, 6)
        #expect(abs(approx.rect.minX - layout.scale.x(startOf: june.firstDay - 30)) < 1e-9)
        #expect(abs(approx.rect.maxX - layout.scale.x(startOf: june.lastDay + 1)) < 1e-9)
        #expect(approx.rect.maxX <= layout.reportX! + 1e-9)

        // Planned month: dashed outline, pale fill; done month: solid outline, stronger fill.
        guard case .rect(let planned) = eventNodes(layout, "meals").first,
              case .rect(let done) = eventNodes(layout, "award").first else { Issue.record("no bands"); return }
        #expect(planned.stroke?.dash == TimelineMarkPaint.dashed)
        #expect(done.stroke?.dash == [])
        #expect((planned.fill?.alpha ?? 0) < (done.fill?.alpha ?? 0))

        // Day events: done is a filled dot, planned a hollow one.
        let points = try TimelineSpec(lanes: ["A"], events: [
            TimelineEvent(id: "d", date: .day(2022, 5, 15), lane: "A", label: "已开馆"),
            TimelineEvent(id: "p", date: .day(2022, 9, 1), lane: "A", status: .planned, label: "计划开工"),
        ]).layout(preset: .report, measurer: measurer)
        guard case .path(let dot) = eventNodes(points, "d").first,
              case .path(let ring) = eventNodes(points, "p").first else { Issue.record("no dots"); return }
        #expect(dot.fill == theme.seriesColor(0) && dot.stroke == nil)
        #expect(ring.fill == theme.background && ring.stroke?.color == theme.seriesColor(0))

        // Spans: done solid, planned dashed.
        let spans = try TimelineSpec(lanes: ["A"], events: [
            TimelineEvent(id: "s", date: .month(2022, 1), end: .date(.month(2022, 3)), lane: "A", label: "一季度"),
            TimelineEvent(id: "t", date: .month(2022, 7), end: .date(.month(2022, 9)), lane: "A", status: .planned, label: "三季度"),
        ]).layout(preset: .report, measurer: measurer)
        guard case .rect(let solid) = eventNodes(spans, "s").first,
              case .rect(let dashed) = eventNodes(spans, "t").first else { Issue.record("no bars"); return }
        #expect(solid.stroke == nil && solid.fill == theme.seriesColor(0))
        #expect(dashed.stroke?.dash == TimelineMarkPaint.dashed)
    }

    @Test func openSpanEndsAtTheReportDate() throws {
        let layout = try TimelineFixtures.linping.layout(preset: .report, measurer: measurer)
        let reportX = try #require(layout.reportX)
        // Report date 2022-06 (month precision): "so far" runs to the end of June.
        #expect(abs(reportX - layout.scale.x(startOf: TimelineDate.month(2022, 6).lastDay + 1)) < 1e-9)
        let land = try #require(layout.spanRects["land"])
        #expect(abs(land.maxX - reportX) < 1e-9)
        #expect(abs(land.minX - layout.scale.x(startOf: TimelineDate.month(2022, 1).firstDay)) < 1e-9)
        // The open end is an arrow head.
        #expect(eventNodes(layout, "land").contains { if case .path = $0 { true } else { false } })
    }

    @Test func explicitDomainOmitsEventsOutsideIt() throws {
        var spec = TimelineFixtures.linping
        spec.domain = TimelineDomain(start: .month(2022, 4), end: .month(2022, 12))
        let layout = try spec.layout(preset: .report, measurer: measurer)
        #expect(layout.omittedEventIDs == ["award"])
        #expect(layout.scale.domain == TimelineDate.month(2022, 4).firstDay..<TimelineDate.year(2023).firstDay)
        // The open span started before the domain: clipped to the plot's left edge.
        #expect(abs(layout.spanRects["land"]!.minX - layout.plotRect.minX) < 1e-9)
    }

    @Test func unknownLanesAreAppended() {
        let spec = TimelineSpec(lanes: ["A"], events: [TimelineEvent(id: "x", date: .year(2022), lane: "B", label: "x")])
        #expect(spec.resolvedLanes == ["A", "B"])
    }

    @Test func tooManyLanesForTheFrameThrows() {
        let lanes = (0..<80).map { "车道\($0)" }
        let spec = TimelineSpec(lanes: lanes, events: [TimelineEvent(id: "x", date: .year(2022), lane: "车道0", label: "x")])
        #expect(throws: TimelineError.self) { try spec.layout(preset: .report, measurer: measurer) }
    }
}

@Suite struct TimelineLabelEdgeTests {
    let measurer = FixedTextMeasurer()

    @Test func labelsWiderThanThePlotGoToTheWrappedKey() throws {
        let long = String(repeating: "非常长的事件说明", count: 12)
        let spec = TimelineSpec(lanes: ["A", "B"], events: [
            TimelineEvent(id: "long", date: .day(2022, 4, 1), lane: "A", label: long),
            TimelineEvent(id: "short", date: .day(2022, 6, 1), lane: "B", label: "短标签"),
        ])
        let layout = try spec.layout(preset: .report, measurer: measurer)
        #expect(layout.numbers["long"] == 1)
        #expect(layout.keyEventIDs == ["long"])
        #expect(layout.labelBoxes["short"] != nil)
        let texts = try layout.group.textBoxes(using: measurer)
        let keyLine = try #require(texts.first { $0.text.hasSuffix(long) })
        #expect(keyLine.box.height > 20)  // wrapped over several lines
        #expect(TimelineChecks.overlaps(texts.map(\.box)).isEmpty)
        #expect(try TimelineChecks.outside(layout, measurer: measurer).isEmpty)
    }

    @Test func multiLineLabelsAreDrawnOnOneLine() throws {
        let spec = TimelineSpec(lanes: ["A"], events: [
            TimelineEvent(id: "x", date: .day(2022, 4, 1), lane: "A", label: "第一行\n第二行"),
        ])
        let layout = try spec.layout(preset: .slide, measurer: measurer)
        let texts = try layout.group.textBoxes(using: measurer)
        #expect(texts.contains { $0.text == "第一行 第二行" })
        #expect(abs(layout.labelBoxes["x"]!.height - 1.2 * ChartPreset.slide.theme.labelSize) < 1e-9)
    }

    /// 近日 resolved against 2022-04-20: the 30 days before it and the day itself.
    @Test func approximateDayIsABandOfThirtyOneDays() throws {
        let spec = TimelineSpec(lanes: ["A"], events: [
            TimelineEvent(id: "x", date: .day(2022, 4, 20, approximate: true), lane: "A", label: "约4月20日"),
        ])
        let layout = try spec.layout(preset: .report, measurer: measurer)
        #expect(abs(layout.markerRects["x"]!.width - 31 * layout.scale.pointsPerDay) < 1e-6)
    }
}
