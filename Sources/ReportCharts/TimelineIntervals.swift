/// Occupied stretches of one horizontal line (a label row or a mark track), kept merged and
/// sorted so "is [lo, hi] free?" is a binary search even with 10,000 events.
struct TimelineIntervals {
    private(set) var lo: [Double] = []
    private(set) var hi: [Double] = []

    /// True when some stretch overlaps the open interval (a, b).
    func intersects(_ a: Double, _ b: Double) -> Bool {
        // First stretch ending after a; it overlaps when it starts before b.
        var l = 0, h = hi.count
        while l < h { let m = (l + h) / 2; if hi[m] <= a { l = m + 1 } else { h = m } }
        return l < lo.count && lo[l] < b
    }

    /// True when x lies inside some stretch.
    func covers(_ x: Double) -> Bool { intersects(x, x.nextUp) }

    /// Marks [a, b] as occupied, merging with the stretches it touches.
    mutating func insert(_ a: Double, _ b: Double) {
        var l = 0, h = hi.count
        while l < h { let m = (l + h) / 2; if hi[m] < a { l = m + 1 } else { h = m } }
        var e = l
        var na = a, nb = b
        while e < lo.count && lo[e] <= b { na = min(na, lo[e]); nb = max(nb, hi[e]); e += 1 }
        // Marks come in left-edge order: most inserts append or widen one stretch in place.
        if l == e {
            // `append` where it can: `insert(_:at:)` goes through the generic `replaceSubrange`.
            if l == lo.count {
                // A line that takes one stretch mostly takes several: skip the first regrowths.
                if lo.capacity == 0 { lo.reserveCapacity(8); hi.reserveCapacity(8) }
                lo.append(na); hi.append(nb)
            } else { lo.insert(na, at: l); hi.insert(nb, at: l) }
        } else {
            lo[l] = na; hi[l] = nb
            if e > l + 1 { lo.removeSubrange((l + 1)..<e); hi.removeSubrange((l + 1)..<e) }
        }
    }
}

/// Sorted x positions (leader lines crossing a row or track).
struct TimelinePositions {
    private(set) var xs: [Double] = []

    /// True when some position lies strictly inside (a, b).
    func any(in a: Double, _ b: Double) -> Bool {
        var l = 0, h = xs.count
        while l < h { let m = (l + h) / 2; if xs[m] <= a { l = m + 1 } else { h = m } }
        return l < xs.count && xs[l] < b
    }

    mutating func insert(_ x: Double) {
        var l = 0, h = xs.count
        while l < h { let m = (l + h) / 2; if xs[m] < x { l = m + 1 } else { h = m } }
        if l == xs.count { xs.append(x) } else { xs.insert(x, at: l) }
    }
}
