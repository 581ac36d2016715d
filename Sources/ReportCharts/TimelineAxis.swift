import ReportScene

/// Spacing of a timeline's ticks.
public enum TimelineTickUnit: Sendable, Hashable, CustomStringConvertible {
    /// Every `n`-th day of each month, starting on the 1st.
    case days(Int)
    case month
    /// 1 January, 1 April, 1 July, 1 October.
    case quarter
    /// 1 January of every year divisible by `n`.
    case years(Int)

    /// Finest first; the axis takes the first whose labels do not collide.
    static let candidates: [TimelineTickUnit] = [.days(1), .days(2), .days(5), .days(10), .month, .quarter]
        + [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000].map { .years($0) }

    var approximateDays: Double {
        switch self {
        case .days(let n): Double(n)
        case .month: 30.4
        case .quarter: 91.3
        case .years(let n): 365.25 * Double(n)
        }
    }

    public var description: String {
        switch self {
        case .days(let n): "days(\(n))"
        case .month: "month"
        case .quarter: "quarter"
        case .years(let n): "years(\(n))"
        }
    }
}

/// A tick of the time axis; `labelBox` is in frame coordinates.
public struct TimelineTick: Sendable, Hashable {
    public var day: Int
    public var x: Double
    public var label: String
    public var labelBox: Rect
}

/// The time axis: tick unit chosen for the range and width, labels in Chinese ("3月", "2022年"),
/// with a second row naming the year (or the month, for day ticks) so every tick is dated.
struct TimelineAxis {
    var unit: TimelineTickUnit
    var ticks: [TimelineTick]
    /// Second row: "2022年" under month/quarter ticks, "2022年3月" under day ticks.
    var context: [(text: String, day: Int, box: Rect)]
    /// Days where the context changes (year or month starts): drawn as stronger grid lines.
    var majorDays: [Int]
    var tickStyle: TextStyle
    var tickLength: Double
    var lineHeight: Double
    var height: Double { tickLength + lineHeight * (context.isEmpty ? 1 : 2) + lineHeight * 0.15 }

    /// The finest unit whose labels fit. Labels may reach past the plot into `labelRange` (the
    /// axis row under the lane names is free); an end label squeezed by the edge is dropped
    /// rather than the whole unit.
    static func choose(scale: TimelineScale, labelRange: ClosedRange<Double>, style: TextStyle,
                       cache: TimelineMeasureCache) throws -> TimelineAxis {
        let lineHeight = try cache.measure("2022年", style).height
        let gap = style.size * 0.8
        let width = scale.x1 - scale.x0
        for unit in TimelineTickUnit.candidates {
            // Skip units whose tick count alone rules them out, without generating them.
            let estimate = Double(scale.domain.count) / unit.approximateDays
            if estimate * style.size * 1.2 > width { continue }
            let days = tickDays(unit, scale.domain)
            guard let ticks = try ticks(unit, days, scale: scale, labelRange: labelRange, style: style, cache: cache,
                                        gap: gap, lineHeight: lineHeight),
                  ticks.filter({ !$0.label.isEmpty }).count >= 2 else { continue }
            let (context, major) = try contextRow(unit, scale: scale, labelRange: labelRange, style: style,
                                                  cache: cache, gap: gap, lineHeight: lineHeight)
            return TimelineAxis(unit: unit, ticks: ticks, context: context, majorDays: major, tickStyle: style,
                                tickLength: style.size * 0.4, lineHeight: lineHeight)
        }
        // A domain of millennia on a stamp-sized frame: label only the start.
        let d = scale.domain.lowerBound
        let text = "\(TimelineDate.civil(fromDayNumber: d).year)年"
        let w = try cache.measure(text, style).width
        let tick = TimelineTick(day: d, x: scale.x0, label: text,
                                labelBox: Rect(x: max(labelRange.lowerBound, scale.x0 - w / 2), y: 0, width: w,
                                               height: lineHeight))
        return TimelineAxis(unit: .years(1), ticks: [tick], context: [], majorDays: [], tickStyle: style,
                            tickLength: style.size * 0.4, lineHeight: lineHeight)
    }

    /// Ticks with centred labels, or nil when two labels would collide.
    static func ticks(_ unit: TimelineTickUnit, _ days: [Int], scale: TimelineScale, labelRange: ClosedRange<Double>,
                      style: TextStyle, cache: TimelineMeasureCache, gap: Double, lineHeight: Double)
        throws -> [TimelineTick]? {
        var ticks: [TimelineTick] = []
        var lastLabelled: Rect? = nil
        for (n, d) in days.enumerated() {
            let text = label(unit, day: d)
            let w = try cache.measure(text, style).width
            let x = scale.x(startOf: d)
            let centred = x - w / 2
            let left = min(max(centred, labelRange.lowerBound), labelRange.upperBound - w)
            let box = Rect(x: left, y: 0, width: w, height: lineHeight)
            if let prev = lastLabelled, prev.maxX + gap > box.minX {
                guard n == days.count - 1 && left != centred else { return nil }
                ticks.append(TimelineTick(day: d, x: x, label: "", labelBox: Rect(x: x, y: 0, width: 0, height: 0)))
                continue
            }
            ticks.append(TimelineTick(day: d, x: x, label: text, labelBox: box))
            lastLabelled = box
        }
        return ticks
    }

    /// Tick days inside the closed domain (the end boundary included, so a whole year gets both ends).
    static func tickDays(_ unit: TimelineTickUnit, _ domain: Range<Int>) -> [Int] {
        let lo = domain.lowerBound, hi = domain.upperBound
        let a = TimelineDate.civil(fromDayNumber: lo)
        var out: [Int] = []
        switch unit {
        case .years(let n):
            var y = a.year - ((a.year % n) + n) % n
            while true {
                let d = TimelineDate.dayNumber(year: y, month: 1, day: 1)
                if d > hi { break }
                if d >= lo { out.append(d) }
                y += n
            }
        case .month, .quarter, .days:
            var y = a.year, m = a.month
            while true {
                let first = TimelineDate.dayNumber(year: y, month: m, day: 1)
                if first > hi { break }
                switch unit {
                case .month: out.append(first)
                case .quarter: if (m - 1) % 3 == 0 { out.append(first) }
                case .days(let n):
                    let dim = TimelineDate.daysInMonth(year: y, month: m)
                    var d = 1
                    // Drop a last tick too close to the next month's 1st (e.g. 26日 in February).
                    while d <= dim && (d == 1 || dim + 1 - d >= n) {
                        out.append(first + d - 1); d += n
                    }
                default: break
                }
                m += 1
                if m > 12 { m = 1; y += 1 }
            }
            out = out.filter { $0 >= lo && $0 <= hi }
        }
        return out
    }

    static func label(_ unit: TimelineTickUnit, day: Int) -> String {
        let c = TimelineDate.civil(fromDayNumber: day)
        switch unit {
        case .days: return "\(c.day)日"
        case .month, .quarter: return "\(c.month)月"
        case .years: return "\(c.year)年"
        }
    }

    /// Year (or year-month) names under the ticks, left-aligned at each boundary; the domain's
    /// start is named too unless the first boundary follows too closely.
    static func contextRow(_ unit: TimelineTickUnit, scale: TimelineScale, labelRange: ClosedRange<Double>,
                           style: TextStyle,
                           cache: TimelineMeasureCache, gap: Double, lineHeight: Double)
        throws -> ([(text: String, day: Int, box: Rect)], [Int]) {
        let boundaryUnit: TimelineTickUnit
        switch unit {
        case .days: boundaryUnit = .month
        case .month, .quarter: boundaryUnit = .years(1)
        case .years: return ([], [])
        }
        let boundaries = tickDays(boundaryUnit, scale.domain)
        var starts = boundaries
        if starts.first != scale.domain.lowerBound { starts.insert(scale.domain.lowerBound, at: 0) }
        var out: [(text: String, day: Int, box: Rect)] = []
        for d in starts where d < scale.domain.upperBound {
            let c = TimelineDate.civil(fromDayNumber: d)
            let text = boundaryUnit == .month ? "\(c.year)年\(c.month)月" : "\(c.year)年"
            let w = try cache.measure(text, style).width
            var box = Rect(x: max(scale.x(startOf: d), scale.x0), y: 0, width: w, height: lineHeight)
            if box.maxX > labelRange.upperBound { box.x = labelRange.upperBound - w }
            if let prev = out.last, prev.box.maxX + gap > box.minX {
                // The label at the domain start yields to the real boundary right after it.
                if out.count == 1 && prev.day == scale.domain.lowerBound && !boundaries.contains(prev.day) {
                    out.removeLast()
                } else { continue }
            }
            out.append((text, d, box))
        }
        return (out, boundaries)
    }

    /// Moves the label boxes to rows under an axis line at `axisY`.
    mutating func place(axisY: Double) {
        let top = axisY + tickLength + lineHeight * 0.1
        for i in ticks.indices { ticks[i].labelBox.y = top }
        for i in context.indices { context[i].box.y = top + lineHeight }
    }

    /// Grid over the lanes, the axis line, tick marks and labels. Call after `place(axisY:)`.
    func nodes(scale: TimelineScale, axisY: Double, gridTop: Double, theme: ChartTheme) -> [Node] {
        var out: [Node] = []
        let grid = Stroke(color: theme.grid, width: theme.gridWidth)
        let majorSet = Set(majorDays)
        let major = Stroke(color: theme.grid.timelineMix(with: theme.axis, 0.35), width: theme.gridWidth * 1.4)
        for t in ticks where t.x > scale.x0 + 0.5 && t.x < scale.x1 - 0.5 {
            out.append(.path(.line(from: Point(t.x, gridTop), to: Point(t.x, axisY),
                                   stroke: majorSet.contains(t.day) ? major : grid)))
        }
        let axis = Stroke(color: theme.axis, width: theme.axisWidth)
        out.append(.path(.line(from: Point(scale.x0, axisY), to: Point(scale.x1, axisY), stroke: axis)))
        for t in ticks {
            out.append(.path(.line(from: Point(t.x, axisY), to: Point(t.x, axisY + tickLength), stroke: axis)))
            if !t.label.isEmpty {
                out.append(.text(TextNode(t.label, style: tickStyle, at: Point(t.labelBox.x, t.labelBox.y), anchor: .topLeft)))
            }
        }
        for c in context {
            out.append(.text(TextNode(c.text, style: tickStyle, at: Point(c.box.x, c.box.y), anchor: .topLeft)))
        }
        return out
    }
}

extension Color {
    /// Linear mix in sRGB; `t` = 0 gives self.
    func timelineMix(with other: Color, _ t: Double) -> Color {
        Color(red: red + (other.red - red) * t, green: green + (other.green - green) * t,
              blue: blue + (other.blue - blue) * t, alpha: alpha + (other.alpha - alpha) * t)
    }
}
