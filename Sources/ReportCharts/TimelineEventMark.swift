import ReportScene

/// One event resolved against the scale: its mark shape, horizontal extent and leader anchor.
struct TimelineEventMark {
    let event: TimelineEvent
    let lane: Int
    let shape: TimelineMarkShape
    let approximate: Bool
    let x0: Double
    let x1: Double
    /// Where the leader line starts: a point's centre, a band's or bar's start.
    let anchorX: Double
    /// Drawn height of the mark, centred on its track's line.
    let height: Double
    let startDay: Int
    /// The label on one line: rows are one line high.
    let label: String
    /// The date as drawn with the label ("5月15日", "近日"); empty when dates are off.
    let dateText: String

    /// nil when the event lies wholly outside the domain.
    init?(_ e: TimelineEvent, lane: Int, spec: TimelineSpec, scale: TimelineScale, openEnd: Int, band: Double) {
        self.event = e; self.lane = lane; startDay = e.date.plausibleDays.lowerBound
        label = e.label.utf8.contains(where: { $0 == 10 || $0 == 13 })
            ? e.label.split(whereSeparator: \.isNewline).joined(separator: " ") : e.label
        dateText = spec.dateText(e)
        shape = e.shape
        if case .date(let end) = e.end { approximate = e.date.approximate || end.approximate }
        else { approximate = e.date.approximate }
        let domain = scale.domain
        switch shape {
        case .point:
            guard domain.contains(e.date.firstDay) else { return nil }
            let r = Self.pointRadius(band: band)
            let cx = scale.x(middleOf: e.date.firstDay)
            x0 = cx - r; x1 = cx + r; anchorX = cx; height = 2 * r
        default:
            let days = spec.drawnDays(e, openEnd: openEnd)
            guard days.upperBound > domain.lowerBound, days.lowerBound < domain.upperBound else { return nil }
            var a = scale.clamp(scale.x(startOf: days.lowerBound))
            var b = scale.clamp(scale.x(startOf: days.upperBound))
            // Keep very short periods on long axes visible, without leaving the plot.
            let minWidth = 2.0
            if b - a < minWidth {
                let mid = (a + b) / 2
                a = max(scale.x0, min(mid - minWidth / 2, scale.x1 - minWidth)); b = a + minWidth
            }
            x0 = a; x1 = b; anchorX = min(a + 1, b)
            switch shape {
            case .period: height = band * 0.6
            case .approximate: height = band * 0.7
            case .openSpan: height = band * 0.75
            default: height = band * 0.42
            }
        }
    }

    static func pointRadius(band: Double) -> Double { band * 0.32 }

    var isSpan: Bool { event.isSpan }

    /// The mark's nodes with its track line at `midY`.
    func nodes(midY: Double, color: Color, background: Color, band: Double) -> (nodes: [Node], rect: Rect) {
        let status = event.status
        switch shape {
        case .point:
            let r = Self.pointRadius(band: band)
            let c = Point(anchorX, midY)
            return (TimelineMarkPaint.point(c, radius: r, status: status, color: color, background: background),
                    Rect(x: c.x - r, y: c.y - r, width: 2 * r, height: 2 * r))
        case .period, .approximate:
            let rect = Rect(x: x0, y: midY - height / 2, width: x1 - x0, height: height)
            return (TimelineMarkPaint.band(rect, status: status, approximate: approximate, color: color), rect)
        case .span, .openSpan:
            let barHeight = band * 0.42
            let arrowHeight = band * 0.75
            let bar = Rect(x: x0, y: midY - barHeight / 2, width: x1 - x0, height: barHeight)
            let nodes = TimelineMarkPaint.bar(bar, status: status, approximate: approximate, open: shape == .openSpan,
                                              arrowHeight: arrowHeight, color: color)
            let rect = shape == .openSpan
                ? Rect(x: x0, y: midY - arrowHeight / 2, width: x1 - x0, height: arrowHeight) : bar
            return (nodes, rect)
        }
    }
}
