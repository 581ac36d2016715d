import Foundation
import Testing
@testable import ReportComposer
import ReportCharts
import ReportData
import ReportScene

/// The default template's timeline as bound: dates as the prose writes them, statuses, options.
@Suite struct TimelineBindingTests {
    func copy(editing edit: (String) -> String) throws -> URL {
        try TemplateBindingTests().copy(editing: edit)
    }

    func milestones(_ bound: BoundTemplate) throws -> TimelineSpec {
        let job = try #require(bound.charts.first { $0.id == "milestones" })
        guard case .timeline(let spec) = job.spec else { throw BindingFailure.notATimeline }
        return spec
    }
    enum BindingFailure: Error { case notATimeline }

    @Test func everyEventCarriesItsDateAndStatus() throws {
        let spec = try milestones(TemplateLoader.load(template: TemplateBindingTests.linping))
        let dates = Dictionary(uniqueKeysWithValues: spec.events.map { ($0.id, spec.dateText($0)) })
        #expect(dates["museum_reopened"] == "5月15日")
        #expect(dates["beautiful_linping_people"] == "3月")
        #expect(dates["weak_villages_eliminated"] == "2021年")
        #expect(dates["future_factory_list"] == "近日")
        #expect(dates["qiaosi_land_consolidation"] == "1月至今")
        #expect(spec.events.first { $0.id == "qiaosi_land_consolidation" }?.status == .ongoing)
        #expect(spec.events.first { $0.id == "prepared_meals_full_line" }?.status == .planned)
        // 近日 ends with the report month, never after it.
        let recent = try #require(spec.events.first { $0.id == "future_factory_list" }?.date)
        #expect(recent.plausibleDays.upperBound == TimelineDate.month(2022, 6).lastDay)
    }

    @Test func dateOptionsAreReadAndCheckedStrictly() throws {
        let full = try copy { $0.replacingOccurrences(of: "    caption: 重点工作时间轴\n", with: "    caption: 重点工作时间轴\n    date_format: full\n    date_position: after\n") }
        let spec = try milestones(TemplateLoader.load(template: full))
        #expect(spec.dateFormat == .full && spec.datePosition == .after)
        #expect(spec.dateText(spec.events.first { $0.id == "museum_reopened" }!) == "2022年5月15日")

        let bad = try copy { $0.replacingOccurrences(of: "    caption: 重点工作时间轴\n", with: "    caption: 重点工作时间轴\n    date_format: long\n") }
        let errors = TemplateLoader.load(template: bad).diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 1)
        #expect(errors.first?.message.contains("'long' is not a date_format (use short, full, none)") == true, "\(errors)")
        #expect(errors.first?.file.hasSuffix("report.yaml") == true)
    }

    /// When even the key cannot hold every event, the report figure is followed by the full list.
    @Test func aFullKeyBringsTheFullListIntoTheReport() throws {
        let events = (0..<300).map { k in
            TimelineEvent(id: "e\(k)", date: .day(2022, 1 + k % 12, 1 + k % 28), lane: "线\(k % 3)",
                          status: k % 3 == 0 ? .planned : .done, label: "第\(k)项重点工作推进")
        }
        let spec = TimelineSpec(events: events, reportDate: .month(2022, 6))
        let job = ChartJob(id: "dense", spec: .timeline(spec), caption: "大事记", source: "", exportPreset: .slide,
                           reportHeight: 330)
        let (_, _, list) = try job.reportFigure(width: 481, measurer: FixedTextMeasurer())
        let table = try #require(list)
        #expect(table.rows.count == 300 && table.id == "dense-events" && table.caption == "大事记：全部事件")
        #expect(Set(table.rows.map { $0[1] }) == Set(events.map(\.label)))
        #expect(table.rows.first?[0] == "1月1日")
        // A timeline that names every event needs no list.
        let small = ChartJob(id: "s", spec: .timeline(TimelineSpec(events: Array(events.prefix(3)))), caption: "c",
                             source: "", exportPreset: .slide, reportHeight: 330)
        #expect(try small.reportFigure(width: 481, measurer: FixedTextMeasurer()).fullList == nil)
    }

    /// A timeline the report height cannot name in full gets a taller figure (the height the
    /// timeline says it needs) rather than a "left out" line and the full list.
    @Test func aCrowdedTimelineGrowsInTheReport() throws {
        let events = (0..<30).map { k in
            TimelineEvent(id: "w\(k)", date: .day(2022, 5, 3 + k % 7), lane: ["经济", "民生", "文化"][k % 3],
                          label: "一周内的第\(k)项重点工作")
        }
        let spec = TimelineSpec(events: events, reportDate: .month(2022, 6))
        let fixed = try spec.layout(frame: Size(481, 200), measurer: FixedTextMeasurer())
        #expect(fixed.unlistedCount > 0)
        let job = ChartJob(id: "week", spec: .timeline(spec), caption: "一周", source: "", exportPreset: .slide,
                           reportHeight: 200)
        let figure = try job.reportFigure(width: 481, measurer: FixedTextMeasurer())
        #expect(figure.fullList == nil)
        #expect(figure.height > 200 && figure.height <= ChartJob.maxReportHeight)
        #expect(try job.layoutForReportSized(width: 481, measurer: FixedTextMeasurer()).height == figure.height)
    }

    /// 40 long names need more height than a report figure can grow to: the error must not
    /// advise a `report_height` the text block cannot hold (it gave "set report_height ≥ 1171").
    @Test func barsBeyondTheTextBlockAskForFewerOrShorterNames() throws {
        let names = (1...40).map { "临平区某某街道关于推进共同富裕示范区建设的重点项目第\($0)号" }
        let spec = BarChartSpec(categories: names, series: [BarSeries(name: "x", values: names.indices.map { Double($0 + 1) })])
        let job = ChartJob(id: "forty", spec: .bar(spec), caption: "四十", source: "", exportPreset: .report,
                           reportHeight: 300)
        let error = try #require(throws: (any Error).self) {
            try job.layoutForReportSized(width: 481, measurer: FixedTextMeasurer())
        }
        let message = "\(error)"
        #expect(message.contains("40 categories need"), "\(message)")
        #expect(message.contains("more than a report figure can have (\(Int(ChartJob.maxReportHeight)) pt)"), "\(message)")
        #expect(!message.contains("report_height ≥"), "\(message)")
        #expect(!message.contains("set report_height"), "\(message)")
        #expect(message.contains("(report column 481×300 pt)"), "\(message)")
        #expect(message.contains("fewer categories"), "\(message)")
    }
}
