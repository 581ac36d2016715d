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

    func layout(measurer: any TextMeasurer) throws -> TimelineLayout {
        var best: TimelineLayout? = nil
        var firstError: Error? = nil
        for s in scales {
            let l: TimelineLayout
            do { l = try spec.layout(frame: frame, theme: s == 1 ? theme : theme.scaled(by: s), measurer: measurer) }
            catch { firstError = firstError ?? error; continue }
            var scaled = l
            scaled.typeScale = s
            // The first (largest) type that labels every drawn event wins; else the most labels.
            if best.map({ scaled.labelBoxes.count > $0.labelBoxes.count }) ?? true { best = scaled }
            if scaled.keyEventIDs.isEmpty && scaled.unlistedEventIDs.isEmpty { break }
        }
        if let best { return best }
        throw firstError!
    }
}
