import ReportCharts
import ReportScene

extension ChartJob {
    /// The figure as `layoutForReport` draws it, plus for a timeline whose key could not hold
    /// every event (its note says "另有 N 项未列出，见全部事件表") the table of all its events,
    /// to follow the figure: the report never leaves an event unnamed.
    func reportFigure(width: Double, measurer: any TextMeasurer) throws -> (group: Group, height: Double, fullList: Table?) {
        // `layoutForReportSized` attaches the chart's report.yaml position to any layout error.
        guard case .timeline(var t) = spec else {
            let (group, height) = try layoutForReportSized(width: width, measurer: measurer)
            return (group, height, nil)
        }
        // A timeline grows to the height it says names every event (as `layoutForReportSized`
        // does); one layout gives the figure and whether its key still left events out.
        t.notes.title = nil; t.notes.sourceNote = nil
        let layout = try timelineForReport(t, width: width, measurer: measurer)
        let height = layout.frame.height
        guard !layout.unlistedEventIDs.isEmpty else { return (layout.group, height, nil) }
        return (layout.group, height, Self.fullList(t, id: id, caption: caption, source: source))
    }

    /// The report figure of a timeline: `reportHeight`, or taller (up to `maxReportHeight`) when
    /// the timeline needs it to name every event with its badge or letter on the plot.
    func timelineForReport(_ t: TimelineSpec, width: Double, measurer: any TextMeasurer) throws -> TimelineLayout {
        try positioned(reportPlace(width), at: reportHeightPosition ?? position) {
            try t.layout(width: width, height: reportHeight, maxHeight: max(reportHeight, Self.maxReportHeight),
                         theme: ChartPreset.report.theme, measurer: measurer)
        }
    }

    /// Every event of `spec`, in date order: date (as on the chart, with its year), event, lane, status.
    static func fullList(_ spec: TimelineSpec, id: String, caption: String, source: String) -> Table {
        var full = spec
        if full.dateFormat == .none { full.dateFormat = .full }
        let status: [TimelineEvent.Status: String] = [.done: "已完成", .ongoing: "进行中", .planned: "计划"]
        let rows = spec.events.enumerated()
            .sorted { ($0.element.date.plausibleDays.lowerBound, $0.offset) < ($1.element.date.plausibleDays.lowerBound, $1.offset) }
            .map { [full.dateText($0.element), $0.element.label, $0.element.lane, status[$0.element.status]!] }
        return Table(id: id + "-events", header: ["时间", "事件", "工作线", "状态"], rows: rows,
                     alignments: [.left, .left, .left, .left], columnWeights: [1.2, 4, 1.4, 0.8],
                     caption: caption + "：全部事件", source: source)
    }
}
