/// How an event's date is written next to its label (report.yaml `date_format`).
public enum TimelineDateFormat: String, Sendable, Hashable, CaseIterable {
    /// As the report's prose writes it: the report year left out ("5月15日", "3月", "2021年", "近日").
    case short
    /// Always with the year ("2022年5月15日").
    case full
    /// No date on the chart (the axis alone places the event).
    case none
}

/// Where the date goes relative to the label text (report.yaml `date_position`).
public enum TimelineDatePosition: String, Sendable, Hashable, CaseIterable {
    /// "5月15日 博物馆开馆"
    case before
    /// "博物馆开馆 5月15日"
    case after
}

extension TimelineSpec {
    /// The date text drawn with `e`'s label: the caller's `dateLabel` when given (the report's
    /// one display of that cell), else formatted from the event's dates.
    public func dateText(_ e: TimelineEvent) -> String {
        switch dateFormat {
        case .none: return ""
        case .full: return e.dateText(currentYear: nil)
        case .short: return e.dateLabel ?? e.dateText(currentYear: reportDate?.year)
        }
    }
}
