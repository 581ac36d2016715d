import ReportScene

extension TimelineSpec {
    /// Lays the timeline out in a preset's frame. When the preset's type leaves events without a
    /// label, smaller type is tried, down to the report theme's sizes, so a larger frame never
    /// names fewer events than a smaller one (see `TimelineTypeFit`).
    public func layout(preset: ChartPreset, measurer: any TextMeasurer) throws -> TimelineLayout {
        try TimelineTypeFit(spec: self, frame: preset.size, theme: preset.theme).layout(measurer: measurer)
    }

    /// Lays the timeline out in `frame` (origin at 0,0) with the theme's type. Every node stays
    /// inside the frame; no text overlaps other text, a mark or the report-date line; leaders
    /// are vertical and never cross. Each event is labelled with its date and text, or numbered
    /// with a badge (or lettered with a bracket over its cluster) and listed in the key below the
    /// axis; only when the key is full does a line say how many are left out
    /// (`TimelineLayout.unlistedEventIDs`).
    public func layout(frame: Size, theme: ChartTheme = .standard, measurer: any TextMeasurer) throws -> TimelineLayout {
        try TimelineBuilder(spec: self, frame: frame, theme: theme, cache: TimelineMeasureCache(measurer)).build()
    }
}

extension TimelineSpec {
    /// Lays the timeline out `width` wide for a page flow that can give it more height: at
    /// `height` when every drawn event is named there (labelled, or in the key with its badge or
    /// letter on the plot), else at the least height up to `maxHeight` (in 10 pt steps) that
    /// names them all, else at `maxHeight` (its note then counts those left out). The layout's
    /// `frame.height` is the height it took.
    public func layout(width: Double, height: Double, maxHeight: Double, theme: ChartTheme = .standard,
                       measurer: any TextMeasurer) throws -> TimelineLayout {
        let cache = TimelineMeasureCache(measurer)
        let memo = TimelineSolveMemo()
        let steps = max(0, Int(((maxHeight - height) / 10).rounded(.down)))
        func builder(_ step: Int) -> TimelineBuilder {
            let h = step == steps ? max(height, maxHeight) : height + Double(step) * 10
            return TimelineBuilder(spec: self, frame: Size(width, h), theme: theme, cache: cache, memo: memo)
        }
        // Heights are solved without their scenes; only the one kept is drawn.
        func namesAll(_ s: TimelineBuilder.Solution) -> Bool { s.solved.solution.named == s.marks.count }
        let first = Result { try builder(0).solve() }
        if case .success(let s) = first, namesAll(s) || steps == 0 { return try builder(0).scene(s) }
        guard steps > 0 else { return try builder(0).scene(first.get()) }
        let top = try? builder(steps).solve()
        guard let top, namesAll(top) else {
            // Nothing names every event: the height naming the most (the first on a tie).
            let s0 = try? first.get()
            if let top, top.solved.solution.named > s0?.solved.solution.named ?? -1 { return try builder(steps).scene(top) }
            return try builder(0).scene(first.get())
        }
        // The least step that names every event; the search keeps to heights proven to.
        var lo = 0, hi = steps, best = top
        while hi - lo > 1 {
            let mid = (lo + hi) / 2
            if let s = try? builder(mid).solve(), namesAll(s) { hi = mid; best = s } else { lo = mid }
        }
        return try builder(hi).scene(best)
    }
}

/// The stages of `TimelineSpec.layout`: frame (chrome, legend, scale, axis) → marks and their
/// tracks → rows, labels, badges and key sharing the height (`TimelineSolver`) → lane
/// geometry → scene (`TimelineScene`). `solve` and `scene` are apart so `TimelineTypeFit`
/// builds the scene of the type size it keeps only.
struct TimelineBuilder {
    let spec: TimelineSpec
    let frame: Size
    let theme: ChartTheme
    let cache: TimelineMeasureCache
    /// Shared by the layouts of one spec at one width and theme (the heights a page flow tries):
    /// label widths and placements do not depend on the height.
    var memo: TimelineSolveMemo? = nil

    func build() throws -> TimelineLayout { try scene(try solve()) }

    /// Everything the scene needs, decided.
    struct Solution {
        var frame: TimelineFrame
        var styles: TimelineStyles
        var marks: [TimelineEventMark]
        var omitted: [String]
        var badgeSize: Size
        var solved: Solved
        /// Events labelled on the chart.
        var labelledCount: Int { solved.solution.placement.labelledCount }
        /// True when every drawn event has its label on the chart.
        var labelsAll: Bool { solved.solution.keyed.isEmpty }
    }

    func solve() throws -> Solution {
        let styles = try TimelineStyles(theme: theme, cache: cache)
        let f = try TimelineFrame(spec: spec, frame: frame, theme: theme, styles: styles, cache: cache)
        // The marks depend on the width only: the heights a page flow tries share them.
        let (marks, omitted) = memo?.marks ?? resolveMarks(f, styles)
        memo?.marks = (marks, omitted)
        let keyCapacity = TimelineNumberedList.columnCount(width: f.area.width, style: styles.list)
            * max(1, Int(f.available / (try cache.measure("国", styles.list).height)))
        let digits = String(max(1, min(marks.count, keyCapacity))).count
        let badgeMetrics = try cache.measure(String(repeating: "8", count: digits), styles.badge)
        let badgeWidth = max(badgeMetrics.height, badgeMetrics.width + badgeMetrics.height * 0.5)
        let letterMetrics = try cache.measure(TimelineClusters.widestLetter, styles.badge)
        let letterWidth = max(badgeMetrics.height, letterMetrics.width + badgeMetrics.height * 0.5)
        let s = try solveWithTracks(marks, f: f, styles: styles, keyCapacity: keyCapacity,
                                    badgeWidth: badgeWidth, letterWidth: letterWidth)
        return Solution(frame: f, styles: styles, marks: marks, omitted: omitted,
                        badgeSize: Size(badgeWidth, badgeMetrics.height), solved: s)
    }

    func scene(_ x: Solution) throws -> TimelineLayout {
        let s = x.solved, f = x.frame
        let extra = s.solution.keyHeight > 0 ? 0 : s.solution.spare / Double(f.laneNames.count)
        let geometry = TimelineLaneGeometry(top: f.lanesTop, x: f.area.minX, width: f.area.width, heights: s.heights,
                                            rows: s.solution.rows, trackCount: s.tracks.count, extra: extra,
                                            styles: x.styles)
        var scene = TimelineScene(spec: spec, frame: f, theme: theme, styles: x.styles, cache: cache, marks: x.marks,
                                  track: s.tracks.track, geometry: geometry, badgeSize: x.badgeSize)
        return try scene.layout(solution: s.solution, solver: s.solver, omitted: x.omitted)
    }

    struct Solved {
        var tracks: TimelineTracks
        var heights: TimelineLaneHeights
        var solver: TimelineSolver
        var solution: TimelineSolver.Attempt
    }

    /// Tracks and placement together: overlapping marks get tracks of their own (at most 4 a
    /// lane) unless the tracks would cost events their name; with up to 300 events the most
    /// tracks that still name every event win, beyond that tracks keep to half the height.
    func solveWithTracks(_ marks: [TimelineEventMark], f: TimelineFrame, styles: TimelineStyles, keyCapacity: Int,
                         badgeWidth: Double, letterWidth: Double) throws -> Solved {
        let shared = TimelineCapWork.Memos(
            widths: memo?.widths(marks.count) ?? TimelineLabelWidths(count: marks.count),
            placements: memo?.placements ?? TimelineSolver.Placements(),
            floors: memo?.floors(marks.count, styles: styles, cache: cache)
                ?? TimelineLabelFloors(count: marks.count, styles: styles, cache: cache),
            clusterText: TimelineClusterText(spec: spec, laneNames: f.laneNames, marks: marks))
        let labels = marks.map { ($0.dateText, $0.label) }
        if !shared.floors.worthwhile(labels) { TimelineLabelPrefetch.run(labels, styles: styles, cache: cache) }
        // Lanes and leaders do not depend on the tracks: one leader order serves every cap.
        let order = TimelineClusters.leaderOrder(marks.map {
            TimelinePlacement.Mark(lane: $0.lane, track: 0, x0: $0.x0, x1: $0.x1, anchorX: $0.anchorX)
        })
        func solve(_ tracks: TimelineTracks, _ heights: TimelineLaneHeights, _ m: TimelineCapWork.Memos) throws
            -> Solved {
            var solver = TimelineSolver(
                marks: marks.indices.map {
                    TimelinePlacement.Mark(lane: marks[$0].lane, track: tracks.track[$0], x0: marks[$0].x0,
                                           x1: marks[$0].x1, anchorX: marks[$0].anchorX)
                },
                labels: labels, trackCount: tracks.count, heights: heights,
                available: f.available, styles: styles, plot: f.scale.x0...f.scale.x1,
                keyWidth: f.area.width, keyCapacity: keyCapacity, badgeWidth: badgeWidth, letterWidth: letterWidth,
                clusterText: m.clusterText, cache: cache, widths: m.widths, trackOf: tracks.track,
                placements: m.placements, floors: m.floors)
            solver.leaderOrder = order
            return Solved(tracks: tracks, heights: heights, solver: solver, solution: try solver.solve())
        }
        if marks.count <= 300 {
            // Caps that leave every lane the same tracks lay out the same: each is solved once.
            var caps: [(TimelineTracks, TimelineLaneHeights)] = []
            for cap in stride(from: 4, through: 1, by: -1) {
                let (tracks, heights) = self.tracks(marks, cap: cap, f: f, styles: styles)
                if heights.baseHeight > f.available + 1e-9 || caps.contains(where: { $0.0.track == tracks.track }) {
                    continue
                }
                caps.append((tracks, heights))
            }
            let work = TimelineCapWork(count: caps.count, shared: shared, namesAll: { $0.solution.named == marks.count },
                                       solve: { k, m in try solve(caps[k].0, caps[k].1, m) })
            // The first cap naming every event, else the one naming the most (labelling the most
            // on a tie, the first on a full tie), as one cap after another would choose.
            var best: Solved? = nil
            var firstError: Error? = nil
            for result in work.run() {
                let s: Solved
                switch result {
                case .failure(let error): firstError = firstError ?? error; continue
                case .success(let solved): s = solved
                }
                if s.solution.named == marks.count { return s }
                if best.map({ (s.solution.named, s.solution.placement.labelledCount)
                    > ($0.solution.named, $0.solution.placement.labelledCount) }) ?? true { best = s }
            }
            if let best { return best }
            if let firstError { throw firstError }
        }
        let (tracks, heights) = try fitTracks(marks, laneCount: f.laneNames.count, f: f, styles: styles)
        return try solve(tracks, heights, shared)
    }

    func tracks(_ marks: [TimelineEventMark], cap: Int, f: TimelineFrame, styles: TimelineStyles)
        -> (TimelineTracks, TimelineLaneHeights) {
        let laneCount = f.laneNames.count
        let tracks = TimelineTracks(x0: marks.map(\.x0), x1: marks.map(\.x1), lane: marks.map(\.lane),
                                    laneCount: laneCount, gap: 0, maxTracks: cap)
        let heights = TimelineLaneHeights(nameHeights: f.nameHeights,
                                          bands: tracks.count.map { Double($0) * styles.trackHeight },
                                          rowHeights: Array(repeating: styles.rowHeight, count: laneCount),
                                          pad: styles.lanePad)
        return (tracks, heights)
    }

    /// Marks in order of left edge (ties by id): the order of first-fit placement.
    func resolveMarks(_ f: TimelineFrame, _ styles: TimelineStyles) -> ([TimelineEventMark], [String]) {
        var laneIndex = TimelineLaneIndex(f.laneNames)
        var marks: [TimelineEventMark] = [], omitted: [String] = []
        marks.reserveCapacity(spec.events.count)
        // Once, not per event: without a report date it scans every event.
        let openEnd = spec.openEndDay
        for e in spec.events {
            if let m = TimelineEventMark(e, lane: laneIndex.insert(e.lane), spec: spec, scale: f.scale,
                                         openEnd: openEnd, band: styles.band) {
                marks.append(m)
            } else { omitted.append(e.id) }
        }
        let order = marks.indices.sorted { a, b in
            marks[a].x0 != marks[b].x0 ? marks[a].x0 < marks[b].x0 : marks[a].event.id < marks[b].event.id
        }
        return (order.map { marks[$0] }, omitted)
    }

    /// Sub-rows for overlapping marks, as many per lane (at most 4) as leave at least half the
    /// height to label rows and the key.
    func fitTracks(_ marks: [TimelineEventMark], laneCount: Int, f: TimelineFrame, styles: TimelineStyles) throws
        -> (TimelineTracks, TimelineLaneHeights) {
        for cap in stride(from: 4, through: 2, by: -1) {
            let (tracks, heights) = self.tracks(marks, cap: cap, f: f, styles: styles)
            if heights.baseHeight <= f.available / 2 + 1e-9 { return (tracks, heights) }
        }
        let (tracks, heights) = self.tracks(marks, cap: 1, f: f, styles: styles)
        guard heights.baseHeight <= f.available + 1e-9 else {
            throw TimelineError.frameTooSmall("\(laneCount) lanes need \(Int(heights.baseHeight.rounded(.up))) pt, "
                + "\(Int(f.available)) pt left for them")
        }
        return (tracks, heights)
    }
}

/// What the layouts of one spec at one width and theme share whatever their height.
final class TimelineSolveMemo {
    let placements = TimelineSolver.Placements()
    var marks: ([TimelineEventMark], [String])?
    private var labelWidths: TimelineLabelWidths?

    private var labelFloors: TimelineLabelFloors?

    /// The label floors of the spec's `count` drawn marks.
    func floors(_ count: Int, styles: TimelineStyles, cache: TimelineMeasureCache) -> TimelineLabelFloors {
        if let f = labelFloors, f.count == count { return f }
        let f = TimelineLabelFloors(count: count, styles: styles, cache: cache)
        labelFloors = f
        return f
    }

    /// The label widths of the spec's `count` drawn marks.
    func widths(_ count: Int) -> TimelineLabelWidths {
        if let w = labelWidths, w.count == count { return w }
        let w = TimelineLabelWidths(count: count)
        labelWidths = w
        return w
    }
}
