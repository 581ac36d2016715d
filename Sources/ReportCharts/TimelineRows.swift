/// Label rows of one lane: row 0 just above the marks, row 1 just below, row 2 above row 0, ...
/// Labels arrive in chronological order with their left edge at (or left of) their mark, so a row
/// only needs its rightmost end for labels (first fit in O(rows) per label) and a sorted interval
/// list that badges, placed later among the labels, search in O(log n).
struct TimelineRows {
    private(set) var labelEnds: [Double]
    private(set) var intervals: [[(lo: Double, hi: Double)]]
    private var badgeEnds: [Double]
    let gap: Double

    init(rows: Int, gap: Double) {
        labelEnds = Array(repeating: -.infinity, count: rows)
        intervals = Array(repeating: [], count: rows)
        badgeEnds = Array(repeating: -.infinity, count: rows)
        self.gap = gap
    }

    var count: Int { labelEnds.count }

    /// True when no row could take a label starting at or before `x`: lets the caller skip
    /// measuring labels that cannot be placed anyway (most of them at extreme densities).
    func blocked(at x: Double) -> Bool {
        for end in labelEnds where end + gap <= x { return false }
        return true
    }

    /// First row that takes a label over [lo, hi]; records it.
    mutating func placeLabel(lo: Double, hi: Double) -> Int? {
        for k in labelEnds.indices where labelEnds[k] + gap <= lo {
            labelEnds[k] = hi
            intervals[k].append((lo, hi))
            return k
        }
        return nil
    }

    /// First row among the first `limit` that takes a badge over [lo, hi] without touching labels or badges.
    mutating func placeBadge(lo: Double, hi: Double, limit: Int) -> Int? {
        for k in 0..<min(limit, count) where badgeEnds[k] + gap <= lo && !overlapsLabel(row: k, lo: lo, hi: hi) {
            badgeEnds[k] = hi
            return k
        }
        return nil
    }

    private func overlapsLabel(row k: Int, lo: Double, hi: Double) -> Bool {
        let list = intervals[k]
        // First interval ending after lo - gap; intervals are disjoint and sorted, so it is the only candidate.
        var a = 0, b = list.count
        while a < b {
            let mid = (a + b) / 2
            if list[mid].hi + gap <= lo { a = mid + 1 } else { b = mid }
        }
        return a < list.count && list[a].lo < hi + gap
    }

    /// Forgets labels in rows at or beyond `limit` (used after lane heights are settled).
    mutating func truncate(to limit: Int) {
        guard limit < count else { return }
        labelEnds.removeSubrange(limit...)
        intervals.removeSubrange(limit...)
        badgeEnds.removeSubrange(limit...)
    }
}
