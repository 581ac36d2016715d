import Testing
@testable import ReportCharts

@Suite struct TimelineRowsTests {
    @Test func firstFitAlternatesOutwardAndKeepsGaps() {
        var rows = TimelineRows(rows: 3, gap: 2)
        #expect(rows.place(lo: 0, hi: 10) == 0)
        #expect(rows.place(lo: 5, hi: 15) == 1)    // row 0 busy until 10
        #expect(rows.place(lo: 11, hi: 20) == 2)   // 11 < 10 + gap
        #expect(rows.place(lo: 12, hi: 30) == 0)
        #expect(rows.place(lo: 13, hi: 14) == nil) // every row busy
        #expect(rows.blocked(at: 13))
        #expect(!rows.blocked(at: 17))
    }

    @Test func shiftingPlacementPacksClustersIntoFewRows() {
        var rows = TimelineRows(rows: 4, gap: 1)
        // Five 10 pt badges wanted one point apart: pushed right up to 25 pt, three share row 0.
        let placed = (0..<5).map { rows.place(lo: Double($0), width: 10, maxShift: 25, limit: 100) }
        #expect(placed.map { $0?.row } == [0, 0, 0, 1, 1])
        #expect(placed.map { $0?.lo } == [0, 11, 22, 3, 14])
        // Never past the limit, never further than allowed.
        #expect(rows.place(lo: 95, width: 10, maxShift: 50, limit: 100) == nil)
    }

    @Test func laneHeightsShareRowsRoundRobin() {
        let h = TimelineLaneHeights(nameHeights: [10, 10, 40], band: 10, rowHeights: [10, 10, 10], pad: 0)
        #expect(h.freeRows == [0, 0, 3])
        #expect(h.baseHeight == 60)
        // 30 pt spare: lanes 0 and 1 want 5 rows each, lane 2 wants 3 (all free).
        let (rows, spare) = h.allocate(90, demand: [5, 5, 3])
        #expect(rows == [2, 1, 3])
        #expect(abs(spare) < 1e-9)
    }
}
