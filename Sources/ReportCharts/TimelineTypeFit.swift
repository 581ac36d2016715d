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
    func layout(measurer: any TextMeasurer) throws -> TimelineLayout {
        let cache = TimelineMeasureCache(measurer)
        var best: (scale: Double, builder: TimelineBuilder, solution: TimelineBuilder.Solution)? = nil
        var firstError: Error? = nil
        for s in scales {
            let builder = TimelineBuilder(spec: spec, frame: frame, theme: s == 1 ? theme : theme.scaled(by: s),
                                          cache: cache)
            let solution: TimelineBuilder.Solution
            do { solution = try builder.solve() } catch { firstError = firstError ?? error; continue }
            // The first (largest) type that labels every drawn event wins; else the most labels.
            if best.map({ solution.labelledCount > $0.solution.labelledCount }) ?? true { best = (s, builder, solution) }
            if solution.labelsAll { break }
        }
        guard let best else { throw firstError! }
        var layout = try best.builder.scene(best.solution)
        layout.typeScale = best.scale
        return layout
    }
}
