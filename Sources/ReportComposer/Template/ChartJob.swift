import ReportCharts
import ReportData
import ReportScene

/// A chart bound to its data, ready to lay out at any size: once for the report column and
/// once for the standalone export.
public struct ChartJob: Sendable {
    /// The chart's specification, ready for its layout engine.
    public enum Spec: Sendable {
        case bar(BarChartSpec)
        case timeline(TimelineSpec)
    }
    public var id: String
    public var spec: Spec
    /// Caption and source line in the report ("图N caption" / "数据来源：...").
    public var caption: String
    public var source: String
    /// The preset of the standalone export (slide by default).
    public var exportPreset: ChartPreset
    /// False for `export: none`: the chart is only a figure of the report, with no files of its own.
    public var exportsFiles = true
    /// Height in the report's text column.
    public var reportHeight: Double
    /// How the standalone SVG carries its text (`svg_text:`).
    public var svgText: SVGTextMode = .outlines
    /// What the chart shows in words, for readers that cannot see it (PDF /Alt, SVG <desc>).
    public var alt: String = ""
    /// The chart's definition in report.yaml: layout errors are reported there.
    public var position: SourcePosition?
    /// Its `report_height` value, when set: where errors of the report-column layout point.
    public var reportHeightPosition: SourcePosition?

    public init(id: String, spec: Spec, caption: String, source: String, exportPreset: ChartPreset,
                reportHeight: Double, position: SourcePosition? = nil) {
        self.id = id; self.spec = spec; self.caption = caption; self.source = source
        self.exportPreset = exportPreset; self.reportHeight = reportHeight; self.position = position
    }

    /// The chart with every note: for the standalone SVG/PNG/PDF.
    public func layoutStandalone(measurer: any TextMeasurer) throws -> Group {
        try layoutStandaloneSized(preset: exportPreset, measurer: measurer).group
    }

    /// The standalone chart at any preset (`report check` tries them all).
    public func layoutStandalone(preset: ChartPreset, measurer: any TextMeasurer) throws -> Group {
        try layoutStandaloneSized(preset: preset, measurer: measurer).group
    }

    /// The standalone chart and its page size: the preset's, except that a `report` export grows
    /// like the report figure does (a slide keeps its 16:9 frame).
    public func layoutStandaloneSized(preset: ChartPreset? = nil, measurer: any TextMeasurer) throws
        -> (group: Group, size: Size) {
        let preset = preset ?? exportPreset
        let size = preset.size
        return try positioned("export preset \(preset.name), \(Int(size.width))×\(Int(size.height)) pt", at: position) {
            // A timeline may shrink the preset's type so the export names as many events as the report figure.
            if case .timeline(let t) = spec { return (try t.layout(preset: preset, measurer: measurer).group, size) }
            guard preset.name == ChartPreset.report.name else {
                // A slide cannot grow: say what fits its frame, not report_height.
                do { return (try layout(spec, frame: size, theme: preset.theme, measurer: measurer), size) }
                catch let e as BarChartLayoutError {
                    throw BarChartLayoutError(message: e.fixedFrameMessage(preset.name), neededHeight: nil)
                }
            }
            let (group, height) = try grown(from: size.height) { h in
                try layout(spec, frame: Size(size.width, h), theme: preset.theme, measurer: measurer)
            }
            return (group, Size(size.width, height))
        }
    }

    /// Tallest a report figure may grow to fit every name and value (the A4 text block less a caption).
    static let maxReportHeight = 680.0

    /// Lays out at `start`, growing to the height a bar chart says it needs (at most `maxReportHeight`).
    func grown(from start: Double, _ layout: (Double) throws -> Group) throws -> (group: Group, height: Double) {
        var height = start
        for _ in 0..<4 {
            do {
                return (try layout(height), height)
            } catch let e as BarChartLayoutError {
                guard let need = e.neededHeight, need > height else { throw e }
                // Past the text block no report_height helps: say what would fit instead.
                guard need <= Self.maxReportHeight else {
                    var beyond = e
                    beyond.message = e.beyondGrowthMessage(limit: Self.maxReportHeight)
                    beyond.beyondGrowth = true
                    throw beyond
                }
                height = (need / 10).rounded(.up) * 10
            }
        }
        return (try layout(height), height)
    }

    /// The chart inside the report: the figure caption and source line replace the chart's own
    /// title and source note, so they are not printed twice.
    public func layoutForReport(width: Double, measurer: any TextMeasurer) throws -> Group {
        try layoutForReportSized(width: width, measurer: measurer).group
    }

    /// The report figure and its height: `reportHeight`, or taller when a bar chart needs it to
    /// name every category and label every bar, or a timeline to name every event (the figure
    /// grows in the flow rather than drop them).
    public func layoutForReportSized(width: Double, measurer: any TextMeasurer) throws -> (group: Group, height: Double) {
        var s = spec
        switch s {
        case .bar(var b): b.notes.title = nil; b.notes.sourceNote = nil; s = .bar(b)
        case .timeline(var t):
            t.notes.title = nil; t.notes.sourceNote = nil
            let layout = try timelineForReport(t, width: width, measurer: measurer)
            return (layout.group, layout.frame.height)
        }
        do {
            return try positioned(reportPlace(width), at: reportHeightPosition ?? position) {
                try grown(from: reportHeight) { h in
                    try layout(s, frame: Size(width, h), theme: ChartPreset.report.theme, measurer: measurer)
                }
            }
        } catch var f as ChartLayoutFailure where (f.underlying as? BarChartLayoutError)?.beyondGrowth == true {
            // Past the text block a report_height cannot help: the place names the column only.
            f.place = reportPlace(width, heightHelps: false)
            throw f
        }
    }

    /// Where a report-column layout error happened, for its message.
    func reportPlace(_ width: Double, heightHelps: Bool = true) -> String {
        reportHeightPosition == nil && heightHelps ? "report column \(Self.points(width))×\(Self.points(reportHeight)) pt; set report_height"
            : "report column \(Self.points(width))×\(Self.points(reportHeight)) pt"
    }

    func layout(_ spec: Spec, frame: Size, theme: ChartTheme, measurer: any TextMeasurer) throws -> Group {
        switch spec {
        case .bar(let b): try BarChart.layout(b, frame: frame, theme: theme, measurer: measurer).group
        case .timeline(let t): try t.layout(frame: frame, theme: theme, measurer: measurer).group
        }
    }

    /// Any layout failure becomes a `ChartLayoutFailure`: "report.yaml:line:col: error: chart
    /// 'id': <message> (<where>)". Errors that already carry a position pass through.
    func positioned<T>(_ place: String, at position: SourcePosition?, _ body: () throws -> T) throws -> T {
        do { return try body() } catch let d as Diagnostic { throw d } catch let f as ChartLayoutFailure { throw f } catch {
            throw ChartLayoutFailure(chartID: id, place: place, position: position, underlying: error)
        }
    }

    static func points(_ v: Double) -> String { v == v.rounded() ? String(Int(v)) : String(format2(v)) }
    private static func format2(_ v: Double) -> String { String((v * 100).rounded() / 100) }
}

/// A chart that could not be laid out, with the report.yaml position of its definition (or its
/// report_height). The underlying error stays available, so a caller that knows more (a glyph
/// no font has → the cell holding it) can point closer.
public struct ChartLayoutFailure: Error, CustomStringConvertible {
    public var chartID: String
    public var place: String
    public var position: SourcePosition?
    public var underlying: Error

    public init(chartID: String, place: String, position: SourcePosition?, underlying: Error) {
        self.chartID = chartID; self.place = place; self.position = position; self.underlying = underlying
    }

    public var diagnostic: Diagnostic { diagnostic(at: position, "\(underlying)") }

    /// The failure said at `at` (default: the chart's definition) with `message` for the cause.
    public func diagnostic(at: SourcePosition?, _ message: String) -> Diagnostic {
        let p = at ?? position ?? SourcePosition(file: "report.yaml", line: 1, column: 1)
        return Diagnostic(.error, file: p.file, line: p.line, column: p.column, "chart '\(chartID)': \(message) (\(place))")
    }
    public var description: String { diagnostic.description }
}
