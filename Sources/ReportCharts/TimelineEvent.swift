/// One milestone or period on a timeline.
public struct TimelineEvent: Sendable, Hashable, Identifiable {
    public enum End: Sendable, Hashable {
        /// A single date (a point, or the whole month/year it is known to).
        case none
        /// A span ending with the last day of this date's period.
        case date(TimelineDate)
        /// Still running: drawn up to the report date ("今年以来").
        case open
    }
    public enum Status: Sendable, Hashable {
        case done, planned
    }

    public var id: String
    public var date: TimelineDate
    public var end: End
    /// Name of the lane (one of `TimelineSpec.lanes`; unknown names get a lane of their own).
    public var lane: String
    public var status: Status
    /// Short text drawn next to the mark or in the numbered list.
    public var label: String
    /// Longer description for callers (tooltips, tables); not drawn on the chart.
    public var detail: String?

    public init(id: String, date: TimelineDate, end: End = .none, lane: String, status: Status = .done,
                label: String, detail: String? = nil) {
        self.id = id; self.date = date; self.end = end; self.lane = lane; self.status = status
        self.label = label; self.detail = detail
    }

    public var isSpan: Bool { if case .none = end { false } else { true } }

    /// Chinese text of the date or span: "2022年5月15日", "2022年1月—至今", "2022年3月—2022年10月".
    public var dateText: String {
        switch end {
        case .none: date.chineseText
        case .date(let e): date.chineseText + "—" + e.chineseText
        case .open: date.chineseText + "—至今"
        }
    }
}
