import ReportScene

/// The fixed parts of a timeline, top to bottom: chrome, legend, the "报告日" row, the
/// lane-name column and the time scale, the axis. What is left between them is `available`
/// for the lanes and the key.
struct TimelineFrame {
    let size: Size
    let chrome: ChartChrome
    let area: Rect
    let legend: TimelineLegend
    let laneNames: [String]
    let nameHeights: [Double]
    let nameWidth: Double
    let nameWrap: Double
    let namePad: Double
    let scale: TimelineScale
    var axis: TimelineAxis
    let lanesTop: Double
    let reportRow: Double
    let available: Double
    /// x of the report-date line, when it falls inside the plot.
    let reportX: Double?

    init(spec: TimelineSpec, frame: Size, theme: ChartTheme, styles: TimelineStyles, cache: TimelineMeasureCache) throws {
        size = frame
        chrome = try ChartChrome(notes: spec.notes, frame: frame, theme: theme, measurer: cache.measurer)
        area = chrome.plotArea
        laneNames = spec.resolvedLanes.isEmpty ? [""] : spec.resolvedLanes
        legend = try TimelineLegend(items: spec.legendItems, x: area.minX, y: area.minY, width: area.width,
                                    style: styles.tick, swatchColor: theme.axis, background: styles.background,
                                    cache: cache)
        var y = area.minY + (legend.height > 0 ? legend.height + styles.gap : 0)
        let tickLine = try cache.measure("报告日", styles.tick).height
        reportRow = spec.reportDate == nil ? 0 : tickLine + 2
        y += reportRow
        lanesTop = y

        // Lane-name column: as wide as the longest name, at most a fifth of the width (names wrap).
        namePad = theme.labelSize * 0.4
        var widest = theme.labelSize * 2
        for n in laneNames { widest = max(widest, try cache.measure(n, styles.name).width) }
        nameWidth = min(widest + 2 * namePad, area.width * 0.2)
        nameWrap = nameWidth - 2 * namePad
        let wrap = nameWrap
        nameHeights = try laneNames.map { try cache.measure($0, styles.name, wrap: wrap).height }

        let inset = TimelineEventMark.pointRadius(band: styles.band) + 1
        let scale = TimelineScale(domain: spec.resolvedDomain, x0: area.minX + nameWidth + styles.gap + inset,
                                  x1: area.maxX - inset)
        guard scale.x1 - scale.x0 > theme.labelSize * 4 else {
            throw TimelineError.frameTooSmall("no room for the time axis: \(Int(area.width)) pt wide, "
                + "\(Int(nameWidth + styles.gap + theme.labelSize * 4 + 2 * inset)) pt needed")
        }
        self.scale = scale
        axis = try TimelineAxis.choose(scale: scale, labelRange: area.minX...area.maxX, style: styles.tick, cache: cache)
        available = area.maxY - lanesTop - axis.height
        if let report = spec.reportDate {
            let x = scale.x(startOf: report.lastDay + 1)
            reportX = x >= scale.x0 - 1e-9 && x <= scale.x1 + 1e-9 ? x : nil
        } else { reportX = nil }
    }
}
