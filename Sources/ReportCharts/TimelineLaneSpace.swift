/// What is already taken in every lane: boxes in each label row, marks and inline boxes on
/// each track, and the leaders crossing them. A candidate fits when its box touches no other
/// box, mark or leader, and its leader crosses no box, mark or other leader on its way out of
/// the tracks. (The report-date line gives way to text: it is drawn with gaps behind labels.)
///
/// Row `k`: side `k % 2` (0 above the tracks, 1 below), level `k / 2` counted outwards.
struct TimelineLaneSpace {
    private var rows: [[TimelineIntervals]]
    private var rowLeaders: [[TimelinePositions]]
    private var sideLeaders: [[TimelinePositions]]
    private var tracks: [[TimelineIntervals]]
    private var trackLeaders: [[TimelinePositions]]
    let rowLimit: [Int]
    let gap: Double

    /// `trackCount` per lane; `rowLimit` rows per lane.
    init(trackCount: [Int], rowLimit: [Int], gap: Double) {
        rows = rowLimit.map { Array(repeating: TimelineIntervals(), count: $0) }
        rowLeaders = rowLimit.map { Array(repeating: TimelinePositions(), count: $0) }
        sideLeaders = rowLimit.map { _ in [TimelinePositions(), TimelinePositions()] }
        tracks = trackCount.map { Array(repeating: TimelineIntervals(), count: $0) }
        trackLeaders = trackCount.map { Array(repeating: TimelinePositions(), count: $0) }
        self.rowLimit = rowLimit; self.gap = gap
    }

    /// Records a mark on its track.
    mutating func addMark(lane: Int, track: Int, x0: Double, x1: Double) {
        tracks[lane][track].insert(x0, x1)
    }

    /// Tracks a leader from `track` passes on its way to `side`.
    private func passedTracks(lane: Int, track: Int, side: Int) -> Range<Int> {
        side == 0 ? 0..<track : (track + 1)..<tracks[lane].count
    }

    func fits(_ c: TimelineCandidate, lane: Int, track: Int) -> Bool {
        switch c.slot {
        case .inline:
            return inlineBoxFits(c, lane: lane, track: track)
        case .row(let k):
            guard k < rowLimit[lane], rowBoxFits(c, lane: lane, row: k) else { return false }
            // A group's bracket has no leader: it stands over its stretch of the lane.
            guard let x = c.leaderX else { return true }
            return leaderIsClear(x: x, lane: lane, track: track, side: k % 2, level: k / 2)
        }
    }

    /// The candidate's box beside its mark clears the track's marks and the leaders through it.
    private func inlineBoxFits(_ c: TimelineCandidate, lane: Int, track: Int) -> Bool {
        let g = gap * 0.999
        return !tracks[lane][track].intersects(c.lo - g, c.hi + g)
            && !trackLeaders[lane][track].any(in: c.lo - g / 2, c.hi + g / 2)
    }

    /// The candidate's box in row `k` clears the row's boxes and the leaders through it.
    private func rowBoxFits(_ c: TimelineCandidate, lane: Int, row k: Int) -> Bool {
        let g = gap * 0.999
        return !rows[lane][k].intersects(c.lo - g, c.hi + g) && !rowLeaders[lane][k].any(in: c.lo - g / 2, c.hi + g / 2)
    }

    /// The leader at `x` from the mark to row `level` of `side` meets no other leader, no box of
    /// the rows it crosses and no mark or inline box of the tracks it crosses.
    func leaderIsClear(x: Double, lane: Int, track: Int, side: Int, level: Int) -> Bool {
        if sideLeaders[lane][side].any(in: x - 1.5, x + 1.5) { return false }
        for j in 0..<level where rows[lane][2 * j + side].intersects(x - gap / 2, x + gap / 2) { return false }
        for t in passedTracks(lane: lane, track: track, side: side)
        where tracks[lane][t].intersects(x - 1, x + 1) { return false }
        return true
    }

    /// `leaderIsClear` at `x` for every side and level in one walk out from the tracks (each
    /// level's tests include every lower level's, so the clear levels of a side are a prefix).
    /// Holds until the next `commit`.
    func leaderReach(x: Double, lane: Int, track: Int) -> TimelineLeaderReach {
        func levels(_ side: Int) -> Int {
            let count = (rowLimit[lane] - side + 1) / 2
            guard count > 0, !sideLeaders[lane][side].any(in: x - 1.5, x + 1.5) else { return 0 }
            for t in passedTracks(lane: lane, track: track, side: side) where tracks[lane][t].intersects(x - 1, x + 1) {
                return 0
            }
            // Level L crosses rows 2j + side for j < L: the first row in the way ends the prefix.
            for j in 0..<(count - 1) where rows[lane][2 * j + side].intersects(x - gap / 2, x + gap / 2) { return j + 1 }
            return count
        }
        return TimelineLeaderReach(x: x, above: levels(0), below: levels(1))
    }

    /// `fits` for a candidate whose leader (if any) is at `leader.x`, from `leaderReach` of the
    /// same space, lane and track: the leader test is a look-up.
    func fits(_ c: TimelineCandidate, lane: Int, track: Int, leader: TimelineLeaderReach) -> Bool {
        switch c.slot {
        case .inline:
            return inlineBoxFits(c, lane: lane, track: track)
        case .row(let k):
            guard k < rowLimit[lane] else { return false }
            // The look-up first: most row candidates of a crowded lane fail on their leader.
            if c.leaderX != nil {
                assert(c.leaderX == leader.x, "leader reach of another x")
                guard leader.clear(row: k) else { return false }
            }
            return rowBoxFits(c, lane: lane, row: k)
        }
    }

    /// `hope` with the leader tests of `leaderReach(x:lane:track:)`, made only if the rows are
    /// looked at (same answer).
    func hope(lane: Int, track: Int, x0: Double, x1: Double, minWidth: Double, plot: ClosedRange<Double>,
              leader: inout TimelineLeaderReach.Lazy) -> Int? {
        let right = TimelineCandidate(slot: .inline, lo: x1 + gap, width: minWidth)
        let left = TimelineCandidate(slot: .inline, lo: x0 - gap - minWidth, width: minWidth)
        if right.hi <= plot.upperBound && fits(right, lane: lane, track: track) { return 0 }
        if left.lo >= plot.lowerBound && fits(left, lane: lane, track: track) { return 0 }
        guard rowLimit[lane] > 0 else { return nil }
        let r = leader.reach(in: self)
        for k in 0..<min(rowLimit[lane], r.rows) where r.clear(row: k) && !rows[lane][k].covers(r.x) { return k + 1 }
        return nil
    }

    /// `fits` with the leader test of `leader` (made on the first row candidate with a leader).
    func fits(_ c: TimelineCandidate, lane: Int, track: Int, leader: inout TimelineLeaderReach.Lazy) -> Bool {
        guard case .row = c.slot, c.leaderX != nil else { return fits(c, lane: lane, track: track) }
        return fits(c, lane: lane, track: track, leader: leader.reach(in: self))
    }

    /// True when no candidate of any width could take a leader at `x` into any row and no
    /// inline box of `minWidth` fits beside the mark: the caller can skip measuring the label.
    func hopeless(lane: Int, track: Int, x0: Double, x1: Double, x: Double, minWidth: Double,
                  plot: ClosedRange<Double>) -> Bool {
        hope(lane: lane, track: track, x0: x0, x1: x1, x: x, minWidth: minWidth, plot: plot) == nil
    }

    /// `hopeless` with what the answer rested on: nil when hopeless, else the rows it looked at
    /// (0 when an inline box fits, k + 1 when row k is open). With fewer rows, but no fewer than
    /// that, the answer is the same (`TimelinePlacement.reach`).
    func hope(lane: Int, track: Int, x0: Double, x1: Double, x: Double, minWidth: Double,
              plot: ClosedRange<Double>) -> Int? {
        let right = TimelineCandidate(slot: .inline, lo: x1 + gap, width: minWidth)
        let left = TimelineCandidate(slot: .inline, lo: x0 - gap - minWidth, width: minWidth)
        if right.hi <= plot.upperBound && fits(right, lane: lane, track: track) { return 0 }
        if left.lo >= plot.lowerBound && fits(left, lane: lane, track: track) { return 0 }
        for k in 0..<rowLimit[lane] {
            guard leaderIsClear(x: x, lane: lane, track: track, side: k % 2, level: k / 2) else { continue }
            if !rows[lane][k].covers(x) { return k + 1 }
        }
        return nil
    }

    mutating func commit(_ c: TimelineCandidate, lane: Int, track: Int) {
        switch c.slot {
        case .inline: tracks[lane][track].insert(c.lo, c.hi)
        case .row(let k):
            rows[lane][k].insert(c.lo, c.hi)
            guard let x = c.leaderX else { return }
            let side = k % 2
            sideLeaders[lane][side].insert(x)
            for j in 0..<(k / 2) { rowLeaders[lane][2 * j + side].insert(x) }
            for t in passedTracks(lane: lane, track: track, side: side) { trackLeaders[lane][t].insert(x) }
        }
    }
}

/// Which rows a leader at `x` can reach from its mark (`TimelineLaneSpace.leaderReach`): levels
/// `0..<above` of the rows above the tracks and `0..<below` of those below.
struct TimelineLeaderReach: Equatable {
    var x: Double
    var above: Int
    var below: Int

    /// `leaderIsClear` into row k (side `k % 2`, level `k / 2`).
    func clear(row k: Int) -> Bool { k / 2 < (k % 2 == 0 ? above : below) }

    /// Rows `0..<rows` hold every row the leader reaches: candidates in later rows never fit.
    var rows: Int { max(above > 0 ? 2 * above - 1 : 0, 2 * below) }

    /// The reach of one mark's leader, made when first asked: a mark whose box fits inline
    /// needs none. Valid while the space it is asked of does not change.
    struct Lazy {
        let x: Double, lane: Int, track: Int
        private var made: TimelineLeaderReach?
        init(x: Double, lane: Int, track: Int) { self.x = x; self.lane = lane; self.track = track }

        mutating func reach(in space: TimelineLaneSpace) -> TimelineLeaderReach {
            if let made { return made }
            let r = space.leaderReach(x: x, lane: lane, track: track)
            made = r
            return r
        }
    }
}
