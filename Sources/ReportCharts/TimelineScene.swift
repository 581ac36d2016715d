import ReportScene

/// The last stage: the solved placement as nodes, back to front (lane shading and names,
/// grid and axis, the report-date line, marks, leaders, labels and badges, key), plus the
/// geometry `TimelineLayout` reports.
struct TimelineScene {
    let spec: TimelineSpec
    var frame: TimelineFrame
    let theme: ChartTheme
    let styles: TimelineStyles
    let cache: TimelineMeasureCache
    let marks: [TimelineEventMark]
    let track: [Int]
    let geometry: TimelineLaneGeometry
    let badgeSize: Size

    mutating func layout(solution: TimelineSolver.Attempt, solver: TimelineSolver, omitted: [String]) throws -> TimelineLayout {
        let area = frame.area
        let axisY = geometry.bottom
        frame.axis.place(axisY: axisY)

        // The key: every mark without a label, numbered where its badge is drawn.
        var key: TimelineNumberedList? = nil
        var numbers: [Int: Int] = [:], letters: [Int: String] = [:]
        var listed = Set<Int>()
        if !solution.keyed.isEmpty {
            let top = axisY + frame.axis.height + styles.gap
            let lines = solver.keyLines(solution.placement)
            var list = try solver.makeKey(height: max(0, area.maxY - top), lines: lines,
                                          columns: solution.keyColumns, top: top, x: area.minX)
            let filled = try solver.fill(&list, solution, lines: lines)
            numbers = filled.numbers
            letters = filled.letters
            listed = Set(solution.keyed.prefix(filled.listed))
            key = list
        }

        var nodes = frame.chrome.nodes + frame.legend.nodes
        for (l, r) in geometry.rects.enumerated() where l % 2 == 0 { nodes.append(.rect(RectNode(r, fill: styles.laneShade))) }
        for (l, r) in geometry.rects.enumerated() {
            nodes.append(.text(TextNode(frame.laneNames[l], style: styles.name,
                                        at: Point(area.minX + frame.namePad, r.minY + (r.height - frame.nameHeights[l]) / 2),
                                        anchor: .topLeft, wrapWidth: frame.nameWrap)))
        }
        let lanesTop = frame.lanesTop
        nodes.append(.group(Group(frame.axis.nodes(scale: frame.scale, axisY: axisY, gridTop: lanesTop, theme: theme),
                                  name: "axis")))
        var out = Collected()
        for (i, m) in marks.enumerated() {
            try draw(i, m, solution: solution, solver: solver, number: numbers[i], into: &out)
        }
        let groups = try drawClusters(solution.placement, letters: letters, listed: listed, solver: solver, into: &out)
        if let x = frame.reportX { nodes.append(try reportLine(x: x, axisY: axisY, texts: out)) }
        nodes.append(.group(Group(out.markNodes + out.pointNodes, name: "marks")))
        nodes.append(.group(Group(out.leaderNodes, name: "leaders")))
        nodes.append(.group(Group(out.labelNodes, name: "labels")))
        if let key { nodes.append(.group(Group(try key.nodes(), name: "key"))) }

        let scale = frame.scale
        let plot = Rect(x: scale.x0, y: lanesTop, width: scale.x1 - scale.x0, height: axisY - lanesTop)
        return TimelineLayout(
            group: Group(nodes, name: "timeline"), frame: frame.size,
            plotRect: plot, scale: scale, tickUnit: frame.axis.unit, ticks: frame.axis.ticks,
            lanes: frame.laneNames.indices.map { (frame.laneNames[$0], geometry.rects[$0]) },
            markerRects: out.markerRects, spanRects: out.spanRects, labelBoxes: out.labelBoxes,
            badgeBoxes: out.badgeBoxes, numbers: out.numbers, leaders: out.leaders,
            keyEventIDs: solution.keyed.filter { listed.contains($0) }.map { marks[$0].event.id },
            listTextBoxes: try key?.textBoxes() ?? [],
            unlistedEventIDs: solution.keyed.filter { !listed.contains($0) }.map { marks[$0].event.id },
            omittedEventIDs: omitted, keyGroups: groups, reportX: frame.reportX,
            openEndX: scale.clamp(scale.x(startOf: spec.openEndDay)))
    }

    /// The "报告日" marker: a dashed line down the plot, broken wherever a label or badge
    /// crosses it, so the line never runs through text.
    func reportLine(x: Double, axisY: Double, texts: Collected) throws -> Node {
        let lanesTop = frame.lanesTop
        let w = try cache.measure("报告日", styles.tick).width
        let left = min(max(x - w / 2, frame.scale.x0), frame.scale.x1 - w)
        let marker = Stroke(color: theme.highlight, width: theme.axisWidth * 1.2, dash: [4, 2.5])
        let pad = theme.axisWidth * 1.5
        let cuts = (Array(texts.labelBoxes.values) + Array(texts.badgeBoxes.values) + texts.bracketBoxes)
            .filter { $0.minX - pad < x && x < $0.maxX + pad }
            .map { ($0.minY - pad, $0.maxY + pad) }.sorted { $0.0 < $1.0 }
        var nodes: [Node] = []
        var y = lanesTop - 1
        for (a, b) in cuts {
            if a > y { nodes.append(.path(.line(from: Point(x, y), to: Point(x, a), stroke: marker))) }
            y = max(y, b)
        }
        if y < axisY { nodes.append(.path(.line(from: Point(x, y), to: Point(x, axisY), stroke: marker))) }
        nodes.append(.text(TextNode("报告日", style: theme.style(size: theme.tickSize, color: theme.highlight),
                                    at: Point(left, lanesTop - frame.reportRow), anchor: .topLeft)))
        return .group(Group(nodes, name: "report-date"))
    }

    struct Collected {
        var markNodes: [Node] = [], pointNodes: [Node] = [], leaderNodes: [Node] = [], labelNodes: [Node] = []
        var markerRects: [String: Rect] = [:], spanRects: [String: Rect] = [:]
        var labelBoxes: [String: Rect] = [:], badgeBoxes: [String: Rect] = [:], numbers: [String: Int] = [:]
        var bracketBoxes: [Rect] = []
        var leaders: [TimelineLeader] = []
    }

    /// Mark i, its leader and its label or badge.
    func draw(_ i: Int, _ m: TimelineEventMark, solution: TimelineSolver.Attempt, solver: TimelineSolver,
              number: Int?, into out: inout Collected) throws {
        let color = theme.seriesColor(m.lane)
        let mid = geometry.trackMid(lane: m.lane, track: track[i])
        let drawn = m.nodes(midY: mid, color: color, background: styles.background, band: styles.band)
        let group = Node.group(Group(drawn.nodes, name: "event.\(m.event.id)"))
        // Dots go on top of the bands and bars they fall inside.
        if m.shape == .point { out.pointNodes.append(group) } else { out.markNodes.append(group) }
        out.markerRects[m.event.id] = drawn.rect
        if m.isSpan { out.spanRects[m.event.id] = drawn.rect }
        let plate = m.lane % 2 == 0 ? styles.laneShade : styles.background

        func box(_ c: TimelineCandidate, height: Double) -> Rect {
            switch c.slot {
            case .inline: return Rect(x: c.lo, y: mid - height / 2, width: c.width, height: height)
            case .row(let k): return Rect(x: c.lo, y: geometry.rowTop(lane: m.lane, row: k, height: height),
                                          width: c.width, height: height)
            }
        }
        func leader(_ c: TimelineCandidate, to b: Rect) {
            guard case .row(let k) = c.slot, let x = c.leaderX else { return }
            let from = Point(x, k % 2 == 0 ? drawn.rect.minY : drawn.rect.maxY)
            let to = Point(x, k % 2 == 0 ? b.maxY : b.minY)
            out.leaderNodes.append(.path(.line(from: from, to: to, stroke: Stroke(color: color.withAlpha(0.7), width: 0.6))))
            out.leaders.append(TimelineLeader(eventID: m.event.id, from: from, to: to))
        }
        if let c = solution.placement.label[i] {
            let b = box(c, height: styles.lineHeight)
            leader(c, to: b)
            out.labelNodes.append(.rect(RectNode(b.insetBy(dx: -1, dy: 0), fill: plate)))
            out.labelNodes += try labelTexts(m, textWidth: try solver.textWidth(i), in: b)
            out.labelBoxes[m.event.id] = b
        } else if let c = solution.placement.badge[i], let n = number {
            let b = box(c, height: badgeSize.height)
            leader(c, to: b)
            let text = String(n)
            let tm = try cache.measure(text, styles.badge)
            out.labelNodes.append(.rect(RectNode(b, cornerRadius: b.height / 2, fill: plate,
                                                 stroke: Stroke(color: color, width: 0.8))))
            out.labelNodes.append(.text(TextNode(text, style: styles.badge, at: Point(b.midX - tm.width / 2, b.minY),
                                                 anchor: .topLeft)))
            out.badgeBoxes[m.event.id] = b
            out.numbers[m.event.id] = n
        }
    }

    /// The groups with an event in the key: each lettered bracket over its stretch of the lane
    /// (a line with ends turned toward the marks, the letter in a badge on it).
    func drawClusters(_ p: TimelinePlacement, letters: [Int: String], listed: Set<Int>, solver: TimelineSolver,
                      into out: inout Collected) throws -> [TimelineKeyGroup] {
        var groups: [TimelineKeyGroup] = []
        for (k, c) in p.clusters.enumerated() where c.members.contains(where: listed.contains) {
            var box: Rect? = nil
            var leader: TimelineLeader? = nil
            let letter = letters[k]
            if let cand = c.box, let letter {
                let h = badgeSize.height
                let color = theme.seriesColor(c.lane)
                let plate = c.lane % 2 == 0 ? styles.laneShade : styles.background
                let stroke = Stroke(color: color, width: 0.8)
                let b: Rect
                var nodes: [Node] = []
                if case .row(let row) = cand.slot, let x = cand.leaderX, let from = c.leaderMember,
                   let markRect = out.markerRects[marks[from].event.id] {
                    // The letter alone at the end of a leader from one of the group's marks.
                    b = Rect(x: cand.lo, y: geometry.rowTop(lane: c.lane, row: row, height: h), width: cand.width, height: h)
                    let start = Point(x, row % 2 == 0 ? markRect.minY : markRect.maxY)
                    let end = Point(x, row % 2 == 0 ? b.maxY : b.minY)
                    out.leaderNodes.append(.path(.line(from: start, to: end, stroke: Stroke(color: color.withAlpha(0.7), width: 0.6))))
                    leader = TimelineLeader(eventID: marks[from].event.id, from: start, to: end)
                    out.leaders.append(leader!)
                } else if case .row(let row) = cand.slot {
                    b = Rect(x: cand.lo, y: geometry.rowTop(lane: c.lane, row: row, height: h), width: cand.width, height: h)
                    let edge = row % 2 == 0 ? b.maxY : b.minY
                    let lo = max(b.minX, c.lo), hi = min(b.maxX, c.hi)
                    nodes = [.path(.line(from: Point(lo, b.midY), to: Point(hi, b.midY), stroke: stroke)),
                             .path(.line(from: Point(lo, b.midY), to: Point(lo, edge), stroke: stroke))]
                    if hi > lo + 0.5 { nodes.append(.path(.line(from: Point(hi, b.midY), to: Point(hi, edge), stroke: stroke))) }
                } else {
                    let mid = geometry.trackMid(lane: c.lane, track: c.track)
                    b = Rect(x: cand.lo, y: mid - h / 2, width: cand.width, height: h)
                }
                box = b
                let tm = try cache.measure(letter, styles.badge)
                let w = min(b.width, max(h, tm.width + h * 0.5))
                let centre = cand.slot == .inline || leader != nil ? b.midX : (c.lo + c.hi) / 2
                let cx = min(max(centre, b.minX + w / 2), b.maxX - w / 2)
                let pill = Rect(x: cx - w / 2, y: b.minY, width: w, height: h)
                nodes.append(.rect(RectNode(pill, cornerRadius: h / 2, fill: plate, stroke: stroke)))
                nodes.append(.text(TextNode(letter, style: styles.badge, at: Point(cx - tm.width / 2, b.minY),
                                            anchor: .topLeft)))
                out.labelNodes.append(.group(Group(nodes, name: "group.\(letter)")))
                out.bracketBoxes.append(b)
            }
            groups.append(TimelineKeyGroup(
                letter: box == nil ? nil : letter, lane: frame.laneNames[c.lane],
                eventIDs: c.members.map { marks[$0].event.id }, box: box, inline: c.box?.slot == .inline,
                span: c.lo...c.hi, leader: leader,
                heading: c.members.count > 1 ? TimelineDateGlue.plain(solver.clusterText.heading(c)) : nil))
        }
        return groups
    }

    /// The date (bold) and the text of a label, in the spec's order, inside `b`.
    func labelTexts(_ m: TimelineEventMark, textWidth: Double, in b: Rect) throws -> [Node] {
        let text = TextNode(m.label, style: styles.label, at: Point(b.x, b.y), anchor: .topLeft)
        guard !m.dateText.isEmpty else { return [.text(text)] }
        let dateWidth = try cache.measure(m.dateText, styles.date).width
        switch spec.datePosition {
        case .before:
            return [.text(TextNode(m.dateText, style: styles.date, at: Point(b.x, b.y), anchor: .topLeft)),
                    .text(TextNode(m.label, style: styles.label, at: Point(b.x + dateWidth + styles.dateGap, b.y),
                                   anchor: .topLeft))]
        case .after:
            return [.text(text),
                    .text(TextNode(m.dateText, style: styles.date, at: Point(b.x + textWidth + styles.dateGap, b.y),
                                   anchor: .topLeft))]
        }
    }
}
