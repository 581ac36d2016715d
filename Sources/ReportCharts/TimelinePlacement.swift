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
    /// The row limit it was placed with.
    var rowLimit: [Int] = []
    /// Rows of each lane any decision of the placement rested on, in every pass and round: a row
    /// taken, or a row found open by `hopeless` or a label floor. Candidates are tried inline
    /// first, then row by row, so with a lower limit no lower than this every decision is the
    /// same (`serves`).
    var reach: [Int] = []
    /// Where `clusters` come from, for `resolveByLane` to order a lane's groups among the other
    /// lanes' as one placement of every lane orders them: the first `fixedFirst.count` are the
    /// reserved groups (`fixedFirst`: each one's first member when it was grouped, before strays
    /// joined it), the next `roundClusters` the groups of the last grouping round, the rest the
    /// leftovers of the final round.
    var fixedFirst: [Int] = []
    var roundClusters = 0

    /// True when placing the same marks with row limit `limit` gives this placement: every lane's
    /// limit between `reach` and `rowLimit`, and zero where `rowLimit` is (a lane without rows
    /// takes no bracket in `resolve`).
    func serves(_ limit: [Int]) -> Bool {
        guard limit.count == rowLimit.count else { return false }
        for l in limit.indices where limit[l] < reach[l] || limit[l] > rowLimit[l] || (limit[l] == 0) != (rowLimit[l] == 0) {
            return false
        }
        return true
    }

    var labelledCount: Int { label.reduce(0) { $0 + ($1 == nil ? 0 : 1) } }

    /// Marks without a label in key order: left-edge order, a group's members together where
    /// its first member comes. Marks with nothing on the plot to point at (a group that found
    /// no room for its letter) come last: they are never key lines, only counted as left out
    /// (`pointed`), so a reader never has to search the plot for a key line.
    var keyOrder: [Int] {
        var out: [Int] = [], bare: [Int] = []
        out.reserveCapacity(label.count)
        // Groups by index, not a Set: every key search asks for this order.
        var done = [Bool](repeating: false, count: clusters.count)
        for i in label.indices where label[i] == nil {
            guard let c = clusterOf[i] else {
                if badge[i] != nil { out.append(i) } else { bare.append(i) }
                continue
            }
            if !done[c] {
                done[c] = true
                if clusters[c].box != nil { out += clusters[c].members } else { bare += clusters[c].members }
            }
        }
        return bare.isEmpty ? out : out + bare
    }

    /// True when mark i, without a label, has its badge or its group's letter on the plot.
    func pointed(_ i: Int) -> Bool {
        if let c = clusterOf[i] { return clusters[c].box != nil }
        return badge[i] != nil
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

    /// The placement naming the most marks on the plot. A first pass places labels, then
    /// badges, then brackets; the marks of groups that found no room for their letter are then
    /// grouped ahead of every label (`reserved`) and everything placed again, up to twice, so a
    /// full lane still shows a letter for each of its key lines where one fits at all.
    static func resolve(marks: [Mark], trackCount: [Int], rowLimit: [Int], gap: Double, plot: ClosedRange<Double>,
                        minLabelWidth: Double, badgeWidth: Double, letterWidth: Double? = nil,
                        labelFloor: ((Int) -> Double?)? = nil, leaderOrder: [Int]? = nil,
                        labelWidth: (Int) throws -> Double) rethrows -> TimelinePlacement {
        let order = leaderOrder ?? TimelineClusters.leaderOrder(marks)
        var best = try TimelinePlacement(marks: marks, trackCount: trackCount, rowLimit: rowLimit, gap: gap, plot: plot,
                                         minLabelWidth: minLabelWidth, badgeWidth: badgeWidth,
                                         letterWidth: letterWidth, labelFloor: labelFloor, leaderOrder: order,
                                         labelWidth: labelWidth)
        var reserved = [Bool](repeating: false, count: marks.count)
        var p = best
        var reach = best.reach
        for _ in 0..<2 {
            let bare = p.keyOrder.filter { !p.pointed($0) }
            // Only lanes with a row can take a bracket there; a lane without rows gains nothing.
            let fresh = bare.filter { !reserved[$0] && rowLimit[marks[$0].lane] > 0 }
            guard !fresh.isEmpty else { break }
            for i in fresh { reserved[i] = true }
            p = try TimelinePlacement(marks: marks, trackCount: trackCount, rowLimit: rowLimit, gap: gap, plot: plot,
                                      minLabelWidth: minLabelWidth, badgeWidth: badgeWidth, letterWidth: letterWidth,
                                      reserved: reserved, labelFloor: labelFloor, leaderOrder: order,
                                      labelWidth: labelWidth)
            for l in reach.indices { reach[l] = max(reach[l], p.reach[l]) }
            if p.score > best.score { best = p }
        }
        best.reach = reach
        return best
    }

    /// Marks named on the plot: labelled, or with their badge or letter there.
    var score: (Int, Int) {
        var pointed = 0
        for i in label.indices where label[i] == nil && self.pointed(i) { pointed += 1 }
        let labelled = labelledCount
        return (labelled + pointed, labelled)
    }

    /// `labelWidth(i)` measures mark i's label (date and text); it is called only for marks that
    /// have a chance, so a 10,000-event chart does not shape 10,000 labels. `letterWidth` is the
    /// least width of a group's bracket (its letter badge). `reserved` marks are grouped and
    /// their brackets placed before any label (see `resolve`). `labelFloor(i)`, when given and not
    /// nil, is no more than mark i's label width: a mark with no room even for that is passed
    /// over without measuring its label (`TimelineLabelCandidates.anyFits`; the same outcome).
    init(marks: [Mark], trackCount: [Int], rowLimit: [Int], gap: Double, plot: ClosedRange<Double>,
         minLabelWidth: Double, badgeWidth: Double, letterWidth: Double? = nil, reserved: [Bool]? = nil,
         labelFloor: ((Int) -> Double?)? = nil, leaderOrder: [Int]? = nil,
         labelWidth: (Int) throws -> Double) rethrows {
        var space = TimelineLaneSpace(trackCount: trackCount, rowLimit: rowLimit, gap: gap)
        for m in marks { space.addMark(lane: m.lane, track: m.track, x0: m.x0, x1: m.x1) }
        label = Array(repeating: nil, count: marks.count)
        badge = Array(repeating: nil, count: marks.count)
        clusterOf = Array(repeating: nil, count: marks.count)
        rowsUsed = Array(repeating: 0, count: rowLimit.count)
        self.rowLimit = rowLimit
        var reach = rowsUsed

        let crowded = Self.crowded(marks, trackCount: trackCount)
        /// `leader`: the reach of the mark's leader in the space as it stands (`TimelineLeaderReach`).
        func place(_ i: Int, width: Double, leader: inout TimelineLeaderReach.Lazy, in space: inout TimelineLaneSpace,
                   rowsUsed: inout [Int]) -> TimelineCandidate? {
            let m = marks[i]
            // A leader from a mark overlapped on its own track would run through the other mark.
            let rows = crowded[i] ? 0 : rowLimit[m.lane]
            let found = TimelineLabelCandidates.first(x0: m.x0, x1: m.x1, anchorX: m.anchorX, width: width, rows: rows,
                                                      gap: gap, plot: plot,
                                                      accept: { space.fits($0, lane: m.lane, track: m.track, leader: &leader) })
            guard let c = found else { return nil }
            space.commit(c, lane: m.lane, track: m.track)
            if case .row(let k) = c.slot {
                rowsUsed[m.lane] = max(rowsUsed[m.lane], k + 1)
                reach[m.lane] = max(reach[m.lane], k + 1)
            }
            return c
        }
        let bracketWidth = letterWidth ?? badgeWidth
        // Grouping walks the marks in leader order many times: sorted once (by the caller for
        // every placement of the same marks; it does not depend on the tracks).
        let order = leaderOrder ?? TimelineClusters.leaderOrder(marks)
        /// Places group k's bracket (or its inline letter, or the letter at a leader's end).
        func placeBracket(_ k: Int, in clusters: inout [TimelineCluster]) {
            let c = clusters[k]
            // Letters at a leader's end are tried member by member, each in every row: one reach
            // per member's leader (the space does not change until the bracket is committed).
            var leader: (reach: TimelineLeaderReach, track: Int)? = nil
            func accept(_ b: TimelineCandidate, _ track: Int) -> Bool {
                guard let x = b.leaderX else { return space.fits(b, lane: c.lane, track: track) }
                if leader?.reach.x != x || leader?.track != track {
                    leader = (space.leaderReach(x: x, lane: c.lane, track: track), track)
                }
                return space.fits(b, lane: c.lane, track: track, leader: leader!.reach)
            }
            guard let (b, t, from) = TimelineClusters.bracket(c, marks: marks, width: bracketWidth,
                                                              rows: rowLimit[c.lane], gap: gap, plot: plot,
                                                              canLead: { !crowded[$0] }, accept: accept)
            else { clusters[k].box = nil; clusters[k].leaderMember = nil; return }
            clusters[k].box = b; clusters[k].track = t; clusters[k].leaderMember = from
            space.commit(b, lane: c.lane, track: t)
            if case .row(let r) = b.slot {
                rowsUsed[c.lane] = max(rowsUsed[c.lane], r + 1)
                reach[c.lane] = max(reach[c.lane], r + 1)
            }
        }
        // Reserved groups first: their brackets stand before any label is placed.
        var fixed: [TimelineCluster] = []
        var member = [Bool](repeating: false, count: marks.count)
        if let reserved {
            fixed = TimelineClusters.merge(marks, member: reserved, reach: bracketWidth, order: order)
            fixedFirst = fixed.map { $0.members[0] }
            for k in fixed.indices { placeBracket(k, in: &fixed) }
            member = reserved
        }
        for (i, m) in marks.enumerated() where !member[i] {
            // Nothing is committed between here and `place`: one reach serves every test.
            var leader = TimelineLeaderReach.Lazy(x: m.anchorX, lane: m.lane, track: m.track)
            guard let open = space.hope(lane: m.lane, track: m.track, x0: m.x0, x1: m.x1, minWidth: minLabelWidth,
                                        plot: plot, leader: &leader) else { continue }
            reach[m.lane] = max(reach[m.lane], open)
            if let floor = labelFloor?(i) {
                let fit = TimelineLabelCandidates.fitReach(x0: m.x0, x1: m.x1, anchorX: m.anchorX, width: floor,
                                                           rows: crowded[i] ? 0 : rowLimit[m.lane], gap: gap, plot: plot,
                                                           accept: { space.fits($0, lane: m.lane, track: m.track,
                                                                                leader: &leader) })
                guard let fit else { continue }
                reach[m.lane] = max(reach[m.lane], fit)
            }
            label[i] = place(i, width: try labelWidth(i), leader: &leader, in: &space, rowsUsed: &rowsUsed)
        }
        let afterLabels = space, rowsAfterLabels = rowsUsed
        func badges(skip: [Bool], in space: inout TimelineLaneSpace, rowsUsed: inout [Int]) -> [TimelineCandidate?] {
            var out = [TimelineCandidate?](repeating: nil, count: marks.count)
            for (i, m) in marks.enumerated() where label[i] == nil && !skip[i] {
                var leader = TimelineLeaderReach.Lazy(x: m.anchorX, lane: m.lane, track: m.track)
                guard let open = space.hope(lane: m.lane, track: m.track, x0: m.x0, x1: m.x1, minWidth: badgeWidth,
                                            plot: plot, leader: &leader) else { continue }
                reach[m.lane] = max(reach[m.lane], open)
                out[i] = place(i, width: badgeWidth, leader: &leader, in: &space, rowsUsed: &rowsUsed)
            }
            return out
        }
        badge = badges(skip: member, in: &space, rowsUsed: &rowsUsed)
        var strays = marks.indices.filter { label[$0] == nil && badge[$0] == nil && !member[$0] }
        defer {
            self.reach = reach
            clusters = fixed + clusters
            for (k, c) in clusters.enumerated() { for i in c.members { clusterOf[i] = k; badge[i] = nil } }
        }
        guard !strays.isEmpty else { return }

        // Brackets go before badges: a group is what the badges could not name one by one.
        var absorbable = marks.indices.map { label[$0] == nil && !member[$0] }
        var free = [Bool](repeating: false, count: marks.count)
        var round = 0
        while !strays.isEmpty {
            round += 1
            // A stray under a reserved group's bracket joins it.
            strays = strays.filter { i in
                guard let k = fixed.firstIndex(where: { $0.lane == marks[i].lane && $0.box != nil
                    && $0.lo <= marks[i].anchorX && marks[i].anchorX <= $0.hi }) else { return true }
                fixed[k].members.append(i); fixed[k].members.sort(); member[i] = true; absorbable[i] = false
                return false
            }
            for i in strays { free[i] = true; member[i] = true }
            let last = round > Self.clusterRounds
            if !last {
                clusters = TimelineClusters.group(marks, member: &free, absorbable: absorbable, reach: bracketWidth,
                                                  order: order)
                for i in free.indices where free[i] { member[i] = true }
                space = afterLabels; rowsUsed = rowsAfterLabels
            } else {
                // Only the leftovers, grouped among themselves, around what is placed.
                var leftover = [Bool](repeating: false, count: marks.count)
                for i in strays { leftover[i] = true }
                roundClusters = clusters.count
                clusters += TimelineClusters.merge(marks, member: leftover, reach: bracketWidth, order: order)
            }
            if !last { roundClusters = clusters.count }
            for k in clusters.indices where last ? clusters[k].box == nil : true { placeBracket(k, in: &clusters) }
            if last { break }
            badge = badges(skip: member, in: &space, rowsUsed: &rowsUsed)
            strays = marks.indices.filter { label[$0] == nil && badge[$0] == nil && !member[$0] }
        }
    }
}
