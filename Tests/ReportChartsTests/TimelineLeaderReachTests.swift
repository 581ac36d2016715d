import Testing
import TestSupport
@testable import ReportCharts

/// `TimelineLaneSpace.leaderReach` (the leader tests of one x done once, as a prefix of levels
/// per side) against `leaderIsClear` asked level by level, and the placement's fast paths built
/// on it (`fits(_:lane:track:leader:)`, made lazily or not, `hope(…leader:)`, candidates cut to
/// `leader.rows`)
/// against the plain `fits` and `hope`, over random lanes filled by random commits.
@Suite struct TimelineLeaderReachTests {
    /// A lane space with marks, inline boxes, row boxes, brackets and leaders committed at random.
    static func space(_ rng: inout SplitMix) -> (TimelineLaneSpace, tracks: Int, rows: Int) {
        let tracks = 1 + rng.int(4), rows = rng.int(13)
        var s = TimelineLaneSpace(trackCount: [tracks], rowLimit: [rows], gap: Double(1 + rng.int(4)))
        for _ in 0..<rng.int(30) {
            let x0 = Double(rng.int(600))
            s.addMark(lane: 0, track: rng.int(tracks), x0: x0, x1: x0 + Double(rng.int(4) == 0 ? rng.int(80) : 2))
        }
        for _ in 0..<rng.int(40) {
            let lo = Double(rng.int(600)), width = Double(5 + rng.int(60)), track = rng.int(tracks)
            let c: TimelineCandidate
            switch rng.int(3) {
            case 0: c = TimelineCandidate(slot: .inline, lo: lo, width: width)
            case 1 where rows > 0: c = TimelineCandidate(slot: .row(rng.int(rows)), lo: lo, width: width)  // a bracket
            default:
                guard rows > 0 else { continue }
                c = TimelineCandidate(slot: .row(rng.int(rows)), lo: lo, width: width, leaderX: lo + Double(rng.int(Int(width))))
            }
            // Mostly what the placement would commit (candidates that fit), sometimes anything.
            if rng.int(4) == 0 || s.fits(c, lane: 0, track: track) { s.commit(c, lane: 0, track: track) }
        }
        return (s, tracks, rows)
    }

    @Test func reachIsLeaderIsClearAtEveryLevel() {
        var rng = SplitMix(seed: 1212)
        var blocked = 0, open = 0
        for _ in 0..<3000 {
            let (s, tracks, rows) = Self.space(&rng)
            for _ in 0..<10 {
                let x = Double(rng.int(6000)) / 10, track = rng.int(tracks)
                let r = s.leaderReach(x: x, lane: 0, track: track)
                #expect(r.x == x)
                for k in 0..<rows {
                    let clear = s.leaderIsClear(x: x, lane: 0, track: track, side: k % 2, level: k / 2)
                    #expect(r.clear(row: k) == clear, "row \(k) of \(rows) at \(x), track \(track)")
                    if clear { open += 1 } else { blocked += 1 }
                    // Every row the leader reaches lies below `rows`.
                    if clear { #expect(k < r.rows) }
                }
            }
        }
        #expect(blocked > 10_000 && open > 10_000)
    }

    @Test func fastFitsHopeAndFirstEqualThePlainOnes() {
        var rng = SplitMix(seed: 4242)
        var inRow = 0, none = 0
        for _ in 0..<3000 {
            let (s, tracks, rows) = Self.space(&rng)
            for _ in 0..<10 {
                let x0 = Double(rng.int(600)), x1 = x0 + Double(rng.int(5) == 0 ? rng.int(60) : 2)
                let anchor = x1 - x0 > 2 ? x0 : x0 + 1, track = rng.int(tracks)
                let width = Double(4 + rng.int(120)), plot = 0.0...600.0
                let r = s.leaderReach(x: anchor, lane: 0, track: track)
                var lazy = TimelineLeaderReach.Lazy(x: anchor, lane: 0, track: track)
                #expect(s.hope(lane: 0, track: track, x0: x0, x1: x1, minWidth: width, plot: plot, leader: &lazy)
                        == s.hope(lane: 0, track: track, x0: x0, x1: x1, x: anchor, minWidth: width, plot: plot))
                #expect(lazy.reach(in: s) == r)
                let plain = TimelineLabelCandidates.first(x0: x0, x1: x1, anchorX: anchor, width: width, rows: rows, gap: s.gap,
                                                          plot: plot, accept: { s.fits($0, lane: 0, track: track) })
                let fast = TimelineLabelCandidates.first(x0: x0, x1: x1, anchorX: anchor, width: width, rows: min(rows, r.rows),
                                                         gap: s.gap, plot: plot,
                                                         accept: { s.fits($0, lane: 0, track: track, leader: r) })
                #expect(fast == plain)
                var later = TimelineLeaderReach.Lazy(x: anchor, lane: 0, track: track)
                #expect(TimelineLabelCandidates.first(x0: x0, x1: x1, anchorX: anchor, width: width, rows: rows, gap: s.gap,
                                                      plot: plot, accept: { s.fits($0, lane: 0, track: track, leader: &later) })
                        == plain)
                let plainReach = TimelineLabelCandidates.fitReach(x0: x0, x1: x1, anchorX: anchor, width: width, rows: rows,
                                                                  gap: s.gap, plot: plot,
                                                                  accept: { s.fits($0, lane: 0, track: track) })
                let fastReach = TimelineLabelCandidates.fitReach(x0: x0, x1: x1, anchorX: anchor, width: width,
                                                                 rows: min(rows, r.rows), gap: s.gap, plot: plot,
                                                                 accept: { s.fits($0, lane: 0, track: track, leader: r) })
                #expect(fastReach == plainReach)
                // Every candidate, one by one (brackets without a leader too).
                for c in TimelineLabelCandidates.make(x0: x0, x1: x1, anchorX: anchor, width: width, rows: rows + 1,
                                                      gap: s.gap, plot: plot) {
                    #expect(s.fits(c, lane: 0, track: track, leader: r) == s.fits(c, lane: 0, track: track))
                    var bracket = c
                    bracket.leaderX = nil
                    #expect(s.fits(bracket, lane: 0, track: track, leader: r) == s.fits(bracket, lane: 0, track: track))
                }
                if case .row = plain?.slot { inRow += 1 } else if plain == nil { none += 1 }
            }
        }
        // Both outcomes the cut rows could change are common: a row box at a leader's end, and none.
        #expect(inRow > 2000 && none > 2000, "in a row \(inRow), none \(none)")
    }
}
