/// One milestone or period on a timeline.
public struct TimelineEvent: Sendable, Hashable, Identifiable {
    /// How the event ends: at its own date, at a later date, or still going on.
    public enum End: Sendable, Hashable {
        /// A single date (a point, or the whole month/year it is known to).
        case none
        /// A span ending with the last day of this date's period.
        case date(TimelineDate)
        /// Still running: drawn up to the report date ("今年以来").
        case open
    }
    /// Drawn apart: done filled, ongoing half-filled with a solid outline, planned hollow and dashed.
    public enum Status: String, Sendable, Hashable, CaseIterable {
        case done, ongoing, planned
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
    /// The date as the report writes it ("5月15日", "近日", "2022年1月至今"), drawn with the label;
    /// nil = formatted from `date` and `end` by the spec's `dateFormat`.
    public var dateLabel: String?

    public init(id: String, date: TimelineDate, end: End = .none, lane: String, status: Status = .done,
                label: String, detail: String? = nil, dateLabel: String? = nil) {
        self.id = id; self.date = date; self.end = end; self.lane = lane; self.status = status
        self.label = label; self.detail = detail; self.dateLabel = dateLabel
    }

    public var isSpan: Bool { if case .none = end { false } else { true } }

    /// Chinese text of the date or span with every year: "2022年5月15日", "2022年1月至今",
    /// "2022年3月—2022年10月".
    public var dateText: String { dateText(currentYear: nil) }

    /// The date or span, the year left out where it is `currentYear` ("5月15日", "3月—10月").
    public func dateText(currentYear: Int?) -> String {
        let start = date.text(currentYear: currentYear)
        switch end {
        case .none: return start
        case .date(let e): return start + "—" + e.text(endOf: date, currentYear: currentYear)
        case .open: return start + "至今"
        }
    }
}
