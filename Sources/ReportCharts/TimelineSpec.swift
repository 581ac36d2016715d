import ReportScene

/// The stretch of time a timeline shows, from the first day of `start` to the last day of `end`.
public struct TimelineDomain: Sendable, Hashable {
    public var start: TimelineDate
    public var end: TimelineDate
    public init(start: TimelineDate, end: TimelineDate) {
        precondition(start.firstDay <= end.lastDay, "timeline domain ends before it starts")
        self.start = start; self.end = end
    }
    /// Half-open day range: day `d` occupies [d, d + 1).
    public var days: Range<Int> { start.firstDay..<(end.lastDay + 1) }
}

/// Everything a timeline chart shows.
///
/// Dates are drawn no more precisely than they are known: a day is a dot at the middle of
/// that day, a month or year a band over the whole period, an approximate date ("近日") a
/// dotted band over the `TimelineDate.recentWindowDays` before its reference date, ending with
/// it. Spans run from the first day of their start to the last day of their end; open spans end
/// at the report date with an arrow. Done events are filled, ongoing half-filled, planned
/// hollow or dashed. Every label carries its event's date (`dateFormat`, `datePosition`).
public struct TimelineSpec: Sendable, Hashable {
    public var notes: ChartNotes
    /// Lane names, top to bottom, e.g. 从制造到智造, 既强村也富农, 重品质促提升, 探寻文化临平.
    public var lanes: [String]
    public var events: [TimelineEvent]
    /// Drawn as a "报告日" marker; open spans run up to its period's end.
    public var reportDate: TimelineDate?
    /// Overrides the domain derived from the events (whole months around them).
    public var domain: TimelineDomain?
    public var dateFormat: TimelineDateFormat
    public var datePosition: TimelineDatePosition

    public init(notes: ChartNotes = ChartNotes(), lanes: [String] = [], events: [TimelineEvent],
                reportDate: TimelineDate? = nil, domain: TimelineDomain? = nil,
                dateFormat: TimelineDateFormat = .short, datePosition: TimelineDatePosition = .before) {
        self.notes = notes; self.lanes = lanes; self.events = events; self.reportDate = reportDate
        self.domain = domain; self.dateFormat = dateFormat; self.datePosition = datePosition
    }

    /// Declared lanes, then any lane only named by an event, in order of first appearance.
    public var resolvedLanes: [String] {
        var index = TimelineLaneIndex(lanes)
        for e in events { _ = index.insert(e.lane) }
        return index.names
    }

    /// The day up to which open spans run: the end of the report date's period, or the last
    /// plausible day of any event when there is no report date.
    var openEndDay: Int {
        if let r = reportDate { return r.lastDay + 1 }
        return (events.map { drawnDays($0, openEnd: Int.min).upperBound }.max() ?? 0)
    }

    /// Days an event's mark covers (half-open), `openEnd` standing in for open spans.
    func drawnDays(_ e: TimelineEvent, openEnd: Int) -> Range<Int> {
        let start = e.date.plausibleDays.lowerBound
        switch e.end {
        case .none: return start..<(e.date.plausibleDays.upperBound + 1)
        case .date(let d): return start..<max(start + 1, d.plausibleDays.upperBound + 1)
        case .open: return start..<max(start + 1, openEnd)
        }
    }

    /// The explicit domain, or whole months around every event and the report date.
    var resolvedDomain: Range<Int> {
        if let d = domain { return d.days }
        let openEnd = openEndDay
        var lo = Int.max, hi = Int.min
        for e in events {
            let r = drawnDays(e, openEnd: openEnd)
            lo = min(lo, r.lowerBound); hi = max(hi, r.upperBound)
        }
        if let r = reportDate { lo = min(lo, r.firstDay); hi = max(hi, r.lastDay + 1) }
        if lo == .max { return TimelineDate.year(2022).firstDay..<(TimelineDate.year(2022).lastDay + 1) }
        let a = TimelineDate.civil(fromDayNumber: lo)
        let b = TimelineDate.civil(fromDayNumber: hi - 1)
        let start = TimelineDate.dayNumber(year: a.year, month: a.month, day: 1)
        let end = TimelineDate.month(b.year, b.month).lastDay + 1
        return start..<end
    }
}
