import Testing
import ReportScene
@testable import ReportCharts

@Suite struct TimelineAxisTests {
    let measurer = FixedTextMeasurer()

    func layout(_ start: TimelineDate, _ end: TimelineDate, preset: ChartPreset = .report) throws -> TimelineLayout {
        let spec = TimelineSpec(lanes: ["A"], events: [
            TimelineEvent(id: "a", date: start, lane: "A", label: "起"),
            TimelineEvent(id: "b", date: end, lane: "A", label: "止"),
        ])
        return try spec.layout(preset: preset, measurer: measurer)
    }

    func tickTextBoxesDoNotCollide(_ l: TimelineLayout) throws {
        let axisTexts = l.group.leaves().filter { $0.path.contains("axis") }.compactMap { p -> Rect? in
            guard case .text(let t) = p.node else { return nil }
            return try? t.bounds(using: measurer)
        }
        #expect(TimelineChecks.overlaps(axisTexts).isEmpty)
        for b in axisTexts { #expect(b.minX >= 0 && b.maxX <= l.frame.width) }
        // Labels sit under their ticks; only the outermost may be pushed in by the frame edge.
        let labelled = l.ticks.filter { !$0.label.isEmpty }
        for t in labelled.dropFirst().dropLast() { #expect(abs(t.labelBox.midX - t.x) < 1e-9) }
    }

    @Test func oneMonthUsesDayTicksUnderAMonthRow() throws {
        let l = try layout(.day(2022, 3, 2), .day(2022, 3, 28))
        guard case .days = l.tickUnit else { Issue.record("got \(l.tickUnit)"); return }
        #expect(l.ticks.first?.label == "1日")
        let texts = try l.group.textBoxes(using: measurer).map(\.text)
        #expect(texts.contains("2022年3月"))
        try tickTextBoxesDoNotCollide(l)
    }

    @Test(arguments: [ChartPreset.report, ChartPreset.slide])
    func twoYearsUseQuartersOrMonthsWithYearRow(_ preset: ChartPreset) throws {
        let l = try layout(.day(2021, 1, 5), .day(2022, 12, 20), preset: preset)
        #expect(l.tickUnit == .quarter || l.tickUnit == .month)
        #expect(l.ticks.map(\.label).prefix(2) == (l.tickUnit == .quarter ? ["1月", "4月"] : ["1月", "2月"]))
        let texts = try l.group.textBoxes(using: measurer).map(\.text)
        #expect(texts.contains("2021年") && texts.contains("2022年"))
        try tickTextBoxesDoNotCollide(l)
    }

    @Test func tenYearsUseYearTicks() throws {
        let l = try layout(.year(2013), .year(2022))
        #expect(l.tickUnit == .years(1))
        #expect(l.ticks.first?.label == "2013年")
        #expect(l.ticks.filter { !$0.label.isEmpty }.count >= 9)
        try tickTextBoxesDoNotCollide(l)
    }

    @Test func narrowerFramesTakeCoarserTicks() throws {
        var ranks: [Int] = []
        for width in [2400.0, 960, 481, 300, 200] {
            let l = try layout(.day(2021, 1, 5), .day(2022, 12, 20),
                               preset: ChartPreset(name: "w", size: Size(width, 300), theme: .standard))
            ranks.append(try #require(TimelineTickUnit.candidates.firstIndex(of: l.tickUnit)))
            try tickTextBoxesDoNotCollide(l)
        }
        #expect(ranks == ranks.sorted())
        #expect(ranks.first! < ranks.last!)
    }

    @Test func ticksAreAtUnitStarts() {
        let domain = TimelineDate.year(2022).firstDay..<TimelineDate.year(2023).firstDay
        let quarters = TimelineAxis.tickDays(.quarter, domain)
        #expect(quarters.map { TimelineDate.civil(fromDayNumber: $0).month } == [1, 4, 7, 10, 1])
        let feb = TimelineDate.month(2022, 2)
        let fives = TimelineAxis.tickDays(.days(5), feb.firstDay..<(feb.lastDay + 1))
        // 26日 would sit three days before 3月1日: dropped.
        #expect(fives.map { TimelineDate.civil(fromDayNumber: $0).day } == [1, 6, 11, 16, 21, 1])
    }
}
