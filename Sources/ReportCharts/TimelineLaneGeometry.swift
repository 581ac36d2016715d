import ReportScene

/// Vertical positions of the lanes, their tracks and label rows, once rows are allocated.
/// Each lane stacks its upper rows, its tracks and its lower rows, centred in the lane.
struct TimelineLaneGeometry {
    let rects: [Rect]
    /// Top of each lane's first track.
    let tracksTop: [Double]
    let trackCount: [Int]
    let trackHeight: Double
    let rowHeight: Double
    let rowGap: Double
    var bottom: Double { rects.last.map(\.maxY) ?? 0 }

    init(top: Double, x: Double, width: Double, heights: TimelineLaneHeights, rows: [Int], trackCount: [Int],
         extra: Double, styles: TimelineStyles) {
        var rects: [Rect] = [], tracksTop: [Double] = []
        var y = top
        for l in 0..<heights.count {
            let h = heights.height(l, rows: rows[l]) + extra
            rects.append(Rect(x: x, y: y, width: width, height: h))
            let above = (rows[l] + 1) / 2
            let content = heights.bands[l] + Double(rows[l]) * styles.rowHeight
            tracksTop.append(y + (h - content) / 2 + Double(above) * styles.rowHeight)
            y += h
        }
        self.rects = rects; self.tracksTop = tracksTop; self.trackCount = trackCount
        trackHeight = styles.trackHeight; rowHeight = styles.rowHeight; rowGap = styles.rowGap
    }

    func trackMid(lane: Int, track: Int) -> Double { tracksTop[lane] + (Double(track) + 0.5) * trackHeight }

    /// Top of a box `height` high in row `k` of `lane` (even rows above the tracks, odd below).
    func rowTop(lane: Int, row k: Int, height: Double) -> Double {
        let level = Double(k / 2)
        let inset = (rowHeight - height) / 2
        let tracksBottom = tracksTop[lane] + Double(trackCount[lane]) * trackHeight
        return k % 2 == 0 ? tracksTop[lane] - (level + 1) * rowHeight + inset : tracksBottom + level * rowHeight + inset
    }
}
