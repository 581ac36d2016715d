import ReportScene

/// A laid-out timeline: the scene plus the geometry tests and callers need, all in frame coordinates.
public struct TimelineLayout: Sendable {
    public var group: Group
    public var frame: Size
    /// The time area over the lanes: x from the scale's start to its end, y from the top of the
    /// first lane to the axis line.
    public var plotRect: Rect
    public var scale: TimelineScale
    public var tickUnit: TimelineTickUnit
    public var ticks: [TimelineTick]
    /// Lanes in display order with their band rectangles.
    public var lanes: [(name: String, rect: Rect)]
    /// Bounding box of each drawn event's mark (point, band or span), by event id.
    public var markerRects: [String: Rect]
    /// Span bars only (events with an end), by event id.
    public var spanRects: [String: Rect]
    /// Text box of each label drawn next to its mark.
    public var labelBoxes: [String: Rect]
    /// Number badges of events listed in the numbered key instead.
    public var badgeBoxes: [String: Rect]
    public var numbers: [String: Int]
    /// Lanes too dense for labels, drawn with number badges and the key instead.
    public var numberedLanes: [String]
    /// Text boxes of the numbered key (numbers, labels and the summary line).
    public var listTextBoxes: [Rect]
    /// Events drawn with neither a label nor a number (counted in "另有 N 项未列出").
    public var unlistedCount: Int
    /// Events lying wholly outside the domain, not drawn.
    public var omittedEventIDs: [String]
    /// x of the report-date marker, when drawn.
    public var reportX: Double?
    /// Where open spans end: the report date's end, clamped to the plot.
    public var openEndX: Double
}

public enum TimelineError: Error, Equatable, CustomStringConvertible {
    /// The frame cannot hold the lanes, axis and legend at the theme's type sizes.
    case frameTooSmall(String)
    public var description: String {
        switch self { case .frameTooSmall(let why): "timeline frame too small: \(why)" }
    }
}
