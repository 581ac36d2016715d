import ReportScene

/// Reference lines (thresholds, averages) and their labels.
extension BarChartEngine {
    /// Each label sits beside its own line, between it and the next line on that side, so labels
    /// read in value order and are never swapped; a label never covers text (ticks, names, value
    /// labels, other reference labels). Over bars, a translucent backdrop keeps it legible. When
    /// no spot is free the form fails.
    func placeReferenceLines() throws {
        referenceMarks = []
        let vertical = orientation == .vertical
        let stroke = Stroke(color: theme.text.withAlpha(0.75), width: theme.axisWidth,
                            dash: [4 * theme.axisWidth, 3 * theme.axisWidth])
        var fixed = categoryNodes.map(\.box) + (try tickLabelNodes().map(\.box)) + valueLabels.map(\.label.box)
        if let t = axisTitleNode { fixed.append(try fit.box(t)) }
        let positions = data.referenceValues.map { $0.isFinite ? scale($0) : Double.nan }
        for (i, ref) in spec.referenceLines.enumerated() {
            let v = data.referenceValues[i]
            guard v.isFinite else { continue }
            let p = positions[i]
            let line = vertical
                ? PathNode.line(from: Point(plot.minX, p), to: Point(plot.maxX, p), stroke: stroke)
                : PathNode.line(from: Point(p, plot.minY), to: Point(p, plot.maxY), stroke: stroke)
            guard !ref.label.isEmpty else {
                referenceMarks.append((BarReferenceMark(value: v, position: p, labelBox: nil), line, nil, nil))
                continue
            }
            let others = positions.enumerated().filter { $0.offset != i && $0.element.isFinite }.map(\.element)
            guard let chosen = try bestReferenceSpot(ref.label, at: p, others: others, fixed: fixed) else {
                throw FormFailure(reason: "no free place for the label of reference line “\(ref.label)”", neededHeight: nil)
            }
            fixed.append(chosen.box)
            var backdrop: RectNode?
            if chosen.coversBars {
                let r = chosen.box.insetBy(dx: -1, dy: 0)
                backdrop = RectNode(r, cornerRadius: 1.5, fill: (theme.background ?? .white).withAlpha(0.85))
            }
            referenceMarks.append((BarReferenceMark(value: v, position: p, labelBox: chosen.box), line, backdrop,
                                   chosen.node))
        }
    }

    /// The first free spot along the line (ends first, then inward), fewest bars covered.
    private func bestReferenceSpot(_ text: String, at p: Double, others: [Double], fixed: [Rect]) throws
        -> (node: TextNode, box: Rect, coversBars: Bool)? {
        let vertical = orientation == .vertical
        let off = pad
        let extent = vertical ? plot.width : plot.height
        let wrap: Double? = try fit.measure(text, referenceStyle).width > extent * 0.6 ? extent * 0.6 : nil
        var spots: [(Point, TextAnchor)] = []
        for f in [1.0, 0.0, 0.75, 0.25, 0.5] {
            if vertical {
                let x = plot.minX + f * plot.width
                let h: TextAnchor.Horizontal = f == 1 ? .end : (f == 0 ? .start : .middle)
                let x0 = f == 0 ? x + off : x
                spots += [(Point(x0, p - off), TextAnchor(h, .bottom)), (Point(x0, p + off), TextAnchor(h, .top))]
            } else {
                let y = plot.minY + (1 - f) * plot.height
                let v: TextAnchor.Vertical = f == 1 ? .top : (f == 0 ? .bottom : .middle)
                spots += [(Point(p + off, y), TextAnchor(.start, v)), (Point(p - off, y), TextAnchor(.end, v))]
            }
        }
        var best: (node: TextNode, box: Rect, bars: Int)?
        for (origin, anchor) in spots {
            var style = referenceStyle
            if wrap != nil { style.alignment = anchor.horizontal == .end ? .right : .left }
            let node = TextNode(text, style: style, at: origin, anchor: anchor, wrapWidth: wrap)
            let box = try fit.box(node)
            guard plot.contains(box, tolerance: 0.01), !fixed.contains(where: { $0.intersects(box) }) else { continue }
            // Between its own line and the next: no other line under the label or between them.
            let lo = vertical ? Swift.min(box.minY, p) : Swift.min(box.minX, p)
            let hi = vertical ? Swift.max(box.maxY, p) : Swift.max(box.maxX, p)
            guard !others.contains(where: { $0 >= lo - 0.5 && $0 <= hi + 0.5 }) else { continue }
            let covered = bars.reduce(0) { $0 + ($1.rect.intersects(box) ? 1 : 0) }
            if best == nil || covered < best!.bars { best = (node, box, covered) }
            if covered == 0 { break }
        }
        return best.map { ($0.node, $0.box, $0.bars > 0) }
    }
}
