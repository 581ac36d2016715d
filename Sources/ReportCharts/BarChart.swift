import ReportScene

/// Lays out bar charts: spec + frame + measurer → scene and geometry.
public enum BarChart {
    public static func layout(_ spec: BarChartSpec, preset: ChartPreset,
                              measurer: any TextMeasurer) throws -> BarChartLayout {
        try layout(spec, frame: preset.size, theme: preset.theme, measurer: measurer)
    }

    public static func layout(_ spec: BarChartSpec, frame: Size, theme: ChartTheme,
                              measurer: any TextMeasurer) throws -> BarChartLayout {
        try BarChartEngine(spec: spec, frame: frame, theme: theme, measurer: measurer).run()
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
    var referenceMarks: [(mark: BarReferenceMark, line: PathNode, backdrop: RectNode?, label: TextNode?)] = []
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

    func run() throws -> BarChartLayout {
        let chrome = try ChartChrome(notes: spec.notes, frame: frame, theme: theme, measurer: fit.measurer)
        area = chrome.plotArea
        var legend: LegendLayout?
        if spec.legendShown {
            let entries = spec.series.enumerated().map { LegendEntry(name: $1.name, color: seriesColor($0)) }
            let l = try Legend.layout(entries, at: Point(area.minX, area.minY), maxWidth: area.width, theme: theme,
                                      fit: fit)
            let used = l.bounds.height + theme.labelSize * 0.8
            area.y += used; area.height -= used
            legend = l
        }
        guard area.width > theme.labelSize * 4, area.height > theme.labelSize * 4 else {
            throw BarChartError.frameTooSmall(frame)
        }
        orientation = try resolveOrientation()
        if orientation == .vertical { try layoutVerticalFrame() } else { try layoutHorizontalFrame() }
        placeBars()
        try placeValueLabels()
        try placeReferenceLines()
        return try assemble(chrome: chrome, legend: legend)
    }

    func seriesColor(_ s: Int) -> Color { spec.series[s].color ?? theme.seriesColor(s) }

    var tickText: (Double) -> String {
        if let f = spec.valueFormatter { return { f($0) } }
        let t = ticks
        return { t.format($0) }
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
        for b in bars where b.rect.width > 0 && b.rect.height > 0 {
            barNodes.append(.rect(RectNode(b.rect, fill: b.color)))
        }
        let plotGroup = Group([
            .group(Group(grid, name: "grid")),
            .group(Group(barNodes, name: "bars")),
            .group(Group([.path(baseline)], name: "baseline")),
            .group(Group(referenceMarks.flatMap { [Node.path($0.line)] + ($0.backdrop.map { [Node.rect($0)] } ?? []) + ($0.label.map { [Node.text($0)] } ?? []) }, name: "reference")),
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
