import ReportScene

/// Reference lines (thresholds, averages) and their labels.
extension BarChartEngine {
    /// Raised when some reference label finds no free spot on the plot: the form is retried with
    /// a margin beside the plot that holds every reference label.
    struct ReferenceLabelsOutside: Error {}

    /// Each label sits beside its own line, between it and the next line on that side, so labels
    /// read in value order and are never swapped; a label covers no text and no bar. When one
    /// label has no such spot on the plot, all of them go in a margin past the plot's end (right
    /// of columns, above horizontal bars), spread apart in value order. Lines are broken behind
    /// every text they would cross (value labels above all), so no text is struck through.
    func placeReferenceLines() throws {
        referenceMarks = []
        let vertical = orientation == .vertical
        let stroke = Stroke(color: theme.text.withAlpha(0.75), width: theme.axisWidth,
                            dash: [4 * theme.axisWidth, 3 * theme.axisWidth])
        var fixed = categoryNodes.map(\.box) + (try tickLabelNodes().map(\.box)) + valueLabels.map(\.label.box)
        if let t = axisTitleNode { fixed.append(try fit.box(t)) }
        let positions = data.referenceValues.map { $0.isFinite ? scale($0) : Double.nan }
        var labels: [Int: (node: TextNode, box: Rect)] = [:]
        if referenceOutside {
            labels = try outsideReferenceLabels(positions: positions, fixed: fixed)
        } else {
            for (i, ref) in spec.referenceLines.enumerated() where positions[i].isFinite && !ref.label.isEmpty {
                let others = positions.enumerated().filter { $0.offset != i && $0.element.isFinite }.map(\.element)
                guard let chosen = try bestReferenceSpot(ref.label, at: positions[i], others: others, fixed: fixed) else {
                    throw ReferenceLabelsOutside()
                }
                fixed.append(chosen.box)
                labels[i] = chosen
            }
        }
        let texts = fixed + labels.values.map(\.box)
        for i in spec.referenceLines.indices where positions[i].isFinite {
            let p = positions[i]
            let (lo, hi) = vertical ? (plot.minX, plot.maxX) : (plot.minY, plot.maxY)
            var elements: [PathElement] = []
            for piece in Self.segments(from: lo, to: hi, cutBy: cuts(at: p, width: stroke.width, texts: texts)) {
                elements += vertical ? [.move(Point(piece.lowerBound, p)), .line(Point(piece.upperBound, p))]
                                     : [.move(Point(p, piece.lowerBound)), .line(Point(p, piece.upperBound))]
            }
            referenceMarks.append((BarReferenceMark(value: data.referenceValues[i], position: p, labelBox: labels[i]?.box),
                                   PathNode(elements, stroke: stroke), labels[i]?.node))
        }
    }

    /// Intervals along a line at `p` hidden behind the texts it would cross (with a little air).
    private func cuts(at p: Double, width: Double, texts: [Rect]) -> [ClosedRange<Double>] {
        let vertical = orientation == .vertical
        let half = width / 2 + 0.5
        var out: [ClosedRange<Double>] = []
        for b in texts {
            let (c0, c1) = vertical ? (b.minY, b.maxY) : (b.minX, b.maxX)
            guard c0 < p + half, c1 > p - half else { continue }
            let (a0, a1) = vertical ? (b.minX, b.maxX) : (b.minY, b.maxY)
            out.append((a0 - pad)...(a1 + pad))
        }
        return out
    }

    /// [lo, hi] less the cut intervals; pieces shorter than a point are dropped.
    static func segments(from lo: Double, to hi: Double, cutBy cuts: [ClosedRange<Double>]) -> [ClosedRange<Double>] {
        var out: [ClosedRange<Double>] = []
        var start = lo
        for c in cuts.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if c.lowerBound > start, c.lowerBound - start >= 1 { out.append(start...Swift.min(c.lowerBound, hi)) }
            start = Swift.max(start, c.upperBound)
            if start >= hi { break }
        }
        if hi - start >= 1 { out.append(start...hi) }
        return out.filter { $0.upperBound > $0.lowerBound }
    }

    /// Room the outside reference labels need beside the plot: a column right of the columns
    /// (at most a quarter of the width), or a line above horizontal bars.
    func referenceMarginSize() throws -> Double {
        var size = 0.0
        for ref in spec.referenceLines where !ref.label.isEmpty {
            let m = try fit.measure(ref.label, referenceStyle)
            size = Swift.max(size, orientation == .vertical ? m.width : m.height)
        }
        return orientation == .vertical ? Swift.min(size, referenceWrapCap) + 2 * pad : size + 2 * pad
    }

    var referenceWrapCap: Double { area.width / 3 }

    /// Labels in the margin, each at its line's position, pushed apart (keeping value order) where
    /// they would touch. The margin is between the plot and `referenceArea`'s far edge.
    private func outsideReferenceLabels(positions: [Double], fixed: [Rect]) throws -> [Int: (node: TextNode, box: Rect)] {
        let vertical = orientation == .vertical
        let order = spec.referenceLines.indices
            .filter { positions[$0].isFinite && !spec.referenceLines[$0].label.isEmpty }
            .sorted { positions[$0] < positions[$1] }
        var nodes: [(index: Int, node: TextNode, box: Rect)] = []
        for i in order {
            let text = spec.referenceLines[i].label
            var style = referenceStyle
            var node: TextNode
            if vertical {
                let room = referenceArea.maxX - plot.maxX - pad
                let wrap: Double? = try fit.measure(text, style).width > room ? room : nil
                style.alignment = .left
                node = TextNode(text, style: style, at: Point(plot.maxX + pad, positions[i]),
                                anchor: TextAnchor(.start, .middle), wrapWidth: wrap)
            } else {
                node = TextNode(text, style: style, at: Point(positions[i], plot.minY - pad), anchor: TextAnchor(.middle, .bottom))
            }
            nodes.append((i, node, try fit.box(node)))
        }
        // Spread along the plot's axis: forward pushes, then back from the far end.
        let (lo, hi) = vertical ? (referenceArea.minY, referenceArea.maxY) : (referenceArea.minX, referenceArea.maxX)
        func start(_ r: Rect) -> Double { vertical ? r.minY : r.minX }
        func size(_ r: Rect) -> Double { vertical ? r.height : r.width }
        var starts = nodes.map { start($0.box) }
        for k in starts.indices {
            starts[k] = Swift.max(starts[k], lo)
            if k > 0 { starts[k] = Swift.max(starts[k], starts[k - 1] + size(nodes[k - 1].box) + 1) }
        }
        for k in starts.indices.reversed() {
            let limit = k == starts.count - 1 ? hi : starts[k + 1] - 1
            starts[k] = Swift.min(starts[k], limit - size(nodes[k].box))
        }
        var out: [Int: (node: TextNode, box: Rect)] = [:]
        for (k, n) in nodes.enumerated() {
            let shift = starts[k] - start(n.box)
            var node = n.node, box = n.box
            if vertical { node.origin.y += shift; box.y += shift } else { node.origin.x += shift; box.x += shift }
            let clear = starts[k] >= lo - 0.01 && (k == 0 || starts[k] >= starts[k - 1] + size(nodes[k - 1].box))
            guard clear, !fixed.contains(where: { $0.intersects(box) }) else {
                throw FormFailure(reason: "no free place for the label of reference line “\(spec.referenceLines[n.index].label)”",
                                  neededHeight: nil)
            }
            out[n.index] = (node, box)
        }
        return out
    }

    /// The first free spot along the line (ends first, then inward) that covers no bar and no text.
    private func bestReferenceSpot(_ text: String, at p: Double, others: [Double], fixed: [Rect]) throws
        -> (node: TextNode, box: Rect)? {
        let vertical = orientation == .vertical
        let off = pad
        let extent = vertical ? plot.width : plot.height
        let wrap: Double? = try fit.measure(text, referenceStyle).width > extent * 0.6 ? extent * 0.6 : nil
        // Air around other texts, so a reference label never reads as part of a value label.
        let near = fixed.map { $0.insetBy(dx: -theme.tickSize * 0.8, dy: -theme.tickSize * 0.15) }
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
        for (origin, anchor) in spots {
            var style = referenceStyle
            if wrap != nil { style.alignment = anchor.horizontal == .end ? .right : .left }
            let node = TextNode(text, style: style, at: origin, anchor: anchor, wrapWidth: wrap)
            let box = try fit.box(node)
            guard plot.contains(box, tolerance: 0.01), !near.contains(where: { $0.intersects(box) }) else { continue }
            // Between its own line and the next: no other line under the label or between them.
            let lo = vertical ? Swift.min(box.minY, p) : Swift.min(box.minX, p)
            let hi = vertical ? Swift.max(box.maxY, p) : Swift.max(box.maxX, p)
            guard !others.contains(where: { $0 >= lo - 0.5 && $0 <= hi + 0.5 }) else { continue }
            let inner = box.insetBy(dx: -0.5, dy: -0.5)
            guard !bars.contains(where: { $0.rect.intersects(inner) }) else { continue }
            return (node, box)
        }
        return nil
    }
}
