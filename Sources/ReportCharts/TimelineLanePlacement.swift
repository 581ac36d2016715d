/// `TimelinePlacement.resolve` made lane by lane, each lane's passes kept for the other track
/// counts and rows of the layout: the track counts a layout compares often leave most lanes
/// the same tracks, and every key height asks for the same lanes again with other rows.
///
/// It gives `resolve`'s placement: nothing in a pass crosses lanes (label rows, tracks, leaders,
/// groups and badges are all a lane's own), so each lane's pass is the pass of its marks alone,
/// and a lane whose marks leave nothing new to reserve repeats its last pass while others go on.
/// Only the choice of the pass is shared: the one naming the most marks over all lanes (its
/// score is the lanes' sum; the first on a tie), as `resolve` chooses.
extension TimelinePlacement {
    /// The passes of each lane placed so far, by what they depend on.
    final class LaneMemo {
        struct Key: Hashable {
            var lane: Int
            var tracks: [Int]
            var trackCount: Int
            var badgeWidth: Double
        }
        struct Entry {
            /// The lane's row limit it was placed with, and the rows its decisions rested on:
            /// any limit between them places the same (`serves`).
            var rowLimit: Int
            var reach: Int
            /// `resolve`'s passes of the lane alone (lane 0 of one lane).
            var passes: [TimelinePlacement]
        }
        var entries: [Key: [Entry]] = [:]

        /// A copy to go on with on another thread (this one is not thread-safe).
        func copy() -> LaneMemo {
            let c = LaneMemo()
            c.entries = entries
            return c
        }

        func serving(_ key: Key, limit: Int) -> Entry? {
            entries[key]?.first { limit >= $0.reach && limit <= $0.rowLimit && (limit == 0) == ($0.rowLimit == 0) }
        }
    }

    static func resolveByLane(marks: [Mark], trackCount: [Int], rowLimit: [Int], gap: Double, plot: ClosedRange<Double>,
                              minLabelWidth: Double, badgeWidth: Double, letterWidth: Double?,
                              labelFloor: ((Int) -> Double?)?, leaderOrder: [Int]? = nil, memo: LaneMemo,
                              labelWidth: (Int) throws -> Double) throws -> TimelinePlacement {
        let laneCount = rowLimit.count
        var members = [[Int]](repeating: [], count: laneCount)
        var sub = [Int](repeating: 0, count: marks.count)
        for (i, m) in marks.enumerated() { sub[i] = members[m.lane].count; members[m.lane].append(i) }
        // Each lane's leader order is its stretch of the layout's (lanes first, then leaders).
        let order = leaderOrder ?? TimelineClusters.leaderOrder(marks)
        var orderStart = [Int](repeating: 0, count: laneCount + 1)
        for l in 0..<laneCount { orderStart[l + 1] = orderStart[l] + members[l].count }
        var lanes: [LaneMemo.Entry] = []
        lanes.reserveCapacity(laneCount)
        for l in 0..<laneCount {
            let idx = members[l]
            let key = LaneMemo.Key(lane: l, tracks: idx.map { marks[$0].track }, trackCount: trackCount[l],
                                   badgeWidth: badgeWidth)
            if let e = memo.serving(key, limit: rowLimit[l]) { lanes.append(e); continue }
            let laneOrder = order[orderStart[l]..<orderStart[l + 1]].map { sub[$0] }
            let e = try lanePasses(marks: idx.map { var m = marks[$0]; m.lane = 0; return m }, order: laneOrder,
                                   trackCount: trackCount[l],
                                   rowLimit: rowLimit[l], gap: gap, plot: plot, minLabelWidth: minLabelWidth,
                                   badgeWidth: badgeWidth, letterWidth: letterWidth,
                                   labelFloor: labelFloor.map { f in { f(idx[$0]) } }, labelWidth: { try labelWidth(idx[$0]) })
            memo.entries[key, default: []].append(e)
            lanes.append(e)
        }
        // `resolve`'s choice: the first pass whose summed score beats every earlier one.
        let passCount = lanes.reduce(1) { max($0, $1.passes.count) }
        func score(_ k: Int) -> (Int, Int) {
            lanes.reduce((0, 0)) { s, e in
                let p = e.passes[min(k, e.passes.count - 1)].score
                return (s.0 + p.0, s.1 + p.1)
            }
        }
        var chosen = 0, best = score(0)
        for k in 1..<max(1, passCount) {
            let s = score(k)
            if s > best { best = s; chosen = k }
        }
        return assemble(lanes.map { $0.passes[min(chosen, $0.passes.count - 1)] }, reach: lanes.map(\.reach),
                        members: members, count: marks.count, rowLimit: rowLimit)
    }

    /// `resolve`'s passes of one lane's marks (as lane 0), and the rows they rested on.
    private static func lanePasses(marks: [Mark], order: [Int], trackCount: Int, rowLimit: Int, gap: Double, plot: ClosedRange<Double>,
                                   minLabelWidth: Double, badgeWidth: Double, letterWidth: Double?,
                                   labelFloor: ((Int) -> Double?)?, labelWidth: (Int) throws -> Double) throws
        -> LaneMemo.Entry {
        func pass(_ reserved: [Bool]?) throws -> TimelinePlacement {
            try TimelinePlacement(marks: marks, trackCount: [trackCount], rowLimit: [rowLimit], gap: gap, plot: plot,
                                  minLabelWidth: minLabelWidth, badgeWidth: badgeWidth, letterWidth: letterWidth,
                                  reserved: reserved, labelFloor: labelFloor, leaderOrder: order, labelWidth: labelWidth)
        }
        var passes = [try pass(nil)]
        var reach = passes[0].reach[0]
        var reserved = [Bool](repeating: false, count: marks.count)
        for _ in 0..<2 {
            let p = passes[passes.count - 1]
            let fresh = p.keyOrder.filter { !p.pointed($0) && !reserved[$0] && rowLimit > 0 }
            guard !fresh.isEmpty else { break }
            for i in fresh { reserved[i] = true }
            let q = try pass(reserved)
            reach = max(reach, q.reach[0])
            passes.append(q)
        }
        return LaneMemo.Entry(rowLimit: rowLimit, reach: reach, passes: passes)
    }

    /// One placement of every lane from each lane's pass (`members[l]`: lane l's marks in order),
    /// groups ordered as `init` orders them: reserved groups by their first member when grouped,
    /// then the last round's groups, then the leftovers, each by first member.
    private static func assemble(_ passes: [TimelinePlacement], reach: [Int], members: [[Int]], count: Int,
                                 rowLimit: [Int]) -> TimelinePlacement {
        var out = TimelinePlacement(count: count, lanes: rowLimit.count)
        out.rowLimit = rowLimit
        var fixed: [(Int, TimelineCluster)] = [], rounds: [(Int, TimelineCluster)] = [], left: [(Int, TimelineCluster)] = []
        for (l, p) in passes.enumerated() {
            let idx = members[l]
            for (k, i) in idx.enumerated() { out.label[i] = p.label[k]; out.badge[i] = p.badge[k] }
            out.rowsUsed[l] = p.rowsUsed[0]
            out.reach[l] = reach[l]
            for (k, c) in p.clusters.enumerated() {
                var g = c
                g.lane = l
                g.members = c.members.map { idx[$0] }
                g.leaderMember = c.leaderMember.map { idx[$0] }
                if k < p.fixedFirst.count { fixed.append((idx[p.fixedFirst[k]], g)) }
                else if k < p.fixedFirst.count + p.roundClusters { rounds.append((g.members[0], g)) }
                else { left.append((g.members[0], g)) }
            }
        }
        fixed.sort { $0.0 < $1.0 }; rounds.sort { $0.0 < $1.0 }; left.sort { $0.0 < $1.0 }
        out.fixedFirst = fixed.map(\.0)
        out.roundClusters = rounds.count
        out.clusters = fixed.map(\.1) + rounds.map(\.1) + left.map(\.1)
        for (k, c) in out.clusters.enumerated() { for i in c.members { out.clusterOf[i] = k } }
        return out
    }

    /// Nothing placed yet.
    private init(count: Int, lanes: Int) {
        label = Array(repeating: nil, count: count)
        badge = Array(repeating: nil, count: count)
        clusterOf = Array(repeating: nil, count: count)
        rowsUsed = Array(repeating: 0, count: lanes)
        reach = rowsUsed
    }
}
