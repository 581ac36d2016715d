/// Heights of a key's lines at one text width, each known exactly or only between two bounds,
/// for the key search (`TimelineSolver.neededKey`): whether the lines pack into a height is
/// decided from the bounds when they agree (the lower ones do not pack, or the upper ones do),
/// and only the lines that keep it open are measured. The answer is the one the measured
/// heights give, so the search chooses what it did when every line was measured.
///
/// The bounds rest on what `TimelineWrapSample` assumes of line breaking (greedy: a narrower
/// width never has fewer lines, a wider one never more) and of line height (every line of a
/// key line is as high as the text on one line): a line's height at a width is no less than at
/// any wider width measured, no more than at any narrower one, and at least two lines when the
/// text on one line is wider than the width (by the sample's slack).
struct TimelineKeyHeights {
    var lo: [Double]
    var hi: [Double]

    /// Bounds of a line not known exactly: no sample (`hi` infinite) or samples on either side.
    static func bounds(oneLine: TextMetricsBounds, width: Double, samples: [TimelineWrapSample]) -> (Double, Double) {
        var lo = oneLine.height, hi = Double.infinity
        if oneLine.width > width + TimelineWrapSample.slack { lo = oneLine.height * 2 }
        for s in samples {
            if s.width >= width { lo = max(lo, s.metrics.height) }
            if s.width <= width { hi = min(hi, s.metrics.height) }
        }
        // Bounds that disagree would mean the assumptions failed: then only measuring tells.
        return hi < lo ? (0, .infinity) : (lo, hi)
    }

    /// Whether the lines pack into `columns` columns `height` high (`TimelineNumberedList.packs`)
    /// with their measured heights; `measure(k)` gives line k's.
    mutating func packs(height: Double, columns: Int, measure: (Int) throws -> Double) rethrows -> Bool {
        var next = 0
        while true {
            if !TimelineNumberedList.packs(lo, height: height, columns: columns) { return false }
            if TimelineNumberedList.packs(hi, height: height, columns: columns) { return true }
            // Open: the first line not known exactly decides the most (lines fill in order).
            while lo[next] == hi[next] { next += 1 }
            let h = try measure(next)
            lo[next] = h; hi[next] = h
        }
    }
}

/// What the bounds need of a line on one line.
struct TextMetricsBounds {
    var width: Double
    var height: Double
}
