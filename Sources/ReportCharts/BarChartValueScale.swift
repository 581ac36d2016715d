import ReportScene

/// A value label before placement: its text, size and the bar (or stack) it belongs to.
struct BarLabelCandidate {
    var slot: Int
    var category: Int
    /// nil for a stack total.
    var series: Int?
    var text: String
    var width: Double
    var height: Double
    /// Value where the bar starts and ends (scaled units); a total starts and ends at the stack's end.
    var start: Double
    var end: Double
    /// A stack segment: labelled inside or not at all.
    var segment: Bool
    /// The label is narrower than the bar across the category axis.
    var crossFits: Bool
}

/// The value axis: bar thickness, label candidates, ticks and a scale leaving room for outside labels.
extension BarChartEngine {
    var grouped: Bool { !data.stacked && data.seriesCount > 1 }
    /// Gap between the bars of one group.
    var innerGap: Double { grouped ? Swift.min(band.bandwidth * 0.06, theme.axisWidth * 2) : 0 }
    var barThickness: Double {
        grouped ? (band.bandwidth - innerGap * Double(data.seriesCount - 1)) / Double(data.seriesCount) : band.bandwidth
    }
    /// Start of series `s`'s bar across the category axis in `slot`.
    func crossStart(slot: Int, series s: Int) -> Double {
        band.start(slot) + (grouped ? Double(s) * (barThickness + innerGap) : 0)
    }

    func buildLabelCandidates() throws {
        labelCandidates = []
        guard spec.valueLabels != .none, labelMode != .none else { return }
        let vertical = orientation == .vertical
        // Labels cannot be told apart when bars are narrower than a digit: this form cannot show them.
        let probe = try fit.measure("0", valueStyle)
        let pitch = grouped ? barThickness + innerGap : band.step
        let needed = vertical ? probe.width : probe.height
        guard pitch >= needed else {
            throw valueLabelFailure(labelHeight: probe.height)
        }
        let thickness = barThickness
        let crossPad = vertical ? 2 * pad : pad * 0.5
        var totalStyle = valueStyle
        totalStyle.weight = .medium
        labelCandidates.reserveCapacity(data.n * (data.seriesCount + (data.stacked ? 2 : 0)))
        for slot in 0..<data.n {
            let c = data.order[slot]
            if !data.stacked || segmentLabels {
                for (s, v, start) in data.segments(category: c) {
                    guard let text = data.label(series: s, category: c) else { continue }
                    let m = try fit.measure(text, valueStyle)
                    let cross = vertical ? m.width : m.height
                    labelCandidates.append(BarLabelCandidate(
                        slot: slot, category: c, series: s, text: text, width: m.width, height: m.height,
                        start: start, end: start + v, segment: data.stacked, crossFits: cross + crossPad <= thickness))
                }
            }
            for (text, end) in data.totalLabels(category: c) {
                let m = try fit.measure(text, totalStyle)
                labelCandidates.append(BarLabelCandidate(
                    slot: slot, category: c, series: nil, text: text, width: m.width, height: m.height,
                    start: end, end: end, segment: false, crossFits: false))
            }
        }
    }

    /// Value labels do not fit this form; horizontal bars would fit them at a larger height.
    func valueLabelFailure(labelHeight h: Double) -> FormFailure {
        guard orientation == .horizontal else {
            return FormFailure(reason: "the value labels do not fit over the columns", neededHeight: nil)
        }
        let bars = grouped ? Double(data.seriesCount) : 1
        let step = (h + 1) * bars / (1 - band.paddingInner)
        return FormFailure(reason: "each row needs \(Self.pt(step)) pt for its value labels",
                           neededHeight: neededHeight(band, step: step))
    }

    /// Extent of a label along the value axis.
    func along(_ c: BarLabelCandidate) -> Double { orientation == .vertical ? c.height : c.width }

    /// True when a non-segment label goes inside its bar at `pointsPerUnit`.
    func labelInside(_ c: BarLabelCandidate, pointsPerUnit k: Double) -> Bool {
        c.series != nil && labelMode == .inside
    }

    /// Chooses ticks and the value scale. Outside labels need room past the largest bars, so the
    /// scale's range is shortened by the headroom they need; then ticks too dense for their labels
    /// are thinned.
    func fitValueScale(lineHeight: Double) throws {
        try buildLabelCandidates()
        let vertical = orientation == .vertical
        let length = vertical ? plot.height : plot.width
        let em = tickStyle.size
        var labelExtent = lineHeight
        if !vertical {
            let t0 = NiceTicks.ticks(from: data.extent.lo, to: data.extent.hi, count: 5, includeZero: true)
            let f = spec.valueFormatter.map { f in { f($0) } } ?? { t0.format($0) }
            labelExtent = try t0.values.map { try fit.measure(f($0), tickStyle).width }.max() ?? em
        }
        var target = NiceTicks.targetCount(length: length, labelExtent: labelExtent + (vertical ? 0 : em),
                                           minSpacing: vertical ? lineHeight * 2.4 : em * 4)
        var maxCount = Swift.min(7, target + 1)
        var previous: TickSet?
        // Bounded: when even the sparsest ticks crowd, tick labels that would touch are skipped later.
        for _ in 0..<8 {
            ticks = NiceTicks.ticks(from: data.extent.lo, to: data.extent.hi, count: target, maxCount: maxCount,
                                    includeZero: true)
            if ticks == previous { break }
            previous = ticks
            let (top, bottom) = headroom(length: length)
            scale = vertical
                ? LinearScale(domain: ticks.lower...ticks.upper, range: plot.maxY - bottom, plot.minY + top)
                : LinearScale(domain: ticks.lower...ticks.upper, range: plot.minX + bottom, plot.maxX - top)
            let spacing = ticks.step * abs(scale.slope)
            let need = vertical ? lineHeight * 1.3 : try maxTickLabelWidth() + em * 0.8
            if spacing >= need || ticks.values.count <= 2 { break }
            target = Swift.max(2, Swift.min(target, ticks.values.count) - 1)
            maxCount = target
        }
    }

    /// Room (points) beyond the top tick and below the bottom tick for labels outside their bars.
    private func headroom(length: Double) -> (Double, Double) {
        let d0 = ticks.lower, d1 = ticks.upper
        var top = 0.0, bottom = 0.0
        let limit = length * 0.45
        for _ in 0..<30 {
            let k = (length - top - bottom) / (d1 - d0)
            var needTop = 0.0, needBottom = 0.0
            for c in labelCandidates where !c.segment && !labelInside(c, pointsPerUnit: k) {
                // Slack for bars drawn at their minimum visible length past the scale.
                let extent = along(c) + pad + theme.axisWidth * 1.5
                if c.end >= 0 { needTop = Swift.max(needTop, (c.end - d1) * k + extent) }
                else { needBottom = Swift.max(needBottom, (d0 - c.end) * k + extent) }
            }
            needTop = Swift.min(needTop, limit); needBottom = Swift.min(needBottom, limit)
            if needTop <= top + 0.01 && needBottom <= bottom + 0.01 { break }
            top = Swift.max(top, needTop); bottom = Swift.max(bottom, needBottom)
        }
        return (top, bottom)
    }
}
