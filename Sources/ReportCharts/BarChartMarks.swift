import ReportScene

/// Bars and their value labels.
extension BarChartEngine {
    /// Fill of one bar: its series colour always, so the legend stays true; when some bars are
    /// highlighted the others recede (same hue, lighter) and the highlighted ones get an outline.
    func barColor(series s: Int, lit: Bool, base: Color) -> Color {
        guard data.anyHighlight, !lit else { return base }
        return base.withAlpha(data.seriesCount == 1 ? 0.4 : 0.5)
    }

    /// The rectangle between two values across the given cross-axis span.
    func barRect(from a: Double, to b: Double, cross: Double, thickness: Double) -> Rect {
        let pa = scale(a)
        var pb = scale(b)
        // A nonzero value is never invisible: at least a hairline past its start.
        let minimum = theme.axisWidth
        if a != b, abs(pb - pa) < minimum {
            let direction: Double = (b > a ? 1 : -1) * (scale.slope >= 0 ? 1 : -1)
            pb = pa + direction * minimum
        }
        return orientation == .vertical
            ? Rect(x: cross, y: Swift.min(pa, pb), width: thickness, height: abs(pa - pb))
            : Rect(x: Swift.min(pa, pb), y: cross, width: abs(pa - pb), height: thickness)
    }

    func placeBars() {
        bars = []
        bars.reserveCapacity(data.n * data.seriesCount)
        slotRanges = []
        slotRanges.reserveCapacity(data.n)
        let thickness = barThickness
        let baseColors = (0..<data.seriesCount).map(seriesColor)
        let highlights = spec.series.map(\.highlighted)
        let rawValues = spec.series.map(\.values)
        for slot in 0..<data.n {
            let c = data.order[slot]
            let first = bars.count
            for (s, v, start) in data.segments(category: c) {
                let lit = highlights[s].contains(c)
                let color = barColor(series: s, lit: lit, base: baseColors[s])
                bars.append(BarMark(series: s, category: c, slot: slot, value: rawValues[s][c],
                                    scaledValue: v,
                                    rect: barRect(from: start, to: start + v, cross: crossStart(slot: slot, series: s),
                                                  thickness: thickness),
                                    color: color, highlighted: lit, status: spec.series[s].status(c)))
            }
            slotRanges.append(first..<bars.count)
        }
    }

    /// Places every label in the chart's one placement (inside or past the end of its bar; stack
    /// segments inside, totals past their end of the stack). A label that does not fit, or would
    /// touch another label or a bar it does not label, fails the whole form: labels are never
    /// dropped one by one. Checks are against nearby slots only, so this stays linear.
    func placeValueLabels() throws {
        valueLabels = []
        valueLabels.reserveCapacity(labelCandidates.count)
        let vertical = orientation == .vertical
        var active: [Rect] = [] // placed boxes that may still overlap later ones along the category axis
        var barIndex = 0
        for cand in labelCandidates {
            // Find this candidate's bar (candidates and bars share slot/series order).
            while barIndex < bars.count, bars[barIndex].slot < cand.slot { barIndex += 1 }
            var own: BarMark?
            if let s = cand.series {
                var j = barIndex
                while j < bars.count, bars[j].slot == cand.slot {
                    if bars[j].series == s { own = bars[j]; break }
                    j += 1
                }
            }
            var style = valueStyle
            let node: TextNode
            let inside = cand.segment || (cand.series != nil && labelMode == .inside)
            if inside {
                guard let bar = own, cand.crossFits,
                      (vertical ? bar.rect.height : bar.rect.width) >= along(cand) + 2 * pad else {
                    throw FormFailure(reason: "the value labels do not fit inside the bars", neededHeight: nil)
                }
                style.color = bar.color.contrastingText(dark: theme.text)
                if bar.highlighted { style.weight = .bold }
                node = cand.segment
                    ? TextNode(cand.text, style: style, at: Point(bar.rect.midX, bar.rect.midY),
                               anchor: TextAnchor(.middle, .middle))
                    : valueLabelNode(cand.text, style: style, bar: bar.rect, positive: cand.end >= 0, inside: true)
            } else {
                let rect: Rect
                if let bar = own { rect = bar.rect } else {
                    // A total: the end of the stack's positive or negative part.
                    let range = slotRanges[cand.slot]
                    guard !range.isEmpty else { continue }
                    let part = bars[range].filter { ($0.scaledValue >= 0) == (cand.end >= 0) }
                    guard let first = part.first else { continue }
                    rect = part.dropFirst().reduce(first.rect) { $0.union($1.rect) }
                    style.weight = .medium
                }
                if let bar = own, bar.highlighted { style.weight = .bold }
                node = valueLabelNode(cand.text, style: style, bar: rect, positive: cand.end >= 0, inside: false)
            }
            var box = try fit.box(node)
            var placed = node
            if !inside {
                // Keep outside labels on the plot across the category axis; they must stay on it along the value axis.
                let shift = vertical
                    ? clampShift(box.minX, box.maxX, plot.minX, area.maxX)
                    : clampShift(box.minY, box.maxY, plot.minY, plot.maxY)
                if shift != 0 {
                    if vertical { placed.origin.x += shift; box.x += shift } else { placed.origin.y += shift; box.y += shift }
                }
                let inPlot = vertical
                    ? box.minY >= plot.minY - 0.01 && box.maxY <= plot.maxY + 0.01
                    : box.minX >= plot.minX - 0.01 && box.maxX <= plot.maxX + 0.01
                guard inPlot else {
                    throw FormFailure(reason: "the value label \(cand.text) does not fit past its bar", neededHeight: nil)
                }
                guard !collidesWithBars(box, slot: cand.slot, ownSeries: cand.series) else {
                    throw valueLabelFailure(labelHeight: cand.height)
                }
            }
            let lead = vertical ? box.minX : box.minY
            active.removeAll { (vertical ? $0.maxX : $0.maxY) <= lead }
            if active.contains(where: { $0.intersects(box) }) { throw valueLabelFailure(labelHeight: cand.height) }
            active.append(box)
            valueLabels.append((BarValueLabel(series: cand.series, category: cand.category, text: cand.text,
                                              box: box, inside: inside), placed))
        }
    }

    func valueLabelNode(_ text: String, style: TextStyle, bar r: Rect, positive: Bool, inside: Bool) -> TextNode {
        if orientation == .vertical {
            switch (positive, inside) {
            case (true, true): return TextNode(text, style: style, at: Point(r.midX, r.minY + pad), anchor: TextAnchor(.middle, .top))
            case (true, false): return TextNode(text, style: style, at: Point(r.midX, r.minY - pad), anchor: TextAnchor(.middle, .bottom))
            case (false, true): return TextNode(text, style: style, at: Point(r.midX, r.maxY - pad), anchor: TextAnchor(.middle, .bottom))
            case (false, false): return TextNode(text, style: style, at: Point(r.midX, r.maxY + pad), anchor: TextAnchor(.middle, .top))
            }
        }
        switch (positive, inside) {
        case (true, true): return TextNode(text, style: style, at: Point(r.maxX - pad, r.midY), anchor: TextAnchor(.end, .middle))
        case (true, false): return TextNode(text, style: style, at: Point(r.maxX + pad, r.midY), anchor: TextAnchor(.start, .middle))
        case (false, true): return TextNode(text, style: style, at: Point(r.minX + pad, r.midY), anchor: TextAnchor(.start, .middle))
        case (false, false): return TextNode(text, style: style, at: Point(r.minX - pad, r.midY), anchor: TextAnchor(.end, .middle))
        }
    }

    /// How far to move [lo, hi] to fit inside [minimum, maximum] (0 when it already does).
    func clampShift(_ lo: Double, _ hi: Double, _ minimum: Double, _ maximum: Double) -> Double {
        if lo < minimum { return minimum - lo }
        if hi > maximum { return Swift.max(maximum - hi, minimum - lo) }
        return 0
    }

    /// True when `box` overlaps a bar of this or a neighbouring slot other than the label's own
    /// (a stack total may touch its own stack's end only).
    func collidesWithBars(_ box: Rect, slot: Int, ownSeries: Int?) -> Bool {
        let inner = box.insetBy(dx: 0.01, dy: 0.01)
        for s in Swift.max(0, slot - 1)...Swift.min(data.n - 1, slot + 1) {
            for b in bars[slotRanges[s]] where !(b.slot == slot && b.series == ownSeries) {
                if b.rect.intersects(inner) { return true }
            }
        }
        return false
    }
}
