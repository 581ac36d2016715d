/// Where a label (or number badge) of one mark may go, in order of preference.
///
/// Inline: on the mark's own track, just right of the mark, else just left of it; no leader.
/// Row `k` of the lane (even k above the tracks, odd below, further out as k grows): the box
/// always covers the leader's x, so every leader is vertical and leaders never cross; it is
/// tried starting at the mark, ending at it, then centred on it, each pushed inside the plot.
struct TimelineCandidate: Hashable {
    enum Slot: Hashable {
        case inline
        case row(Int)
    }
    var slot: Slot
    var lo: Double
    var width: Double
    var hi: Double { lo + width }
    /// x of the vertical leader from the mark to a row box; nil inline.
    var leaderX: Double?
}

enum TimelineLabelCandidates {
    /// Candidates for a box of `width` next to a mark spanning `x0...x1` with its leader at
    /// `anchorX`, inside `plot`; rows 0..<`rows`.
    static func make(x0: Double, x1: Double, anchorX: Double, width: Double, rows: Int, gap: Double,
                     plot: ClosedRange<Double>) -> [TimelineCandidate] {
        var out: [TimelineCandidate] = []
        _ = first(x0: x0, x1: x1, anchorX: anchorX, width: width, rows: rows, gap: gap, plot: plot) {
            out.append($0); return false
        }
        return out
    }

    /// The first candidate, in the order of `make`, that `accept` takes; nil when none. Built one
    /// at a time: a mark with 40 free rows has over a hundred, and most marks take an early one.
    static func first(x0: Double, x1: Double, anchorX: Double, width: Double, rows: Int, gap: Double,
                      plot: ClosedRange<Double>, accept: (TimelineCandidate) -> Bool) -> TimelineCandidate? {
        guard width <= plot.upperBound - plot.lowerBound else { return nil }
        let right = x1 + gap, left = x0 - gap - width
        if right + width <= plot.upperBound {
            let c = TimelineCandidate(slot: .inline, lo: right, width: width)
            if accept(c) { return c }
        }
        if left >= plot.lowerBound {
            let c = TimelineCandidate(slot: .inline, lo: left, width: width)
            if accept(c) { return c }
        }
        guard rows > 0 else { return nil }
        // Row boxes: distinct horizontal positions that cover the leader, inside the plot.
        var starts: (Double, Double, Double) = (0, 0, 0)
        var n = 0
        for j in 0..<3 {
            let raw = j == 0 ? anchorX - 1 : j == 1 ? anchorX + 1 - width : anchorX - width / 2
            let lo = min(max(raw, plot.lowerBound), plot.upperBound - width)
            guard lo <= anchorX, lo + width >= anchorX else { continue }
            if n > 0 && abs(starts.0 - lo) < 0.5 || n > 1 && abs(starts.1 - lo) < 0.5 { continue }
            switch n { case 0: starts.0 = lo; case 1: starts.1 = lo; default: starts.2 = lo }
            n += 1
        }
        for k in 0..<rows {
            for j in 0..<n {
                let lo = j == 0 ? starts.0 : j == 1 ? starts.1 : starts.2
                let c = TimelineCandidate(slot: .row(k), lo: lo, width: width, leaderX: anchorX)
                if accept(c) { return c }
            }
        }
        return nil
    }

    /// Whether some box of `width` among the candidates of `first` (each kind of row box tried,
    /// near duplicates too) is accepted. Every candidate of a wider box contains the same kind of
    /// candidate of a narrower one (same slot, clamped into the plot alike), so when no box of a
    /// width no wider than the label is accepted, `first` finds none for the label either: the
    /// label need not be measured.
    static func anyFits(x0: Double, x1: Double, anchorX: Double, width: Double, rows: Int, gap: Double,
                        plot: ClosedRange<Double>, accept: (TimelineCandidate) -> Bool) -> Bool {
        fitReach(x0: x0, x1: x1, anchorX: anchorX, width: width, rows: rows, gap: gap, plot: plot, accept: accept) != nil
    }

    /// `anyFits` with what the answer rested on: nil when no box fits, else the rows looked at
    /// (0 when an inline box fits, k + 1 when one in row k does; see `TimelinePlacement.reach`).
    static func fitReach(x0: Double, x1: Double, anchorX: Double, width: Double, rows: Int, gap: Double,
                         plot: ClosedRange<Double>, accept: (TimelineCandidate) -> Bool) -> Int? {
        guard width <= plot.upperBound - plot.lowerBound else { return nil }
        let right = x1 + gap, left = x0 - gap - width
        if right + width <= plot.upperBound && accept(TimelineCandidate(slot: .inline, lo: right, width: width)) { return 0 }
        if left >= plot.lowerBound && accept(TimelineCandidate(slot: .inline, lo: left, width: width)) { return 0 }
        guard rows > 0 else { return nil }
        // The three row boxes of `first`, near duplicates too (no array: this runs per mark and pass).
        func start(_ raw: Double) -> Double { min(max(raw, plot.lowerBound), plot.upperBound - width) }
        let (a, b, c) = (start(anchorX - 1), start(anchorX + 1 - width), start(anchorX - width / 2))
        func box(_ k: Int, _ lo: Double) -> TimelineCandidate {
            TimelineCandidate(slot: .row(k), lo: lo, width: width, leaderX: anchorX)
        }
        for k in 0..<rows where accept(box(k, a)) || accept(box(k, b)) || accept(box(k, c)) { return k + 1 }
        return nil
    }
}
