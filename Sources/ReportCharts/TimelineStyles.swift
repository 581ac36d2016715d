import ReportScene

/// Text styles and spacings of a timeline, all derived from the theme's type sizes.
struct TimelineStyles {
    let label: TextStyle
    let date: TextStyle
    let name: TextStyle
    let tick: TextStyle
    let list: TextStyle
    let listNumber: TextStyle
    let badge: TextStyle
    let background: Color
    let laneShade: Color
    /// One label line.
    let lineHeight: Double
    let rowGap: Double
    var rowHeight: Double { lineHeight + rowGap }
    /// Height of a mark.
    let band: Double
    /// One sub-row of marks: an inline label fits on it.
    let trackHeight: Double
    let lanePad: Double
    /// Between the chart's blocks (legend, lanes, key).
    let gap: Double
    /// Between two boxes of a row or track.
    let labelGap: Double
    /// Between the date and the text of a label.
    let dateGap: Double

    init(theme: ChartTheme, cache: TimelineMeasureCache) throws {
        label = theme.style(size: theme.labelSize)
        date = theme.style(size: theme.labelSize, weight: .bold)
        name = theme.style(size: theme.labelSize, weight: .bold)
        tick = theme.style(size: theme.tickSize, color: theme.secondaryText)
        list = theme.style(size: theme.tickSize)
        listNumber = theme.style(size: theme.tickSize, weight: .bold, color: theme.secondaryText)
        badge = theme.style(size: theme.noteSize, weight: .bold)
        background = theme.background ?? .white
        laneShade = background.timelineMix(with: theme.grid, 0.3)
        lineHeight = try cache.measure("国", label).height
        rowGap = theme.labelSize * 0.35
        band = theme.labelSize * 1.1
        trackHeight = max(band, lineHeight)
        lanePad = theme.labelSize * 0.5
        gap = theme.labelSize * 0.6
        labelGap = theme.labelSize * 0.5
        dateGap = theme.labelSize * 0.35
    }
}
