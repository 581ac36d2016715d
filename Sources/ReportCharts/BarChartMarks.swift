import ReportScene

/// Bars and their value labels.
extension BarChartEngine {
    /// Fill of one bar: series colour, or highlight/muted when the chart highlights some bars.
    func barColor(series s: Int, lit: Bool, base: Color) -> Color {
        guard data.anyHighlight else { return base }
        if lit { return theme.highlight }
        // One series: a neutral grey-blue; several: keep each series' hue but recede it.
        return data.seriesCount == 1 ? theme.muted : base.withAlpha(0.35)
    }

    /// The rectangle between two values across the given cross-axis span.
    func barRect(from a: Double, to b: Double, cross: Double, thickness: Double) -> Rect {
        let pa = scale(a), pb = scale(b)
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
                                    color: color, highlighted: lit))
            }
            slotRanges.append(first..<bars.count)
        }
    }

    /// Places labels inside bars when they fit, else past the bar's end; stack segments only inside,
    /// totals past the stack. A label that would collide with a neighbour's label or bar is dropped;
    /// checks are against nearby slots only, so this stays linear in the number of bars.
    func placeValueLabels() throws {
        valueLabels = []
        let vertical = orientation == .vertical
        let k = abs(scale.slope)
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
            var inside = false
            if cand.segment {
                guard let bar = own, cand.crossFits,
                      (vertical ? bar.rect.height : bar.rect.width) >= along(cand) + 2 * pad else { continue }
                inside = true
                style.color = bar.color.contrastingText(dark: theme.text)
                node = TextNode(cand.text, style: style, at: Point(bar.rect.midX, bar.rect.midY),
                                anchor: TextAnchor(.middle, .middle))
            } else {
                let rect: Rect
                if let bar = own { rect = bar.rect } else {
                    // A total: the stack's overall extent.
                    let range = slotRanges[cand.slot]
                    guard !range.isEmpty else { continue }
                    rect = bars[range].dropFirst().reduce(bars[range.lowerBound].rect) { $0.union($1.rect) }
                    style.weight = .medium
                }
                inside = labelInside(cand, pointsPerUnit: k)
                if let bar = own, bar.highlighted { style.weight = .bold }
                if inside, let bar = own { style.color = bar.color.contrastingText(dark: theme.text) }
                node = valueLabelNode(cand.text, style: style, bar: rect, positive: cand.end >= 0, inside: inside)
            }
            var box = try fit.box(node)
            var placed = node
            if !inside {
                // Keep outside labels on the plot across the category axis; drop them if they leave it along the value axis.
                let shift = vertical
                    ? clampShift(box.minX, box.maxX, plot.minX, area.maxX)
                    : clampShift(box.minY, box.maxY, plot.minY, plot.maxY)
                if shift != 0 {
                    if vertical { placed.origin.x += shift; box.x += shift } else { placed.origin.y += shift; box.y += shift }
                }
                let inPlot = vertical
                    ? box.minY >= plot.minY - 0.01 && box.maxY <= plot.maxY + 0.01
                    : box.minX >= plot.minX - 0.01 && box.maxX <= plot.maxX + 0.01
                guard inPlot else { continue }
                if collidesWithBars(box, slot: cand.slot, ownSeries: cand.series) { continue }
            }
            let lead = vertical ? box.minX : box.minY
            active.removeAll { (vertical ? $0.maxX : $0.maxY) <= lead }
            if active.contains(where: { $0.intersects(box) }) { continue }
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

    /// True when `box` overlaps a bar of this or a neighbouring slot other than the label's own.
    func collidesWithBars(_ box: Rect, slot: Int, ownSeries: Int?) -> Bool {
        for s in Swift.max(0, slot - 1)...Swift.min(data.n - 1, slot + 1) {
            for b in bars[slotRanges[s]] where !(b.slot == slot && b.series == ownSeries) {
                if b.rect.intersects(box) { return true }
            }
        }
        return false
    }
}
