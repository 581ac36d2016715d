import ReportScene

/// Reference lines (thresholds, averages) and their labels.
extension BarChartEngine {
    func placeReferenceLines() throws {
        referenceMarks = []
        let vertical = orientation == .vertical
        let stroke = Stroke(color: theme.text.withAlpha(0.75), width: theme.axisWidth,
                            dash: [4 * theme.axisWidth, 3 * theme.axisWidth])
        // Texts a reference label may never cover: axis labels, titles and earlier reference labels.
        var fixed = categoryNodes.map(\.box) + (try tickLabelNodes().map(\.box))
        if let t = axisTitleNode { fixed.append(try fit.box(t)) }
        let frameRect = Rect(x: 0, y: 0, width: frame.width, height: frame.height)
        for (i, ref) in spec.referenceLines.enumerated() {
            let v = data.referenceValues[i]
            guard v.isFinite else { continue }
            let p = scale(v)
            let line = vertical
                ? PathNode.line(from: Point(plot.minX, p), to: Point(plot.maxX, p), stroke: stroke)
                : PathNode.line(from: Point(p, plot.minY), to: Point(p, plot.maxY), stroke: stroke)
            try moveLabelsOffLine(at: p)
            let wrap: Double? = try fit.measure(ref.label, referenceStyle).width > plot.width * 0.6 ? plot.width * 0.6 : nil
            let off = pad
            var spots: [(Point, TextAnchor)] = vertical ? [
                (Point(plot.maxX, p - off), TextAnchor(.end, .bottom)), (Point(plot.maxX, p + off), TextAnchor(.end, .top)),
                (Point(plot.minX + off, p - off), TextAnchor(.start, .bottom)), (Point(plot.minX + off, p + off), TextAnchor(.start, .top)),
            ] : [
                (Point(p + off, plot.minY), TextAnchor(.start, .top)), (Point(p - off, plot.minY), TextAnchor(.end, .top)),
                (Point(p + off, plot.maxY), TextAnchor(.start, .bottom)), (Point(p - off, plot.maxY), TextAnchor(.end, .bottom)),
            ]
            // Near an earlier reference label: stack beside it.
            for m in referenceMarks {
                guard let r = m.mark.labelBox else { continue }
                spots += vertical
                    ? [(Point(plot.maxX, r.minY - 1), TextAnchor(.end, .bottom)), (Point(plot.maxX, r.maxY + 1), TextAnchor(.end, .top))]
                    : [(Point(r.maxX + off, plot.minY), TextAnchor(.start, .top)), (Point(r.minX - off, plot.minY), TextAnchor(.end, .top))]
            }
            // Score: covering value labels is bad (they will be dropped), leaving the plot worse than
            // covering bars; leaving the frame or covering fixed text rules a spot out.
            var best: (score: Int, node: TextNode, box: Rect)?
            for (origin, anchor) in spots {
                var style = referenceStyle
                if wrap != nil { style.alignment = anchor.horizontal == .end ? .right : .left }
                let node = TextNode(ref.label, style: style, at: origin, anchor: anchor, wrapWidth: wrap)
                let box = try fit.box(node)
                guard frameRect.contains(box, tolerance: 0.01), !fixed.contains(where: { $0.intersects(box) }) else { continue }
                var score = plot.contains(box, tolerance: 0.01) ? 0 : 100_000
                score += valueLabels.reduce(0) { $0 + ($1.label.box.intersects(box) ? 1000 : 0) }
                score += bars.reduce(0) { $0 + ($1.rect.intersects(box) ? 1 : 0) }
                if best == nil || score < best!.score { best = (score, node, box) }
                if score == 0 { break }
            }
            guard let chosen = best else {
                // Nowhere to write it: the line alone still marks the value.
                referenceMarks.append((BarReferenceMark(value: v, position: p, labelBox: nil), line, nil, nil))
                continue
            }
            // The reference label matters more than a value label it would cover: drop those.
            valueLabels.removeAll { $0.label.box.intersects(chosen.box) }
            fixed.append(chosen.box)
            // Over bars, a translucent backdrop in the page colour keeps the label legible.
            var backdrop: RectNode?
            if chosen.score > 0 {
                let r = chosen.box.insetBy(dx: -1, dy: 0)
                let x0 = Swift.max(r.minX, 0), x1 = Swift.min(r.maxX, frame.width)
                backdrop = RectNode(Rect(x: x0, y: r.minY, width: x1 - x0, height: r.height), cornerRadius: 1.5,
                                    fill: (theme.background ?? .white).withAlpha(0.85))
            }
            referenceMarks.append((BarReferenceMark(value: v, position: p, labelBox: chosen.box), line, backdrop,
                                   chosen.node))
        }
    }

    /// An inside label crossed by a reference line is hard to read: move it past its bar's end
    /// when that spot is free.
    func moveLabelsOffLine(at p: Double) throws {
        let vertical = orientation == .vertical
        var slotOf: [Int]?
        for i in valueLabels.indices {
            let l = valueLabels[i].label
            let crossed = vertical ? (l.box.minY < p && p < l.box.maxY) : (l.box.minX < p && p < l.box.maxX)
            guard crossed, l.inside, let s = l.series else { continue }
            if slotOf == nil {
                var inverse = [Int](repeating: 0, count: data.n)
                for (slot, c) in data.order.enumerated() { inverse[c] = slot }
                slotOf = inverse
            }
            let slot = slotOf![l.category]
            guard let bar = bars[slotRanges[slot]].first(where: { $0.series == s }) else { continue }
            var style = valueLabels[i].node.style
            style.color = theme.text
            let node = valueLabelNode(l.text, style: style, bar: bar.rect, positive: bar.scaledValue >= 0, inside: false)
            let box = try fit.box(node)
            let free = plot.contains(box, tolerance: 0.01)
                && !(vertical ? (box.minY < p && p < box.maxY) : (box.minX < p && p < box.maxX))
                && !collidesWithBars(box, slot: slot, ownSeries: s)
                && !valueLabels.indices.contains { $0 != i && valueLabels[$0].label.box.intersects(box) }
            guard free else { continue }
            valueLabels[i].node = node
            valueLabels[i].label.box = box
            valueLabels[i].label.inside = false
        }
    }
}
