/// Collision resolution: every mark, in order of left edge, takes the first candidate that fits
/// (see `TimelineLabelCandidates`, `TimelineLaneSpace`) for its full label; the marks left over
/// then try a number badge the same way. Marks that get neither are grouped
/// (`TimelineClusters`): each group gets a lettered bracket in a label row, ahead of the
/// badges, and the badges are placed again around the brackets.
struct TimelinePlacement {
    /// Label box of each mark, nil when it goes to the key.
    var label: [TimelineCandidate?]
    /// Number badge of each mark without a label, when one fits.
    var badge: [TimelineCandidate?]
    /// Groups of marks named by a bracket instead of a label or badge.
    var clusters: [TimelineCluster] = []
    /// Group of each mark, if any.
    var clusterOf: [Int?]
    /// Rows each lane used (highest row index + 1).
    var rowsUsed: [Int]

    var labelledCount: Int { label.reduce(0) { $0 + ($1 == nil ? 0 : 1) } }

    /// Marks without a label in key order: left-edge order, a group's members together where
    /// its first member comes.
    var keyOrder: [Int] {
        var out: [Int] = [], done = Set<Int>()
        for i in label.indices where label[i] == nil {
            guard let c = clusterOf[i] else { out.append(i); continue }
            if done.insert(c).inserted { out += clusters[c].members }
        }
        return out
    }

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

    /// Rounds of grouping and re-placing badges; marks still left after them get a group that
    /// is placed without moving the badges again.
    static let clusterRounds = 4

    /// `labelWidth(i)` measures mark i's label (date and text); it is called only for marks that
    /// have a chance, so a 10,000-event chart does not shape 10,000 labels. `letterWidth` is the
    /// least width of a group's bracket (its letter badge).
    init(marks: [Mark], trackCount: [Int], rowLimit: [Int], gap: Double, plot: ClosedRange<Double>,
         minLabelWidth: Double, badgeWidth: Double, letterWidth: Double? = nil,
         labelWidth: (Int) throws -> Double) rethrows {
        var space = TimelineLaneSpace(trackCount: trackCount, rowLimit: rowLimit, gap: gap)
        for m in marks { space.addMark(lane: m.lane, track: m.track, x0: m.x0, x1: m.x1) }
        label = Array(repeating: nil, count: marks.count)
        badge = Array(repeating: nil, count: marks.count)
        clusterOf = Array(repeating: nil, count: marks.count)
        rowsUsed = Array(repeating: 0, count: rowLimit.count)

        let crowded = Self.crowded(marks, trackCount: trackCount)
        func place(_ i: Int, width: Double, in space: inout TimelineLaneSpace, rowsUsed: inout [Int])
            -> TimelineCandidate? {
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
            label[i] = place(i, width: try labelWidth(i), in: &space, rowsUsed: &rowsUsed)
        }
        let afterLabels = space, rowsAfterLabels = rowsUsed
        func badges(skip: [Bool], in space: inout TimelineLaneSpace, rowsUsed: inout [Int]) -> [TimelineCandidate?] {
            var out = [TimelineCandidate?](repeating: nil, count: marks.count)
            for (i, m) in marks.enumerated() where label[i] == nil && !skip[i] {
                if space.hopeless(lane: m.lane, track: m.track, x0: m.x0, x1: m.x1, x: m.anchorX,
                                  minWidth: badgeWidth, plot: plot) { continue }
                out[i] = place(i, width: badgeWidth, in: &space, rowsUsed: &rowsUsed)
            }
            return out
        }
        var member = [Bool](repeating: false, count: marks.count)
        badge = badges(skip: member, in: &space, rowsUsed: &rowsUsed)
        var strays = marks.indices.filter { label[$0] == nil && badge[$0] == nil }
        guard !strays.isEmpty else { return }

        // Brackets go before badges: a group is what the badges could not name one by one.
        let bracketWidth = letterWidth ?? badgeWidth
        let absorbable = label.map { $0 == nil }
        var round = 0
        while !strays.isEmpty {
            round += 1
            for i in strays { member[i] = true }
            let last = round > Self.clusterRounds
            if !last {
                clusters = TimelineClusters.group(marks, member: &member, absorbable: absorbable, reach: bracketWidth)
                space = afterLabels; rowsUsed = rowsAfterLabels
            } else {
                // Only the leftovers, grouped among themselves, around what is placed.
                var leftover = [Bool](repeating: false, count: marks.count)
                for i in strays { leftover[i] = true }
                clusters += TimelineClusters.merge(marks, member: leftover, reach: bracketWidth)
            }
            for k in clusters.indices where last ? clusters[k].box == nil : true {
                let c = clusters[k]
                guard let (b, t, from) = TimelineClusters.bracket(c, marks: marks, width: bracketWidth,
                                                                  rows: rowLimit[c.lane], gap: gap, plot: plot,
                                                                  canLead: { !crowded[$0] }, accept: { space.fits($0, lane: c.lane, track: $1) })
                else { clusters[k].box = nil; clusters[k].leaderMember = nil; continue }
                clusters[k].box = b; clusters[k].track = t; clusters[k].leaderMember = from
                space.commit(b, lane: c.lane, track: t)
                if case .row(let r) = b.slot { rowsUsed[c.lane] = max(rowsUsed[c.lane], r + 1) }
            }
            if last { break }
            badge = badges(skip: member, in: &space, rowsUsed: &rowsUsed)
            strays = marks.indices.filter { label[$0] == nil && badge[$0] == nil && !member[$0] }
        }
        for (k, c) in clusters.enumerated() { for i in c.members { clusterOf[i] = k; badge[i] = nil } }
    }
}
