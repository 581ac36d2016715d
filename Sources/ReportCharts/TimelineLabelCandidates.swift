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
        guard width <= plot.upperBound - plot.lowerBound else { return out }
        let right = x1 + gap, left = x0 - gap - width
        if right + width <= plot.upperBound { out.append(TimelineCandidate(slot: .inline, lo: right, width: width)) }
        if left >= plot.lowerBound { out.append(TimelineCandidate(slot: .inline, lo: left, width: width)) }
        // Row boxes: distinct horizontal positions that cover the leader, inside the plot.
        var starts: [Double] = []
        for raw in [anchorX - 1, anchorX + 1 - width, anchorX - width / 2] {
            let lo = min(max(raw, plot.lowerBound), plot.upperBound - width)
            guard lo <= anchorX, lo + width >= anchorX, !starts.contains(where: { abs($0 - lo) < 0.5 }) else { continue }
            starts.append(lo)
        }
        for k in 0..<rows {
            for lo in starts { out.append(TimelineCandidate(slot: .row(k), lo: lo, width: width, leaderX: anchorX)) }
        }
        return out
    }
}
