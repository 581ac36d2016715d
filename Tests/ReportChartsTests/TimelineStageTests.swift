import Testing
import ReportScene
@testable import ReportCharts

/// The layout's stages one by one: intervals, tracks, candidates, lane space, placement, marks.
@Suite struct TimelineStageTests {
    @Test func intervalsMergeAndAnswerOverlapQueries() {
        var s = TimelineIntervals()
        s.insert(10, 20); s.insert(30, 40); s.insert(18, 32)
        #expect(s.lo == [10] && s.hi == [40])
        s.insert(50, 60)
        #expect(s.intersects(39, 45) && !s.intersects(40, 50) && s.intersects(59, 70) && !s.intersects(60, 70))
        #expect(s.covers(55) && !s.covers(45))
        var p = TimelinePositions()
        for x in [5.0, 1, 3] { p.insert(x) }
        #expect(p.xs == [1, 3, 5] && p.any(in: 2, 4) && !p.any(in: 3, 5))
    }

    @Test func overlappingSpansGetTracksOfTheirOwn() {
        // Two spans at once and a dot inside the first: three tracks; a later span reuses track 0.
        let t = TimelineTracks(x0: [0, 10, 20, 200], x1: [100, 150, 24, 300], lane: [0, 0, 0, 0], laneCount: 2,
                               gap: 0, maxTracks: 4)
        #expect(t.track == [0, 1, 2, 0])
        #expect(t.count == [3, 1])
        // Past the cap, marks share the track that frees soonest.
        let capped = TimelineTracks(x0: [0, 10, 20], x1: [100, 150, 24], lane: [0, 0, 0], laneCount: 1, gap: 0, maxTracks: 2)
        #expect(capped.track == [0, 1, 0] && capped.count == [2])
    }

    @Test func candidatesCoverTheLeaderAndStayInThePlot() {
        let c = TimelineLabelCandidates.make(x0: 95, x1: 105, anchorX: 100, width: 50, rows: 2, gap: 4, plot: 0...200)
        #expect(c.first == TimelineCandidate(slot: .inline, lo: 109, width: 50))
        #expect(c[1] == TimelineCandidate(slot: .inline, lo: 41, width: 50))
        let rows = c.filter { if case .row = $0.slot { true } else { false } }
        #expect(rows.count == 6)  // start-, end-aligned and centred in each of two rows
        for r in rows { #expect(r.lo <= 100 && r.hi >= 100 && r.lo >= 0 && r.hi <= 200 && r.leaderX == 100) }
        // Near the right edge a row box is pushed left, still over its leader; wider than the plot: none.
        let edge = TimelineLabelCandidates.make(x0: 195, x1: 199, anchorX: 197, width: 80, rows: 1, gap: 4, plot: 0...200)
        #expect(edge.allSatisfy { $0.hi <= 200 } && edge.contains { $0.slot == .row(0) && $0.lo == 120 })
        #expect(TimelineLabelCandidates.make(x0: 0, x1: 1, anchorX: 0, width: 300, rows: 3, gap: 4, plot: 0...200).isEmpty)
    }

    @Test func laneSpaceRefusesOverlapsAndCrossingLeaders() {
        var s = TimelineLaneSpace(trackCount: [2], rowLimit: [4], gap: 4)
        s.addMark(lane: 0, track: 0, x0: 0, x1: 100)      // a long band on track 0
        s.addMark(lane: 0, track: 1, x0: 50, x1: 52)      // a dot under it on track 1
        // The dot's leader cannot go up through the band, but can go down.
        #expect(!s.leaderIsClear(x: 51, lane: 0, track: 1, side: 0, level: 0))
        #expect(s.leaderIsClear(x: 51, lane: 0, track: 1, side: 1, level: 0))
        let down = TimelineCandidate(slot: .row(1), lo: 50, width: 60, leaderX: 51)
        #expect(s.fits(down, lane: 0, track: 1))
        s.commit(down, lane: 0, track: 1)
        // The same row is now taken there, and a second leader at the same x is refused.
        #expect(!s.fits(TimelineCandidate(slot: .row(1), lo: 100, width: 20, leaderX: 105), lane: 0, track: 1))
        #expect(!s.leaderIsClear(x: 51.5, lane: 0, track: 1, side: 1, level: 1))
        // A box in an outer row may not sit over the leader crossing... and a leader may not cross a box.
        #expect(!s.leaderIsClear(x: 80, lane: 0, track: 1, side: 1, level: 1))
        // Inline boxes keep off marks.
        #expect(!s.fits(TimelineCandidate(slot: .inline, lo: 90, width: 30), lane: 0, track: 0))
        #expect(s.fits(TimelineCandidate(slot: .inline, lo: 110, width: 30), lane: 0, track: 0))
        // Rows beyond the lane's limit are refused.
        #expect(!s.fits(TimelineCandidate(slot: .row(4), lo: 300, width: 10, leaderX: 301), lane: 0, track: 0))
    }

    @Test func placementLabelsFirstThenBadgesAndSkipsHopelessMarks() throws {
        // Ten dots one point apart on one track with no rows: the first gets an inline label,
        // the others cannot be labelled or badged; none of the hopeless ones is measured.
        let marks = (0..<10).map { TimelinePlacement.Mark(lane: 0, track: 0, x0: Double($0) * 3, x1: Double($0) * 3 + 2, anchorX: Double($0) * 3 + 1) }
        var measured: [Int] = []
        let p = try TimelinePlacement(marks: marks, trackCount: [1], rowLimit: [0], gap: 2, plot: 0...300,
                                      minLabelWidth: 10, badgeWidth: 8) { measured.append($0); return 40 }
        #expect(p.label[9] != nil && p.label[9]?.slot == .inline)  // right of the last dot
        #expect(p.labelledCount == 1)
        #expect(measured.count < 10)
        // With a row above, a neighbour gets a row label with a vertical leader.
        let q = try TimelinePlacement(marks: Array(marks.prefix(2)), trackCount: [1], rowLimit: [1], gap: 2, plot: 0...300,
                                      minLabelWidth: 10, badgeWidth: 8) { _ in 40 }
        #expect(q.labelledCount == 2 && q.rowsUsed == [1])
    }

    @Test func groupsWithoutRoomAreLetteredAheadOfLabels() throws {
        // Fifty dots 6 pt apart over the whole plot, one row: the first dot's long label takes the
        // row, so the group of the others finds no room for its bracket and would have nothing on
        // the plot to point at. Placed again with the group reserved ahead of labels, its bracket
        // takes the row; the first dot, now without a label, joins it on the next pass.
        let marks = (0..<50).map { TimelinePlacement.Mark(lane: 0, track: 0, x0: Double($0) * 6, x1: Double($0) * 6 + 2,
                                                           anchorX: Double($0) * 6 + 1) }
        func width(_ i: Int) -> Double { i == 0 ? 298 : 40 }
        let first = TimelinePlacement(marks: marks, trackCount: [1], rowLimit: [1], gap: 2, plot: 0...300,
                                      minLabelWidth: 10, badgeWidth: 8, labelWidth: width)
        #expect(first.labelledCount == 1 && first.clusters.allSatisfy { $0.box == nil })
        #expect(first.keyOrder.filter(first.pointed).isEmpty)
        let p = TimelinePlacement.resolve(marks: marks, trackCount: [1], rowLimit: [1], gap: 2, plot: 0...300,
                                          minLabelWidth: 10, badgeWidth: 8, labelWidth: width)
        #expect(p.labelledCount == 0)
        #expect(p.clusters.count == 1 && p.clusters[0].members == Array(0..<50))
        #expect(p.clusters[0].box?.slot == .row(0))
        #expect(marks.indices.allSatisfy(p.pointed))
    }

    @Test func crowdedMarksAreThoseOverlappedOnTheirTrack() {
        let marks = [TimelinePlacement.Mark(lane: 0, track: 0, x0: 0, x1: 100, anchorX: 1),
                     TimelinePlacement.Mark(lane: 0, track: 0, x0: 50, x1: 52, anchorX: 51),
                     TimelinePlacement.Mark(lane: 0, track: 0, x0: 200, x1: 202, anchorX: 201)]
        #expect(TimelinePlacement.crowded(marks, trackCount: [1]) == [false, true, false])
    }

    @Test func statusesAreDrawnApartAndTheLegendListsOnlyWhatIsUsed() throws {
        let spec = TimelineSpec(lanes: ["A"], events: [
            TimelineEvent(id: "d", date: .day(2022, 3, 1), lane: "A", status: .done, label: "完成"),
            TimelineEvent(id: "o", date: .day(2022, 5, 1), lane: "A", status: .ongoing, label: "进行"),
            TimelineEvent(id: "p", date: .day(2022, 8, 1), lane: "A", status: .planned, label: "计划"),
        ], reportDate: .month(2022, 6))
        #expect(spec.legendItems == [.status(.done), .status(.ongoing), .status(.planned)])
        let layout = try spec.layout(preset: .report, measurer: FixedTextMeasurer())
        func paths(_ id: String) -> [PathNode] {
            layout.group.leaves().filter { $0.path.last == "event.\(id)" }.compactMap { if case .path(let p) = $0.node { p } else { nil } }
        }
        #expect(paths("d").count == 1 && paths("d")[0].stroke == nil)
        #expect(paths("o").count == 2)                                        // ring round a dot
        #expect(paths("p").count == 1 && paths("p")[0].stroke?.dash.isEmpty == false)  // dashed ring
        let onlyDone = TimelineSpec(lanes: ["A"], events: [TimelineEvent(id: "d", date: .month(2022, 3), lane: "A", label: "x")])
        #expect(onlyDone.legendItems == [.shape(.period)])
    }

    @Test func datesAreFormattedAsTheReportWritesThem() {
        let e = TimelineEvent(id: "x", date: .month(2022, 1), end: .open, lane: "A", label: "整治")
        var spec = TimelineSpec(events: [e], reportDate: .month(2022, 6))
        #expect(spec.dateText(e) == "1月至今")
        spec.dateFormat = .full
        #expect(spec.dateText(e) == "2022年1月至今")
        spec.dateFormat = .none
        #expect(spec.dateText(e) == "")
        var given = e
        given.dateLabel = "今年以来"
        spec.dateFormat = .short
        #expect(spec.dateText(given) == "今年以来")
        #expect(spec.dateText(TimelineEvent(id: "y", date: .year(2021), lane: "A", label: "y")) == "2021年")
    }

    @Test func datePositionAndOffAreHonoured() throws {
        let measurer = FixedTextMeasurer()
        let events = [TimelineEvent(id: "m", date: .day(2022, 5, 15), lane: "A", label: "博物馆开馆")]
        for position in TimelineDatePosition.allCases {
            let spec = TimelineSpec(lanes: ["A"], events: events, reportDate: .month(2022, 6), datePosition: position)
            let layout = try spec.layout(preset: .report, measurer: measurer)
            let box = try #require(layout.labelBoxes["m"])
            let texts = try layout.group.textBoxes(using: measurer).filter { box.contains($0.box, tolerance: 1e-6) }
            let date = try #require(texts.first { $0.text == "5月15日" }), text = try #require(texts.first { $0.text == "博物馆开馆" })
            #expect(position == .before ? date.box.maxX <= text.box.minX : text.box.maxX <= date.box.minX)
        }
        let off = TimelineSpec(lanes: ["A"], events: events, reportDate: .month(2022, 6), dateFormat: .none)
        let layout = try off.layout(preset: .report, measurer: measurer)
        #expect(try !layout.group.textBoxes(using: measurer).contains { $0.text == "5月15日" })
    }

    /// The three sizes a new user tries: every event named with its date, on a slide and in the
    /// report (whose figure grows from 330 pt as far as it needs).
    @Test(arguments: [3, 13, 30])
    func smallStoriesAreNamedInFull(_ count: Int) throws {
        let spec = TimelineFixtures.random(count: count, seed: UInt64(count))
        let report = try spec.layout(width: 481, height: 330, maxHeight: 680, measurer: FixedTextMeasurer())
        #expect(report.frame.height >= 330 && report.frame.height <= 680)
        let slide = try spec.layout(preset: .slide, measurer: FixedTextMeasurer())
        for l in [report, slide] {
            #expect(l.unlistedEventIDs.isEmpty)
            #expect(l.labelBoxes.count + l.keyEventIDs.count == count - l.omittedEventIDs.count)
        }
        #expect(slide.labelBoxes.count >= report.labelBoxes.count)
        if count <= 13 { #expect(slide.keyEventIDs.isEmpty, "slide keyed \(slide.keyEventIDs)") }
    }
}
