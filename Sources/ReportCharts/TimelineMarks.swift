import ReportScene

/// What a mark says about its event's date; one visual convention per kind, shared by the
/// chart and its legend so the two can never disagree.
enum TimelineMarkKind: Int, Sendable, Hashable, CaseIterable {
    /// A known day, done: filled dot.
    case donePoint
    /// A known day, planned: hollow dot.
    case plannedPoint
    /// Known only to a month or year: a band over the whole period, never a made-up day.
    case period
    /// "近日": a dotted band ±15 days around the stated date.
    case approximate
    /// A span, done: solid bar.
    case span
    /// A span, planned: pale bar with a dashed outline.
    case plannedSpan
    /// Still running: bar up to the report date ending in an arrow.
    case openSpan

    var legendText: String {
        switch self {
        case .donePoint: "已完成"
        case .plannedPoint: "计划"
        case .period: "仅知月/年（覆盖整段）"
        case .approximate: "约（前后约15天）"
        case .span: "持续时段"
        case .plannedSpan: "计划时段"
        case .openSpan: "持续至报告日"
        }
    }
}

/// Fills and strokes of timeline marks.
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

    /// A point mark centred at `c`.
    static func point(_ c: Point, radius: Double, planned: Bool, color: Color, background: Color) -> [Node] {
        planned
            ? [.path(circle(center: c, radius: radius, fill: background,
                            stroke: Stroke(color: color, width: max(0.8, radius * 0.4))))]
            : [.path(circle(center: c, radius: radius, fill: color, stroke: nil))]
    }

    /// A band over a whole month/year (`approximate` false) or a plausible range (true).
    static func band(_ r: Rect, planned: Bool, approximate: Bool, color: Color) -> [Node] {
        let fill: Color?
        let stroke: Stroke
        if approximate {
            fill = planned ? nil : color.withAlpha(0.18)
            stroke = Stroke(color: color, width: 1.1, dash: dotted, cap: .round)
        } else {
            fill = color.withAlpha(planned ? 0.06 : 0.32)
            stroke = Stroke(color: color, width: 0.8, dash: planned ? dashed : [])
        }
        return [.rect(RectNode(r, fill: fill, stroke: stroke))]
    }

    /// A span bar; an open span ends in an arrow head inside `r`.
    static func bar(_ r: Rect, planned: Bool, approximate: Bool, open: Bool, arrowHeight: Double,
                    color: Color) -> [Node] {
        let arrowLength = open ? min(r.width * 0.5, arrowHeight * 0.8) : 0
        let body = Rect(x: r.x, y: r.y, width: r.width - arrowLength, height: r.height)
        let fill: Color?
        let stroke: Stroke?
        if approximate {
            fill = planned ? nil : color.withAlpha(0.35)
            stroke = Stroke(color: color, width: 1.1, dash: dotted, cap: .round)
        } else if planned {
            fill = color.withAlpha(0.12)
            stroke = Stroke(color: color, width: 1, dash: dashed)
        } else {
            fill = color; stroke = nil
        }
        var out: [Node] = [.rect(RectNode(body, fill: fill, stroke: stroke))]
        if open {
            let tip = Point(r.maxX, r.midY)
            let head = PathNode([.move(Point(body.maxX, r.midY - arrowHeight / 2)), .line(tip),
                                 .line(Point(body.maxX, r.midY + arrowHeight / 2)), .close],
                                fill: planned ? nil : color,
                                stroke: planned ? Stroke(color: color, width: 1, dash: []) : nil)
            out.append(.path(head))
        }
        return out
    }

    /// The legend swatch of `kind` inside `r`, in a neutral colour.
    static func swatch(_ kind: TimelineMarkKind, in r: Rect, color: Color, background: Color) -> [Node] {
        let c = Point(r.midX, r.midY)
        let radius = r.height * 0.3
        let band = Rect(x: r.x + 1, y: r.midY - r.height * 0.3, width: r.width - 2, height: r.height * 0.6)
        let bar = Rect(x: r.x + 1, y: r.midY - r.height * 0.2, width: r.width - 2, height: r.height * 0.4)
        switch kind {
        case .donePoint: return point(c, radius: radius, planned: false, color: color, background: background)
        case .plannedPoint: return point(c, radius: radius, planned: true, color: color, background: background)
        case .period: return self.band(band, planned: false, approximate: false, color: color)
        case .approximate: return self.band(band, planned: false, approximate: true, color: color)
        case .span: return self.bar(bar, planned: false, approximate: false, open: false, arrowHeight: 0, color: color)
        case .plannedSpan: return self.bar(bar, planned: true, approximate: false, open: false, arrowHeight: 0, color: color)
        case .openSpan: return self.bar(bar, planned: false, approximate: false, open: true,
                                        arrowHeight: r.height * 0.7, color: color)
        }
    }
}

extension TimelineSpec {
    /// The mark kinds this chart's events use, in legend order: the legend shows only these.
    var markKinds: [TimelineMarkKind] {
        var kinds = Set<TimelineMarkKind>()
        for e in events {
            let planned = e.status == .planned
            kinds.insert(planned ? .plannedPoint : .donePoint)
            switch e.end {
            case .none:
                if e.date.approximate { kinds.insert(.approximate) }
                else if e.date.precision != .day { kinds.insert(.period) }
                if planned && e.date.precision != .day { kinds.insert(.plannedSpan) }
            case .date(let d):
                kinds.insert(planned ? .plannedSpan : .span)
                if e.date.approximate || d.approximate { kinds.insert(.approximate) }
            case .open:
                kinds.insert(.openSpan)
                if e.date.approximate { kinds.insert(.approximate) }
            }
        }
        return kinds.sorted { $0.rawValue < $1.rawValue }
    }
}
