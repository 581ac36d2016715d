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
    /// Box of each label (date and text) drawn on the chart.
    public var labelBoxes: [String: Rect]
    /// Number badges of events listed in the key instead.
    public var badgeBoxes: [String: Rect]
    public var numbers: [String: Int]
    /// Leader lines from marks to their labels or badges (all vertical).
    public var leaders: [TimelineLeader]
    /// Events listed in the key below the axis (with their date), in key order.
    public var keyEventIDs: [String]
    /// Text boxes of the key (numbers, labels and the summary line).
    public var listTextBoxes: [Rect]
    /// Events neither labelled nor in the key, because even the key was full or the plot had no
    /// room for their badge or letter: counted in the "另有 N 项未列出，见全部事件表" line, and
    /// the report must carry the full list.
    public var unlistedEventIDs: [String]
    public var unlistedCount: Int { unlistedEventIDs.count }
    /// Events lying wholly outside the domain, not drawn.
    public var omittedEventIDs: [String]
    /// Groups of events too dense for a badge each, with an event in the key: lettered by a
    /// bracket over their stretch of the lane, listed in the key under a heading naming the lane
    /// and the dates (a group of one is listed under its letter).
    public var keyGroups: [TimelineKeyGroup] = []
    /// x of the report-date marker, when drawn.
    public var reportX: Double?
    /// Where open spans end: the report date's end, clamped to the plot.
    public var openEndX: Double
    /// Type size relative to the theme it was asked for (below 1 when `TimelineTypeFit` shrank it).
    public var typeScale: Double = 1
}

/// Events named in the key as a group (see `TimelineLayout.keyGroups`).
public struct TimelineKeyGroup: Sendable, Hashable {
    /// Letter of the bracket and of the key line (a group without room for its letter on the
    /// plot is not listed: its events are counted as left out).
    public var letter: String?
    public var lane: String
    /// Its events in key order (listed or, when the key is full, not).
    public var eventIDs: [String]
    /// The bracket's box in a label row of the lane, or (`inline`) the letter's box on a track
    /// just beside the group's marks, where the lane had no free row.
    public var box: Rect?
    public var inline: Bool
    /// The x stretch of the members' marks (their leader positions) the bracket spans.
    public var span: ClosedRange<Double>
    /// When no row had room for a bracket over the stretch: the leader from one member's mark
    /// to the letter standing alone in a row (also in `TimelineLayout.leaders`).
    public var leader: TimelineLeader? = nil
    /// The key heading ("工作线1 5月3日—5月9日"); nil for a group of one (its event's line
    /// carries the letter).
    public var heading: String?
}

/// A leader line from an event's mark to its label or number badge.
public struct TimelineLeader: Sendable, Hashable {
    public var eventID: String
    public var from: Point
    public var to: Point
}

/// A timeline that cannot be laid out at the theme's sizes.
public enum TimelineError: Error, Equatable, CustomStringConvertible {
    /// The frame cannot hold the lanes, axis, legend and key at the theme's type sizes; says what would fit.
    case frameTooSmall(String)
    public var description: String {
        switch self { case .frameTooSmall(let why): "timeline frame too small: \(why)" }
    }
}
