import ReportScene

/// Frame layout: orientation, plot rectangle, category labels, ticks and the value scale.
extension BarChartEngine {
    var paddingInner: Double { data.stacked || data.seriesCount == 1 ? 0.3 : 0.18 }
    var paddingOuter: Double { 0.2 }

    func resolveOrientation() throws -> BarOrientation {
        switch spec.orientation {
        case .vertical: return .vertical
        case .horizontal: return .horizontal
        case .automatic:
            // Estimate the vertical plot's band from a first guess at the tick labels.
            let t = NiceTicks.ticks(from: data.extent.lo, to: data.extent.hi, count: 5, includeZero: true)
            ticks = t
            let format = tickText
            var w = 0.0
            for v in t.values { w = Swift.max(w, try fit.measure(format(v), tickStyle).width) }
            let x = area.minX + w + gap
            let b = BandScale(count: data.n, range: x, area.maxX, paddingInner: paddingInner, paddingOuter: paddingOuter)
            if try verticalLabelsFit(b, every: 1) { return .vertical }
            // Years and dates read left to right: keep columns and show every k-th label instead.
            return spec.categories.allSatisfy(Self.isTimeLike) ? .vertical : .horizontal
        }
    }

    static let timeCharacters = Set("0123456789年月日季度第Q季H上下半-–/.'’ ")
    /// "2022", "2022年", "2022Q3", "3月", "2021/22": ordered time labels.
    static func isTimeLike(_ label: String) -> Bool {
        !label.isEmpty && label.contains(where: \.isNumber) && label.allSatisfy { timeCharacters.contains($0) }
    }

    /// Bands over the range; with few categories bars would be slabs, so each bar is capped at
    /// `maxBar` thick and the freed room goes into even gaps (outer gaps half the inner ones).
    func makeBand(_ start: Double, _ end: Double, maxBar: Double) -> BandScale {
        let b = BandScale(count: data.n, range: start, end, paddingInner: paddingInner, paddingOuter: paddingOuter)
        let bars = grouped ? Double(data.seriesCount) : 1
        let cap = maxBar * bars
        guard b.bandwidth > cap else { return b }
        let inner = 1 - cap * Double(data.n) / (end - start)
        return BandScale(count: data.n, range: start, end, paddingInner: inner, paddingOuter: inner / 2)
    }

    /// Wrap width for vertical category labels shown every `k` bands.
    func verticalWrap(_ b: BandScale, every k: Int) -> Double {
        Double(k) * b.step - theme.labelSize * 0.3
    }

    /// True when every k-th category label fits under its column in at most three lines.
    func verticalLabelsFit(_ b: BandScale, every k: Int, from first: Int = 0) throws -> Bool {
        let wrap = verticalWrap(b, every: k)
        guard wrap >= categoryStyle.size else { return false } // not even one CJK character
        var slot = first
        while slot < data.n {
            if !(try fit.fits(spec.categories[data.order[slot]], categoryStyle, width: wrap, maxLines: 3)) {
                return false
            }
            slot += k
        }
        return true
    }

    /// Category labels under the columns; every k-th when they are too dense. Returns their height.
    func planVerticalCategories(_ b: BandScale, top: Double) throws -> Double {
        var k = 1
        if verticalWrap(b, every: 1) < categoryStyle.size {
            k = Swift.max(1, Int((categoryStyle.size + theme.labelSize * 0.3) / b.step) + 1)
        }
        // Labels are at least one character wide: slots too close to the left edge are skipped unmeasured.
        func start(_ k: Int) -> Int {
            firstSlot(b, clearance: Swift.min(verticalWrap(b, every: k), categoryStyle.size) / 2, edge: area.minX)
        }
        while k < data.n, !(try verticalLabelsFit(b, every: k, from: start(k))) { k = Swift.max(k + 1, k * 3 / 2) }
        // A single label that still does not fit three lines wraps over the whole axis.
        let wrap = k >= data.n ? b.step * Double(data.n) : verticalWrap(b, every: k)
        categoryNodes = []
        var height = 0.0
        var slot = k >= data.n ? 0 : start(k)
        while slot < data.n {
            let node = TextNode(spec.categories[data.order[slot]], style: categoryStyle,
                                at: Point(b.center(slot), top), anchor: TextAnchor(.middle, .top), wrapWidth: wrap)
            let box = try fit.box(node)
            // Thinned labels are wider than their band: drop one that would leave the chart or touch its neighbour.
            let clear = categoryNodes.last.map { box.minX >= $0.box.maxX } ?? true
            if clear, box.minX >= area.minX - 0.01, box.maxX <= area.maxX + 0.01 {
                categoryNodes.append((slot, node, box))
                height = Swift.max(height, box.height)
            }
            slot += k
        }
        return height
    }

    func layoutVerticalFrame() throws {
        let lineHeight = try fit.measure("0", tickStyle).height
        var top = area.minY + lineHeight / 2
        if let title = data.axisTitle {
            let node = TextNode(title, style: titleStyle, at: Point(area.minX, area.minY), anchor: .topLeft,
                                wrapWidth: try titleWrap(title))
            axisTitleNode = node
            top = area.minY + (try fit.box(node)).height + gap * 0.6 + lineHeight / 2
        }
        ticks = NiceTicks.ticks(from: data.extent.lo, to: data.extent.hi,
                                count: NiceTicks.targetCount(length: area.height * 0.7, labelExtent: lineHeight,
                                                             minSpacing: lineHeight * 2.4), includeZero: true)
        var reserved = 0.0
        for _ in 0..<4 {
            let labelWidth = try maxTickLabelWidth()
            reserved = Swift.max(reserved, labelWidth)
            let plotX = area.minX + reserved + gap
            guard area.maxX - plotX > theme.labelSize * 2 else { throw FormFailure(reason: "the frame leaves no room for the plot", neededHeight: nil) }
            band = makeBand(plotX, area.maxX, maxBar: categoryStyle.size * 7)
            // Labels hang below the plot; a tick label's lower half sits in the gap.
            let labelGap = Swift.max(gap, lineHeight / 2 + 1)
            let probeTop = area.maxY // placeholder top; labels are re-placed once the height is known
            let catHeight = spec.categoryLabels == .sampled
                ? try planVerticalCategories(band, top: probeTop) : try planAllColumns(band)
            let bottom = area.maxY - catHeight - (catHeight > 0 ? labelGap : lineHeight / 2)
            guard bottom - top > theme.labelSize * 2 else { throw FormFailure(reason: "the frame leaves no room for the plot", neededHeight: nil) }
            plot = Rect(x: plotX, y: top, width: area.maxX - plotX, height: bottom - top)
            categoryNodes = categoryNodes.map { c in
                var n = c.node
                n.origin.y = bottom + labelGap
                var box = c.box
                box.y = bottom + labelGap
                return (c.slot, n, box)
            }
            try fitValueScale(lineHeight: lineHeight)
            if try maxTickLabelWidth() <= reserved + 0.01 { break }
        }
    }

    func layoutHorizontalFrame() throws {
        let lineHeight = try fit.measure("0", tickStyle).height
        var titleHeight = 0.0
        if let title = data.axisTitle {
            titleHeight = try fit.measure(title, titleStyle, wrap: try titleWrap(title)).height + gap * 0.4
        }
        let tickTop = gap * 0.6
        let plotTop = area.minY
        let plotBottom = area.maxY - tickTop - lineHeight - titleHeight
        guard plotBottom - plotTop > theme.labelSize * 2 else { throw FormFailure(reason: "the frame leaves no room for the plot", neededHeight: nil) }
        band = makeBand(plotTop, plotBottom, maxBar: categoryStyle.size * 2.4)
        let columnWidth = spec.categoryLabels == .sampled
            ? try planHorizontalCategories(band) : try planAllRows(band)

        ticks = NiceTicks.ticks(from: data.extent.lo, to: data.extent.hi, count: 5, includeZero: true)
        var left = 0.0, right = 0.0
        for _ in 0..<4 {
            let format = tickText
            let first = try fit.measure(format(ticks.lower), tickStyle).width
            let last = try fit.measure(format(ticks.upper), tickStyle).width
            left = Swift.max(left, columnWidth + gap, first / 2)
            right = Swift.max(right, last / 2)
            let plotX = area.minX + left
            let width = area.maxX - right - plotX
            guard width > theme.labelSize * 2 else { throw FormFailure(reason: "the frame leaves no room for the plot", neededHeight: nil) }
            plot = Rect(x: plotX, y: plotTop, width: width, height: plotBottom - plotTop)
            try fitValueScale(lineHeight: lineHeight)
            let f2 = tickText
            let nf = try fit.measure(f2(ticks.lower), tickStyle).width
            let nl = try fit.measure(f2(ticks.upper), tickStyle).width
            if nf / 2 <= left + 0.01 && nl / 2 <= right + 0.01 { break }
        }
        let x = plot.minX - gap
        categoryNodes = categoryNodes.map { c in
            var n = c.node
            n.origin.x = x
            var box = c.box
            box.x = x - box.width
            return (c.slot, n, box)
        }
        if let title = data.axisTitle {
            var style = titleStyle
            style.alignment = .right
            axisTitleNode = TextNode(title, style: style,
                                     at: Point(area.maxX, plot.maxY + tickTop + lineHeight + gap * 0.4),
                                     anchor: TextAnchor(.end, .top), wrapWidth: try titleWrap(title))
        }
    }

    /// Right-aligned labels left of the bars, wrapped to at most 35% of the width; every k-th when
    /// their height exceeds the band. Returns the label column width. (x is fixed up by the caller.)
    func planHorizontalCategories(_ b: BandScale) throws -> Double {
        let cap = area.width * 0.35
        let airY = theme.labelSize * 0.2
        let oneLine = try fit.measure("国", categoryStyle).height
        var k = Swift.max(1, Int(((oneLine + airY) / b.step).rounded(.up)))
        var style = categoryStyle
        style.alignment = .right
        while true {
            var widest = 0.0
            var slot = firstSlot(b, clearance: oneLine / 2, edge: area.minY)
            while slot < data.n {
                widest = Swift.max(widest, try fit.measure(spec.categories[data.order[slot]], style).width)
                slot += k
            }
            let column = Swift.min(widest, cap)
            var nodes: [(Int, TextNode, Rect)] = []
            var tallest = 0.0
            slot = firstSlot(b, clearance: oneLine / 2, edge: area.minY)
            while slot < data.n {
                let text = spec.categories[data.order[slot]]
                let wrap: Double? = try fit.measure(text, style).width > column + 0.01 ? column : nil
                let node = TextNode(text, style: style, at: Point(0, b.center(slot)), anchor: TextAnchor(.end, .middle),
                                    wrapWidth: wrap)
                let box = try fit.box(node)
                tallest = Swift.max(tallest, box.height)
                if box.minY >= area.minY - 0.01, box.maxY <= b.rangeEnd + gap * 0.5 {
                    nodes.append((slot, node, box))
                    slot += k
                } else {
                    slot += nodes.isEmpty ? 1 : k
                }
            }
            if tallest + airY <= Double(k) * b.step + 1e-9 || k >= data.n {
                // Drop any label touching the one above (possible only on the last, coarsest pass).
                var kept: [(Int, TextNode, Rect)] = []
                for n in nodes where kept.last.map({ n.2.minY >= $0.2.maxY }) ?? true { kept.append(n) }
                categoryNodes = kept.map { ($0.0, $0.1, $0.2) }
                // An unbreakable run can leave a line wider than the wrap width: widen the column for it.
                return Swift.min(area.width * 0.6, kept.map(\.2.width).max() ?? column)
            }
            k = Swift.max(k + 1, Int(((tallest + airY) / b.step).rounded(.up)))
        }
    }

    /// Every category named under its column: in up to three (or four) balanced lines, or (the `.stacked`
    /// form) one character per line for narrow columns. Throws `FormFailure` when a name does not
    /// fit; returns the labels' height.
    func planAllColumns(_ b: BandScale) throws -> Double {
        // Names set vertically are one character wide: a little air between columns is enough.
        let room = b.step - theme.labelSize * (columnLabels == .stacked ? 0.05 : 0.3)
        let maxHeight = area.height * 0.4
        categoryNodes = []
        categoryNodes.reserveCapacity(data.n)
        var height = 0.0
        var lastMaxX = -Double.infinity
        for slot in 0..<data.n {
            let text = spec.categories[data.order[slot]]
            let shown = room <= 0 ? nil : columnLabels == .stacked
                ? try fit.verticalLines(text, categoryStyle, width: room)
                : try fit.lines(text, categoryStyle, width: room, maxLines: columnLabels == .lines ? 3 : 4)
            guard let shown else {
                throw FormFailure(reason: "the name “\(text)” does not fit under its column (\(Self.pt(room)) pt wide)",
                                  neededHeight: nil)
            }
            let node = TextNode(shown, style: categoryStyle, at: Point(b.center(slot), area.maxY),
                                anchor: TextAnchor(.middle, .top))
            let box = try fit.box(node)
            // A run wider than one character ("10" in 第10村) needs real air, or neighbours read as one number.
            if columnLabels == .stacked, box.width > categoryStyle.size * 1.05, box.width > b.step - theme.labelSize * 0.3 {
                throw FormFailure(reason: "the name “\(text)” is wider than its column", neededHeight: nil)
            }
            guard box.minX >= lastMaxX - 0.01, box.minX >= -0.01, box.maxX <= frame.width + 0.01 else {
                throw FormFailure(reason: "the name “\(text)” is wider than its column", neededHeight: nil)
            }
            lastMaxX = box.maxX
            height = Swift.max(height, box.height)
            categoryNodes.append((slot, node, box))
        }
        guard height <= maxHeight + 0.01 else {
            // The names may take 40% of the plot area's height.
            throw FormFailure(reason: "the names under the columns need \(Self.pt(height)) pt",
                              neededHeight: frame.height + height / 0.4 - area.height)
        }
        return height
    }

    /// Every category named left of its bar, right-aligned, wrapped in balanced lines to at most
    /// 40% of the width (60% for a name with a long unbreakable word). Throws `FormFailure`
    /// (with the height that would fit) when the rows are too close for the names.
    func planAllRows(_ b: BandScale) throws -> Double {
        let cap = area.width * 0.4
        let air = theme.labelSize * 0.1 // line boxes already carry leading
        var style = categoryStyle
        style.alignment = .right
        categoryNodes = []
        categoryNodes.reserveCapacity(data.n)
        var tallest = 0.0, widest = 0.0
        for slot in 0..<data.n {
            let text = spec.categories[data.order[slot]]
            var shown: String? = try fit.measure(text, style).width <= cap ? text : nil
            if shown == nil { shown = try fit.lines(text, style, width: cap, maxLines: 8) }
            if shown == nil { shown = try fit.lines(text, style, width: area.width * 0.6, maxLines: 8) }
            guard let shown else {
                throw FormFailure(reason: "the name “\(text)” does not fit beside its bar", neededHeight: nil)
            }
            let node = TextNode(shown, style: style, at: Point(0, b.center(slot)), anchor: TextAnchor(.end, .middle))
            let box = try fit.box(node)
            tallest = Swift.max(tallest, box.height)
            widest = Swift.max(widest, box.width)
            categoryNodes.append((slot, node, box))
        }
        if b.step < tallest + air - 1e-9 {
            throw FormFailure(reason: "each row needs \(Self.pt(tallest + air)) pt for its name",
                              neededHeight: neededHeight(b, step: tallest + air))
        }
        return widest
    }

    /// Frame height at which band `b` would have the given step (the rest of the frame unchanged).
    func neededHeight(_ b: BandScale, step: Double) -> Double {
        let steps = Double(b.count) - b.paddingInner + 2 * b.paddingOuter
        return frame.height + step * steps - (b.rangeEnd - b.rangeStart)
    }

    static func pt(_ v: Double) -> String { String(Int(v.rounded(.up))) }

    /// First slot whose band centre is at least `clearance` past `edge`.
    func firstSlot(_ b: BandScale, clearance: Double, edge: Double) -> Int {
        guard b.step > 0 else { return 0 }
        let s = ((edge + clearance - b.center(0)) / b.step).rounded(.up)
        return Swift.min(data.n - 1, Swift.max(0, Int(s)))
    }

    /// The axis title stays on one line unless it is wider than the chart.
    func titleWrap(_ title: String) throws -> Double? {
        try fit.measure(title, titleStyle).width > area.width ? area.width : nil
    }

    func maxTickLabelWidth() throws -> Double {
        let format = tickText
        var w = 0.0
        for v in ticks.values { w = Swift.max(w, try fit.measure(format(v), tickStyle).width) }
        return w
    }

    /// Tick labels with their boxes; a label that would touch the previous one or leave the frame
    /// is left out (its grid line stays).
    func tickLabelNodes() throws -> [(node: TextNode, box: Rect, index: Int)] {
        let format = tickText
        let frameRect = Rect(x: 0, y: 0, width: frame.width, height: frame.height)
        var out: [(node: TextNode, box: Rect, index: Int)] = []
        for (i, t) in ticks.values.enumerated() {
            let node = tickNode(format(t), at: scale(t))
            let box = try fit.box(node)
            guard frameRect.contains(box, tolerance: 0.01) else { continue }
            if let last = out.last, last.box.intersects(box) { continue }
            out.append((node, box, i))
        }
        return out
    }

    func tickNode(_ text: String, at p: Double) -> TextNode {
        orientation == .vertical
            ? TextNode(text, style: tickStyle, at: Point(plot.minX - gap, p), anchor: TextAnchor(.end, .middle))
            : TextNode(text, style: tickStyle, at: Point(p, plot.maxY + gap * 0.6), anchor: TextAnchor(.middle, .top))
    }
}
