import ReportScene

extension TimelineSpec {
    /// Lays the timeline out in a preset's frame with its theme.
    public func layout(preset: ChartPreset, measurer: any TextMeasurer) throws -> TimelineLayout {
        try layout(frame: preset.size, theme: preset.theme, measurer: measurer)
    }

    /// Lays the timeline out in `frame` (origin at 0,0). Every node stays inside the frame and no
    /// two texts overlap, at any number of events: labels go in rows above and below their marks,
    /// then numbered badges with a key below the axis, then a "另有 N 项未列出" line.
    public func layout(frame: Size, theme: ChartTheme = .standard, measurer: any TextMeasurer) throws -> TimelineLayout {
        try TimelineBuilder(spec: self, frame: frame, theme: theme, cache: TimelineMeasureCache(measurer)).build()
    }
}

/// The steps of `TimelineSpec.layout`, top to bottom: chrome, legend, report-date row, lanes,
/// axis, numbered key.
struct TimelineBuilder {
    let spec: TimelineSpec
    let frame: Size
    let theme: ChartTheme
    let cache: TimelineMeasureCache

    func build() throws -> TimelineLayout {
        let chrome = try ChartChrome(notes: spec.notes, frame: frame, theme: theme, measurer: cache.measurer)
        let area = chrome.plotArea
        let laneNames = spec.resolvedLanes.isEmpty ? [""] : spec.resolvedLanes
        var laneIndex = TimelineLaneIndex(laneNames)

        let labelStyle = theme.style(size: theme.labelSize)
        let nameStyle = theme.style(size: theme.labelSize, weight: .bold)
        let tickStyle = theme.style(size: theme.tickSize, color: theme.secondaryText)
        let listStyle = theme.style(size: theme.tickSize)
        let listNumberStyle = theme.style(size: theme.tickSize, weight: .bold, color: theme.secondaryText)
        let badgeStyle = theme.style(size: theme.noteSize, weight: .bold)
        let background = theme.background ?? .white
        let laneShade = background.timelineMix(with: theme.grid, 0.3)

        let lineHeight = try cache.measure("国", labelStyle).height
        let rowGap = theme.labelSize * 0.35
        let rowHeight = lineHeight + rowGap
        let band = theme.labelSize * 1.1
        let lanePad = theme.labelSize * 0.5
        let gap = theme.labelSize * 0.6

        // Legend: only the mark kinds this chart uses.
        let openEnd = spec.openEndDay
        let domain = spec.resolvedDomain
        let legend = try TimelineLegend(kinds: spec.markKinds, x: area.minX, y: area.minY,
                                        width: area.width, style: tickStyle, swatchColor: theme.axis,
                                        background: background, cache: cache)
        var y = area.minY + (legend.height > 0 ? legend.height + gap : 0)

        // Report-date label row, so "报告日" never competes with event labels.
        let tickLine = try cache.measure("报告日", tickStyle).height
        let reportRow = spec.reportDate == nil ? 0 : tickLine + 2
        y += reportRow
        let lanesTop = y

        // Lane-name column: as wide as the longest name, at most a fifth of the width (names wrap).
        let namePad = theme.labelSize * 0.4
        var widest = theme.labelSize * 2
        for n in laneNames { widest = max(widest, try cache.measure(n, nameStyle).width) }
        let nameWidth = min(widest + 2 * namePad, area.width * 0.2)
        let nameWrap = nameWidth - 2 * namePad
        let nameHeights = try laneNames.map { try cache.measure($0, nameStyle, wrap: nameWrap).height }

        let inset = TimelineEventMark.pointRadius(band: band) + 1
        let scale = TimelineScale(domain: domain, x0: area.minX + nameWidth + gap + inset, x1: area.maxX - inset)
        guard scale.x1 - scale.x0 > theme.labelSize * 4 else {
            throw TimelineError.frameTooSmall("no room for the time axis")
        }
        var axis = try TimelineAxis.choose(scale: scale, labelRange: area.minX...area.maxX, style: tickStyle, cache: cache)
        let available = area.maxY - lanesTop - axis.height

        // Marks in chronological order, ties broken by id: the order of the first-fit placement.
        var marks: [TimelineEventMark] = []
        var omitted: [String] = []
        marks.reserveCapacity(spec.events.count)
        for e in spec.events {
            if let m = TimelineEventMark(e, lane: laneIndex.insert(e.lane), spec: spec, scale: scale, openEnd: openEnd,
                                         band: band) {
                marks.append(m)
            } else { omitted.append(e.id) }
        }
        // Sort positions, not the (large) marks themselves.
        let order = marks.indices.sorted { a, b in
            let da = marks[a].startDay, db = marks[b].startDay
            return da != db ? da < db : marks[a].event.id < marks[b].event.id
        }
        marks = order.map { marks[$0] }
        // Plain arrays for the hot loops below (10,000 events, many passes).
        let laneOf = marks.map(\.lane)

        // Number badges (for lanes too dense for labels) are all as wide as the widest number the
        // key could ever show, and their rows are lower than label rows.
        let listLine = try cache.measure("国", listStyle).height
        let columns = TimelineNumberedList.columnCount(width: area.width, style: listStyle)
        let keyCapacity = columns * max(1, Int(available / listLine))
        let digits = String(max(1, min(marks.count, keyCapacity))).count
        let badgeMetrics = try cache.measure(String(repeating: "8", count: digits), badgeStyle)
        let badgeHeight = badgeMetrics.height
        let badgeWidth = max(badgeHeight, badgeMetrics.width + badgeHeight * 0.5)
        let badgeGap = theme.labelSize * 0.25
        let badgeRowHeight = badgeHeight + badgeGap

        // Lane heights: a lane needs its name and its marks; each row costs its row height. A
        // mark line carrying inline labels is a text line high.
        var inlineLane = [Bool](repeating: false, count: laneNames.count)
        func laneHeights(_ numbered: [Bool]) -> TimelineLaneHeights {
            TimelineLaneHeights(nameHeights: nameHeights,
                                bands: laneNames.indices.map { !numbered[$0] && inlineLane[$0] ? max(band, lineHeight) : band },
                                rowHeights: numbered.map { $0 ? badgeRowHeight : rowHeight }, pad: lanePad)
        }
        let allLabelled = laneHeights(laneNames.map { _ in false })
        let baseHeight = allLabelled.baseHeight
        guard baseHeight <= available + 1e-9 else {
            throw TimelineError.frameTooSmall("\(laneNames.count) lanes need \(Int(baseHeight)) pt, \(Int(available)) pt left")
        }

        // First fit with as many rows as a lane could ever get. Fewer rows later only drop the
        // outer ones: what lands in a row depends only on the rows inside it.
        let labelGap = theme.labelSize * 0.5
        let maxRows = allLabelled.freeRows.map { min(60, $0 + Int((available - baseHeight) / rowHeight)) }
        let placement = try TimelineLabelPlacement(marks: marks, laneCount: laneNames.count, maxRows: maxRows,
                                                   gap: labelGap, x0: scale.x0, x1: scale.x1) {
            try cache.measure($0, labelStyle).width
        }
        var labelRow = placement.row
        var labelInline = placement.inline
        let labelLeft = placement.left, labelWidth = placement.width
        inlineLane = placement.laneHasInline
        let maxBadgeRows = laneHeights(laneNames.map { _ in true }).freeRows
            .map { min(80, $0 + Int((available - baseHeight) / badgeRowHeight)) }
        var badgeRows = laneNames.indices.map { TimelineRows(rows: maxBadgeRows[$0], gap: labelGap * 0.5) }
        var badgeRow = [Int?](repeating: nil, count: marks.count)
        var badgeLeft = [Double](repeating: 0, count: marks.count)
        let badgeShift = badgeWidth * 3
        for (i, m) in marks.enumerated() where !badgeRows[m.lane].blocked(at: m.anchorX + badgeWidth / 2 + badgeShift) {
            let lo = min(max(m.anchorX - badgeWidth / 2, scale.x0), scale.x1 - badgeWidth)
            guard let got = badgeRows[m.lane].place(lo: lo, width: badgeWidth, maxShift: badgeShift,
                                                    limit: scale.x1) else { continue }
            badgeRow[i] = got.row
            badgeLeft[i] = got.lo
        }
        func demand(_ placed: [Int?]) -> [Int] {
            var d = [Int](repeating: 0, count: laneNames.count)
            for i in marks.indices { if let r = placed[i] { d[laneOf[i]] = max(d[laneOf[i]], r + 1) } }
            return d
        }
        let labelDemand = demand(labelRow), badgeDemand = demand(badgeRow)
        var everyLabelPlaced = [Bool](repeating: true, count: laneNames.count)
        for i in marks.indices where labelRow[i] == nil && !labelInline[i] { everyLabelPlaced[laneOf[i]] = false }

        // A lane whose labels do not all fit switches to numbered badges with a key below the axis.
        // The key's height and the lanes' depend on each other; settle them lane by lane.
        var numbered = [Bool](repeating: false, count: laneNames.count)
        func currentDemand() -> [Int] { laneNames.indices.map { numbered[$0] ? badgeDemand[$0] : labelDemand[$0] } }
        var heights = laneHeights(numbered)
        var (laneRows, spare) = heights.allocate(available, demand: currentDemand())
        var listHeight = 0.0
        for _ in 0...laneNames.count {
            let switching = laneNames.indices.filter { !numbered[$0] && !(everyLabelPlaced[$0] && labelDemand[$0] <= laneRows[$0]) }
            if switching.isEmpty { break }
            for l in switching { numbered[l] = true }
            heights = laneHeights(numbered)
            guard available - gap - listLine * 1.2 >= baseHeight else {
                throw TimelineError.frameTooSmall("no room for the numbered key")
            }
            let d = currentDemand()
            let sizing = TimelineKeySizing(
                heights: heights, demand: d, numbered: numbered, laneOf: laneOf, badgeRow: badgeRow,
                labels: marks.map(\.label), width: area.width, keyCapacity: keyCapacity, style: listStyle,
                numberStyle: listNumberStyle, cache: cache)
            listHeight = try sizing.bestHeight(total: available - gap, lowest: listLine * 1.2,
                                               highest: available - gap - baseHeight)
            laneRows = heights.allocate(available - gap - listHeight, demand: d).rows
            spare = 0
        }

        // Vertical geometry of the lanes; leftover height is shared evenly.
        let extra = spare / Double(laneNames.count)
        var laneRects: [Rect] = []
        var markMid: [Double] = []
        var markTop: [Double] = []
        var top = lanesTop
        for l in laneNames.indices {
            let h = heights.height(l, rows: laneRows[l]) + extra
            laneRects.append(Rect(x: area.minX, y: top, width: area.width, height: h))
            let above = (laneRows[l] + 1) / 2
            let line = heights.bands[l]
            let content = line + Double(laneRows[l]) * heights.rowHeights[l]
            let contentTop = top + (h - content) / 2
            markTop.append(contentTop + Double(above) * heights.rowHeights[l])
            markMid.append(contentTop + Double(above) * heights.rowHeights[l] + line / 2)
            top += h
        }
        let axisY = top
        axis.place(axisY: axisY)
        /// Top of the box (label or badge) in a row of a lane.
        func rowTop(_ lane: Int, _ row: Int) -> Double {
            let level = Double(row / 2)
            let h = heights.rowHeights[lane]
            let inset = (numbered[lane] ? badgeGap : rowGap) / 2
            return row % 2 == 0 ? markTop[lane] - (level + 1) * h + inset
                : markTop[lane] + heights.bands[lane] + level * h + inset
        }

        // Numbers in chronological order for the badges that fit, while the key has room.
        var list: TimelineNumberedList? = nil
        var numberOf = [Int?](repeating: nil, count: marks.count)
        var unlisted = 0
        if numbered.contains(true) {
            var badged = 0
            for i in marks.indices where numbered[laneOf[i]] && (badgeRow[i] ?? .max) < laneRows[laneOf[i]] { badged += 1 }
            let listTop = axisY + axis.height + gap
            let listRect = Rect(x: area.minX, y: listTop, width: area.width, height: max(0, area.maxY - listTop))
            var key = try TimelineNumberedList(rect: listRect, maxNumber: min(max(badged, 1), keyCapacity), style: listStyle,
                                               numberStyle: listNumberStyle, cache: cache)
            var next = 1
            var full = false
            for (i, m) in marks.enumerated() where numbered[m.lane] {
                labelRow[i] = nil; labelInline[i] = false
                guard !full, let r = badgeRow[i], r < laneRows[m.lane],
                      try key.add(number: next, eventID: m.event.id, text: m.label) else {
                    if badgeRow[i].map({ $0 < laneRows[m.lane] }) == true { full = true }
                    badgeRow[i] = nil; unlisted += 1; continue
                }
                numberOf[i] = next
                next += 1
            }
            let dropped = Set(try key.finish(unlisted: unlisted))
            if !dropped.isEmpty {
                for i in marks.indices where numberOf[i].map(dropped.contains) == true {
                    numberOf[i] = nil; badgeRow[i] = nil
                }
                unlisted += dropped.count
            }
            list = key
        }

        // Scene, back to front.
        var nodes = chrome.nodes
        nodes += legend.nodes
        for (l, r) in laneRects.enumerated() where l % 2 == 0 {
            nodes.append(.rect(RectNode(r, fill: laneShade)))
        }
        for (l, r) in laneRects.enumerated() {
            nodes.append(.text(TextNode(laneNames[l], style: nameStyle,
                                        at: Point(area.minX + namePad, r.minY + (r.height - nameHeights[l]) / 2),
                                        anchor: .topLeft, wrapWidth: nameWrap)))
        }
        nodes.append(.group(Group(axis.nodes(scale: scale, axisY: axisY, gridTop: lanesTop, theme: theme), name: "axis")))

        var reportX: Double? = nil
        if let report = spec.reportDate {
            let x = scale.x(startOf: report.lastDay + 1)
            if x >= scale.x0 - 1e-9 && x <= scale.x1 + 1e-9 {
                reportX = x
                let w = try cache.measure("报告日", tickStyle).width
                let left = min(max(x - w / 2, scale.x0), scale.x1 - w)
                let marker = Stroke(color: theme.highlight, width: theme.axisWidth * 1.2, dash: [4, 2.5])
                nodes.append(.group(Group([
                    .path(.line(from: Point(x, lanesTop - 1), to: Point(x, axisY), stroke: marker)),
                    .text(TextNode("报告日", style: theme.style(size: theme.tickSize, color: theme.highlight),
                                   at: Point(left, lanesTop - reportRow), anchor: .topLeft)),
                ], name: "report-date")))
            }
        }

        var markerRects: [String: Rect] = [:]
        markerRects.reserveCapacity(marks.count)
        var spanRects: [String: Rect] = [:]
        var markNodes: [Node] = []
        var pointNodes: [Node] = []
        var leaderNodes: [Node] = []
        var labelNodes: [Node] = []
        var labelBoxes: [String: Rect] = [:]
        var badgeBoxes: [String: Rect] = [:]
        var numbers: [String: Int] = [:]
        markNodes.reserveCapacity(marks.count)
        for (i, m) in marks.enumerated() {
            let color = theme.seriesColor(m.lane)
            let mid = markMid[m.lane]
            let drawn = m.nodes(midY: mid, color: color, background: background, band: band)
            // Dots go on top of the bands and bars they fall inside.
            let group = Node.group(Group(drawn.nodes, name: "event.\(m.event.id)"))
            if m.kind == .donePoint || m.kind == .plannedPoint { pointNodes.append(group) } else { markNodes.append(group) }
            markerRects[m.event.id] = drawn.rect
            if m.isSpan { spanRects[m.event.id] = drawn.rect }
            let plate = m.lane % 2 == 0 ? laneShade : background
            let leader = Stroke(color: color.withAlpha(0.7), width: 0.6)
            func leaderTo(_ box: Rect, row: Int) {
                let from = row % 2 == 0 ? Point(m.anchorX, mid - m.height / 2) : Point(m.anchorX, mid + m.height / 2)
                // Straight up or down when the box is over the mark, else slanting to its nearest point.
                let x = min(max(m.anchorX, box.minX + 1), box.maxX - 1)
                let to = row % 2 == 0 ? Point(x, box.maxY) : Point(x, box.minY)
                leaderNodes.append(.path(.line(from: from, to: to, stroke: leader)))
            }
            if let r = labelRow[i] {
                let box = Rect(x: labelLeft[i], y: rowTop(m.lane, r), width: labelWidth[i], height: lineHeight)
                leaderTo(box, row: r)
                labelNodes.append(.rect(RectNode(box.insetBy(dx: -1, dy: 0), fill: plate)))
                labelNodes.append(.text(TextNode(m.label, style: labelStyle, at: Point(box.x, box.y), anchor: .topLeft)))
                labelBoxes[m.event.id] = box
            } else if labelInline[i] {
                // On the mark line, ending just before the mark: no leader needed.
                let box = Rect(x: labelLeft[i], y: mid - lineHeight / 2, width: labelWidth[i], height: lineHeight)
                labelNodes.append(.rect(RectNode(box.insetBy(dx: -1, dy: 0), fill: plate)))
                labelNodes.append(.text(TextNode(m.label, style: labelStyle, at: Point(box.x, box.y), anchor: .topLeft)))
                labelBoxes[m.event.id] = box
            } else if let r = badgeRow[i], let n = numberOf[i] {
                let box = Rect(x: badgeLeft[i], y: rowTop(m.lane, r),
                               width: badgeWidth, height: badgeHeight)
                leaderTo(box, row: r)
                let text = String(n)
                let tm = try cache.measure(text, badgeStyle)
                labelNodes.append(.rect(RectNode(box, cornerRadius: box.height / 2, fill: plate,
                                                 stroke: Stroke(color: color, width: 0.8,
                                                                dash: m.event.status == .planned ? [2, 1.2] : []))))
                labelNodes.append(.text(TextNode(text, style: badgeStyle,
                                                 at: Point(box.midX - tm.width / 2, box.minY), anchor: .topLeft)))
                badgeBoxes[m.event.id] = box
                numbers[m.event.id] = n
            }
        }
        nodes.append(.group(Group(markNodes + pointNodes, name: "marks")))
        nodes.append(.group(Group(leaderNodes, name: "leaders")))
        nodes.append(.group(Group(labelNodes, name: "labels")))
        if let list { nodes.append(.group(Group(try list.nodes(), name: "key"))) }

        let plot = Rect(x: scale.x0, y: lanesTop, width: scale.x1 - scale.x0, height: axisY - lanesTop)
        let openEndX = scale.clamp(scale.x(startOf: openEnd))
        return TimelineLayout(
            group: Group(nodes, name: "timeline"), frame: frame, plotRect: plot, scale: scale,
            tickUnit: axis.unit, ticks: axis.ticks,
            lanes: laneNames.indices.map { (laneNames[$0], laneRects[$0]) },
            markerRects: markerRects, spanRects: spanRects, labelBoxes: labelBoxes, badgeBoxes: badgeBoxes,
            numbers: numbers, numberedLanes: laneNames.indices.filter { numbered[$0] }.map { laneNames[$0] },
            listTextBoxes: try list?.textBoxes() ?? [], unlistedCount: unlisted,
            omittedEventIDs: omitted, reportX: reportX, openEndX: openEndX)
    }
}
