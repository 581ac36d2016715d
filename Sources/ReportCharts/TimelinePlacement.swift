/// Collision resolution: every mark, in order of left edge, takes the first candidate that fits
/// (see `TimelineLabelCandidates`, `TimelineLaneSpace`) for its full label; the marks left over
/// then try a number badge the same way. What gets neither is listed in the key only.
struct TimelinePlacement {
    /// Label box of each mark, nil when it goes to the key.
    var label: [TimelineCandidate?]
    /// Number badge of each mark without a label, when one fits.
    var badge: [TimelineCandidate?]
    /// Rows each lane used (highest row index + 1).
    var rowsUsed: [Int]

    var labelledCount: Int { label.reduce(0) { $0 + ($1 == nil ? 0 : 1) } }

    struct Mark {
        var lane: Int
        var track: Int
        var x0: Double
        var x1: Double
        var anchorX: Double
    }

    /// Marks whose leader position lies inside another mark of the same track (tracks overlap
    /// only when a lane has more overlapping marks than tracks). `marks` are in left-edge order.
    static func crowded(_ marks: [Mark], trackCount: [Int]) -> [Bool] {
        var out = [Bool](repeating: false, count: marks.count)
        var lastOnTrack = trackCount.map { [Int?](repeating: nil, count: $0) }
        var reach = trackCount.map { [Double](repeating: -.infinity, count: $0) }
        for (i, m) in marks.enumerated() {
            if reach[m.lane][m.track] > m.anchorX - 1 { out[i] = true }
            // The previous mark is crowded too when this one starts before its leader.
            if let p = lastOnTrack[m.lane][m.track], m.x0 < marks[p].anchorX + 1 { out[p] = true }
            reach[m.lane][m.track] = max(reach[m.lane][m.track], m.x1)
            lastOnTrack[m.lane][m.track] = i
        }
        return out
    }

    /// `labelWidth(i)` measures mark i's label (date and text); it is called only for marks that
    /// have a chance, so a 10,000-event chart does not shape 10,000 labels.
    init(marks: [Mark], trackCount: [Int], rowLimit: [Int], gap: Double, plot: ClosedRange<Double>,
         minLabelWidth: Double, badgeWidth: Double,
         labelWidth: (Int) throws -> Double) rethrows {
        var space = TimelineLaneSpace(trackCount: trackCount, rowLimit: rowLimit, gap: gap)
        for m in marks { space.addMark(lane: m.lane, track: m.track, x0: m.x0, x1: m.x1) }
        label = Array(repeating: nil, count: marks.count)
        badge = Array(repeating: nil, count: marks.count)
        rowsUsed = Array(repeating: 0, count: rowLimit.count)

        let crowded = Self.crowded(marks, trackCount: trackCount)
        func place(_ i: Int, width: Double) -> TimelineCandidate? {
            let m = marks[i]
            // A leader from a mark overlapped on its own track would run through the other mark.
            let rows = crowded[i] ? 0 : rowLimit[m.lane]
            guard let c = TimelineLabelCandidates.first(x0: m.x0, x1: m.x1, anchorX: m.anchorX, width: width, rows: rows,
                                                        gap: gap, plot: plot,
                                                        accept: { space.fits($0, lane: m.lane, track: m.track) })
            else { return nil }
            space.commit(c, lane: m.lane, track: m.track)
            if case .row(let k) = c.slot { rowsUsed[m.lane] = max(rowsUsed[m.lane], k + 1) }
            return c
        }
        for (i, m) in marks.enumerated() {
            if space.hopeless(lane: m.lane, track: m.track, x0: m.x0, x1: m.x1, x: m.anchorX,
                              minWidth: minLabelWidth, plot: plot) { continue }
            label[i] = place(i, width: try labelWidth(i))
        }
        for (i, m) in marks.enumerated() where label[i] == nil {
            if space.hopeless(lane: m.lane, track: m.track, x0: m.x0, x1: m.x1, x: m.anchorX,
                              minWidth: badgeWidth, plot: plot) { continue }
            badge[i] = place(i, width: badgeWidth)
        }
    }
}
