/// Where each event's label goes: in a row above or below the marks (left edge at the mark,
/// shifted left to end at the plot's right edge), or inline on the mark line, ending just
/// before its own mark where that stretch of the line is empty.
///
/// Inline labels cost no row: two long labels near the right edge of a lane (a mark in June,
/// another in October) would otherwise need a row each, which is what pushed the real
/// report's lanes over their height and their events into the numbered key.
struct TimelineLabelPlacement {
    /// Row of each label (see `TimelineRows`), nil when inline or not placed.
    var row: [Int?]
    /// True for labels drawn on the mark line, left of their mark.
    var inline: [Bool]
    var left: [Double]
    var width: [Double]
    /// Per lane: at least one inline label, so the mark line must be a text line high.
    var laneHasInline: [Bool]

    /// `marks` in chronological order. Each lane takes whichever of two first-fit passes leaves
    /// fewer labels out, then uses fewer rows: rows only, or inline wherever the line is free.
    init(marks: [TimelineEventMark], laneCount: Int, maxRows: [Int], gap: Double, x0: Double, x1: Double,
         width measure: (String) throws -> Double) throws {
        let n = marks.count
        row = Array(repeating: nil, count: n)
        inline = Array(repeating: false, count: n)
        left = Array(repeating: 0, count: n)
        width = Array(repeating: 0, count: n)
        laneHasInline = Array(repeating: false, count: laneCount)
        var byLane = [[Int]](repeating: [], count: laneCount)
        for (i, m) in marks.enumerated() { byLane[m.lane].append(i) }

        for lane in 0..<laneCount where !byLane[lane].isEmpty {
            let rowsOnly = try Self.pass(byLane[lane], marks, rows: maxRows[lane], gap: gap, x0: x0, x1: x1,
                                         tryInline: false, measure)
            let withInline = try Self.pass(byLane[lane], marks, rows: maxRows[lane], gap: gap, x0: x0, x1: x1,
                                           tryInline: true, measure)
            let useInline = withInline.inlineCount > 0
                && (withInline.unplaced, withInline.rowsUsed) < (rowsOnly.unplaced, rowsOnly.rowsUsed)
            let best = useInline ? withInline : rowsOnly
            for (k, i) in byLane[lane].enumerated() {
                row[i] = best.row[k]; inline[i] = best.inline[k]; left[i] = best.left[k]; width[i] = best.width[k]
            }
            laneHasInline[lane] = useInline
        }
    }

    private struct Pass {
        var row: [Int?] = []
        var inline: [Bool] = []
        var left: [Double] = []
        var width: [Double] = []
        var unplaced = 0
        var rowsUsed = 0
        var inlineCount = 0
    }

    /// First fit over one lane's marks in chronological order.
    private static func pass(_ indices: [Int], _ marks: [TimelineEventMark], rows: Int, gap: Double, x0: Double,
                             x1: Double, tryInline: Bool, _ measure: (String) throws -> Double) throws -> Pass {
        var p = Pass()
        var rowsState = TimelineRows(rows: rows, gap: gap)
        // Marks come by start date, but an approximate band reaches back before it: the label
        // must end before every later mark's left edge too.
        var laterLeft = [Double](repeating: .infinity, count: indices.count + 1)
        if tryInline {
            for k in indices.indices.reversed() { laterLeft[k] = min(laterLeft[k + 1], marks[indices[k]].x0) }
        }
        // A label ending before this mark can only hit earlier marks, so the furthest right end
        // among them (and the last inline label) is all that matters.
        var reach = -Double.infinity
        var inlineEnd = -Double.infinity
        for (k, i) in indices.enumerated() {
            let m = marks[i]
            var placed = false
            var r: Int? = nil, lo = 0.0, w = 0.0
            if tryInline {
                let hi = laterLeft[k] - gap
                let floor = max(x0, reach + gap, inlineEnd + gap)
                if hi > floor {
                    w = try measure(m.label)
                    if hi - w >= floor {
                        lo = hi - w; inlineEnd = hi; placed = true
                        p.inlineCount += 1
                    }
                }
            }
            if !placed, !rowsState.blocked(at: m.anchorX) {
                w = try measure(m.label)
                let l = min(m.anchorX, x1 - w)
                if l >= x0, let got = rowsState.place(lo: l, hi: l + w) {
                    r = got; lo = l; placed = true
                    p.rowsUsed = max(p.rowsUsed, got + 1)
                }
            }
            if !placed { p.unplaced += 1 }
            p.row.append(r); p.inline.append(placed && r == nil); p.left.append(lo); p.width.append(w)
            reach = max(reach, m.x1)
        }
        return p
    }
}
