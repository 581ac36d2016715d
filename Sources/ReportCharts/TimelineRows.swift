/// Label rows of one lane: row 0 just above the marks, row 1 just below, row 2 above row 0, ...
/// Labels (or number badges) arrive in chronological order with their left edge at or left of
/// their mark, so a row only needs its rightmost end: first fit costs O(rows) per label and
/// never lets two boxes in a row overlap.
struct TimelineRows {
    private(set) var ends: [Double]
    /// Minimum horizontal space between two boxes of a row.
    let gap: Double

    init(rows: Int, gap: Double) {
        ends = Array(repeating: -.infinity, count: rows)
        self.gap = gap
    }

    var count: Int { ends.count }

    /// True when no row could take a box starting at or before `x`: lets the caller skip
    /// measuring labels that cannot be placed anyway (most of them at extreme densities).
    func blocked(at x: Double) -> Bool {
        for end in ends where end + gap <= x { return false }
        return true
    }

    /// First row that takes a box over [lo, hi]; records it there.
    mutating func place(lo: Double, hi: Double) -> Int? {
        for k in ends.indices where ends[k] + gap <= lo {
            ends[k] = hi
            return k
        }
        return nil
    }

    /// First row that takes a box of `width` at `lo` or pushed right by at most `maxShift`, not
    /// past `limit`; records it there. Number badges use this: a cluster of marks a day apart
    /// then shares a few rows (leaders slant to the badges) instead of stacking one per row.
    mutating func place(lo: Double, width: Double, maxShift: Double, limit: Double) -> (row: Int, lo: Double)? {
        for k in ends.indices {
            let start = max(lo, ends[k] + gap)
            if start - lo <= maxShift + 1e-9 && start + width <= limit + 1e-9 {
                ends[k] = start + width
                return (k, start)
            }
        }
        return nil
    }
}
