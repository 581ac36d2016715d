import ReportScene

/// What a mark's shape says about its event's date; one visual convention per shape, shared by
/// the chart and its legend so the two can never disagree. The status (done, ongoing,
/// planned) is drawn on top of the shape by `TimelineMarkPaint`.
enum TimelineMarkShape: Int, Sendable, Hashable, CaseIterable {
    /// A known day: a dot.
    case point
    /// Known only to a month or year: a band over the whole period, never a made-up day.
    case period
    /// "近日": a dotted band over the window before the reference date.
    case approximate
    /// A span with an end: a bar.
    case span
    /// Still running: a bar up to the report date ending in an arrow.
    case openSpan
}

/// One entry of the legend: a status or a shape the chart actually uses.
enum TimelineLegendItem: Hashable, Comparable {
    case status(TimelineEvent.Status)
    case shape(TimelineMarkShape)

    private var order: Int {
        switch self {
        case .status(let s): TimelineEvent.Status.allCases.firstIndex(of: s)!
        case .shape(let k): 10 + k.rawValue
        }
    }
    static func < (a: Self, b: Self) -> Bool { a.order < b.order }

    /// The item's group name in the scene ("legend.status.done"), spelled out: interpolating
    /// the enum would print it by reflection, whose casts scan the binary's conformance records
    /// on first use (~2 ms of a timeline's `report render`).
    var sceneName: String {
        switch self {
        case .status(let s): "legend.status." + s.rawValue
        case .shape(.point): "legend.shape.point"
        case .shape(.period): "legend.shape.period"
        case .shape(.approximate): "legend.shape.approximate"
        case .shape(.span): "legend.shape.span"
        case .shape(.openSpan): "legend.shape.openSpan"
        }
    }

    var text: String {
        switch self {
        case .status(.done): "已完成"
        case .status(.ongoing): "进行中"
        case .status(.planned): "计划"
        case .shape(.point): "具体日期"
        case .shape(.period): "仅知月/年（覆盖整段）"
        case .shape(.approximate): "近日（参照日前\(TimelineDate.recentWindowDays)天内）"
        case .shape(.span): "持续时段"
        case .shape(.openSpan): "持续至报告日"
        }
    }
}

/// Fills and strokes of timeline marks: done filled, ongoing half-filled with a solid outline,
/// planned pale or hollow with a dashed outline.
enum TimelineMarkPaint {
    static let dashed: [Double] = [3, 2]
    static let dotted: [Double] = [0.01, 2]

    static func circle(center c: Point, radius r: Double, fill: Color?, stroke: Stroke?) -> PathNode {
        let k = 0.5522847498 * r
        return PathNode([
            .move(Point(c.x + r, c.y)),
            .curve(Point(c.x + r, c.y + k), Point(c.x + k, c.y + r), Point(c.x, c.y + r)),
            .curve(Point(c.x - k, c.y + r), Point(c.x - r, c.y + k), Point(c.x - r, c.y)),
            .curve(Point(c.x - r, c.y - k), Point(c.x - k, c.y - r), Point(c.x, c.y - r)),
            .curve(Point(c.x + k, c.y - r), Point(c.x + r, c.y - k), Point(c.x + r, c.y)),
            .close,
        ], fill: fill, stroke: stroke)
    }

    /// A point mark centred at `c`: filled (done), ring round a small dot (ongoing), hollow (planned).
    static func point(_ c: Point, radius: Double, status: TimelineEvent.Status, color: Color,
                      background: Color) -> [Node] {
        let ring = Stroke(color: color, width: max(0.8, radius * 0.4))
        switch status {
        case .done: return [.path(circle(center: c, radius: radius, fill: color, stroke: nil))]
        case .ongoing:
            return [.path(circle(center: c, radius: radius, fill: background, stroke: ring)),
                    .path(circle(center: c, radius: radius * 0.4, fill: color, stroke: nil))]
        case .planned:
            return [.path(circle(center: c, radius: radius, fill: background,
                                 stroke: Stroke(color: color, width: ring.width, dash: [radius * 0.7, radius * 0.45])))]
        }
    }

    /// A band over a whole month/year (`approximate` false) or the 近日 window (true).
    static func band(_ r: Rect, status: TimelineEvent.Status, approximate: Bool, color: Color) -> [Node] {
        let alpha: Double = switch status { case .done: 0.32; case .ongoing: 0.16; case .planned: 0.05 }
        let dash = approximate ? dotted : status == .planned ? dashed : []
        let width = approximate ? 1.1 : status == .ongoing ? 1.4 : 0.8
        return [.rect(RectNode(r, fill: color.withAlpha(approximate ? alpha * 0.6 : alpha),
                               stroke: Stroke(color: color, width: width, dash: dash, cap: approximate ? .round : .butt)))]
    }

    /// A span bar; an open span ends in an arrow head inside `r`.
    static func bar(_ r: Rect, status: TimelineEvent.Status, approximate: Bool, open: Bool, arrowHeight: Double,
                    color: Color) -> [Node] {
        let arrowLength = open ? min(r.width * 0.5, arrowHeight * 0.8) : 0
        let body = Rect(x: r.x, y: r.y, width: r.width - arrowLength, height: r.height)
        let fill: Color?
        var stroke: Stroke?
        switch status {
        case .done: fill = color; stroke = nil
        case .ongoing: fill = color.withAlpha(0.45); stroke = Stroke(color: color, width: 1)
        case .planned: fill = color.withAlpha(0.12); stroke = Stroke(color: color, width: 1, dash: dashed)
        }
        if approximate { stroke = Stroke(color: color, width: 1.1, dash: dotted, cap: .round) }
        var out: [Node] = [.rect(RectNode(body, fill: fill, stroke: stroke))]
        if open {
            let tip = Point(r.maxX, r.midY)
            let head = PathNode([.move(Point(body.maxX, r.midY - arrowHeight / 2)), .line(tip),
                                 .line(Point(body.maxX, r.midY + arrowHeight / 2)), .close],
                                fill: status == .planned ? nil : color,
                                stroke: status == .planned ? Stroke(color: color, width: 1, dash: []) : nil)
            out.append(.path(head))
        }
        return out
    }

    /// The legend swatch of `item` inside `r`: statuses as a dot in a neutral colour, shapes done.
    static func swatch(_ item: TimelineLegendItem, in r: Rect, color: Color, background: Color) -> [Node] {
        let c = Point(r.midX, r.midY)
        let band = Rect(x: r.x + 1, y: r.midY - r.height * 0.3, width: r.width - 2, height: r.height * 0.6)
        let bar = Rect(x: r.x + 1, y: r.midY - r.height * 0.2, width: r.width - 2, height: r.height * 0.4)
        switch item {
        case .status(let s):
            return point(Point(r.x + r.height * 0.35, c.y), radius: r.height * 0.3, status: s, color: color,
                         background: background)
                + self.bar(Rect(x: r.x + r.height * 0.8, y: bar.y, width: r.width - r.height * 0.8 - 1, height: bar.height),
                           status: s, approximate: false, open: false, arrowHeight: 0, color: color)
        case .shape(.point): return point(c, radius: r.height * 0.3, status: .done, color: color, background: background)
        case .shape(.period): return self.band(band, status: .done, approximate: false, color: color)
        case .shape(.approximate): return self.band(band, status: .done, approximate: true, color: color)
        case .shape(.span): return self.bar(bar, status: .done, approximate: false, open: false, arrowHeight: 0, color: color)
        case .shape(.openSpan):
            return self.bar(bar, status: .done, approximate: false, open: true, arrowHeight: r.height * 0.7, color: color)
        }
    }
}

extension TimelineEvent {
    /// The shape of this event's mark.
    var shape: TimelineMarkShape {
        switch end {
        case .none: date.approximate ? .approximate : date.precision == .day ? .point : .period
        case .date: .span
        case .open: .openSpan
        }
    }
}

extension TimelineSpec {
    /// Legend entries of the statuses and shapes this chart's events use: the legend shows
    /// only these. A lone status (all done) and the plain dot need no explanation when they
    /// are the only kind of their group.
    var legendItems: [TimelineLegendItem] {
        var statuses = Set<TimelineEvent.Status>(), shapes = Set<TimelineMarkShape>()
        for e in events {
            statuses.insert(e.status); shapes.insert(e.shape)
            if case .date(let d) = e.end, d.approximate { shapes.insert(.approximate) }
        }
        var items: [TimelineLegendItem] = []
        if statuses != [.done] { items += statuses.map { .status($0) } }
        if shapes != [.point] { items += shapes.filter { $0 != .point || shapes.count > 1 }.map { .shape($0) } }
        return items.sorted()
    }
}
