/// Sub-rows of the marks inside each lane: marks that overlap (two spans at once, an event
/// inside a year band, two events on one day) go on separate tracks so none hides another.
/// First fit in order of left edge; a lane gets at most `maxTracks`, after which a mark goes
/// on the track that frees soonest (overlap is then unavoidable and marks are drawn translucent).
struct TimelineTracks {
    /// Track of each mark.
    let track: [Int]
    /// Tracks of each lane (at least 1).
    let count: [Int]

    /// `x0`/`x1` and `lane` per mark, in the order marks are placed (left edge ascending).
    init(x0: [Double], x1: [Double], lane: [Int], laneCount: Int, gap: Double, maxTracks: Int) {
        var ends = [[Double]](repeating: [], count: laneCount)
        var track = [Int](repeating: 0, count: x0.count)
        for i in x0.indices {
            let l = lane[i]
            if let t = ends[l].firstIndex(where: { $0 + gap <= x0[i] }) {
                track[i] = t; ends[l][t] = x1[i]
            } else if ends[l].count < max(1, maxTracks) {
                track[i] = ends[l].count; ends[l].append(x1[i])
            } else {
                let t = ends[l].indices.min { ends[l][$0] < ends[l][$1] }!
                track[i] = t; ends[l][t] = max(ends[l][t], x1[i])
            }
        }
        self.track = track
        count = ends.map { max(1, $0.count) }
    }
}
