import Testing
import TestSupport
@testable import ReportCharts

/// `TimelinePlacement.resolveByLane` (lane by lane, lanes kept between calls) against
/// `resolve` (every lane at once): the same labels, badges, groups in the same order, rows and
/// reach, for random lanes of dense, overlapping and clustered marks, and again when the kept
/// lanes serve other row limits and other tracks of one lane.
@Suite struct TimelineLanePlacementTests {
    struct Problem {
        var marks: [TimelinePlacement.Mark]
        var trackCount: [Int]
        var widths: [Double]
    }

    static func problem(_ rng: inout SplitMix) -> Problem {
        let lanes = 1 + rng.int(5)
        let trackCount = (0..<lanes).map { _ in 1 + rng.int(3) }
        let n = 3 + rng.int(150)
        // Bursts of marks within a few points (clusters), spans, and scattered dots.
        var x0s: [Double] = []
        var x = 0.0
        for _ in 0..<n {
            x += rng.int(4) == 0 ? Double(rng.int(40)) : Double(rng.int(30)) / 10
            x0s.append(min(x, 590))
        }
        var marks: [TimelinePlacement.Mark] = []
        for x0 in x0s.sorted() {
            let lane = rng.int(lanes)
            let span = rng.int(5) == 0 ? Double(5 + rng.int(120)) : 2
            let x1 = min(600, x0 + span)
            let anchor = span > 2 ? x0 : x0 + 1
            marks.append(.init(lane: lane, track: rng.int(trackCount[lane]), x0: x0, x1: x1, anchorX: anchor))
        }
        return Problem(marks: marks, trackCount: trackCount, widths: marks.map { _ in Double(10 + rng.int(190)) })
    }

    static func expectSame(_ a: TimelinePlacement, _ b: TimelinePlacement, _ note: String) {
        #expect(a.label == b.label, "labels: \(note)")
        #expect(a.badge == b.badge, "badges: \(note)")
        #expect(a.clusters == b.clusters, "groups: \(note)")
        #expect(a.clusterOf == b.clusterOf, "group of each mark: \(note)")
        #expect(a.rowsUsed == b.rowsUsed, "rows used: \(note)")
        #expect(a.rowLimit == b.rowLimit, "row limit: \(note)")
        #expect(a.reach == b.reach, "reach: \(note)")
    }

    @Test func laneByLaneIsTheWholePlacement() throws {
        var rng = SplitMix(seed: 2026)
        var withGroups = 0
        for t in 0..<1000 {
            var pr = Self.problem(&rng)
            let memo = TimelinePlacement.LaneMemo()
            let badge = Double(8 + rng.int(20)), letter = Double(10 + rng.int(20))
            func run(_ limit: [Int], _ p: Problem) throws {
                let widths = p.widths
                let whole = TimelinePlacement.resolve(marks: p.marks, trackCount: p.trackCount, rowLimit: limit, gap: 2,
                                                      plot: 0...600, minLabelWidth: 12, badgeWidth: badge,
                                                      letterWidth: letter, labelWidth: { widths[$0] })
                let lanes = try TimelinePlacement.resolveByLane(marks: p.marks, trackCount: p.trackCount, rowLimit: limit,
                                                                gap: 2, plot: 0...600, minLabelWidth: 12,
                                                                badgeWidth: badge, letterWidth: letter, labelFloor: nil,
                                                                memo: memo, labelWidth: { widths[$0] })
                if !whole.clusters.isEmpty { withGroups += 1 }
                Self.expectSame(lanes, whole, "case \(t), limits \(limit)")
            }
            let limits = pr.trackCount.map { _ in rng.int(5) }
            try run(limits, pr)
            // Other limits, some served by the kept lanes (no lower than their reach).
            try run(limits.map { $0 + rng.int(3) }, pr)
            try run(limits.map { max(0, $0 - rng.int(2)) }, pr)
            // One lane on other tracks: the other lanes are kept.
            let lane = rng.int(pr.trackCount.count)
            for i in pr.marks.indices where pr.marks[i].lane == lane { pr.marks[i].track = rng.int(pr.trackCount[lane]) }
            try run(limits, pr)
        }
        // The cases reach groups (reserved ones included), not only labels and badges.
        #expect(withGroups > 700)
    }
}
