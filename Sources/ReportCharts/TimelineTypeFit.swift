import ReportScene

/// A preset's type, shrunk in steps when it leaves events without a label on the chart, never
/// below the report theme's sizes (the standard theme the 481 pt report figure uses). A
/// slide at 1.9× type is, relative to its type, smaller than the report figure; shrinking
/// toward the report's type lets the larger frame name at least as many events.
struct TimelineTypeFit {
    let spec: TimelineSpec
    let frame: Size
    let theme: ChartTheme

    /// Scales tried, largest first: 1 down to the report theme's label size.
    var scales: [Double] {
        let floor = min(1, ChartTheme.standard.labelSize / theme.labelSize)
        guard floor < 1 - 1e-9 else { return [1] }
        return (0...4).map { 1 - (1 - floor) * Double($0) / 4 }
    }

    /// Each size is solved (placement and key) without its scene; only the size kept is drawn.
    /// The preset's type first, then the floor: when even the floor leaves events without a
    /// label, the one of the two labelling more wins (the preset's on a tie); when the floor
    /// labels every event, the largest size between them that does is found by halving.
    func layout(measurer: any TextMeasurer) throws -> TimelineLayout {
        let cache = TimelineMeasureCache(measurer)
        let scales = self.scales
        var solved: [Int: Result<(TimelineBuilder, TimelineBuilder.Solution), Error>] = [:]
        func solve(_ k: Int) -> (TimelineBuilder, TimelineBuilder.Solution)? {
            if solved[k] == nil {
                let s = scales[k]
                let builder = TimelineBuilder(spec: spec, frame: frame, theme: s == 1 ? theme : theme.scaled(by: s),
                                              cache: cache)
                solved[k] = Result { (builder, try builder.solve()) }
            }
            return try? solved[k]!.get()
        }
        func all(_ k: Int) -> Bool { solve(k)?.1.labelsAll ?? false }
        func draw(_ k: Int) throws -> TimelineLayout {
            let (builder, solution) = try solved[k]!.get()
            var layout = try builder.scene(solution)
            layout.typeScale = scales[k]
            return layout
        }
        let last = scales.count - 1
        if all(0) || last == 0 { return try draw(0) }
        guard all(last) else {
            // Neither labels every event: the most labels (the larger type on a tie).
            switch (solve(0), solve(last)) {
            case (let a?, let b?): return try draw(b.1.labelledCount > a.1.labelledCount ? last : 0)
            case (_?, nil): return try draw(0)
            default: return try draw(last)
            }
        }
        // Largest size labelling every event: 0 does not, `last` does.
        var lo = 0, hi = last
        while hi - lo > 1 {
            let mid = (lo + hi) / 2
            if all(mid) { hi = mid } else { lo = mid }
        }
        return try draw(hi)
    }
}
