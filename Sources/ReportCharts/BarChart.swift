import ReportScene

/// Lays out bar charts: spec + frame + measurer → scene and geometry.
public enum BarChart {
    /// Lays out `spec` at a preset's size and theme; throws `BarChartError` when not every name and value fits.
    public static func layout(_ spec: BarChartSpec, preset: ChartPreset,
                              measurer: any TextMeasurer) throws -> BarChartLayout {
        try layout(spec, frame: preset.size, theme: preset.theme, measurer: measurer)
    }

    /// Lays out `spec` in `frame` with `theme`; throws `BarChartError` (with the height that would fit, if any) instead of dropping a label.
    public static func layout(_ spec: BarChartSpec, frame: Size, theme: ChartTheme,
                              measurer: any TextMeasurer) throws -> BarChartLayout {
        do {
            return try fitted(spec, frame: frame, theme: theme, measurer: measurer)
        } catch var e as BarChartLayoutError {
            e.fitsWith = try alternatives(spec, frame: frame, theme: theme, measurer: measurer)
            throw e
        }
    }

    /// Type scales tried in turn: a slide's large type shrinks in steps, at last to the report
    /// theme's sizes (the floor timelines use too), before the chart gives up; the report theme
    /// never shrinks.
    static func typeScales(_ theme: ChartTheme) -> [Double] {
        let floor = ChartTheme.standard.labelSize / theme.labelSize
        guard floor < 1 - 1e-9 else { return [1] }
        return [1, 0.85, 0.7, 0.6].filter { $0 > floor + 1e-9 } + [floor]
    }

    /// The first type scale at which some form fits; else the failure at the smallest type (what
    /// the frame lacks even then).
    static func fitted(_ spec: BarChartSpec, frame: Size, theme: ChartTheme,
                       measurer: any TextMeasurer) throws -> BarChartLayout {
        var last: BarChartLayoutError?
        for s in typeScales(theme) {
            do {
                return try BarChartEngine(spec: spec, frame: frame, theme: s == 1 ? theme : theme.scaled(by: s),
                                          measurer: measurer).run()
            } catch let e as BarChartLayoutError {
                last = e
            }
        }
        throw last!
    }

    /// The template settings (orientation, value labels) with which the chart would fit this frame.
    static func alternatives(_ spec: BarChartSpec, frame: Size, theme: ChartTheme,
                             measurer: any TextMeasurer) throws -> [String] {
        var tries: [(String, BarChartSpec)] = []
        func variant(_ change: (inout BarChartSpec) -> Void) -> BarChartSpec { var s = spec; change(&s); return s }
        // `automatic` already tries both orientations.
        if spec.orientation == .vertical { tries.append(("orientation: horizontal", variant { $0.orientation = .horizontal })) }
        if spec.orientation == .horizontal { tries.append(("orientation: vertical", variant { $0.orientation = .vertical })) }
        if spec.valueLabels != .none { tries.append(("value_labels: false", variant { $0.valueLabels = .none })) }
        var fits: [String] = []
        for (words, s) in tries {
            do { _ = try fitted(s, frame: frame, theme: theme, measurer: measurer); fits.append(words) }
            catch is BarChartLayoutError { continue }
        }
        if fits.isEmpty, tries.count == 2 {
            let both = variant { $0.valueLabels = .none; $0.orientation = spec.orientation == .vertical ? .horizontal : .automatic }
            do {
                _ = try fitted(both, frame: frame, theme: theme, measurer: measurer)
                fits.append(tries[0].0 + " and value_labels: false")
            } catch is BarChartLayoutError {}
        }
        return fits
    }
}

/// One layout run. A class so the steps (split over BarChart*.swift files) share state
/// without copying the per-bar arrays.
final class BarChartEngine {
    let spec: BarChartSpec
    let data: BarChartData
    let frame: Size
    let theme: ChartTheme
    let fit: ChartLabelFit
    let tickStyle, categoryStyle, valueStyle, titleStyle, referenceStyle: TextStyle
    /// Small gap between an axis and its labels.
    let gap: Double
    /// Inset of a value label from its bar's edge.
    let pad: Double

    var area = Rect(x: 0, y: 0, width: 0, height: 0)
    var orientation: BarOrientation = .vertical
    var plot = Rect(x: 0, y: 0, width: 0, height: 0)
    var band = BandScale(count: 1, range: 0, 1)
    var ticks = TickSet(values: [0, 1], step: 1, decimals: 0)
    var scale = LinearScale(domain: 0...1, range: 0, 1)
    var categoryNodes: [(slot: Int, node: TextNode, box: Rect)] = []
    var axisTitleNode: TextNode?
    var bars: [BarMark] = []
    /// bars[slotRanges[slot]] are the bars of that slot.
    var slotRanges: [Range<Int>] = []
    var valueLabels: [(label: BarValueLabel, node: TextNode)] = []
    var referenceMarks: [(mark: BarReferenceMark, line: PathNode, label: TextNode?)] = []
    /// Reference labels go in a margin past the plot (see `placeReferenceLines`).
    var referenceOutside = false
    /// The plot area before that margin was taken from it.
    var referenceArea = Rect(x: 0, y: 0, width: 0, height: 0)
    var labelCandidates: [BarLabelCandidate] = []

    init(spec: BarChartSpec, frame: Size, theme: ChartTheme, measurer: any TextMeasurer) throws {
        self.spec = spec
        self.data = try BarChartData(spec)
        self.frame = frame
        self.theme = theme
        self.fit = ChartLabelFit(measurer)
        tickStyle = theme.style(size: theme.tickSize, color: theme.secondaryText)
        var cat = theme.style(size: theme.labelSize, color: theme.text)
        cat.alignment = .center
        categoryStyle = cat
        valueStyle = theme.style(size: theme.tickSize, color: theme.text)
        titleStyle = theme.style(size: theme.tickSize, color: theme.secondaryText)
        referenceStyle = theme.style(size: theme.tickSize, color: theme.text)
        gap = theme.tickSize * 0.5
        pad = theme.tickSize * 0.35
    }

    /// How value labels sit on their bars: one placement for the whole chart.
    enum LabelMode { case outside, inside, none }
    /// Category label form under vertical columns.
    enum ColumnLabels { case lines, deepLines, stacked }
    /// Why one form of the chart does not fit, and the frame height that would make it fit.
    struct FormFailure: Error { var reason: String; var neededHeight: Double? }

    var labelMode: LabelMode = .outside
    var segmentLabels = true
    var columnLabels: ColumnLabels = .lines
    var legend: LegendLayout?

    func run() throws -> BarChartLayout {
        let chrome = try ChartChrome(notes: spec.notes, frame: frame, theme: theme, measurer: fit.measurer)
        area = chrome.plotArea
        if spec.legendShown || !data.statusesShown.isEmpty {
            let l = try Legend.layout(legendEntries(), at: Point(area.minX, area.minY), maxWidth: area.width,
                                      theme: theme, fit: fit)
            let used = l.bounds.height + theme.labelSize * 0.8
            area.y += used; area.height -= used
            legend = l
        }
        guard area.width > theme.labelSize * 4, area.height > theme.labelSize * 4 else {
            throw BarChartError.frameTooSmall(frame)
        }
        var failures: [FormFailure] = []
        let modes: [LabelMode] = spec.valueLabels == .none ? [.none] : (data.stacked ? [.outside] : [.outside, .inside])
        var passes = [modes]
        if spec.valueLabels == .ifRoom { passes.append([.none]) }
        for pass in passes {
            for form in try candidateForms() {
                for mode in pass {
                    for segments in (data.stacked && mode != .none ? [true, false] : [false]) {
                        orientation = form.0; columnLabels = form.1; labelMode = mode; segmentLabels = segments
                        do {
                            return try attempt(chrome: chrome)
                        } catch let f as FormFailure {
                            failures.append(f)
                        }
                    }
                }
            }
        }
        throw layoutError(failures)
    }

    /// Forms in order of preference: columns with names in up to three lines, horizontal bars,
    /// columns with four-line names, columns with names set vertically; an explicit orientation
    /// keeps only its own forms.
    func candidateForms() throws -> [(BarOrientation, ColumnLabels)] {
        if spec.categoryLabels == .sampled {
            return [(try resolveOrientation(), .lines)]
        }
        switch spec.orientation {
        case .vertical: return [(.vertical, .lines), (.vertical, .deepLines), (.vertical, .stacked)]
        case .horizontal: return [(.horizontal, .lines)]
        case .automatic:
            return [(.vertical, .lines), (.horizontal, .lines), (.vertical, .deepLines), (.vertical, .stacked)]
        }
    }

    /// One form; when a reference label finds no free spot on the plot, the form again with a
    /// margin for the reference labels.
    func attempt(chrome: ChartChrome) throws -> BarChartLayout {
        referenceOutside = false
        referenceArea = area
        do {
            return try attemptOnce(chrome: chrome)
        } catch is ReferenceLabelsOutside {
            let full = area
            defer { area = full }
            let m = try referenceMarginSize()
            if orientation == .vertical { area.width -= m } else { area.y += m; area.height -= m }
            guard area.width > theme.labelSize * 4, area.height > theme.labelSize * 4 else {
                throw FormFailure(reason: "the reference line labels leave no room for the plot", neededHeight: nil)
            }
            referenceOutside = true
            return try attemptOnce(chrome: chrome)
        }
    }

    private func attemptOnce(chrome: ChartChrome) throws -> BarChartLayout {
        axisTitleNode = nil
        if orientation == .vertical { try layoutVerticalFrame() } else { try layoutHorizontalFrame() }
        placeBars()
        try placeValueLabels()
        try placeReferenceLines()
        return try assemble(chrome: chrome, legend: legend)
    }

    /// The user-level error: what did not fit, and the height that would.
    func layoutError(_ failures: [FormFailure]) -> BarChartLayoutError {
        let growing = failures.filter { ($0.neededHeight ?? 0) > frame.height }
        let best = growing.min { $0.neededHeight! < $1.neededHeight! }
        let needed = best?.neededHeight
        let reason = (best ?? failures.first)?.reason ?? "the chart does not fit"
        var message = reason
        if let h = needed {
            let pt = Int(h.rounded(.up))
            message = "\(data.n) categories need \(pt) pt of height (the frame has \(Int(frame.height)) pt): \(reason)"
        }
        if let h = needed {
            let pt = Int(h.rounded(.up))
            message += spec.orientation == .vertical
                ? "; set orientation: horizontal or report_height ≥ \(pt)"
                : "; set report_height ≥ \(pt) or shorten the names"
        } else if spec.orientation == .vertical {
            message += "; set orientation: horizontal or shorten the names"
        }
        return BarChartLayoutError(message: message, neededHeight: needed, reason: reason, categories: data.n,
                                   frameHeight: frame.height)
    }

    /// Series (when the legend is shown) then one entry per kind of non-measured value drawn.
    func legendEntries() -> [LegendEntry] {
        var entries: [LegendEntry] = []
        if spec.legendShown {
            entries = spec.series.indices.map { LegendEntry(name: spec.series[$0].name, color: seriesColor($0)) }
        }
        let neutral = data.seriesCount == 1 ? seriesColor(0) : theme.secondaryText
        for status in data.statusesShown {
            entries.append(LegendEntry(name: status == .planned ? "预计值" : "推算值", color: neutral,
                                       swatch: status == .planned ? .outlined : .hatched))
        }
        return entries
    }

    func seriesColor(_ s: Int) -> Color { spec.series[s].color ?? theme.seriesColor(s) }

    var tickText: (Double) -> String {
        if let f = spec.valueFormatter { return { BarChartData.typographic(f($0)) } }
        let t = ticks
        return { BarChartData.typographic(t.format($0)) }
    }

    private func assemble(chrome: ChartChrome, legend: LegendLayout?) throws -> BarChartLayout {
        var grid: [Node] = []
        let gridStroke = Stroke(color: theme.grid, width: theme.gridWidth)
        for t in ticks.values where t != 0 {
            let p = scale(t)
            let line = orientation == .vertical
                ? PathNode.line(from: Point(plot.minX, p), to: Point(plot.maxX, p), stroke: gridStroke)
                : PathNode.line(from: Point(p, plot.minY), to: Point(p, plot.maxY), stroke: gridStroke)
            grid.append(.path(line))
        }
        // Zero is the bars' baseline: a stronger line, drawn over the bars' ends.
        let z = scale(0)
        let baseStroke = Stroke(color: theme.axis, width: theme.axisWidth)
        let baseline = orientation == .vertical
            ? PathNode.line(from: Point(plot.minX, z), to: Point(plot.maxX, z), stroke: baseStroke)
            : PathNode.line(from: Point(z, plot.minY), to: Point(z, plot.maxY), stroke: baseStroke)

        var barNodes: [Node] = []
        barNodes.reserveCapacity(bars.count)
        let outline = Stroke(color: theme.text, width: theme.axisWidth * 1.5)
        for b in bars where b.rect.width > 0 && b.rect.height > 0 {
            let swatch: LegendSwatch = b.status == .planned ? .outlined : (b.status == .derived ? .hatched : .solid)
            barNodes += BarPaint.nodes(b.rect, color: b.color, swatch: swatch, lineWidth: theme.axisWidth)
            if b.highlighted { barNodes.append(.rect(RectNode(b.rect, stroke: outline))) }
        }
        let plotGroup = Group([
            .group(Group(grid, name: "grid")),
            .group(Group(barNodes, name: "bars")),
            .group(Group([.path(baseline)], name: "baseline")),
            .group(Group(referenceMarks.flatMap { [Node.path($0.line)] + ($0.label.map { [Node.text($0)] } ?? []) }, name: "reference")),
            .group(Group(valueLabels.map { .text($0.node) }, name: "labels")),
        ], name: "plot")

        var tickLabels: [PlacedLabel] = []
        var axisNodes: [Node] = []
        for t in try tickLabelNodes() {
            axisNodes.append(.text(t.node))
            tickLabels.append(PlacedLabel(text: t.node.text, box: t.box, index: t.index))
        }
        if let title = axisTitleNode { axisNodes.append(.text(title)) }

        var children: [Node] = [.group(Group(chrome.nodes, name: "notes"))]
        if let legend { children.append(.group(legend.group)) }
        children += [
            .group(plotGroup),
            .group(Group(axisNodes, name: "axis.value")),
            .group(Group(categoryNodes.map { .text($0.node) }, name: "axis.category")),
        ]
        return BarChartLayout(
            group: Group(children, name: "barchart"), frame: frame, orientation: orientation, plotRect: plot,
            bars: bars, valueLabels: valueLabels.map(\.label),
            categoryLabels: categoryNodes.map { PlacedLabel(text: $0.node.text, box: $0.box, index: data.order[$0.slot]) },
            ticks: ticks, tickLabels: tickLabels, valueAxisTitle: data.axisTitle, unit: data.unit,
            valueScale: scale, categoryScale: band, referenceLines: referenceMarks.map(\.mark), legend: legend)
    }
}
